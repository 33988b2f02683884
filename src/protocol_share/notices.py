"""The other notices the parties owe each other (A6-4 to A6-9, A7, A8-1, A9-5, A9-6, A11-2, A11-3).

- :class:`QualityNotice` (A7-1): the OCMW found a data item of a referral erroneous,
  inaccurate, incomplete, missing, outdated or excessive, itself or via the data subject,
  and tells Opgroeien at once; :class:`QualityAnswer` (A7-2): Opgroeien investigated, and
  its measures. A corrected value never travels in a notice: it comes in a new encrypted
  package (A6-2).
- :class:`TerminationNotice`: Opgroeien ends the protocol at once for processing in
  breach (A8-1, Opgroeien only); either party ends it in writing with the protocol's notice
  period (A11-2); it ends by law when no legal basis remains (A11-3). :meth:`~TerminationNotice.apply`
  returns the ended protocol. The end changes nothing for data already received: their
  retention runs on (:mod:`protocol_share.retention`).
- :class:`LegislationChangeNotice` (A9-5) and :class:`ProcessorChangeNotice` (A9-6): the OCMW
  tells Opgroeien at once of a change in the law that touches the protocol, or in its
  processors.
- :class:`ProcessorOverview` (A6-8, A6-9): each party's processors with the date of their
  GDPR art. 28 agreement; :meth:`~ProcessorOverview.findings` lists what breaks A6-8.
- :class:`EvidenceChecklist` (A6-4 to A6-7): the proof the OCMW hands Opgroeien on simple
  request: security policy, security plan, DPO, register entry.

>>> from datetime import date
>>> notice = TerminationNotice(notice_id="einde-1", ground="notice", given_by="recipient",
...                            given_on=date(2025, 8, 31))
>>> notice.ends_on(), notice.clause
(datetime.date(2026, 2, 28), 'A11-2')
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Final, Literal, Self

from dateutil.relativedelta import relativedelta
from pydantic import AfterValidator, AwareDatetime, Field, model_validator

from protocol_share._model import FrozenModel, field_error
from protocol_share._time import require_date
from protocol_share.consent import Identifier
from protocol_share.errors import InvalidInput
from protocol_share.fields import DataItem, check_free_text
from protocol_share.protocol import Kbo, Protocol
from protocol_share.torhout import TORHOUT

__all__ = [
    "EEA_COUNTRIES",
    "EVIDENCE_ITEMS",
    "EvidenceChecklist",
    "EvidenceCode",
    "EvidenceItem",
    "LegislationAspect",
    "LegislationChangeNotice",
    "Processor",
    "ProcessorChangeNotice",
    "ProcessorFinding",
    "ProcessorOverview",
    "QualityAnswer",
    "QualityKind",
    "QualityMeasure",
    "QualityNotice",
    "QualityOutcome",
    "TerminationGround",
    "TerminationNotice",
    "evidence_checklist",
]

Title = Annotated[str, Field(min_length=1, max_length=500), AfterValidator(check_free_text)]
"""A short text (a law's title, a processor's name or service): no personal number allowed."""


def _utc(value: datetime) -> datetime:
    # Instants in UTC: one zone's datetimes compare and subtract by wall clock in Python.
    return value.astimezone(UTC)


QualityKind = Literal["erroneous", "inaccurate", "incomplete", "missing", "outdated", "excessive"]
"""What is wrong with a data item (A7-1)."""
QualityOutcome = Literal["corrected", "deleted", "confirmed_correct", "cannot_verify"]
"""What Opgroeien's investigation found and did (A7-2)."""
QualityMeasure = Literal[
    "corrected_at_source",
    "corrected_package_sent",
    "deletion_requested",
    "data_deleted_at_source",
    "procedure_adjusted",
    "staff_instructed",
    "no_measure_needed",
]
"""A measure Opgroeien took after a quality notice (A7-2)."""


