"""The retention lifecycle of one received referral (A3-4 to A3-6): a table of transitions.

Every legal step is one row of :data:`TRANSITIONS`; a step that is not there raises
:class:`ImpossibleStep` (a :class:`~protocol_share.errors.LifecycleError`) naming the
step and the state. "Unreachable" is not final: a later contact may follow. A case is
immutable; every step returns a new case.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from typing import Any, Final, Literal, NamedTuple

from protocol_share._time import BRUSSELS, require_aware
from protocol_share.clientdata._identifiers import forbidden_identifier_kinds
from protocol_share.errors import InvalidInput, LifecycleError

__all__ = [
    "TRANSITIONS",
    "Action",
    "ImpossibleStep",
    "Outcome",
    "RetentionCase",
    "State",
    "Step",
    "StepName",
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
_NAMED_STEPS: Final = _STEPS | {"replay"}  # "replay" names RetentionCase.replay itself

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
    ``IMPOSSIBLE_STEP``, ``STEP_BEFORE_PREVIOUS`` (a step dated before the one before it),
    ``UNKNOWN_STEP``, ``UNKNOWN_OUTCOME``, ``UNEXPECTED_OUTCOME`` or ``NO_STEPS``. A step or
    outcome that is not one of the lifecycle's names is never echoed (it may hold anything,
    personal data included): the message and ``step`` say ``<unknown step>`` and the message
    says ``<unknown outcome>`` instead.
    """

    def __init__(
        self, step: object, state: str, code: str, why: str, outcome: object = None
    ) -> None:
        shown = _known(step, _NAMED_STEPS, "<unknown step>")
        self.step, self.state, self.code = shown, state, code
        said = f"impossible step '{shown}'"
        if outcome is not None:
            said += f" with outcome '{_known(outcome, _OUTCOMES, '<unknown outcome>')}'"
        super().__init__(f"{said} in state '{state}' ({code}): {why}")


def _known(value: object, names: frozenset[str], unknown: str) -> str:
    # A name of the lifecycle as it is; anything else is never echoed.
    return value if isinstance(value, str) and value in names else unknown


class Step(NamedTuple):
    """One step of a case's history: which, when (aware), and a contact's outcome (A3-4)."""

    step: StepName
    at: datetime
    outcome: Outcome | None = None


def _next_state(state: State, step: object, outcome: object) -> State:
    if not isinstance(step, str) or step not in _STEPS:
        raise ImpossibleStep(step, state, "UNKNOWN_STEP", f"steps are {sorted(_STEPS)}")
    if step == "contacted" and (not isinstance(outcome, str) or outcome not in _OUTCOMES):
        raise ImpossibleStep(
            step,
            state,
            "UNKNOWN_OUTCOME",
            f"a contact's outcome is one of {sorted(_OUTCOMES)}",
            outcome,
        )
    if step != "contacted" and outcome is not None:
        raise ImpossibleStep(
            step, state, "UNEXPECTED_OUTCOME", "only a contact has an outcome", outcome
        )
    nxt = TRANSITIONS.get((state, step, outcome))  # type: ignore[arg-type]
    if nxt is None:
        if state == "declined":
            why = "the client declined: no step may follow, the data are to be deleted"
        elif state == "dossier_closed":
            why = "the client file is closed; only its retention term runs (A3-6)"
        else:
            why = _WHY_IMPOSSIBLE.get((state, step), "the lifecycle table has no such step")  # type: ignore[arg-type]
        raise ImpossibleStep(step, state, "IMPOSSIBLE_STEP", why, outcome)
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

    def __init__(self, *args: object, **kwargs: object) -> None:
        raise InvalidInput.single(
            "RetentionCase",
            "",
            "USE_A_STEP",
            "start a case with RetentionCase.received(at) or RetentionCase.replay(steps)",
        )

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
    def received(cls, at: datetime, *, case_id: str | uuid.UUID | None = None) -> RetentionCase:
        """The referral was received at ``at`` (aware); the lifecycle starts (A3-4)."""
        if case_id is not None:
            case_id = _case_id(case_id)
        return cls._begin(case_id)._advance("received", at, None)

    @classmethod
    def _begin(cls, case_id: str | None) -> RetentionCase:
        return cls._make(case_id, "new", (), date.min, datetime.min.replace(tzinfo=UTC))

    @classmethod
    def replay(
        cls, steps: Iterable[Step], *, case_id: str | uuid.UUID | None = None
    ) -> RetentionCase:
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
        at = require_aware(at, "at")
        utc = at.astimezone(UTC)
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
    # and never a national register, BIS, IBAN or KBO number (A3-3). A UUID is kept as its
    # canonical string.
    if isinstance(value, uuid.UUID):
        return str(value)
    if not isinstance(value, str) or not _CASE_ID.fullmatch(value):
        raise InvalidInput.single(
            "arguments", "case_id", "INVALID_CASE_ID", "must be an opaque id (A-Z, 0-9, . _ : -)"
        )
    if forbidden_identifier_kinds(value):
        raise InvalidInput.single(
            "arguments", "case_id", "FORBIDDEN_IDENTIFIER", "must not hold a personal number"
        )
    return value
