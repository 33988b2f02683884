"""The model base: errors name fields, never input keys or values; JSON without repeated keys."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from protocol_share import TORHOUT, InvalidInput, Protocol, UnexpectedContent, lint_protocol
from protocol_share.clientdata._fields import Address, ClientData
from protocol_share.package._payload import (
    DocumentConsent,
    DocumentSender,
    ReferralDocument,
    document_json,
    parse_document,
)

SECRET = "Jan Peeters 85073003328"


def document() -> dict[str, Any]:
    made = ReferralDocument(
        referral_id="r-2024-0001",
        created_at=datetime(2024, 5, 2, 9, tzinfo=UTC),
        sent_at=datetime(2024, 5, 2, 10, tzinfo=UTC),
        consent=DocumentConsent(
            consent_id="c-2024-0001", given_at=datetime(2024, 5, 2, 8, tzinfo=UTC)
        ),
        sender=DocumentSender(team="lokaal team Kind en Gezin Torhout"),
        client=ClientData(
            first_name="An",
            last_name="Peeters",
            address=Address(
                street="Markt", house_number="1", postcode="8820", municipality="Torhout"
            ),
        ),
    )
    data: dict[str, Any] = json.loads(document_json(made))
    return data


@pytest.mark.parametrize("where", [(), ("client",), ("client", "address")])
def test_a_received_document_never_echoes_an_unknown_key(where: tuple[str, ...]) -> None:
    data = document()
    target = data
    for part in where:
        target = target[part]
    target[SECRET] = 1
    with pytest.raises(UnexpectedContent) as caught:
        parse_document(json.dumps(data).encode())
    message = str(caught.value)
    assert "Peeters" not in message
    assert "85073003328" not in message
    assert ".".join((*where, "<extra field>")) + ": EXTRA_FORBIDDEN" in message


CLIENT_JSON = (
    '{"first_name": "An", "last_name": "Peeters", "address": {"street": "Markt",'
    ' "house_number": "1", "postcode": "8820", "municipality": "Torhout"}}'
)


@pytest.mark.parametrize(
    ("text", "paths"),
    [
        (CLIENT_JSON.replace('"first_name": "An"', '"first_name": "An", "first_name": "Bo"'), [""]),
        (CLIENT_JSON.replace('"street": "Markt"', '"street": "Markt", "street": "Burg"'), ["address"]),
        (CLIENT_JSON.replace('{"first_name"', '{"last_name": "X", "first_name"')
         .replace('"street": "Markt"', '"street": "Markt", "street": "Burg"'), ["", "address"]),
    ],
)  # fmt: skip
def test_a_repeated_key_is_refused_at_its_object_not_resolved(text: str, paths: list[str]) -> None:
    with pytest.raises(InvalidInput) as caught:
        ClientData.model_validate_json(text)
    assert [(p.path, p.code) for p in caught.value.problems] == [
        (path, "DUPLICATE_KEY") for path in paths
    ]
    for word in ("Bo", "Burg", "An", "Markt"):
        assert word not in str(caught.value)


def test_the_path_to_a_repeating_object_hides_keys_of_the_input() -> None:
    text = json.dumps({SECRET: "x"})[:-1] + ', "inner": {"a": 1, "a": 2}}'
    text = text.replace('"inner"', f'"{SECRET} 2"')
    with pytest.raises(InvalidInput) as caught:
        ClientData.model_validate_json(text)
    assert [(p.path, p.code) for p in caught.value.problems] == [("<key>", "DUPLICATE_KEY")]


def test_valid_json_and_not_json_are_read_as_before() -> None:
    assert ClientData.model_validate_json(CLIENT_JSON).address.street == "Markt"
    assert ClientData.model_validate_json(CLIENT_JSON.encode()).first_name == "An"
    for bad in ("{not json", b"\xff", ""):
        with pytest.raises(InvalidInput) as caught:
            ClientData.model_validate_json(bad)
        assert caught.value.codes == {"JSON_INVALID"}


def test_a_referral_and_a_protocol_refuse_repeated_keys_too() -> None:
    text = TORHOUT.model_dump_json().replace('"team":', '"team": "x", "team":', 1)
    with pytest.raises(InvalidInput) as caught:
        Protocol.model_validate_json(text)
    assert caught.value.codes == {"DUPLICATE_KEY"}
    assert [(f.code, f.path) for f in lint_protocol(text)] == [("DUPLICATE_KEY", "")]


def test_a_received_document_with_a_repeated_key_names_the_object() -> None:
    raw = json.dumps(document()).replace('"first_name":', '"first_name": "x", "first_name":')
    with pytest.raises(UnexpectedContent) as caught:
        parse_document(raw.encode())
    assert "client: DUPLICATE_KEY" in str(caught.value)


def test_equal_models_write_the_same_json_whatever_the_set_order() -> None:
    from protocol_share.decision._consent import Consent
    from protocol_share.examples import example_consent

    consent = example_consent(at=datetime(2025, 3, 3, 9, tzinfo=UTC))
    items = sorted(consent.data_items)
    forward = Consent.model_validate({**dict(consent), "data_items": items})
    backward = Consent.model_validate({**dict(consent), "data_items": items[::-1]})
    assert forward.model_dump_json() == backward.model_dump_json()
    written = json.loads(forward.model_dump_json())
    assert written["data_items"] == sorted(written["data_items"])
    assert written["explained"] == sorted(written["explained"])


def test_verwijzing_json_refuses_the_python_name_of_schema() -> None:
    data = json.loads(document_json(ReferralDocument.model_validate(document())))
    data["schema_"] = data.pop("schema")
    with pytest.raises(UnexpectedContent) as caught:
        parse_document(json.dumps(data).encode())
    assert "EXTRA_FORBIDDEN" in str(caught.value)
    data["schema"] = data.pop("schema_")
    assert parse_document(json.dumps(data).encode()).schema_ == "protocol-share/verwijzing"


def test_a_model_as_a_dict_holds_its_fields_alone() -> None:
    # Values derived once and kept beside the fields (cached properties, marks) never leak
    # into dict(model): a model rebuilt from it is the same model.
    assert TORHOUT.allowed_items
    assert TORHOUT.consent_floor
    assert TORHOUT.accepts_locality("8820", "Wijnendale")
    assert set(dict(TORHOUT)) == set(Protocol.model_fields)
    assert Protocol(**dict(TORHOUT)) == TORHOUT
    fields: dict[str, Any] = {"street": "Markt"}  # the required fields left out
    partial = Address.model_construct(**fields)
    assert dict(partial)["street"] == "Markt"
    assert set(dict(partial)) < set(Address.model_fields)