class QualityNotice(FrozenModel):
    """The OCMW tells Opgroeien a received data item is wrong (A7-1).

    Which referral (``referral_id``), which ``data_item``, what ``kind`` of problem, found by
    whom (``recipient``: the OCMW itself, or ``data_subject``: the client told it) and when
    (``found_at``); ``notified_at`` is when Opgroeien was told ("immediately": ``delay``).
    The notice names the problem, never the wrong or the right value.
    """

    notice_id: Identifier
    referral_id: Identifier
    data_item: DataItem
    kind: QualityKind
    found_by: Literal["recipient", "data_subject"]
    found_at: AwareDatetime
    notified_at: AwareDatetime

    @model_validator(mode="after")
    def _notified_after_found(self) -> Self:
        if _utc(self.notified_at) < _utc(self.found_at):
            raise field_error(
                "QualityNotice",
                "notified_at",
                "NOTIFIED_BEFORE_FOUND",
                "a problem cannot be notified before it was found",
            )
        return self

    @property
    def delay(self) -> timedelta:
        """How long after finding the problem Opgroeien was told (A7-1: immediately)."""
        return _utc(self.notified_at) - _utc(self.found_at)

    def answer(
        self,
        *,
        at: datetime,
        outcome: QualityOutcome,
        measures: frozenset[QualityMeasure] | set[QualityMeasure],
    ) -> QualityAnswer:
        """Opgroeien's answer at ``at``: the outcome of its investigation and its measures (A7-2)."""
        return QualityAnswer(
            notice_id=self.notice_id,
            referral_id=self.referral_id,
            data_item=self.data_item,
            notified_at=self.notified_at,
            answered_at=at,
            outcome=outcome,
            measures=measures,
        )


class QualityAnswer(FrozenModel):
    """Opgroeien investigated a :class:`QualityNotice` and informs the OCMW (A7-2).

    ``outcome`` is what it found and did; ``measures`` what it took. When the data were
    corrected, the corrected value comes in a new package (``corrected_package_sent``),
    never in this answer. ``answered_within`` is the time it took ("a reasonable time").
    """

    notice_id: Identifier
    referral_id: Identifier
    data_item: DataItem
    notified_at: AwareDatetime
    answered_at: AwareDatetime
    outcome: QualityOutcome
    measures: Annotated[frozenset[QualityMeasure], Field(min_length=1)]

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if _utc(self.answered_at) < _utc(self.notified_at):
            raise field_error(
                "QualityAnswer",
                "answered_at",
                "ANSWER_BEFORE_NOTICE",
                "an answer cannot precede the notice it answers",
            )
        if "no_measure_needed" in self.measures and len(self.measures) > 1:
            raise field_error(
                "QualityAnswer",
                "measures",
                "CONTRADICTORY_MEASURES",
                "'no_measure_needed' stands alone",
            )
        if self.outcome in {"corrected", "deleted"} and "no_measure_needed" in self.measures:
            raise field_error(
                "QualityAnswer",
                "measures",
                "MEASURE_MISSING",
                "a correction or deletion is itself a measure",
            )
        return self

    @property
    def answered_within(self) -> timedelta:
        """The time between the notice and this answer (A7-2: within a reasonable time)."""
        return _utc(self.answered_at) - _utc(self.notified_at)


TerminationGround = Literal["breach", "notice", "no_legal_basis"]
_TERMINATION_CLAUSE: Final = {"breach": "A8-1", "notice": "A11-2", "no_legal_basis": "A11-3"}


