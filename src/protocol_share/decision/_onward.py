"""Article 4: may the OCMW pass the data on? (A4-1, A4-2, A11-1)

The OCMW may pass the data to its own social worker bound by professional secrecy (A4-1)
or exchange them with an actor of the "geïntegreerd breed onthaal" partnership (A4-2); any
other recipient is refused with a reason. The rules are a table, all evaluated.
"""

from __future__ import annotations

from datetime import datetime

from protocol_share._model import wrong_type
from protocol_share.decision._decision import Decision
from protocol_share.decision._referral import OnwardShare
from protocol_share.decision._table import Moment, Rule, evaluate, in_force, make_rule
from protocol_share.protocol._protocol import Protocol
from protocol_share.protocol._torhout import TORHOUT

__all__ = ["ONWARD_RULES", "check_onward_share"]

SOCIAL_WORKER = "social_worker"
BREED_ONTHAAL_ACTOR = "breed_onthaal_actor"


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


ONWARD_RULES: tuple[Rule[OnwardShare], ...] = (
    make_rule(
        "rule.onward",
        "PROTOCOL_NOT_IN_FORCE",
        "protocol",
        in_force,
        ("A5-2", "A8-1", "A11-2", "A11-3"),
    ),
    make_rule(
        "rule.onward", "ONWARD_RECIPIENT_NOT_ALLOWED", "onward", _onward_kind_allowed, ("A4-2",)
    ),
    make_rule("rule.onward", "ONWARD_NOT_OWN_SOCIAL_WORKER", "onward", _onward_own_social_worker),
    make_rule("rule.onward", "ONWARD_NO_SECRECY", "onward", _onward_secrecy),
    make_rule("rule.onward", "ONWARD_NOT_PARTNER", "onward", _onward_partner),
)
"""The art. 4 rules for the OCMW passing data on (A4-1, A4-2, A11-1)."""


def check_onward_share(
    share: OnwardShare, protocol: Protocol = TORHOUT, *, at: datetime
) -> Decision:
    """May the OCMW pass the data on to this person at ``at``? (A4-1, A4-2, A11-1)

    Allowed for the OCMW's own social worker bound by professional secrecy (A4-1) and for
    an actor of the "geïntegreerd breed onthaal" partnership (A4-2); any other recipient is
    refused with a reason. Every rule of :data:`ONWARD_RULES` is evaluated.
    """
    if not isinstance(share, OnwardShare):
        raise wrong_type(share, OnwardShare, "share")
    if not isinstance(protocol, Protocol):
        raise wrong_type(protocol, Protocol, "protocol")
    return evaluate(ONWARD_RULES, share, protocol, at=at)
