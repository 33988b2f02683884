"""Data quality (A7-1, A7-2): the OCMW tells Opgroeien a received data item is wrong;
Opgroeien investigates and answers with its measures.

A corrected value never travels in a notice: it comes in a new encrypted package (A6-2).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated, Literal, Self

from pydantic import Field, model_validator

from protocol_share._model import FrozenModel, field_error
from protocol_share._time import Instant, as_utc, require_instants
from protocol_share.clientdata._fields import DataItem
from protocol_share.decision._consent import Identifier

__all__ = ["QualityAnswer", "QualityKind", "QualityMeasure", "QualityNotice", "QualityOutcome"]

QualityKind = Literal["erroneous", "inaccurate", "incomplete", "missing", "outdated", "excessive"]
"""What is wrong with a data item (A7-1)."""
QualityOutcome = Literal["corrected", "deleted", "confirmed_correct", "cannot_verify"]
"""What Opgroeien's investigation found and did (A7-2)."""
QualityMeasure = Literal[
    "corrected_at_source",
    "corrected_package_sent",
    "deletion_requested",
    "data_deleted_at_source",
    "procedure_adjusted",
    "staff_instructed",
    "no_measure_needed",
]
"""A measure Opgroeien took after a quality notice (A7-2)."""


class QualityNotice(FrozenModel):
    """The OCMW tells Opgroeien a received data item is wrong (A7-1).

    Which referral (``referral_id``), which ``data_item``, what ``kind`` of problem, found by
    whom (``recipient``: the OCMW itself, or ``data_subject``: the client told it) and when
    (``found_at``); ``notified_at`` is when Opgroeien was told ("immediately": ``delay``).
    The notice names the problem, never the wrong or the right value.
    """

    notice_id: Identifier
    referral_id: Identifier
    data_item: DataItem
    kind: QualityKind
    found_by: Literal["recipient", "data_subject"]
    found_at: Instant
    notified_at: Instant

    @model_validator(mode="after")
    def _notified_after_found(self) -> Self:
        if as_utc(self.notified_at) < as_utc(self.found_at):
            raise field_error(
                "QualityNotice",
                "notified_at",
                "NOTIFIED_BEFORE_FOUND",
                "a problem cannot be notified before it was found",
            )
        return self

    @property
    def delay(self) -> timedelta:
        """How long after finding the problem Opgroeien was told (A7-1: immediately)."""
        return as_utc(self.notified_at) - as_utc(self.found_at)

    def answer(
        self,
        *,
        at: datetime,
        outcome: QualityOutcome,
        measures: frozenset[QualityMeasure] | set[QualityMeasure],
    ) -> QualityAnswer:
        """Opgroeien's answer at ``at``: the outcome of its investigation and its measures (A7-2)."""
        require_instants(self, "notice")
        return QualityAnswer(
            notice_id=self.notice_id,
            referral_id=self.referral_id,
            data_item=self.data_item,
            notified_at=self.notified_at,
            answered_at=at,
            outcome=outcome,
            measures=measures,
        )


class QualityAnswer(FrozenModel):
    """Opgroeien investigated a :class:`QualityNotice` and informs the OCMW (A7-2).

    ``outcome`` is what it found and did; ``measures`` what it took. When the data were
    corrected, the corrected value comes in a new package (``corrected_package_sent``),
    never in this answer. ``answered_within`` is the time it took ("a reasonable time").
    """

    notice_id: Identifier
    referral_id: Identifier
    data_item: DataItem
    notified_at: Instant
    answered_at: Instant
    outcome: QualityOutcome
    measures: Annotated[frozenset[QualityMeasure], Field(min_length=1)]

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if as_utc(self.answered_at) < as_utc(self.notified_at):
            raise field_error(
                "QualityAnswer",
                "answered_at",
                "ANSWER_BEFORE_NOTICE",
                "an answer cannot precede the notice it answers",
            )
        if "no_measure_needed" in self.measures and len(self.measures) > 1:
            raise field_error(
                "QualityAnswer",
                "measures",
                "CONTRADICTORY_MEASURES",
                "'no_measure_needed' stands alone",
            )
        if self.outcome in {"corrected", "deleted"} and "no_measure_needed" in self.measures:
            raise field_error(
                "QualityAnswer",
                "measures",
                "MEASURE_MISSING",
                "a correction or deletion is itself a measure",
            )
        return self

    @property
    def answered_within(self) -> timedelta:
        """The time between the notice and this answer (A7-2: within a reasonable time)."""
        return as_utc(self.answered_at) - as_utc(self.notified_at)
