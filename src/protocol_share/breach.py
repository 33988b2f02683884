"""Article 9 and GDPR art. 33, 34: data breach notices, their deadline and their severity.

A :class:`BreachNotice` holds what GDPR art. 33(3) asks of a notification: the nature of
the breach (which of confidentiality, integrity and availability was lost, and how), the
data items and the approximate numbers of data subjects and records, the likely
consequences, the measures taken or proposed, and the contact point (the reporting
party's DPO, from the protocol, A9-4). It records when the reporting party became aware
(the 72-hour clock of art. 33(1) starts then) and whether the breach affects both
parties: only then does A9-1 require notifying the other party, via the DPOs. Information
may follow in phases (art. 33(4)): :meth:`BreachNotice.supplement` returns the next phase.

:func:`authority_deadline` is 72 hours after awareness (elapsed hours, so a night of
daylight-saving change counts as it lasts); :func:`authority_status` says whether the
notification to the supervisory authority (``protocol.supervisory_authority``, default
the Vlaamse Toezichtcommissie) is due, overdue, or was late, and asks for the reasons of
the delay that art. 33(1) requires with a late notification.

:func:`enisa_severity` follows ENISA's 2013 *Recommendations for a methodology of the
assessment of severity of personal data breaches*: SE = DPC x EI + CB, with the ENISA
scales and bands (low < 2 <= medium < 3 <= high < 4 <= very high). Names and contact
details are *simple data* (DPC 1), but the referral context raises it: that a family was
referred to the OCMW by a local team says something about its social situation. The
default raise is one step (:data:`REFERRAL_CONTEXT_RAISE`, DPC 2), ENISA's adjustment for
data that let one infer a person's (financial or social) situation; a host may pass another.
From the level follows a recommendation whether the data subjects must be told (art. 34:
high or very high), unless art. 34(3)(a) applies: the data were encrypted (the AES-256
package of A6-2) and the password was not compromised.

:func:`breach_register` gives every notice, notified or not, as records a host stores
(art. 33(5)). Free text (``facts``, ``delay_reasons``) and affected referral ids belong in
the register only; the notice e-mail (:mod:`protocol_share.notice_mail`) carries codes,
categories and counts, never a client's data.

>>> from datetime import datetime, timezone
>>> notice = BreachNotice(
...     notice_id="lek-2025-01", reporter="recipient", cause="misdirected_email",
...     aware_at=datetime(2025, 3, 29, 22, tzinfo=timezone.utc),
...     issued_at=datetime(2025, 3, 30, 9, tzinfo=timezone.utc),
...     confidentiality="known_recipients", data_items={"name", "address"},
...     data_subjects=3, records=3, both_parties_affected=True,
... )
>>> authority_deadline(notice).isoformat()  # 72 hours, across the change to summer time
'2025-04-02T00:00:00+02:00'
>>> severity = notice.severity()
>>> severity.dpc, severity.score, severity.level, severity.tell_data_subjects
(2, 2.25, 'medium', False)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, Final, Literal, Self

from pydantic import AfterValidator, AwareDatetime, Field, model_validator

from protocol_share._model import FrozenModel, field_error
from protocol_share._time import BRUSSELS, require_aware
from protocol_share.consent import Identifier
from protocol_share.errors import InvalidInput
from protocol_share.fields import DataItem, check_free_text
from protocol_share.protocol import Party, Protocol, SupervisoryAuthority
from protocol_share.torhout import TORHOUT

__all__ = [
    "AUTHORITY_HOURS",
    "REFERRAL_CONTEXT_RAISE",
    "AuthorityStatus",
    "BreachNotice",
    "Cause",
    "Consequence",
    "DataCategory",
    "EaseOfIdentification",
    "LossOfAvailability",
    "LossOfConfidentiality",
    "LossOfIntegrity",
    "Measure",
    "Severity",
    "SeverityLevel",
    "authority_deadline",
    "authority_status",
    "breach_register",
    "breach_register_record",
    "enisa_severity",
    "notifying_party",
    "other_party",
]

AUTHORITY_HOURS: Final = 72
"""GDPR art. 33(1): notify the supervisory authority within 72 hours of becoming aware."""
REFERRAL_CONTEXT_RAISE: Final = 1
"""How many steps the referral context raises the ENISA DPC of simple data (default 1)."""

LossOfConfidentiality = Literal["none", "known_recipients", "unknown_recipients"]
"""ENISA CB: no loss (0), disclosed to a known number of recipients (+0.25), to an
unknown number (+0.5)."""
LossOfIntegrity = Literal["none", "recoverable", "unrecoverable"]
"""ENISA CB: no loss (0), altered but recoverable (+0.25), altered and not recoverable (+0.5)."""
LossOfAvailability = Literal["none", "temporary", "permanent"]
"""ENISA CB: no loss (0), temporarily unavailable (+0.25), permanently lost (+0.5)."""
EaseOfIdentification = Literal["negligible", "limited", "significant", "maximum"]
"""ENISA EI: 0.25, 0.5, 0.75, 1. A name with an address identifies: ``maximum``."""
DataCategory = Literal["simple", "behavioural", "financial", "sensitive"]
"""ENISA's basic DPC: simple 1, behavioural 2, financial 3, sensitive 4."""
SeverityLevel = Literal["low", "medium", "high", "very_high"]
Cause = Literal[
    "misdirected_email",
    "lost_or_stolen_device",
    "unauthorised_access",
    "hacking",
    "malware",
    "wrong_password_sharing",
    "human_error",
    "software_error",
    "other",
]
Consequence = Literal[
    "disclosure_of_social_situation",
    "stigmatisation",
    "unwanted_contact",
    "phishing",
    "identity_fraud",
    "loss_of_trust_in_assistance",
    "delay_of_assistance",
    "loss_of_control_over_data",
]
Measure = Literal[
    "deletion_requested",
    "deletion_confirmed",
    "password_changed",
    "access_revoked",
    "device_wiped",
    "data_restored",
    "mailbox_secured",
    "staff_instructed",
    "procedure_adjusted",
    "security_measures_reviewed",
    "police_report_filed",
    "data_subjects_informed",
]

