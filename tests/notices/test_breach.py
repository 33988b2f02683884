"""Breach notices: GDPR art. 33(3) content, the 72-hour deadline, ENISA severity, art. 34, the
register and the e-mail to the other party's DPO (A9-1 to A9-4)."""

from __future__ import annotations

import inspect
import json
import re
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from protocol_share import TORHOUT, InvalidInput, breach_register, breach_register_record
from protocol_share._time import BRUSSELS
from protocol_share.clientdata._fields import ClientData
from protocol_share.notices import (
    REFERRAL_CONTEXT_RAISE,
    BreachNotice,
    authority_deadline,
    authority_status,
    breach_notice_email,
    enisa_severity,
)
from protocol_share.notices._breach import notifying_party, other_party
from protocol_share.protocol._parts import Party, SupervisoryAuthority
from protocol_share.strategies import breach_notices, client_data
from tests.notices.notices_support import body

AWARE = datetime(2025, 5, 12, 8, 30, tzinfo=BRUSSELS)


def notice(**changes: Any) -> BreachNotice:
    data: dict[str, Any] = {
        "notice_id": "lek-2025-07",
        "reporter": "recipient",
        "aware_at": AWARE,
        "issued_at": AWARE + timedelta(hours=2),
        "cause": "misdirected_email",
        "confidentiality": "known_recipients",
        "data_items": {"name", "address", "phone"},
        "data_subjects": 4,
        "records": 5,
        "both_parties_affected": True,
    }
    return BreachNotice.model_validate(data | changes)


# --- the 72-hour deadline and the overdue check (GDPR art. 33(1)) ------------------------


def test_the_deadline_is_72_hours_after_awareness() -> None:
    assert authority_deadline(notice()) == AWARE + timedelta(hours=72)
    assert authority_deadline(notice()).tzinfo == BRUSSELS


@pytest.mark.parametrize(
    ("aware", "deadline"),
    [
        # Summer time starts on 30 March 2025: 72 elapsed hours end at 23:00 local, not 22:00.
        (datetime(2025, 3, 28, 22, 0, tzinfo=BRUSSELS), "2025-03-31T23:00:00+02:00"),
        # Winter time returns on 26 October 2025: the local clock shows one hour less.
        (datetime(2025, 10, 25, 12, 0, tzinfo=BRUSSELS), "2025-10-28T11:00:00+01:00"),
        (datetime(2025, 10, 25, 12, 0, tzinfo=UTC), "2025-10-28T13:00:00+01:00"),
    ],
)
def test_the_deadline_counts_elapsed_hours_across_daylight_saving(
    aware: datetime, deadline: str
) -> None:
    result = authority_deadline(notice(aware_at=aware, issued_at=aware))
    assert result.isoformat() == deadline
    # Same-zone subtraction is wall-clock in Python; elapsed time is measured in UTC.
    assert result.astimezone(UTC) - aware.astimezone(UTC) == timedelta(hours=72)


def test_the_status_is_due_before_the_deadline() -> None:
    status = authority_status(notice(), at=AWARE + timedelta(hours=71))
    assert status.code == "DUE"
    assert not status.overdue
    assert status.remaining == timedelta(hours=1)
    assert status.authority.short_name == "VTC"


def test_an_overdue_notification_asks_for_the_reasons_of_delay() -> None:
    status = authority_status(notice(), at=AWARE + timedelta(hours=72, seconds=1))
    assert status.code == "OVERDUE_GIVE_REASONS"
    assert status.overdue
    assert status.reasons_of_delay_needed
    assert "33(1)" in status.message_en
    assert "redenen van de vertraging" in status.message_nl
    assert status.remaining == timedelta(0)


