"""Decision and Reason: the answer to "may this be sent?", with every reason why not.

A :class:`Decision` is allowed only when no rule failed (default deny: C-1 to C-7, A5-1).
Each :class:`Reason` carries a stable code, the clause id of ``protocol/CLAUSES.md`` and a
Dutch and an English message that name no personal data. Every reason this library can
give is defined once, here, in :data:`REASONS`; the rules (:mod:`protocol_share.rules`)
only refer to them by code.

>>> REASONS["CONSENT_WITHDRAWN"].clause
'C-7'
>>> print(REASONS["WRONG_MAILBOX"].message_en)
The recipient is not reached at the mailbox the protocol names.
>>> decision = Decision.of((REASONS["NOT_ASSESSED"], REASONS["CONSENT_WITHDRAWN"]))
>>> decision.allowed, [reason.code for reason in decision.reasons]
(False, ['NOT_ASSESSED', 'CONSENT_WITHDRAWN'])
>>> Decision.of(()).allowed
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Annotated, Any, Self

from pydantic import Field, model_validator

from protocol_share._model import FrozenModel, field_error

__all__ = ["REASONS", "REASON_CODES", "Decision", "Reason"]


class Reason(FrozenModel):
    """Why a rule failed (C-1 to C-7, A3-3, A4, A5, A6, A11): a stable ``code``, the
    ``clause`` id it enforces, and a ``message_nl`` and ``message_en`` without personal data.
    """

    code: Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9_]*$")]
    clause: Annotated[str, Field(pattern=r"^(C|D|E|A\d+)-\d+$")]
    message_nl: Annotated[str, Field(min_length=1)]
    message_en: Annotated[str, Field(min_length=1)]


def _reason(code: str, clause: str, message_nl: str, message_en: str) -> Reason:
    return Reason(code=code, clause=clause, message_nl=message_nl, message_en=message_en)


# The catalogue: the order here is the order in which a decision lists its reasons.
_CATALOGUE: tuple[Reason, ...] = (
    _reason(
        "PROTOCOL_NOT_IN_FORCE",
        "A11-1",
        "Het protocol is op dat ogenblik niet van kracht (nog niet begonnen of beëindigd).",
        "The protocol is not in force at that moment (not yet started, or ended).",
    ),
    _reason(
        "SENDER_NOT_AUTHORISED",
        "C-1",
        "De afzender is geen lid van het lokale team dat het protocol noemt.",
        "The sender is not a member of the local team the protocol names.",
    ),
    _reason(
        "SENDER_NO_SECRECY",
        "C-1",
        "De afzender is niet gebonden door het beroepsgeheim.",
        "The sender is not bound by professional secrecy.",
    ),
    _reason(
        "NOT_ASSESSED",
        "A5-1",
        "Het teamlid heeft de doorverwijzing niet samen met de cliënt aangewezen geacht.",
        "The team member has not judged the referral appropriate together with the client.",
    ),
    _reason(
        "RECIPIENT_NOT_AUTHORISED",
        "C-4",
        "De ontvanger is geen maatschappelijk werker van de organisatie die het protocol noemt.",
        "The recipient is not a social worker of the organisation the protocol names.",
    ),
    _reason(
        "RECIPIENT_NO_SECRECY",
        "C-5",
        "De ontvanger is niet gebonden door hetzelfde beroepsgeheim.",
        "The recipient is not bound by the same professional secrecy.",
    ),
    _reason(
        "WRONG_MAILBOX",
        "A6-3",
        "De ontvanger wordt niet bereikt via de mailbox die het protocol noemt.",
        "The recipient is not reached at the mailbox the protocol names.",
    ),
    _reason(
        "NOT_RESIDENT",
        "C-4",
        "De cliënt woont niet in de gemeente van de ontvanger (postcode buiten het protocol).",
        "The client does not live in the recipient's municipality (postcode outside the protocol).",
    ),
    _reason(
        "CONSENT_NOT_INFORMED",
        "C-6",
        "De cliënt werd niet over alle onderwerpen geïnformeerd: welke gegevens, aan wie, "
        "waarom, wat er daarna gebeurt en dat de toestemming kan worden ingetrokken.",
        "The client was not told about every topic: which data, to whom, why, what happens "
        "next, and that consent can be withdrawn.",
    ),
    _reason(
        "CONSENT_WITHDRAWN",
        "C-7",
        "De cliënt heeft de toestemming ingetrokken.",
        "The client has withdrawn the consent.",
    ),
    _reason(
        "CONSENT_AFTER_TRANSFER",
        "C-7",
        "De toestemming werd pas na het ogenblik van de doorgifte gegeven.",
        "The consent was given only after the moment of the transfer.",
    ),
    _reason(
        "CONSENT_SCOPE_RECIPIENT",
        "C-7",
        "De toestemming geldt niet voor de ontvangende organisatie van het protocol.",
        "The consent does not cover the protocol's recipient organisation.",
    ),
    _reason(
        "CONSENT_SCOPE_DATA",
        "C-7",
        "De toestemming dekt niet elk gegeven dat zou worden doorgegeven.",
        "The consent does not cover every data item that would be sent.",
    ),
    _reason(
        "DATA_ITEM_NOT_IN_PROTOCOL",
        "A3-3",
        "Een gegeven dat zou worden doorgegeven staat niet in artikel 3 van het protocol.",
        "A data item that would be sent is not listed in article 3 of the protocol.",
    ),
    _reason(
        "FORBIDDEN_IDENTIFIER",
        "A3-3",
        "De gegevens bevatten een rijksregister-, BIS-, IBAN- of KBO-nummer, wat artikel 3 verbiedt.",
        "The data hold a national register, BIS, IBAN or KBO number, which article 3 forbids.",
    ),
    _reason(
        "ONWARD_RECIPIENT_NOT_ALLOWED",
        "A4-1",
        "Het OCMW mag de gegevens alleen doorgeven aan zijn maatschappelijk werker of aan een "
        "actor van het geïntegreerd breed onthaal.",
        "The OCMW may pass the data on only to its social worker or to an actor of the "
        "integrated broad reception partnership.",
    ),
    _reason(
        "ONWARD_NOT_OWN_SOCIAL_WORKER",
        "A4-1",
        "De maatschappelijk werker hoort niet bij het OCMW dat de gegevens ontving.",
        "The social worker does not belong to the OCMW that received the data.",
    ),
    _reason(
        "ONWARD_NO_SECRECY",
        "A4-1",
        "De maatschappelijk werker is niet gebonden door het beroepsgeheim.",
        "The social worker is not bound by professional secrecy.",
    ),
    _reason(
        "ONWARD_NOT_PARTNER",
        "A4-2",
        "De actor maakt geen deel uit van het samenwerkingsverband geïntegreerd breed onthaal.",
        "The actor is not part of the integrated broad reception partnership.",
    ),
)

REASONS: Mapping[str, Reason] = MappingProxyType({reason.code: reason for reason in _CATALOGUE})
"""Every reason this library gives, by code: clause id and Dutch and English messages
(C-1 to C-7, A3-3, A4-1, A4-2, A5-1, A6-3, A11-1). Messages name no personal data."""

REASON_CODES: tuple[str, ...] = tuple(reason.code for reason in _CATALOGUE)
"""All reason codes, in the order a decision lists them (C-1 to C-7, A3-3, A4, A5, A6, A11)."""

_RANK: Mapping[str, int] = {code: rank for rank, code in enumerate(REASON_CODES)}


def _canonical(reasons: Iterable[Reason]) -> tuple[Reason, ...]:
    unique = {reason.code: reason for reason in reasons}
    return tuple(sorted(unique.values(), key=lambda r: (_RANK.get(r.code, len(_RANK)), r.code)))


class Decision(FrozenModel):
    """The outcome of a check (C-1 to C-7, A4, A5-1): ``allowed`` exactly when ``reasons``
    is empty (default deny).

    ``reasons`` holds one :class:`Reason` per failed rule, in the order of
    :data:`REASON_CODES` (unknown codes last, by code), whatever order the rules ran in.
    """

    allowed: bool
    reasons: tuple[Reason, ...] = ()

    @model_validator(mode="after")
    def _allowed_iff_no_reasons(self) -> Self:
        if self.allowed == bool(self.reasons):
            raise field_error(
                "Decision",
                "allowed",
                "INCONSISTENT",
                "allowed must be true exactly without reasons",
            )
        return self

    @property
    def codes(self) -> frozenset[str]:
        """The codes of all reasons (DESIGN.md, public contract)."""
        return frozenset(reason.code for reason in self.reasons)

    @classmethod
    def of(cls, reasons: Iterable[Reason]) -> Decision:
        """The decision for these failed rules (default deny, DESIGN.md): allowed when there
        are none. Reasons are de-duplicated by code and put in canonical order."""
        if isinstance(reasons, (list, tuple)) and not reasons:
            return _ALLOWED
        ordered = _canonical(reasons)
        if not ordered:
            return _ALLOWED
        return cls(allowed=False, reasons=ordered)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: ``allowed`` and each reason's code, clause and messages (DESIGN.md)."""
        return {
            "allowed": self.allowed,
            "reasons": [
                {
                    "code": r.code,
                    "clause": r.clause,
                    "message_nl": r.message_nl,
                    "message_en": r.message_en,
                }
                for r in self.reasons
            ],
        }


_ALLOWED = Decision(allowed=True)
