"""Retention after receipt: the lifecycle table, keep / delete / review, the schedule (A3-4 to A3-6)."""

from __future__ import annotations

import calendar
import json
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from protocol_share import TORHOUT, InvalidInput, LifecycleError, ProtocolShareError
from protocol_share._time import BRUSSELS
from protocol_share.protocol._parts import RetentionTerms
from protocol_share.protocol._protocol import Protocol
from protocol_share.retention import (
    TRANSITIONS,
    ImpossibleStep,
    RetentionCase,
    ScheduledAction,
    ScheduleEntry,
    Step,
    cases_from_json,
    retention_decision,
    retention_schedule,
    schedule_as_json,
)
from protocol_share.strategies import aware_datetimes, retention_cases
from tests.retention.retention_support import DECLINED_V1_RECORD, T0, days, declined_case


def closed_case(closed_at: datetime) -> RetentionCase:
    start = closed_at - days(400)
    return (
        RetentionCase.received(start, case_id="v-1")
        .contacted(start + days(1), "wants_help")
        .dossier_opened(start + days(2))
        .dossier_closed(closed_at)
    )


def tenth_anniversary(day: date, years: int = 10) -> date:
    """Written out without dateutil: the same day ``years`` later, 29 February -> 28 February."""
    year = day.year + years
    if day.month == 2 and day.day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return day.replace(year=year)


def only_actions(schedule: Iterable[ScheduleEntry]) -> list[ScheduledAction]:
    """The entries of a schedule of good cases, every one an action."""
    entries = list(schedule)
    assert all(isinstance(e, ScheduledAction) for e in entries), entries
    return [e for e in entries if isinstance(e, ScheduledAction)]


def take(case: RetentionCase, step: str, at: datetime) -> RetentionCase:
    if step == "contacted":
        return case.contacted(at, "wants_help")
    result: RetentionCase = getattr(case, step)(at)
    return result


# The lifecycle as the issue states it, written independently of TRANSITIONS.
LEGAL: dict[tuple[str, str], str] = {
    ("new", "received"): "received",
    ("received", "contacted:wants_help"): "wants_help",
    ("received", "contacted:declined"): "declined",
    ("received", "contacted:unreachable"): "unreachable",
    ("unreachable", "contacted:wants_help"): "wants_help",
    ("unreachable", "contacted:declined"): "declined",
    ("unreachable", "contacted:unreachable"): "unreachable",
    ("wants_help", "contacted:declined"): "declined",
    ("wants_help", "dossier_opened"): "dossier_open",
    ("dossier_open", "dossier_closed"): "dossier_closed",
    # Reviews (A3-4 read with GDPR art. 5(1)(e)): nothing deleted before contact, nor an
    # open file; a waiting case may be kept with a reason or deleted.
    ("received", "reviewed:keep"): "received",
    ("unreachable", "reviewed:keep"): "unreachable",
    ("unreachable", "reviewed:delete"): "deletion_decided",
    ("wants_help", "reviewed:keep"): "wants_help",
    ("wants_help", "reviewed:delete"): "deletion_decided",
    ("dossier_open", "reviewed:keep"): "dossier_open",
    # Withdrawal of consent (C-7): a referral not acted on goes; a client file stays.
    ("received", "consent_withdrawn"): "withdrawn",
    ("unreachable", "consent_withdrawn"): "withdrawn",
    ("wants_help", "consent_withdrawn"): "withdrawn",
    ("dossier_open", "consent_withdrawn"): "dossier_open",
    ("dossier_closed", "consent_withdrawn"): "dossier_closed",
}
ATTEMPTS = (
    "received",
    "contacted:wants_help",
    "contacted:declined",
    "contacted:unreachable",
    "dossier_opened",
    "dossier_closed",
    "reviewed:keep",
    "reviewed:delete",
    "consent_withdrawn",
)


def test_the_table_is_the_lifecycle_the_issue_describes() -> None:
    table = {
        (state, f"{step}:{outcome}" if outcome else step): nxt
        for (state, step, outcome), nxt in TRANSITIONS.items()
    }
    assert table == LEGAL


