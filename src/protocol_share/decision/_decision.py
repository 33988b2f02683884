"""Decision and Reason: the answer to "may this be sent?", with every reason why not.

A :class:`Decision` is allowed only when no rule failed (default deny: C-1 to C-7, A5-1).
Each :class:`Reason` carries a stable code, the clause id of the clause register
(``docs/clauses.md``) and a Dutch and an English message that name no personal data. Every
reason is defined once, by the row of its rule (:mod:`protocol_share.decision._rules`, :mod:`protocol_share.decision._onward`):
:data:`REASONS` and :data:`REASON_CODES` are read from those tables.

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

import functools
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, Self

from pydantic import model_validator

from protocol_share._model import FrozenModel, field_error
from protocol_share.decision._onward import ONWARD_RULES
from protocol_share.decision._rules import REFERRAL_RULES
from protocol_share.decision._table import Reason, Rule

__all__ = ["REASONS", "REASON_CODES", "Decision", "Reason"]


def _from_tables() -> dict[str, Reason]:
    reasons: dict[str, Reason] = {}
    rows: tuple[Rule[Any], ...] = (*REFERRAL_RULES, *ONWARD_RULES)
    for rule in rows:
        # A row two tables share (PROTOCOL_IN_FORCE) is one row: one reason per code.
        reasons.setdefault(rule.code, rule.reason)
    return reasons


REASONS: Mapping[str, Reason] = MappingProxyType(_from_tables())
"""Every reason this library gives, by code: clause id and Dutch and English messages
(C-1 to C-7, A3-3, A4-1, A4-2, A5-1, A6-3, A11-1), read from the rule tables in their
order. Messages name no personal data."""

REASON_CODES: tuple[str, ...] = tuple(REASONS)
"""All reason codes, in the order a decision lists them (C-1 to C-7, A3-3, A4, A5, A6, A11):
the referral table's, then the article 4 table's."""

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
        """The codes of all reasons (docs/design.md, public contract)."""
        return frozenset(reason.code for reason in self.reasons)

    @classmethod
    def of(cls, reasons: Iterable[Reason]) -> Decision:
        """The decision for these failed rules (default deny, docs/design.md): allowed when there
        are none. Reasons are de-duplicated by code and put in canonical order."""
        if isinstance(reasons, (list, tuple)) and not reasons:
            return _ALLOWED
        return _decision_of(tuple(reasons))

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: ``allowed`` and each reason's code, clause and messages (docs/design.md)."""
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


@functools.lru_cache(maxsize=1024)
def _decision_of(reasons: tuple[Reason, ...]) -> Decision:
    # A decision is a value: the same failed rules give an equal decision, built and
    # validated once (a host's refusals come in a few hundred combinations at most).
    ordered = _canonical(reasons)
    return Decision(allowed=False, reasons=ordered) if ordered else _ALLOWED
