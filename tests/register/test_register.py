"""The register entry (A6-6; GDPR art. 30(1)): plain JSON, DPV JSON-LD, fideslang.

The JSON-LD is parsed offline with pyld (the document loader refuses every fetch; the
context is inline) and every term it uses is checked against the lists below.

Where the term lists come from (checked by hand, term by term, not fetched by the tests):

- DPV: the W3C Data Privacy Vocabularies and Controls CG's DPV 2.0 term tables,
  repository ``w3c/dpv``, files ``2.0/dpv/modules/{process,purposes,personal_data,
  legal_basis,entities,entities_legalrole,entities_datasubject,processing_context,context,
  TOM,technical_measures,organisational_measures,legal_measures}.csv``; namespace
  ``https://w3id.org/dpv#`` as the published DPV 2 specification states.
- DPV-PD: the same repository, ``2.0/pd/pd.csv``; namespace ``https://w3id.org/dpv/pd#``.
  It has ``pd:Name`` but no first-name or last-name terms.
- Dublin Core terms (``title``, ``identifier``, ``description``) from DCMI Metadata Terms;
  ``rdf:type``, ``rdf:value``, ``rdf:langString`` from RDF 1.1; ``xsd:duration`` and
  ``xsd:string`` from XML Schema 1.1 Part 2.
- fideslang: the default taxonomy of fideslang 3.1.4 (PyPI),
  ``fideslang/default_taxonomy/data_categories.py`` and ``data_uses.py``.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld

from protocol_share import TORHOUT
from protocol_share.notices import Processor, ProcessorOverview
from protocol_share.protocol._parts import RetentionTerms
from protocol_share.register import processing_register_entry

DPV = "https://w3id.org/dpv#"
PD = "https://w3id.org/dpv/pd#"
DPV_TERMS = frozenset(
    DPV + term
    for term in [
        "Process",
        "hasPurpose",
        "Purpose",
        "hasPersonalData",
        "hasLegalBasis",
        "LegalBasis",
        "PublicInterest",
        "OfficialAuthorityOfController",
        "hasRecipient",
        "Recipient",
        "hasDataProcessor",
        "DataProcessor",
        "hasDataController",
        "DataController",
        "hasDataProtectionOfficer",
        "DataProtectionOfficer",
        "hasName",
        "hasAddress",
        "hasContact",
        "hasDataSubject",
        "DataSubject",
        "VulnerableDataSubject",
        "hasDataSource",
        "DataSource",
        "ThirdPartyDataSource",
        "hasStorageCondition",
        "StorageCondition",
        "StorageDuration",
        "StorageDeletion",
        "StorageLocation",
        "hasDuration",
        "Duration",
        "UntilEventDuration",
        "TemporalDuration",
        "hasTechnicalOrganisationalMeasure",
        "TechnicalOrganisationalMeasure",
        "TechnicalMeasure",
        "OrganisationalMeasure",
        "LegalMeasure",
        "EncryptionInTransfer",
        "Encryption",
        "InformationFlowControl",
        "InformationSecurityPolicy",
        "SecurityProcedure",
        "ControllerProcessorAgreement",
        "DataProcessingAgreement",
        "IncidentManagementProcedures",
        "ROPA",
        "RecordsOfActivities",
    ]
)
PD_TERMS = frozenset(
    PD + term for term in ["Name", "PhysicalAddress", "TelephoneNumber", "EmailAddress", "Contact"]
)
OTHER_TERMS = frozenset(
    {
        "http://purl.org/dc/terms/title",
        "http://purl.org/dc/terms/identifier",
        "http://purl.org/dc/terms/description",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#value",
        "http://www.w3.org/2001/XMLSchema#duration",
        "http://www.w3.org/2001/XMLSchema#string",  # the datatype of a plain literal
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString",  # ... of a tagged one
    }
)
FIDESLANG_CATEGORIES = frozenset(
    {
        "user.contact",
        "user.contact.address",
        "user.contact.address.city",
        "user.contact.address.country",
        "user.contact.address.postal_code",
        "user.contact.address.street",
        "user.contact.email",
        "user.contact.phone_number",
        "user.name",
        "user.name.first",
        "user.name.last",
    }
)
FIDESLANG_USES = frozenset({"essential", "essential.service", "essential.legal_obligation"})


def offline(url: str, options: Any = None) -> Any:
    raise AssertionError(f"the JSON-LD tried to fetch {url}")


OPTIONS = {"documentLoader": offline}


def quads(document: dict[str, Any]) -> list[tuple[str, str, str]]:
    dataset = jsonld.to_rdf(document, OPTIONS)
    return [
        (t["subject"]["value"], t["predicate"]["value"], t["object"]["value"])
        for graph in dataset.values()
        for t in graph
    ] + [
        (t["subject"]["value"], t["predicate"]["value"], t["object"].get("datatype", ""))
        for graph in dataset.values()
        for t in graph
        if t["object"]["type"] == "literal"
    ]


def keys(node: Any) -> list[str]:
    """Every property key below ``node`` (JSON-LD keywords left out)."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if not key.startswith("@"):
                found.append(key)
            if key != "@context":
                found += keys(value)
    elif isinstance(node, list):
        for item in node:
            found += keys(item)
    return found