_DPC_BASE: Final = {"simple": 1, "behavioural": 2, "financial": 3, "sensitive": 4}
_EI: Final = {"negligible": 0.25, "limited": 0.5, "significant": 0.75, "maximum": 1.0}
_CONFIDENTIALITY: Final = {"none": 0.0, "known_recipients": 0.25, "unknown_recipients": 0.5}
_INTEGRITY: Final = {"none": 0.0, "recoverable": 0.25, "unrecoverable": 0.5}
_AVAILABILITY: Final = {"none": 0.0, "temporary": 0.25, "permanent": 0.5}
_MALICIOUS: Final = 0.5

FreeText = Annotated[str, Field(min_length=1, max_length=4000), AfterValidator(check_free_text)]
"""Free text for the breach register; never copied into an e-mail."""


class BreachNotice(FrozenModel):
    """A personal-data breach notice: GDPR art. 33(3) content, one phase of it (A9-1 to A9-4).

    ``reporter`` is the party that became aware and reports (``sender``: Opgroeien regie,
    ``recipient``: the OCMW); ``aware_at`` when it became aware; ``issued_at`` when this
    phase was drawn up; ``phase`` counts the supplements (art. 33(4)). The nature of the
    breach is the loss of ``confidentiality``, ``integrity`` and ``availability`` on the
    ENISA scales (at least one), its ``cause`` and whether it was ``malicious``.
    ``data_items``, ``data_subjects`` and ``records`` are the categories and approximate
    numbers; ``consequences``, ``measures_taken`` and ``measures_proposed`` are codes.
    ``both_parties_affected`` decides whether A9-1 requires telling the other party.
    ``encrypted`` and ``key_compromised`` decide the art. 34(3)(a) exemption.
    ``facts``, ``delay_reasons`` and ``referral_ids`` are for the register, not e-mails.
    """

    notice_id: Identifier
    reporter: Literal["sender", "recipient"]
    phase: Annotated[int, Field(ge=1, le=99)] = 1
    aware_at: AwareDatetime
    occurred_at: AwareDatetime | None = None
    issued_at: AwareDatetime
    cause: Cause
    confidentiality: LossOfConfidentiality = "none"
    integrity: LossOfIntegrity = "none"
    availability: LossOfAvailability = "none"
    malicious: bool = False
    data_items: Annotated[frozenset[DataItem], Field(min_length=1)]
    data_subjects: Annotated[int, Field(ge=0, le=10_000_000)]
    records: Annotated[int, Field(ge=0, le=100_000_000)]
    counts_approximate: bool = True
    consequences: frozenset[Consequence] = frozenset()
    measures_taken: frozenset[Measure] = frozenset()
    measures_proposed: frozenset[Measure] = frozenset()
    both_parties_affected: bool
    joint_consultation: bool = False
    encrypted: bool = False
    key_compromised: bool = False
    ease_of_identification: EaseOfIdentification = "maximum"
    authority_notified_at: AwareDatetime | None = None
    other_party_notified_at: AwareDatetime | None = None
    delay_reasons: FreeText | None = None
    facts: FreeText | None = None
    referral_ids: tuple[Identifier, ...] = ()
    changed: frozenset[str] = frozenset()

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if (self.confidentiality, self.integrity, self.availability) == ("none", "none", "none"):
            raise field_error(
                "BreachNotice",
                "confidentiality",
                "NO_LOSS",
                "a breach loses confidentiality, integrity or availability (GDPR art. 4(12))",
            )
        aware = _utc(self.aware_at)
        if self.occurred_at is not None and _utc(self.occurred_at) > aware:
            raise field_error(
                "BreachNotice",
                "occurred_at",
                "OCCURRED_AFTER_AWARE",
                "a breach cannot occur after the reporting party became aware of it",
            )
        if _utc(self.issued_at) < aware:
            raise field_error(
                "BreachNotice",
                "issued_at",
                "ISSUED_BEFORE_AWARE",
                "a notice cannot be issued before the reporting party became aware",
            )
        for name in ("authority_notified_at", "other_party_notified_at"):
            value = getattr(self, name)
            if value is not None and _utc(value) < aware:
                raise field_error(
                    "BreachNotice",
                    name,
                    "NOTIFIED_BEFORE_AWARE",
                    "a notification cannot precede awareness of the breach",
                )
        if self.key_compromised and not self.encrypted:
            raise field_error(
                "BreachNotice",
                "key_compromised",
                "NO_KEY",
                "only encrypted data have a key that can be compromised",
            )
        unknown = self.changed - set(type(self).model_fields)
        if unknown:
            raise field_error(
                "BreachNotice", "changed", "UNKNOWN_FIELD", "names a field the notice has not"
            )
        return self

    @property
    def nature(self) -> frozenset[str]:
        """Which security properties were lost: ``confidentiality``, ``integrity``,
        ``availability`` (GDPR art. 33(3)(a))."""
        losses = (
            ("confidentiality", self.confidentiality),
            ("integrity", self.integrity),
            ("availability", self.availability),
        )
        return frozenset(name for name, level in losses if level != "none")

    @property
    def other_party_must_be_notified(self) -> bool:
        """A9-1: the other party is notified, via the DPOs, when both parties are affected."""
        return self.both_parties_affected

    def severity(self, *, context_raise: int = REFERRAL_CONTEXT_RAISE) -> Severity:
        """The ENISA severity of this breach and the art. 34 recommendation (A9-1)."""
        return enisa_severity(
            context_raise=context_raise,
            ease_of_identification=self.ease_of_identification,
            confidentiality=self.confidentiality,
            integrity=self.integrity,
            availability=self.availability,
            malicious=self.malicious,
            encrypted=self.encrypted,
            key_compromised=self.key_compromised,
        )

    def supplement(self, *, at: datetime, **changes: Any) -> BreachNotice:
        """The next phase (GDPR art. 33(4)): this notice with ``changes``, issued ``at``.

        ``notice_id``, ``reporter`` and ``aware_at`` stay: the deadline runs from the first
        awareness. ``changed`` lists what this phase changed.
        """
        fixed = {"notice_id", "reporter", "aware_at", "phase", "issued_at", "changed"}
        refused = sorted(set(changes) & fixed)
        if refused:
            raise InvalidInput.single(
                "BreachNotice.supplement",
                refused[0],
                "FIXED_FIELD",
                "a supplement cannot change the notice's identity, awareness or phase",
            )
        if _utc(require_aware(at, "at")) < _utc(self.issued_at):
            raise InvalidInput.single(
                "BreachNotice.supplement",
                "at",
                "SUPPLEMENT_BEFORE_NOTICE",
                "a supplement cannot be issued before the phase it supplements",
            )
        data = self.model_dump() | changes
        data.update(phase=self.phase + 1, issued_at=at, changed=frozenset(changes))
        return BreachNotice.model_validate(data)


