"""Article 3 after receipt: how long the OCMW keeps a referral (A3-4, A3-5, A3-6).

A :class:`RetentionCase` follows one referral through its lifecycle::

    received -> contacted (wants_help | declined | unreachable)
             -> dossier_opened -> dossier_closed

Every legal step is one row of :data:`TRANSITIONS`; a step that is not there raises
:class:`ImpossibleStep` (a :class:`~protocol_share.errors.LifecycleError`) naming the
step and the state. "Unreachable" is not final: a later contact may follow. A case is
immutable; every step returns a new case.

:func:`retention_decision` says what to do with the data today:

- received, no answer yet: **keep** until contact has taken place and the client's wish is
  clear (A3-4);
- the client declined: **delete**; no ground to keep the data remains (A3-4 read with
  GDPR art. 5(1)(e), storage limitation);
- the client wants help: **keep**, a client file is to be opened (A3-5);
- client file open: **keep** (A3-6);
- client file closed: **keep** until the tenth anniversary of the closing (calendar years,
  ``protocol.retention.client_file_years``; python-dateutil, so a file closed on 29
  February 2024 is kept until 28 February 2034), **delete** from the next day (A3-6);
- the client could not be reached: the protocol is silent. Each host sets
  ``protocol.retention.unreachable_review_days``; the decision is **review** once that
  many days have passed since the last failed contact attempt. A new attempt starts the
  period again, so a case whose client stays unreachable comes up for review at least that
  often; deleting it then is the host's call.

The protocol's end (A8-1, A11-2, A11-3) stops new transfers (A5-2); it neither shortens
nor extends the retention of data already received, so no rule here reads
``protocol.ends_on``. Dates are Europe/Brussels calendar dates.

>>> from datetime import datetime, timezone
>>> def utc(*args): return datetime(*args, tzinfo=timezone.utc)
>>> case = (RetentionCase.received(utc(2023, 5, 2, 9), case_id="v-1")
...         .contacted(utc(2023, 5, 6, 9), "wants_help")
...         .dossier_opened(utc(2023, 5, 7, 9))
...         .dossier_closed(utc(2024, 2, 29, 9)))
>>> decision = retention_decision(case, at=utc(2030, 1, 1))
>>> decision.action, decision.keep_until, decision.clause
('keep', datetime.date(2034, 2, 28), 'A3-6')
>>> retention_decision(case, at=utc(2034, 3, 1)).action
'delete'
"""

from __future__ import annotations

import functools
import json
import operator
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any, Final, Literal, NamedTuple

from dateutil.relativedelta import relativedelta
from pydantic import AwareDatetime, Field

from protocol_share._model import FrozenModel
from protocol_share._time import BRUSSELS, local_date, require_aware
from protocol_share.consent import Identifier
from protocol_share.errors import InvalidInput, LifecycleError
from protocol_share.identifiers import forbidden_identifier_kinds
from protocol_share.protocol import Protocol, RetentionTerms
from protocol_share.torhout import TORHOUT

__all__ = [
    "TRANSITIONS",
    "Action",
    "CaseRecord",
    "ImpossibleStep",
    "Outcome",
    "RetentionCase",
    "RetentionDecision",
    "ScheduledAction",
    "State",
    "Step",
    "StepName",
    "StepRecord",
    "cases_from_json",
    "retention_decision",
    "retention_schedule",
    "schedule_as_json",
]

Outcome = Literal["wants_help", "declined", "unreachable"]
"""The result of a contact with the client (A3-4)."""
StepName = Literal["received", "contacted", "dossier_opened", "dossier_closed"]
State = Literal[
    "new", "received", "unreachable", "wants_help", "declined", "dossier_open", "dossier_closed"
]
Action = Literal["keep", "delete", "review"]

