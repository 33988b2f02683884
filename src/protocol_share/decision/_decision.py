"""Decision and Reason: the answer to "may this be sent?", with every reason why not.

A :class:`Decision` is allowed only when no rule failed (default deny: C-1 to C-7, A5-1).
Each :class:`Reason` carries a stable code, the clause id of the clause register
(``docs/clauses.md``) and a Dutch and an English message that name no personal data. Every reason this library can
give is defined once, here, in :data:`REASONS`, its messages in the language catalogues
(:mod:`protocol_share._text`, ``reason.<code>``); the rules (:mod:`protocol_share.decision._rules`)
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
from protocol_share._text import texts

__all__ = ["REASONS", "REASON_CODES", "Decision", "Reason"]


class Reason(FrozenModel):
    """Why a rule failed (C-1 to C-7, A3-3, A4, A5, A6, A11): a stable ``code``, the
    ``clause`` id it enforces, and a ``message_nl`` and ``message_en`` without personal data.
    """

    code: Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9_]*$")]
    clause: Annotated[str, Field(pattern=r"^(C|D|E|A\d+)-\d+$")]
    message_nl: Annotated[str, Field(min_length=1)]
    message_en: Annotated[str, Field(min_length=1)]


def _reason(code: str, clause: str) -> Reason:
    text = texts(f"reason.{code}")
    return Reason(code=code, clause=clause, message_nl=text.nl, message_en=text.en)


# The catalogue: the order here is the order in which a decision lists its reasons. The
# messages live in the language catalogues (protocol_share._text), under reason.<code>.
_CATALOGUE: tuple[Reason, ...] = (
    _reason("PROTOCOL_NOT_IN_FORCE", "A11-1"),
    _reason("SENDER_NOT_AUTHORISED", "C-1"),
    _reason("SENDER_NO_SECRECY", "C-1"),
    _reason("NOT_ASSESSED", "A5-1"),
    _reason("REFERRAL_AFTER_DECISION", "A5-1"),
    _reason("RECIPIENT_NOT_AUTHORISED", "C-4"),
    _reason("RECIPIENT_NO_SECRECY", "C-5"),
    _reason("WRONG_MAILBOX", "A6-3"),
    _reason("NOT_RESIDENT", "C-4"),
    _reason("CONSENT_NOT_INFORMED", "C-6"),
    _reason("CONSENT_WITHDRAWN", "C-7"),
    _reason("CONSENT_AFTER_TRANSFER", "C-7"),
    _reason("CONSENT_SCOPE_RECIPIENT", "C-7"),
    _reason("CONSENT_SCOPE_DATA", "C-7"),
    _reason("DATA_ITEM_NOT_IN_PROTOCOL", "A3-3"),
    _reason("FORBIDDEN_IDENTIFIER", "A3-3"),
    _reason("ONWARD_RECIPIENT_NOT_ALLOWED", "A4-1"),
    _reason("ONWARD_NOT_OWN_SOCIAL_WORKER", "A4-1"),
    _reason("ONWARD_NO_SECRECY", "A4-1"),
    _reason("ONWARD_NOT_PARTNER", "A4-2"),
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
