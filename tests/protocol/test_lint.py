"""lint_protocol: findings with codes for any protocol a host loads, never a crash (E-1, A6-3)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from protocol_share import TORHOUT, InvalidInput, Protocol, lint_protocol
from protocol_share._text import Lang, catalogue


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


# --- the protocol's texts are free text: no line break reaches an e-mail header ------------

TEXT_PATHS = (
    "title",
    "decree_basis",
    "team",
    "municipality",
    "governing_law",
    "court",
    "sender.name",
    "sender.seat",
    "sender.representatives.0.name",
    "recipient.name",
    "recipient.seat",
    "supervisory_authority.short_name",
    "legal_bases.0.title_nl",
    "legal_bases.0.articles.0",
    "purposes.0.text_nl",
    "data_items.0.justification_nl",
    "signatures.0.signatory",
    "corrections.0.reason_nl",
    "corrections.0.reason_en",
)
CONTROLS = ("\r\n", "\n", "\r", "\x00", "\x1b", "\x85", "\u2028", "\u200b")


def _put(data: Any, path: str, change: Any) -> None:
    *parents, last = (int(p) if p.isdigit() else p for p in path.split("."))
    for part in parents:
        data = data[part]
    data[last] = change(data[last])


@given(
    path=st.sampled_from(TEXT_PATHS),
    control=st.sampled_from(CONTROLS),
    where=st.integers(0, 200),
)
def test_a_control_character_in_any_protocol_text_is_a_finding_not_a_crash(
    path: str, control: str, where: int
) -> None:
    data = torhout_data()
    _put(data, path, lambda text: text[:where] + control + "Bcc: x@example.org" + text[where:])
    text = json.dumps(data)
    with pytest.raises(InvalidInput) as caught:
        Protocol.model_validate_json(text)
    assert [(p.path, p.code) for p in caught.value.problems] == [(path, "CONTROL_CHARACTER")]
    findings = lint_protocol(text)
    assert [(f.code, f.path, f.severity) for f in findings] == [
        ("CONTROL_CHARACTER", path, "error")
    ]


def test_a_protocol_changed_past_validation_is_linted_and_refused_in_e_mails() -> None:
    from datetime import UTC, datetime

    from protocol_share import breach_notice_email, pack
    from protocol_share.examples import example_breach_notice, example_referral

    at = datetime(2025, 3, 3, 9, tzinfo=UTC)
    injected = "OCMW Torhout\r\nBcc: somebody@example.org"
    recipient = TORHOUT.recipient.model_copy(update={"name": injected})
    protocol = TORHOUT.model_copy(update={"recipient": recipient})
    findings = lint_protocol(protocol)
    assert [(f.code, f.path) for f in findings] == [("CONTROL_CHARACTER", "recipient.name")]
    with pytest.raises(InvalidInput) as caught:
        pack(example_referral(at=at), protocol, password="Vlinder-Kast-42-zonnebloem", at=at)
    assert caught.value.codes == {"CONTROL_CHARACTER"}
    assert caught.value.__context__ is None
    with pytest.raises(InvalidInput) as caught:
        breach_notice_email(example_breach_notice(aware_at=at), protocol=protocol)
    assert caught.value.codes == {"CONTROL_CHARACTER"}


def test_lint_never_crashes_on_a_model_made_without_validation() -> None:
    fields: dict[str, Any] = {"protocol_id": "x"}  # every other field missing
    broken = Protocol.model_construct(**fields)
    assert {f.severity for f in lint_protocol(broken)} == {"error"}


def test_a_domain_of_a_party_is_a_domain() -> None:
    data = torhout_data()
    data["recipient"]["email_domains"] = ["torhout.be\r\nX: y"]
    assert [(f.code, f.path) for f in lint_protocol(data)] == [
        ("STRING_PATTERN_MISMATCH", "recipient.email_domains.0")
    ]


# --- findings in the chosen language, both ways (issue 13) ----------------------------------

# Every finding lint_protocol itself writes (a model's format error reads its problem's text).
LINT_KEYS = (
    "DPO_ADVICE_MISSING", "DPO_ADVICE_AFTER_ENTRY_INTO_FORCE", "DPO_OUTSIDE_PARTY_DOMAIN",
    "MAILBOX_OUTSIDE_RECIPIENT_DOMAIN", "BRUSSELS_RECIPIENT_NOT_CAW", "CAW_OUTSIDE_BRUSSELS",
    "ENDS_ON_ENTRY_INTO_FORCE", "SEED_CORRECTED", "UNREADABLE",
)  # fmt: skip


def _many_findings() -> list[Any]:
    """Protocols that between them raise every finding lint writes, and format errors."""
    broken = torhout_data()
    broken["sender"]["dpo_advice_on"] = None
    broken["sender"]["dpo_email"] = "dpo@elders.example"
    broken["mailbox"] = "sociaal.huis@gmail.com"
    broken["ends_on"], broken["end_reason"] = broken["in_force_from"], "breach"
    brussels = torhout_data()
    brussels["postcodes"] = ["1000"]
    caw = torhout_data()
    caw["recipient_kind"] = "CAW"
    invalid = torhout_data()
    invalid["recipient"]["kbo"] = "0212175524"
    invalid["postcodes"] = []
    return [TORHOUT, broken, brussels, caw, invalid, "{not json", b"[]", "[1]"]


def test_every_finding_code_lint_writes_has_both_texts() -> None:
    for key in LINT_KEYS:
        nl, en = catalogue("nl")[f"lint.{key}"], catalogue("en")[f"lint.{key}"]
        assert nl
        assert en
        assert nl != en
    written = {f.code for p in _many_findings() for f in lint_protocol(p) if f.code in LINT_KEYS}
    # every finding above is reached (UNREADABLE guards a parser error the model reports first)
    assert written == set(LINT_KEYS) - {"UNREADABLE"}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_format_error_reads_its_codes_own_text_in_the_chosen_language(lang: Lang) -> None:
    data = torhout_data()
    data["recipient"]["kbo"] = "0212175524"
    data["postcodes"] = []
    found = {f.code: f.message for f in lint_protocol(data, lang=lang)}
    assert found == {
        "INVALID_KBO": catalogue(lang)["problem.INVALID_KBO"],
        "TOO_SHORT": catalogue(lang)["problem.TOO_SHORT"],
    }


@pytest.mark.parametrize(("lang", "other"), [("nl", "en"), ("en", "nl")])
def test_findings_are_in_the_chosen_language_only(lang: Lang, other: Lang) -> None:
    own = set(catalogue(lang).values())
    foreign = {
        text for key, text in catalogue(other).items() if key.startswith("lint.")
    } - own  # texts of the other language that differ from this one's
    english_words = re.compile(r"\b(the|not|of|this|value|does|here|and|cannot)\b")
    for protocol in _many_findings():
        for finding in lint_protocol(protocol, lang=lang):
            assert finding.message not in foreign
            if lang == "nl":
                assert not english_words.search(finding.message), finding
            else:
                dutch_words = r"\b(het|de|een|niet|van|deze|hier|geen|wordt)\b"
                assert not re.search(dutch_words, finding.message), finding
    nl = [f.message for f in lint_protocol(TORHOUT, lang="nl")]
    en = [f.message for f in lint_protocol(TORHOUT, lang="en")]
    assert len(nl) == len(en)
    assert all(a != b for a, b in zip(nl, en, strict=True))


def test_a_correction_gives_its_reason_in_each_language() -> None:
    findings = [f for f in lint_protocol(TORHOUT, lang="nl") if f.code == "SEED_CORRECTED"]
    assert [f.message.split(": ", 1)[1] for f in findings] == [
        c.reason_nl for c in TORHOUT.corrections
    ]
    findings = [f for f in lint_protocol(TORHOUT, lang="en") if f.code == "SEED_CORRECTED"]
    assert [f.message.split(": ", 1)[1] for f in findings] == [
        c.reason_en for c in TORHOUT.corrections
    ]


TORHOUT_FINDINGS = [
    ("DPO_ADVICE_AFTER_ENTRY_INTO_FORCE", "sender.dpo_advice_on"),
    ("SIGNED_AFTER_ENTRY_INTO_FORCE", "signatures[1].signed_on"),
    ("SIGNED_AFTER_ENTRY_INTO_FORCE", "signatures[2].signed_on"),
    ("TEAM_CHOSEN_BETWEEN_TITLE_AND_RECITAL", "team"),
    ("SEED_CORRECTED", "sender.dpo_email"),
    ("SEED_CORRECTED", "team"),
    ("SEED_CORRECTED", "data_items"),
    ("SEED_CORRECTED", "postcodes"),
    ("REFERENCE_WITHOUT_TARGET", "text_flaws[0]"),
    ("REFERENCE_TO_MISSING_ANNEX", "text_flaws[1]"),
    ("REFERENCE_TO_MISSING_POINT", "text_flaws[2]"),
    ("REFERENCE_TO_MISSING_POINT", "text_flaws[3]"),
]


def test_torhouts_own_findings_are_exactly_these() -> None:
    assert [(f.code, f.path) for f in lint_protocol(TORHOUT)] == TORHOUT_FINDINGS


def _clean() -> dict[str, Any]:
    """TORHOUT's data without any fault a lint finding reports (but the seed corrections)."""
    data = torhout_data()
    data["sender"]["dpo_advice_on"] = "2024-04-18"
    data["signatures"] = [dict(s, signed_on=None) for s in data["signatures"]]
    data["team_in_title"] = None
    data["text_flaws"] = []
    return data


