"""`protocol-share check FILE.json` and the decision part of `demo` (C-1 to C-7, A5-1); the
`--at` moment that `check` and `retention` share."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from protocol_share import (
    ONWARD_RULES,
    REASONS,
    REFERRAL_RULES,
    TORHOUT,
    Referral,
    RetentionCase,
    check_referral,
    rules_markdown,
)
from protocol_share.cli import main
from protocol_share.cli._demo import HOST_RECORD
from protocol_share.strategies import INCOMPATIBLE_VIOLATIONS, REFERRAL_VIOLATIONS, referrals

AT = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)
CLIENT_FIELDS = ("first_name", "last_name", "address", "phone")
"""The demo's host record, cut to what a referral carries: the client of these referrals."""


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def referral_document(**changes: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "referral_id": "r-2026-000042",
        "client": {key: HOST_RECORD[key] for key in CLIENT_FIELDS},
        "consent": {
            "consent_id": "c-2026-000042",
            "given_at": (AT - timedelta(days=3)).isoformat(),
            "method": "verbal",
            "information_notice": "infofiche-ocmw-v2",
            "explained": ["data", "recipient", "purpose", "follow_up", "withdrawal"],
            "recipient_kbo": "0212.175.523",
            "data_items": ["name", "address", "phone"],
            "recorded_by": "kg-torhout-017",
        },
        "sender": {"member_id": "kg-torhout-017", "team": TORHOUT.team},
        "recipient": {"organisation_kbo": "0212 175 523", "mailbox": TORHOUT.mailbox},
        "assessed_appropriate": True,
        "created_at": (AT - timedelta(hours=1)).isoformat(),
    }
    document.update(changes)
    return document


def write(tmp_path: Path, document: dict[str, Any]) -> str:
    path = tmp_path / "referral.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_an_allowed_referral_exits_0_and_says_so(tmp_path: Path) -> None:
    path = write(tmp_path, referral_document())
    code, out, err = run("check", path, "--at", AT.isoformat())
    code_en, out_en, _ = run("check", path, "--at", AT.isoformat(), "--lang", "en")
    assert code == code_en == 0
    assert "TOEGESTAAN: alle 18 regels zijn voldaan" in out
    assert "ALLOWED: all 18 rules hold" in out_en
    assert "ALLOWED" not in out
    assert "r-2026-000042" in out
    assert err == ""


def test_a_refused_referral_exits_1_with_every_reason_and_its_clause(tmp_path: Path) -> None:
    # Each message in the language asked for (--lang, default nl), never both at once.
    document = referral_document(assessed_appropriate=False)
    document["recipient"]["mailbox"] = "onthaal@torhout.be"
    path = write(tmp_path, document)
    code, out, _ = run("check", path, "--at", AT.isoformat())
    code_en, out_en, _ = run("check", path, "--at", AT.isoformat(), "--lang", "en")
    assert code == code_en == 1
    assert "GEWEIGERD: 2 redenen" in out
    assert "REFUSED: 2 reasons" in out_en
    for code_name in ("WRONG_MAILBOX", "NOT_ASSESSED"):
        reason = REASONS[code_name]
        assert f"{code_name} ({reason.clause})" in out
        assert f"{code_name} ({reason.clause})" in out_en
        assert reason.message_nl in out
        assert reason.message_en in out_en
        assert reason.message_en not in out
        assert reason.message_nl not in out_en


def test_json_output_is_the_decision(tmp_path: Path) -> None:
    document = referral_document()
    document["consent"]["withdrawn_at"] = (AT - timedelta(days=1)).isoformat()
    code, out, _ = run("check", write(tmp_path, document), "--json", "--at", AT.isoformat())
    payload = json.loads(out)
    assert code == 1
    assert payload["allowed"] is False
    assert [r["code"] for r in payload["reasons"]] == ["CONSENT_WITHDRAWN"]
    assert payload["reasons"][0]["clause"] == "C-7"
    assert payload["protocol"] == TORHOUT.protocol_id
    assert datetime.fromisoformat(payload["at"]) == AT


