"""The strategies keep the library's own rules (issue 13): every strategy takes the protocol,
bounds are aware instants, and what they draw is consistent with the protocol's term."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from protocol_share import (
    TORHOUT,
    BreachNotice,
    InvalidInput,
    Protocol,
    RetentionCase,
    check_referral,
    retention_decision,
)
from protocol_share._time import BRUSSELS, as_utc
from protocol_share.examples import example_referral
from protocol_share.strategies import aware_datetimes, breach_notices, retention_cases

LATER_PROTOCOL: Protocol = TORHOUT.replace(
    protocol_id="torhout-2030",
    in_force_from=datetime(2030, 1, 1).date(),
)


def test_aware_datetimes_refuses_naive_bounds() -> None:
    with pytest.raises(InvalidInput) as caught:
        aware_datetimes(datetime(2025, 1, 1))
    assert caught.value.codes == {"NAIVE_DATETIME"}
    with pytest.raises(InvalidInput) as caught:
        aware_datetimes(max_value=datetime(2025, 1, 1))
    assert caught.value.codes == {"NAIVE_DATETIME"}


def test_aware_datetimes_refuses_an_empty_range() -> None:
    with pytest.raises(InvalidInput) as caught:
        aware_datetimes(datetime(2026, 1, 1, tzinfo=UTC), datetime(2025, 1, 1, tzinfo=UTC))
    assert caught.value.codes == {"EMPTY_RANGE"}


LOW = datetime(2026, 3, 29, 1, 30, tzinfo=BRUSSELS)
HIGH = datetime(2026, 3, 29, 4, 0, tzinfo=BRUSSELS)


@given(aware_datetimes(LOW, HIGH))
def test_aware_datetimes_keeps_to_aware_bounds_as_instants(moment: datetime) -> None:
    assert moment.tzinfo is not None
    assert as_utc(LOW) <= as_utc(moment) <= as_utc(HIGH)


@given(retention_cases(LATER_PROTOCOL))
def test_retention_cases_start_while_the_protocol_is_in_force(case: RetentionCase) -> None:
    received = case.steps[0].at
    assert LATER_PROTOCOL.status_at(received) == "in_force"


@settings(max_examples=20)
@given(retention_cases())
def test_the_referral_matching_a_retention_case_is_allowed(case: RetentionCase) -> None:
    # Law: a generated case was received when a referral could be: the referral made just
    # before receipt is allowed (it was refused when the case started before 18 April 2024).
    received = case.steps[0].at
    assert check_referral(example_referral(at=received), at=received).allowed
    assert retention_decision(case, at=case.steps[-1].at).clause


@given(breach_notices(LATER_PROTOCOL))
def test_breach_notices_take_the_protocol(notice: BreachNotice) -> None:
    assert LATER_PROTOCOL.status_at(notice.aware_at) == "in_force"


def _transitions(zone: ZoneInfo, years: range) -> list[datetime]:
    # Every instant the zone's offset changes in ``years``, found hour by hour in UTC.
    found = []
    moment = datetime(years.start, 1, 1, tzinfo=UTC)
    end = datetime(years.stop, 1, 1, tzinfo=UTC)
    while moment < end:
        nxt = moment + timedelta(hours=1)
        if moment.astimezone(zone).utcoffset() != nxt.astimezone(zone).utcoffset():
            found.append(nxt)
        moment = nxt
    return found


DST_CHANGES = _transitions(BRUSSELS, range(2025, 2031))


def test_example_referral_just_after_the_spring_clock_change_is_allowed() -> None:
    at = datetime(2026, 3, 29, 3, 1, tzinfo=BRUSSELS)
    assert check_referral(example_referral(at=at), at=at).allowed


@given(
    st.sampled_from(DST_CHANGES),
    st.integers(-180, 180).map(lambda minutes: timedelta(minutes=minutes)),
    st.sampled_from([BRUSSELS, ZoneInfo("America/New_York"), UTC]),
)
def test_example_referral_is_allowed_around_every_clock_change(
    change: datetime, offset: timedelta, zone: ZoneInfo
) -> None:
    # Law: the example keeps every rule at any instant, however the local clock jumps.
    at = (change + offset).astimezone(zone)
    referral = example_referral(at=at)
    assert check_referral(referral, at=at).allowed
    assert as_utc(referral.created_at) == as_utc(at) - timedelta(minutes=5)
