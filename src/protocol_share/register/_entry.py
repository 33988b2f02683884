"""The OCMW's register entry for this processing (A6-6; GDPR art. 30(1)), built from the
protocol so that it says exactly what the protocol says; :meth:`RegisterEntry.to_json`
gives it as plain JSON, keyed by the points of art. 30(1)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from protocol_share._model import require_type
from protocol_share._text import Lang, message
from protocol_share.clientdata._dpv import DPV_PERSONAL_DATA
from protocol_share.notices import Processor, ProcessorOverview
from protocol_share.protocol._protocol import Protocol
from protocol_share.protocol._torhout import TORHOUT
from protocol_share.register._dpv import dpv_process
from protocol_share.register._fideslang import FIDESLANG_CATEGORIES, fideslang_declaration
from protocol_share.register._terms import SECURITY_MEASURES, SecurityMeasure, erasure_json

if TYPE_CHECKING:  # the entry's parts, named in annotations only
    from protocol_share.protocol._parts import (
        DataItemSpec,
        LegalBasis,
        OnwardRecipient,
        Party,
        Purpose,
        RetentionTerms,
    )

__all__ = ["RegisterEntry", "processing_register_entry"]


@dataclass(frozen=True, slots=True)
class RegisterEntry:
    """The GDPR art. 30(1) record of the recipient's processing under a protocol (A6-6)."""

    protocol: Protocol
    controller: Party
    dpo_email: str
    source: Party
    purposes: tuple[Purpose, ...]
    original_purposes: tuple[Purpose, ...]
    legal_bases: tuple[LegalBasis, ...]
    data_items: tuple[DataItemSpec, ...]
    recipients: tuple[OnwardRecipient, ...]
    processors: ProcessorOverview | None
    retention: RetentionTerms
    security_measures: tuple[SecurityMeasure, ...]

    @property
    def name_nl(self) -> str:
        """The processing activity's name in the register (Dutch; A6-6)."""
        return self._name("nl")

    @property
    def name_en(self) -> str:
        """The processing activity's name in the register (English; A6-6)."""
        return self._name("en")

    def _name(self, lang: Lang) -> str:
        return message(
            "register.name", lang, source=self.source.name, protocol_id=self.protocol.protocol_id
        )

    @property
    def fideslang_categories(self) -> tuple[str, ...]:
        """The fideslang data categories of the data items, sorted (A3-1, A3-2)."""
        return tuple(
            sorted({c for spec in self.data_items for c in FIDESLANG_CATEGORIES[spec.item]})
        )

    @property
    def third_country_transfers(self) -> tuple[Processor, ...]:
        """The processors outside the EEA, each a transfer under GDPR chapter V (art. 30(1)(e);
        A6-6, A6-8), derived from the processor overview: none without one."""
        return tuple(
            p for p in (self.processors.processors if self.processors else ()) if p.third_country
        )

    def to_json(self) -> dict[str, Any]:
        """The record as plain JSON data, keyed by the points of GDPR art. 30(1) (A6-6)."""
        processors = self.processors.processors if self.processors else ()
        return {
            "record": "GDPR art. 30(1)",
            "clause": "A6-6",
            "protocol_id": self.protocol.protocol_id,
            "processing_activity": {"nl": self.name_nl, "en": self.name_en},
            "controller": {
                "name": self.controller.name,
                "kbo": self.controller.kbo,
                "address": self.controller.seat,
            },
            "dpo": {"email": self.dpo_email},
            "source": {
                "name": self.source.name,
                "kbo": self.source.kbo,
                "original_purposes": [_purpose(p) for p in self.original_purposes],
            },
            "purposes": [_purpose(p) for p in self.purposes],
            "legal_bases": [
                {
                    "clause": b.clause,
                    "role": b.role,
                    "title_nl": b.title_nl,
                    "articles": list(b.articles),
                }
                for b in self.legal_bases
            ],
            "data_subjects": [
                {
                    "clause": "C-3",
                    "nl": message("register.data_subjects", "nl"),
                    "en": message("register.data_subjects", "en"),
                }
            ],
            "personal_data": [
                {
                    "item": spec.item.value,
                    "clause": spec.clause,
                    "justification_nl": spec.justification_nl,
                    "justification_en": spec.justification_en,
                    "dpv": DPV_PERSONAL_DATA[spec.item],
                    "fideslang": list(FIDESLANG_CATEGORIES[spec.item]),
                }
                for spec in self.data_items
            ],
            "special_categories": self.protocol.special_categories,
            "recipients": [
                {
                    "kind": r.kind,
                    "clause": r.clause,
                    "description_nl": r.description_nl,
                    "professional_secrecy": r.requires_professional_secrecy,
                }
                for r in self.recipients
            ],
            "processors": [
                {
                    "name": p.name,
                    "kbo": p.kbo,
                    "service": p.service,
                    "country": p.country,
                    "art28_agreement_on": _iso(p.art28_agreement_on),
                    "transfer_mechanism": p.transfer_mechanism,
                }
                for p in processors
            ],
            "third_country_transfers": [
                {"processor": p.name, "country": p.country, "mechanism": p.transfer_mechanism}
                for p in self.third_country_transfers
            ],
            "erasure": erasure_json(self.retention),
            "security_measures": [
                {"code": m.code, "clauses": list(m.clauses), "nl": m.text_nl, "en": m.text_en}
                for m in self.security_measures
            ],
        }

    def to_jsonld(self) -> dict[str, Any]:
        """The record as a DPV ``dpv:Process`` in JSON-LD, with an inline ``@context`` (A6-6).

        Uses ``hasDataController`` (with ``hasDataProtectionOfficer``), ``hasDataSource``,
        ``hasPurpose``, ``hasLegalBasis``, ``hasPersonalData``, ``hasDataSubject``,
        ``hasRecipient``, ``hasDataProcessor``, ``hasStorageCondition`` and
        ``hasTechnicalOrganisationalMeasure``.
        """
        return dpv_process(self)

    def fideslang(self) -> dict[str, Any]:
        """A fideslang privacy declaration (A6-6): data categories, data use, legal basis, retention."""
        return fideslang_declaration(self.name_en, self.fideslang_categories, self.retention)


def _purpose(p: Purpose) -> dict[str, str]:
    return {"clause": p.clause, "nl": p.text_nl, "en": p.text_en}


def _iso(value: Any) -> str | None:
    return None if value is None else str(value.isoformat())


def processing_register_entry(
    protocol: Protocol = TORHOUT, *, processors: ProcessorOverview | None = None
) -> RegisterEntry:
    """The register entry for the recipient's processing under ``protocol`` (A6-6; GDPR art. 30(1)).

    ``processors`` is the recipient's processor overview (A6-8, A6-9), if the register is
    to list them.
    """
    protocol = require_type(protocol, Protocol, "protocol")
    return RegisterEntry(
        protocol=protocol,
        controller=protocol.recipient,
        dpo_email=protocol.recipient.dpo_email,
        source=protocol.sender,
        purposes=tuple(p for p in protocol.purposes if p.clause != "A2-1"),
        original_purposes=tuple(p for p in protocol.purposes if p.clause == "A2-1"),
        legal_bases=tuple(
            b for b in protocol.legal_bases if b.role in {"sharing", "recipient_processing"}
        ),
        data_items=protocol.data_items,
        recipients=protocol.onward_recipients,
        processors=processors,
        retention=protocol.retention,
        security_measures=SECURITY_MEASURES,
    )