# --- plain JSON: the points of art. 30(1) ------------------------------------------------


def test_the_plain_record_covers_every_point_of_article_30_1() -> None:
    record = processing_register_entry().to_json()
    assert record["clause"] == "A6-6"
    assert record["controller"] == {
        "name": "OCMW Torhout",
        "kbo": "0212.175.523",
        "address": "Aartrijkestraat 11/B, 8820 Torhout",
    }
    assert record["dpo"] == {"email": "kurt.persyn@torhout.be"}
    assert [p["clause"] for p in record["purposes"]] == ["C-2", "A2-2"]
    assert [p["clause"] for p in record["source"]["original_purposes"]] == ["A2-1"]
    assert record["source"]["name"] == "Opgroeien regie"
    assert [d["clause"] for d in record["data_subjects"]] == ["C-3"]
    assert [d["item"] for d in record["personal_data"]] == ["name", "address", "phone", "email"]
    assert record["special_categories"] is False
    assert [r["clause"] for r in record["recipients"]] == ["A4-1", "A4-2"]
    assert record["third_country_transfers"] == []
    assert record["erasure"]["client_file"]["years_after_closing"] == 10
    # Deleting what a client declined is the library's reading, not A3-4's text (issue 12).
    assert record["erasure"]["declined"]["clause"] == "GDPR art. 5(1)(e)"
    assert record["erasure"]["declined"]["reading"] is True
    assert "not a term of the protocol" in record["erasure"]["declined"]["en"]
    assert record["erasure"]["client_file"]["reading"] is False
    assert record["erasure"]["until_contact"]["review_after_days"] == 30
    assert record["erasure"]["consent_withdrawn"]["clause"] == "C-7"
    assert {m["code"] for m in record["security_measures"]} >= {
        "encryption_in_transfer",
        "security_policy",
        "security_plan",
        "processor_agreements",
    }
    assert {b["role"] for b in record["legal_bases"]} == {"sharing", "recipient_processing"}
    assert json.loads(json.dumps(record)) == record


def test_the_record_follows_the_protocol_it_is_built_from() -> None:
    host = TORHOUT.model_copy(
        update={"retention": RetentionTerms(client_file_years=30, unreachable_review_days=45)}
    )
    record = processing_register_entry(host).to_json()
    assert record["erasure"]["client_file"]["years_after_closing"] == 30
    assert record["erasure"]["unreachable"]["review_after_days"] == 45
    jsonld_text = json.dumps(processing_register_entry(host).to_jsonld())
    assert '"P30Y"' in jsonld_text
    assert '"P45D"' in jsonld_text


def overview(*processors: Processor) -> ProcessorOverview:
    """The recipient's processor overview (A6-8, A6-9) as of 1 January 2025."""
    return ProcessorOverview(party="recipient", as_of=date(2025, 1, 1), processors=processors)


