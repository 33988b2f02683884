"""The protocol as data: TORHOUT's facts, status over time, ending (recitals, A5-2, A8-1, A11)."""

from __future__ import annotations

import json
import unicodedata
from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from protocol_share import TORHOUT, DataItem, InvalidInput, Protocol, check_referral
from protocol_share._time import BRUSSELS
from protocol_share.clientdata._fields import BE_POSTCODE
from protocol_share.examples import example_referral
from protocol_share.protocol import _protocol as protocol_module


def test_torhout_holds_the_signed_facts() -> None:
    assert TORHOUT.sender.name == "Opgroeien regie"
    assert TORHOUT.sender.kbo == "0886.886.638"
    assert TORHOUT.recipient.kbo == "0212.175.523"
    assert TORHOUT.recipient.seat == "Aartrijkestraat 11/B, 8820 Torhout"
    assert TORHOUT.mailbox == "sociaal.huis@torhout.be"
    assert TORHOUT.postcodes == {"8820"}
    assert TORHOUT.in_force_from == date(2024, 4, 18)
    assert TORHOUT.notice_months == 6
    assert TORHOUT.recipient.dpo_email == "kurt.persyn@torhout.be"
    assert TORHOUT.sender.dpo_advice_on == date(2024, 4, 29)
    assert TORHOUT.recipient.dpo_advice_on == date(2024, 4, 18)
    assert TORHOUT.supervisory_authority.short_name == "VTC"
    assert TORHOUT.retention.client_file_years == 10
    assert TORHOUT.allowed_items == set(DataItem)
    assert {basis.clause for basis in TORHOUT.legal_bases} >= {"A2-1", "A2-4"}
    assert {r.kind for r in TORHOUT.onward_recipients} == {"social_worker", "breed_onthaal_actor"}
    assert TORHOUT.recipient_kind == "OCMW"
    assert TORHOUT.special_categories is False


def test_the_unusable_dpo_address_is_corrected_openly() -> None:
    assert TORHOUT.sender.dpo_email == "dpo@opgroeien.be"
    correction = next(c for c in TORHOUT.corrections if c.path == "sender.dpo_email")
    assert correction.signed_text == "dpo@opgroeien;be"
    assert correction.used == TORHOUT.sender.dpo_email


def test_the_signed_dpo_address_is_refused_by_the_model() -> None:
    data = json.loads(TORHOUT.model_dump_json())
    data["sender"]["dpo_email"] = "dpo@opgroeien;be"
    with pytest.raises(InvalidInput) as caught:
        Protocol.model_validate(data)
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("sender.dpo_email", "INVALID_EMAIL")
    ]


@pytest.mark.parametrize("kbo", ["0212 175 524", "0212.175.52", "ABCD"])
def test_kbo_numbers_are_checked_mod_97(kbo: str) -> None:
    data = json.loads(TORHOUT.model_dump_json())
    data["recipient"]["kbo"] = kbo
    with pytest.raises(InvalidInput) as caught:
        Protocol.model_validate(data)
    assert caught.value.codes == {"INVALID_KBO"}


def test_protocol_round_trips_through_json() -> None:
    assert Protocol.model_validate_json(TORHOUT.model_dump_json()) == TORHOUT


@pytest.mark.parametrize(
    ("at", "status"),
    [
        (datetime(2024, 4, 17, 21, 59, tzinfo=UTC), "not_yet_in_force"),  # 23:59 Brussels
        (datetime(2024, 4, 17, 22, 30, tzinfo=UTC), "in_force"),  # 00:30 Brussels, 18th
        (datetime(2024, 4, 18, 0, 0, tzinfo=BRUSSELS), "in_force"),
        (datetime(2030, 1, 1, tzinfo=UTC), "in_force"),
    ],
)
def test_status_uses_the_brussels_date(at: datetime, status: str) -> None:
    assert TORHOUT.status_at(at) == status


def test_naive_datetimes_are_refused_with_a_clear_error() -> None:
    with pytest.raises(InvalidInput) as caught:
        TORHOUT.status_at(datetime(2024, 5, 1))
    assert caught.value.codes == {"NAIVE_DATETIME"}
    assert "timezone-aware" in str(caught.value)


