"""The daily job's schedule (A3-4, A3-6): one entry per case that needs something, a bad
case reported by its id and position while every other case is scheduled."""

from __future__ import annotations

import io
import json
import multiprocessing
import pickle
import sys
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from protocol_share import CaseError, InvalidInput, iter_retention_schedule, retention_schedule
from protocol_share._text import message
from protocol_share.retention import (
    CASE_ERROR_CODES,
    RetentionCase,
    ScheduledAction,
    ScheduleEntry,
    retention_decision,
    schedule_as_json,
)
from protocol_share.strategies import retention_cases
from tests.retention.retention_support import DECLINED_V1_RECORD, T0, days, declined_case

PERSONAL = "Jan Peeters 85.07.30-033.28"


def closed(case_id: str, at: datetime) -> RetentionCase:
    return (
        RetentionCase.received(at - days(3), case_id=case_id)
        .contacted(at - days(2), "wants_help")
        .dossier_opened(at - days(1))
        .dossier_closed(at)
    )


def test_a_case_with_a_step_after_at_is_reported_by_id_and_the_rest_is_scheduled() -> None:
    at = T0 + days(10)
    early, late, other = (
        declined_case("v-1"),
        declined_case("v-2", T0 + days(20)),
        declined_case("v-3"),
    )
    schedule = retention_schedule([early, late, other], at=at)
    assert schedule[0] == CaseError(
        1,
        "v-2",
        "AT_BEFORE_LAST_STEP",
        schedule[0].message_en,  # type: ignore[union-attr]
        schedule[0].message_nl,  # type: ignore[union-attr]
    )
    assert [(type(e).__name__, e.case_id) for e in schedule] == [
        ("CaseError", "v-2"),
        ("ScheduledAction", "v-1"),
        ("ScheduledAction", "v-3"),
    ]
    error = schedule[0]
    assert isinstance(error, CaseError)
    assert "latest step" in error.message_en
    assert "laatste stap" in error.message_nl


def test_the_stream_keeps_the_input_order_and_lists_every_case() -> None:
    at = T0 + days(10)
    waiting = RetentionCase.received(T0, case_id="w-1")
    cases = [
        declined_case("v-1"),
        waiting,
        declined_case("v-2", T0 + days(20)),
        declined_case("v-3"),
    ]
    entries = list(iter_retention_schedule(cases, at=at))
    # A waiting case is listed too, on its review day (A3-4; issue 12: no case kept for ever).
    assert [(type(e).__name__, e.case_id) for e in entries] == [
        ("ScheduledAction", "v-1"),
        ("ScheduledAction", "w-1"),
        ("CaseError", "v-2"),
        ("ScheduledAction", "v-3"),
    ]
    assert [e.position for e in entries if isinstance(e, CaseError)] == [2]


@pytest.mark.parametrize("item", [None, PERSONAL, {"case_id": "v-9"}, 3])
def test_an_item_that_is_no_case_is_reported_without_its_content(item: Any) -> None:
    schedule = retention_schedule([declined_case("v-1"), item], at=T0 + days(5))
    error = schedule[0]
    assert isinstance(error, CaseError)
    assert (error.position, error.case_id, error.code) == (1, None, "WRONG_TYPE")
    assert isinstance(schedule[1], ScheduledAction)
    for text in (repr(error), error.message_en, error.message_nl, schedule_as_json(schedule)):
        assert "Peeters" not in text
        assert "85.07.30" not in text


def test_a_due_day_past_the_calendars_end_is_a_case_error_not_an_overflow() -> None:
    late_close = closed("c-1", datetime(9995, 6, 1, tzinfo=UTC))
    unreachable = RetentionCase.received(datetime(9999, 12, 1, tzinfo=UTC), case_id="u-1")
    unreachable = unreachable.contacted(datetime(9999, 12, 2, tzinfo=UTC), "unreachable")
    at = datetime(9999, 12, 3, tzinfo=UTC)
    schedule = retention_schedule([late_close, unreachable, declined_case("v-1")], at=at)
    assert [(e.case_id, getattr(e, "code", None)) for e in schedule] == [
        ("c-1", "OUT_OF_RANGE"),
        ("u-1", "OUT_OF_RANGE"),
        ("v-1", "DELETE_DECLINED"),
    ]


