"""Time handling: every instant is timezone-aware; date rules live in Europe/Brussels.

The core never reads a clock: callers pass ``at=`` (DESIGN.md, rules of the house).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

from protocol_share.errors import InvalidInput

__all__ = [
    "BRUSSELS",
    "as_utc",
    "calendar_after",
    "local_date",
    "require_aware",
    "require_date",
]

BRUSSELS = ZoneInfo("Europe/Brussels")


def require_aware(value: Any, name: str = "at") -> datetime:
    """Return ``value`` if it is a timezone-aware datetime; else raise :class:`InvalidInput`."""
    if not isinstance(value, datetime):
        raise InvalidInput.single("arguments", name, "NOT_A_DATETIME", "must be a datetime")
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidInput.single(
            "arguments",
            name,
            "NAIVE_DATETIME",
            "must be timezone-aware (a naive datetime has no place in time)",
        )
    if not 1 < value.year < 9999:  # at the calendar's ends a zone change overflows
        try:
            value.astimezone(UTC).astimezone(BRUSSELS)
        except (OverflowError, ValueError):
            raise _out_of_range(name) from None
    return value


def require_date(value: Any, name: str) -> date:
    """Return ``value`` if it is a calendar date (not a datetime); else raise."""
    if isinstance(value, datetime) or not isinstance(value, date):
        raise InvalidInput.single("arguments", name, "NOT_A_DATE", "must be a date")
    return value


def local_date(at: datetime, name: str = "at") -> date:
    """The Europe/Brussels calendar date of an aware instant."""
    return require_aware(at, name).astimezone(BRUSSELS).date()


def _out_of_range(name: str) -> InvalidInput:
    return InvalidInput.single(
        "arguments", name, "OUT_OF_RANGE", "lies too close to the ends of the calendar"
    )


def calendar_after(day: date, *, months: int = 0, years: int = 0, name: str = "date") -> date:
    """``day`` plus calendar months and years (python-dateutil): a day that does not exist
    in the target month falls back to its last day (31 August + 6 months is 28 or 29
    February; 29 February + 10 years is 28 February). Serves A11-2 and A3-6.

    Raises :class:`InvalidInput` (``OUT_OF_RANGE``) past the year 9999.
    """
    try:
        result: date = day + relativedelta(months=months, years=years)
    except (OverflowError, ValueError):
        raise _out_of_range(name) from None
    return result


def as_utc(value: datetime) -> datetime:
    """The same instant in UTC, to compare and subtract instants.

    Python compares two datetimes of one zone by wall clock, which misorders the repeated
    hour when daylight saving time ends; in UTC every instant has one reading.
    """
    return value.astimezone(UTC)