def _utc(value: datetime) -> datetime:
    # Compare and subtract instants in UTC: Python compares two datetimes of one zone by
    # wall clock, which misorders the repeated hour when daylight saving time ends.
    return value.astimezone(UTC)


def other_party(notice: BreachNotice, protocol: Protocol = TORHOUT) -> Party:
    """The party that is told (A9-1): the one that did not report."""
    return protocol.recipient if notice.reporter == "sender" else protocol.sender


def notifying_party(notice: BreachNotice, protocol: Protocol = TORHOUT) -> Party:
    """The party that reports; its DPO is the contact point (A9-4; GDPR art. 33(3)(b))."""
    return protocol.sender if notice.reporter == "sender" else protocol.recipient


def authority_deadline(notice: BreachNotice) -> datetime:
    """When the supervisory authority must have been notified: 72 hours after the reporting
    party became aware (GDPR art. 33(1); A9-1). Elapsed hours, shown in Europe/Brussels."""
    deadline: datetime = (
        notice.aware_at.astimezone(UTC) + timedelta(hours=AUTHORITY_HOURS)
    ).astimezone(BRUSSELS)
    return deadline


AuthorityCode = Literal[
    "DUE", "OVERDUE_GIVE_REASONS", "NOTIFIED_IN_TIME", "LATE_WITH_REASONS", "LATE_GIVE_REASONS"
]


