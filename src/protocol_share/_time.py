"""Time handling: every instant is timezone-aware; date rules live in Europe/Brussels.

The core never reads a clock: callers pass ``at=`` (docs/design.md, rules of the house).
"""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any, TypeVar
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from pydantic import AfterValidator, AwareDatetime, BaseModel
from pydantic_core import PydanticCustomError

from protocol_share._model import DEEP, PROVEN_INSTANT, field_kinds, was_validated
from protocol_share.errors import InvalidInput, Problem

__all__ = [
    "BRUSSELS",
    "Instant",
    "as_utc",
    "calendar_after",
    "days_after",
    "exact_offset",
    "later",
    "local_date",
    "require_aware",
    "require_date",
    "require_instants",
]

BRUSSELS = ZoneInfo("Europe/Brussels")

_OUT_OF_RANGE_MESSAGE = "lies too close to the ends of the calendar"


def _reachable(value: datetime) -> bool:
    # At the calendar's ends a zone change overflows: the instant must have a UTC and a
    # Brussels reading. Only the years 1 and 9999 can fail, so others skip the work.
    if 1 < value.year < 9999:
        return True
    try:
        value.astimezone(UTC).astimezone(BRUSSELS)
    except (OverflowError, ValueError):
        return False
    return True


def exact_offset(value: datetime) -> datetime:
    """The same instant, with an offset that ISO 8601 and JSON can carry.

    An offset with seconds (a fixed ``timezone(timedelta(seconds=30))``, or local mean time
    in a zoneinfo zone before 1892) is written as hours and minutes by pydantic and
    ``isoformat`` readers alike, which would move the instant on a round trip; such an
    instant is shown in UTC instead, exactly. Whole-minute offsets stay as given.
    """
    offset = value.utcoffset()
    # Not whole minutes (a day always is): integer tests, cheaper than
    # ``offset % timedelta(minutes=1)``, which builds two timedeltas.
    if offset is not None and (offset.microseconds or offset.seconds % 60):
        return value.astimezone(UTC)
    return value


def _instant(value: datetime) -> datetime:
    if not _reachable(value):
        raise PydanticCustomError("OUT_OF_RANGE", _OUT_OF_RANGE_MESSAGE)
    return exact_offset(value)


Instant = Annotated[AwareDatetime, AfterValidator(_instant), PROVEN_INSTANT]
"""A model's moment (docs/design.md: instants are aware): timezone-aware, with a UTC and a Brussels
reading (else ``OUT_OF_RANGE``), and an offset in whole minutes (else shown in UTC, the
same instant), so that model -> JSON -> model moves nothing."""


def require_aware(value: Any, name: str = "at") -> datetime:
    """Return ``value`` if it is a timezone-aware datetime; else raise :class:`InvalidInput`.

    ``WRONG_TYPE`` (not a datetime), ``NAIVE_DATETIME``, or ``OUT_OF_RANGE`` for an instant without a UTC
    or Brussels reading (the years 1 and 9999). An offset with seconds comes back as the
    same instant in UTC (:func:`exact_offset`).
    """
    if not isinstance(value, datetime):
        raise InvalidInput.single("arguments", name, "WRONG_TYPE", "must be a datetime")
    # Every decision passes here: the offset is read once, and no helper is called for the
    # common instant (not in the years 1 or 9999, whole minutes).
    offset = None if value.tzinfo is None else value.utcoffset()
    if offset is None:
        raise InvalidInput.single(
            "arguments",
            name,
            "NAIVE_DATETIME",
            "must be timezone-aware (a naive datetime has no place in time)",
        )
    if not 1 < value.year < 9999 and not _reachable(value):
        raise _out_of_range(name)
    return value.astimezone(UTC) if offset.microseconds or offset.seconds % 60 else value


def later(value: datetime, delta: timedelta, name: str = "at") -> datetime:
    """``delta`` after the instant ``value`` (elapsed time, not wall clock), shown in
    ``value``'s zone; ``OUT_OF_RANGE`` when the result has no UTC or Brussels reading."""
    result: datetime | None
    try:
        result = (value.astimezone(UTC) + delta).astimezone(value.tzinfo)
    except (OverflowError, ValueError):
        result = None
    if result is None or not _reachable(result):
        raise _out_of_range(name)
    return exact_offset(result)


