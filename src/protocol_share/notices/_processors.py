"""Processors (A6-8, A6-9, A9-6): each party's processors under a GDPR art. 28 agreement,
the overview it hands the other party, and the OCMW's notice of a change.

:meth:`ProcessorOverview.findings` lists what breaks A6-8.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Final, Literal, Self

from pydantic import Field, model_validator

from protocol_share._model import FrozenModel, field_error
from protocol_share._text import message
from protocol_share._time import Instant, require_date, require_instants
from protocol_share.decision._consent import Identifier
from protocol_share.errors import InvalidInput
from protocol_share.notices._text import Title
from protocol_share.protocol._parts import Kbo

__all__ = [
    "EEA_COUNTRIES",
    "FindingCode",
    "Processor",
    "ProcessorChangeNotice",
    "ProcessorFinding",
    "ProcessorOverview",
    "TransferMechanism",
]

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

TransferMechanism = Literal[
    "adequacy_decision", "standard_contractual_clauses", "binding_corporate_rules", "derogation"
]
"""What allows a transfer outside the EEA under GDPR chapter V: an adequacy decision
(art. 45), standard contractual clauses (art. 46(2)(c)), binding corporate rules (art. 47)
or a derogation for a specific situation (art. 49)."""


class Processor(FrozenModel):
    """A processor a party uses for the shared data, under a GDPR art. 28 agreement (A6-8).

    ``art28_agreement_on`` is the date of the processing agreement (``None``: none yet);
    ``since`` and ``until`` when the processor works on the data; ``country`` where, and
    for a country outside the EEA the GDPR chapter V ``transfer_mechanism`` that allows it.
    A6-8 asks for sufficient guarantees, not for a place: a processor outside the EEA is
    fine with a mechanism (:meth:`ProcessorOverview.findings` reports only its absence).
    """

    name: Title
    kbo: Kbo | None = None
    service: Title
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] = "BE"
    art28_agreement_on: date | None = None
    transfer_mechanism: TransferMechanism | None = None
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

    @property
    def third_country(self) -> bool:
        """Whether the processor works outside the EEA: a transfer under GDPR chapter V (A6-8)."""
        return self.country not in EEA_COUNTRIES


class ProcessorChangeNotice(FrozenModel):
    """The OCMW tells Opgroeien at once of a change in its processors (A9-6)."""

    notice_id: Identifier
    given_at: Instant
    change: Literal["added", "removed", "changed"]
    processor: Processor


FindingCode = Literal["NO_ART28_AGREEMENT", "AGREEMENT_AFTER_START", "NO_TRANSFER_MECHANISM"]
"""What breaks A6-8's sufficient guarantees: no art. 28 agreement, an agreement after the
start, a processor outside the EEA without a GDPR chapter V transfer mechanism."""


@dataclass(frozen=True, slots=True)
class ProcessorFinding:
    """Something in a processor overview that breaks A6-8 or A6-9: code, clause, which, what.

    ``message`` is the English text; :attr:`message_nl` and :attr:`message_en` read the
    catalogues by ``code``.
    """

    code: FindingCode
    clause: str
    processor: str
    message: str

    @property
    def message_nl(self) -> str:
        """What is wrong, in Dutch (A6-8)."""
        return message(f"processor.finding.{self.code}", "nl")

    @property
    def message_en(self) -> str:
        """What is wrong, in English (A6-8)."""
        return message(f"processor.finding.{self.code}", "en")


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
        require_instants(notice, "notice")
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
        or one that started before its agreement; one outside the EEA without a transfer
        mechanism (GDPR chapter V). A processor outside the EEA with a mechanism is no
        finding: A6-8 says nothing of place."""
        found: list[ProcessorFinding] = []
        for p in self.active_on(on):
            codes: list[FindingCode] = []
            if p.art28_agreement_on is None:
                codes.append("NO_ART28_AGREEMENT")
            elif p.art28_agreement_on > p.since:
                codes.append("AGREEMENT_AFTER_START")
            if p.third_country and p.transfer_mechanism is None:
                codes.append("NO_TRANSFER_MECHANISM")
            found += (
                ProcessorFinding(code, "A6-8", p.name, message(f"processor.finding.{code}", "en"))
                for code in codes
            )
        return tuple(found)