def test_a_full_lifecycle_goes_through_every_state() -> None:
    case = RetentionCase.received(T0, case_id="v-2024-0001")
    assert case.state == "received"
    case = case.contacted(T0 + days(1), "unreachable")
    assert case.state == "unreachable"
    case = case.contacted(T0 + days(3), "wants_help")
    assert case.state == "wants_help"
    case = case.dossier_opened(T0 + days(4)).dossier_closed(T0 + days(200))
    assert case.state == "dossier_closed"
    assert [s.step for s in case.steps] == [
        "received",
        "contacted",
        "contacted",
        "dossier_opened",
        "dossier_closed",
    ]
    assert case.last_at == T0 + days(200)
    assert case.case_id == "v-2024-0001"


@pytest.mark.parametrize(
    ("build", "step", "state"),
    [
        (lambda c: c, "dossier_closed", "received"),
        (lambda c: c.contacted(T0 + days(1), "wants_help"), "dossier_closed", "wants_help"),
        (lambda c: c.contacted(T0 + days(1), "unreachable"), "dossier_closed", "unreachable"),
        (lambda c: c, "dossier_opened", "received"),
        (lambda c: c.contacted(T0 + days(1), "unreachable"), "dossier_opened", "unreachable"),
        (lambda c: c.contacted(T0 + days(1), "declined"), "dossier_opened", "declined"),
        (lambda c: c.contacted(T0 + days(1), "declined"), "dossier_closed", "declined"),
        (lambda c: c.contacted(T0 + days(1), "declined"), "contacted", "declined"),
    ],
)
def test_impossible_steps_raise_an_error_naming_the_step(build, step, state) -> None:  # type: ignore[no-untyped-def]
    case = build(RetentionCase.received(T0))
    later = T0 + days(30)
    with pytest.raises(ImpossibleStep) as caught:
        take(case, step, later)
    assert caught.value.step == step
    assert caught.value.state == state
    assert caught.value.code == "IMPOSSIBLE_STEP"
    assert f"'{step}'" in str(caught.value)
    assert isinstance(caught.value, LifecycleError)
    assert isinstance(caught.value, ProtocolShareError)


def test_contact_before_receipt_is_impossible() -> None:
    with pytest.raises(ImpossibleStep) as caught:
        RetentionCase.replay([Step("contacted", T0, "wants_help")])
    assert (caught.value.step, caught.value.state) == ("contacted", "new")


def test_a_step_dated_before_the_previous_one_is_refused() -> None:
    case = RetentionCase.received(T0)
    with pytest.raises(ImpossibleStep) as caught:
        case.contacted(T0 - timedelta(seconds=1), "wants_help")
    assert caught.value.code == "STEP_BEFORE_PREVIOUS"


def test_unreachable_is_not_final() -> None:
    case = RetentionCase.received(T0)
    for n in range(1, 4):
        case = case.contacted(T0 + days(n), "unreachable")
    assert case.state == "unreachable"
    assert case.contacted(T0 + days(9), "wants_help").dossier_opened(T0 + days(10)).state == (
        "dossier_open"
    )


def test_naive_datetimes_are_refused_for_steps_and_decisions() -> None:
    with pytest.raises(InvalidInput) as caught:
        RetentionCase.received(datetime(2024, 5, 2, 9))
    assert caught.value.codes == {"NAIVE_DATETIME"}
    with pytest.raises(InvalidInput) as caught:
        retention_decision(RetentionCase.received(T0), at=datetime(2025, 1, 1))
    assert caught.value.codes == {"NAIVE_DATETIME"}


def test_a_case_is_built_only_through_the_lifecycle_and_never_changes() -> None:
    with pytest.raises(InvalidInput) as caught:
        RetentionCase()
    assert caught.value.codes == {"USE_A_STEP"}
    assert "RetentionCase.received(at)" in str(caught.value)
    case = RetentionCase.received(T0)
    with pytest.raises(AttributeError):
        case._state = "dossier_closed"
    with pytest.raises(AttributeError):
        del case._steps
    assert case.state == "received"


def test_a_case_id_holding_a_national_number_is_refused_without_echoing_it() -> None:
    with pytest.raises(InvalidInput) as caught:
        RetentionCase.received(T0, case_id="85073003328")
    assert caught.value.codes == {"FORBIDDEN_IDENTIFIER"}
    assert "85073003328" not in str(caught.value)
    with pytest.raises(InvalidInput) as caught:
        RetentionCase.received(T0, case_id="has space")
    assert caught.value.codes == {"INVALID_CASE_ID"}


