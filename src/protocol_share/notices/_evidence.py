"""The proof the OCMW hands Opgroeien on simple request (A6-4 to A6-7): security policy,
security plan, DPO, register entry."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Final, Literal, Self

from pydantic import Field, model_validator

from protocol_share._model import FrozenModel, field_error, require_type
from protocol_share._text import message
from protocol_share.errors import InvalidInput
from protocol_share.notices._text import Title
from protocol_share.protocol._protocol import Protocol
from protocol_share.protocol._torhout import TORHOUT

__all__ = [
    "EVIDENCE_ITEMS",
    "EvidenceChecklist",
    "EvidenceCode",
    "EvidenceItem",
    "evidence_checklist",
]

EvidenceCode = Literal["security_policy", "security_plan", "dpo", "register_entry"]


class EvidenceItem(FrozenModel):
    """One piece of proof for A6-4 to A6-6: what it is, and the document that shows it.

    ``document`` is the host's reference (title, number, location); ``dated`` its date.
    """

    code: EvidenceCode
    clause: Annotated[str, Field(pattern=r"^A6-[4-6]$")]
    what_nl: Title
    what_en: Title
    document: Title | None = None
    dated: date | None = None

    @property
    def provided(self) -> bool:
        """Whether a document is named for this item (A6-7)."""
        return self.document is not None


_EVIDENCE_CLAUSES: Final[tuple[tuple[EvidenceCode, str], ...]] = (
    ("security_policy", "A6-4"),
    ("security_plan", "A6-4"),
    ("dpo", "A6-5"),
    ("register_entry", "A6-6"),
)
EVIDENCE_ITEMS: Final[tuple[tuple[EvidenceCode, str, str, str], ...]] = tuple(
    (code, clause, message(f"evidence.item.{code}", "nl"), message(f"evidence.item.{code}", "en"))
    for code, clause in _EVIDENCE_CLAUSES
)
"""The proof A6-7 asks for: code, clause, Dutch and English description."""


class EvidenceChecklist(FrozenModel):
    """What the OCMW can show for A6-4 to A6-6, and when it handed it over (A6-7).

    Start from :func:`evidence_checklist`; :meth:`fill` names a document per item;
    ``requested_on`` and ``handed_over_on`` record Opgroeien's request and the handover.
    A6-7 requires the handover on request; it does not forbid handing the proof over
    unasked, so ``handed_over_on`` without ``requested_on`` is accepted.
    """

    party: Literal["recipient"] = "recipient"
    dpo_email: Annotated[str, Field(min_length=3, max_length=254)]
    items: tuple[EvidenceItem, ...]
    requested_on: date | None = None
    handed_over_on: date | None = None

    @model_validator(mode="after")
    def _every_item_once(self) -> Self:
        codes = [item.code for item in self.items]
        if sorted(codes) != sorted(code for code, *_ in EVIDENCE_ITEMS):
            raise field_error(
                "EvidenceChecklist",
                "items",
                "ITEMS_INCOMPLETE",
                "holds each of security_policy, security_plan, dpo, register_entry once",
            )
        if (
            self.handed_over_on is not None
            and self.requested_on is not None
            and self.handed_over_on < self.requested_on
        ):
            raise field_error(
                "EvidenceChecklist",
                "handed_over_on",
                "BEFORE_REQUEST",
                "cannot be handed over before it was requested",
            )
        return self

    def fill(self, code: EvidenceCode, *, document: str, dated: date | None = None) -> Self:
        """Name the document that proves ``code`` (A6-4 to A6-6)."""
        if code not in {item.code for item in self.items}:
            raise InvalidInput.single(
                "EvidenceChecklist.fill", "code", "UNKNOWN_ITEM", "is not an evidence item"
            )
        filled = {"document": document, "dated": dated}
        items = tuple(
            item if item.code != code else item.model_validate(item.model_dump() | filled)
            for item in self.items
        )
        return self.model_validate(self.model_dump() | {"items": items})

    def requested(self, on: date) -> Self:
        """Record Opgroeien's request for the proof (A6-7)."""
        return self.model_validate(self.model_dump() | {"requested_on": on})

    def handed_over(self, on: date) -> Self:
        """Record the handover (A6-7). Raises while an item lacks its document."""
        if self.missing:
            raise InvalidInput.single(
                "EvidenceChecklist",
                "items",
                "EVIDENCE_MISSING",
                f"no document yet for: {', '.join(self.missing)}",
            )
        return self.model_validate(self.model_dump() | {"handed_over_on": on})

    @property
    def missing(self) -> tuple[EvidenceCode, ...]:
        """The items without a document yet (A6-7)."""
        return tuple(item.code for item in self.items if not item.provided)

    @property
    def complete(self) -> bool:
        """Whether every item names its document (A6-7: the OCMW can demonstrate A6-4 to A6-6)."""
        return not self.missing


def evidence_checklist(protocol: Protocol = TORHOUT) -> EvidenceChecklist:
    """A blank evidence checklist for the protocol's recipient (A6-4 to A6-7)."""
    protocol = require_type(protocol, Protocol, "protocol")
    return EvidenceChecklist(
        dpo_email=protocol.recipient.dpo_email,
        items=tuple(
            EvidenceItem(code=code, clause=clause, what_nl=nl, what_en=en)
            for code, clause, nl, en in EVIDENCE_ITEMS
        ),
    )
