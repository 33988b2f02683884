"""The model base: errors name fields, never input keys or values; JSON without repeated keys."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from protocol_share import UnexpectedContent
from protocol_share.fields import Address, ClientData
from protocol_share.payload import (
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