@pytest.mark.parametrize(
    ("given_on", "last_day"),
    [
        (date(2025, 8, 31), date(2026, 2, 28)),
        (date(2027, 8, 31), date(2028, 2, 29)),
        (date(2025, 1, 15), date(2025, 7, 15)),
        (date(2025, 12, 31), date(2026, 6, 30)),
    ],
)
def test_notice_keeps_the_protocol_in_force_through_the_last_day_of_the_period(
    given_on: date, last_day: date
) -> None:
    # A11-2 with the Belgian rule for periods (Civil Code book 1, art. 1.7): the day of the
    # notice is not counted, the last day is included, as the ten-year retention count.
    ended = TORHOUT.terminate_with_notice(given_on)
    assert (ended.ends_on, ended.end_reason) == (last_day + timedelta(days=1), "notice")
    assert ended.status_on(last_day) == "in_force"
    assert ended.status_at(datetime.combine(last_day, time(23, 59), BRUSSELS)) == "in_force"
    assert ended.status_on(last_day + timedelta(days=1)) == "ended"
    assert TORHOUT.ends_on is None  # frozen: a new protocol is returned


@given(st.dates(min_value=date(2024, 4, 18), max_value=date(2100, 1, 1)))
def test_notice_runs_through_the_same_day_six_months_on_or_that_months_last_day(
    given_on: date,
) -> None:
    ended = TORHOUT.terminate_with_notice(given_on)
    assert ended.ends_on is not None
    ends_on = ended.ends_on - timedelta(days=1)  # the last day in force
    assert ended.status_on(ends_on) == "in_force"
    months = (ends_on.year - given_on.year) * 12 + ends_on.month - given_on.month
    assert months == 6
    if ends_on.day != given_on.day:  # the day does not exist in that month
        assert ends_on.day < given_on.day
        assert (ends_on + timedelta(days=1)).day == 1


def test_breach_ends_the_protocol_at_once() -> None:
    ended = TORHOUT.terminate_for_breach(date(2025, 3, 10))
    assert ended.end_reason == "breach"
    assert ended.status_at(datetime(2025, 3, 9, 23, 0, tzinfo=BRUSSELS)) == "in_force"
    assert ended.status_at(datetime(2025, 3, 10, 0, 0, tzinfo=BRUSSELS)) == "ended"


def test_lapsed_legal_basis_ends_the_protocol_by_law() -> None:
    ended = TORHOUT.legal_basis_lapsed(date(2026, 1, 1))
    assert (ended.end_reason, ended.status_at(datetime(2026, 1, 2, tzinfo=UTC))) == (
        "no_legal_basis",
        "ended",
    )


def test_an_earlier_end_stands() -> None:
    breach = TORHOUT.terminate_for_breach(date(2025, 3, 10))
    assert breach.terminate_with_notice(date(2025, 3, 1)) is breach
    earlier = breach.legal_basis_lapsed(date(2025, 1, 1))
    assert (earlier.ends_on, earlier.end_reason) == (date(2025, 1, 1), "no_legal_basis")


