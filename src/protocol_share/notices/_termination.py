"""The protocol's end (A8-1, A11-2, A11-3): for a breach, with notice, or by law.

The end changes nothing for data already received: their retention runs on
(:mod:`protocol_share.retention`).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Final, Literal, Self

from pydantic import model_validator

from protocol_share._model import FrozenModel, field_error, require_type
from protocol_share._time import Instant, local_date
from protocol_share.decision._consent import Identifier
from protocol_share.notices._text import Title
from protocol_share.protocol._protocol import Protocol
from protocol_share.protocol._torhout import TORHOUT

__all__ = ["TerminationGround", "TerminationNotice"]

TerminationGround = Literal["breach", "notice", "no_legal_basis"]
_TERMINATION_CLAUSE: Final = {"breach": "A8-1", "notice": "A11-2", "no_legal_basis": "A11-3"}


class TerminationNotice(FrozenModel):
    """The protocol's end (A8-1, A11-2, A11-3).

    ``ground`` ``breach``: Opgroeien (``given_by="sender"``) ends the protocol at once,
    without prior notice of default, because the OCMW processes the data in breach of the
    protocol, the GDPR or other data-protection law (``breached``) (A8-1). ``notice``:
    either party ends it in writing; it ends ``protocol.notice_months`` calendar months
    after ``given_on``, through the last day of that period (A11-2). ``no_legal_basis``: it
    ended by law on ``given_on``, when no legal basis for the transfer remained
    (``lapsed_basis`` names it) (A11-3). ``given_at``, for a termination for breach, is the
    instant the notice was given: the end takes effect then, not at midnight (A8-1).
    """

    notice_id: Identifier
    ground: TerminationGround
    given_by: Literal["sender", "recipient"]
    given_on: date
    given_at: Instant | None = None
    breached: frozenset[Literal["protocol", "gdpr", "other_data_protection_law"]] = frozenset()
    lapsed_basis: Title | None = None

    @model_validator(mode="after")
    def _ground_rules(self) -> Self:
        if self.ground == "breach" and self.given_by != "sender":
            raise field_error(
                "TerminationNotice",
                "given_by",
                "ONLY_SENDER_ENDS_FOR_BREACH",
                "A8-1 lets only Opgroeien (the sender) end the protocol for a breach",
            )
        if self.ground == "breach" and not self.breached:
            raise field_error(
                "TerminationNotice",
                "breached",
                "BREACH_NOT_NAMED",
                "name what was breached: the protocol, the GDPR or other data-protection law",
            )
        if self.ground != "breach" and self.breached:
            raise field_error(
                "TerminationNotice",
                "breached",
                "NOT_A_BREACH_TERMINATION",
                "only a termination for breach names what was breached",
            )
        if self.given_at is not None and self.ground != "breach":
            raise field_error(
                "TerminationNotice",
                "given_at",
                "INSTANT_ONLY_FOR_BREACH",
                "only a termination for breach takes effect at the instant it is given",
            )
        if self.given_at is not None and local_date(self.given_at, "given_at") != self.given_on:
            raise field_error(
                "TerminationNotice",
                "given_at",
                "INSTANT_NOT_ON_GIVEN_DAY",
                "the instant the notice was given falls on given_on (Europe/Brussels)",
            )
        if self.ground == "no_legal_basis" and self.lapsed_basis is None:
            raise field_error(
                "TerminationNotice",
                "lapsed_basis",
                "BASIS_NOT_NAMED",
                "name the legal basis that no longer exists",
            )
        return self

    @property
    def clause(self) -> str:
        """The clause the termination rests on: A8-1, A11-2 or A11-3."""
        return _TERMINATION_CLAUSE[self.ground]

    def ends_on(self, protocol: Protocol = TORHOUT) -> date:
        """The first day the protocol is no longer in force by this notice alone (A8-1, A11-2, A11-3)."""
        protocol = require_type(protocol, Protocol, "protocol")
        if self.ground == "notice":
            return protocol.notice_ends_on(self.given_on)
        return self.given_on

    def apply(self, protocol: Protocol = TORHOUT) -> Protocol:
        """The protocol ended by this notice (A8-1, A11-2, A11-3); an earlier recorded end stands."""
        protocol = require_type(protocol, Protocol, "protocol")
        if self.ground == "notice":
            return protocol.terminate_with_notice(self.given_on)
        if self.ground == "breach":
            moment: date | datetime = self.given_at or self.given_on
            return protocol.terminate_for_breach(moment)
        return protocol.legal_basis_lapsed(self.given_on)