@given(st.lists(st.sampled_from(ATTEMPTS), max_size=12), st.lists(st.integers(0, 400), min_size=12))
def test_every_lifecycle_is_reached_only_through_legal_steps(
    attempts: list[str], gaps: list[int]
) -> None:
    state, case, at = "new", None, T0
    refused: str | None
    for attempt, gap in zip(attempts, gaps, strict=False):
        at = at + days(gap)
        expected = LEGAL.get((state, attempt))
        try:
            if attempt == "received":
                if case is not None:
                    case = RetentionCase.replay([*case.steps, Step("received", at)])
                else:
                    case = RetentionCase.received(at)
            elif case is None:
                step, _, outcome = attempt.partition(":")
                reason = "why" if step == "reviewed" else None
                case = RetentionCase.replay([Step(step, at, outcome or None, reason)])  # type: ignore[arg-type]
            elif attempt.startswith("contacted:"):
                case = case.contacted(at, attempt.partition(":")[2])  # type: ignore[arg-type]
            elif attempt.startswith("reviewed:"):
                case = case.reviewed(at, attempt.partition(":")[2], reason="why")  # type: ignore[arg-type]
            else:
                case = getattr(case, attempt)(at)
        except ImpossibleStep as error:
            refused = error.step
        else:
            refused = None
        if refused is not None:
            assert expected is None, f"{attempt} in {state} should be legal"
            assert refused == attempt.partition(":")[0]
            continue
        assert expected is not None, f"{attempt} in {state} should be impossible"
        assert case is not None
        state = expected
        assert case.state == state


@given(retention_cases())
def test_a_case_replays_to_itself(case: RetentionCase) -> None:
    again = RetentionCase.replay(case.steps, case_id=case.case_id)
    assert again == case
    assert hash(again) == hash(case)
    assert again.state == case.state


def test_decision_per_state() -> None:
    received = RetentionCase.received(T0)
    at = T0 + days(5)
    assert (
        retention_decision(received, at=at).action,
        retention_decision(received, at=at).clause,
    ) == (
        "keep",
        "A3-4",
    )
    wants = received.contacted(T0 + days(1), "wants_help")
    assert retention_decision(wants, at=at).action == "keep"
    assert retention_decision(wants, at=at).clause == "A3-5"
    opened = wants.dossier_opened(T0 + days(2))
    assert retention_decision(opened, at=T0 + days(300)).action == "keep"
    assert retention_decision(opened, at=T0 + days(300)).clause == "A3-6"
    assert retention_decision(opened, at=at).keep_until is None
    # An open file comes up for review once a year (the library's reading, issue 12).
    late = retention_decision(opened, at=T0 + days(4000))
    assert (late.action, late.code, late.clause) == ("review", "REVIEW_FILE_OPEN", "A3-6")
    assert late.review_on == (T0 + days(2)).date() + days(365)


def test_a_declined_case_is_deleted_as_the_librarys_reading_of_storage_limitation() -> None:
    declined = RetentionCase.received(T0).contacted(T0 + days(1), "declined")
    decision = retention_decision(declined, at=T0 + days(1))
    assert decision.action == "delete"
    assert decision.code == "DELETE_DECLINED"
    # Not A3-4's text: A3-4 sets a minimum; deleting is the library's reading (issue 12).
    assert decision.clause == "GDPR art. 5(1)(e)"
    assert decision.reading is True
    assert decision.keep_until is None
    assert "library's reading" in decision.message_en
    assert "not a term of the protocol" in decision.message_en
    assert "lezing van de bibliotheek" in decision.message_nl
    assert "opslagbeperking" in decision.message_nl


def test_an_unreachable_client_comes_up_for_review_after_the_hosts_period() -> None:
    host = TORHOUT.model_copy(update={"retention": RetentionTerms(unreachable_review_days=30)})
    attempt = datetime(2024, 6, 1, 10, tzinfo=BRUSSELS)
    case = RetentionCase.received(T0).contacted(attempt, "unreachable")
    before = retention_decision(case, at=datetime(2024, 6, 30, 23, tzinfo=BRUSSELS), protocol=host)
    assert (before.action, before.review_on) == ("keep", date(2024, 7, 1))
    due = retention_decision(case, at=datetime(2024, 7, 1, 0, 5, tzinfo=BRUSSELS), protocol=host)
    assert (due.action, due.code, due.clause) == ("review", "REVIEW_UNREACHABLE", "A3-4")
    # The Torhout default is 90 days, from the protocol model.
    assert retention_decision(case, at=attempt + days(89), protocol=TORHOUT).action == "keep"
    assert retention_decision(case, at=attempt + days(90), protocol=TORHOUT).action == "review"
    # A new failed attempt starts the period again.
    again = case.contacted(datetime(2024, 7, 2, 10, tzinfo=BRUSSELS), "unreachable")
    renewed = retention_decision(again, at=datetime(2024, 7, 2, 11, tzinfo=BRUSSELS), protocol=host)
    assert (renewed.action, renewed.review_on) == ("keep", date(2024, 8, 1))


