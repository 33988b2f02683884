"""What is due when, for many cases: the daily job's schedule (A3-4, A3-6).

:func:`iter_retention_schedule` streams one entry per case (its next action and when), in the
order the cases come, holding nothing but the entry it yields: memory stays flat over any
number of cases. :func:`retention_schedule` collects the same entries into a tuple, errors
first, then soonest first.

An entry is a :class:`ScheduledAction` (delete or review, and when) or a
:class:`CaseError`: one case that cannot be scheduled (its latest step lies after ``at``,
it is not a :class:`~protocol_share.retention.RetentionCase`, or its due day lies past the
calendar's end). A bad case never stops the batch: it is reported by its ``case_id`` and
its position, and every other case is scheduled. Errors in the arguments themselves (a
naive ``at``, no protocol, no iterable of cases) concern the whole batch and raise
:class:`~protocol_share.errors.InvalidInput` at once, before any case is read.

Every function here is pure and its inputs and results pickle, so the schedule can be
drawn per partition in worker processes or on an engine such as Dask or Spark and the
parts joined (docs/retention.md).
"""

from __future__ import annotations

import functools
import json
import operator
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from typing import Final, Literal, NamedTuple

from protocol_share._model import require_iterable, require_type
from protocol_share._text import message
from protocol_share._time import local_date
from protocol_share.errors import InvalidInput
from protocol_share.protocol._parts import RetentionTerms
from protocol_share.protocol._protocol import Protocol
from protocol_share.protocol._torhout import TORHOUT
from protocol_share.retention._decision import _due
from protocol_share.retention._lifecycle import RetentionCase

__all__ = [
    "CASE_ERROR_CODES",
    "CaseError",
    "ScheduleEntry",
    "ScheduledAction",
    "iter_retention_schedule",
    "retention_schedule",
    "schedule_as_json",
]


class ScheduledAction(NamedTuple):
    """A case that needs an action on ``due_on`` (A3-4, A3-6): ``delete`` or ``review``.

    ``overdue`` is true when ``due_on`` is on or before the schedule's day. ``case_id``
    is the case's own id (or ``None``).
    """

    due_on: date
    action: Literal["delete", "review"]
    clause: str
    code: str
    overdue: bool
    case: RetentionCase

    @property
    def case_id(self) -> str | None:
        """The host's id of the case (A3-4), as on :class:`CaseError`."""
        return self.case.case_id


CaseErrorCode = Literal["AT_BEFORE_LAST_STEP", "WRONG_TYPE", "OUT_OF_RANGE"]

CASE_ERROR_CODES: Final[tuple[CaseErrorCode, ...]] = (
    "AT_BEFORE_LAST_STEP",
    "WRONG_TYPE",
    "OUT_OF_RANGE",
)
"""Every code a :class:`CaseError` may carry (A3-4 to A3-6)."""


class CaseError(NamedTuple):
    """One case the schedule could not place (A3-4 to A3-6); an entry, not an exception.

    ``position`` is the case's index among the cases given (from 0), ``case_id`` its id
    (``None`` when it has none, or is no case at all), ``code`` one of
    :data:`CASE_ERROR_CODES`:

    - ``AT_BEFORE_LAST_STEP``: the case's latest step lies after ``at`` (a step recorded
      with a later time, or a job run with an earlier ``at``); nothing can be said of it
      yet.
    - ``WRONG_TYPE``: the item is not a :class:`~protocol_share.retention.RetentionCase`.
    - ``OUT_OF_RANGE``: its due day lies past the end of the calendar (year 9999).

    ``message_en`` and ``message_nl`` say so for a person. No entry holds a step's time or
    anything the item carried besides its id.
    """

    position: int
    case_id: str | None
    code: CaseErrorCode
    message_en: str
    message_nl: str


# ScheduledAction(...) without the Python frame of a named tuple's __new__ (the tuple is
# the same): the daily job makes one per case.
_action: Final = functools.partial(tuple.__new__, ScheduledAction)

ScheduleEntry = ScheduledAction | CaseError
"""One entry of a schedule: an action that is due, or a case that could not be placed."""


def _case_error(position: int, case_id: str | None, code: CaseErrorCode) -> CaseError:
    key = f"retention.case_error.{code}"
    return CaseError(position, case_id, code, message(key, "en"), message(key, "nl"))