@dataclass(frozen=True, slots=True)
class AuthorityStatus:
    """Where the notification to the supervisory authority stands at a moment (GDPR art. 33(1)).

    ``code``: ``DUE`` (not yet notified, deadline ahead), ``OVERDUE_GIVE_REASONS`` (not
    notified, deadline passed: notify now, with the reasons of the delay),
    ``NOTIFIED_IN_TIME``, ``LATE_WITH_REASONS`` or ``LATE_GIVE_REASONS`` (notified late,
    reasons still missing). ``recommended`` is the ENISA-based advice whether to notify at
    all; the controller decides, and every breach is registered either way (art. 33(5)).
    """

    authority: SupervisoryAuthority
    deadline: datetime
    code: AuthorityCode
    overdue: bool
    reasons_of_delay_needed: bool
    remaining: timedelta
    recommended: bool
    message_en: str
    message_nl: str


def authority_status(
    notice: BreachNotice, *, at: datetime, protocol: Protocol = TORHOUT
) -> AuthorityStatus:
    """The overdue check: is the notification to ``protocol.supervisory_authority`` due,
    overdue or late at ``at``, and are reasons of delay needed (GDPR art. 33(1); A9-1)?"""
    now = _utc(require_aware(at, "at"))
    if now < _utc(notice.aware_at):
        raise InvalidInput.single(
            "arguments", "at", "AT_BEFORE_AWARE", "the check must be at or after awareness"
        )
    deadline = authority_deadline(notice)
    due = _utc(deadline)
    notified = None if notice.authority_notified_at is None else _utc(notice.authority_notified_at)
    authority = protocol.supervisory_authority
    name = authority.short_name
    code: AuthorityCode
    if notified is None and now <= due:
        code = "DUE"
        en = f"Notify {name} by {deadline:%Y-%m-%d %H:%M} (Brussels time)."
        nl = f"Meld aan de {name} uiterlijk op {deadline:%d-%m-%Y om %H:%M}."
    elif notified is None:
        code = "OVERDUE_GIVE_REASONS"
        en = f"Overdue: notify {name} now and give the reasons for the delay (GDPR art. 33(1))."
        nl = (
            f"Te laat: meld nu aan de {name} en vermeld de redenen van de vertraging "
            "(AVG art. 33, lid 1)."
        )
    elif notified <= due:
        code = "NOTIFIED_IN_TIME"
        en = f"{name} was notified in time."
        nl = f"De {name} werd tijdig op de hoogte gebracht."
    elif notice.delay_reasons is not None:
        code = "LATE_WITH_REASONS"
        en = f"{name} was notified late; the reasons for the delay are recorded."
        nl = f"De {name} werd laattijdig op de hoogte gebracht; de redenen zijn vastgelegd."
    else:
        code = "LATE_GIVE_REASONS"
        en = f"{name} was notified late: record the reasons for the delay (GDPR art. 33(1))."
        nl = (
            f"De {name} werd laattijdig op de hoogte gebracht: leg de redenen van de "
            "vertraging vast (AVG art. 33, lid 1)."
        )
    return AuthorityStatus(
        authority=authority,
        deadline=deadline,
        code=code,
        overdue=code == "OVERDUE_GIVE_REASONS",
        reasons_of_delay_needed=code in {"OVERDUE_GIVE_REASONS", "LATE_GIVE_REASONS"},
        remaining=max(due - now, timedelta(0)),
        recommended=notice.severity().notify_authority,
        message_en=en,
        message_nl=nl,
    )


