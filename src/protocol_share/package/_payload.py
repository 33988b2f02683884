"""What travels inside the package (A6-1, A6-2, A3-1, A3-2): ``verwijzing.json`` and ``.txt``.

``verwijzing.json`` is :class:`ReferralDocument`, schema-versioned: the client under the
:class:`~protocol_share.clientdata._fields.ClientData` field names, the referral and consent ids and
dates, the sender's team; nothing else (no member id, no consent details, no notes).
``verwijzing.txt`` says the same for a social worker who opens the archive with 7-Zip on a
desktop (UTF-8, CRLF line ends), in Dutch unless the caller asks for English.

    >>> import json
    >>> from datetime import datetime, timezone
    >>> from protocol_share.clientdata._fields import Address, ClientData
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

from typing import Annotated, ClassVar, Final, Literal

import phonenumbers
from pydantic import AfterValidator, ConfigDict, Field

from protocol_share._model import FrozenModel, loads_without_duplicates, require_type
from protocol_share._text import Lang, check_lang, long_date, long_moment, message
from protocol_share._time import Instant
from protocol_share.clientdata._fields import Address, ClientData, check_free_text
from protocol_share.decision._consent import Identifier
from protocol_share.errors import InvalidInput, Problem, UnexpectedContent
from protocol_share.protocol._protocol import Protocol

__all__ = [
    "DOCUMENT_NAME",
    "SCHEMA",
    "SCHEMA_VERSION",
    "TEXT_NAME",
    "DocumentConsent",
    "DocumentSender",
    "ReferralDocument",
    "dialled",
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
    given_at: Instant


class DocumentSender(FrozenModel):
    """The sender as the package carries it: the local team only (C-1, A6-1)."""

    team: Annotated[str, Field(min_length=1, max_length=200), AfterValidator(check_free_text)]


class ReferralDocument(FrozenModel):
    """``verwijzing.json``, schema version 1 (A6-1, A6-2): the client (A3-1, A3-2), the
    referral and consent ids and dates, the sender's team. Unknown fields are refused.
    """

    _personal_fields: ClassVar[frozenset[str]] = frozenset({"client"})

    schema_: Literal["protocol-share/verwijzing"] = Field(default=SCHEMA, alias="schema")
    schema_version: Literal[1] = SCHEMA_VERSION
    referral_id: Identifier
    created_at: Instant
    sent_at: Instant
    consent: DocumentConsent
    sender: DocumentSender
    client: ClientData

    # Read by its JSON name only: ``schema_`` in a document is an unknown field, refused
    # (issue 11), never a second spelling of ``schema``.
    model_config = ConfigDict(validate_by_name=False, validate_by_alias=True)


def document_json(document: ReferralDocument) -> bytes:
    """``verwijzing.json`` (A6-2): UTF-8, indented, absent contact details left out (A3-2)."""
    text = document.model_dump_json(indent=2, by_alias=True, exclude_none=True)
    return (text + "\n").encode("utf-8")


def parse_document(raw: bytes) -> ReferralDocument:
    """Read ``verwijzing.json`` strictly (A6-2): UTF-8, JSON without repeated keys, the schema.

    Raises :class:`UnexpectedContent` naming fields and codes, never values (its
    ``problems`` lists them, to be read in a language); unknown fields are refused, not
    dropped (A3-3).
    """
    # Each refusal is raised after the except block: no decoder or pydantic error (with
    # the raw input) rides along as __context__.
    problems: tuple[Problem, ...] = ()
    try:
        data = loads_without_duplicates(raw.decode("utf-8"), allow_nan=False)
        return ReferralDocument.model_validate(data)
    except UnicodeDecodeError:
        why = f"{DOCUMENT_NAME} is not UTF-8 text"
    except InvalidInput as error:
        problems = error.problems
        listed = "; ".join(str(problem) for problem in problems)
        why = f"{DOCUMENT_NAME} does not fit schema version {SCHEMA_VERSION}: {listed}"
    except (ValueError, RecursionError):
        why = f"{DOCUMENT_NAME} is not JSON"
    raise UnexpectedContent(why, problems)


def dialled(phone: str) -> str:
    """A phone number as a social worker dials it (A3-2): a Belgian number in the national
    form (``+32470123456`` -> ``0470 12 34 56``), any other in the international form
    (``+31612345678`` -> ``+31 6 12345678``), as phonenumbers writes them. ``ClientData``
    keeps E.164; only ``verwijzing.txt`` shows this form.

        >>> dialled("+32470123456"), dialled("+3250123456"), dialled("+31612345678")
        ('0470 12 34 56', '050 12 34 56', '+31 6 12345678')
    """
    try:
        number = phonenumbers.parse(phone)
    except phonenumbers.NumberParseException:
        return phone  # not E.164 (a model built without validation): shown as it is
    national = number.country_code == 32
    form = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if national
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, form)


def street_text(address: Address, lang: Lang) -> str:
    """Street, house number and box as a person reads them in ``lang`` (A3-2):
    ``Markt 1 bus 2`` / ``Markt 1 box 2``."""
    if not address.box:
        return f"{address.street} {address.house_number}"
    return message(
        "txt.street_box",
        lang,
        street=address.street,
        number=address.house_number,
        box=address.box,
    )


def document_text(document: ReferralDocument, protocol: Protocol, *, lang: Lang = "nl") -> bytes:
    """``verwijzing.txt`` (A6-1, A6-2): the same data for a person, in ``lang`` (Dutch by
    default; UTF-8, CRLF). The client's values stand as they are, in either language, but
    for the phone number, shown as it is dialled (:func:`dialled`)."""
    protocol = require_type(protocol, Protocol, "protocol")
    lang = check_lang(lang)
    client = document.client
    address = client.address
    street = street_text(address, lang)
    width = 16

    def row(key: str, value: str) -> str:
        return f"{message(key, lang) + ':':<{width}}{value}"

    title = message("txt.title", lang, recipient=protocol.recipient.name)
    client_heading = message("txt.client", lang)
    not_given = message("txt.not_given", lang)
    consent = document.consent
    lines = [
        title,
        "=" * len(title),
        "",
        message("txt.intro", lang, title=protocol.title),
        "",
        row("txt.reference", document.referral_id),
        row("txt.created", long_moment(document.created_at, lang)),
        row("txt.sent", long_moment(document.sent_at, lang)),
        row(
            "txt.consent",
            message(
                "txt.consent_given",
                lang,
                consent_id=consent.consent_id,
                date=long_date(consent.given_at, lang),
            ),
        ),
        row("txt.sender", document.sender.team),
        "",
        client_heading,
        "-" * len(client_heading),
        row("txt.first_name", client.first_name),
        row("txt.last_name", client.last_name),
        row("txt.address", street),
        " " * width + f"{address.postcode} {address.municipality}",
    ]
    if address.country != "BE":
        lines.append(" " * width + address.country)
    lines.append(row("txt.phone", dialled(client.phone) if client.phone else not_given))
    lines.append(row("txt.email", client.email or not_given))
    lines += [
        "",
        *message("txt.care", lang).split("\n"),
        "",
        message("txt.for_software", lang, document=DOCUMENT_NAME),
        "",
    ]
    return "\r\n".join(lines).encode("utf-8")
