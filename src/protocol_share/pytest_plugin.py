"""Opt-in pytest fixtures for compliance suites (docs/design.md: strategies for downstream suites).

Enable in a ``conftest.py``::

    pytest_plugins = ["protocol_share.pytest_plugin"]

Fixtures: ``protocol_share_protocol`` (the built-in TORHOUT; override it to test your
own protocol), ``fixed_clock`` (an aware instant in Europe/Brussels while the protocol is
in force, A11-1) and ``valid_referral`` (a referral that keeps every rule at that instant,
C-1 to C-7, A5-1). Needs pytest; nothing in the core imports this module.

The values are immutable, so the fixtures are session-scoped: a hypothesis ``@given`` test
may use them (hypothesis refuses function-scoped fixtures, which would not be reset
between its examples). To test your own protocol, override ``protocol_share_protocol``
with a fixture of session (or module) scope too, for example in your ``conftest.py``::

    @pytest.fixture(scope="session")
    def protocol_share_protocol():
        return Protocol.model_validate_json(Path("protocol.json").read_text())
"""

from __future__ import annotations

from datetime import datetime

import pytest

from protocol_share._time import BRUSSELS
from protocol_share.decision._referral import Referral
from protocol_share.examples import example_referral
from protocol_share.protocol._protocol import Protocol
from protocol_share.protocol._torhout import TORHOUT

__all__ = ["FIXED_INSTANT", "fixed_clock", "protocol_share_protocol", "valid_referral"]

FIXED_INSTANT = datetime(2025, 3, 3, 10, 0, tzinfo=BRUSSELS)
"""The instant ``fixed_clock`` gives: Monday 3 March 2025, 10:00 in Brussels."""


@pytest.fixture(scope="session")
def protocol_share_protocol() -> Protocol:
    """The protocol under test: TORHOUT (recitals, art. 2 to 11). Override to use your own."""
    return TORHOUT


@pytest.fixture(scope="session")
def fixed_clock() -> datetime:
    """A fixed, timezone-aware instant to pass as ``at=`` (A11-1: inside TORHOUT's term)."""
    return FIXED_INSTANT


@pytest.fixture(scope="session")
def valid_referral(protocol_share_protocol: Protocol, fixed_clock: datetime) -> Referral:
    """A referral that ``check_referral`` allows at ``fixed_clock`` (C-1 to C-7, A5-1)."""
    return example_referral(protocol_share_protocol, at=fixed_clock)
