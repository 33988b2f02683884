"""Article 4: may the OCMW pass the data on? (A4-1, A4-2)

The OCMW may pass the data to its own social worker bound by professional secrecy (A4-1)
or exchange them with an actor of the "geïntegreerd breed onthaal" partnership under the
rules of the decree of 9 February 2018, each checked and recorded (A4-2); any other
recipient is refused with a reason. Passing data on is the OCMW's use of its own file: it
needs data received in a transfer under the protocol, not a protocol still in force, so
the end of the protocol (A5-2, A8-1, A11) does not stop it; the retention terms do (A3-6). The rules are a table, all evaluated by
:func:`~protocol_share.decision._check.check_onward_share`.
"""

from __future__ import annotations

from protocol_share._time import as_utc, local_date
from protocol_share.decision._referral import DECREE_CHECKS, OnwardShare
from protocol_share.decision._table import Moment, Rule
from protocol_share.protocol._protocol import Protocol

__all__ = ["ONWARD_RULES"]

SOCIAL_WORKER = "social_worker"
BREED_ONTHAAL_ACTOR = "breed_onthaal_actor"


def _received_under_protocol(share: OnwardShare, protocol: Protocol, moment: Moment) -> bool:
    received = as_utc(share.received_at)
    return received <= moment.at and (
        protocol._status_in(local_date(received), received) == "in_force"
    )


def _onward_kind_allowed(share: OnwardShare, protocol: Protocol, _: Moment) -> bool:
    return any(onward.kind == share.kind for onward in protocol.onward_recipients)


def _onward_own_social_worker(share: OnwardShare, protocol: Protocol, _: Moment) -> bool:
    return share.kind != SOCIAL_WORKER or share.organisation_kbo == protocol.recipient.kbo


def _onward_secrecy(share: OnwardShare, protocol: Protocol, _: Moment) -> bool:
    for onward in protocol.onward_recipients:
        if onward.kind == share.kind and onward.requires_professional_secrecy:
            return share.professional_secrecy is True
    return True


def _onward_partner(share: OnwardShare, _: Protocol, __: Moment) -> bool:
    return share.kind != BREED_ONTHAAL_ACTOR or share.breed_onthaal_partner is True


def _onward_decree_checked(share: OnwardShare, _: Protocol, __: Moment) -> bool:
    return share.kind != BREED_ONTHAAL_ACTOR or share.decree_checks >= DECREE_CHECKS


ONWARD_RULES: tuple[Rule[OnwardShare], ...] = (
    Rule(
        "ONWARD_NOT_RECEIVED_UNDER_PROTOCOL",
        "A4-1",
        "onward",
        _received_under_protocol,
        ("A5-2", "A11-1"),
    ),
    Rule("ONWARD_RECIPIENT_NOT_ALLOWED", "A4-1", "onward", _onward_kind_allowed, ("A4-2",)),
    Rule("ONWARD_NOT_OWN_SOCIAL_WORKER", "A4-1", "onward", _onward_own_social_worker),
    Rule("ONWARD_NO_SECRECY", "A4-1", "onward", _onward_secrecy),
    Rule("ONWARD_NOT_PARTNER", "A4-2", "onward", _onward_partner),
    Rule("ONWARD_DECREE_NOT_CHECKED", "A4-2", "onward", _onward_decree_checked),
)
"""The art. 4 rules for the OCMW passing data on (A4-1, A4-2): one row per rule."""
