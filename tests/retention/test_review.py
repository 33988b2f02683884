"""No case waits for ever: reviews, their outcomes, withdrawal of consent (A3-4 to A3-6, C-7).

Issue 12: a referral never followed up, a client who wanted help without a file, and an
unreachable client under review were kept for ever. Every state now comes up for a decision
within a term of ``protocol.retention``; a review is closed by a ``reviewed`` step; the
sender's withdrawal notice is the ``consent_withdrawn`` step.
"""

from __future__ import annotations

import json
from collections import deque
from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from protocol_share import TORHOUT, InvalidInput
from protocol_share._time import BRUSSELS
from protocol_share.protocol._parts import RetentionTerms
from protocol_share.retention import (
    TERMINAL_STATES,
    TRANSITIONS,
    ImpossibleStep,
    RetentionCase,
    ScheduledAction,
    Step,
    cases_from_json,
    retention_decision,
    retention_schedule,
)
from protocol_share.strategies import retention_cases
from tests.retention.retention_support import T0, days


def take(case: RetentionCase, step: str, outcome: str | None, at: datetime) -> RetentionCase:
    if step == "contacted":
        return case.contacted(at, outcome)  # type: ignore[arg-type]
    if step == "reviewed":
        return case.reviewed(at, outcome, reason="second_attempt_planned")  # type: ignore[arg-type]
    result: RetentionCase = getattr(case, step)(at)
    return result


# --- the gaps of issue 12 -------------------------------------------------------------------


def test_a_referral_never_followed_up_comes_up_for_review() -> None:
    case = RetentionCase.received(T0, case_id="v-1")
    waiting = retention_decision(case, at=T0 + days(29))
    assert (waiting.action, waiting.code, waiting.clause) == ("keep", "KEEP_UNTIL_CONTACT", "A3-4")
    assert waiting.review_on == T0.date() + days(30)
    due = retention_decision(case, at=T0 + days(30))
    assert (due.action, due.code, due.clause) == ("review", "REVIEW_NO_CONTACT", "A3-4")
    assert due.reading is True
    (entry,) = retention_schedule([case], at=T0 + days(1))
    assert isinstance(entry, ScheduledAction)
    assert (entry.action, entry.code) == ("review", "REVIEW_NO_CONTACT")


def test_a_client_who_wanted_help_but_got_no_file_comes_up_for_review() -> None:
    case = RetentionCase.received(T0).contacted(T0 + days(1), "wants_help")
    due = retention_decision(case, at=T0 + days(31))
    assert (due.action, due.code, due.clause) == ("review", "REVIEW_FILE_NOT_OPENED", "A3-5")
    (entry,) = retention_schedule([case], at=T0 + days(2))
    assert isinstance(entry, ScheduledAction)
    assert entry.due_on == T0.date() + days(31)


def test_an_unreachable_clients_review_is_closed_by_a_step() -> None:
    case = RetentionCase.received(T0).contacted(T0 + days(1), "unreachable")
    at = T0 + days(100)
    assert retention_decision(case, at=at).action == "review"
    kept = case.reviewed(at, "keep", reason="second_attempt_planned")
    assert kept.state == "unreachable"
    assert kept.steps[-1] == Step("reviewed", at, "keep", "second_attempt_planned")
    after = retention_decision(kept, at=at)
    assert (after.action, after.review_on) == ("keep", at.date() + days(90))
    deleted = case.reviewed(at, "delete")
    assert deleted.state == "deletion_decided"
    gone = retention_decision(deleted, at=at)
    assert (gone.action, gone.code, gone.clause) == (
        "delete",
        "DELETE_AFTER_REVIEW",
        "GDPR art. 5(1)(e)",
    )
    with pytest.raises(ImpossibleStep) as caught:
        deleted.contacted(at + days(1), "wants_help")
    assert "a review decided to delete" in str(caught.value)


def test_nothing_is_deleted_before_contact() -> None:
    # A3-4: "at least until contact has taken place". A review before contact only keeps.
    case = RetentionCase.received(T0)
    with pytest.raises(ImpossibleStep) as caught:
        case.reviewed(T0 + days(40), "delete")
    assert (caught.value.code, caught.value.state) == ("IMPOSSIBLE_STEP", "received")
    assert "A3-4" in str(caught.value)
    kept = case.reviewed(T0 + days(40), "keep", reason="contact_planned")
    assert retention_decision(kept, at=T0 + days(40)).review_on == (T0 + days(70)).date()