def test_ten_years_after_closing_with_leap_days() -> None:
    case = closed_case(datetime(2024, 2, 29, 15, tzinfo=BRUSSELS))
    keep = retention_decision(case, at=datetime(2034, 2, 28, 23, 59, tzinfo=BRUSSELS))
    assert (keep.action, keep.keep_until, keep.clause) == ("keep", date(2034, 2, 28), "A3-6")
    gone = retention_decision(case, at=datetime(2034, 3, 1, 0, 0, tzinfo=BRUSSELS))
    assert (gone.action, gone.keep_until, gone.code) == (
        "delete",
        date(2034, 2, 28),
        "DELETE_RETENTION_ENDED",
    )


def test_the_closing_date_is_the_brussels_date() -> None:
    # 23:30 UTC on 28 February 2024 is 00:30 on 29 February in Brussels.
    case = closed_case(datetime(2024, 2, 28, 23, 30, tzinfo=UTC))
    decision = retention_decision(case, at=datetime(2030, 1, 1, tzinfo=UTC))
    assert decision.keep_until == date(2034, 2, 28)
    case = closed_case(datetime(2024, 3, 1, 0, 30, tzinfo=BRUSSELS))  # still 29 Feb in UTC
    assert retention_decision(case, at=datetime(2030, 1, 1, tzinfo=UTC)).keep_until == date(
        2034, 3, 1
    )


def test_the_term_comes_from_the_protocol_model() -> None:
    host = TORHOUT.model_copy(update={"retention": RetentionTerms(client_file_years=3)})
    case = closed_case(datetime(2024, 2, 29, 12, tzinfo=BRUSSELS))
    assert retention_decision(case, at=T0 + days(1000), protocol=host).keep_until == date(
        2027, 2, 28
    )
    loaded = Protocol.model_validate_json(host.model_dump_json())
    assert retention_decision(case, at=T0 + days(1000), protocol=loaded).keep_until == date(
        2027, 2, 28
    )


@given(
    st.dates(min_value=date(2024, 4, 18), max_value=date(2060, 12, 31)),
    st.times(),
    st.integers(-4000, 4000),
    st.integers(1, 30),
)
def test_a_closed_file_is_kept_exactly_until_its_anniversary_never_deleted_earlier(
    closed_on: date, at_time: time, offset: int, years: int
) -> None:
    closed_at = datetime.combine(closed_on, at_time).replace(tzinfo=BRUSSELS)
    assume(closed_at.astimezone(UTC).astimezone(BRUSSELS).date() == closed_on)
    host = TORHOUT.model_copy(update={"retention": RetentionTerms(client_file_years=years)})
    anniversary = tenth_anniversary(closed_on, years)
    on = anniversary + days(offset - 2)
    at = max(datetime.combine(on, time(12)).replace(tzinfo=BRUSSELS), closed_at)
    decision = retention_decision(closed_case(closed_at), at=at, protocol=host)
    assert decision.keep_until == anniversary
    assert decision.action == ("keep" if at.date() <= anniversary else "delete")


@given(st.integers(506, 524).map(lambda k: date(4 * k, 2, 29)))
def test_a_file_closed_on_a_leap_day_is_kept_until_28_february(closed_on: date) -> None:
    case = closed_case(datetime.combine(closed_on, time(12)).replace(tzinfo=BRUSSELS))
    decision = retention_decision(case, at=case.last_at)
    assert decision.keep_until == date(
        closed_on.year + 10, 2, 28 + calendar.isleap(closed_on.year + 10)
    )


@given(retention_cases(states=frozenset({"declined"})), st.integers(0, 20 * 366 * 24))
def test_a_declined_case_is_never_kept(case: RetentionCase, hours: int) -> None:
    decision = retention_decision(case, at=case.last_at.astimezone(UTC) + timedelta(hours=hours))
    assert decision.action == "delete"


