"""JSON Schemas of the public models, generated from the models themselves (pure, no I/O).

``docs/schemas/<name>.schema.json`` holds each one; a test fails when a file is stale, and
``protocol-share schema --out docs/schemas`` writes them anew. The schemas describe the
JSON the models read (``mode="validation"``) or, for outputs, the JSON they write.

    >>> sorted(SCHEMAS)[:3]
    ['breach-notice', 'client-data', 'consent']
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Literal, NamedTuple, get_type_hints

from pydantic import TypeAdapter
from typing_extensions import TypedDict

from protocol_share.clientdata._fields import ClientData
from protocol_share.decision._consent import Consent
from protocol_share.decision._decision import Decision
from protocol_share.decision._referral import Referral
from protocol_share.notices import BreachNotice, WithdrawalNotice
from protocol_share.package._package import ReceivedReferral
from protocol_share.package._payload import ReferralDocument
from protocol_share.protocol._protocol import Protocol
from protocol_share.retention import CaseRecord, RetentionDecision

__all__ = ["SCHEMAS", "SchemaSpec", "json_schema", "schema_text"]


def _as_object(named: type[tuple[Any, ...]]) -> Any:
    # A named tuple is written as an object (``_asdict()``): describe it as one.
    return TypedDict(named.__name__, get_type_hints(named))  # type: ignore[operator]


class SchemaSpec(NamedTuple):
    """One published schema: the type, whether it is read or written, and what it is for."""

    target: Any
    mode: Literal["validation", "serialization"]
    title: str


SCHEMAS: Mapping[str, SchemaSpec] = {
    "protocol": SchemaSpec(Protocol, "validation", "A data-sharing protocol (D-1)"),
    "client-data": SchemaSpec(ClientData, "validation", "The client data of article 3"),
    "consent": SchemaSpec(Consent, "validation", "The client's consent (C-6, C-7)"),
    "referral": SchemaSpec(Referral, "validation", "A referral to check (A5-1)"),
    "decision": SchemaSpec(Decision, "serialization", "The decision on a referral"),
    "verwijzing": SchemaSpec(
        ReferralDocument, "serialization", "verwijzing.json inside the package (A6-2)"
    ),
    "received-referral": SchemaSpec(
        ReceivedReferral, "serialization", "What open_package returns (A6-2)"
    ),
    "retention-case": SchemaSpec(CaseRecord, "validation", "A retention case (A3-4 to A3-6)"),
    "retention-decision": SchemaSpec(
        _as_object(RetentionDecision),
        "serialization",
        "retention_decision()._asdict() (A3-4 to A3-6)",
    ),
    "breach-notice": SchemaSpec(BreachNotice, "validation", "A breach notice (A9-1, GDPR 33)"),
    "withdrawal-notice": SchemaSpec(
        WithdrawalNotice, "validation", "A withdrawal of consent after the transfer (C-7)"
    ),
}
"""The published schemas, by file stem."""


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a public model, by name (D-1: the protocol published)."""
    spec = SCHEMAS[name]
    schema = TypeAdapter(spec.target).json_schema(mode=spec.mode)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://protocol-share.invalid/schemas/{name}.schema.json"
    schema.setdefault("description", spec.title)
    return schema


def schema_text(name: str) -> str:
    """The schema as the stable text written to ``docs/schemas/<name>.schema.json``."""
    return json.dumps(json_schema(name), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
