"""The register entry as DPV 2 JSON-LD (A6-6; GDPR art. 30(1)): a ``dpv:Process`` with an
inline ``@context``, nothing to fetch.

Uses ``hasDataController`` (with ``hasDataProtectionOfficer``), ``hasDataSource``,
``hasPurpose``, ``hasLegalBasis``, ``hasPersonalData``, ``hasDataSubject``,
``hasRecipient``, ``hasDataProcessor``, ``hasStorageCondition`` and
``hasTechnicalOrganisationalMeasure``; every description in Dutch and English.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from protocol_share._text import message
from protocol_share.clientdata._dpv import DPV_CONTEXT, DPV_PERSONAL_DATA
from protocol_share.protocol._parts import Party
from protocol_share.register._terms import erasure_terms

if TYPE_CHECKING:
    from protocol_share.register._entry import RegisterEntry

__all__ = ["dpv_process"]


def _nl(text: str) -> dict[str, str]:
    return {"@value": text, "@language": "nl"}


def _en(text: str) -> dict[str, str]:
    return {"@value": text, "@language": "en"}


def _both(nl: str, en: str) -> list[dict[str, str]]:
    return [_nl(nl), _en(en)]


def _described(key: str, suffix: str = "", **values: object) -> list[dict[str, str]]:
    # A catalogue text in both languages, as JSON-LD language-tagged values.
    return _both(message(key, "nl", **values) + suffix, message(key, "en", **values) + suffix)


def _duration(value: str) -> dict[str, str]:
    return {"@value": value, "@type": "xsd:duration"}


def _kbo_urn(party: Party) -> str:
    return "urn:kbo:" + party.kbo.replace(".", "")


def dpv_process(entry: RegisterEntry) -> dict[str, Any]:
    """The record as a DPV ``dpv:Process`` in JSON-LD, with an inline ``@context`` (A6-6)."""
    until_contact, declined, client_file, unreachable, *_, withdrawn = erasure_terms(
        entry.retention
    )
    process: dict[str, Any] = {
        "@context": dict(DPV_CONTEXT),
        "@id": f"urn:protocol-share:processing:{entry.protocol.protocol_id}",
        "@type": "dpv:Process",
        "dct:identifier": entry.protocol.protocol_id,
        "dct:title": _both(entry.name_nl, entry.name_en),
        "dpv:hasDataController": {
            "@id": _kbo_urn(entry.controller),
            "@type": "dpv:DataController",
            "dpv:hasName": entry.controller.name,
            "dpv:hasAddress": entry.controller.seat,
            "dpv:hasDataProtectionOfficer": {
                "@type": "dpv:DataProtectionOfficer",
                "dpv:hasContact": f"mailto:{entry.dpo_email}",
            },
        },
        "dpv:hasDataSource": {
            "@id": _kbo_urn(entry.source),
            "@type": "dpv:ThirdPartyDataSource",
            "dpv:hasName": entry.source.name,
        },
        "dpv:hasPurpose": [
            {
                "@type": "dpv:Purpose",
                "dct:identifier": p.clause,
                "dct:description": _both(p.text_nl, p.text_en),
            }
            for p in entry.purposes
        ],
        "dpv:hasLegalBasis": [
            {
                "@type": "dpv:PublicInterest",
                "dct:identifier": b.clause,
                "dct:title": _nl(
                    b.title_nl + (f", art. {', '.join(b.articles)}" if b.articles else "")
                ),
            }
            for b in entry.legal_bases
        ],
        "dpv:hasPersonalData": [{"@id": DPV_PERSONAL_DATA[spec.item]} for spec in entry.data_items],
        "dpv:hasDataSubject": {
            "@type": "dpv:VulnerableDataSubject",
            "dct:description": _described("register.data_subjects", " (C-3)"),
        },
        "dpv:hasRecipient": [
            {
                "@type": "dpv:Recipient",
                "dct:identifier": r.clause,
                "dct:description": _nl(r.description_nl),
            }
            for r in entry.recipients
        ],
        "dpv:hasStorageCondition": [
            {
                "@type": "dpv:StorageDuration",
                "dct:identifier": "A3-4",
                "dpv:hasDuration": {
                    "@type": "dpv:UntilEventDuration",
                    "dct:description": _both(until_contact.text_nl, until_contact.text_en),
                },
            },
            {
                "@type": "dpv:StorageDeletion",
                "dct:identifier": declined.clause,
                "dct:description": _both(declined.text_nl, declined.text_en),
            },
            {
                "@type": "dpv:StorageDeletion",
                "dct:identifier": withdrawn.clause,
                "dct:description": _both(withdrawn.text_nl, withdrawn.text_en),
            },
            {
                "@type": "dpv:StorageDuration",
                "dct:identifier": "A3-6",
                "dpv:hasDuration": {
                    "@type": "dpv:TemporalDuration",
                    "rdf:value": _duration(f"P{entry.retention.client_file_years}Y"),
                    "dct:description": _both(client_file.text_nl, client_file.text_en),
                },
            },
            {
                "@type": "dpv:StorageDuration",
                "dct:identifier": "A3-4",
                "dpv:hasDuration": {
                    "@type": "dpv:TemporalDuration",
                    "rdf:value": _duration(f"P{entry.retention.unreachable_review_days}D"),
                    "dct:description": _both(unreachable.text_nl, unreachable.text_en),
                },
            },
            {
                "@type": "dpv:StorageLocation",
                "dct:description": _storage_location(entry),
            },
        ],
        "dpv:hasTechnicalOrganisationalMeasure": [
            {
                "@type": m.dpv_type,
                "dct:identifier": ", ".join(m.clauses),
                "dct:description": _both(m.text_nl, m.text_en),
            }
            for m in entry.security_measures
        ],
    }
    if entry.processors is not None and entry.processors.processors:
        process["dpv:hasDataProcessor"] = [
            {
                "@type": "dpv:DataProcessor",
                "dpv:hasName": p.name,
                "dpv:hasTechnicalOrganisationalMeasure": {
                    "@type": "dpv:ControllerProcessorAgreement",
                    "dct:description": (
                        _described(
                            "register.processor_agreement", date=p.art28_agreement_on.isoformat()
                        )
                        if p.art28_agreement_on
                        else _described("register.no_processor_agreement")
                    ),
                },
            }
            for p in entry.processors.processors
        ]
    return process


def _storage_location(entry: RegisterEntry) -> list[dict[str, str]]:
    """Where the data are kept (A6-6, A6-8): in Belgium, and any third country a processor
    works in, with its GDPR chapter V mechanism."""
    transfers = entry.third_country_transfers
    if not transfers:
        return _described("register.storage_location")
    listed = "; ".join(f"{p.name} ({p.country}, {p.transfer_mechanism or '-'})" for p in transfers)
    return _described("register.storage_location.transfers", transfers=listed)
