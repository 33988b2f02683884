"""The notices as e-mails in Dutch, built and never sent (A6-7, A7, A8-1, A9, A11).

Every message goes from one party's DPO to the other's, the contacts A9-4 names
(``protocol.sender.dpo_email``, ``protocol.recipient.dpo_email``), unless the caller gives
another address where the protocol names none. The messages carry codes, categories,
counts, dates and ids of notices; never a client's data. A breach notice's free text
(``facts``, ``delay_reasons``) and the ids of affected referrals stay in the breach register.
Subjects name the notice kind, its id and the protocol, nothing personal.

>>> from datetime import datetime, timezone
>>> from protocol_share.breach import BreachNotice
>>> notice = BreachNotice(
...     notice_id="lek-2025-01", reporter="recipient", cause="misdirected_email",
...     aware_at=datetime(2025, 3, 29, 22, tzinfo=timezone.utc),
...     issued_at=datetime(2025, 3, 30, 9, tzinfo=timezone.utc),
...     confidentiality="known_recipients", data_items={"name", "address"},
...     data_subjects=3, records=3, both_parties_affected=True,
... )
>>> message = breach_notice_email(notice)
>>> message["To"], message["Subject"]
('DPO Opgroeien regie <dpo@opgroeien.be>', 'Melding gegevenslek lek-2025-01 (fase 1) - protocol opgroeien-regie-ocmw-torhout-2024')
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from typing import Final

from pydantic import TypeAdapter

from protocol_share._time import BRUSSELS, require_aware
from protocol_share.breach import (
    BreachNotice,
    Cause,
    Consequence,
    Measure,
    authority_status,
    notifying_party,
    other_party,
)
from protocol_share.errors import InvalidInput
from protocol_share.fields import DataItem, Email
from protocol_share.notices import (
    EvidenceChecklist,
    LegislationAspect,
    LegislationChangeNotice,
    ProcessorChangeNotice,
    QualityAnswer,
    QualityKind,
    QualityMeasure,
    QualityNotice,
    QualityOutcome,
    TerminationNotice,
)
from protocol_share.protocol import Party, Protocol
from protocol_share.torhout import TORHOUT

__all__ = [
    "breach_notice_email",
    "evidence_email",
    "legislation_change_email",
    "processor_change_email",
    "quality_answer_email",
    "quality_notice_email",
    "termination_email",
]

DATA_ITEM_NL: Final[Mapping[DataItem, str]] = {
    DataItem.NAME: "voornaam en naam (art. 3, gegeven 1)",
    DataItem.ADDRESS: "adres (art. 3, gegeven 2)",
    DataItem.PHONE: "telefoonnummer (art. 3, gegeven 2)",
    DataItem.EMAIL: "e-mailadres (art. 3, gegeven 2)",
}
CAUSE_NL: Final[Mapping[Cause, str]] = {
    "misdirected_email": "e-mail aan een verkeerde ontvanger",
    "lost_or_stolen_device": "verloren of gestolen toestel",
    "unauthorised_access": "onbevoegde toegang",
    "hacking": "hacking",
    "malware": "malware",
    "wrong_password_sharing": "wachtwoord langs hetzelfde kanaal of aan de verkeerde persoon bezorgd",
    "human_error": "menselijke fout",
    "software_error": "softwarefout",
    "other": "andere oorzaak",
}
LOSS_NL: Final[Mapping[str, str]] = {
    "known_recipients": "verlies van vertrouwelijkheid: bekend geraakt bij een gekend aantal ontvangers",
    "unknown_recipients": "verlies van vertrouwelijkheid: bekend geraakt bij een onbekend aantal ontvangers",
    "recoverable": "verlies van integriteit: gegevens gewijzigd, herstelbaar",
    "unrecoverable": "verlies van integriteit: gegevens gewijzigd, niet herstelbaar",
    "temporary": "verlies van beschikbaarheid: tijdelijk",
    "permanent": "verlies van beschikbaarheid: blijvend",
}
CONSEQUENCE_NL: Final[Mapping[Consequence, str]] = {
    "disclosure_of_social_situation": "bekendmaking van de sociale situatie van het gezin",
    "stigmatisation": "stigmatisering",
    "unwanted_contact": "ongewenst contact",
    "phishing": "phishing",
    "identity_fraud": "identiteitsfraude",
    "loss_of_trust_in_assistance": "verlies van vertrouwen in de hulpverlening",
    "delay_of_assistance": "vertraging van de hulpverlening",
    "loss_of_control_over_data": "verlies van controle over de eigen gegevens",
}
MEASURE_NL: Final[Mapping[Measure, str]] = {
    "deletion_requested": "verzoek aan de ontvanger om de gegevens te verwijderen",
    "deletion_confirmed": "bevestiging van de verwijdering door de ontvanger",
    "password_changed": "wijziging van het wachtwoord",
    "access_revoked": "intrekking van toegang",
    "device_wiped": "wissen van het toestel op afstand",
    "data_restored": "herstel van de gegevens",
    "mailbox_secured": "beveiliging van de mailbox",
    "staff_instructed": "instructie van de medewerkers",
    "procedure_adjusted": "aanpassing van de procedure",
    "security_measures_reviewed": "herziening van de beveiligingsmaatregelen",
    "police_report_filed": "aangifte bij de politie",
    "data_subjects_informed": "inlichten van de betrokkenen",
}
QUALITY_KIND_NL: Final[Mapping[QualityKind, str]] = {
    "erroneous": "foutief",
    "inaccurate": "onnauwkeurig",
    "incomplete": "onvolledig",
    "missing": "ontbrekend",
    "outdated": "niet meer actueel",
    "excessive": "overtollig",
}
QUALITY_OUTCOME_NL: Final[Mapping[QualityOutcome, str]] = {
    "corrected": "de gegevens werden verbeterd",
    "deleted": "de gegevens werden verwijderd",
    "confirmed_correct": "de gegevens bleken correct",
    "cannot_verify": "de gegevens konden niet worden nagegaan",
}
QUALITY_MEASURE_NL: Final[Mapping[QualityMeasure, str]] = {
    "corrected_at_source": "verbeterd in de bron bij Opgroeien",
    "corrected_package_sent": "verbeterde gegevens bezorgd in een nieuw versleuteld pakket",
    "deletion_requested": "gevraagd de gegevens te verwijderen",
    "data_deleted_at_source": "verwijderd in de bron bij Opgroeien",
    "procedure_adjusted": "procedure aangepast",
    "staff_instructed": "medewerkers geïnstrueerd",
    "no_measure_needed": "geen maatregel nodig",
}
ASPECT_NL: Final[Mapping[LegislationAspect, str]] = {
    "purpose": "doeleinden",
    "proportionality": "proportionaliteit",
    "frequency": "frequentie",
    "duration": "duur",
    "legal_basis": "rechtsgrond",
    "data_items": "gegevens",
    "recipients": "ontvangers",
    "other": "andere",
}
_GROUND_NL: Final = {
    "breach": (
        "Opgroeien regie beëindigt het protocol eenzijdig, onmiddellijk en zonder "
        "voorafgaande ingebrekestelling, omdat de gegevens verwerkt worden in strijd met {what} "
        "(artikel 8 van het protocol)."
    ),
    "notice": (
        "Wij zeggen het protocol schriftelijk op met een opzeggingstermijn van {months} "
        "maanden (artikel 11 van het protocol)."
    ),
    "no_legal_basis": (
        "Het protocol is van rechtswege beëindigd omdat er geen rechtsgrond voor de "
        "doorgifte meer bestaat: {basis} (artikel 11 van het protocol)."
    ),
}
_BREACHED_NL: Final = {
    "protocol": "het protocol",
    "gdpr": "de AVG",
    "other_data_protection_law": "andere regelgeving inzake gegevensbescherming",
}
_LEVEL_NL: Final = {"low": "laag", "medium": "gemiddeld", "high": "hoog", "very_high": "zeer hoog"}
_EMAIL: Final = TypeAdapter(Email)
_CLOSING: Final = (
    "Dit bericht bevat geen persoonsgegevens van cliënten: enkel categorieën, aantallen en "
    "kenmerken van meldingen."
)


def _when(value: datetime) -> str:
    return f"{value.astimezone(BRUSSELS):%d-%m-%Y om %H:%M}"


def _day(value: date) -> str:
    return f"{value:%d-%m-%Y}"


def _dpo(party: Party) -> str:
    return formataddr((f"DPO {party.name}", party.dpo_email))


def _address(to: str | None, default: Party) -> str:
    if to is None:
        return _dpo(default)
    try:
        return _EMAIL.validate_python(to)
    except ValueError:
        raise InvalidInput.single(
            "arguments", "to", "INVALID_EMAIL", "is not a valid e-mail address"
        ) from None


def _message(
    *, subject: str, sender: Party, to: str, sent_at: datetime, msgid: str, body: str
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = _dpo(sender)
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(require_aware(sent_at, "sent_at").astimezone(BRUSSELS))
    domain = sender.dpo_email.rpartition("@")[2]
    message["Message-ID"] = f"<{msgid}@{domain}>"
    message.set_content(body, charset="utf-8")
    message["Content-Language"] = "nl"  # after set_content, which resets Content-* headers
    return message


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"  - {line}" for line in lines) if lines else "  - geen"


def _breach_body(notice: BreachNotice, protocol: Protocol) -> str:
    reporter, other = notifying_party(notice, protocol), other_party(notice, protocol)
    severity = notice.severity()
    status = authority_status(notice, at=notice.issued_at, protocol=protocol)
    losses = [
        LOSS_NL[level]
        for level in (notice.confidentiality, notice.integrity, notice.availability)
        if level != "none"
    ]
    approx = "bij benadering" if notice.counts_approximate else "exact"
    if notice.both_parties_affected:
        why = (
            "De inbreuk heeft gevolgen voor beide partijen; daarom melden wij ze u via de "
            "functionarissen voor gegevensbescherming (artikel 9 van het protocol)."
        )
    else:
        why = (
            "De inbreuk heeft volgens onze eerste beoordeling enkel gevolgen voor onze "
            "organisatie; wij informeren u vrijwillig (artikel 9 van het protocol)."
        )
    if notice.phase > 1:
        header = (
            f"Dit is fase {notice.phase}: een aanvulling op onze eerdere melding "
            "(artikel 33, lid 4, AVG)."
        )
    else:
        header = "Dit is de eerste melding; aanvullingen volgen zodra ze bekend zijn."
    if severity.tell_data_subjects:
        subjects = "aangewezen, wegens een hoog risico (artikel 34, lid 1, AVG)"
    elif severity.exemption:
        subjects = (
            "nee: de gegevens waren versleuteld en het wachtwoord is niet gecompromitteerd "
            "(artikel 34, lid 3, a), AVG)"
        )
    else:
        subjects = "nee: geen hoog risico voor de betrokkenen (artikel 34 AVG)"
    notified = notice.authority_notified_at
    authority = status.authority
    lines = [
        "Geachte functionaris voor gegevensbescherming,",
        "",
        f"{reporter.name} meldt u een inbreuk in verband met persoonsgegevens die gedeeld "
        f'worden onder het protocol "{protocol.title}".',
        why,
        header,
        "",
        f"Melding: {notice.notice_id}, fase {notice.phase}",
        f"Vastgesteld door {reporter.name} op: {_when(notice.aware_at)}",
        "Ontstaan op: " + (_when(notice.occurred_at) if notice.occurred_at else "nog niet bekend"),
        f"Oorzaak: {CAUSE_NL[notice.cause]}" + (" (met kwaad opzet)" if notice.malicious else ""),
        "Aard van de inbreuk:",
        _bullets(losses),
        "Betrokken categorieën van gegevens:",
        _bullets([DATA_ITEM_NL[item] for item in DataItem if item in notice.data_items]),
        f"Aantal betrokkenen ({approx}): {notice.data_subjects}",
        f"Aantal gegevensrecords ({approx}): {notice.records}",
        "Waarschijnlijke gevolgen:",
        _bullets([CONSEQUENCE_NL[c] for c in sorted(notice.consequences)]),
        "Genomen maatregelen:",
        _bullets([MEASURE_NL[m] for m in sorted(notice.measures_taken)]),
        "Voorgestelde maatregelen:",
        _bullets([MEASURE_NL[m] for m in sorted(notice.measures_proposed)]),
        "",
        f"Ernst volgens de ENISA-methode (2013): {_LEVEL_NL[severity.level]} "
        f"(SE = DPC {severity.dpc} x EI {severity.ei:g} + CB {severity.cb:g} = {severity.score:g}).",
        f"Melding aan de toezichthouder ({authority.name}, {authority.short_name}): uiterlijk "
        f"{_when(status.deadline)}; "
        + (
            f"gemeld op {_when(notified)}."
            if notified
            else ("aangewezen." if status.recommended else "volgens de beoordeling niet vereist.")
        ),
        f"Betrokkenen inlichten: {subjects}.",
        "",
    ]
    if notice.joint_consultation:
        lines.append(
            "Wij stellen voor onmiddellijk samen te overleggen om de gevolgen te beperken en "
            "te herstellen (artikel 9 van het protocol)."
        )
    lines += [
        "Wij delen alle informatie die nuttig is om de beveiligingsmaatregelen te verbeteren "
        "(artikel 9 van het protocol).",
        f"Contactpunt: de functionaris voor gegevensbescherming van {reporter.name}, "
        f"{reporter.dpo_email}.",
        f"Bestemd voor: de functionaris voor gegevensbescherming van {other.name}.",
        "",
        _CLOSING,
    ]
    return "\n".join(lines) + "\n"


def breach_notice_email(notice: BreachNotice, *, protocol: Protocol = TORHOUT) -> EmailMessage:
    """The breach notice to the other party's DPO, in Dutch (A9-1 to A9-4; GDPR art. 33(3)).

    From the reporting party's DPO to the other party's DPO (addresses from the protocol),
    dated ``notice.issued_at``. It carries the nature, data categories, approximate counts,
    likely consequences, measures, the ENISA level, the authority's deadline and the
    art. 34 advice; never a client's data, free text or referral ids.
    """
    return _message(
        subject=(
            f"Melding gegevenslek {notice.notice_id} (fase {notice.phase}) - protocol "
            f"{protocol.protocol_id}"
        ),
        sender=notifying_party(notice, protocol),
        to=_dpo(other_party(notice, protocol)),
        sent_at=notice.issued_at,
        msgid=f"breach.{notice.notice_id}.{notice.phase}",
        body=_breach_body(notice, protocol),
    )


def quality_notice_email(
    notice: QualityNotice, *, protocol: Protocol = TORHOUT, to: str | None = None
) -> EmailMessage:
    """The OCMW's quality notice to Opgroeien, in Dutch (A7-1): which referral, which data
    item, what is wrong, found by whom and when; never the value. To Opgroeien's DPO
    unless ``to`` names the address Opgroeien gave for such notices."""
    found_by = (
        "door onze organisatie zelf"
        if notice.found_by == "recipient"
        else "via de betrokkene (de cliënt)"
    )
    body = "\n".join(
        [
            "Geachte,",
            "",
            f"{protocol.recipient.name} meldt dat een gegeven van een verwijzing "
            f"{QUALITY_KIND_NL[notice.kind]} is (artikel 7 van het protocol).",
            "",
            f"Melding: {notice.notice_id}",
            f"Verwijzing: {notice.referral_id}",
            f"Gegeven: {DATA_ITEM_NL[notice.data_item]}",
            f"Vastgesteld {found_by} op: {_when(notice.found_at)}",
            "",
            "Wij vragen u dit te onderzoeken, binnen een redelijke termijn maatregelen te "
            "nemen en ons te informeren. Verbeterde gegevens bezorgt u in een nieuw "
            "versleuteld pakket, niet in een antwoord op dit bericht.",
            "",
            _CLOSING,
        ]
    )
    return _message(
        subject=f"Melding gegevenskwaliteit {notice.notice_id} - protocol {protocol.protocol_id}",
        sender=protocol.recipient,
        to=_address(to, protocol.sender),
        sent_at=notice.notified_at,
        msgid=f"quality.{notice.notice_id}",
        body=body + "\n",
    )


def quality_answer_email(
    answer: QualityAnswer, *, protocol: Protocol = TORHOUT, to: str | None = None
) -> EmailMessage:
    """Opgroeien's answer to a quality notice, in Dutch (A7-2): outcome and measures."""
    body = "\n".join(
        [
            "Geachte,",
            "",
            f"{protocol.sender.name} heeft uw melding {answer.notice_id} over verwijzing "
            f"{answer.referral_id} onderzocht (artikel 7 van het protocol).",
            "",
            f"Gegeven: {DATA_ITEM_NL[answer.data_item]}",
            f"Resultaat: {QUALITY_OUTCOME_NL[answer.outcome]}",
            "Maatregelen:",
            _bullets([QUALITY_MEASURE_NL[m] for m in sorted(answer.measures)]),
            "",
            _CLOSING,
        ]
    )
    return _message(
        subject=(
            f"Antwoord op melding gegevenskwaliteit {answer.notice_id} - protocol "
            f"{protocol.protocol_id}"
        ),
        sender=protocol.sender,
        to=_address(to, protocol.recipient),
        sent_at=answer.answered_at,
        msgid=f"quality-answer.{answer.notice_id}",
        body=body + "\n",
    )


