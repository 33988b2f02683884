"""The published JSON Schemas are generated from the models and never stale (D-1)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from protocol_share import TORHOUT
from protocol_share.schemas import SCHEMA_MODELS, schema_text

SCHEMAS = Path(__file__).parent.parent / "docs" / "schemas"


@pytest.mark.parametrize("name", sorted(SCHEMA_MODELS))
def test_published_schema_is_current(name: str) -> None:
    path = SCHEMAS / f"{name}.schema.json"
    assert path.read_text(encoding="utf-8") == schema_text(name), (
        f"{path} is stale: run `protocol-share schema --out docs/schemas`"
    )


@pytest.mark.parametrize("name", sorted(SCHEMA_MODELS))
def test_published_schema_is_a_valid_json_schema(name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(json.loads(schema_text(name)))


def test_torhout_validates_against_the_protocol_schema() -> None:
    schema = json.loads(schema_text("protocol"))
    jsonschema.validate(json.loads(TORHOUT.model_dump_json()), schema)


def test_the_protocol_schema_refuses_unknown_fields() -> None:
    schema = json.loads(schema_text("protocol"))
    data = {**json.loads(TORHOUT.model_dump_json()), "surprise": 1}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)