def test_processors_are_listed_when_an_overview_is_given() -> None:
    cevi = Processor(
        name="Cevi",
        service="cliëntdossier-software",
        art28_agreement_on=date(2024, 1, 10),
        since=date(2024, 2, 1),
    )
    entry = processing_register_entry(processors=overview(cevi))
    assert entry.to_json()["processors"][0]["art28_agreement_on"] == "2024-01-10"
    document = entry.to_jsonld()
    assert document["dpv:hasDataProcessor"][0]["dpv:hasName"] == "Cevi"
    assert "dpv:hasDataProcessor" not in processing_register_entry().to_jsonld()


def test_third_country_transfers_are_derived_from_the_processors() -> None:
    # GDPR art. 30(1)(e): the register lists the transfers; a US processor is one.
    cevi = Processor(name="Cevi", service="dossier", since=date(2024, 2, 1))
    cloud = Processor(
        name="Cloudco",
        service="mail",
        country="US",
        transfer_mechanism="standard_contractual_clauses",
        since=date(2024, 2, 1),
    )
    assert (
        processing_register_entry(processors=overview(cevi)).to_json()["third_country_transfers"]
        == []
    )
    record = processing_register_entry(processors=overview(cevi, cloud)).to_json()
    assert record["third_country_transfers"] == [
        {"processor": "Cloudco", "country": "US", "mechanism": "standard_contractual_clauses"}
    ]
    assert record["processors"][1]["transfer_mechanism"] == "standard_contractual_clauses"
    entry = processing_register_entry(processors=overview(cevi, cloud))
    [location] = [
        c
        for c in entry.to_jsonld()["dpv:hasStorageCondition"]
        if c["@type"] == "dpv:StorageLocation"
    ]
    described = json.dumps(location["dct:description"], ensure_ascii=False)
    assert "Cloudco (US, standard_contractual_clauses)" in described
    assert "third country" in described
    assert "no transfer" not in described


# --- DPV JSON-LD ----------------------------------------------------------------------------


@pytest.mark.parametrize("with_processors", [False, True])
def test_the_jsonld_parses_offline_and_uses_only_existing_terms(with_processors: bool) -> None:
    overview = ProcessorOverview(
        party="recipient",
        as_of=date(2025, 1, 1),
        processors=(Processor(name="Cevi", service="software", since=date(2024, 2, 1)),),
    )
    document = processing_register_entry(
        processors=overview if with_processors else None
    ).to_jsonld()
    expanded = jsonld.expand(document, OPTIONS)
    # Nothing was dropped: an unknown term would vanish silently in expansion.
    assert len(keys(expanded)) == len(keys(document))
    used = {p for _, p, _ in quads(document)}
    used |= {o for _, p, o in quads(document) if o.startswith(("http://", "https://"))}
    known = DPV_TERMS | PD_TERMS | OTHER_TERMS
    assert used - known == set(), "terms outside the checked vocabularies"
    assert all(
        iri.startswith((DPV, PD, "http://purl.org/dc/terms/", "http://www.w3.org/")) for iri in used
    )