@given(
    st.lists(retention_cases(), max_size=8),
    st.lists(st.integers(-400, 400), min_size=8, max_size=8),
)
def test_each_bad_case_yields_exactly_its_error_and_leaves_the_others_unchanged(
    cases: list[RetentionCase], shifts: list[int]
) -> None:
    # The schedule's moment lies before some cases' latest steps: exactly those are errors.
    if not cases:
        return
    at = cases[0].last_at.astimezone(UTC) + days(shifts[0])
    entries = list(iter_retention_schedule(cases, at=at))
    late = [n for n, c in enumerate(cases) if c.last_at.astimezone(UTC) > at]
    errors = [e for e in entries if isinstance(e, CaseError)]
    assert [(e.position, e.case_id, e.code) for e in errors] == [
        (n, cases[n].case_id, "AT_BEFORE_LAST_STEP") for n in late
    ]
    good = [c for n, c in enumerate(cases) if n not in late]
    assert [e for e in entries if isinstance(e, ScheduledAction)] == list(
        iter_retention_schedule(good, at=at)
    )
    tuple_form = retention_schedule(cases, at=at)
    assert tuple_form[: len(errors)] == tuple(errors)
    actions = [e for e in entries if isinstance(e, ScheduledAction)]
    assert list(tuple_form[len(errors) :]) == sorted(actions, key=lambda e: e.due_on)


@given(st.lists(retention_cases(), max_size=8), st.integers(0, 25 * 366))
def test_the_tuple_is_the_stream_sorted_soonest_first(
    cases: list[RetentionCase], later: int
) -> None:
    at = max((c.last_at.astimezone(UTC) for c in cases), default=T0) + days(later)
    streamed = list(iter_retention_schedule(cases, at=at))
    collected = retention_schedule(cases, at=at)
    assert all(isinstance(e, ScheduledAction) for e in streamed)
    assert list(collected) == sorted(streamed, key=lambda e: e[0])


def test_the_arguments_are_checked_when_the_stream_is_asked_for() -> None:
    naive = datetime(2025, 1, 1)
    with pytest.raises(InvalidInput) as caught:
        iter_retention_schedule([declined_case("v-1")], at=naive)
    assert caught.value.codes == {"NAIVE_DATETIME"}
    with pytest.raises(InvalidInput) as caught:
        iter_retention_schedule(None, at=T0)  # type: ignore[arg-type]
    assert caught.value.codes == {"WRONG_TYPE"}
    with pytest.raises(InvalidInput) as caught:
        iter_retention_schedule([], at=T0, protocol="torhout")  # type: ignore[arg-type]
    assert caught.value.codes == {"WRONG_TYPE"}


def test_the_stream_reads_the_cases_once_one_at_a_time() -> None:
    seen: list[int] = []

    def cases() -> Any:
        for n in range(5):
            seen.append(n)
            yield declined_case(f"v-{n}")

    stream = iter_retention_schedule(cases(), at=T0 + days(5))
    assert seen == []
    first = next(stream)
    assert (first.case_id, seen) == ("v-0", [0])
    assert [e.case_id for e in stream] == ["v-1", "v-2", "v-3", "v-4"]


def test_every_case_error_code_has_its_messages_in_both_languages() -> None:
    assert set(CASE_ERROR_CODES) == {"AT_BEFORE_LAST_STEP", "WRONG_TYPE", "OUT_OF_RANGE"}
    for code in CASE_ERROR_CODES:
        key = f"retention.case_error.{code}"
        assert message(key, "en").startswith("Not scheduled")
        assert message(key, "nl").startswith("Niet ingepland")


def test_the_schedule_as_json_names_a_bad_case_by_id_and_position() -> None:
    at = T0 + days(10)
    schedule: tuple[ScheduleEntry, ...] = retention_schedule(
        [declined_case("v-1"), declined_case("v-2", T0 + days(20))], at=at
    )
    assert json.loads(schedule_as_json(schedule)) == [
        {"case_id": "v-2", "position": 1, "error": "AT_BEFORE_LAST_STEP"},
        DECLINED_V1_RECORD,
    ]


