"""Moments (C-7, A3-4 to A3-6, A9-1, A11-1): aware instants in several zones, and the
moments a protocol is (or is not) in force, as instants whose Brussels date counts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from protocol_share._time import as_utc, require_aware
from protocol_share.errors import InvalidInput
from protocol_share.protocol._protocol import Protocol
from protocol_share.protocol._torhout import TORHOUT

__all__ = ["aware_datetimes", "moments"]

_ZONES = (
    UTC,
    ZoneInfo("Europe/Brussels"),
    ZoneInfo("America/New_York"),
    timezone(timedelta(hours=14)),
    timezone(timedelta(hours=-11)),
)


_EARLIEST = datetime(2024, 4, 18, tzinfo=ZoneInfo("Europe/Brussels"))
_LATEST = datetime(2045, 12, 31, tzinfo=UTC)


def _in_zone(moment: datetime, zone: tzinfo) -> datetime:
    # The instant shown in ``zone``; in UTC when that zone's reading would leave the calendar.
    try:
        return moment.astimezone(zone)
    except (OverflowError, ValueError):
        return moment


def aware_datetimes(
    min_value: datetime = _EARLIEST,
    max_value: datetime = _LATEST,
) -> st.SearchStrategy[datetime]:
    """Timezone-aware instants in several zones, Brussels included (docs/design.md: ``at=`` is aware;
    the moments of C-7, A3-4 to A3-6, A9-1 and A11-1).

    The bounds are instants, so they must be aware like every ``at=`` of the library: a
    naive bound raises :class:`InvalidInput` (``NAIVE_DATETIME``), and ``min_value`` after
    ``max_value`` raises ``EMPTY_RANGE``. Every drawn instant lies between the bounds,
    whichever zone it is shown in. By default: from TORHOUT's entry into force (18 April
    2024, Brussels) to the end of 2045.
    """
    low = as_utc(require_aware(min_value, "min_value"))
    high = as_utc(require_aware(max_value, "max_value"))
    if low > high:
        raise InvalidInput.single(
            "arguments", "min_value", "EMPTY_RANGE", "must not be after max_value"
        )
    naive = st.datetimes(min_value=low.replace(tzinfo=None), max_value=high.replace(tzinfo=None))
    return st.builds(
        lambda moment, zone: _in_zone(moment.replace(tzinfo=UTC), zone),
        naive,
        st.sampled_from(_ZONES),
    )


_BRUSSELS = ZoneInfo("Europe/Brussels")


def _local_window(protocol: Protocol) -> tuple[datetime, datetime]:
    # Naive Brussels wall-clock bounds of the days the protocol is in force.
    start = datetime.combine(protocol.in_force_from, datetime.min.time())
    last = protocol.ends_on or (protocol.in_force_from + timedelta(days=6 * 366))
    end = datetime.combine(last, datetime.min.time()) - timedelta(seconds=1)
    return start, end


def _brussels_instants(low: datetime, high: datetime) -> st.SearchStrategy[datetime]:
    # Instants whose Brussels calendar date lies in [low, high], shown in several zones.
    return st.builds(
        lambda moment, zone: moment.astimezone(zone),
        st.datetimes(
            min_value=low, max_value=high, timezones=st.just(_BRUSSELS), allow_imaginary=False
        ),
        st.sampled_from(_ZONES),
    )


def moments(protocol: Protocol = TORHOUT, *, in_force: bool = True) -> st.SearchStrategy[datetime]:
    """Aware instants at which ``protocol`` is in force (or, with ``in_force=False``, is not:
    up to three years before it starts or after it ends), shown in several time zones; the
    ``at=`` to pass to :func:`referrals` and to the check (A11-1, A11-2, A11-3)."""
    start, end = _local_window(protocol)
    if in_force:
        return _brussels_instants(start, end)
    before = _brussels_instants(start - timedelta(days=3 * 366), start - timedelta(seconds=1))
    if protocol.ends_on is None:
        return before
    return before | _brussels_instants(end + timedelta(seconds=1), end + timedelta(days=3 * 366))


def _shift(moment: datetime, delta: timedelta) -> datetime:
    # ``delta`` later as an instant, shown in ``moment``'s zone: wall-clock arithmetic in a
    # zone with DST lands in the autumn fold or the spring gap, an hour off.
    return (as_utc(moment) + delta).astimezone(moment.tzinfo)