def test_the_jsonld_is_a_dpv_process_with_the_required_properties() -> None:
    document = processing_register_entry().to_jsonld()
    triples = quads(document)
    root = document["@id"]
    assert (root, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", DPV + "Process") in triples
    properties = {p for s, p, _ in triples if s == root}
    for name in (
        "hasPurpose",
        "hasPersonalData",
        "hasLegalBasis",
        "hasRecipient",
        "hasStorageCondition",
        "hasTechnicalOrganisationalMeasure",
        "hasDataController",
    ):
        assert DPV + name in properties
    personal = {o for s, p, o in triples if s == root and p == DPV + "hasPersonalData"}
    assert personal == {
        PD + "Name",
        PD + "PhysicalAddress",
        PD + "TelephoneNumber",
        PD + "EmailAddress",
    }
    assert document["@context"]["dpv"] == DPV


def test_the_jsonld_survives_a_round_trip_through_compaction() -> None:
    document = processing_register_entry().to_jsonld()
    compacted = jsonld.compact(jsonld.expand(document, OPTIONS), document["@context"], OPTIONS)
    assert sorted(map(str, quads(compacted | {"@context": document["@context"]}))) == sorted(
        map(str, quads(document))
    )


# --- fideslang ------------------------------------------------------------------------------


def test_the_fideslang_categories_are_the_five_of_article_3() -> None:
    entry = processing_register_entry()
    assert set(entry.fideslang_categories) == {
        "user.name.first",
        "user.name.last",
        "user.contact.address",
        "user.contact.email",
        "user.contact.phone_number",
    }
    assert set(entry.fideslang_categories) <= FIDESLANG_CATEGORIES
    declaration = entry.fideslang()
    assert set(declaration["data_categories"]) <= FIDESLANG_CATEGORIES
    assert declaration["data_use"] in FIDESLANG_USES
    assert declaration["legal_basis_for_processing"] == "Public interest"
    assert declaration["processes_special_category_data"] is False
    record = entry.to_json()
    assert {c for d in record["personal_data"] for c in d["fideslang"]} == set(
        entry.fideslang_categories
    )


def test_fewer_data_items_give_fewer_categories() -> None:
    host = TORHOUT.model_copy(update={"data_items": TORHOUT.data_items[:2]})
    entry = processing_register_entry(host)
    assert entry.fideslang_categories == (
        "user.contact.address",
        "user.name.first",
        "user.name.last",
    )
    personal = {d["@id"] for d in entry.to_jsonld()["dpv:hasPersonalData"]}
    assert personal == {"pd:Name", "pd:PhysicalAddress"}


# --- the command line: protocol-share register, and the demo ---------------------------------


def run(*argv: str) -> tuple[int, str, str]:
    import io

    from protocol_share.cli import main

    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_the_register_command_prints_text_json_dpv_and_fideslang() -> None:
    code, out, err = run("register", "--lang", "en")
    assert (code, err) == (0, "")
    assert "controller: OCMW Torhout (0212.175.523), DPO kurt.persyn@torhout.be" in out
    assert "none to third countries" in out
    code, out, err = run("register")
    assert (code, err) == (0, "")
    assert "verantwoordelijke: OCMW Torhout (0212.175.523), DPO kurt.persyn@torhout.be" in out
    assert "geen naar derde landen" in out
    code, out, _ = run("register", "--json")
    assert json.loads(out) == processing_register_entry().to_json()
    code, out, _ = run("register", "--format", "dpv")
    document = json.loads(out)
    assert document == processing_register_entry().to_jsonld()
    assert jsonld.expand(document, OPTIONS)
    code, out, _ = run("register", "--format", "fideslang")
    assert set(json.loads(out)["data_categories"]) <= FIDESLANG_CATEGORIES


def test_the_register_command_reads_another_protocol(tmp_path: Path) -> None:
    host = TORHOUT.model_copy(update={"retention": RetentionTerms(client_file_years=12)})
    path = tmp_path / "protocol.json"
    path.write_text(host.model_dump_json(), encoding="utf-8")
    code, out, _ = run("register", "--json", "--protocol", str(path))
    assert code == 0
    assert json.loads(out)["erasure"]["client_file"]["years_after_closing"] == 12


def test_the_demo_shows_what_happens_after_receipt() -> None:
    code, out, err = run("demo")
    assert (code, err) == (0, "")
    assert "na ontvangst:" in out
    assert "demo-4: dossier_closed -> keep, bewaren tot 2034-02-28" in out
    assert "demo-2: declined -> delete" in out
    assert "Melding gegevenslek demo-lek-1" in out
    code, out, _ = run("demo", "--json")
    after = json.loads(out)["after_receipt"]
    assert after["retention"]["decisions"]["demo-3"]["action"] == "review"
    assert after["breach"]["to"] == "DPO Opgroeien regie <dpo@opgroeien.be>"
    assert after["register"]["fideslang"] == list(processing_register_entry().fideslang_categories)


def test_the_consent_record_and_the_register_speak_one_dpv() -> None:
    # One context and one data-item map for every DPV record the library writes (A3, A6-6).
    from datetime import UTC, datetime

    from protocol_share import dpv_record
    from protocol_share.examples import example_consent

    consent = example_consent(at=datetime(2025, 3, 3, 9, tzinfo=UTC))
    record, entry = dpv_record(consent), processing_register_entry().to_jsonld()
    assert record["@context"] == entry["@context"]
    consented = {item["@id"] for item in record["dpv:hasPersonalData"]}
    registered = {item["@id"] for item in entry["dpv:hasPersonalData"]}
    assert consented <= registered