def test_a_scheduled_action_names_its_case_id() -> None:
    entry = retention_schedule([declined_case("v-7")], at=T0 + days(3))[0]
    assert isinstance(entry, ScheduledAction)
    assert entry.case_id == "v-7" == entry.case.case_id
    assert entry.due_on == date(2024, 5, 3)


def test_the_retention_command_decides_the_other_cases_and_exits_2_for_a_bad_one(
    tmp_path: Path,
) -> None:
    from protocol_share.cli import main

    path = tmp_path / "cases.json"
    cases = [declined_case("v-1"), declined_case("v-2", T0 + days(400))]
    path.write_text(json.dumps({"cases": [c.to_dict() for c in cases]}), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["retention", str(path), "--at", "2025-01-01T12:00:00Z", "--json"], out=out, err=err
    )
    assert code == 2
    result = json.loads(out.getvalue())
    assert [d["case_id"] for d in result["decisions"]] == ["v-1"]
    assert result["errors"] == [{"case_id": "v-2", "position": 1, "error": "AT_BEFORE_LAST_STEP"}]
    assert [e["case_id"] for e in result["schedule"]] == ["v-1"]
    out = io.StringIO()
    code = main(["retention", str(path), "--at", "2025-01-01T12:00:00Z"], out=out, err=err)
    assert code == 2
    assert "v-2: declined -> niet beslist [AT_BEFORE_LAST_STEP]" in out.getvalue()  # --lang nl
    assert "fouten: 1" in out.getvalue()


# --- the pure functions in other processes -------------------------------------------------


@given(retention_cases())
def test_a_case_pickles_to_an_equal_case_in_the_same_state(case: RetentionCase) -> None:
    copy = pickle.loads(pickle.dumps(case))  # noqa: S301 - our own bytes
    assert copy == case
    slots = RetentionCase.__slots__
    assert [getattr(copy, n) for n in slots] == [getattr(case, n) for n in slots]
    assert (copy.state, copy.steps, copy.last_on, copy.case_id) == (
        case.state,
        case.steps,
        case.last_on,
        case.case_id,
    )
    later = case.last_at.astimezone(UTC) + days(4000)
    assert retention_decision(copy, at=later) == retention_decision(case, at=later)
    with pytest.raises(AttributeError):
        copy._state = "declined"


def test_decisions_and_entries_pickle() -> None:
    at = T0 + days(30)
    cases: list[Any] = [
        declined_case("v-1"),
        declined_case("v-2", T0 + days(40)),
        closed("c-1", T0),
        None,
    ]
    schedule = retention_schedule(cases, at=at)
    assert {type(e) for e in schedule} == {CaseError, ScheduledAction}
    assert pickle.loads(pickle.dumps(schedule)) == schedule  # noqa: S301 - our own bytes
    decision = retention_decision(closed("c-1", T0), at=at)
    assert pickle.loads(pickle.dumps(decision)) == decision  # noqa: S301 - our own bytes


