"""What to do with a case's data today (A3-4, A3-5, A3-6).

:func:`retention_decision` answers keep, delete or review for one case (the schedule over
many cases is in :mod:`protocol_share.retention._schedule`). The messages come from the
catalogues (:mod:`protocol_share._text`).
"""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime
from typing import NamedTuple

from protocol_share._model import require_type
from protocol_share._text import message
from protocol_share._time import calendar_after, days_after, local_date
from protocol_share.errors import InvalidInput
from protocol_share.protocol._protocol import Protocol, RetentionTerms
from protocol_share.protocol._torhout import TORHOUT
from protocol_share.retention._lifecycle import Action, RetentionCase

__all__ = ["RetentionDecision", "retention_decision"]


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


def _why(code: str) -> tuple[str, str, str]:
    # The code and its messages (English, Dutch) from the catalogues, read once at import.
    key = f"retention.decision.{code}"
    return code, message(key, "en"), message(key, "nl")


def _fixed(action: Action, clause: str, code: str) -> RetentionDecision:
    return RetentionDecision(action, None, clause, *_why(code))


_AWAITING_CONTACT = _fixed("keep", "A3-4", "KEEP_UNTIL_CONTACT")
_FILE_TO_OPEN = _fixed("keep", "A3-5", "KEEP_FILE_TO_OPEN")
_FILE_OPEN = _fixed("keep", "A3-6", "KEEP_FILE_OPEN")
_DECLINED = _fixed("delete", "A3-4", "DELETE_DECLINED")
_CLOSED_KEEP = _why("KEEP_AFTER_CLOSING")
_CLOSED_DELETE = _why("DELETE_RETENTION_ENDED")
_UNREACHABLE_KEEP = _why("KEEP_UNREACHABLE")
_UNREACHABLE_REVIEW = _why("REVIEW_UNREACHABLE")


@functools.lru_cache(maxsize=1 << 16)
def _years_after(day: date, years: int) -> date:
    # Calendar years: 29 February falls back to 28 February.
    return calendar_after(day, years=years, name="at")


@functools.lru_cache(maxsize=1 << 16)
def _deletion_due(day: date, years: int) -> date:
    # The day after the retention term ends (A3-6).
    return days_after(_years_after(day, years), 1)


def _review_on(case: RetentionCase, terms: RetentionTerms) -> date:
    return days_after(case._last_on, terms.unreachable_review_days)


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
    terms = require_type(protocol, Protocol, "protocol").retention
    today = local_date(at)
    _check_after_last(case, at.astimezone(UTC))
    return _decide(case, today, terms)