def test_the_default_moment_is_now(tmp_path: Path) -> None:
    # Consent given three days before AT: still before now, so allowed without --at.
    code, out, _ = run("check", write(tmp_path, referral_document()), "--json")
    assert code == 0
    assert datetime.fromisoformat(json.loads(out)["at"]) >= AT


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "JSON_INVALID"),
        (json.dumps({"referral_id": "r-1"}), "MISSING"),
        (json.dumps(referral_document(unexpected=True)), "EXTRA_FORBIDDEN"),
    ],
)
def test_a_file_that_is_not_a_referral_exits_2(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "broken.json"
    path.write_text(content, encoding="utf-8")
    code, out, err = run("check", str(path), "--at", AT.isoformat())
    assert code == 2
    assert expected in err
    assert out == ""


def test_a_national_number_in_the_file_is_unusable_input_and_never_echoed(
    tmp_path: Path,
) -> None:
    document = referral_document()
    document["client"]["last_name"] = "85.07.30-033.28"
    code, out, err = run("check", write(tmp_path, document), "--at", AT.isoformat())
    assert code == 2
    assert "client.last_name: FORBIDDEN_IDENTIFIER" in err
    assert "85.07.30-033.28" not in err + out


BAD_MOMENTS = {"2026-11-28T10:00:00": "NAIVE_DATETIME", "next tuesday": "INVALID_DATETIME"}


@pytest.mark.parametrize("moment", sorted(BAD_MOMENTS))
@pytest.mark.parametrize("command", ["check", "retention"])
def test_a_naive_or_malformed_moment_exits_2(tmp_path: Path, command: str, moment: str) -> None:
    """``check`` and ``retention`` (every command that decides at ``--at``) refuse it."""
    inputs = {
        "check": referral_document(),
        "retention": {"cases": [RetentionCase.received(AT).to_dict()]},
    }
    code, _, err = run(command, write(tmp_path, inputs[command]), "--at", moment)
    assert code == 2
    assert BAD_MOMENTS[moment] in err


def test_a_missing_file_exits_2(tmp_path: Path) -> None:
    code, _, err = run("check", str(tmp_path / "nope.json"))
    assert code == 2
    assert "niet lezen" in err


def test_another_protocol_file_is_used(tmp_path: Path) -> None:
    ended = TORHOUT.terminate_for_breach(AT.date() - timedelta(days=1))
    protocol = tmp_path / "protocol.json"
    protocol.write_text(ended.model_dump_json(), encoding="utf-8")
    path = write(tmp_path, referral_document())
    code, out, _ = run("check", path, "--protocol", str(protocol), "--at", AT.isoformat())
    assert code == 1
    assert "PROTOCOL_NOT_IN_FORCE" in out


# Violations a JSON document can carry (a forbidden identifier fails validation instead),
# checked at the referral's own created_at (so never made after it: REFERRAL_AFTER_DECISION).
_IN_JSON = sorted(
    REFERRAL_VIOLATIONS
    - {"FORBIDDEN_IDENTIFIER", "DATA_ITEM_NOT_IN_PROTOCOL", "REFERRAL_AFTER_DECISION"}
)
_documents = (
    st.sets(st.sampled_from(_IN_JSON), max_size=3)
    .filter(lambda codes: not any(pair <= codes for pair in INCOMPATIBLE_VIOLATIONS))
    .flatmap(lambda codes: referrals(valid=not codes, violating=codes))
)


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(referral=_documents)
def test_exit_code_and_output_are_the_decision_of_the_document(
    tmp_path: Path, referral: Referral
) -> None:
    path = tmp_path / "generated.json"
    text = referral.model_dump_json()
    path.write_text(text, encoding="utf-8")
    expected = check_referral(Referral.model_validate_json(text), at=referral.created_at)
    code, out, _ = run("check", str(path), "--json", "--at", referral.created_at.isoformat())
    payload = json.loads(out)
    assert code == (0 if expected.allowed else 1)
    assert {k: payload[k] for k in ("allowed", "reasons")} == expected.as_dict()


def test_demo_shows_an_allowed_and_a_refused_referral_with_reasons() -> None:
    code, out, err = run("demo", "--lang", "en")
    assert code == 0
    section = out[out.index("5. check_referral") :]
    assert "ALLOWED" in section
    assert "REFUSED: 3 reasons" in section
    for name in ("WRONG_MAILBOX", "CONSENT_WITHDRAWN", "NOT_ASSESSED"):
        assert f"{name} ({REASONS[name].clause})" in section
    assert err == ""


def test_demo_json_carries_both_decisions() -> None:
    code, out, _ = run("demo", "--json")
    decisions = json.loads(out)["decisions"]
    assert code == 0
    assert decisions["allowed"] == {"allowed": True, "reasons": []}
    assert {r["code"] for r in decisions["refused"]["reasons"]} == {
        "WRONG_MAILBOX",
        "CONSENT_WITHDRAWN",
        "NOT_ASSESSED",
    }


def test_rules_prints_the_table_the_code_has() -> None:
    code, out, _ = run("rules")
    assert code == 0
    assert out == rules_markdown(REFERRAL_RULES)
    code, out, _ = run("rules", "--group", "consent")
    assert out == rules_markdown(REFERRAL_RULES, group="consent")


def test_rules_json_lists_the_onward_rules() -> None:
    code, out, _ = run("rules", "--onward", "--json")
    rows = json.loads(out)
    assert code == 0
    assert [row["code"] for row in rows] == [rule.code for rule in ONWARD_RULES]
    assert all(row["message_nl"] == REASONS[row["code"]].message_nl for row in rows)
