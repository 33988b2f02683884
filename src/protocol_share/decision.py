"""Decision and Reason: the answer to "may this be sent?", with every reason why not.

A :class:`Decision` is allowed only when no rule failed (default deny: C-1 to C-7, A5-1).
Each :class:`Reason` carries a stable code, the clause id of ``protocol/CLAUSES.md`` and a
Dutch and an English message that name no personal data.
"""

from __future__ import annotations

from typing import Annotated, Self

from pydantic import Field, model_validator

from protocol_share._model import FrozenModel, field_error

__all__ = ["Decision", "Reason"]


class Reason(FrozenModel):
    """Why a rule failed: stable ``code``, ``clause`` id, ``message_nl`` and ``message_en``."""

    code: Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9_]*$")]
    clause: Annotated[str, Field(pattern=r"^(C|D|E|A\d+)-\d+$")]
    message_nl: Annotated[str, Field(min_length=1)]
    message_en: Annotated[str, Field(min_length=1)]


class Decision(FrozenModel):
    """The outcome of a check: ``allowed`` exactly when ``reasons`` is empty (default deny)."""

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
        """The codes of all reasons."""
        return frozenset(reason.code for reason in self.reasons)

    @classmethod
    def of(cls, reasons: tuple[Reason, ...]) -> Decision:
        """The decision for these failed rules: allowed when there are none."""
        return cls(allowed=not reasons, reasons=reasons)