def test_an_open_file_is_never_deleted_at_review() -> None:
    case = (
        RetentionCase.received(T0)
        .contacted(T0 + days(1), "wants_help")
        .dossier_opened(T0 + days(2))
    )
    with pytest.raises(ImpossibleStep) as caught:
        case.reviewed(T0 + days(400), "delete")
    assert "A3-6" in str(caught.value)
    kept = case.reviewed(T0 + days(400), "keep", reason="file_still_active")
    assert retention_decision(kept, at=T0 + days(400)).action == "keep"


def test_a_review_that_keeps_says_why_with_a_code_never_free_text() -> None:
    case = RetentionCase.received(T0).contacted(T0 + days(1), "unreachable")
    with pytest.raises(ImpossibleStep) as caught:
        case.reviewed(T0 + days(2), "keep")
    assert caught.value.code == "REASON_REQUIRED"
    with pytest.raises(InvalidInput) as invalid:
        case.reviewed(T0 + days(2), "keep", reason="Jan Peeters is in hospital")
    assert invalid.value.codes == {"INVALID_REASON"}
    assert "Peeters" not in str(invalid.value)
    with pytest.raises(InvalidInput) as invalid:
        case.reviewed(T0 + days(2), "keep", reason="85073003328")
    assert invalid.value.codes == {"FORBIDDEN_IDENTIFIER"}
    with pytest.raises(ImpossibleStep) as caught:
        RetentionCase.replay([Step("received", T0, None, "why")])
    assert caught.value.code == "UNEXPECTED_REASON"
    with pytest.raises(ImpossibleStep) as caught:
        case.reviewed(T0 + days(2), "maybe")  # type: ignore[arg-type]
    assert caught.value.code == "UNKNOWN_OUTCOME"


def test_the_review_terms_come_from_the_protocol_model() -> None:
    terms = RetentionTerms(
        contact_review_days=7, file_to_open_review_days=14, open_file_review_days=60
    )
    host = TORHOUT.model_copy(update={"retention": terms})
    received = RetentionCase.received(T0)
    wants = received.contacted(T0 + days(1), "wants_help")
    opened = wants.dossier_opened(T0 + days(2))
    for case, term in ((received, 7), (wants, 14), (opened, 60)):
        decision = retention_decision(case, at=case.last_at, protocol=host)
        assert decision.review_on == case.last_on + days(term)
    assert TORHOUT.retention.contact_review_days == 30
    assert TORHOUT.retention.file_to_open_review_days == 30
    assert TORHOUT.retention.open_file_review_days == 365


def test_reviews_round_trip_through_json() -> None:
    case = (
        RetentionCase.received(T0, case_id="v-7")
        .contacted(T0 + days(1), "unreachable")
        .reviewed(T0 + days(95), "keep", reason="second_attempt_planned")
        .reviewed(T0 + days(190), "delete")
    )
    text = json.dumps({"cases": [case.to_dict()]})
    assert cases_from_json(text) == (case,)
    assert '"reason": "second_attempt_planned"' in text


# --- withdrawal of consent after the transfer (C-7) -----------------------------------------


@pytest.mark.parametrize(
    "build",
    [
        lambda c: c,
        lambda c: c.contacted(T0 + days(1), "unreachable"),
        lambda c: c.contacted(T0 + days(1), "wants_help"),
    ],
    ids=["received", "unreachable", "wants_help"],
)
def test_a_withdrawal_before_a_file_is_opened_deletes_the_referral(build) -> None:  # type: ignore[no-untyped-def]
    case = build(RetentionCase.received(T0)).consent_withdrawn(T0 + days(3))
    assert case.state == "withdrawn"
    assert case.consent_withdrawn_on == (T0 + days(3)).date()
    decision = retention_decision(case, at=T0 + days(3))
    assert (decision.action, decision.code, decision.clause) == (
        "delete",
        "DELETE_CONSENT_WITHDRAWN",
        "C-7",
    )
    assert "17(1)(b)" in decision.message_en
    with pytest.raises(ImpossibleStep):
        case.contacted(T0 + days(4), "wants_help")