def days_after(day: date, days: int, name: str = "at") -> date:
    """``days`` days after ``day``; ``OUT_OF_RANGE`` past the year 9999 (never an OverflowError)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        pass
    raise _out_of_range(name)  # outside the except block: no exception rides along


def require_date(value: Any, name: str) -> date:
    """Return ``value`` if it is a calendar date (not a datetime); else raise
    :class:`InvalidInput` (``WRONG_TYPE``)."""
    if isinstance(value, datetime) or not isinstance(value, date):
        raise InvalidInput.single("arguments", name, "WRONG_TYPE", "must be a date, not a datetime")
    return value


def local_date(at: datetime, name: str = "at") -> date:
    """The Europe/Brussels calendar date of an aware instant."""
    return require_aware(at, name).astimezone(BRUSSELS).date()


def _out_of_range(name: str) -> InvalidInput:
    return InvalidInput.single("arguments", name, "OUT_OF_RANGE", _OUT_OF_RANGE_MESSAGE)


def calendar_after(day: date, *, months: int = 0, years: int = 0, name: str = "date") -> date:
    """``day`` plus calendar months and years (python-dateutil): a day that does not exist
    in the target month falls back to its last day (31 August + 6 months is 28 or 29
    February; 29 February + 10 years is 28 February). Serves A11-2 and A3-6.

    Raises :class:`InvalidInput` (``OUT_OF_RANGE``) past the year 9999.
    """
    try:
        result: date = day + relativedelta(months=months, years=years)
    except (OverflowError, ValueError):
        pass
    else:
        return result
    raise _out_of_range(name)


def period_last_day(start: date, *, months: int = 0, years: int = 0, name: str = "date") -> date:
    """The last day of a period of ``months`` and ``years`` counted from the act on ``start``.

    The one rule the library uses for every period (Belgian Civil Code, book 1, art. 1.7):
    the day of the act is not counted, the last day is included, and the period ends on the
    day with the same number as ``start`` (or the month's last day when that day does not
    exist). Six months' notice given on 15 January 2025 runs through 15 July 2025 (A11-2);
    a client file closed on 3 March 2025 is kept through 3 March 2035 (A3-6).
    """
    return calendar_after(start, months=months, years=years, name=name)


def start_of_day(day: date) -> datetime:
    """00:00 in Europe/Brussels on ``day``: the instant a day begins."""
    return datetime.combine(day, datetime.min.time(), BRUSSELS)


def as_utc(value: datetime) -> datetime:
    """The same instant in UTC, to compare and subtract instants.

    Python compares two datetimes of one zone by wall clock, which misorders the repeated
    hour when daylight saving time ends; in UTC every instant has one reading.
    """
    return value.astimezone(UTC)


# --- the instants of a model the library is handed ------------------------------------------

M = TypeVar("M", bound=BaseModel)

_NO_MARKS: dict[str, bool] = {}


@functools.cache
def _plan(cls: type[BaseModel]) -> tuple[tuple[str, bool, bool], ...]:
    # The fields of ``cls`` worth a look on an instance not validated as it is now: each
    # name, whether it can hold a datetime, and whether a model that can hold one.
    return tuple((name, k.instant or k.loose, k.model) for name, k in field_kinds(cls))


@functools.cache
def _every(cls: type[BaseModel]) -> tuple[str, ...]:
    return tuple(name for name, _ in field_kinds(cls))


@functools.cache
def _unproven(cls: type[BaseModel]) -> tuple[str, ...]:
    # The fields worth a look on an instance validated as it is now: validation proved its
    # Instants; a datetime of another type, and a nested model (which carries its own
    # mark), are still read.
    return tuple(name for name, k in field_kinds(cls) if k.loose or k.model)


def _instant_problem(value: datetime) -> str | None:
    if value.tzinfo is None or value.utcoffset() is None:
        return "NAIVE_DATETIME"
    return None if _reachable(value) else "OUT_OF_RANGE"


def _walk(value: Any, path: str, found: list[tuple[str, str]]) -> None:
    if isinstance(value, datetime):
        code = _instant_problem(value)
        if code is not None:
            found.append((path, code))
    elif isinstance(value, BaseModel):
        cls = type(value)
        # A validated instance's Instants are proven; its nested models carry their own mark.
        names = _unproven(cls) if was_validated(value) else _every(cls)
        for name in names:
            inner = getattr(value, name, None)
            if inner is None:
                continue
            if isinstance(inner, datetime):  # the common case: no path is built unless wrong
                code = _instant_problem(inner)
                if code is not None:
                    found.append((f"{path}.{name}", code))
                continue
            if isinstance(inner, BaseModel) and inner.__dict__.get(DEEP) is True:
                continue  # the common case: a validated part with nothing left to prove
            _walk(inner, f"{path}.{name}", found)
    elif isinstance(value, tuple | list | frozenset | set):
        for index, inner in enumerate(value):
            _walk(inner, f"{path}.{index}", found)


def require_instants(model: M, name: str) -> M:
    """Return ``model`` if every instant in it, nested models included, is aware and has a
    UTC and Brussels reading; else raise :class:`InvalidInput` (``NAIVE_DATETIME``,
    ``OUT_OF_RANGE``) at each such field's path under ``name``.

    Construction refuses both, but ``model_copy(update=...)`` and ``model_construct`` skip
    validation: a function that consumes a model checks it again (docs/design.md: naive datetimes
    are refused; the rules of C-7, A3-4 to A3-6, A5-1, A7-1 and A9-1 compare instants).
    The :data:`Instant` fields of an instance that passed validation as it is now
    (:func:`~protocol_share._model.was_validated`) are proven and not read again, nor is a
    nested model validated with all of its own parts; every other instant is read.
    """
    if getattr(model, "__dict__", _NO_MARKS).get(DEEP) is True:
        return model  # validated as it is, and every model inside it: nothing to prove
    found: list[tuple[str, str]] = []
    _walk(model, name, found)
    if found:
        messages = {
            "NAIVE_DATETIME": "must be timezone-aware (a naive datetime has no place in time)",
            "OUT_OF_RANGE": _OUT_OF_RANGE_MESSAGE,
        }
        raise InvalidInput(
            "arguments", tuple(Problem(path, code, messages[code]) for path, code in found)
        )
    return model
