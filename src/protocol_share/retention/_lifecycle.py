"""The retention lifecycle of one received referral (A3-4 to A3-6, C-7): a table of transitions.

Every legal step is one row of :data:`TRANSITIONS`; a step that is not there raises
:class:`ImpossibleStep` (a :class:`~protocol_share.errors.LifecycleError`) naming the
step and the state. "Unreachable" is not final: a later contact may follow. A case that
waits (for contact, for a file to be opened, in an open file) comes up for review; the
review is closed by a ``reviewed`` step that keeps the data, with a reason, until the next
review, or decides to delete them. The sender's notice that the client withdrew consent is
the ``consent_withdrawn`` step. A case is immutable; every step returns a new case.
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
    "TERMINAL_STATES",
    "TRANSITIONS",
    "Action",
    "ImpossibleStep",
    "Outcome",
    "RetentionCase",
    "ReviewOutcome",
    "State",
    "Step",
    "StepName",
]

Outcome = Literal["wants_help", "declined", "unreachable"]
"""The result of a contact with the client (A3-4)."""
ReviewOutcome = Literal["keep", "delete"]
"""The outcome of a review (A3-4, read with GDPR art. 5(1)(e)): keep the data, with a
reason, until the next review, or delete them."""
StepName = Literal[
    "received", "contacted", "dossier_opened", "dossier_closed", "reviewed", "consent_withdrawn"
]
State = Literal[
    "new",
    "received",
    "unreachable",
    "wants_help",
    "declined",
    "dossier_open",
    "dossier_closed",
    "deletion_decided",
    "withdrawn",
]
Action = Literal["keep", "delete", "review"]

TRANSITIONS: Final[Mapping[tuple[State, StepName, Outcome | ReviewOutcome | None], State]] = {
    ("new", "received", None): "received",
    ("received", "contacted", "wants_help"): "wants_help",
    ("received", "contacted", "declined"): "declined",
    ("received", "contacted", "unreachable"): "unreachable",
    # A3-4: kept at least until contact; a review may only keep (and prompt the contact).
    ("received", "reviewed", "keep"): "received",
    ("received", "consent_withdrawn", None): "withdrawn",
    # "unreachable" is not final: a later attempt may reach the client.
    ("unreachable", "contacted", "wants_help"): "wants_help",
    ("unreachable", "contacted", "declined"): "declined",
    ("unreachable", "contacted", "unreachable"): "unreachable",
    ("unreachable", "reviewed", "keep"): "unreachable",
    ("unreachable", "reviewed", "delete"): "deletion_decided",
    ("unreachable", "consent_withdrawn", None): "withdrawn",
    # A client who asked for help may still decline before a file is opened.
    ("wants_help", "contacted", "declined"): "declined",
    ("wants_help", "dossier_opened", None): "dossier_open",
    ("wants_help", "reviewed", "keep"): "wants_help",
    ("wants_help", "reviewed", "delete"): "deletion_decided",
    ("wants_help", "consent_withdrawn", None): "withdrawn",
    ("dossier_open", "dossier_closed", None): "dossier_closed",
    # An open file is the OCMW's own (A3-5, A3-6): a review keeps it, a withdrawal of the
    # consent to the referral does not reach it (A2-4).
    ("dossier_open", "reviewed", "keep"): "dossier_open",
    ("dossier_open", "consent_withdrawn", None): "dossier_open",
    ("dossier_closed", "consent_withdrawn", None): "dossier_closed",
}
"""Every legal step of a retention lifecycle, (state, step, outcome) -> next state
(A3-4 to A3-6, C-7). A step missing here is impossible."""

TERMINAL_STATES: Final[frozenset[State]] = frozenset({"declined", "deletion_decided", "withdrawn"})
"""The states no step leaves: the data are to be deleted (A3-4 read with GDPR art.
5(1)(e); C-7 read with GDPR art. 7(3) and 17(1)(b))."""

_OUTCOMES: Final = frozenset({"wants_help", "declined", "unreachable"})
_REVIEW_OUTCOMES: Final = frozenset({"keep", "delete"})
_STEPS: Final = frozenset(
    {"received", "contacted", "dossier_opened", "dossier_closed", "reviewed", "consent_withdrawn"}
)
_NAMED_STEPS: Final = _STEPS | {"replay"}  # "replay" names RetentionCase.replay itself
_NAMED_OUTCOMES: Final = _OUTCOMES | _REVIEW_OUTCOMES

_WHY_IMPOSSIBLE: Final[Mapping[tuple[State, StepName], str]] = {
    ("new", "contacted"): "a client cannot be contacted about a referral that was not received",
    ("new", "dossier_opened"): "no client file can be opened for a referral that was not received",
    ("new", "dossier_closed"): "no client file can be closed for a referral that was not received",
    ("new", "reviewed"): "a referral that was not received cannot be reviewed",
    ("new", "consent_withdrawn"): "a referral that was not received holds no data to delete",
    ("received", "received"): "the referral was already received",
    ("received", "dossier_opened"): (
        "a client file is opened only for a client who asked for help (A3-5); contact first"
    ),
    ("received", "dossier_closed"): "a client file that was never opened cannot be closed",
    ("received", "reviewed"): (
        "the data are kept at least until contact has taken place (A3-4): a review before "
        "contact can only keep them; attempt contact and record it"
    ),
    ("unreachable", "dossier_opened"): (
        "a client file is opened only for a client who asked for help (A3-5)"
    ),
    ("unreachable", "dossier_closed"): "a client file that was never opened cannot be closed",
    ("wants_help", "dossier_closed"): "a client file that was never opened cannot be closed",
    ("dossier_open", "dossier_opened"): "the client file is already open",
    ("dossier_open", "contacted"): "the client file is open; contact is now part of the file",
    ("dossier_open", "reviewed"): (
        "an open client file is kept (A3-6): a review can only keep it; close the file and "
        "its retention term runs"
    ),
    ("dossier_closed", "dossier_closed"): "the client file is already closed",
}


class ImpossibleStep(LifecycleError):
    """A step the lifecycle table does not allow (A3-4 to A3-6, C-7).

    ``step`` names the step, ``state`` the state it was tried in, ``code`` is
    ``IMPOSSIBLE_STEP``, ``STEP_BEFORE_PREVIOUS`` (a step dated before the one before it),
    ``UNKNOWN_STEP``, ``UNKNOWN_OUTCOME``, ``UNEXPECTED_OUTCOME``, ``REASON_REQUIRED`` (a
    review that keeps the data without saying why), ``UNEXPECTED_REASON`` or ``NO_STEPS``. A step or
    outcome that is not one of the lifecycle's names is never echoed (it may hold anything,
    personal data included): the message and ``step`` say ``<unknown step>`` and the message
    says ``<unknown outcome>`` instead. ``path`` names the case in a file of cases
    (``cases.0``), empty for a case built in code; ``message_nl`` and ``message_en`` are the
    catalogue's text for ``code``, naming no value.
    """

    def __init__(
        self,
        step: object,
        state: str,
        code: str,
        why: str,
        outcome: object = None,
        *,
        path: str = "",
    ) -> None:
        shown = _known(step, _NAMED_STEPS, "<unknown step>")
        self.step, self.state, self.code, self.path = shown, state, code, path
        said = f"impossible step '{shown}'"
        if outcome is not None:
            said += f" with outcome '{_known(outcome, _NAMED_OUTCOMES, '<unknown outcome>')}'"
        super().__init__(f"{said} in state '{state}' ({code}): {why}")


def _known(value: object, names: frozenset[str], unknown: str) -> str:
    # A name of the lifecycle as it is; anything else is never echoed.
    return value if isinstance(value, str) and value in names else unknown


class Step(NamedTuple):
    """One step of a case's history (A3-4 to A3-6, C-7): which, when (aware), a contact's or
    a review's outcome, and a review's reason (an opaque code of the host's, e.g.
    ``second_attempt_planned``: never free text, which could hold personal data)."""

    step: StepName
    at: datetime
    outcome: Outcome | ReviewOutcome | None = None
    reason: str | None = None


_OUTCOMES_OF: Final[Mapping[str, frozenset[str]]] = {
    "contacted": _OUTCOMES,
    "reviewed": _REVIEW_OUTCOMES,
}
_WHAT_OUTCOME: Final[Mapping[str, str]] = {"contacted": "a contact's", "reviewed": "a review's"}
_DELETE_PENDING: Final[Mapping[str, str]] = {
    "declined": "the client declined: no step may follow, the data are to be deleted",
    "deletion_decided": "a review decided to delete the data: no step may follow",
    "withdrawn": (
        "the client withdrew consent before a client file was opened: no step may follow, "
        "the data are to be deleted"
    ),
}


def _next_state(state: State, step: object, outcome: object) -> State:
    if not isinstance(step, str) or step not in _STEPS:
        raise ImpossibleStep(step, state, "UNKNOWN_STEP", f"steps are {sorted(_STEPS)}")
    allowed = _OUTCOMES_OF.get(step)
    if allowed is not None and (not isinstance(outcome, str) or outcome not in allowed):
        raise ImpossibleStep(
            step,
            state,
            "UNKNOWN_OUTCOME",
            f"{_WHAT_OUTCOME[step]} outcome is one of {sorted(allowed)}",
            outcome,
        )
    if allowed is None and outcome is not None:
        raise ImpossibleStep(
            step, state, "UNEXPECTED_OUTCOME", "only a contact or a review has an outcome", outcome
        )
    nxt = TRANSITIONS.get((state, step, outcome))  # type: ignore[arg-type]
    if nxt is None:
        if state in _DELETE_PENDING:
            why = _DELETE_PENDING[state]
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

    __slots__ = (
        "_case_id",
        "_closed_on",
        "_last_on",
        "_last_utc",
        "_state",
        "_steps",
        "_withdrawn_on",
    )

    _case_id: str | None
    _state: State
    _steps: tuple[Step, ...]
    _last_on: date
    _last_utc: datetime
    _closed_on: date | None
    _withdrawn_on: date | None

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
        closed_on: date | None = None,
        withdrawn_on: date | None = None,
    ) -> RetentionCase:
        case = object.__new__(cls)
        put = object.__setattr__
        put(case, "_case_id", case_id)
        put(case, "_state", state)
        put(case, "_steps", steps)
        put(case, "_last_on", last_on)
        put(case, "_last_utc", last_utc)
        put(case, "_closed_on", closed_on)
        put(case, "_withdrawn_on", withdrawn_on)
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
            case = case._advance(step.step, step.at, step.outcome, step.reason)
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

    def reviewed(
        self, at: datetime, outcome: ReviewOutcome, *, reason: str | None = None
    ) -> RetentionCase:
        """A person reviewed the case at ``at`` (A3-4 to A3-6, read with GDPR art. 5(1)(e)).

        ``outcome="keep"`` keeps the data until the next review (the state's review term
        of ``protocol.retention``, counted from ``at``) and needs a ``reason``: an opaque
        code of the host's (``second_attempt_planned``), never free text. ``"delete"``
        decides to delete them; it is refused before contact (A3-4: kept at least until
        contact) and for an open client file (A3-6: close it, its term then runs).
        """
        return self._advance("reviewed", at, outcome, reason)

    def consent_withdrawn(self, at: datetime) -> RetentionCase:
        """The sender notified that the client withdrew consent at ``at`` (C-7; GDPR art. 7(3)).

        Before a client file is opened the referral must be deleted (GDPR art. 17(1)(b):
        no other ground). An open or closed client file is the OCMW's own, kept under its
        own legal basis (A2-4) and archiving term (A3-6): the step is recorded, the file
        stays. Dates of the retention term are not moved by it.
        """
        return self._advance("consent_withdrawn", at, None)

    def _advance(
        self, step: str, at: datetime, outcome: str | None, reason: object = None
    ) -> RetentionCase:
        state = _next_state(self._state, step, outcome)
        if reason is not None:
            if step != "reviewed":
                raise ImpossibleStep(
                    step, self._state, "UNEXPECTED_REASON", "only a review has a reason"
                )
            reason = _opaque(reason, "reason", "INVALID_REASON")
        elif step == "reviewed" and outcome == "keep":
            raise ImpossibleStep(
                step,
                self._state,
                "REASON_REQUIRED",
                "a review that keeps the data says why (a reason code)",
                outcome,
            )
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
        record = Step(step, at, outcome, reason)  # type: ignore[arg-type]
        on = at.astimezone(BRUSSELS).date()
        closed_on = on if step == "dossier_closed" else self._closed_on
        withdrawn_on = self._withdrawn_on
        if step == "consent_withdrawn" and withdrawn_on is None:
            withdrawn_on = on
        return RetentionCase._make(
            self._case_id, state, (*self._steps, record), on, utc, closed_on, withdrawn_on
        )

    @property
    def case_id(self) -> str | None:
        """The host's id for this referral (A3-4), or ``None``."""
        return self._case_id

    @property
    def state(self) -> State:
        """The current state: ``received``, ``unreachable``, ``wants_help``, ``declined``,
        ``dossier_open``, ``dossier_closed``, ``deletion_decided`` (a review decided to
        delete) or ``withdrawn`` (consent withdrawn before a file was opened) (A3-4 to A3-6,
        C-7)."""
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
        """The Europe/Brussels date of the latest step; review terms count from it (A3-4)."""
        return self._last_on

    @property
    def closed_on(self) -> date | None:
        """The Europe/Brussels date the client file was closed; A3-6 counts the years from it."""
        return self._closed_on

    @property
    def consent_withdrawn_on(self) -> date | None:
        """The Europe/Brussels date of the first withdrawal notice, or ``None`` (C-7)."""
        return self._withdrawn_on

    def to_dict(self) -> dict[str, Any]:
        """The case as JSON-ready data (``case_id`` and ``steps``; A3-4 to A3-6), readable by
        :func:`cases_from_json`."""
        return {
            "case_id": self._case_id,
            "steps": [
                {"step": s.step, "at": s.at.isoformat()}
                | ({"outcome": s.outcome} if s.outcome is not None else {})
                | ({"reason": s.reason} if s.reason is not None else {})
                for s in self._steps
            ],
        }

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RetentionCase):
            return NotImplemented
        return self._case_id == other._case_id and self._steps == other._steps

    def __hash__(self) -> int:
        return hash((self._case_id, self._steps))

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickle (worker processes, Dask, Spark): the case is rebuilt as it was, without
        # __init__ (which refuses) or __setattr__ (which the slots' default state would use).
        # Every slot travels, so a slot added later travels too.
        return (_restore, ({name: getattr(self, name) for name in RetentionCase.__slots__},))

    def __repr__(self) -> str:
        return (
            f"RetentionCase(case_id={self._case_id!r}, state={self._state!r}, "
            f"steps={len(self._steps)})"
        )


def _restore(slots: dict[str, Any]) -> RetentionCase:
    case = object.__new__(RetentionCase)
    for name in RetentionCase.__slots__:
        object.__setattr__(case, name, slots[name])
    return case


_CASE_ID: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:\-]{0,63}")


def _case_id(value: object) -> str:
    return _opaque(value, "case_id", "INVALID_CASE_ID")


def _opaque(value: object, name: str, code: str) -> str:
    # The rule of consent.Identifier, without a model per case: an opaque id, no spaces,
    # and never a national register, BIS, IBAN or KBO number (A3-3). A UUID is kept as its
    # canonical string.
    if isinstance(value, uuid.UUID):
        return str(value)
    if not isinstance(value, str) or not _CASE_ID.fullmatch(value):
        raise InvalidInput.single(
            "arguments", name, code, "must be an opaque id (A-Z, 0-9, . _ : -)"
        )
    if forbidden_identifier_kinds(value):
        raise InvalidInput.single(
            "arguments", name, "FORBIDDEN_IDENTIFIER", "must not hold a personal number"
        )
    return value
