"""Decision and Reason, and the reason catalogue (C-1 to C-7, A3-3, A4, A5-1, A6-3, A11-1)."""

from __future__ import annotations

import re
from pathlib import Path
from random import Random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from protocol_share import REASON_CODES, REASONS, Decision, InvalidInput, Reason

ROOT = Path(__file__).resolve().parents[2]
DESIGN_CODES = (
    "PROTOCOL_NOT_IN_FORCE", "SENDER_NOT_AUTHORISED", "SENDER_NO_SECRECY",
    "RECIPIENT_NOT_AUTHORISED", "RECIPIENT_NO_SECRECY", "WRONG_MAILBOX", "NOT_RESIDENT",
    "CONSENT_NOT_INFORMED", "CONSENT_WITHDRAWN", "CONSENT_AFTER_TRANSFER",
    "CONSENT_SCOPE_RECIPIENT", "CONSENT_SCOPE_DATA", "NOT_ASSESSED", "FORBIDDEN_IDENTIFIER",
)  # fmt: skip


def test_every_code_of_the_contract_has_a_reason() -> None:
    assert set(DESIGN_CODES) <= set(REASONS)
    assert list(REASONS) == list(REASON_CODES)
    for code, reason in REASONS.items():
        assert reason.code == code


def test_every_reason_cites_a_clause_of_the_protocol() -> None:
    traceability = (ROOT / "docs" / "traceability.md").read_text(encoding="utf-8")
    clauses = set(re.findall(r"^\| ((?:C|D|E|A\d+)-\d+) \|", traceability, re.M))
    assert {reason.clause for reason in REASONS.values()} <= clauses


@pytest.mark.parametrize("code", REASON_CODES)
def test_messages_are_dutch_and_english_and_name_no_value(code: str) -> None:
    reason = REASONS[code]
    assert reason.message_nl != reason.message_en
    for message in (reason.message_nl, reason.message_en):
        assert message.endswith(".")
        assert "@" not in message
        # Digits only in references to the protocol's articles: no number of a person.
        assert not re.search(r"\d", re.sub(r"\b(?:artikel|article) \d+\b", "", message))
        assert "{" not in message  # nothing to fill in


def test_an_empty_decision_is_allowed_and_shared() -> None:
    assert Decision.of(()).allowed
    assert Decision.of([]) is Decision.of(())
    assert Decision.of(iter(())).allowed
    assert Decision.of(()).codes == frozenset()


@given(st.lists(st.sampled_from(REASON_CODES), min_size=1), st.randoms())
def test_reasons_are_unique_and_in_canonical_order_whatever_the_input_order(
    codes: list[str], random: Random
) -> None:
    reasons = [REASONS[code] for code in codes]
    shuffled = list(reasons)
    random.shuffle(shuffled)
    decision = Decision.of(shuffled)
    assert not decision.allowed
    assert decision.codes == set(codes)
    assert [r.code for r in decision.reasons] == [c for c in REASON_CODES if c in set(codes)]
    assert decision == Decision.of(reasons)


def test_an_unknown_code_goes_last_in_code_order() -> None:
    extra = [
        Reason(code=code, clause="A7-1", message_nl="nl.", message_en="en.")
        for code in ("ZZ_LATER", "AA_EARLIER")
    ]
    decision = Decision.of([*extra, REASONS["NOT_RESIDENT"]])
    assert [r.code for r in decision.reasons] == ["NOT_RESIDENT", "AA_EARLIER", "ZZ_LATER"]


@pytest.mark.parametrize(
    ("allowed", "reasons"),
    [(True, (REASONS["NOT_ASSESSED"],)), (False, ())],
)
def test_allowed_exactly_without_reasons(allowed: bool, reasons: tuple[Reason, ...]) -> None:
    with pytest.raises(InvalidInput) as caught:
        Decision(allowed=allowed, reasons=reasons)
    assert caught.value.codes == {"INCONSISTENT"}


@pytest.mark.parametrize(
    ("field", "value"),
    [("code", "lower_case"), ("clause", "art. 3"), ("clause", "A3"), ("message_nl", "")],
)
def test_a_reason_is_validated(field: str, value: str) -> None:
    data = REASONS["NOT_ASSESSED"].model_dump() | {field: value}
    with pytest.raises(InvalidInput) as caught:
        Reason(**data)
    assert {p.path for p in caught.value.problems} == {field}


def test_as_dict_is_json_ready_and_complete() -> None:
    decision = Decision.of([REASONS["WRONG_MAILBOX"]])
    assert decision.as_dict() == {
        "allowed": False,
        "reasons": [REASONS["WRONG_MAILBOX"].model_dump()],
    }
    assert Decision.model_validate(decision.as_dict()) == decision