def test_a_late_notification_needs_recorded_reasons() -> None:
    late = notice(authority_notified_at=AWARE + timedelta(hours=80))
    at = AWARE + timedelta(days=5)
    assert authority_status(late, at=at).code == "LATE_GIVE_REASONS"
    explained = late.supplement(at=at, delay_reasons="De omvang bleek pas na onderzoek.")
    assert authority_status(explained, at=at).code == "LATE_WITH_REASONS"
    assert not authority_status(explained, at=at).reasons_of_delay_needed
    on_time = notice(authority_notified_at=AWARE + timedelta(hours=72))
    assert authority_status(on_time, at=at).code == "NOTIFIED_IN_TIME"


def test_the_authority_is_a_protocol_setting() -> None:
    gba = SupervisoryAuthority(
        short_name="GBA",
        name="Gegevensbeschermingsautoriteit",
        email="contact@apd-gba.be",
        website="https://www.gegevensbeschermingsautoriteit.be",
    )
    host = TORHOUT.model_copy(update={"supervisory_authority": gba})
    status = authority_status(notice(), at=AWARE, protocol=host)
    assert status.authority == gba
    assert "GBA" in status.message_en
    assert "GBA" in body(breach_notice_email(notice(), protocol=host))


def test_the_check_refuses_naive_or_earlier_times() -> None:
    with pytest.raises(InvalidInput) as caught:
        authority_status(notice(), at=datetime(2025, 5, 13, 9))
    assert caught.value.codes == {"NAIVE_DATETIME"}
    with pytest.raises(InvalidInput) as caught:
        authority_status(notice(), at=AWARE - timedelta(minutes=1))
    assert caught.value.codes == {"AT_BEFORE_AWARE"}


# --- ENISA severity and article 34 ------------------------------------------------------

EI = {"negligible": 0.25, "limited": 0.5, "significant": 0.75, "maximum": 1.0}
CB = {
    "none": 0.0,
    "known_recipients": 0.25,
    "unknown_recipients": 0.5,
    "recoverable": 0.25,
    "unrecoverable": 0.5,
    "temporary": 0.25,
    "permanent": 0.5,
}


def band(score: float) -> str:
    return "low" if score < 2 else "medium" if score < 3 else "high" if score < 4 else "very_high"


def test_the_referral_context_raises_simple_data_by_one_step() -> None:
    assert REFERRAL_CONTEXT_RAISE == 1
    assert enisa_severity().dpc == 2
    assert enisa_severity(context_raise=0).dpc == 1
    assert enisa_severity(category="sensitive").dpc == 4  # never above 4
    assert enisa_severity(context_raise=-3).dpc == 1  # never below 1


@pytest.mark.parametrize(
    ("kwargs", "score", "level"),
    [
        ({"context_raise": 0, "ease_of_identification": "limited"}, 0.5, "low"),
        ({"confidentiality": "known_recipients", "context_raise": 0}, 1.25, "low"),
        (
            {"ease_of_identification": "significant", "confidentiality": "known_recipients"},
            1.75,
            "low",
        ),
        ({}, 2.0, "medium"),
        ({"confidentiality": "unknown_recipients", "integrity": "recoverable"}, 2.75, "medium"),
        ({"confidentiality": "unknown_recipients", "malicious": True}, 3.0, "high"),
        ({"category": "financial", "availability": "temporary"}, 4.25, "very_high"),
        ({"category": "behavioural", "context_raise": 2}, 4.0, "very_high"),
    ],
)
def test_enisa_scores_and_bands(kwargs: dict[str, Any], score: float, level: str) -> None:
    severity = enisa_severity(**kwargs)
    assert severity.score == score
    assert severity.level == level


