"""The consent (C-6, C-7; GDPR art. 7) and its exports: Kantara receipt and DPV record."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pyld import jsonld

from protocol_share import (
    ALL_TOPICS,
    TORHOUT,
    Consent,
    DataItem,
    InvalidInput,
    dpv_record,
    kantara_receipt,
)
from protocol_share._time import BRUSSELS
from protocol_share.clientdata._dpv import DPV_CONTEXT
from protocol_share.strategies import consents
from tests.decision import clock_changes as clock

GIVEN = datetime(2026, 11, 20, 14, 0, tzinfo=UTC)
CONSENT: dict[str, Any] = {
    "consent_id": "c-2026-000042",
    "given_at": GIVEN,
    "method": "verbal",
    "information_notice": "infofiche-ocmw-v2",
    "explained": ALL_TOPICS,
    "recipient_kbo": "0212175523",
    "data_items": {"name", "address", "phone"},
    "recorded_by": "kg-torhout-017",
}
POLICY_URL, PHONE = "https://www.opgroeien.be/privacy", "02 533 12 11"


def consent(**changes: Any) -> Consent:
    return Consent(**{**CONSENT, **changes})


# --- the record -----------------------------------------------------------------------------


def test_a_consent_records_who_when_how_what_and_for_whom() -> None:
    record = consent()
    assert record.recipient_kbo == "0212.175.523"
    assert record.given_by == "client"
    assert record.data_items == {DataItem.NAME, DataItem.ADDRESS, DataItem.PHONE}
    assert record.fully_informed
    assert not consent(explained={"data", "recipient"}).fully_informed


@pytest.mark.parametrize(
    ("changes", "path", "code"),
    [
        ({"given_at": datetime(2026, 11, 20, 14, 0)}, "given_at", "TIMEZONE_AWARE"),
        ({"method": "telepathic"}, "method", "LITERAL_ERROR"),
        ({"explained": {"data", "gossip"}}, "explained.1", "LITERAL_ERROR"),
        ({"data_items": set()}, "data_items", "TOO_SHORT"),
        ({"data_items": {"name", "national_number"}}, "data_items.1", "ENUM"),
        ({"recipient_kbo": "0212175524"}, "recipient_kbo", "INVALID_KBO"),
        ({"recorded_by": "85.07.30-033.28"}, "recorded_by", "FORBIDDEN_IDENTIFIER"),
        (
            {"withdrawn_at": GIVEN - timedelta(seconds=1)},
            "withdrawn_at",
            "WITHDRAWAL_BEFORE_CONSENT",
        ),
        ({"reason": "extra"}, "reason", "EXTRA_FORBIDDEN"),
    ],
)
def test_an_invalid_consent_names_the_field_and_code_only(
    changes: dict[str, Any], path: str, code: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        consent(**changes)
    problems = {(p.path.split(".")[0], p.code) for p in caught.value.problems}
    assert (path.split(".")[0], code) in problems
    assert "85.07.30" not in str(caught.value)


def test_withdraw_returns_a_new_record_and_keeps_the_old() -> None:
    original = consent()
    withdrawn = original.withdraw(GIVEN + timedelta(days=2))
    assert original.withdrawn_at is None
    assert withdrawn.withdrawn_at == GIVEN + timedelta(days=2)
    assert withdrawn.model_dump(exclude={"withdrawn_at"}) == original.model_dump(
        exclude={"withdrawn_at"}
    )
    # an earlier withdrawal stands; a later one moves it earlier
    assert withdrawn.withdraw(GIVEN + timedelta(days=5)) is withdrawn
    assert withdrawn.withdraw(GIVEN + timedelta(days=1)).withdrawn_at == GIVEN + timedelta(days=1)


@pytest.mark.parametrize(
    ("at", "code"),
    [
        (GIVEN - timedelta(microseconds=1), "WITHDRAWAL_BEFORE_CONSENT"),
        (datetime(2026, 11, 21), "NAIVE_DATETIME"),
        ("2026-11-21T10:00:00+01:00", "WRONG_TYPE"),
    ],
)
def test_a_withdrawal_before_the_consent_or_without_a_time_zone_is_an_error(
    at: Any, code: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        consent().withdraw(at)
    assert caught.value.codes == {code}


@given(record=consents(), delay=st.integers(0, 10**9))
def test_a_consent_is_withdrawn_from_the_moment_of_withdrawal_on(
    record: Consent, delay: int
) -> None:
    # Instants are added in UTC: wall-clock arithmetic drops the fold of a repeated hour.
    moment = record.given_at.astimezone(UTC) + timedelta(microseconds=delay)
    withdrawn = record.withdraw(moment)
    assert withdrawn.is_withdrawn_at(moment)
    assert withdrawn.is_withdrawn_at(moment + timedelta(days=1))
    assert not withdrawn.is_withdrawn_at(moment - timedelta(microseconds=1))
    assert not record.is_withdrawn_at(moment)


@given(consents())
def test_a_consent_round_trips_through_json(record: Consent) -> None:
    back = Consent.model_validate_json(record.model_dump_json())
    # Instants, not zoned datetimes: an ambiguous Brussels time never equals its fixed-offset
    # reading across zones (PEP 495), though both are the same instant.
    assert back.model_dump_json() == record.model_dump_json()
    assert back.given_at.astimezone(UTC) == record.given_at.astimezone(UTC)
    assert record.fully_informed
    assert record.recipient_kbo == TORHOUT.recipient.kbo


# --- Kantara Consent Receipt v1.1 -----------------------------------------------------------

# The fields the Kantara Consent Receipt Specification v1.1.0 (2018-02-20) marks MUST.
KANTARA_V1_1 = {
    "type": "object",
    "required": [
        "version", "jurisdiction", "consentTimestamp", "collectionMethod", "consentReceiptID",
        "piiPrincipalId", "piiControllers", "policyUrl", "services", "sensitive", "spiCat",
    ],
    "properties": {
        "version": {"const": "KI-CR-v1.1.0"},
        "jurisdiction": {"type": "string", "minLength": 1},
        "consentTimestamp": {"type": "integer"},
        "collectionMethod": {"type": "string", "minLength": 1},
        "consentReceiptID": {"type": "string", "minLength": 1},
        "publicKey": {"type": "string"},
        "language": {"type": "string"},
        "piiPrincipalId": {"type": "string", "minLength": 1},
        "piiControllers": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["piiController", "contact", "address", "email", "phone"],
                "properties": {
                    "piiController": {"type": "string", "minLength": 1},
                    "onBehalf": {"type": "boolean"},
                    "contact": {"type": "string", "minLength": 1},
                    "address": {"type": "object", "minProperties": 1},
                    "email": {"type": "string", "format": "email"},
                    "phone": {"type": "string", "minLength": 1},
                    "piiControllerUrl": {"type": "string"},
                },
            },
        },
        "policyUrl": {"type": "string", "pattern": "^https://"},
        "services": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["service", "purposes"],
                "properties": {
                    "service": {"type": "string", "minLength": 1},
                    "purposes": {
                        "type": "array",
                        "minItems": 1,
                        "items": {
                            "type": "object",
                            "required": [
                                "purpose", "purposeCategory", "consentType", "piiCategory",
                                "termination", "thirdPartyDisclosure",
                            ],
                            "properties": {
                                "purpose": {"type": "string", "minLength": 1},
                                "purposeCategory": {"type": "array", "minItems": 1},
                                "consentType": {"enum": ["EXPLICIT", "IMPLICIT"]},
                                "piiCategory": {"type": "array", "minItems": 1},
                                "primaryPurpose": {"type": "boolean"},
                                "termination": {"type": "string", "minLength": 1},
                                "thirdPartyDisclosure": {"type": "boolean"},
                                "thirdPartyName": {"type": "string", "minLength": 1},
                            },
                            "if": {"properties": {"thirdPartyDisclosure": {"const": True}}},
                            "then": {"required": ["thirdPartyName"]},
                        },
                    },
                },
            },
        },
        "sensitive": {"type": "boolean"},
        "spiCat": {"type": "array"},
    },
}  # fmt: skip


@given(record=consents(), language=st.sampled_from(("nl", "en")))
def test_the_receipt_has_every_field_kantara_requires(record: Consent, language: Any) -> None:
    receipt = kantara_receipt(
        record, language=language, policy_url=POLICY_URL, controller_phone=PHONE
    )
    jsonschema.validate(receipt, KANTARA_V1_1)
    json.dumps(receipt)  # plain JSON
    assert receipt["consentTimestamp"] == int(record.given_at.timestamp())
    assert receipt["language"] == language
    categories = receipt["services"][0]["purposes"][0]["piiCategory"]
    assert ("2 - Contact" in categories) == bool(
        record.data_items & {DataItem.ADDRESS, DataItem.PHONE, DataItem.EMAIL}
    )
    assert ("1 - Biographical" in categories) == (DataItem.NAME in record.data_items)


def test_the_receipt_names_the_controller_the_third_party_and_no_special_data() -> None:
    receipt = kantara_receipt(consent(), policy_url=POLICY_URL, controller_phone=PHONE)
    controller = receipt["piiControllers"][0]
    assert controller["piiController"] == TORHOUT.sender.name
    assert controller["email"] == TORHOUT.sender.dpo_email
    assert controller["phone"] == "+3225331211"
    purpose = receipt["services"][0]["purposes"][0]
    assert purpose["thirdPartyDisclosure"] is True
    assert purpose["thirdPartyName"] == TORHOUT.recipient.name
    assert purpose["purpose"] == next(p.text_nl for p in TORHOUT.purposes if p.clause == "C-2")
    assert (receipt["sensitive"], receipt["spiCat"]) == (False, [])  # A3-3


def test_the_receipt_id_is_derived_never_random() -> None:
    first = kantara_receipt(consent(), policy_url=POLICY_URL, controller_phone=PHONE)[
        "consentReceiptID"
    ]
    assert (
        kantara_receipt(consent(), policy_url=POLICY_URL, controller_phone=PHONE)[
            "consentReceiptID"
        ]
        == first
    )
    assert uuid.UUID(first).version == 5
    other = kantara_receipt(
        consent(consent_id="c-2026-000043"), policy_url=POLICY_URL, controller_phone=PHONE
    )["consentReceiptID"]
    assert other != first


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"policy_url": "http://www.opgroeien.be/privacy"}, "policy_url"),
        ({"policy_url": "opgroeien.be"}, "policy_url"),
        ({"controller_phone": "12"}, "controller_phone"),
        ({"language": "fr"}, "language"),
    ],
)
def test_the_receipt_refuses_a_bad_url_phone_or_language(
    changes: dict[str, Any], path: str
) -> None:
    arguments: dict[str, Any] = {"policy_url": POLICY_URL, "controller_phone": PHONE, **changes}
    with pytest.raises(InvalidInput) as caught:
        kantara_receipt(consent(), **arguments)
    assert {p.path for p in caught.value.problems} == {path}


# --- DPV JSON-LD record --------------------------------------------------------------------

DPV, PD = DPV_CONTEXT["dpv"], DPV_CONTEXT["pd"]
XSD_DATETIME = "http://www.w3.org/2001/XMLSchema#dateTime"
PD_TERMS = {
    DataItem.NAME: PD + "Name",
    DataItem.ADDRESS: PD + "PhysicalAddress",
    DataItem.PHONE: PD + "TelephoneNumber",
    DataItem.EMAIL: PD + "EmailAddress",
}


def _ids(node: dict[str, Any], prop: str) -> set[str]:
    return {value["@id"] for value in node.get(prop, [])}


@given(consents())
def test_the_dpv_record_expands_to_a_dpv_consent_over_the_items_it_covers(record: Consent) -> None:
    document = dpv_record(record)
    (node,) = jsonld.expand(document)
    assert node["@type"] == [DPV + "Consent"]
    assert node["@id"] == f"urn:protocol-share:{TORHOUT.protocol_id}:consent:{record.consent_id}"
    assert _ids(node, DPV + "hasPersonalData") == {PD_TERMS[item] for item in record.data_items}
    assert _ids(node, DPV + "hasConsentStatus") == {DPV + "ConsentGiven"}
    (moment,) = node[DPV + "isIndicatedAtTime"]
    assert moment["@type"] == XSD_DATETIME
    # Same instant; compared as timestamps, since == between zones is False for an
    # ambiguous wall time (PEP 495), which hypothesis draws around DST changes.
    assert datetime.fromisoformat(moment["@value"]).timestamp() == record.given_at.timestamp()
    expected_by = "DataSubject" if record.given_by == "client" else "GuardianOfDataSubject"
    assert _ids(node, DPV + "isIndicatedBy") == {DPV + expected_by}
    (recipient,) = node[DPV + "hasRecipient"]
    assert recipient["@type"] == [DPV + "Recipient"]
    (controller,) = node[DPV + "hasDataController"]
    assert controller["@type"] == [DPV + "DataController"]
    (purpose,) = node[DPV + "hasPurpose"]
    assert purpose["@type"] == [DPV + "Purpose"]
    assert node[DPV + "hasNotice"]


def test_no_term_of_the_dpv_record_is_dropped_by_expansion() -> None:
    document = dpv_record(consent())
    (node,) = jsonld.expand(document)
    compact_terms = {key for key in document if not key.startswith("@")}
    assert len([key for key in node if not key.startswith("@")]) == len(compact_terms)


def test_a_withdrawn_consent_says_so_with_both_moments() -> None:
    withdrawn = consent().withdraw(GIVEN + timedelta(days=3))
    (node,) = jsonld.expand(dpv_record(withdrawn))
    assert _ids(node, DPV + "hasConsentStatus") == {DPV + "ConsentWithdrawn"}
    events = node["http://purl.org/dc/terms/hasPart"]
    assert {event["@type"][0] for event in events} == {
        DPV + "ConsentGiven",
        DPV + "ConsentWithdrawn",
    }


def test_the_record_needs_no_network_and_names_no_client() -> None:
    # An inline context only: expansion with a loader that refuses every fetch still works.
    def refuse(url: str, options: dict[str, Any]) -> dict[str, Any]:
        raise AssertionError(f"fetched {url}")

    jsonld.expand(dpv_record(consent()), {"documentLoader": refuse})
    text = json.dumps(dpv_record(consent()), ensure_ascii=False)
    assert "Ségolène" not in text
    assert "@example" not in text


# --- instants, not wall clocks (PEP 495) ----------------------------------------------------


@pytest.mark.parametrize(
    ("withdrawn_at", "at", "withdrawn"),
    [
        (clock.AUTUMN_0250_F0, clock.AUTUMN_0240_F1, True),  # withdrawn 50 minutes before at
        (clock.AUTUMN_0230_F1, clock.AUTUMN_0245_F0, False),  # withdrawn 45 minutes after at
        (clock.SPRING_0230_GAP, clock.SPRING_0310, False),  # withdrawn 20 minutes after at
    ],
)
def test_is_withdrawn_at_orders_instants_across_the_clock_change(
    withdrawn_at: datetime, at: datetime, withdrawn: bool
) -> None:
    record = consent(given_at=withdrawn_at - timedelta(days=2), withdrawn_at=withdrawn_at)
    assert record.is_withdrawn_at(at) is withdrawn


@pytest.mark.parametrize(
    ("given_at", "withdrawn_at", "valid"),
    [
        # withdrawn 50 minutes after it was given; 45 and 20 minutes before it was given
        (clock.AUTUMN_0250_F0, clock.AUTUMN_0240_F1, True),
        (clock.AUTUMN_0230_F1, clock.AUTUMN_0245_F0, False),
        (clock.SPRING_0230_GAP, clock.SPRING_0310, False),
    ],
)
def test_a_withdrawal_is_ordered_after_the_consent_as_instants(
    given_at: datetime, withdrawn_at: datetime, valid: bool
) -> None:
    if valid:
        assert consent(given_at=given_at, withdrawn_at=withdrawn_at).withdrawn_at == withdrawn_at
        assert consent(given_at=given_at).withdraw(withdrawn_at).withdrawn_at == withdrawn_at
    else:
        with pytest.raises(InvalidInput) as caught:
            consent(given_at=given_at, withdrawn_at=withdrawn_at)
        assert caught.value.codes == {"WITHDRAWAL_BEFORE_CONSENT"}
        with pytest.raises(InvalidInput) as caught:
            consent(given_at=given_at).withdraw(withdrawn_at)
        assert caught.value.codes == {"WITHDRAWAL_BEFORE_CONSENT"}


def test_an_earlier_withdrawal_stands_when_its_wall_clock_reads_later() -> None:
    first = consent(given_at=clock.AUTUMN_0250_F0 - timedelta(days=1)).withdraw(
        clock.AUTUMN_0250_F0
    )
    # 02:40 (fold=1) is 50 minutes after 02:50 (fold=0): the earlier withdrawal stands
    assert first.withdraw(clock.AUTUMN_0240_F1) is first


@pytest.mark.parametrize(
    ("at", "code"),
    [
        (datetime(2026, 11, 21), "NAIVE_DATETIME"),
        ("2026-11-21T10:00:00+01:00", "WRONG_TYPE"),
        (None, "WRONG_TYPE"),
    ],
)
@pytest.mark.parametrize("withdrawn", [False, True])
def test_is_withdrawn_at_refuses_a_time_without_a_zone_or_no_time(
    at: Any, code: str, withdrawn: bool
) -> None:
    record = consent().withdraw(GIVEN + timedelta(days=1)) if withdrawn else consent()
    with pytest.raises(InvalidInput) as caught:
        record.is_withdrawn_at(at)
    assert caught.value.codes == {code}


# --- the consent's age (issue 12: C-6, C-7, A5-1) --------------------------------------------


def _referral_with_consent_at(given_at: datetime, at: datetime) -> Any:
    from protocol_share import Address, ClientData, Recipient, Referral, Sender

    consent = Consent(
        consent_id="c-000777",
        given_at=given_at,
        method="verbal",
        information_notice="infofiche-ocmw-v2",
        explained={"data", "recipient", "purpose", "follow_up", "withdrawal"},
        recipient_kbo=TORHOUT.recipient.kbo,
        data_items={"name", "address"},
        recorded_by="kg-000017",
    )
    return Referral(
        referral_id="r-000777",
        client=ClientData(
            first_name="An",
            last_name="Peeters",
            address=Address(
                street="Markt", house_number="1", postcode="8820", municipality="Torhout"
            ),
        ),
        consent=consent,
        sender=Sender(member_id="kg-000017", team=TORHOUT.team),
        recipient=Recipient(organisation_kbo=TORHOUT.recipient.kbo, mailbox=TORHOUT.mailbox),
        assessed_appropriate=True,
        created_at=at,
    )


def test_a_consent_older_than_the_protocol_is_refused() -> None:
    from protocol_share import check_referral

    at = datetime(2024, 4, 20, 10, tzinfo=BRUSSELS)  # the protocol is in force from 18 April 2024
    before = _referral_with_consent_at(datetime(2024, 4, 17, 23, 59, tzinfo=BRUSSELS), at)
    decision = check_referral(before, at=at)
    assert decision.codes == {"CONSENT_BEFORE_PROTOCOL"}
    (reason,) = decision.reasons
    assert reason.clause == "C-7"
    assert "protocol" in reason.message_en
    assert "protocol" in reason.message_nl
    on_the_day = _referral_with_consent_at(datetime(2024, 4, 18, 0, 0, tzinfo=BRUSSELS), at)
    assert check_referral(on_the_day, at=at).allowed


def test_a_consent_older_than_its_sharing_basis_is_refused() -> None:
    from datetime import date

    from protocol_share import check_referral

    at = datetime(2025, 3, 3, 10, tzinfo=BRUSSELS)
    referral = _referral_with_consent_at(datetime(2025, 2, 27, 10, tzinfo=BRUSSELS), at)
    assert check_referral(referral, at=at).allowed
    bases = tuple(
        basis.replace(in_force_from=date(2025, 3, 1)) if basis.role == "sharing" else basis
        for basis in TORHOUT.legal_bases
    )
    host = TORHOUT.replace(legal_bases=bases)
    assert check_referral(referral, host, at=at).codes == {"CONSENT_BEFORE_PROTOCOL"}


def test_a_transfer_before_entry_into_force_is_refused_for_that_alone() -> None:
    from protocol_share import check_referral

    at = datetime(2024, 4, 1, 10, tzinfo=BRUSSELS)
    referral = _referral_with_consent_at(at - timedelta(days=2), at)
    assert check_referral(referral, at=at).codes == {"PROTOCOL_NOT_IN_FORCE"}


def test_a_consent_older_than_the_protocols_maximum_age_is_refused() -> None:
    from protocol_share import ConsentTerms, check_referral

    at = datetime(2026, 6, 30, 9, tzinfo=BRUSSELS)
    assert TORHOUT.consent.max_age_days == 90
    # Brussels calendar days: the day of the consent not counted, the 90th day included.
    last = _referral_with_consent_at(datetime(2026, 4, 1, 23, 30, tzinfo=BRUSSELS), at)
    assert check_referral(last, at=at).allowed
    stale = _referral_with_consent_at(datetime(2026, 3, 31, 23, 30, tzinfo=BRUSSELS), at)
    decision = check_referral(stale, at=at)
    assert decision.codes == {"CONSENT_TOO_OLD"}
    assert decision.reasons[0].clause == "A5-1"
    years_old = _referral_with_consent_at(datetime(2024, 5, 2, 10, tzinfo=BRUSSELS), at)
    assert check_referral(years_old, at=at).codes == {"CONSENT_TOO_OLD"}
    host = TORHOUT.replace(consent=ConsentTerms(max_age_days=30))
    assert check_referral(last, host, at=at).codes == {"CONSENT_TOO_OLD"}
    assert TORHOUT.replace(consent={"max_age_days": 365}).consent.max_age_days == 365


@given(consents(given_before=datetime(2024, 5, 1, 12, tzinfo=UTC)))
def test_a_generated_consent_is_neither_older_than_the_protocol_nor_too_old(
    consent: Consent,
) -> None:
    day = consent.given_at.astimezone(BRUSSELS).date()
    assert day >= TORHOUT.in_force_from
    assert (datetime(2024, 5, 1).date() - day).days <= TORHOUT.consent.max_age_days


@given(consents(), st.datetimes(timezones=st.just(BRUSSELS), allow_imaginary=False))
def test_given_on_is_the_brussels_day_of_given_at_and_follows_an_update(
    consent: Consent, moment: datetime
) -> None:
    # C-7, A5-1: the day a consent was given, derived once per record and never stale.
    assert consent.given_on == consent.given_at.astimezone(BRUSSELS).date()
    moved = consent.model_copy(update={"given_at": moment, "withdrawn_at": None})
    assert moved.given_on == moment.astimezone(BRUSSELS).date()
    assert consent.replace(given_at=moment, withdrawn_at=None).given_on == moved.given_on
    assert "given_on" not in consent.model_dump()
    assert "given_on" not in dict(consent)
    assert Consent(**dict(consent)) == consent
