"""The pytest plugin's fixtures work under hypothesis' ``@given`` (issue 13).

The fixtures are imported into this module, which registers them for its tests as
``pytest_plugins`` would for a whole suite.
"""

from __future__ import annotations

from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from protocol_share import Protocol, Referral, check_referral
from protocol_share.pytest_plugin import (  # noqa: F401 - fixtures, used by name
    FIXED_INSTANT,
    fixed_clock,
    protocol_share_protocol,
    valid_referral,
)
from protocol_share.strategies import client_data


@settings(max_examples=5)
@given(client=client_data())
def test_the_fixtures_can_be_used_by_a_given_test(
    client: object,
    protocol_share_protocol: Protocol,  # noqa: F811
    fixed_clock: datetime,  # noqa: F811
    valid_referral: Referral,  # noqa: F811
) -> None:
    # Function-scoped fixtures fail hypothesis' health check before the first example;
    # these are session-scoped, immutable values.
    changed = valid_referral.replace(client=client)
    assert check_referral(changed, protocol_share_protocol, at=fixed_clock).allowed


@given(number=st.integers())
def test_the_fixtures_are_the_same_objects_every_example(
    number: int,
    fixed_clock: datetime,  # noqa: F811
) -> None:
    assert fixed_clock == FIXED_INSTANT