@dataclass(frozen=True, slots=True)
class Severity:
    """An ENISA (2013) severity assessment: ``score`` = ``dpc`` x ``ei`` + ``cb``, its ``level``.

    ``notify_authority`` advises a notification under GDPR art. 33 unless the level is
    low (the breach is then unlikely to result in a risk; it is still registered).
    ``tell_data_subjects`` advises telling the data subjects under art. 34 when the level
    is high or very high, unless ``exemption`` (``GDPR art. 34(3)(a)``) applies.
    """

    dpc: int
    ei: float
    cb: float
    score: float
    level: SeverityLevel
    notify_authority: bool
    tell_data_subjects: bool
    exemption: str | None
    message_en: str
    message_nl: str


class _SeverityInput(FrozenModel):
    category: DataCategory
    context_raise: Annotated[int, Field(ge=-3, le=3)]
    ease_of_identification: EaseOfIdentification
    confidentiality: LossOfConfidentiality
    integrity: LossOfIntegrity
    availability: LossOfAvailability
    malicious: bool
    encrypted: bool
    key_compromised: bool


def _level(score: float) -> SeverityLevel:
    if score < 2:
        return "low"
    if score < 3:
        return "medium"
    if score < 4:
        return "high"
    return "very_high"


_LEVEL_NL: Final = {"low": "laag", "medium": "gemiddeld", "high": "hoog", "very_high": "zeer hoog"}