def iter_retention_schedule(
    cases: Iterable[RetentionCase], protocol: Protocol = TORHOUT, *, at: datetime
) -> Iterator[ScheduleEntry]:
    """What is due for each case, streamed in the order of ``cases`` (A3-4, A3-6).

    Every case yields one entry, on the day it next needs a decision: a case to delete
    (declined, deletion decided at review, consent withdrawn before a file was opened) from
    the day of that step; a closed client file from the day after its retention term ends;
    every waiting case (no contact yet, unreachable, file to open, file open) for review on
    its review day (C-7, A3-5; docs/readings.md). A case that cannot be placed yields a
    :class:`CaseError` naming its position and ``case_id``, and the stream goes on.

    ``cases`` may be any iterable, a generator over a database cursor included; it is read
    once, one case at a time, and nothing is kept between cases, so memory stays flat. The
    arguments are checked when this function is called, before the first case is read.

        >>> from datetime import datetime, timezone
        >>> from protocol_share import RetentionCase
        >>> def utc(*args): return datetime(*args, tzinfo=timezone.utc)
        >>> declined = RetentionCase.received(utc(2024, 5, 2), case_id="v-1").contacted(
        ...     utc(2024, 5, 3), "declined")
        >>> late = RetentionCase.received(utc(2024, 6, 9), case_id="v-2")
        >>> entries = iter_retention_schedule([declined, late], at=utc(2024, 6, 1))
        >>> [(type(e).__name__, e.case_id, e.code) for e in entries]
        [('ScheduledAction', 'v-1', 'DELETE_DECLINED'), ('CaseError', 'v-2', 'AT_BEFORE_LAST_STEP')]
    """
    terms = require_type(protocol, Protocol, "protocol").retention
    cases = require_iterable(cases, RetentionCase, "cases")
    today = local_date(at)
    return _entries(iter(cases), today, at.astimezone(UTC), terms)


def _entries(
    cases: Iterator[RetentionCase],
    today: date,
    at_utc: datetime,
    terms: RetentionTerms,
) -> Iterator[ScheduleEntry]:
    # The hot loop of the daily job: a few comparisons a case, one small tuple per entry.
    for position, case in enumerate(cases):
        if not isinstance(case, RetentionCase):
            yield _case_error(position, None, "WRONG_TYPE")
            continue
        if at_utc < case._last_utc:
            yield _case_error(position, case._case_id, "AT_BEFORE_LAST_STEP")
            continue
        try:
            # Every state has a next decision date (retention._decision._due): no case
            # is kept without one (A3-4 read with GDPR art. 5(1)(e); docs/readings.md).
            on, action, clause, code, _ = _due(case, terms)
        except InvalidInput:
            # The due day lies past 9999-12-31 (OUT_OF_RANGE).
            yield _case_error(position, case._case_id, "OUT_OF_RANGE")
            continue
        yield _action((on, action, clause, code, on <= today, case))


def retention_schedule(
    cases: Iterable[RetentionCase], protocol: Protocol = TORHOUT, *, at: datetime
) -> tuple[ScheduleEntry, ...]:
    """What is due when, for many cases: errors first, then soonest first (A3-4, A3-6).

    The entries of :func:`iter_retention_schedule`, collected: every :class:`CaseError`
    in the order of ``cases``, then every :class:`ScheduledAction` by ``due_on`` (ties keep
    the input order). With only good cases there are only actions. It holds every entry at
    once; over very many cases use :func:`iter_retention_schedule`.
    """
    protocol = require_type(protocol, Protocol, "protocol")
    errors: list[ScheduleEntry] = []
    actions: list[ScheduledAction] = []
    keep_error, keep_action = errors.append, actions.append
    for entry in iter_retention_schedule(cases, at=at, protocol=protocol):
        if type(entry) is ScheduledAction:
            keep_action(entry)
        else:
            keep_error(entry)
    actions.sort(key=_DUE_ON)
    errors.extend(actions)
    return tuple(errors)


_DUE_ON: Final = operator.itemgetter(0)


def schedule_as_json(schedule: Iterable[ScheduleEntry]) -> str:
    """The schedule as JSON text: ids, dates, actions, codes and clauses only (A3-4, A3-6).

    An action is ``{"case_id", "due_on", "action", "clause", "code", "overdue"}``; a case
    that could not be placed is ``{"case_id", "position", "error"}`` with its code.
    """
    entries = require_iterable(schedule, ScheduledAction, "schedule")
    return json.dumps([_entry_json(e, i) for i, e in enumerate(entries)], indent=2)


def _entry_json(e: ScheduleEntry, position: int) -> dict[str, object]:
    if isinstance(e, CaseError):
        return {"case_id": e.case_id, "position": e.position, "error": e.code}
    if not isinstance(e, ScheduledAction):
        raise InvalidInput.single(
            "arguments",
            f"schedule.{position}",
            "WRONG_TYPE",
            f"must be a ScheduledAction or CaseError, not {type(e).__name__}",
        )
    return {
        "case_id": e.case.case_id,
        "due_on": e.due_on.isoformat(),
        "action": e.action,
        "clause": e.clause,
        "code": e.code,
        "overdue": e.overdue,
    }