def many_cases(count: int) -> list[Any]:
    """Cases in every state over twelve years, two of them unusable at ``LATER``."""
    cases: list[Any] = []
    for n in range(count):
        at = T0 + timedelta(days=n * 37 % 2000, hours=n % 24)
        kind = n % 6
        case = RetentionCase.received(at, case_id=f"m-{n}")
        if kind == 1:
            case = case.contacted(at + days(1), "declined")
        elif kind == 2:
            case = case.contacted(at + days(2), "unreachable")
        elif kind >= 3:
            case = case.contacted(at + days(1), "wants_help")
        if kind >= 4:
            case = case.dossier_opened(at + days(2))
        if kind == 5:
            case = case.dossier_closed(at + days(100 + n % 300))
        cases.append(case)
    cases[7] = declined_case("late-1", LATER + days(1))
    cases[count // 2] = None
    return cases


LATER = datetime(2036, 6, 1, 12, tzinfo=UTC)


def joined(parts: list[tuple[ScheduleEntry, ...]], sizes: list[int]) -> tuple[ScheduleEntry, ...]:
    """The partitions' schedules as one: errors at their place in the whole, then every
    action soonest first (a stable sort keeps the input order of ties)."""
    errors: list[ScheduleEntry] = []
    actions: list[ScheduledAction] = []
    offset = 0
    for part, size in zip(parts, sizes, strict=True):
        for entry in part:
            if isinstance(entry, CaseError):
                errors.append(entry._replace(position=entry.position + offset))
            else:
                actions.append(entry)
        offset += size
    return (*errors, *sorted(actions, key=lambda e: e.due_on))


def test_the_pure_functions_run_unchanged_in_worker_processes() -> None:
    # Fresh interpreters ("spawn"): nothing is inherited, everything crosses by pickle.
    cases = many_cases(240)
    partitions = [cases[n : n + 50] for n in range(0, len(cases), 50)]
    good = [c for c in cases if isinstance(c, RetentionCase) and c.last_at < LATER]
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=2, mp_context=spawn) as pool:
        parts = list(pool.map(partial(retention_schedule, at=LATER), partitions))
        decisions = list(pool.map(partial(retention_decision, at=LATER), good, chunksize=20))
    serial = retention_schedule(cases, at=LATER)
    assert joined(parts, [len(p) for p in partitions]) == serial
    assert decisions == [retention_decision(c, at=LATER) for c in good]
    assert [(e.position, e.case_id, e.code) for e in serial if isinstance(e, CaseError)] == [
        (7, "late-1", "AT_BEFORE_LAST_STEP"),
        (120, None, "WRONG_TYPE"),
    ]
    assert {e.code for e in serial if isinstance(e, ScheduledAction)} >= {
        "DELETE_DECLINED",
        "DELETE_RETENTION_ENDED",
        "REVIEW_UNREACHABLE",
    }


def test_the_stream_holds_no_case_it_has_gone_past() -> None:
    # Flat memory: once the caller drops an entry and the stream reads on, nothing in the
    # stream refers to the earlier case any more.
    cases = [declined_case(f"v-{n}") for n in range(3)]
    before = sys.getrefcount(cases[0])
    stream = iter_retention_schedule(iter(cases), at=T0 + days(5))
    first = next(stream)
    del first
    second = next(stream)
    after = sys.getrefcount(cases[0])  # outside the assert: its rewriting holds temporaries
    assert second.case_id == "v-1"
    assert after == before
    assert [e.case_id for e in stream] == ["v-2"]


def test_the_dask_sample_of_the_docs_gives_the_serial_schedule() -> None:
    # Run only where Dask is installed (CI does not install it): the docs' code as written.
    pytest.importorskip("dask.bag")
    text = (Path(__file__).parents[2] / "docs" / "retention.md").read_text(encoding="utf-8")
    sample = text.split("Dask (`dask.bag`, `map_partitions`):\n\n```python\n", 1)[1]
    sample = sample.split("```", 1)[0]
    cases = [c for c in many_cases(120) if c is not None]
    records = [c.to_dict() for c in cases]
    records[3] = {"case_id": "bad-1", "steps": [{"step": "sent", "at": "2024-05-02T09:00:00Z"}]}
    namespace: dict[str, Any] = {"stored_case_dicts": lambda: records, "AT": LATER}
    exec(compile(sample, "docs/retention.md", "exec"), namespace)  # noqa: S102 - our own docs
    rows = namespace["rows"]
    good = cases[:3] + cases[4:]
    expected = [
        (e.case_id, None, "error", e.code)
        if isinstance(e, CaseError)
        else (e.case_id, e.due_on.isoformat(), e.action, e.code)
        for e in iter_retention_schedule(good, at=LATER)
    ]
    assert ("bad-1", None, "error", "INVALID_RECORD") in rows
    assert sorted(r for r in rows if r[0] != "bad-1") == sorted(expected)
    assert ("late-1", None, "error", "AT_BEFORE_LAST_STEP") in rows