def enisa_severity(
    *,
    category: DataCategory = "simple",
    context_raise: int = REFERRAL_CONTEXT_RAISE,
    ease_of_identification: EaseOfIdentification = "maximum",
    confidentiality: LossOfConfidentiality = "none",
    integrity: LossOfIntegrity = "none",
    availability: LossOfAvailability = "none",
    malicious: bool = False,
    encrypted: bool = False,
    key_compromised: bool = False,
) -> Severity:
    """ENISA severity SE = DPC x EI + CB and the GDPR art. 34 recommendation (A9-1, A9-2).

    DPC is the category's basic score (simple data, as names and contact details are: 1)
    raised by ``context_raise`` (default :data:`REFERRAL_CONTEXT_RAISE`: the referral
    reveals a family's social situation) and kept within 1 to 4. EI is 0.25 to 1; CB adds
    0 to 0.5 for each of confidentiality, integrity and availability, and 0.5 when the
    breach was malicious. Bands: low < 2 <= medium < 3 <= high < 4 <= very high.
    """
    args = _SeverityInput(
        category=category,
        context_raise=context_raise,
        ease_of_identification=ease_of_identification,
        confidentiality=confidentiality,
        integrity=integrity,
        availability=availability,
        malicious=malicious,
        encrypted=encrypted,
        key_compromised=key_compromised,
    )
    if args.key_compromised and not args.encrypted:
        raise InvalidInput.single(
            "arguments", "key_compromised", "NO_KEY", "only encrypted data have a key"
        )
    dpc = min(4, max(1, _DPC_BASE[args.category] + args.context_raise))
    ei = _EI[args.ease_of_identification]
    cb = (
        _CONFIDENTIALITY[args.confidentiality]
        + _INTEGRITY[args.integrity]
        + _AVAILABILITY[args.availability]
        + (_MALICIOUS if args.malicious else 0.0)
    )
    score = dpc * ei + cb
    level = _level(score)
    high = level in {"high", "very_high"}
    exempt = high and args.encrypted and not args.key_compromised
    tell = high and not exempt
    formula = f"SE = {dpc} x {ei:g} + {cb:g} = {score:g}"
    if exempt:
        en = (
            f"{formula}: {level.replace('_', ' ')}. The data subjects need not be told: the data "
            "were encrypted and the password was not compromised (GDPR art. 34(3)(a))."
        )
        nl = (
            f"{formula}: {_LEVEL_NL[level]}. De betrokkenen hoeven niet ingelicht te worden: de "
            "gegevens waren versleuteld en het wachtwoord is niet gecompromitteerd "
            "(AVG art. 34, lid 3, a))."
        )
    elif tell:
        en = f"{formula}: {level.replace('_', ' ')}. Tell the data subjects (GDPR art. 34(1))."
        nl = f"{formula}: {_LEVEL_NL[level]}. Licht de betrokkenen in (AVG art. 34, lid 1)."
    else:
        en = f"{formula}: {level}. No high risk: the data subjects need not be told (GDPR art. 34)."
        nl = (
            f"{formula}: {_LEVEL_NL[level]}. Geen hoog risico: de betrokkenen hoeven niet "
            "ingelicht te worden (AVG art. 34)."
        )
    return Severity(
        dpc=dpc,
        ei=ei,
        cb=cb,
        score=score,
        level=level,
        notify_authority=level != "low",
        tell_data_subjects=tell,
        exemption="GDPR art. 34(3)(a)" if exempt else None,
        message_en=en,
        message_nl=nl,
    )


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def breach_register_record(
    notice: BreachNotice, *, at: datetime, protocol: Protocol = TORHOUT
) -> dict[str, Any]:
    """One record of the breach register a host stores (GDPR art. 33(5); A9-1 to A9-4).

    Every notice is recorded, notified or not: the facts, effects and remedial action, the
    ENISA assessment, the deadline and where the authority's notification stands at ``at``,
    and whether the other party had to be and was told. JSON-ready.
    """
    severity = notice.severity()
    status = authority_status(notice, at=at, protocol=protocol)
    return {
        "protocol_id": protocol.protocol_id,
        "notice_id": notice.notice_id,
        "phase": notice.phase,
        "changed": sorted(notice.changed),
        "reporter": notifying_party(notice, protocol).name,
        "aware_at": notice.aware_at.isoformat(),
        "occurred_at": _iso(notice.occurred_at),
        "issued_at": notice.issued_at.isoformat(),
        "recorded_at": at.isoformat(),
        "nature": sorted(notice.nature),
        "cause": notice.cause,
        "confidentiality": notice.confidentiality,
        "integrity": notice.integrity,
        "availability": notice.availability,
        "malicious": notice.malicious,
        "data_items": sorted(item.value for item in notice.data_items),
        "data_subjects": notice.data_subjects,
        "records": notice.records,
        "counts_approximate": notice.counts_approximate,
        "consequences": sorted(notice.consequences),
        "measures_taken": sorted(notice.measures_taken),
        "measures_proposed": sorted(notice.measures_proposed),
        "facts": notice.facts,
        "referral_ids": list(notice.referral_ids),
        "severity": {
            "method": "ENISA 2013",
            "dpc": severity.dpc,
            "ei": severity.ei,
            "cb": severity.cb,
            "score": severity.score,
            "level": severity.level,
        },
        "authority": {
            "name": status.authority.name,
            "short_name": status.authority.short_name,
            "deadline": status.deadline.isoformat(),
            "notified_at": _iso(notice.authority_notified_at),
            "status": status.code,
            "recommended": status.recommended,
            "delay_reasons": notice.delay_reasons,
        },
        "data_subjects_told": {
            "recommended": severity.tell_data_subjects,
            "exemption": severity.exemption,
        },
        "other_party": {
            "name": other_party(notice, protocol).name,
            "dpo_email": other_party(notice, protocol).dpo_email,
            "required": notice.other_party_must_be_notified,
            "notified_at": _iso(notice.other_party_notified_at),
        },
    }


def breach_register(
    notices: list[BreachNotice] | tuple[BreachNotice, ...],
    *,
    at: datetime,
    protocol: Protocol = TORHOUT,
) -> tuple[dict[str, Any], ...]:
    """The breach register: a record per notice and phase, oldest first (GDPR art. 33(5))."""
    ordered = sorted(notices, key=lambda n: (n.aware_at, n.notice_id, n.phase))
    return tuple(breach_register_record(n, at=at, protocol=protocol) for n in ordered)
