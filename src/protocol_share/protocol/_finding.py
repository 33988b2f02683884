"""``Finding``: one problem ``lint_protocol`` or ``lint_signed_text`` reports (D-1)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Finding", "Severity"]

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in a protocol or its signed text (D-1, E-1, A6-3, ...): a stable code, how
    bad, where, and what; ``clause`` is the id of the clause register it bears on
    (``CLAUSES``), or ``None`` for a format error of the model."""

    code: str
    severity: Severity
    path: str
    message: str
    clause: str | None = None
