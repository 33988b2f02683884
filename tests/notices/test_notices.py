"""Quality (A7), termination (A8-1, A11-2, A11-3), legislation (A9-5) and processor (A9-6)
notices, the processor overview (A6-8, A6-9), the evidence checklist (A6-4 to A6-7), and
their e-mails."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage
from typing import Any, get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st

from protocol_share import TORHOUT, DataItem, InvalidInput
from protocol_share import notices as mail
from protocol_share._text import Lang, labels
from protocol_share._time import BRUSSELS
from protocol_share.notices import (
    Cause,
    Consequence,
    EvidenceChecklist,
    LegislationAspect,
    LegislationChangeNotice,
    Measure,
    Processor,
    ProcessorChangeNotice,
    ProcessorOverview,
    QualityKind,
    QualityMeasure,
    QualityNotice,
    QualityOutcome,
    TerminationNotice,
    evidence_checklist,
)
from protocol_share.notices._processors import EEA_COUNTRIES
from protocol_share.retention import RetentionCase, retention_decision
from tests.notices.notices_support import body

FOUND = datetime(2025, 2, 3, 10, 0, tzinfo=BRUSSELS)


def quality(**changes: Any) -> QualityNotice:
    data: dict[str, Any] = {
        "notice_id": "kwal-2025-01",
        "referral_id": "ref-2025-0042",
        "data_item": "phone",
        "kind": "outdated",
        "found_by": "data_subject",
        "found_at": FOUND,
        "notified_at": FOUND + timedelta(minutes=20),
    }
    return QualityNotice.model_validate(data | changes)


def termination(ground: str, by: str, on: date, **more: Any) -> TerminationNotice:
    """A termination notice on ``ground``, given ``by`` a party ``on`` a day (A8-1, A11-2,
    A11-3); ``more`` names the breached norms, the instant or the lapsed basis."""
    data = {"notice_id": "einde-1", "ground": ground, "given_by": by, "given_on": on}
    return TerminationNotice.model_validate(data | more)


# --- A7: quality notices and Opgroeien's answer ----------------------------------------------


@pytest.mark.parametrize("kind", get_args(QualityKind))
def test_every_kind_of_quality_problem_the_protocol_names_can_be_notified(kind: str) -> None:
    notice = quality(kind=kind)
    assert notice.kind == kind
    assert notice.delay == timedelta(minutes=20)


def test_the_quality_kinds_are_those_of_a7_1() -> None:
    assert set(get_args(QualityKind)) == {
        "erroneous",
        "inaccurate",
        "incomplete",
        "missing",
        "outdated",
        "excessive",
    }


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"notified_at": FOUND - timedelta(seconds=1)}, "NOTIFIED_BEFORE_FOUND"),
        ({"kind": "ugly"}, "LITERAL_ERROR"),
        ({"data_item": "national_number"}, "ENUM"),
        ({"found_by": "police"}, "LITERAL_ERROR"),
        ({"referral_id": "85.07.30-033.28"}, "FORBIDDEN_IDENTIFIER"),
        ({"value": "0470 12 34 56"}, "EXTRA_FORBIDDEN"),
    ],
)
def test_an_invalid_quality_notice_is_refused(changes: dict[str, Any], code: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        quality(**changes)
    assert code in caught.value.codes
    assert "0470 12 34 56" not in str(caught.value)


def test_opgroeien_answers_with_its_measures() -> None:
    answer = quality().answer(
        at=FOUND + timedelta(days=3),
        outcome="corrected",
        measures={"corrected_at_source", "corrected_package_sent"},
    )
    assert answer.notice_id == "kwal-2025-01"
    assert answer.answered_within == timedelta(days=3) - timedelta(minutes=20)
    text = body(mail.quality_answer_email(answer))
    assert "de gegevens werden verbeterd" in text
    assert "nieuw versleuteld pakket" in text


@pytest.mark.parametrize(
    ("outcome", "measures", "code"),
    [
        ("corrected", {"no_measure_needed"}, "MEASURE_MISSING"),
        ("confirmed_correct", {"no_measure_needed", "staff_instructed"}, "CONTRADICTORY_MEASURES"),
        ("confirmed_correct", set(), "TOO_SHORT"),
    ],
)
def test_an_inconsistent_answer_is_refused(outcome: str, measures: set[str], code: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        quality().answer(at=FOUND + timedelta(days=1), outcome=outcome, measures=measures)  # type: ignore[arg-type]
    assert code in caught.value.codes


def test_an_answer_cannot_precede_the_notice() -> None:
    with pytest.raises(InvalidInput) as caught:
        quality().answer(at=FOUND, outcome="confirmed_correct", measures={"no_measure_needed"})
    assert caught.value.codes == {"ANSWER_BEFORE_NOTICE"}


def test_the_quality_email_names_the_problem_never_the_value() -> None:
    message = mail.quality_notice_email(quality())
    text = body(message)
    assert message["From"] == "DPO OCMW Torhout <kurt.persyn@torhout.be>"
    assert message["To"] == "DPO Opgroeien regie <dpo@opgroeien.be>"
    assert "ref-2025-0042" in text
    assert "telefoonnummer" in text
    assert "niet meer actueel" in text
    assert "via de betrokkene" in text
    routed = mail.quality_notice_email(quality(), to="Kwaliteit.Team@Opgroeien.be")
    assert routed["To"] == "Kwaliteit.Team@opgroeien.be"
    with pytest.raises(InvalidInput) as caught:
        mail.quality_notice_email(quality(), to="not an address")
    assert caught.value.codes == {"INVALID_EMAIL"}


# --- A8-1, A11-2, A11-3: the protocol's end -------------------------------------------------


def test_only_opgroeien_ends_the_protocol_for_a_breach_and_at_once() -> None:
    notice = termination("breach", "sender", date(2025, 9, 1), breached={"gdpr"})
    assert notice.clause == "A8-1"
    assert notice.ends_on() == date(2025, 9, 1)
    ended = notice.apply()
    assert (ended.ends_on, ended.end_reason) == (date(2025, 9, 1), "breach")
    assert ended.status_at(datetime(2025, 9, 1, 0, 0, tzinfo=BRUSSELS)) == "ended"
    with pytest.raises(InvalidInput) as caught:
        termination("breach", "recipient", date(2025, 9, 1), breached={"protocol"})
    assert caught.value.codes == {"ONLY_SENDER_ENDS_FOR_BREACH"}
    with pytest.raises(InvalidInput) as caught:
        termination("breach", "sender", date(2025, 9, 1))
    assert caught.value.codes == {"BREACH_NOT_NAMED"}


@given(
    st.dates(min_value=date(2024, 4, 18), max_value=date(2040, 12, 31)),
    st.sampled_from(("sender", "recipient")),
)
def test_either_party_ends_it_with_six_months_notice(given_on: date, by: str) -> None:
    notice = termination("notice", by, given_on)
    assert notice.clause == "A11-2"
    assert notice.apply() == TORHOUT.terminate_with_notice(given_on)
    assert notice.ends_on() == notice.apply().ends_on
    last_day = notice.ends_on() - timedelta(days=1)  # in force through it (A11-2)
    assert notice.apply().status_on(last_day) == "in_force"
    month = given_on.month + 6
    year, month = given_on.year + (month - 1) // 12, (month - 1) % 12 + 1
    assert last_day.replace(day=1) == date(year, month, 1)
    assert last_day.day <= given_on.day


def test_a_termination_for_breach_given_at_an_instant_ends_the_protocol_then() -> None:
    given_at = datetime(2025, 3, 10, 14, 30, tzinfo=BRUSSELS)
    notice = termination(
        "breach", "sender", date(2025, 3, 10), given_at=given_at, breached=frozenset({"gdpr"})
    )
    ended = notice.apply()
    assert ended.ends_at == given_at
    assert ended.status_at(given_at - timedelta(hours=5)) == "in_force"
    assert ended.status_at(given_at) == "ended"
    with pytest.raises(InvalidInput) as caught:
        TerminationNotice.model_validate(notice.model_dump() | {"given_on": date(2025, 3, 11)})
    assert caught.value.codes == {"INSTANT_NOT_ON_GIVEN_DAY"}
    with pytest.raises(InvalidInput) as caught:
        termination("notice", "sender", date(2025, 3, 10), given_at=given_at)
    assert caught.value.codes == {"INSTANT_ONLY_FOR_BREACH"}


def test_the_protocol_ends_by_law_without_a_legal_basis() -> None:
    notice = termination(
        "no_legal_basis",
        "recipient",
        date(2027, 1, 1),
        lapsed_basis="decreet van 30 april 2004, art. 10/1 (opgeheven)",
    )
    assert notice.clause == "A11-3"
    assert notice.apply().end_reason == "no_legal_basis"
    with pytest.raises(InvalidInput) as caught:
        termination("no_legal_basis", "sender", date(2027, 1, 1))
    assert caught.value.codes == {"BASIS_NOT_NAMED"}


def test_an_earlier_end_stands() -> None:
    early = TORHOUT.terminate_for_breach(date(2025, 3, 1))
    notice = termination("notice", "recipient", date(2025, 4, 1))
    assert notice.apply(early).ends_on == date(2025, 3, 1)


def test_the_termination_email_gives_the_end_and_keeps_retention_running() -> None:
    notice = termination("notice", "recipient", date(2025, 8, 31))
    message = mail.termination_email(notice, sent_at=datetime(2025, 8, 31, 9, tzinfo=BRUSSELS))
    text = body(message)
    assert message["To"] == "DPO Opgroeien regie <dpo@opgroeien.be>"
    assert "(A11-2)" in message["Subject"]
    assert "tot en met 28-02-2026" in text
    assert "vanaf 01-03-2026" in text
    assert "6 maanden" in text
    assert "verkort noch verlengt" in text
    # ... and indeed: a case received before the end is decided the same after it.
    case = RetentionCase.received(datetime(2025, 8, 1, tzinfo=UTC)).contacted(
        datetime(2025, 8, 2, tzinfo=UTC), "wants_help"
    )
    later = datetime(2026, 6, 1, tzinfo=UTC)
    assert retention_decision(case, at=later, protocol=notice.apply()) == retention_decision(
        case, at=later
    )
    breach = termination("breach", "sender", date(2025, 9, 1), breached={"gdpr", "protocol"})
    text = body(mail.termination_email(breach, sent_at=datetime(2025, 9, 1, 9, tzinfo=BRUSSELS)))
    assert "zonder voorafgaande ingebrekestelling" in text
    assert "de AVG en het protocol" in text


# --- A9-5, A9-6: legislation and processor changes --------------------------------------------


def test_a_legislation_change_is_notified_with_what_it_touches() -> None:
    notice = LegislationChangeNotice(
        notice_id="wet-2026-01",
        given_at=datetime(2026, 1, 5, 9, tzinfo=BRUSSELS),
        legislation="decreet van 12 december 2025 tot wijziging van het decreet lokaal sociaal beleid",
        in_force_on=date(2026, 3, 1),
        affects={"purpose", "duration"},
    )
    message = mail.legislation_change_email(notice)
    text = body(message)
    assert message["From"] == "DPO OCMW Torhout <kurt.persyn@torhout.be>"
    assert message["To"] == "DPO Opgroeien regie <dpo@opgroeien.be>"
    assert "doeleinden, duur" in text
    assert "01-03-2026" in text
    with pytest.raises(InvalidInput) as caught:
        LegislationChangeNotice.model_validate(notice.model_dump() | {"affects": set()})
    assert caught.value.codes == {"TOO_SHORT"}


def processor(name: str = "Cevi", **changes: Any) -> Processor:
    data: dict[str, Any] = {
        "name": name,
        "kbo": "0212.175.523",
        "service": "cliëntdossier-software",
        "art28_agreement_on": date(2024, 1, 10),
        "since": date(2024, 2, 1),
    }
    return Processor.model_validate(data | changes)


@given(
    country=st.sampled_from(["US", "GB", "CH", "IN", "JP", "BE", "NL", "NO"]),
    mechanism=st.sampled_from(
        [None, "adequacy_decision", "standard_contractual_clauses", "binding_corporate_rules"]
    ),
)
def test_a_processor_outside_the_eea_is_a_finding_only_without_a_transfer_mechanism(
    country: str, mechanism: str | None
) -> None:
    # A6-8 asks for sufficient guarantees, not a place; GDPR chapter V allows a transfer
    # with a mechanism.
    overview = ProcessorOverview(
        party="recipient",
        as_of=date(2025, 1, 1),
        processors=(processor("Cloudco", country=country, transfer_mechanism=mechanism),),
    )
    codes = {f.code for f in overview.findings(on=date(2025, 1, 1))}
    outside = country not in EEA_COUNTRIES
    assert codes == ({"NO_TRANSFER_MECHANISM"} if outside and mechanism is None else set())


def test_the_processor_overview_reports_what_breaks_a6_8() -> None:
    overview = ProcessorOverview(
        party="recipient",
        as_of=date(2025, 1, 1),
        processors=(
            processor(),
            processor("Mailhost", art28_agreement_on=None, kbo=None),
            processor("Archief", art28_agreement_on=date(2024, 6, 1)),
            processor("Cloudco", country="US"),
            processor("Oud", until=date(2024, 6, 30), art28_agreement_on=None),
        ),
    )
    findings = overview.findings(on=date(2025, 1, 1))
    assert {(f.processor, f.code) for f in findings} == {
        ("Mailhost", "NO_ART28_AGREEMENT"),
        ("Archief", "AGREEMENT_AFTER_START"),
        ("Cloudco", "NO_TRANSFER_MECHANISM"),
    }
    assert {f.clause for f in findings} == {"A6-8"}
    assert [p.name for p in overview.active_on(date(2024, 5, 1))] == [
        "Cevi",
        "Mailhost",
        "Archief",
        "Cloudco",
        "Oud",
    ]


def test_a_processor_change_updates_the_overview_and_is_notified() -> None:
    overview = ProcessorOverview(
        party="recipient", as_of=date(2025, 1, 1), processors=(processor(),)
    )
    added = ProcessorChangeNotice(
        notice_id="verw-1",
        given_at=datetime(2025, 3, 1, 9, tzinfo=BRUSSELS),
        change="added",
        processor=processor(
            "Backupco", since=date(2025, 3, 1), art28_agreement_on=date(2025, 2, 20)
        ),
    )
    after = overview.with_change(added)
    assert [p.name for p in after.processors] == ["Cevi", "Backupco"]
    assert after.as_of == date(2025, 3, 1)
    text = body(mail.processor_change_email(added))
    assert "nieuwe verwerker" in text
    assert "Backupco" in text
    assert "20-02-2025" in text
    removed = added.model_copy(update={"change": "removed", "notice_id": "verw-2"})
    assert [p.name for p in after.with_change(removed).processors] == ["Cevi"]
    with pytest.raises(InvalidInput) as caught:
        after.with_change(added)
    assert caught.value.codes == {"ALREADY_LISTED"}
    with pytest.raises(InvalidInput) as caught:
        overview.with_change(removed)
    assert caught.value.codes == {"NOT_LISTED"}


def test_an_overview_lists_each_processor_once_and_periods_make_sense() -> None:
    with pytest.raises(InvalidInput) as caught:
        ProcessorOverview(
            party="recipient", as_of=date(2025, 1, 1), processors=(processor(), processor("CEVI"))
        )
    assert caught.value.codes == {"DUPLICATE_PROCESSOR"}
    with pytest.raises(InvalidInput) as caught:
        processor(until=date(2024, 1, 1))
    assert caught.value.codes == {"ENDS_BEFORE_START"}


# --- A6-4 to A6-7: the evidence checklist -----------------------------------------------------


def test_a_blank_checklist_asks_for_the_four_proofs() -> None:
    checklist = evidence_checklist()
    assert [(i.code, i.clause) for i in checklist.items] == [
        ("security_policy", "A6-4"),
        ("security_plan", "A6-4"),
        ("dpo", "A6-5"),
        ("register_entry", "A6-6"),
    ]
    assert checklist.dpo_email == TORHOUT.recipient.dpo_email
    assert not checklist.complete
    assert checklist.missing == ("security_policy", "security_plan", "dpo", "register_entry")


def test_the_checklist_is_filled_requested_and_handed_over() -> None:
    checklist = evidence_checklist()
    with pytest.raises(InvalidInput) as caught:
        checklist.requested(date(2025, 5, 1)).handed_over(date(2025, 5, 2))
    assert caught.value.codes == {"EVIDENCE_MISSING"}
    filled = checklist
    for code, document in [
        ("security_policy", "IV-beleid 2024, raadsbesluit 2024/117"),
        ("security_plan", "Veiligheidsplan 2024-2026"),
        ("dpo", "Aanstelling DPO, besluit vast bureau 2023/45"),
        ("register_entry", "Register verwerkingsactiviteiten, fiche 37"),
    ]:
        filled = filled.fill(code, document=document, dated=date(2024, 3, 1))  # type: ignore[arg-type]
    assert filled.complete
    done = filled.requested(date(2025, 5, 1)).handed_over(date(2025, 5, 2))
    assert (done.requested_on, done.handed_over_on) == (date(2025, 5, 1), date(2025, 5, 2))
    text = body(mail.evidence_email(done, sent_at=datetime(2025, 5, 2, 9, tzinfo=BRUSSELS)))
    assert "Veiligheidsplan 2024-2026 (01-03-2024)" in text
    assert "kurt.persyn@torhout.be" in text


def test_proof_may_be_handed_over_unasked_and_must_hold_every_item() -> None:
    # A6-7 obliges the OCMW to hand the proof over on request; it forbids nothing unasked.
    unasked = EvidenceChecklist.model_validate(
        evidence_checklist().model_dump() | {"handed_over_on": date(2025, 5, 2)}
    )
    assert (unasked.requested_on, unasked.handed_over_on) == (None, date(2025, 5, 2))
    with pytest.raises(InvalidInput) as caught:
        EvidenceChecklist.model_validate(
            evidence_checklist().model_dump()
            | {"items": evidence_checklist().model_dump()["items"][:3]}
        )
    assert caught.value.codes == {"ITEMS_INCOMPLETE"}


# --- every code has its label in both languages ---------------------------------------------


@pytest.mark.parametrize(
    ("alias", "family"),
    [
        (Cause, "breach.cause"),
        (Consequence, "breach.consequence"),
        (Measure, "breach.measure"),
        (QualityKind, "quality.kind"),
        (QualityOutcome, "quality.outcome"),
        (QualityMeasure, "quality.measure"),
        (LegislationAspect, "legislation.aspect"),
    ],
)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_code_has_a_label(alias: object, family: str, lang: Lang) -> None:
    found = labels(family, get_args(alias), lang)
    assert set(found) == set(get_args(alias))
    assert all(label.strip() for label in found.values())


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_data_item_has_a_label(lang: Lang) -> None:
    assert set(labels("data_item", list(DataItem), lang)) == set(DataItem)


def test_delays_are_measured_in_elapsed_time_across_daylight_saving() -> None:
    found = datetime(2025, 10, 26, 2, 50, tzinfo=BRUSSELS)  # summer time, 00:50 UTC
    told = datetime(2025, 10, 26, 2, 10, fold=1, tzinfo=BRUSSELS)  # winter time, 01:10 UTC
    notice = quality(found_at=found, notified_at=told)
    assert notice.delay == timedelta(minutes=20)


OCMW_DPO = "DPO OCMW Torhout <kurt.persyn@torhout.be>"
OPGROEIEN_DPO = "DPO Opgroeien regie <dpo@opgroeien.be>"


def _every_notice_email() -> dict[str, EmailMessage]:
    at = datetime(2025, 3, 1, 9, tzinfo=BRUSSELS)
    notice = quality(notice_id="kwal-1", found_at=at, notified_at=at)
    ending = TerminationNotice(
        notice_id="einde-1", ground="notice", given_by="sender", given_on=date(2025, 3, 1)
    )
    law = LegislationChangeNotice(
        notice_id="wet-1",
        given_at=at,
        legislation="decreet van 1 januari 2026",
        affects={"purpose"},
    )
    change = ProcessorChangeNotice(
        notice_id="verw-1", given_at=at, change="added", processor=processor(since=date(2025, 3, 1))
    )
    answer = notice.answer(at=at, outcome="corrected", measures={"corrected_at_source"})
    return {
        "quality": mail.quality_notice_email(notice),
        "quality-answer": mail.quality_answer_email(answer),
        "termination": mail.termination_email(ending, sent_at=at),
        "legislation": mail.legislation_change_email(law),
        "processor": mail.processor_change_email(change),
        "evidence": mail.evidence_email(evidence_checklist(), sent_at=at),
    }


def test_every_notice_email_goes_from_its_sides_dpo_to_the_others() -> None:
    """The one builder (``_text._mail.notice_message``) derives the route from the side that
    sends (A9-4) and names the Message-ID after the notice, at the sender's domain."""
    routes = {
        kind: (message["From"], message["To"], message["Message-ID"])
        for kind, message in _every_notice_email().items()
    }
    assert routes == {
        "quality": (OCMW_DPO, OPGROEIEN_DPO, "<quality.kwal-1@torhout.be>"),
        "quality-answer": (OPGROEIEN_DPO, OCMW_DPO, "<quality-answer.kwal-1@opgroeien.be>"),
        "termination": (OPGROEIEN_DPO, OCMW_DPO, "<termination.einde-1@opgroeien.be>"),
        "legislation": (OCMW_DPO, OPGROEIEN_DPO, "<legislation.wet-1@torhout.be>"),
        "processor": (OCMW_DPO, OPGROEIEN_DPO, "<processor.verw-1@torhout.be>"),
        "evidence": (
            OCMW_DPO,
            OPGROEIEN_DPO,
            "<evidence.opgroeien-regie-ocmw-torhout-2024.202503010900@torhout.be>",
        ),
    }