TRANSITIONS: Final[Mapping[tuple[State, StepName, Outcome | None], State]] = {
    ("new", "received", None): "received",
    ("received", "contacted", "wants_help"): "wants_help",
    ("received", "contacted", "declined"): "declined",
    ("received", "contacted", "unreachable"): "unreachable",
    # "unreachable" is not final: a later attempt may reach the client.
    ("unreachable", "contacted", "wants_help"): "wants_help",
    ("unreachable", "contacted", "declined"): "declined",
    ("unreachable", "contacted", "unreachable"): "unreachable",
    # A client who asked for help may still decline before a file is opened.
    ("wants_help", "contacted", "declined"): "declined",
    ("wants_help", "dossier_opened", None): "dossier_open",
    ("dossier_open", "dossier_closed", None): "dossier_closed",
}
"""Every legal step of a retention lifecycle, (state, step, outcome) -> next state
(A3-4 to A3-6). A step missing here is impossible."""

_OUTCOMES: Final = frozenset({"wants_help", "declined", "unreachable"})
_STEPS: Final = frozenset({"received", "contacted", "dossier_opened", "dossier_closed"})

_WHY_IMPOSSIBLE: Final[Mapping[tuple[State, StepName], str]] = {
    ("new", "contacted"): "a client cannot be contacted about a referral that was not received",
    ("new", "dossier_opened"): "no client file can be opened for a referral that was not received",
    ("new", "dossier_closed"): "no client file can be closed for a referral that was not received",
    ("received", "received"): "the referral was already received",
    ("received", "dossier_opened"): (
        "a client file is opened only for a client who asked for help (A3-5); contact first"
    ),
    ("received", "dossier_closed"): "a client file that was never opened cannot be closed",
    ("unreachable", "dossier_opened"): (
        "a client file is opened only for a client who asked for help (A3-5)"
    ),
    ("unreachable", "dossier_closed"): "a client file that was never opened cannot be closed",
    ("wants_help", "dossier_closed"): "a client file that was never opened cannot be closed",
    ("dossier_open", "dossier_opened"): "the client file is already open",
    ("dossier_open", "contacted"): "the client file is open; contact is now part of the file",
    ("dossier_closed", "dossier_closed"): "the client file is already closed",
}


class ImpossibleStep(LifecycleError):
    """A step the lifecycle table does not allow (A3-4 to A3-6).

    ``step`` names the step, ``state`` the state it was tried in, ``code`` is
    ``IMPOSSIBLE_STEP`` or ``STEP_BEFORE_PREVIOUS`` (a step dated before the one before it).
    """

    def __init__(self, step: str, state: str, code: str, why: str) -> None:
        self.step, self.state, self.code = step, state, code
        super().__init__(f"impossible step '{step}' in state '{state}' ({code}): {why}")


class Step(NamedTuple):
    """One step of a case's history: which, when (aware), and a contact's outcome (A3-4)."""

    step: StepName
    at: datetime
    outcome: Outcome | None = None


def _next_state(state: State, step: str, outcome: str | None) -> State:
    if step not in _STEPS:
        raise ImpossibleStep(step, state, "UNKNOWN_STEP", f"steps are {sorted(_STEPS)}")
    if step == "contacted" and outcome not in _OUTCOMES:
        raise ImpossibleStep(
            step, state, "UNKNOWN_OUTCOME", f"a contact's outcome is one of {sorted(_OUTCOMES)}"
        )
    if step != "contacted" and outcome is not None:
        raise ImpossibleStep(step, state, "UNEXPECTED_OUTCOME", "only a contact has an outcome")
    nxt = TRANSITIONS.get((state, step, outcome))  # type: ignore[arg-type]
    if nxt is None:
        if state == "declined":
            why = "the client declined: no step may follow, the data are to be deleted"
        elif state == "dossier_closed":
            why = "the client file is closed; only its retention term runs (A3-6)"
        else:
            why = _WHY_IMPOSSIBLE.get((state, step), "the lifecycle table has no such step")  # type: ignore[arg-type]
        raise ImpossibleStep(step, state, "IMPOSSIBLE_STEP", why)
    return nxt