def _fault_codes(data: dict[str, Any]) -> list[str]:
    return [f.code for f in lint_protocol(data) if f.code != "SEED_CORRECTED"]


def test_the_clean_protocol_has_no_finding_but_its_corrections() -> None:
    assert _fault_codes(_clean()) == []


@given(st.dates(min_value=TORHOUT.in_force_from, max_value=TORHOUT.in_force_from.replace(2030)))
def test_a_signature_is_reported_exactly_when_dated_after_entry_into_force(signed: Any) -> None:
    data = _clean()
    data["signatures"][0]["signed_on"] = signed.isoformat()
    late = ["SIGNED_AFTER_ENTRY_INTO_FORCE"] if signed > TORHOUT.in_force_from else []
    assert _fault_codes(data) == late


@given(st.integers(1000, 9999))
def test_a_postcode_outside_flanders_and_brussels_is_reported_exactly(postcode: int) -> None:
    data = _clean()
    data["postcodes"] = [str(postcode)]
    flemish = 1500 <= postcode <= 3999 or 8000 <= postcode <= 9999
    brussels = 1000 <= postcode <= 1299
    if brussels:
        assert _fault_codes(data) == ["BRUSSELS_RECIPIENT_NOT_CAW"]
        data["recipient_kind"] = "CAW"
    expected = [] if flemish or brussels else ["POSTCODE_OUTSIDE_FLANDERS"]
    assert _fault_codes(data) == expected


def test_a_wallonian_postcode_is_named_in_the_finding() -> None:
    data = _clean()
    data["postcodes"] = ["8820", "4000"]
    found = [f for f in lint_protocol(data, lang="en") if f.code == "POSTCODE_OUTSIDE_FLANDERS"]
    assert [(f.path, "4000" in f.message) for f in found] == [("postcodes", True)]


def test_a_team_differing_from_the_title_is_reported_as_a_choice_the_host_can_override() -> None:
    data = _clean()
    data["team_in_title"] = "lokaal team Kind en Gezin Westkust en Polder"
    assert _fault_codes(data) == ["TEAM_CHOSEN_BETWEEN_TITLE_AND_RECITAL"]
    (finding,) = [f for f in lint_protocol(data, lang="en") if f.code.startswith("TEAM_")]
    assert "operative" not in finding.message
    assert "`team`" in finding.message
    data["team"] = data["team_in_title"]  # the host's override: the title's team
    assert _fault_codes(data) == []
    assert Protocol.model_validate(data).team == "lokaal team Kind en Gezin Westkust en Polder"
