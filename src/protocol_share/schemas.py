"""JSON Schemas of the public models, generated from the models themselves (pure, no I/O).

``docs/schemas/<name>.schema.json`` holds each one; a test fails when a file is stale, and
``protocol-share schema --out docs/schemas`` writes them anew.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from protocol_share.fields import ClientData
from protocol_share.protocol import Protocol

__all__ = ["SCHEMA_MODELS", "json_schema", "schema_text"]

SCHEMA_MODELS: Mapping[str, type[BaseModel]] = {
    "protocol": Protocol,
    "client-data": ClientData,
}
"""The models with a published schema, by file stem."""


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a public model, by name (D-1: the protocol published)."""
    model = SCHEMA_MODELS[name]
    schema = model.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://protocol-share.invalid/schemas/{name}.schema.json"
    return schema


def schema_text(name: str) -> str:
    """The schema as the stable text written to ``docs/schemas/<name>.schema.json``."""
    return json.dumps(json_schema(name), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