class TerminationNotice(FrozenModel):
    """The protocol's end (A8-1, A11-2, A11-3).

    ``ground`` ``breach``: Opgroeien (``given_by="sender"``) ends the protocol at once,
    without prior notice of default, because the OCMW processes the data in breach of the
    protocol, the GDPR or other data-protection law (``breached``) (A8-1). ``notice``:
    either party ends it in writing; it ends ``protocol.notice_months`` calendar months
    after ``given_on`` (A11-2). ``no_legal_basis``: it ended by law on ``given_on``, when
    no legal basis for the transfer remained (``lapsed_basis`` names it) (A11-3).
    """

    notice_id: Identifier
    ground: TerminationGround
    given_by: Literal["sender", "recipient"]
    given_on: date
    breached: frozenset[Literal["protocol", "gdpr", "other_data_protection_law"]] = frozenset()
    lapsed_basis: Title | None = None

    @model_validator(mode="after")
    def _ground_rules(self) -> Self:
        if self.ground == "breach" and self.given_by != "sender":
            raise field_error(
                "TerminationNotice",
                "given_by",
                "ONLY_SENDER_ENDS_FOR_BREACH",
                "A8-1 lets only Opgroeien (the sender) end the protocol for a breach",
            )
        if self.ground == "breach" and not self.breached:
            raise field_error(
                "TerminationNotice",
                "breached",
                "BREACH_NOT_NAMED",
                "name what was breached: the protocol, the GDPR or other data-protection law",
            )
        if self.ground != "breach" and self.breached:
            raise field_error(
                "TerminationNotice",
                "breached",
                "NOT_A_BREACH_TERMINATION",
                "only a termination for breach names what was breached",
            )
        if self.ground == "no_legal_basis" and self.lapsed_basis is None:
            raise field_error(
                "TerminationNotice",
                "lapsed_basis",
                "BASIS_NOT_NAMED",
                "name the legal basis that no longer exists",
            )
        return self

    @property
    def clause(self) -> str:
        """The clause the termination rests on: A8-1, A11-2 or A11-3."""
        return _TERMINATION_CLAUSE[self.ground]

    def ends_on(self, protocol: Protocol = TORHOUT) -> date:
        """The first day the protocol is no longer in force by this notice alone (A8-1, A11-2, A11-3)."""
        if self.ground == "notice":
            result: date = self.given_on + relativedelta(months=protocol.notice_months)
            return result
        return self.given_on

    def apply(self, protocol: Protocol = TORHOUT) -> Protocol:
        """The protocol ended by this notice (A8-1, A11-2, A11-3); an earlier recorded end stands."""
        if self.ground == "notice":
            return protocol.terminate_with_notice(self.given_on)
        if self.ground == "breach":
            return protocol.terminate_for_breach(self.given_on)
        return protocol.legal_basis_lapsed(self.given_on)


LegislationAspect = Literal[
    "purpose",
    "proportionality",
    "frequency",
    "duration",
    "legal_basis",
    "data_items",
    "recipients",
    "other",
]


class LegislationChangeNotice(FrozenModel):
    """The OCMW tells Opgroeien at once of a change in the law that affects the protocol (A9-5).

    ``legislation`` names the act; ``affects`` what of the protocol it touches (purpose,
    proportionality, frequency, duration, ...); ``in_force_on`` when it applies.
    """

    notice_id: Identifier
    given_at: AwareDatetime
    legislation: Title
    in_force_on: date | None = None
    affects: Annotated[frozenset[LegislationAspect], Field(min_length=1)]


EEA_COUNTRIES: Final = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "CY",
        "CZ",
        "DE",
        "DK",
        "EE",
        "ES",
        "FI",
        "FR",
        "GR",
        "HR",
        "HU",
        "IE",
        "IT",
        "LT",
        "LU",
        "LV",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SE",
        "SI",
        "SK",
        "IS",
        "LI",
        "NO",
    ]
)
"""The European Economic Area: a processor elsewhere means a third-country transfer."""


class Processor(FrozenModel):
    """A processor a party uses for the shared data, under a GDPR art. 28 agreement (A6-8).

    ``art28_agreement_on`` is the date of the processing agreement (``None``: none yet);
    ``since`` and ``until`` when the processor works on the data; ``country`` where.
    """

    name: Title
    kbo: Kbo | None = None
    service: Title
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] = "BE"
    art28_agreement_on: date | None = None
    since: date
    until: date | None = None

    @model_validator(mode="after")
    def _period(self) -> Self:
        if self.until is not None and self.until < self.since:
            raise field_error(
                "Processor",
                "until",
                "ENDS_BEFORE_START",
                "a processor cannot stop before it starts",
            )
        return self

    def active_on(self, day: date) -> bool:
        """Whether the processor works on the data on ``day`` (A6-8)."""
        return self.since <= day and (self.until is None or day <= self.until)


class ProcessorChangeNotice(FrozenModel):
    """The OCMW tells Opgroeien at once of a change in its processors (A9-6)."""

    notice_id: Identifier
    given_at: AwareDatetime
    change: Literal["added", "removed", "changed"]
    processor: Processor