@given(
    retention_cases(),
    st.integers(0, 30 * 366),
    # Up to 9998: terminate_with_notice from December 9999 overflows the calendar (a
    # protocol.py matter, not retention's).
    st.dates(max_value=date(9998, 12, 31)),
    st.sampled_from(("notice", "breach", "no_legal_basis")),
)
def test_the_protocols_end_neither_shortens_nor_extends_retention(
    case: RetentionCase, later: int, end: date, how: str
) -> None:
    ended = {
        "notice": TORHOUT.terminate_with_notice,
        "breach": TORHOUT.terminate_for_breach,
        "no_legal_basis": TORHOUT.legal_basis_lapsed,
    }[how](end)
    assert ended.ends_on is not None
    at = case.last_at.astimezone(UTC) + days(later)
    assert ended.status_at(at) in {"ended", "not_yet_in_force", "in_force"}
    assert retention_decision(case, at=at, protocol=ended) == retention_decision(case, at=at)


def test_a_decision_before_the_latest_step_is_refused() -> None:
    case = RetentionCase.received(T0).contacted(T0 + days(3), "declined")
    with pytest.raises(InvalidInput) as caught:
        retention_decision(case, at=T0 + days(1))
    assert caught.value.codes == {"AT_BEFORE_LAST_STEP"}


def test_the_schedule_lists_what_is_due_soonest_first() -> None:
    at = datetime(2035, 1, 1, tzinfo=UTC)
    received = RetentionCase.received(T0, case_id="a-open")
    declined = RetentionCase.received(T0, case_id="b-declined").contacted(T0 + days(2), "declined")
    unreachable = RetentionCase.received(T0, case_id="c-unreach").contacted(
        T0 + days(1), "unreachable"
    )
    old = closed_case(datetime(2024, 6, 1, 12, tzinfo=BRUSSELS))
    recent = closed_case(datetime(2026, 6, 1, 12, tzinfo=BRUSSELS))
    schedule = only_actions(
        retention_schedule([recent, received, old, unreachable, declined], at=at)
    )
    assert [e.case for e in schedule] == [declined, received, unreachable, old, recent]
    assert [(e.action, e.due_on, e.overdue) for e in schedule] == [
        ("delete", date(2024, 5, 4), True),
        ("review", date(2024, 5, 2) + days(30), True),
        ("review", date(2024, 5, 3) + days(90), True),
        ("delete", date(2034, 6, 2), True),
        ("delete", date(2036, 6, 2), False),
    ]
    assert [e.clause for e in schedule] == ["GDPR art. 5(1)(e)", "A3-4", "A3-4", "A3-6", "A3-6"]


@given(st.lists(retention_cases(), max_size=8), st.integers(0, 25 * 366))
def test_the_schedule_agrees_with_the_decisions(cases: list[RetentionCase], later: int) -> None:
    at = max((c.last_at.astimezone(UTC) for c in cases), default=T0) + days(later)
    schedule = only_actions(retention_schedule(cases, at=at))
    assert [e.due_on for e in schedule] == sorted(e.due_on for e in schedule)
    # Every case is listed: none is kept without a date of decision (A3-4, issue 12).
    assert sorted(id(e.case) for e in schedule) == sorted(id(c) for c in cases)
    for entry in schedule:
        decision = retention_decision(entry.case, at=at)
        assert (decision.action != "keep") == entry.overdue
        if entry.overdue:
            assert decision.action == entry.action
        if entry.action == "delete" and entry.case.state == "dossier_closed":
            assert entry.due_on == decision.keep_until + days(1)  # type: ignore[operator]


def test_cases_round_trip_through_json() -> None:
    cases = (
        closed_case(datetime(2024, 2, 29, 12, tzinfo=BRUSSELS)),
        RetentionCase.received(T0).contacted(T0 + days(1), "unreachable"),
    )
    text = json.dumps({"cases": [c.to_dict() for c in cases]})
    assert cases_from_json(text) == cases