@given(
    st.sampled_from(["simple", "behavioural", "financial", "sensitive"]),
    st.integers(-3, 3),
    st.sampled_from(sorted(EI)),
    st.sampled_from(["none", "known_recipients", "unknown_recipients"]),
    st.sampled_from(["none", "recoverable", "unrecoverable"]),
    st.sampled_from(["none", "temporary", "permanent"]),
    st.booleans(),
)
def test_severity_is_dpc_times_ei_plus_cb(
    category: str,
    raise_: int,
    ei: str,
    confidentiality: str,
    integrity: str,
    availability: str,
    malicious: bool,
) -> None:
    severity = enisa_severity(
        category=category,  # type: ignore[arg-type]
        context_raise=raise_,
        ease_of_identification=ei,  # type: ignore[arg-type]
        confidentiality=confidentiality,  # type: ignore[arg-type]
        integrity=integrity,  # type: ignore[arg-type]
        availability=availability,  # type: ignore[arg-type]
        malicious=malicious,
    )
    base = {"simple": 1, "behavioural": 2, "financial": 3, "sensitive": 4}[category]
    dpc = min(4, max(1, base + raise_))
    cb = CB[confidentiality] + CB[integrity] + CB[availability] + (0.5 if malicious else 0)
    assert (severity.dpc, severity.ei, severity.cb) == (dpc, EI[ei], cb)
    assert severity.score == dpc * EI[ei] + cb
    assert severity.level == band(severity.score)
    assert severity.tell_data_subjects == (severity.level in {"high", "very_high"})
    assert severity.notify_authority == (severity.level != "low")


def test_high_risk_means_telling_the_data_subjects() -> None:
    severity = enisa_severity(confidentiality="unknown_recipients", malicious=True)
    assert severity.level == "high"
    assert severity.tell_data_subjects
    assert severity.exemption is None
    assert "34(1)" in severity.message_en


def test_encrypted_data_with_an_intact_password_are_exempt_under_34_3_a() -> None:
    exempt = enisa_severity(confidentiality="unknown_recipients", malicious=True, encrypted=True)
    assert exempt.level == "high"
    assert not exempt.tell_data_subjects
    assert exempt.exemption == "GDPR art. 34(3)(a)"
    assert "34(3)(a)" in exempt.message_en
    compromised = enisa_severity(
        confidentiality="unknown_recipients", malicious=True, encrypted=True, key_compromised=True
    )
    assert compromised.tell_data_subjects
    assert compromised.exemption is None


def test_a_key_without_encryption_and_unknown_scales_are_refused() -> None:
    with pytest.raises(InvalidInput) as caught:
        enisa_severity(key_compromised=True)
    assert caught.value.codes == {"NO_KEY"}
    with pytest.raises(InvalidInput) as caught:
        enisa_severity(confidentiality="everyone")  # type: ignore[arg-type]
    assert {p.path for p in caught.value.problems} == {"confidentiality"}


def test_the_notice_assesses_itself_with_its_own_circumstances() -> None:
    severity = notice(confidentiality="unknown_recipients", malicious=True).severity()
    assert (severity.dpc, severity.cb, severity.level) == (2, 1.0, "high")
    assert notice().severity(context_raise=0).level == "low"


# --- the notice itself (GDPR art. 33(3), 33(4); A9-1) -------------------------------------


def test_the_notice_holds_the_art_33_3_content() -> None:
    n = notice(
        consequences={"stigmatisation"},
        measures_taken={"deletion_requested"},
        measures_proposed={"staff_instructed"},
        integrity="recoverable",
    )
    assert n.nature == {"confidentiality", "integrity"}
    assert n.data_items == {"name", "address", "phone"}
    assert (n.data_subjects, n.records, n.counts_approximate) == (4, 5, True)
    assert notifying_party(n).dpo_email == "kurt.persyn@torhout.be"
    assert other_party(n).dpo_email == "dpo@opgroeien.be"