class RetentionCase:
    """One received referral and what happened since (A3-4 to A3-6); immutable.

    Start with :meth:`received`; each step method returns a new case, or raises
    :class:`ImpossibleStep`. ``case_id`` is the host's id for the referral (optional, no
    personal data). ``steps`` is the full history, ``state`` the current state.
    """

    __slots__ = ("_case_id", "_last_on", "_last_utc", "_state", "_steps")

    _case_id: str | None
    _state: State
    _steps: tuple[Step, ...]
    _last_on: date
    _last_utc: datetime

    def __init__(self) -> None:
        raise TypeError("start a case with RetentionCase.received(at) or RetentionCase.replay()")

    @classmethod
    def _make(
        cls,
        case_id: str | None,
        state: State,
        steps: tuple[Step, ...],
        last_on: date,
        last_utc: datetime,
    ) -> RetentionCase:
        case = object.__new__(cls)
        put = object.__setattr__
        put(case, "_case_id", case_id)
        put(case, "_state", state)
        put(case, "_steps", steps)
        put(case, "_last_on", last_on)
        put(case, "_last_utc", last_utc)
        return case

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a RetentionCase is immutable; each step returns a new case")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("a RetentionCase is immutable; each step returns a new case")

    @classmethod
    def received(cls, at: datetime, *, case_id: str | None = None) -> RetentionCase:
        """The referral was received at ``at`` (aware); the lifecycle starts (A3-4)."""
        if case_id is not None:
            case_id = _case_id(case_id)
        return cls._begin(case_id)._advance("received", at, None)

    @classmethod
    def _begin(cls, case_id: str | None) -> RetentionCase:
        return cls._make(case_id, "new", (), date.min, datetime.min.replace(tzinfo=UTC))

    @classmethod
    def replay(cls, steps: Iterable[Step], *, case_id: str | None = None) -> RetentionCase:
        """Rebuild a case from its history, checking every step against :data:`TRANSITIONS` (A3-4 to A3-6)."""
        if case_id is not None:
            case_id = _case_id(case_id)
        case = cls._begin(case_id)
        for step in steps:
            case = case._advance(step.step, step.at, step.outcome)
        if case._state == "new":
            raise ImpossibleStep("replay", "new", "NO_STEPS", "a case starts with 'received'")
        return case

    def contacted(self, at: datetime, outcome: Outcome) -> RetentionCase:
        """Contact took place (or was attempted) at ``at``: the client wants help, declined,
        or could not be reached (A3-4)."""
        return self._advance("contacted", at, outcome)

    def dossier_opened(self, at: datetime) -> RetentionCase:
        """A client file was opened for a client who wants help (A3-5)."""
        return self._advance("dossier_opened", at, None)

    def dossier_closed(self, at: datetime) -> RetentionCase:
        """The client file was closed; the retention term starts (A3-6)."""
        return self._advance("dossier_closed", at, None)

    def _advance(self, step: str, at: datetime, outcome: str | None) -> RetentionCase:
        state = _next_state(self._state, step, outcome)
        # Compare instants in UTC: Python compares two datetimes of one zone by wall clock,
        # which misorders the repeated hour when daylight saving time ends.
        utc = require_aware(at, "at").astimezone(UTC)
        if utc < self._last_utc:
            raise ImpossibleStep(
                step,
                self._state,
                "STEP_BEFORE_PREVIOUS",
                f"it is dated before the previous step '{self._steps[-1].step}'",
            )
        record = Step(step, at, outcome)  # type: ignore[arg-type]
        on = at.astimezone(BRUSSELS).date()
        return RetentionCase._make(self._case_id, state, (*self._steps, record), on, utc)

    @property
    def case_id(self) -> str | None:
        """The host's id for this referral (A3-4), or ``None``."""
        return self._case_id

    @property
    def state(self) -> State:
        """The current state: ``received``, ``unreachable``, ``wants_help``, ``declined``,
        ``dossier_open`` or ``dossier_closed`` (A3-4 to A3-6)."""
        return self._state

    @property
    def steps(self) -> tuple[Step, ...]:
        """Every step so far, oldest first (A3-4 to A3-6)."""
        return self._steps

    @property
    def last_at(self) -> datetime:
        """When the latest step happened (A3-4 to A3-6)."""
        return self._steps[-1].at

    @property
    def last_on(self) -> date:
        """The Europe/Brussels date of the latest step; A3-6 counts the years from it."""
        return self._last_on

    def to_dict(self) -> dict[str, Any]:
        """The case as JSON-ready data (``case_id`` and ``steps``; A3-4 to A3-6), readable by
        :func:`cases_from_json`."""
        return {
            "case_id": self._case_id,
            "steps": [
                {"step": s.step, "at": s.at.isoformat()}
                | ({"outcome": s.outcome} if s.outcome is not None else {})
                for s in self._steps
            ],
        }

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RetentionCase):
            return NotImplemented
        return self._case_id == other._case_id and self._steps == other._steps

    def __hash__(self) -> int:
        return hash((self._case_id, self._steps))

    def __repr__(self) -> str:
        return (
            f"RetentionCase(case_id={self._case_id!r}, state={self._state!r}, "
            f"steps={len(self._steps)})"
        )


