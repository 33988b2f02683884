"""The laws a host system must keep, checked with protocol-share's strategies and fixtures."""

from __future__ import annotations

from datetime import datetime

from host import send_referral
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from protocol_share import TORHOUT, Protocol, Referral, generate_password, open_package
from protocol_share.strategies import REFERRAL_VIOLATIONS, client_data, moments, referrals

PASSWORD = generate_password()
FEW = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_the_fixture_referral_is_sent_to_the_protocol_mailbox_only(
    valid_referral: Referral, fixed_clock: datetime, protocol_share_protocol: Protocol
) -> None:
    package = send_referral(valid_referral, PASSWORD, at=fixed_clock)
    assert package is not None
    assert package.message["To"] == protocol_share_protocol.mailbox
    assert package.message["Cc"] is None
    assert package.message["Bcc"] is None


def test_what_was_sent_opens_to_the_same_client(
    valid_referral: Referral, fixed_clock: datetime
) -> None:
    package = send_referral(valid_referral, PASSWORD, at=fixed_clock)
    assert package is not None
    received = open_package(package.archive, password=PASSWORD, protocol=TORHOUT)
    assert received.client == valid_referral.client


@FEW
@given(client=client_data())
def test_every_client_of_the_fixture_referral_is_sent(
    client: object, valid_referral: Referral, fixed_clock: datetime
) -> None:
    # The plugin's fixtures are session-scoped, so a @given test may use them.
    referral = valid_referral.replace(client=client)
    assert send_referral(referral, PASSWORD, at=fixed_clock) is not None


@FEW
@given(referrals(valid=True))
def test_every_valid_referral_is_sent(referral: Referral) -> None:
    assert send_referral(referral, PASSWORD, at=referral.created_at) is not None


@FEW
@given(st.data())
def test_no_referral_that_breaks_a_rule_is_ever_sent(data: st.DataObject) -> None:
    # TORHOUT lists every data item, so no referral can carry one it does not list.
    possible = sorted(REFERRAL_VIOLATIONS - {"DATA_ITEM_NOT_IN_PROTOCOL"})
    code = data.draw(st.sampled_from(possible))
    if code == "REFERRAL_AFTER_DECISION":
        # The moment of sending, drawn first: the referral is dated after it.
        at = data.draw(moments())
        referral = data.draw(referrals(valid=False, violating={code}, at=at))
    else:
        # Sent when it was made: the strategy picks a moment that fits the violation (a stale
        # consent needs a moment long enough after the protocol's start).
        referral = data.draw(referrals(valid=False, violating={code}))
        at = referral.created_at
    assert send_referral(referral, PASSWORD, at=at) is None


@FEW
@given(referrals(valid=True))
def test_the_email_names_no_client_data(referral: Referral) -> None:
    package = send_referral(referral, PASSWORD, at=referral.created_at)
    assert package is not None
    visible = f"{package.message['Subject']} {package.filename} {package.message.get_body()}"
    client = referral.client
    for value in (client.first_name, client.last_name, client.address.street, client.email):
        if value:
            assert value not in visible
