"""What to do with a case's data today (A3-4, A3-5, A3-6, C-7).

:func:`retention_decision` answers keep, delete or review for one case; ``_due`` says when a
case next needs a decision, for the decision and for the schedule over many cases
(:mod:`protocol_share.retention._schedule`). The messages come from the catalogues
(:mod:`protocol_share._text`).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Final, Literal, NamedTuple

from protocol_share._model import wrong_type
from protocol_share._text import message
from protocol_share._time import BRUSSELS, calendar_after, days_after, require_aware
from protocol_share.errors import InvalidInput
from protocol_share.protocol._parts import RetentionTerms
from protocol_share.protocol._protocol import Protocol
from protocol_share.protocol._torhout import TORHOUT
from protocol_share.retention._lifecycle import Action, RetentionCase, State

__all__ = ["RetentionDecision", "retention_decision"]


class RetentionDecision(NamedTuple):
    """What to do with a case's data today (A3-4 to A3-6, C-7).

    ``action`` is ``keep``, ``delete`` or ``review``. ``keep_until`` is the last day the
    data may be kept when the protocol fixes one (a closed client file: its tenth
    anniversary), else ``None``. ``review_on`` is the day a waiting case comes up for review
    (no contact yet, an unreachable client, a file to open, an open file). ``code``,
    ``clause`` and the messages say why; they name no personal data. ``reading`` is true
    when the outcome is the library's reading where the protocol is silent, not a term of
    the protocol (``docs/readings.md``); ``clause`` then names the rule read, e.g.
    ``GDPR art. 5(1)(e)`` for deleting what a client declined.
    """

    action: Action
    keep_until: date | None
    clause: str
    code: str
    message_en: str
    message_nl: str
    review_on: date | None = None
    reading: bool = False


# RetentionDecision(...) without the Python frame of a named tuple's __new__ (the tuple is
# the same, every field given): one per call, a million calls a day.
_decision: Final = functools.partial(tuple.__new__, RetentionDecision)


class _Plan(NamedTuple):
    # What a state decides: while kept (``keep`` code, None when due at once), once due.
    clause: str
    keep: str | None
    due: str
    action: Literal["delete", "review"]
    reading: bool


_STORAGE_LIMITATION: Final = "GDPR art. 5(1)(e)"
_PLANS: Final[Mapping[State, _Plan]] = {
    "received": _Plan("A3-4", "KEEP_UNTIL_CONTACT", "REVIEW_NO_CONTACT", "review", True),
    "unreachable": _Plan("A3-4", "KEEP_UNREACHABLE", "REVIEW_UNREACHABLE", "review", True),
    "wants_help": _Plan("A3-5", "KEEP_FILE_TO_OPEN", "REVIEW_FILE_NOT_OPENED", "review", True),
    "dossier_open": _Plan("A3-6", "KEEP_FILE_OPEN", "REVIEW_FILE_OPEN", "review", True),
    "dossier_closed": _Plan(
        "A3-6", "KEEP_AFTER_CLOSING", "DELETE_RETENTION_ENDED", "delete", False
    ),
    "declined": _Plan(_STORAGE_LIMITATION, None, "DELETE_DECLINED", "delete", True),
    "deletion_decided": _Plan(_STORAGE_LIMITATION, None, "DELETE_AFTER_REVIEW", "delete", True),
    "withdrawn": _Plan("C-7", None, "DELETE_CONSENT_WITHDRAWN", "delete", True),
}
"""Per state (A3-4 to A3-6, C-7): the clause, the code while kept, the code and action once
due, and whether the outcome is a reading of the library (``docs/readings.md``)."""

# An open client file after the client withdrew consent: the OCMW's own (A2-4).
_OWN_FILE: Final = _Plan("A2-4", "KEEP_FILE_AFTER_WITHDRAWAL", "REVIEW_FILE_OPEN", "review", True)


_REVIEW_TERM: Final[Mapping[State, str]] = {
    "received": "contact_review_days",
    "unreachable": "unreachable_review_days",
    "wants_help": "file_to_open_review_days",
    "dossier_open": "open_file_review_days",
}
"""Per waiting state, the field of :class:`RetentionTerms` that holds its review term."""


@functools.lru_cache(maxsize=64)
def _why(code: str) -> tuple[str, str, str]:
    # The code and its messages (English, Dutch) from the catalogues, read once.
    key = f"retention.decision.{code}"
    return code, message(key, "en"), message(key, "nl")


@functools.lru_cache(maxsize=1 << 16)
def _years_after(day: date, years: int) -> date:
    # Calendar years: 29 February falls back to 28 February.
    return calendar_after(day, years=years, name="at")


@functools.lru_cache(maxsize=1 << 16)
def _deletion_due(day: date, years: int) -> date:
    # The day after the retention term ends (A3-6).
    return days_after(_years_after(day, years), 1)


_Due = tuple[date, Literal["delete", "review"], str, str, _Plan]
# When a case next needs a decision: the day, the action and clause and code then, the plan.
# A plain tuple: a named one costs a Python call per case in the daily job's hot loop.


def _due(case: RetentionCase, terms: RetentionTerms) -> _Due:
    # When the case next needs a decision, and which (A3-4 to A3-6, C-7). Every state a
    # case can be in has one: no case waits for ever (tests: the dead-end property).
    state = case._state
    plan = _PLANS[state]
    if state == "dossier_open" and case._withdrawn_on is not None:
        plan = _OWN_FILE
    if plan.keep is None:
        on = case._last_on
    elif state == "dossier_closed":
        closed_on = case._closed_on or case._last_on  # set by the closing step
        on = _deletion_due(closed_on, terms.client_file_years)
    else:
        on = days_after(case._last_on, getattr(terms, _REVIEW_TERM[state]))
    return on, plan.action, plan.clause, plan.due, plan


def _decide(case: RetentionCase, today: date, terms: RetentionTerms) -> RetentionDecision:
    on, action, clause, _, plan = _due(case, terms)
    closed = case._state == "dossier_closed"
    keep_until = (
        _years_after(case._closed_on or case._last_on, terms.client_file_years) if closed else None
    )
    review_on = None if closed or plan.keep is None else on
    if today >= on or plan.keep is None:
        code, en, nl = _why(plan.due)
        return _decision((action, keep_until, clause, code, en, nl, review_on, plan.reading))
    code, en, nl = _why(plan.keep)
    return _decision(
        ("keep", keep_until, plan.clause, code, en, nl, review_on, plan.reading and not closed)
    )


def retention_decision(
    case: RetentionCase, protocol: Protocol = TORHOUT, *, at: datetime
) -> RetentionDecision:
    """Keep, delete or review a case's data at ``at`` (A3-4, A3-5, A3-6, C-7).

    The term after closing is ``protocol.retention.client_file_years`` calendar years. Every
    other waiting state comes up for review after its term of ``protocol.retention``
    (counted from the latest step; the protocol is silent, ``docs/readings.md``): no
    contact yet, an unreachable client, a file to open, an open file. A declined case, one
    a review decided to delete, and one whose consent was withdrawn before a file was
    opened are deleted. The protocol's end does not change the outcome. ``at`` must be aware
    and not before the case's latest step.
    """
    # A million calls a day: the checks inline, each instant read once.
    if not isinstance(protocol, Protocol):
        raise wrong_type(protocol, Protocol, "protocol")
    at = require_aware(at)
    if not isinstance(case, RetentionCase):
        raise wrong_type(case, RetentionCase, "case")
    if at.astimezone(UTC) < case._last_utc:
        raise InvalidInput.single(
            "arguments",
            "at",
            "AT_BEFORE_LAST_STEP",
            "a decision cannot be asked for a time before the case's latest step",
        )
    return _decide(case, at.astimezone(BRUSSELS).date(), protocol.retention)
