"""What travels inside the package (A6-1, A6-2, A3-1, A3-2): ``verwijzing.json`` and ``.txt``.

``verwijzing.json`` is :class:`ReferralDocument`, schema-versioned: the client under the
:class:`~protocol_share.fields.ClientData` field names, the referral and consent ids and
dates, the sender's team; nothing else (no member id, no consent details, no notes).
``verwijzing.txt`` says the same in Dutch, for a social worker who opens the archive with
7-Zip on a desktop (UTF-8, CRLF line ends).

>>> from datetime import datetime, timezone
>>> from protocol_share.fields import Address, ClientData
>>> document = ReferralDocument(
...     referral_id="r-2024-0001",
...     created_at=datetime(2024, 5, 2, 9, tzinfo=timezone.utc),
...     sent_at=datetime(2024, 5, 2, 10, tzinfo=timezone.utc),
...     consent=DocumentConsent(consent_id="c-2024-0001",
...                             given_at=datetime(2024, 5, 2, 8, tzinfo=timezone.utc)),
...     sender=DocumentSender(team="lokaal team Kind en Gezin Torhout"),
...     client=ClientData(first_name="An", last_name="Peeters",
...                       address=Address(street="Markt", house_number="1",
...                                       postcode="8820", municipality="Torhout")),
... )
>>> sorted(json.loads(document_json(document)))
['client', 'consent', 'created_at', 'referral_id', 'schema', 'schema_version', 'sender', 'sent_at']
>>> parse_document(document_json(document)) == document
True
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated, Any, ClassVar, Final, Literal

from pydantic import AwareDatetime, ConfigDict, Field

from protocol_share._model import FrozenModel
from protocol_share._time import BRUSSELS
from protocol_share.consent import Identifier
from protocol_share.errors import InvalidInput, UnexpectedContent
from protocol_share.fields import ClientData
from protocol_share.protocol import Protocol

__all__ = [
    "DOCUMENT_NAME",
    "SCHEMA",
    "SCHEMA_VERSION",
    "TEXT_NAME",
    "DocumentConsent",
    "DocumentSender",
    "ReferralDocument",
    "document_json",
    "document_text",
    "parse_document",
]

DOCUMENT_NAME = "verwijzing.json"
TEXT_NAME = "verwijzing.txt"
SCHEMA: Final = "protocol-share/verwijzing"
SCHEMA_VERSION: Final = 1


class DocumentConsent(FrozenModel):
    """The consent a referral rests on, as the package carries it: id and date (C-7)."""

    consent_id: Identifier
    given_at: AwareDatetime


class DocumentSender(FrozenModel):
    """The sender as the package carries it: the local team only (C-1, A6-1)."""

    team: Annotated[str, Field(min_length=1, max_length=200)]


class ReferralDocument(FrozenModel):
    """``verwijzing.json``, schema version 1 (A6-1, A6-2): the client (A3-1, A3-2), the
    referral and consent ids and dates, the sender's team. Unknown fields are refused.
    """

    _personal_fields: ClassVar[frozenset[str]] = frozenset({"client"})

    schema_: Literal["protocol-share/verwijzing"] = Field(default=SCHEMA, alias="schema")
    schema_version: Literal[1] = SCHEMA_VERSION
    referral_id: Identifier
    created_at: AwareDatetime
    sent_at: AwareDatetime
    consent: DocumentConsent
    sender: DocumentSender
    client: ClientData

    model_config = ConfigDict(populate_by_name=True)


def document_json(document: ReferralDocument) -> bytes:
    """``verwijzing.json`` (A6-2): UTF-8, indented, absent contact details left out (A3-2)."""
    text = document.model_dump_json(indent=2, by_alias=True, exclude_none=True)
    return (text + "\n").encode("utf-8")


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    if len(set(keys)) != len(keys):
        raise UnexpectedContent(f"{DOCUMENT_NAME} repeats a field name")
    return dict(pairs)


def _refuse_constant(name: str) -> Any:
    raise UnexpectedContent(f"{DOCUMENT_NAME} holds a number JSON does not allow")


def parse_document(raw: bytes) -> ReferralDocument:
    """Read ``verwijzing.json`` strictly (A6-2): UTF-8, JSON without repeated keys, the schema.

    Raises :class:`UnexpectedContent` naming fields and codes, never values; unknown fields
    are refused, not dropped (A3-3).
    """
    try:
        text = raw.decode("utf-8")
        json.loads(text, object_pairs_hook=_refuse_duplicates, parse_constant=_refuse_constant)
    except UnicodeDecodeError:
        raise UnexpectedContent(f"{DOCUMENT_NAME} is not UTF-8 text") from None
    except (ValueError, RecursionError):
        raise UnexpectedContent(f"{DOCUMENT_NAME} is not JSON") from None
    try:
        return ReferralDocument.model_validate_json(text)
    except InvalidInput as error:
        problems = "; ".join(str(problem) for problem in error.problems)
        raise UnexpectedContent(
            f"{DOCUMENT_NAME} does not fit schema version {SCHEMA_VERSION}: {problems}"
        ) from None


_MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def dutch_date(moment: datetime) -> str:
    """``2 mei 2024``: the Europe/Brussels date of an aware instant (for A6-1 texts)."""
    local = moment.astimezone(BRUSSELS)
    return f"{local.day} {_MONTHS[local.month - 1]} {local.year}"


def dutch_moment(moment: datetime) -> str:
    """``2 mei 2024 om 12:00``: date and time in Europe/Brussels (for A6-1 texts)."""
    local = moment.astimezone(BRUSSELS)
    return f"{dutch_date(moment)} om {local:%H:%M}"


def document_text(document: ReferralDocument, protocol: Protocol) -> bytes:
    """``verwijzing.txt`` (A6-1, A6-2): the same data in Dutch, for a person (UTF-8, CRLF)."""
    client = document.client
    address = client.address
    street = f"{address.street} {address.house_number}"
    if address.box:
        street += f" bus {address.box}"
    width = 16

    def row(label: str, value: str) -> str:
        return f"{label + ':':<{width}}{value}"

    lines = [
        f"Verwijzing naar {protocol.recipient.name}",
        "=" * len(f"Verwijzing naar {protocol.recipient.name}"),
        "",
        f'Verstuurd volgens het protocol "{protocol.title}".',
        "",
        row("Referentie", document.referral_id),
        row("Aangemaakt", dutch_moment(document.created_at)),
        row("Verstuurd", dutch_moment(document.sent_at)),
        row(
            "Toestemming",
            f"{document.consent.consent_id}, gegeven op {dutch_date(document.consent.given_at)}",
        ),
        row("Afzender", document.sender.team),
        "",
        "Cliënt",
        "------",
        row("Voornaam", client.first_name),
        row("Achternaam", client.last_name),
        row("Adres", street),
        " " * width + f"{address.postcode} {address.municipality}",
    ]
    if address.country != "BE":
        lines.append(" " * width + address.country)
    lines.append(row("Telefoon", client.phone or "niet opgegeven"))
    lines.append(row("E-mail", client.email or "niet opgegeven"))
    lines += [
        "",
        "De cliënt gaf toestemming om deze gegevens te delen. Het protocol laat enkel naam",
        "en contactgegevens toe (artikel 3). Bewaar ze niet langer dan het protocol toelaat",
        "en meld onjuiste of onvolledige gegevens aan de afzender (artikel 7).",
        "",
        f"{DOCUMENT_NAME} in dit archief bevat dezelfde gegevens voor software.",
        "",
    ]
    return "\r\n".join(lines).encode("utf-8")
