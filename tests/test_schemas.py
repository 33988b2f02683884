"""The published JSON Schemas are generated from the models, never stale, and fit real output."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings

from protocol_share import (
    TORHOUT,
    RetentionCase,
    check_referral,
    open_package,
    pack,
    retention_decision,
)
from protocol_share.examples import example_client, example_referral
from protocol_share.package._archive import unseal
from protocol_share.package._payload import parse_document
from protocol_share.retention import CaseRecord
from protocol_share.schemas import SCHEMAS, json_schema, schema_text
from protocol_share.strategies import breach_notices, referrals, withdrawal_notices

SCHEMA_DIR = Path(__file__).parent.parent / "docs" / "schemas"
AT = datetime(2025, 3, 3, 9, tzinfo=UTC)
PASSWORD = "Kd7-vR2q-Lm9x-Tp4w"


def validate(name: str, instance: Any) -> None:
    jsonschema.validate(instance, json_schema(name), cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_published_schema_is_current(name: str) -> None:
    path = SCHEMA_DIR / f"{name}.schema.json"
    assert path.read_text(encoding="utf-8") == schema_text(name), (
        f"{path} is stale: run `protocol-share schema --out docs/schemas`"
    )


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_published_schema_is_a_valid_json_schema(name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(json.loads(schema_text(name)))


def test_no_schema_is_published_that_is_not_generated() -> None:
    assert {p.name.removesuffix(".schema.json") for p in SCHEMA_DIR.glob("*.json")} == set(SCHEMAS)


def test_the_examples_validate_against_their_schemas() -> None:
    referral = example_referral(at=AT)
    package = pack(referral, password=PASSWORD, at=AT)
    received = open_package(package.archive, password=PASSWORD)
    case = RetentionCase.received(AT).contacted(AT + timedelta(days=2), "declined")
    examples: dict[str, Any] = {
        "protocol": TORHOUT.model_dump(mode="json"),
        "client-data": example_client().model_dump(mode="json"),
        "consent": referral.consent.model_dump(mode="json"),
        "referral": referral.model_dump(mode="json"),
        "decision": check_referral(referral, at=AT).model_dump(mode="json"),
        "verwijzing": json.loads(
            unseal(
                package.archive, PASSWORD, names={"verwijzing.json", "verwijzing.txt"}, required=()
            )["verwijzing.json"]
        ),
        "received-referral": received.model_dump(mode="json"),
        "retention-case": CaseRecord.model_validate(case.to_dict()).model_dump(mode="json"),
        "retention-decision": json.loads(
            json.dumps(retention_decision(case, at=AT + timedelta(days=3))._asdict(), default=str)
        ),
    }
    assert parse_document(json.dumps(examples["verwijzing"]).encode()).referral_id
    for name, instance in examples.items():
        validate(name, instance)


@settings(max_examples=25, deadline=None)
@given(referrals(valid=False))
def test_refused_decisions_validate_against_the_decision_schema(referral: Any) -> None:
    validate("decision", check_referral(referral, at=referral.created_at).model_dump(mode="json"))


@settings(max_examples=25, deadline=None)
@given(breach_notices())
def test_generated_breach_notices_validate_against_their_schema(notice: Any) -> None:
    validate("breach-notice", notice.model_dump(mode="json"))


@given(withdrawal_notices())
def test_generated_withdrawal_notices_validate_against_their_schema(notice: Any) -> None:
    validate("withdrawal-notice", notice.model_dump(mode="json"))


def test_the_protocol_schema_refuses_unknown_fields() -> None:
    data = {**TORHOUT.model_dump(mode="json"), "surprise": 1}
    with pytest.raises(jsonschema.ValidationError):
        validate("protocol", data)