def termination_email(
    notice: TerminationNotice, *, sent_at: datetime, protocol: Protocol = TORHOUT
) -> EmailMessage:
    """The written notice that ends the protocol, in Dutch (A8-1, A11-2, A11-3).

    It states the ground, the clause and the end date, and that data already received stay
    under their retention terms (A3-4 to A3-6). A registered letter may be what the parties
    require as "in writing"; this text serves for both.
    """
    sender = protocol.sender if notice.given_by == "sender" else protocol.recipient
    other = protocol.recipient if notice.given_by == "sender" else protocol.sender
    ground = _GROUND_NL[notice.ground].format(
        what=" en ".join(_BREACHED_NL[b] for b in sorted(notice.breached)),
        months=protocol.notice_months,
        basis=notice.lapsed_basis,
    )
    body = "\n".join(
        [
            "Geachte,",
            "",
            f'Betreft: het protocol "{protocol.title}".',
            "",
            ground,
            f"Kenmerk: {notice.notice_id}; gegeven op {_day(notice.given_on)}.",
            f"Het protocol is niet meer van kracht vanaf {_day(notice.ends_on(protocol))}. "
            "Vanaf die dag worden geen gegevens meer doorgegeven.",
            "Gegevens die al ontvangen werden, blijven bewaard of worden verwijderd volgens "
            "artikel 3 van het protocol; het einde van het protocol verkort noch verlengt die "
            "termijnen.",
            "",
            f"Met vriendelijke groeten,\n{sender.name}",
        ]
    )
    return _message(
        subject=f"Beëindiging protocol {protocol.protocol_id} ({notice.clause})",
        sender=sender,
        to=_dpo(other),
        sent_at=sent_at,
        msgid=f"termination.{notice.notice_id}",
        body=body + "\n",
    )