def test_only_a_breach_affecting_both_parties_must_be_notified_to_the_other() -> None:
    assert notice(both_parties_affected=True).other_party_must_be_notified
    assert not notice(both_parties_affected=False).other_party_must_be_notified


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"confidentiality": "none"}, "NO_LOSS"),
        ({"occurred_at": AWARE + timedelta(minutes=1)}, "OCCURRED_AFTER_AWARE"),
        ({"issued_at": AWARE - timedelta(minutes=1)}, "ISSUED_BEFORE_AWARE"),
        ({"authority_notified_at": AWARE - timedelta(hours=1)}, "NOTIFIED_BEFORE_AWARE"),
        ({"key_compromised": True}, "NO_KEY"),
        ({"data_items": set()}, "TOO_SHORT"),
        ({"aware_at": datetime(2025, 5, 12, 8, 30)}, "TIMEZONE_AWARE"),
        ({"changed": {"colour"}}, "UNKNOWN_FIELD"),
        ({"facts": "rijksregisternummer 85.07.30-033.28"}, "FORBIDDEN_IDENTIFIER"),
        ({"client_name": "Jan"}, "EXTRA_FORBIDDEN"),
    ],
)
def test_an_invalid_notice_is_refused_without_echoing_values(
    changes: dict[str, Any], code: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        notice(**changes)
    assert code in caught.value.codes
    assert "85.07.30-033.28" not in str(caught.value)
    assert "Jan" not in str(caught.value)


def test_supplements_come_in_phases_with_the_same_deadline() -> None:
    first = notice()
    second = first.supplement(
        at=AWARE + timedelta(hours=30), data_subjects=40, records=41, consequences={"phishing"}
    )
    third = second.supplement(at=AWARE + timedelta(hours=50), measures_taken={"password_changed"})
    assert [n.phase for n in (first, second, third)] == [1, 2, 3]
    assert second.changed == {"data_subjects", "records", "consequences"}
    assert third.changed == {"measures_taken"}
    assert third.data_subjects == 40  # earlier phases' information stays
    assert authority_deadline(third) == authority_deadline(first)
    assert third.issued_at == AWARE + timedelta(hours=50)


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"aware_at": AWARE + timedelta(hours=1)}, "FIXED_FIELD"),
        ({"notice_id": "lek-2"}, "FIXED_FIELD"),
        ({"data_subjects": -1}, "GREATER_THAN_EQUAL"),
    ],
)
def test_a_supplement_cannot_rewrite_the_notice(changes: dict[str, Any], code: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        notice().supplement(at=AWARE + timedelta(hours=3), **changes)
    assert code in caught.value.codes


def test_a_supplement_cannot_predate_the_phase_it_supplements() -> None:
    with pytest.raises(InvalidInput) as caught:
        notice().supplement(at=AWARE + timedelta(hours=1), records=6)
    assert caught.value.codes == {"SUPPLEMENT_BEFORE_NOTICE"}


# --- the breach register (GDPR art. 33(5)) -------------------------------------------------


def test_every_notice_is_registered_notified_or_not() -> None:
    at = AWARE + timedelta(days=10)
    quiet = notice(
        notice_id="lek-2025-08",
        aware_at=AWARE - timedelta(days=1),
        issued_at=AWARE,
        both_parties_affected=False,
        ease_of_identification="negligible",
        facts="Een usb-stick werd teruggevonden.",
        referral_ids=("ref-17",),
    )
    notified = notice(
        authority_notified_at=AWARE + timedelta(hours=20),
        other_party_notified_at=AWARE + timedelta(hours=3),
    )
    records = breach_register([notified, quiet, notified.supplement(at=at, records=9)], at=at)
    assert [(r["notice_id"], r["phase"]) for r in records] == [
        ("lek-2025-08", 1),
        ("lek-2025-07", 1),
        ("lek-2025-07", 2),
    ]
    # Its own assessment rates it unlikely to result in a risk: never overdue (art. 33(1)).
    assert records[0]["authority"]["status"] == "NOT_REQUIRED_DOCUMENT_DECISION"
    assert records[0]["authority"]["recommended"] is False
    assert records[0]["other_party"]["required"] is False
    assert records[0]["facts"] == "Een usb-stick werd teruggevonden."
    assert records[0]["referral_ids"] == ["ref-17"]
    assert records[1]["authority"]["status"] == "NOTIFIED_IN_TIME"
    assert records[1]["other_party"]["notified_at"] == notified.other_party_notified_at.isoformat()  # type: ignore[union-attr]
    assert records[2]["changed"] == ["records"]
    json.dumps(records)  # JSON-ready


@given(breach_notices())
def test_a_register_record_is_json_and_carries_the_assessment(n: BreachNotice) -> None:
    at = n.issued_at.astimezone(UTC) + timedelta(days=1)
    record = breach_register_record(n, at=at)
    assert json.loads(json.dumps(record)) == record
    severity = n.severity()
    assert record["severity"]["level"] == severity.level
    assert record["authority"]["deadline"] == authority_deadline(n).isoformat()
    assert record["data_subjects_told"]["recommended"] == severity.tell_data_subjects


# --- the e-mail to the other party's DPO (A9-1, A9-4) ----------------------------------------


def test_the_email_goes_from_dpo_to_dpo_with_addresses_from_the_protocol() -> None:
    message = breach_notice_email(notice())
    assert message["From"] == "DPO OCMW Torhout <kurt.persyn@torhout.be>"
    assert message["To"] == "DPO Opgroeien regie <dpo@opgroeien.be>"
    reverse = breach_notice_email(notice(reporter="sender"))
    assert reverse["From"] == "DPO Opgroeien regie <dpo@opgroeien.be>"
    assert reverse["To"] == "DPO OCMW Torhout <kurt.persyn@torhout.be>"
    other = TORHOUT.model_copy(
        update={
            "sender": Party.model_validate(
                TORHOUT.sender.model_dump() | {"dpo_email": "privacy@opgroeien.be"}
            )
        }
    )
    assert "privacy@opgroeien.be" in breach_notice_email(notice(), protocol=other)["To"]


def test_the_email_is_dutch_with_categories_counts_and_the_assessment() -> None:
    n = notice(
        data_subjects=12,
        records=14,
        consequences={"disclosure_of_social_situation"},
        measures_taken={"deletion_requested"},
        joint_consultation=True,
    )
    text = body(breach_notice_email(n))
    assert "Aantal betrokkenen (bij benadering): 12" in text
    assert "Aantal gegevensrecords (bij benadering): 14" in text
    assert "voornaam en naam" in text
    assert "telefoonnummer" in text
    assert "e-mailadres" not in text  # not among the data items
    assert "bekendmaking van de sociale situatie" in text
    assert "uiterlijk 15-05-2025 om 08:30" in text
    assert "Vlaamse Toezichtcommissie" in text
    assert "samen te overleggen" in text  # A9-2
    assert "beveiligingsmaatregelen te verbeteren" in text  # A9-3
    assert "Ernst volgens de ENISA-methode (2013): gemiddeld" in text
    assert breach_notice_email(n)["Content-Language"] == "nl"
    assert "fase 2" in body(breach_notice_email(n.supplement(at=AWARE + timedelta(hours=5))))


def _values(client: ClientData) -> list[str]:
    values = [client.first_name, client.last_name, client.address.street]
    values.append(f"{client.address.street} {client.address.house_number}")
    if client.phone:
        values += [client.phone, client.phone.removeprefix("+32")]
    if client.email:
        values.append(client.email)
    return values


@given(breach_notices(), st.lists(client_data(), min_size=1, max_size=3))
def test_every_breach_notice_email_is_free_of_client_data(
    n: BreachNotice, clients: list[ClientData]
) -> None:
    # The register-only fields carry the clients' data; none of it may reach the e-mail.
    leaked = "; ".join(f"{c.first_name} {c.last_name}, {c.address.street}" for c in clients)
    n = n.model_copy(update={"facts": leaked, "delay_reasons": leaked})
    message = breach_notice_email(n)
    # The Date header is left out: "Jan" the surname would match "01 Jan 2025" the month.
    headers = "\n".join(f"{k}: {v}" for k, v in message.items() if k != "Date")
    text = body(message) + "\n" + headers
    assert message["Date"] == format_datetime(n.issued_at.astimezone(BRUSSELS))
    for client in clients:
        for value in _values(client):
            assert not re.search(rf"(?<!\w){re.escape(value)}(?!\w)", text), "client data leaked"
    for referral_id in n.referral_ids:
        assert referral_id not in text
    assert n.notice_id in message["Subject"]


# --- the command line: protocol-share breach FILE.json ---------------------------------------


def run(*argv: str) -> tuple[int, str, str]:
    import io

    from protocol_share.cli import main

    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_the_breach_command_gives_the_register_record_and_the_email(tmp_path: Path) -> None:
    path = tmp_path / "lek.json"
    path.write_text(notice().model_dump_json(), encoding="utf-8")
    code, out, err = run(
        "breach", str(path), "--at", "2025-05-12T12:00:00+02:00", "--json", "--email"
    )
    assert (code, err) == (0, "")
    record = json.loads(out)
    assert record["authority"]["status"] == "DUE"
    assert record["severity"]["level"] == "medium"
    assert "Subject: Melding gegevenslek lek-2025-07" in record["email"]
    code, out, _ = run("breach", str(path), "--at", "2025-05-12T12:00:00+02:00")
    assert code == 0
    assert "termijn VTC: 2025-05-15T08:30:00+02:00" in out
    assert "ernst (ENISA): gemiddeld;" in out
    assert "verwittigen: verplicht (A9-1)" in out
    code, out, _ = run("breach", str(path), "--at", "2025-05-12T12:00:00+02:00", "--lang", "en")
    assert "VTC deadline: 2025-05-15T08:30:00+02:00" in out
    assert "severity (ENISA): medium;" in out
    assert "required (A9-1)" in out


def test_the_breach_command_exits_1_when_the_notification_is_overdue(tmp_path: Path) -> None:
    path = tmp_path / "lek.json"
    path.write_text(notice().model_dump_json(), encoding="utf-8")
    code, out, _ = run("breach", str(path), "--at", "2025-05-20T12:00:00+02:00")
    assert code == 1
    assert "OVERDUE_GIVE_REASONS" in out


def test_the_breach_command_refuses_an_invalid_notice_with_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "lek.json"
    data = json.loads(notice().model_dump_json()) | {"client": "Jan Peeters"}
    path.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run("breach", str(path), "--at", "2025-05-20T12:00:00+02:00")
    assert code == 2
    assert "client" in err
    assert "Peeters" not in err


def test_times_in_the_repeated_hour_are_compared_as_instants() -> None:
    # 26 October 2025: 02:50 summer time (00:50 UTC) comes before 02:10 winter time (01:10 UTC).
    aware = datetime(2025, 10, 26, 2, 50, tzinfo=BRUSSELS)
    later = datetime(2025, 10, 26, 2, 10, fold=1, tzinfo=BRUSSELS)
    n = notice(aware_at=aware, issued_at=later)
    status = authority_status(n, at=later)
    assert status.remaining == timedelta(hours=72) - timedelta(minutes=20)
    with pytest.raises(InvalidInput) as caught:
        notice(aware_at=later, issued_at=aware)
    assert caught.value.codes == {"ISSUED_BEFORE_AWARE"}


def test_the_register_orders_notices_by_instant_across_the_clock_change() -> None:
    # 2024-10-27 in Brussels: 02:50 (fold=0) is 00:50Z, 02:40 (fold=1) is 01:40Z.
    earlier = notice(notice_id="lek-b", aware_at=datetime(2024, 10, 27, 2, 50, tzinfo=BRUSSELS))
    later = notice(
        notice_id="lek-a", aware_at=datetime(2024, 10, 27, 2, 40, tzinfo=BRUSSELS, fold=1)
    )
    at = datetime(2024, 10, 28, tzinfo=UTC)
    records = breach_register([later, earlier], at=at)
    assert [r["notice_id"] for r in records] == ["lek-b", "lek-a"]


CLAUSE_ID = re.compile(r"\b(C-\d|A\d+-\d+)\b")


def test_every_public_name_cites_the_clause_it_serves() -> None:
    import protocol_share.notices as breach

    for name in breach.__all__:
        value = getattr(breach, name)
        if inspect.isclass(value) or inspect.isfunction(value):
            assert CLAUSE_ID.search(value.__doc__ or ""), name


# --- art. 33(1) and 33(5): no notification for a breach unlikely to result in a risk --------


@given(
    ease=st.sampled_from(["negligible", "limited", "significant", "maximum"]),
    confidentiality=st.sampled_from(["none", "known_recipients", "unknown_recipients"]),
    availability=st.sampled_from(["none", "temporary", "permanent"]),
    raise_=st.integers(-3, 3),
    hours=st.integers(0, 24 * 400),
)
def test_a_breach_rated_unlikely_to_result_in_a_risk_is_never_overdue(
    ease: str, confidentiality: str, availability: str, raise_: int, hours: int
) -> None:
    if (confidentiality, availability) == ("none", "none"):
        availability = "temporary"
    breach = notice(
        ease_of_identification=ease,
        confidentiality=confidentiality,
        availability=availability,
        context_raise=raise_,
    )
    status = authority_status(breach, at=AWARE + timedelta(hours=hours))
    assert status.recommended == breach.severity().notify_authority
    if not status.recommended:
        assert status.code == "NOT_REQUIRED_DOCUMENT_DECISION"
        assert not status.overdue
        assert not status.reasons_of_delay_needed
    elif hours > 72:
        assert status.code == "OVERDUE_GIVE_REASONS"


def test_a_documented_decision_not_to_notify_is_never_overdue() -> None:
    reasons = "Versleuteld pakket, sleutel niet gelekt."
    decided = notice(not_notifying_reasons=reasons)
    status = authority_status(decided, at=AWARE + timedelta(days=30))
    assert (status.code, status.overdue, status.reasons_of_delay_needed) == (
        "NOT_NOTIFYING_DOCUMENTED",
        False,
        False,
    )
    record = breach_register_record(decided, at=AWARE + timedelta(days=30))
    assert record["authority"]["not_notifying_reasons"] == reasons
    text = body(breach_notice_email(decided, lang="en"))
    assert "decision not to notify is documented" in text
    assert reasons not in text  # register only, never in the e-mail
    assert reasons not in repr(decided)
    with pytest.raises(InvalidInput) as caught:
        notice(
            not_notifying_reasons="Geen risico.",
            authority_notified_at=AWARE + timedelta(hours=3),
        )
    assert caught.value.codes == {"NOTIFIED_ANYWAY"}


@pytest.mark.parametrize("raise_", [-1, 0, 1, 2, 3])
def test_the_context_adjustment_is_one_setting_every_assessment_honours(raise_: int) -> None:
    breach = notice(context_raise=raise_, ease_of_identification="maximum")
    expected = enisa_severity(
        context_raise=raise_,
        ease_of_identification="maximum",
        confidentiality=breach.confidentiality,
    )
    assert breach.severity() == expected
    at = AWARE + timedelta(days=5)
    assert authority_status(breach, at=at).recommended == expected.notify_authority
    record = breach_register_record(breach, at=at)
    assert (record["severity"]["dpc"], record["severity"]["context_raise"]) == (
        expected.dpc,
        raise_,
    )
    assert f"DPC {expected.dpc} x" in body(breach_notice_email(breach, lang="en"))
    round_tripped = BreachNotice.model_validate_json(breach.model_dump_json())
    assert round_tripped.severity() == expected