_CASE_ID: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:\-]{0,63}")


def _case_id(value: object) -> str:
    # The rule of consent.Identifier, without a model per case: an opaque id, no spaces,
    # and never a national register, BIS, IBAN or KBO number (A3-3).
    if not isinstance(value, str) or not _CASE_ID.fullmatch(value):
        raise InvalidInput.single(
            "arguments", "case_id", "INVALID_CASE_ID", "must be an opaque id (A-Z, 0-9, . _ : -)"
        )
    if forbidden_identifier_kinds(value):
        raise InvalidInput.single(
            "arguments", "case_id", "FORBIDDEN_IDENTIFIER", "must not hold a personal number"
        )
    return value


class StepRecord(FrozenModel):
    """One step as JSON input (A3-4 to A3-6): ``step``, ``at`` (aware, ISO 8601), ``outcome``."""

    step: StepName
    at: AwareDatetime
    outcome: Outcome | None = None


class CaseRecord(FrozenModel):
    """A case as JSON input: an optional ``case_id`` and its ``steps`` (A3-4 to A3-6)."""

    case_id: Identifier | None = None
    steps: Annotated[tuple[StepRecord, ...], Field(min_length=1)]

    def to_case(self) -> RetentionCase:
        """Replay the steps through :data:`TRANSITIONS` (A3-4 to A3-6); raises :class:`ImpossibleStep`."""
        return RetentionCase.replay(
            (Step(s.step, s.at, s.outcome) for s in self.steps), case_id=self.case_id
        )


class _CaseFile(FrozenModel):
    cases: tuple[CaseRecord, ...]


def cases_from_json(text: str | bytes) -> tuple[RetentionCase, ...]:
    """Read cases from JSON: ``{"cases": [{"case_id": ..., "steps": [...]}, ...]}`` (A3-4 to A3-6).

    Raises :class:`~protocol_share.errors.InvalidInput` listing every malformed field, or
    :class:`ImpossibleStep` for the first case whose history breaks the lifecycle; its
    message names the case's position.
    """
    try:
        data = _CaseFile.model_validate_json(text)
    except InvalidInput as error:
        raise InvalidInput("retention cases", error.problems) from None
    cases = []
    for index, record in enumerate(data.cases):
        try:
            cases.append(record.to_case())
        except ImpossibleStep as error:
            raise ImpossibleStep(
                error.step, error.state, error.code, f"cases.{index}: {error.args[0]}"
            ) from None
    return tuple(cases)