def test_malformed_case_files_list_every_problem() -> None:
    text = json.dumps(
        {
            "cases": [
                {"case_id": "x 1", "steps": [{"step": "received", "at": "2024-05-02T09:00:00"}]},
                {"steps": [{"step": "sent", "at": "2024-05-02T09:00:00Z"}], "name": "Jan"},
            ]
        }
    )
    with pytest.raises(InvalidInput) as caught:
        cases_from_json(text)
    paths = {p.path for p in caught.value.problems}
    assert paths >= {
        "cases.0.case_id",
        "cases.0.steps.0.at",
        "cases.1.steps.0.step",
        "cases.1.name",
    }
    assert "Jan" not in str(caught.value)


def test_a_case_file_that_breaks_the_lifecycle_names_the_case() -> None:
    text = json.dumps(
        {
            "cases": [
                {"steps": [{"step": "received", "at": "2024-05-02T09:00:00Z"}]},
                {
                    "steps": [
                        {"step": "received", "at": "2024-05-02T09:00:00Z"},
                        {"step": "dossier_closed", "at": "2024-05-03T09:00:00Z"},
                    ]
                },
            ]
        }
    )
    with pytest.raises(ImpossibleStep) as caught:
        cases_from_json(text)
    assert "cases.1" in str(caught.value)
    assert caught.value.step == "dossier_closed"


@given(aware_datetimes())
def test_repr_names_no_time_or_personal_value(at: datetime) -> None:
    case = RetentionCase.received(at, case_id="v-9")
    assert repr(case) == "RetentionCase(case_id='v-9', state='received', steps=1)"


# --- the command line: protocol-share retention FILE.json -----------------------------------


def run(*argv: str) -> tuple[int, str, str]:
    import io

    from protocol_share.cli import main

    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def write_cases(tmp_path: Path, *cases: RetentionCase) -> str:
    path = tmp_path / "cases.json"
    path.write_text(json.dumps({"cases": [c.to_dict() for c in cases]}), encoding="utf-8")
    return str(path)


def test_the_retention_command_decides_every_case_and_exits_1_when_one_is_due(
    tmp_path: Path,
) -> None:
    opened = (
        RetentionCase.received(T0, case_id="r-1")
        .contacted(T0 + days(1), "wants_help")
        .dossier_opened(T0 + days(2))
    )
    declined = RetentionCase.received(T0, case_id="r-2").contacted(T0 + days(1), "declined")
    path = write_cases(tmp_path, opened, declined)
    code, out, err = run("retention", path, "--at", "2025-01-01T12:00:00+01:00", "--json")
    assert (code, err) == (1, "")
    result = json.loads(out)
    assert [(d["case_id"], d["action"], d["clause"]) for d in result["decisions"]] == [
        ("r-1", "keep", "A3-6"),
        ("r-2", "delete", "GDPR art. 5(1)(e)"),
    ]
    assert result["schedule"] == [
        {
            "case_id": "r-2",
            "due_on": "2024-05-03",
            "action": "delete",
            "clause": "GDPR art. 5(1)(e)",
            "overdue": True,
        },
        {
            "case_id": "r-1",
            "due_on": "2025-05-04",
            "action": "review",
            "clause": "A3-6",
            "overdue": False,
        },
    ]
    code, out, _ = run("retention", write_cases(tmp_path, opened), "--at", "2025-01-01T12:00:00Z")
    assert code == 0
    assert "r-1: dossier_open -> keep" in out


