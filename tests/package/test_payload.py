"""verwijzing.txt for a person (A6-1, A6-2): the phone number as a social worker dials it."""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import given

from protocol_share import TORHOUT, ClientData
from protocol_share.package._payload import dialled, document_text
from protocol_share.strategies import client_data
from tests.package.package_support import CLIENT, document_for


def text_for(client: ClientData) -> str:
    return document_text(document_for(client), TORHOUT).decode("utf-8")


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("0470 12 34 56", "0470 12 34 56"),
        ("+32 50 12 34 56", "050 12 34 56"),
        ("02 511 22 33", "02 511 22 33"),
        ("+31 6 12345678", "+31 6 12345678"),
        ("+33 6 12 34 56 78", "+33 6 12 34 56 78"),
    ],
)
def test_the_text_shows_the_number_a_social_worker_dials(written: str, shown: str) -> None:
    client = CLIENT.replace(phone=written)
    assert client.phone is not None
    assert client.phone.startswith("+")  # the model keeps E.164
    lines = text_for(client).split("\r\n")
    assert f"Telefoon:       {shown}" in lines


@given(client_data())
def test_the_dialled_form_is_the_same_number(client: ClientData) -> None:
    if client.phone is None:
        assert "Telefoon:       niet opgegeven" in text_for(client).split("\r\n")
        return
    shown = dialled(client.phone)
    parsed = phonenumbers.parse(shown, "BE")
    assert phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) == client.phone
    assert shown.startswith("0") == client.phone.startswith("+32")
    assert f"{shown}" in text_for(client)
