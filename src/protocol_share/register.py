"""The OCMW's register entry for this processing (A6-6; GDPR art. 30(1)).

A6-6 asks the OCMW to enter the received data in its register of processing activities.
:func:`processing_register_entry` builds that entry from the protocol, so it says exactly
what the protocol says:

- (a) the controller (the recipient: name, KBO number, seat) and its DPO;
- (b) the purposes (C-2, A2-2; the original purpose A2-1 is recorded with the source);
- (c) the categories of data subjects (C-3) and of personal data (A3-1, A3-2; no special
  categories, A3-3);
- (d) the categories of recipients (A4-1, A4-2) and, when given, the processors (A6-8);
- (e) no transfer to a third country;
- (f) the erasure terms (A3-4 to A3-6 and the host's review period for unreachable clients);
- (g) the security measures (C-1, C-5, A3, A6-2 to A6-5, A6-8, A9).

:meth:`RegisterEntry.to_json` gives plain JSON; :meth:`RegisterEntry.to_jsonld` gives a
DPV 2 (https://w3id.org/dpv) ``dpv:Process`` in JSON-LD with an inline ``@context``
(nothing to fetch); :meth:`RegisterEntry.fideslang` a fideslang privacy declaration whose
data categories are ``user.name.first``, ``user.name.last``, ``user.contact.address``,
``user.contact.phone_number`` and ``user.contact.email``.

>>> entry = processing_register_entry()
>>> entry.controller.name, entry.dpo_email
('OCMW Torhout', 'kurt.persyn@torhout.be')
>>> entry.fideslang_categories  # doctest: +NORMALIZE_WHITESPACE
('user.contact.address', 'user.contact.email', 'user.contact.phone_number',
 'user.name.first', 'user.name.last')
>>> entry.to_jsonld()["@type"]
'dpv:Process'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from protocol_share.fields import DataItem
from protocol_share.notices import ProcessorOverview
from protocol_share.protocol import (
    DataItemSpec,
    LegalBasis,
    OnwardRecipient,
    Party,
    Protocol,
    Purpose,
    RetentionTerms,
)
from protocol_share.torhout import TORHOUT

__all__ = [
    "DPV_CONTEXT",
    "DPV_PERSONAL_DATA",
    "FIDESLANG_CATEGORIES",
    "SECURITY_MEASURES",
    "RegisterEntry",
    "SecurityMeasure",
    "processing_register_entry",
]

DPV_CONTEXT: Final[Mapping[str, str]] = {
    "dpv": "https://w3id.org/dpv#",
    "pd": "https://w3id.org/dpv/pd#",
    "dct": "http://purl.org/dc/terms/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
"""The inline JSON-LD context: DPV 2 and its personal-data extension, Dublin Core terms."""

DPV_PERSONAL_DATA: Final[Mapping[DataItem, str]] = {
    DataItem.NAME: "pd:Name",
    DataItem.ADDRESS: "pd:PhysicalAddress",
    DataItem.PHONE: "pd:TelephoneNumber",
    DataItem.EMAIL: "pd:EmailAddress",
}
"""Each article 3 data item as a DPV personal-data category (A3-1, A3-2)."""

FIDESLANG_CATEGORIES: Final[Mapping[DataItem, tuple[str, ...]]] = {
    DataItem.NAME: ("user.name.first", "user.name.last"),
    DataItem.ADDRESS: ("user.contact.address",),
    DataItem.PHONE: ("user.contact.phone_number",),
    DataItem.EMAIL: ("user.contact.email",),
}
"""Each article 3 data item as fideslang data categories (A3-1, A3-2)."""


@dataclass(frozen=True, slots=True)
class SecurityMeasure:
    """A technical or organisational measure the protocol sets (GDPR art. 30(1)(g), art. 32)."""

    code: str
    clauses: tuple[str, ...]
    text_nl: str
    text_en: str
    dpv_type: str


SECURITY_MEASURES: Final[tuple[SecurityMeasure, ...]] = (
    SecurityMeasure(
        "encryption_in_transfer",
        ("A6-2",),
        "de gegevens reizen versleuteld: AES-256 via 7-Zip, wachtwoord langs een ander kanaal",
        "the data travel encrypted: AES-256 via 7-Zip, the password by another channel",
        "dpv:EncryptionInTransfer",
    ),
    SecurityMeasure(
        "single_mailbox",
        ("A6-1", "A6-3"),
        "één vaste bestemmingsmailbox van de sociale dienst",
        "a single, fixed destination mailbox of the social service",
        "dpv:InformationFlowControl",
    ),
    SecurityMeasure(
        "professional_secrecy",
        ("C-1", "C-5", "A4-1"),
        "afzender en ontvanger zijn gebonden door het beroepsgeheim",
        "sender and recipient are bound by professional secrecy",
        "dpv:LegalMeasure",
    ),
    SecurityMeasure(
        "data_minimisation",
        ("A3-1", "A3-2", "A3-3"),
        "enkel naam en contactgegevens; geen bijzondere of gerechtelijke gegevens, geen "
        "rijksregisternummer",
        "name and contact details only; no special-category or criminal data, no national "
        "register number",
        "dpv:TechnicalMeasure",
    ),
    SecurityMeasure(
        "security_policy",
        ("A6-4",),
        "informatieveiligheidsbeleid met een veiligheidsplan",
        "an information security policy with a security plan",
        "dpv:InformationSecurityPolicy",
    ),
    SecurityMeasure(
        "security_plan",
        ("A6-4",),
        "veiligheidsplan",
        "security plan",
        "dpv:SecurityProcedure",
    ),
    SecurityMeasure(
        "processor_agreements",
        ("A6-8", "A6-9"),
        "enkel verwerkers met voldoende garanties, elk met een verwerkersovereenkomst "
        "(artikel 28 AVG), en een bijgehouden overzicht",
        "only processors with sufficient guarantees, each under a GDPR art. 28 agreement, "
        "listed in an up-to-date overview",
        "dpv:ControllerProcessorAgreement",
    ),
    SecurityMeasure(
        "breach_procedure",
        ("A9-1", "A9-2", "A9-3", "A9-4"),
        "meldingsprocedure voor gegevenslekken via de functionarissen voor gegevensbescherming",
        "a data breach procedure through the data protection officers",
        "dpv:IncidentManagementProcedures",
    ),
)
"""The measures the protocol sets, each with its clauses and its DPV type."""


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
        return (
            f"Ontvangen verwijzingen van {self.source.name} (protocol {self.protocol.protocol_id})"
        )

    @property
    def name_en(self) -> str:
        """The processing activity's name in the register (English; A6-6)."""
        return f"Referrals received from {self.source.name} (protocol {self.protocol.protocol_id})"

    @property
    def fideslang_categories(self) -> tuple[str, ...]:
        """The fideslang data categories of the data items, sorted (A3-1, A3-2)."""
        return tuple(
            sorted({c for spec in self.data_items for c in FIDESLANG_CATEGORIES[spec.item]})
        )

    def _erasure(self) -> dict[str, Any]:
        years, days = self.retention.client_file_years, self.retention.unreachable_review_days
        return {
            "until_contact": {
                "clause": "A3-4",
                "nl": "bewaren tot er contact was en duidelijk is of de cliënt verdere hulp wil",
                "en": "keep until contact took place and it is clear whether the client wants help",
            },
            "declined": {
                "clause": "A3-4",
                "nl": "verwijderen zodra de cliënt verdere hulp weigert (AVG art. 5, lid 1, e))",
                "en": "delete once the client declines further help (GDPR art. 5(1)(e))",
            },
            "client_file": {
                "clause": "A3-6",
                "years_after_closing": years,
                "nl": f"in het cliëntdossier: {years} jaar na het afsluiten van het dossier",
                "en": f"in a client file: {years} years after the file is closed",
            },
            "unreachable": {
                "clause": "A3-4",
                "review_after_days": days,
                "nl": (
                    f"onbereikbare cliënt: herbekijken {days} dagen na de laatste poging "
                    "(het protocol zwijgt; termijn van de organisatie)"
                ),
                "en": (
                    f"unreachable client: review {days} days after the last attempt "
                    "(the protocol is silent; the host's period)"
                ),
            },
        }

    def to_json(self) -> dict[str, Any]:
        """The record as plain JSON data, keyed by the points of GDPR art. 30(1)."""
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
                    "nl": "cliënten: leden van sociaal kwetsbare gezinnen die het lokale team "
                    "doorverwijst",
                    "en": "clients: members of socially vulnerable families the local team refers",
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
                }
                for p in (self.processors.processors if self.processors else ())
            ],
            "third_country_transfers": [],
            "erasure": self._erasure(),
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
        erasure = self._erasure()
        process: dict[str, Any] = {
            "@context": dict(DPV_CONTEXT),
            "@id": f"urn:protocol-share:processing:{self.protocol.protocol_id}",
            "@type": "dpv:Process",
            "dct:identifier": self.protocol.protocol_id,
            "dct:title": [_nl(self.name_nl), _en(self.name_en)],
            "dpv:hasDataController": {
                "@id": _kbo_urn(self.controller),
                "@type": "dpv:DataController",
                "dpv:hasName": self.controller.name,
                "dpv:hasAddress": self.controller.seat,
                "dpv:hasDataProtectionOfficer": {
                    "@type": "dpv:DataProtectionOfficer",
                    "dpv:hasContact": f"mailto:{self.dpo_email}",
                },
            },
            "dpv:hasDataSource": {
                "@id": _kbo_urn(self.source),
                "@type": "dpv:ThirdPartyDataSource",
                "dpv:hasName": self.source.name,
            },
            "dpv:hasPurpose": [
                {
                    "@type": "dpv:Purpose",
                    "dct:identifier": p.clause,
                    "dct:description": [_nl(p.text_nl), _en(p.text_en)],
                }
                for p in self.purposes
            ],
            "dpv:hasLegalBasis": [
                {
                    "@type": "dpv:PublicInterest",
                    "dct:identifier": b.clause,
                    "dct:title": _nl(
                        b.title_nl + (f", art. {', '.join(b.articles)}" if b.articles else "")
                    ),
                }
                for b in self.legal_bases
            ],
            "dpv:hasPersonalData": [
                {"@id": DPV_PERSONAL_DATA[spec.item]} for spec in self.data_items
            ],
            "dpv:hasDataSubject": {
                "@type": "dpv:VulnerableDataSubject",
                "dct:description": _en(
                    "clients: members of socially vulnerable families the local team refers (C-3)"
                ),
            },
            "dpv:hasRecipient": [
                {
                    "@type": "dpv:Recipient",
                    "dct:identifier": r.clause,
                    "dct:description": _nl(r.description_nl),
                }
                for r in self.recipients
            ],
            "dpv:hasStorageCondition": [
                {
                    "@type": "dpv:StorageDuration",
                    "dct:identifier": "A3-4",
                    "dpv:hasDuration": {
                        "@type": "dpv:UntilEventDuration",
                        "dct:description": _en(erasure["until_contact"]["en"]),
                    },
                },
                {
                    "@type": "dpv:StorageDeletion",
                    "dct:identifier": "A3-4",
                    "dct:description": _en(erasure["declined"]["en"]),
                },
                {
                    "@type": "dpv:StorageDuration",
                    "dct:identifier": "A3-6",
                    "dpv:hasDuration": {
                        "@type": "dpv:TemporalDuration",
                        "rdf:value": _duration(f"P{self.retention.client_file_years}Y"),
                        "dct:description": _en(erasure["client_file"]["en"]),
                    },
                },
                {
                    "@type": "dpv:StorageDuration",
                    "dct:identifier": "A3-4",
                    "dpv:hasDuration": {
                        "@type": "dpv:TemporalDuration",
                        "rdf:value": _duration(f"P{self.retention.unreachable_review_days}D"),
                        "dct:description": _en(erasure["unreachable"]["en"]),
                    },
                },
                {
                    "@type": "dpv:StorageLocation",
                    "dct:description": _en("in Belgium; no transfer to a third country"),
                },
            ],
            "dpv:hasTechnicalOrganisationalMeasure": [
                {
                    "@type": m.dpv_type,
                    "dct:identifier": ", ".join(m.clauses),
                    "dct:description": [_nl(m.text_nl), _en(m.text_en)],
                }
                for m in self.security_measures
            ],
        }
        if self.processors is not None and self.processors.processors:
            process["dpv:hasDataProcessor"] = [
                {
                    "@type": "dpv:DataProcessor",
                    "dpv:hasName": p.name,
                    "dpv:hasTechnicalOrganisationalMeasure": {
                        "@type": "dpv:ControllerProcessorAgreement",
                        "dct:description": _en(
                            f"GDPR art. 28 agreement of {p.art28_agreement_on.isoformat()}"
                            if p.art28_agreement_on
                            else "no GDPR art. 28 agreement recorded"
                        ),
                    },
                }
                for p in self.processors.processors
            ]
        return process

    def fideslang(self) -> dict[str, Any]:
        """A fideslang privacy declaration (A6-6): data categories, data use, legal basis, retention."""
        return {
            "name": self.name_en,
            "data_categories": list(self.fideslang_categories),
            "data_use": "essential.service",
            "legal_basis_for_processing": "Public interest",
            "retention_period": (
                f"until contact and a clear answer; deleted when declined; "
                f"{self.retention.client_file_years} years after a client file is closed"
            ),
            "processes_special_category_data": False,
        }


def _purpose(p: Purpose) -> dict[str, str]:
    return {"clause": p.clause, "nl": p.text_nl, "en": p.text_en}


def _nl(text: str) -> dict[str, str]:
    return {"@value": text, "@language": "nl"}


def _en(text: str) -> dict[str, str]:
    return {"@value": text, "@language": "en"}


def _duration(value: str) -> dict[str, str]:
    return {"@value": value, "@type": "xsd:duration"}


def _kbo_urn(party: Party) -> str:
    return "urn:kbo:" + party.kbo.replace(".", "")


def _iso(value: Any) -> str | None:
    return None if value is None else str(value.isoformat())


def processing_register_entry(
    protocol: Protocol = TORHOUT, *, processors: ProcessorOverview | None = None
) -> RegisterEntry:
    """The register entry for the recipient's processing under ``protocol`` (A6-6; GDPR art. 30(1)).

    ``processors`` is the recipient's processor overview (A6-8, A6-9), if the register is
    to list them.
    """
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