def test_the_retention_command_refuses_bad_input_with_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text(
        json.dumps(
            {
                "cases": [
                    {
                        "steps": [
                            {"step": "received", "at": "2024-05-02T09:00:00Z"},
                            {"step": "dossier_opened", "at": "2024-05-03T09:00:00Z"},
                        ]
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    code, _, err = run("retention", str(path), "--at", "2025-01-01T12:00:00Z")
    assert code == 2
    assert "dossier_opened" in err
    # A naive or malformed --at: tests/cli/test_decision_cli.py, for check and retention alike.


def test_steps_in_the_repeated_hour_are_ordered_by_instant_not_by_wall_clock() -> None:
    # 26 October 2025: 02:50 summer time (00:50 UTC) comes before 02:10 winter time (01:10 UTC).
    first = datetime(2025, 10, 26, 2, 50, tzinfo=BRUSSELS)
    second = datetime(2025, 10, 26, 2, 10, fold=1, tzinfo=BRUSSELS)
    case = RetentionCase.received(first).contacted(second, "declined")
    assert case.state == "declined"
    assert retention_decision(case, at=second).action == "delete"
    with pytest.raises(ImpossibleStep):
        RetentionCase.received(second).contacted(first, "declined")


PERSONAL = "Jan Peeters 85.07.30-033.28"


@pytest.mark.parametrize(
    ("steps", "code", "shown"),
    [
        ([Step(PERSONAL, T0)], "UNKNOWN_STEP", "'<unknown step>'"),  # type: ignore[arg-type]
        ([Step(["received"], T0)], "UNKNOWN_STEP", "'<unknown step>'"),  # type: ignore[arg-type]
        (
            [Step("received", T0), Step("contacted", T0, PERSONAL)],  # type: ignore[arg-type]
            "UNKNOWN_OUTCOME",
            "'<unknown outcome>'",
        ),
        (
            [Step("received", T0), Step("contacted", T0, {"declined"})],  # type: ignore[arg-type]
            "UNKNOWN_OUTCOME",
            "'<unknown outcome>'",
        ),
        (
            [Step("received", T0, PERSONAL)],  # type: ignore[arg-type]
            "UNEXPECTED_OUTCOME",
            "'<unknown outcome>'",
        ),
    ],
)
def test_an_unknown_step_or_outcome_is_never_echoed(
    steps: list[Step], code: str, shown: str
) -> None:
    with pytest.raises(ImpossibleStep) as caught:
        RetentionCase.replay(steps)
    error = caught.value
    assert error.code == code
    assert shown in str(error)
    for text in (str(error), repr(error), error.step):
        assert "Peeters" not in text
        assert "85.07.30" not in text


def test_a_known_outcome_is_named_in_the_message() -> None:
    case = RetentionCase.received(T0).contacted(T0 + days(1), "declined")
    with pytest.raises(ImpossibleStep) as caught:
        case.contacted(T0 + days(2), "wants_help")
    assert "'contacted' with outcome 'wants_help'" in str(caught.value)


@pytest.mark.parametrize("protocol", [None, "torhout", TORHOUT.model_dump()])
def test_retention_needs_a_protocol_not_anything_else(protocol: Any) -> None:
    case = RetentionCase.received(T0)
    at = T0 + days(1)
    with pytest.raises(InvalidInput) as caught:
        retention_decision(case, at=at, protocol=protocol)
    assert caught.value.codes == {"WRONG_TYPE"}
    with pytest.raises(InvalidInput) as caught:
        retention_schedule([case], at=at, protocol=protocol)
    assert caught.value.codes == {"WRONG_TYPE"}


@pytest.mark.parametrize("cases", [None, 3, RetentionCase.received(T0)])
def test_a_schedule_needs_cases_it_can_go_through(cases: Any) -> None:
    with pytest.raises(InvalidInput) as caught:
        retention_schedule(cases, at=T0 + days(1))
    assert caught.value.codes == {"WRONG_TYPE"}


def test_the_schedule_as_json_holds_ids_dates_actions_codes_and_clauses_only() -> None:
    unreachable = RetentionCase.received(T0, case_id="v-2").contacted(T0 + days(2), "unreachable")
    closed = (
        RetentionCase.received(T0)
        .contacted(T0 + days(1), "wants_help")
        .dossier_opened(T0 + days(2))
        .dossier_closed(T0 + days(3))
    )
    waiting = RetentionCase.received(T0, case_id="v-4")
    at = T0 + days(10)
    schedule = retention_schedule([closed, unreachable, waiting, declined_case("v-1")], at=at)
    records = json.loads(schedule_as_json(schedule))
    review_on = (T0 + days(2)).date() + timedelta(days=TORHOUT.retention.unreachable_review_days)
    assert records == [
        DECLINED_V1_RECORD,
        {
            "case_id": "v-4",
            "due_on": "2024-06-01",
            "action": "review",
            "clause": "A3-4",
            "code": "REVIEW_NO_CONTACT",
            "overdue": False,
        },
        {
            "case_id": "v-2",
            "due_on": review_on.isoformat(),
            "action": "review",
            "clause": "A3-4",
            "code": "REVIEW_UNREACHABLE",
            "overdue": review_on <= at.date(),
        },
        {
            "case_id": None,
            "due_on": "2034-05-06",
            "action": "delete",
            "clause": "A3-6",
            "code": "DELETE_RETENTION_ENDED",
            "overdue": False,
        },
    ]
    assert schedule_as_json([]) == "[]"
    # The steps' times never appear, only the due days.
    assert "T09:00" not in schedule_as_json(schedule)