class RetentionDecision(NamedTuple):
    """What to do with a case's data today (A3-4 to A3-6).

    ``action`` is ``keep``, ``delete`` or ``review``. ``keep_until`` is the last day the
    data may be kept when the protocol fixes one (a closed client file: its tenth
    anniversary), else ``None``. ``review_on`` is the day an unreachable client's case comes
    up for review. ``code``, ``clause`` and the messages say why; they name no personal data.
    """

    action: Action
    keep_until: date | None
    clause: str
    code: str
    message_en: str
    message_nl: str
    review_on: date | None = None


_AWAITING_CONTACT = RetentionDecision(
    "keep",
    None,
    "A3-4",
    "KEEP_UNTIL_CONTACT",
    "Keep: contact has not yet taken place, so it is not yet clear whether the client wants help.",
    "Bewaren: er was nog geen contact, dus het is nog niet duidelijk of de cliënt hulp wil.",
)
_FILE_TO_OPEN = RetentionDecision(
    "keep",
    None,
    "A3-5",
    "KEEP_FILE_TO_OPEN",
    "Keep: the client wants further help, so a client file is to be opened.",
    "Bewaren: de cliënt wil verdere hulp, er wordt een cliëntdossier geopend.",
)
_FILE_OPEN = RetentionDecision(
    "keep",
    None,
    "A3-6",
    "KEEP_FILE_OPEN",
    "Keep: the client file is open.",
    "Bewaren: het cliëntdossier is open.",
)
_DECLINED = RetentionDecision(
    "delete",
    None,
    "A3-4",
    "DELETE_DECLINED",
    "Delete: the client declined further help, so no ground to keep the data remains "
    "(A3-4; GDPR art. 5(1)(e), storage limitation).",
    "Verwijderen: de cliënt wil geen verdere hulp, er is geen grond meer om de gegevens te "
    "bewaren (A3-4; AVG art. 5, lid 1, e), opslagbeperking).",
)
_CLOSED_KEEP = (
    "KEEP_AFTER_CLOSING",
    "Keep: the client file was closed less than the retention term ago; keep until keep_until.",
    "Bewaren: het cliëntdossier werd minder dan de bewaartermijn geleden afgesloten; bewaren "
    "tot en met keep_until.",
)
_CLOSED_DELETE = (
    "DELETE_RETENTION_ENDED",
    "Delete: the retention term after the client file was closed has ended.",
    "Verwijderen: de bewaartermijn na het afsluiten van het cliëntdossier is verstreken.",
)
_UNREACHABLE_KEEP = (
    "KEEP_UNREACHABLE",
    "Keep: the client could not be reached yet; the case comes up for review on review_on "
    "(the protocol is silent; the host sets the review period).",
    "Bewaren: de cliënt was nog niet bereikbaar; het dossier wordt herbekeken op review_on "
    "(het protocol zwijgt hierover; de organisatie bepaalt de termijn).",
)
_UNREACHABLE_REVIEW = (
    "REVIEW_UNREACHABLE",
    "Review: the client could not be reached within the host's review period; decide whether "
    "to try again or to delete.",
    "Herbekijken: de cliënt was niet bereikbaar binnen de termijn van de organisatie; beslis "
    "of er een nieuwe poging komt of dat de gegevens worden verwijderd.",
)


@functools.lru_cache(maxsize=1 << 16)
def _years_after(day: date, years: int) -> date:
    # Calendar years with python-dateutil: 29 February falls back to 28 February.
    result: date = day + relativedelta(years=years)
    return result


def _review_on(case: RetentionCase, terms: RetentionTerms) -> date:
    return case._last_on + timedelta(days=terms.unreachable_review_days)


def _decide(case: RetentionCase, today: date, terms: RetentionTerms) -> RetentionDecision:
    state = case._state
    if state == "dossier_closed":
        until = _years_after(case._last_on, terms.client_file_years)
        code, en, nl = _CLOSED_KEEP if today <= until else _CLOSED_DELETE
        action: Action = "keep" if today <= until else "delete"
        return RetentionDecision(action, until, "A3-6", code, en, nl)
    if state == "declined":
        return _DECLINED
    if state == "dossier_open":
        return _FILE_OPEN
    if state == "wants_help":
        return _FILE_TO_OPEN
    if state == "unreachable":
        review_on = _review_on(case, terms)
        code, en, nl = _UNREACHABLE_REVIEW if today >= review_on else _UNREACHABLE_KEEP
        action = "review" if today >= review_on else "keep"
        return RetentionDecision(action, None, "A3-4", code, en, nl, review_on)
    return _AWAITING_CONTACT