def test_an_open_client_file_stays_after_a_withdrawal_under_the_ocmws_own_basis() -> None:
    opened = (
        RetentionCase.received(T0)
        .contacted(T0 + days(1), "wants_help")
        .dossier_opened(T0 + days(2))
    )
    withdrawn = opened.consent_withdrawn(T0 + days(10))
    assert withdrawn.state == "dossier_open"
    decision = retention_decision(withdrawn, at=T0 + days(10))
    assert (decision.action, decision.code, decision.clause) == (
        "keep",
        "KEEP_FILE_AFTER_WITHDRAWAL",
        "A2-4",
    )
    closed = withdrawn.dossier_closed(T0 + days(100))
    assert retention_decision(closed, at=T0 + days(100)).keep_until == (
        (T0 + days(100)).date().replace(year=2034)
    )


def test_a_withdrawal_after_closing_does_not_move_the_ten_years() -> None:
    closed = (
        RetentionCase.received(T0)
        .contacted(T0 + days(1), "wants_help")
        .dossier_opened(T0 + days(2))
        .dossier_closed(datetime(2025, 3, 1, 12, tzinfo=BRUSSELS))
    )
    later = closed.consent_withdrawn(datetime(2026, 7, 1, 12, tzinfo=BRUSSELS))
    assert later.state == "dossier_closed"
    assert later.closed_on == date(2025, 3, 1)
    at = datetime(2027, 1, 1, tzinfo=BRUSSELS)
    assert retention_decision(later, at=at).keep_until == date(2035, 3, 1)
    (entry,) = retention_schedule([later], at=at)
    assert isinstance(entry, ScheduledAction)
    assert entry.due_on == date(2035, 3, 2)


# --- no dead end: the property over the transition table -------------------------------------


def _reachable() -> dict[str, RetentionCase]:
    # One case per state reachable from receipt, found breadth-first through TRANSITIONS.
    start = RetentionCase.received(T0)
    found: dict[str, RetentionCase] = {start.state: start}
    queue = deque([start])
    while queue:
        case = queue.popleft()
        for (state, step, outcome), nxt in TRANSITIONS.items():
            if state == case.state and nxt not in found:
                found[nxt] = take(case, step, outcome, case.last_at + days(1))
                queue.append(found[nxt])
    return found


def test_every_reachable_state_has_a_review_or_a_deletion_date() -> None:
    reachable = _reachable()
    assert set(reachable) == set(TRANSITIONS.values())
    for state, case in reachable.items():
        decision = retention_decision(case, at=case.last_at)
        outgoing = {key for key in TRANSITIONS if key[0] == state}
        if state in TERMINAL_STATES:
            assert not outgoing, state
            assert decision.action == "delete", state
        else:
            assert outgoing, state
            dated = decision.review_on or decision.keep_until
            assert decision.action != "keep" or dated is not None, state


_TERMS = RetentionTerms()
_LONGEST_WAIT = max(
    _TERMS.contact_review_days,
    _TERMS.unreachable_review_days,
    _TERMS.file_to_open_review_days,
    _TERMS.open_file_review_days,
)


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 800)), max_size=15))
def test_every_sequence_of_steps_reaches_a_decision_date(walk: list[tuple[int, int]]) -> None:
    """From every reachable state, whatever steps follow, the case always has a date on which
    it is reviewed or deleted, within the longest term of ``protocol.retention``."""
    case = RetentionCase.received(T0)
    for pick, gap in [(0, 0), *walk]:
        if pick or gap:
            options = sorted(
                (step, outcome or "")
                for (state, step, outcome), _ in TRANSITIONS.items()
                if state == case.state
            )
            if not options:
                assert case.state in TERMINAL_STATES
                break
            step, outcome = options[pick % len(options)]
            case = take(case, step, outcome or None, case.last_at + days(gap))
        for later in (0, _LONGEST_WAIT + 1):
            decision = retention_decision(case, at=case.last_at + days(later))
            if case.state == "dossier_closed":
                assert decision.keep_until is not None
                assert case.closed_on is not None
                assert decision.keep_until <= case.closed_on.replace(year=case.closed_on.year + 10)
            elif decision.action == "keep":
                assert decision.review_on is not None
                assert decision.review_on <= case.last_on + days(_LONGEST_WAIT)
            else:
                assert later or decision.action == "delete"
        entry = retention_schedule([case], at=case.last_at)
        assert len(entry) == 1


@given(retention_cases(), st.integers(0, 400))
def test_a_generated_case_is_always_scheduled(case: RetentionCase, later: int) -> None:
    at = case.last_at.astimezone(UTC) + days(later)
    (entry,) = retention_schedule([case], at=at)
    assert isinstance(entry, ScheduledAction)
    decision = retention_decision(case, at=at)
    assert (decision.action != "keep") == entry.overdue