@pytest.mark.parametrize("bad", [datetime(2025, 1, 1), "2025-01-01", None])
def test_ending_takes_a_date_or_an_aware_instant(bad: object) -> None:
    with pytest.raises(InvalidInput):
        TORHOUT.terminate_for_breach(bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        TORHOUT.terminate_with_notice(datetime(2025, 1, 1, tzinfo=UTC))


def test_termination_for_breach_takes_effect_at_the_instant_it_is_given() -> None:
    # A8-1: "at once": a transfer earlier that day was made while the protocol was in force.
    given = datetime(2025, 3, 10, 14, 30, tzinfo=BRUSSELS)
    ended = TORHOUT.terminate_for_breach(given)
    assert (ended.ends_on, ended.ends_at, ended.end_reason) == (date(2025, 3, 10), given, "breach")
    assert ended.status_at(datetime(2025, 3, 10, 9, 0, tzinfo=BRUSSELS)) == "in_force"
    assert ended.status_at(given - timedelta(microseconds=1)) == "in_force"
    assert ended.status_at(given) == "ended"
    assert ended.end_instant == given
    assert Protocol.model_validate_json(ended.model_dump_json()) == ended
    # An end at an earlier instant of the same day stands against a later one, and vice versa.
    earlier = ended.terminate_for_breach(given - timedelta(hours=1))
    assert earlier.ends_at == given - timedelta(hours=1)
    assert earlier.terminate_for_breach(given) is earlier
    assert ended.terminate_for_breach(date(2025, 3, 10)).ends_at is None  # 00:00 is earlier


@given(
    st.datetimes(
        min_value=datetime(2024, 4, 19), max_value=datetime(2040, 1, 1), timezones=st.just(UTC)
    ),
    st.integers(-48 * 60, 48 * 60),
)
def test_a_breach_ends_the_protocol_exactly_at_its_instant(given: datetime, minutes: int) -> None:
    ended = TORHOUT.terminate_for_breach(given)
    at = given + timedelta(minutes=minutes)
    assert ended.status_at(at) == ("ended" if minutes >= 0 else "in_force")


def test_an_end_instant_must_fall_on_the_end_day() -> None:
    data = TORHOUT.model_dump() | {
        "ends_on": date(2025, 3, 11),
        "ends_at": datetime(2025, 3, 10, 14, tzinfo=BRUSSELS),
        "end_reason": "breach",
    }
    with pytest.raises(InvalidInput) as caught:
        Protocol.model_validate(data)
    assert caught.value.codes == {"END_INSTANT_NOT_ON_END_DAY"}


def test_the_end_of_the_cooperation_agreement_ends_the_transfers() -> None:
    # A5-2: transfers happen for the duration of the cooperation agreement.
    ended = TORHOUT.cooperation_ended(date(2026, 1, 1))
    assert (ended.end_reason, ended.status_on(date(2025, 12, 31))) == (
        "cooperation_ended",
        "in_force",
    )
    assert ended.status_on(date(2026, 1, 1)) == "ended"


@given(st.datetimes(max_value=datetime(9000, 1, 1), timezones=st.just(UTC)))
def test_status_is_monotonic_over_time(at: datetime) -> None:
    ended = TORHOUT.terminate_for_breach(date(2030, 6, 1))
    status = ended.status_at(at)
    later = ended.status_at(at + timedelta(hours=7))
    order = ["not_yet_in_force", "in_force", "ended"]
    assert order.index(later) >= order.index(status)


@given(at=st.datetimes(timezones=st.just(BRUSSELS)), ends=st.none() | st.dates(date(2024, 4, 18)))
def test_status_at_is_status_on_the_brussels_date(at: datetime, ends: date | None) -> None:
    protocol = TORHOUT if ends is None else TORHOUT.terminate_for_breach(ends)
    day = at.astimezone(BRUSSELS).date()
    assert protocol.status_at(at) == protocol.status_on(day)
    assert protocol.status_on(day) == (
        "not_yet_in_force"
        if day < protocol.in_force_from
        else "ended"
        if protocol.ends_on is not None and day >= protocol.ends_on
        else "in_force"
    )


@pytest.mark.parametrize("day", [datetime(2025, 1, 1, tzinfo=UTC), "2025-01-01", None])
def test_status_on_takes_a_calendar_date_only(day: object) -> None:
    with pytest.raises(InvalidInput) as caught:
        TORHOUT.status_on(day)  # type: ignore[arg-type]
    assert caught.value.codes == {"WRONG_TYPE"}


def test_allowed_items_is_computed_once_and_follows_a_changed_copy() -> None:
    assert TORHOUT.allowed_items is TORHOUT.allowed_items  # cached, not rebuilt per call
    fewer = TORHOUT.model_copy(update={"data_items": TORHOUT.data_items[:2]})
    assert fewer.allowed_items == {spec.item for spec in TORHOUT.data_items[:2]}
    assert TORHOUT.allowed_items == set(DataItem)
    ended = TORHOUT.terminate_for_breach(date(2030, 1, 1))
    assert ended.allowed_items == TORHOUT.allowed_items
    # the cached value is no field: equality, hashing and dumps ignore it
    fresh = Protocol.model_validate_json(TORHOUT.model_dump_json())
    assert fresh == TORHOUT
    assert hash(fresh) == hash(TORHOUT)
    assert "allowed_items" not in TORHOUT.model_dump()


@pytest.mark.parametrize(
    ("ends_on", "end_reason", "problem"),
    [
        ("2024-04-17", "breach", ("ends_on", "ENDS_BEFORE_ENTRY_INTO_FORCE")),
        (None, "breach", ("ends_on", "MISSING_END_DATE")),
        ("2025-01-01", None, ("end_reason", "MISSING_END_REASON")),
    ],
)
def test_a_protocol_that_contradicts_itself_is_refused(
    ends_on: str | None, end_reason: str | None, problem: tuple[str, str]
) -> None:
    data = json.loads(TORHOUT.model_dump_json())
    data["ends_on"], data["end_reason"] = ends_on, end_reason
    with pytest.raises(InvalidInput) as caught:
        Protocol.model_validate(data)
    assert [(p.path, p.code) for p in caught.value.problems] == [problem]


def test_ending_on_the_day_of_entry_into_force_means_never_in_force() -> None:
    data = json.loads(TORHOUT.model_dump_json())
    data["ends_on"], data["end_reason"] = "2024-04-18", "breach"
    never = Protocol.model_validate(data)
    assert never.status_at(datetime(2024, 4, 17, 12, tzinfo=BRUSSELS)) == "not_yet_in_force"
    assert never.status_at(datetime(2024, 4, 18, 0, tzinfo=BRUSSELS)) == "ended"
    assert TORHOUT.terminate_for_breach(date(2024, 4, 18)).ends_on == date(2024, 4, 18)


def test_ending_before_entry_into_force_means_never_in_force() -> None:
    ended = TORHOUT.terminate_for_breach(date(2024, 4, 1))
    assert (ended.ends_on, ended.end_reason) == (date(2024, 4, 18), "breach")
    assert ended.status_at(datetime(2024, 4, 10, tzinfo=BRUSSELS)) == "not_yet_in_force"
    assert ended.status_at(datetime(2024, 4, 18, tzinfo=BRUSSELS)) == "ended"
    assert Protocol.model_validate_json(ended.model_dump_json()) == ended


def test_a_protocol_written_in_nfd_accepts_senders_of_its_team() -> None:
    team, municipality = "lokaal team Kind en Gezin Hélécine", "Hélécine"
    nfc = TORHOUT.model_copy(update={"team": team, "municipality": municipality})
    data = json.loads(nfc.model_dump_json())
    data["team"] = unicodedata.normalize("NFD", team)
    data["municipality"] = unicodedata.normalize("NFD", municipality)
    data["team_in_title"] = unicodedata.normalize("NFD", team)
    loaded = Protocol.model_validate_json(json.dumps(data))
    assert (loaded.team, loaded.municipality, loaded.team_in_title) == (team, municipality, team)
    at = datetime(2025, 3, 3, 9, tzinfo=UTC)
    assert check_referral(example_referral(nfc, at=at), loaded, at=at).allowed


@pytest.mark.parametrize("postcode", ["8820", "1000", "9999", "0820", "882", "88200", "８８２０"])
def test_protocol_postcodes_follow_the_one_belgian_postcode_rule(postcode: str) -> None:
    data = json.loads(TORHOUT.model_dump_json())
    data["postcodes"] = [postcode]
    try:
        accepted = postcode in Protocol.model_validate(data).postcodes
    except InvalidInput:
        accepted = False
    assert accepted == bool(BE_POSTCODE.fullmatch(postcode))
    assert not hasattr(protocol_module, "_POSTCODE")  # one pattern, in fields


@pytest.mark.parametrize(
    "at",
    [
        datetime(1, 1, 1, 0, 0, tzinfo=timezone(timedelta(hours=5))),
        datetime(9999, 12, 31, 23, 30, tzinfo=timezone(timedelta(hours=-5))),
    ],
)
def test_instants_at_the_calendars_ends_are_refused_not_crashed(at: datetime) -> None:
    with pytest.raises(InvalidInput) as caught:
        TORHOUT.status_at(at)
    assert caught.value.codes == {"OUT_OF_RANGE"}


def test_notice_past_the_year_9999_is_refused_not_crashed() -> None:
    with pytest.raises(InvalidInput) as caught:
        TORHOUT.terminate_with_notice(date(9999, 8, 1))
    assert caught.value.codes == {"OUT_OF_RANGE"}


def test_a_protocol_is_shown_by_its_id_and_end() -> None:
    assert repr(TORHOUT) == "Protocol(protocol_id='opgroeien-regie-ocmw-torhout-2024')"
    ended = TORHOUT.terminate_for_breach(date(2025, 1, 1))
    assert "ends_on=datetime.date(2025, 1, 1)" in repr(ended)