def _check_after_last(case: RetentionCase, at_utc: datetime) -> None:
    if not isinstance(case, RetentionCase):
        raise InvalidInput.single(
            "arguments", "case", "NOT_A_CASE", "must be a RetentionCase (see cases_from_json)"
        )
    if at_utc < case._last_utc:
        raise InvalidInput.single(
            "arguments",
            "at",
            "AT_BEFORE_LAST_STEP",
            "a decision cannot be asked for a time before the case's latest step",
        )


def retention_decision(
    case: RetentionCase, *, at: datetime, protocol: Protocol = TORHOUT
) -> RetentionDecision:
    """Keep, delete or review a case's data at ``at`` (A3-4, A3-5, A3-6).

    The term after closing is ``protocol.retention.client_file_years`` calendar years; the
    review period for unreachable clients ``protocol.retention.unreachable_review_days``.
    The protocol's end does not change the outcome. ``at`` must be aware and not before the
    case's latest step.
    """
    today = local_date(at)
    _check_after_last(case, at.astimezone(UTC))
    return _decide(case, today, protocol.retention)


class ScheduledAction(NamedTuple):
    """A case that needs an action on ``due_on`` (A3-4, A3-6): ``delete`` or ``review``.

    ``overdue`` is true when ``due_on`` is on or before the schedule's day.
    """

    due_on: date
    action: Literal["delete", "review"]
    clause: str
    code: str
    overdue: bool
    case: RetentionCase


def retention_schedule(
    cases: Iterable[RetentionCase], *, at: datetime, protocol: Protocol = TORHOUT
) -> tuple[ScheduledAction, ...]:
    """What is due when, for many cases, soonest first (A3-4, A3-6).

    A declined case is due for deletion from the day of the refusal; a closed client file
    from the day after its retention term ends; an unreachable client's case for review on
    its review day. Cases with nothing dated (awaiting contact, file to open, file open) are
    not listed: their data are kept. Ties keep the input order.
    """
    today = local_date(at)
    at_utc = at.astimezone(UTC)
    years = protocol.retention.client_file_years
    review = timedelta(days=protocol.retention.unreachable_review_days)
    one_day = timedelta(days=1)
    entries: list[ScheduledAction] = []
    append = entries.append
    for case in cases:
        _check_after_last(case, at_utc)
        state = case._state
        if state == "dossier_closed":
            due = _years_after(case._last_on, years) + one_day
            append(
                ScheduledAction(due, "delete", "A3-6", "DELETE_RETENTION_ENDED", due <= today, case)
            )
        elif state == "declined":
            due = case._last_on
            append(ScheduledAction(due, "delete", "A3-4", "DELETE_DECLINED", due <= today, case))
        elif state == "unreachable":
            due = case._last_on + review
            append(ScheduledAction(due, "review", "A3-4", "REVIEW_UNREACHABLE", due <= today, case))
    entries.sort(key=_DUE_ON)
    return tuple(entries)


_DUE_ON: Final = operator.itemgetter(0)


def schedule_as_json(schedule: Iterable[ScheduledAction]) -> str:
    """The schedule as JSON text: ids, dates, actions, codes and clauses only (A3-4, A3-6)."""
    return json.dumps(
        [
            {
                "case_id": e.case.case_id,
                "due_on": e.due_on.isoformat(),
                "action": e.action,
                "clause": e.clause,
                "code": e.code,
                "overdue": e.overdue,
            }
            for e in schedule
        ],
        indent=2,
    )
