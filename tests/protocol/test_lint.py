"""lint_protocol: findings with codes for any protocol a host loads, never a crash (E-1, A6-3)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from protocol_share import TORHOUT, InvalidInput, Protocol, lint_protocol


def torhout_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(TORHOUT.model_dump_json())
    return data


def codes(findings: tuple[Any, ...]) -> set[str]:
    return {finding.code for finding in findings}


def test_torhout_reports_its_late_dpo_advice_and_every_correction() -> None:
    findings = lint_protocol(TORHOUT)
    late = [f for f in findings if f.code == "DPO_ADVICE_AFTER_ENTRY_INTO_FORCE"]
    assert [f.path for f in late] == ["sender.dpo_advice_on"]
    corrected = [f.path for f in findings if f.code == "SEED_CORRECTED"]
    assert corrected == [c.path for c in TORHOUT.corrections]
    assert not [f for f in findings if f.severity == "error"]


def test_the_seed_dpo_address_is_reported_not_raised() -> None:
    data = torhout_data()
    data["sender"]["dpo_email"] = "dpo@opgroeien;be"
    findings = lint_protocol(data)
    assert [(f.code, f.path, f.severity) for f in findings] == [
        ("INVALID_EMAIL", "sender.dpo_email", "error")
    ]


def test_invalid_kbo_and_empty_postcodes_are_findings() -> None:
    data = torhout_data()
    data["recipient"]["kbo"] = "0212175524"
    data["postcodes"] = []
    assert codes(lint_protocol(json.dumps(data))) == {"INVALID_KBO", "TOO_SHORT"}


def test_mailbox_outside_the_recipient_domain_is_an_error() -> None:
    data = torhout_data()
    data["mailbox"] = "sociaal.huis@gmail.com"
    findings = [f for f in lint_protocol(data) if f.code == "MAILBOX_OUTSIDE_RECIPIENT_DOMAIN"]
    assert [(f.path, f.severity) for f in findings] == [("mailbox", "error")]


def test_brussels_postcodes_with_an_ocmw_recipient_are_flagged() -> None:
    data = torhout_data()
    data["postcodes"] = ["1000"]
    assert "BRUSSELS_RECIPIENT_NOT_CAW" in codes(lint_protocol(data))
    data["recipient_kind"] = "CAW"
    assert "BRUSSELS_RECIPIENT_NOT_CAW" not in codes(lint_protocol(data))


def test_unreadable_input_is_a_finding() -> None:
    assert codes(lint_protocol("{not json")) == {"JSON_INVALID"}
    assert codes(lint_protocol(b"[]")) == {"MODEL_TYPE"}


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(), st.lists, max_leaves=8))
def test_lint_never_raises_on_arbitrary_json(value: object) -> None:
    findings = lint_protocol(json.dumps(value))
    assert findings
    assert all(f.severity == "error" for f in findings)


@given(st.sampled_from(sorted(torhout_data())))
def test_dropping_any_required_field_is_reported_at_that_field(field: str) -> None:
    data = torhout_data()
    del data[field]
    findings = lint_protocol(data)
    required = Protocol.model_fields[field].is_required()
    assert (("MISSING", field) in {(f.code, f.path) for f in findings}) == required


def test_contradicting_ends_are_errors_and_an_end_on_entry_day_a_warning() -> None:
    data = torhout_data()
    data["ends_on"], data["end_reason"] = "2024-04-01", "notice"
    assert {(f.code, f.severity) for f in lint_protocol(data)} == {
        ("ENDS_BEFORE_ENTRY_INTO_FORCE", "error")
    }
    data["ends_on"], data["end_reason"] = None, "breach"
    assert codes(lint_protocol(data)) == {"MISSING_END_DATE"}
    data["ends_on"], data["end_reason"] = "2024-04-18", "breach"
    never = [f for f in lint_protocol(data) if f.code == "ENDS_ON_ENTRY_INTO_FORCE"]
    assert [(f.path, f.severity) for f in never] == [("ends_on", "warning")]


def test_findings_speak_the_callers_language() -> None:
    dutch = {f.code: f.message for f in lint_protocol(TORHOUT)}
    english = {f.code: f.message for f in lint_protocol(TORHOUT, lang="en")}
    assert dutch.keys() == english.keys()
    late = "DPO_ADVICE_AFTER_ENTRY_INTO_FORCE"
    assert "advies" in dutch[late]
    assert "advised" in english[late]
    assert lint_protocol("[]", lang="en")[0].code == "MODEL_TYPE"


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(InvalidInput):
        lint_protocol(TORHOUT, lang="fr")  # type: ignore[arg-type]
