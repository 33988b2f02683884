"""Retention cases as JSON input (A3-4 to A3-6): read strictly, replayed through the table."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from protocol_share._model import FrozenModel, wrong_type
from protocol_share._time import Instant
from protocol_share.decision._consent import Identifier
from protocol_share.errors import InvalidInput
from protocol_share.retention._lifecycle import (
    ImpossibleStep,
    Outcome,
    RetentionCase,
    ReviewOutcome,
    Step,
    StepName,
)

__all__ = ["CaseRecord", "StepRecord", "cases_from_json"]


class StepRecord(FrozenModel):
    """One step as JSON input (A3-4 to A3-6, C-7): ``step``, ``at`` (aware, ISO 8601),
    ``outcome`` (a contact's or a review's) and a review's ``reason`` (an opaque code)."""

    step: StepName
    at: Instant
    outcome: Outcome | ReviewOutcome | None = None
    reason: Identifier | None = None


class CaseRecord(FrozenModel):
    """A case as JSON input: an optional ``case_id`` and its ``steps`` (A3-4 to A3-6)."""

    case_id: Identifier | None = None
    steps: Annotated[tuple[StepRecord, ...], Field(min_length=1)]

    def to_case(self) -> RetentionCase:
        """Replay the steps through :data:`TRANSITIONS` (A3-4 to A3-6); raises :class:`ImpossibleStep`."""
        return RetentionCase.replay(
            (Step(s.step, s.at, s.outcome, s.reason) for s in self.steps), case_id=self.case_id
        )


class _CaseFile(FrozenModel):
    cases: tuple[CaseRecord, ...]


def cases_from_json(text: str | bytes) -> tuple[RetentionCase, ...]:
    """Read cases from JSON: ``{"cases": [{"case_id": ..., "steps": [...]}, ...]}`` (A3-4 to A3-6).

    Raises :class:`~protocol_share.errors.InvalidInput` listing every malformed field, or
    :class:`ImpossibleStep` for the first case whose history breaks the lifecycle; its
    message names the case's position.
    """
    if not isinstance(text, str | bytes | bytearray):
        raise wrong_type(text, str, "text")
    try:
        data = _CaseFile.model_validate_json(text)
    except InvalidInput as error:
        problems = error.problems
    else:
        problems = ()
    if problems:  # raised after the except block: nothing rides along as __context__
        raise InvalidInput("retention cases", problems)
    cases = []
    for index, record in enumerate(data.cases):
        try:
            cases.append(record.to_case())
            continue
        except ImpossibleStep as error:
            failed = error
        raise ImpossibleStep(
            failed.step,
            failed.state,
            failed.code,
            f"cases.{index}: {failed.args[0]}",
            path=f"cases.{index}",
        )
    return tuple(cases)