def legislation_change_email(
    notice: LegislationChangeNotice, *, protocol: Protocol = TORHOUT
) -> EmailMessage:
    """The OCMW tells Opgroeien of a change in the law that affects the protocol (A9-5)."""
    body = "\n".join(
        [
            "Geachte,",
            "",
            f"{protocol.recipient.name} meldt een wijziging in de regelgeving die gevolgen "
            "heeft voor het protocol (artikel 9 van het protocol).",
            "",
            f"Melding: {notice.notice_id}",
            f"Regelgeving: {notice.legislation}",
            "Van kracht vanaf: "
            + (_day(notice.in_force_on) if notice.in_force_on else "nog niet bekend"),
            "Raakt aan: "
            + ", ".join(label for a, label in ASPECT_NL.items() if a in notice.affects),
            "",
            "Wij stellen voor samen na te gaan of het protocol moet worden aangepast.",
        ]
    )
    return _message(
        subject=f"Wijziging regelgeving {notice.notice_id} - protocol {protocol.protocol_id}",
        sender=protocol.recipient,
        to=_dpo(protocol.sender),
        sent_at=notice.given_at,
        msgid=f"legislation.{notice.notice_id}",
        body=body + "\n",
    )


def processor_change_email(
    notice: ProcessorChangeNotice, *, protocol: Protocol = TORHOUT
) -> EmailMessage:
    """The OCMW tells Opgroeien of a change in its processors (A9-6, A6-8, A6-9)."""
    p = notice.processor
    change = {"added": "nieuwe verwerker", "removed": "verwerker stopt", "changed": "wijziging"}
    body = "\n".join(
        [
            "Geachte,",
            "",
            f"{protocol.recipient.name} meldt een wijziging bij zijn verwerkers (artikel 9 "
            "van het protocol) en werkt het overzicht van verwerkers bij (artikel 6).",
            "",
            f"Melding: {notice.notice_id}",
            f"Wijziging: {change[notice.change]}",
            f"Verwerker: {p.name}" + (f" (KBO {p.kbo})" if p.kbo else ""),
            f"Dienst: {p.service}",
            f"Land: {p.country}",
            "Verwerkersovereenkomst (artikel 28 AVG): "
            + (_day(p.art28_agreement_on) if p.art28_agreement_on else "nog niet gesloten"),
            f"Periode: vanaf {_day(p.since)}" + (f" tot {_day(p.until)}" if p.until else ""),
        ]
    )
    return _message(
        subject=f"Wijziging verwerkers {notice.notice_id} - protocol {protocol.protocol_id}",
        sender=protocol.recipient,
        to=_dpo(protocol.sender),
        sent_at=notice.given_at,
        msgid=f"processor.{notice.notice_id}",
        body=body + "\n",
    )


def evidence_email(
    checklist: EvidenceChecklist, *, sent_at: datetime, protocol: Protocol = TORHOUT
) -> EmailMessage:
    """The OCMW hands Opgroeien its proof of A6-4 to A6-6 on request (A6-7)."""
    lines = []
    for item in checklist.items:
        doc = item.document or "nog niet beschikbaar"
        dated = f" ({_day(item.dated)})" if item.dated else ""
        lines.append(f"{item.what_nl} [{item.clause}]: {doc}{dated}")
    body = "\n".join(
        [
            "Geachte,",
            "",
            f"Op uw vraag bezorgt {protocol.recipient.name} u de bewijsstukken die artikel 6 "
            "van het protocol vraagt.",
            "",
            _bullets(lines),
            f"Functionaris voor gegevensbescherming: {checklist.dpo_email}",
        ]
    )
    return _message(
        subject=f"Bewijsstukken artikel 6 - protocol {protocol.protocol_id}",
        sender=protocol.recipient,
        to=_dpo(protocol.sender),
        sent_at=sent_at,
        msgid=f"evidence.{protocol.protocol_id}.{sent_at.astimezone(BRUSSELS):%Y%m%d%H%M}",
        body=body + "\n",
    )