@dataclass(frozen=True, slots=True)
class ProcessorFinding:
    """Something in a processor overview that breaks A6-8 or A6-9: code, clause, which, what."""

    code: str
    clause: str
    processor: str
    message: str


class ProcessorOverview(FrozenModel):
    """The processors a party uses, as it hands them to the other party (A6-8, A6-9).

    ``party`` is whose overview it is; ``as_of`` the date it is up to date on.
    :meth:`with_change` applies a :class:`ProcessorChangeNotice` and returns the new
    overview; :meth:`findings` lists processors without an art. 28 agreement (A6-8).
    """

    party: Literal["sender", "recipient"]
    as_of: date
    processors: tuple[Processor, ...] = ()

    @model_validator(mode="after")
    def _unique(self) -> Self:
        names = [p.name.casefold() for p in self.processors]
        if len(names) != len(set(names)):
            raise field_error(
                "ProcessorOverview", "processors", "DUPLICATE_PROCESSOR", "lists a processor twice"
            )
        return self

    def active_on(self, day: date) -> tuple[Processor, ...]:
        """The processors at work on ``day`` (A6-8, A6-9)."""
        return tuple(p for p in self.processors if p.active_on(require_date(day, "day")))

    def with_change(self, notice: ProcessorChangeNotice) -> ProcessorOverview:
        """The overview after ``notice`` (A9-6): a processor added, removed or changed."""
        name = notice.processor.name.casefold()
        known = any(p.name.casefold() == name for p in self.processors)
        if notice.change == "added" and known:
            raise InvalidInput.single(
                "ProcessorChangeNotice", "processor", "ALREADY_LISTED", "is already listed"
            )
        if notice.change != "added" and not known:
            raise InvalidInput.single(
                "ProcessorChangeNotice", "processor", "NOT_LISTED", "is not in the overview"
            )
        kept = tuple(p for p in self.processors if p.name.casefold() != name)
        processors = kept if notice.change == "removed" else (*kept, notice.processor)
        as_of = max(self.as_of, notice.given_at.date())
        return ProcessorOverview(party=self.party, as_of=as_of, processors=processors)

    def findings(self, *, on: date) -> tuple[ProcessorFinding, ...]:
        """What breaks A6-8 on ``on``: an active processor without a GDPR art. 28 agreement,
        or one that started before its agreement; one outside the EEA (a third-country
        transfer the register does not foresee)."""
        found = []
        for p in self.active_on(on):
            if p.art28_agreement_on is None:
                found.append(
                    ProcessorFinding(
                        "NO_ART28_AGREEMENT",
                        "A6-8",
                        p.name,
                        "works on the data without a GDPR art. 28 agreement",
                    )
                )
            elif p.art28_agreement_on > p.since:
                found.append(
                    ProcessorFinding(
                        "AGREEMENT_AFTER_START",
                        "A6-8",
                        p.name,
                        "started before its GDPR art. 28 agreement was concluded",
                    )
                )
            if p.country not in EEA_COUNTRIES:
                found.append(
                    ProcessorFinding(
                        "THIRD_COUNTRY_PROCESSOR",
                        "A6-8",
                        p.name,
                        "works outside the EEA: a third-country transfer (GDPR chapter V)",
                    )
                )
        return tuple(found)


EvidenceCode = Literal["security_policy", "security_plan", "dpo", "register_entry"]


class EvidenceItem(FrozenModel):
    """One piece of proof for A6-4 to A6-6: what it is, and the document that shows it.

    ``document`` is the host's reference (title, number, location); ``dated`` its date.
    """

    code: EvidenceCode
    clause: Annotated[str, Field(pattern=r"^A6-[4-6]$")]
    what_nl: Title
    what_en: Title
    document: Title | None = None
    dated: date | None = None

    @property
    def provided(self) -> bool:
        """Whether a document is named for this item (A6-7)."""
        return self.document is not None


EVIDENCE_ITEMS: Final[tuple[tuple[EvidenceCode, str, str, str], ...]] = (
    (
        "security_policy",
        "A6-4",
        "informatieveiligheidsbeleid",
        "information security policy",
    ),
    ("security_plan", "A6-4", "informatieveiligheidsplan", "information security plan"),
    (
        "dpo",
        "A6-5",
        "aanstelling van de functionaris voor gegevensbescherming",
        "appointment of the data protection officer",
    ),
    (
        "register_entry",
        "A6-6",
        "opname in het register van verwerkingsactiviteiten",
        "entry in the register of processing activities",
    ),
)
"""The proof A6-7 asks for: code, clause, Dutch and English description."""


class EvidenceChecklist(FrozenModel):
    """What the OCMW can show for A6-4 to A6-6, and when it handed it over (A6-7).

    Start from :func:`evidence_checklist`; :meth:`fill` names a document per item;
    ``requested_on`` and ``handed_over_on`` record Opgroeien's request and the handover.
    """

    party: Literal["recipient"] = "recipient"
    dpo_email: Annotated[str, Field(min_length=3, max_length=254)]
    items: tuple[EvidenceItem, ...]
    requested_on: date | None = None
    handed_over_on: date | None = None

    @model_validator(mode="after")
    def _every_item_once(self) -> Self:
        codes = [item.code for item in self.items]
        if sorted(codes) != sorted(code for code, *_ in EVIDENCE_ITEMS):
            raise field_error(
                "EvidenceChecklist",
                "items",
                "ITEMS_INCOMPLETE",
                "holds each of security_policy, security_plan, dpo, register_entry once",
            )
        if self.handed_over_on is not None and self.requested_on is None:
            raise field_error(
                "EvidenceChecklist",
                "requested_on",
                "HANDED_OVER_UNASKED",
                "A6-7: the proof is handed over on request; record the request",
            )
        if (
            self.handed_over_on is not None
            and self.requested_on is not None
            and self.handed_over_on < self.requested_on
        ):
            raise field_error(
                "EvidenceChecklist",
                "handed_over_on",
                "BEFORE_REQUEST",
                "cannot be handed over before it was requested",
            )
        return self

    def fill(self, code: EvidenceCode, *, document: str, dated: date | None = None) -> Self:
        """Name the document that proves ``code`` (A6-4 to A6-6)."""
        if code not in {item.code for item in self.items}:
            raise InvalidInput.single(
                "EvidenceChecklist.fill", "code", "UNKNOWN_ITEM", "is not an evidence item"
            )
        items = tuple(
            item
            if item.code != code
            else EvidenceItem(
                code=item.code,
                clause=item.clause,
                what_nl=item.what_nl,
                what_en=item.what_en,
                document=document,
                dated=dated,
            )
            for item in self.items
        )
        return self.model_validate(self.model_dump() | {"items": items})

    def requested(self, on: date) -> Self:
        """Record Opgroeien's request for the proof (A6-7)."""
        return self.model_validate(self.model_dump() | {"requested_on": on})

    def handed_over(self, on: date) -> Self:
        """Record the handover (A6-7). Raises while an item lacks its document."""
        if self.missing:
            raise InvalidInput.single(
                "EvidenceChecklist",
                "items",
                "EVIDENCE_MISSING",
                f"no document yet for: {', '.join(self.missing)}",
            )
        return self.model_validate(self.model_dump() | {"handed_over_on": on})

    @property
    def missing(self) -> tuple[EvidenceCode, ...]:
        """The items without a document yet (A6-7)."""
        return tuple(item.code for item in self.items if not item.provided)

    @property
    def complete(self) -> bool:
        """Whether every item names its document (A6-7: the OCMW can demonstrate A6-4 to A6-6)."""
        return not self.missing


def evidence_checklist(protocol: Protocol = TORHOUT) -> EvidenceChecklist:
    """A blank evidence checklist for the protocol's recipient (A6-4 to A6-7)."""
    return EvidenceChecklist(
        dpo_email=protocol.recipient.dpo_email,
        items=tuple(
            EvidenceItem(code=code, clause=clause, what_nl=nl, what_en=en)
            for code, clause, nl, en in EVIDENCE_ITEMS
        ),
    )
