"""Article 3: the only data that may travel — the client's name and contact details.

- A3-1: first name and last name, to identify the client.
- A3-2: contact details (address, telephone number, e-mail address), to contact the client.
- A3-3: nothing else; in particular no national register, BIS, IBAN or KBO number
  (:mod:`protocol_share.clientdata._identifiers`).

Every value is checked by the library made for it: phonenumbers (kept as E.164, Belgian
default region), email-validator (syntax only, never a DNS look-up). Models mask their
``repr``, and errors name fields and codes, never values.

    >>> client = ClientData(
    ...     first_name="Ségolène",
    ...     last_name="D'Hondt-Van den Bossche",
    ...     address=Address(street="Aartrijkestraat", house_number="11",
    ...                     postcode="8820", municipality="Torhout"),
    ...     phone="0470 12 34 56",
    ... )
    >>> client.phone
    '+32470123456'
    >>> client
    ClientData(first_name=<redacted>, last_name=<redacted>, address=<redacted>, phone=<redacted>, email=<redacted>)
    >>> sorted(str(item) for item in client.items)
    ['address', 'name', 'phone']
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Self

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from pydantic import (
    AfterValidator,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, PydanticKnownError, core_schema

from protocol_share._model import field_error
from protocol_share.clientdata._identifiers import (
    FORBIDDEN,
    FORBIDDEN_MESSAGE,
    address_identifier_kinds,
    forbidden_identifier_kinds,
)
from protocol_share.clientdata._phone import phone
from protocol_share.clientdata._screening import Screened

__all__ = [
    "BE_POSTCODE",
    "Address",
    "ClientData",
    "DataItem",
    "Email",
    "OrganisationEmail",
    "Phone",
    "check_free_text",
    "check_no_identifier",
]


class DataItem(StrEnum):
    """The data items article 3 allows: ``name`` (A3-1); ``address``, ``phone``, ``email`` (A3-2)."""

    NAME = "name"
    ADDRESS = "address"
    PHONE = "phone"
    EMAIL = "email"


_NAME_PUNCTUATION = frozenset(" -'’‐")  # space, hyphen, apostrophes, Unicode hyphen
_MUNICIPALITY_PUNCTUATION = _NAME_PUNCTUATION | frozenset("().")
_NUMBER = r"\d{1,5}(?:[ ]?[A-Za-z]{1,3})?(?:[ ]?-[ ]?\d{1,5}[A-Za-z]{0,3})?"
_BOX_TEXT = r"[0-9A-Za-z]{1,10}(?:[ .\-/][0-9A-Za-z]{1,10})?"
_HOUSE_NUMBER = re.compile(_NUMBER)
_BOX = re.compile(_BOX_TEXT)
# How Belgian addresses write a box after the number: "12 bus 3", "12/3", "12 b 3",
# "12 bte 3", "12 boîte 3", "12, bus 3" (see Address._split_box).
_BOX_MARK = r"(?:[ ]*/[ ]*|[ ]*,?[ ]*(?:bus|bte|boîte|box|b(?![a-z]))\.?[ ]*)"
_NUMBER_WITH_BOX = re.compile(
    rf"[ ]*(?P<number>{_NUMBER}){_BOX_MARK}(?P<box>{_BOX_TEXT})[ ]*", re.IGNORECASE
)
# A box written with its own marker ("bus 3", "bte. 3", "b 3", "/3"): the marker goes.
_LEADING_BOX_MARK = re.compile(r"[ ]*(?:/|(?:bus|bte|boîte|box)\.?|b[. ])[ ]*", re.IGNORECASE)
# A house number ending in a box marker word ("12 bus") lost its box: refused, never kept;
# so is a box that is only a marker word.
_ENDS_IN_MARK = re.compile(r".*\d[ ]?(?:bus|bte|box)", re.IGNORECASE)
_ONLY_MARK = re.compile(r"bus|bte|boîte|box", re.IGNORECASE)


def _without_mark(box: str) -> str:
    # "bus 3" -> "3"; a box that is nothing but a marker stays (and is refused later).
    box = box.strip()
    mark = _LEADING_BOX_MARK.match(box)
    return box[mark.end() :] if mark is not None and mark.end() < len(box) else box


BE_POSTCODE = re.compile(r"[1-9]\d{3}")
"""A Belgian postcode: four digits, 1000 to 9999 (for ``Address`` and ``Protocol.postcodes``)."""
_OTHER_POSTCODE = re.compile(r"[0-9A-Za-z][0-9A-Za-z \-]{1,9}")


def check_no_identifier(value: str) -> str:
    """Refuse text holding a national register, BIS, IBAN or KBO number (A3-3); else return
    it as it is."""
    if forbidden_identifier_kinds(value):
        raise PydanticCustomError(FORBIDDEN, FORBIDDEN_MESSAGE)
    return value


def _guard_email(value: str) -> str:
    if forbidden_identifier_kinds(value, field="email"):
        raise PydanticCustomError(FORBIDDEN, FORBIDDEN_MESSAGE)
    return value


def _tidy(value: str) -> str:
    if not value.isprintable():
        raise PydanticCustomError(
            "CONTROL_CHARACTER", "contains a control or invisible character (use plain spaces)"
        )
    value = unicodedata.normalize("NFC", value.strip())
    if not value:
        raise PydanticCustomError("EMPTY", "must not be empty or blank")
    return value


def check_free_text(value: str) -> str:
    """Refuse text holding a forbidden identifier (A3-3), control characters or nothing; NFC-normalise."""
    check_no_identifier(value)
    return _tidy(value)


def _letters_and(punctuation: frozenset[str], code: str, what: str) -> Callable[[str], str]:
    message = f"must be {what}: letters of any script, spaces, hyphens and apostrophes, no digits"
    drop_punctuation = str.maketrans(dict.fromkeys(punctuation))

    def check(value: str) -> str:
        value = _tidy(value)
        if not value[0].isalpha():
            raise PydanticCustomError(code, message)
        letters = value.translate(drop_punctuation)
        # Fast path: letters only. Else allow combining marks (category M) between letters.
        if not letters.isalpha() and any(unicodedata.category(ch)[0] not in "LM" for ch in letters):
            raise PydanticCustomError(code, message)
        return value

    return check


def _pattern(regex: re.Pattern[str], code: str, message: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        value = _tidy(value)
        if not regex.fullmatch(value):
            raise PydanticCustomError(code, message)
        return value

    return check


def _email(value: str) -> str:
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError:
        pass  # email-validator's error quotes the address: not kept as __context__
    raise PydanticCustomError("INVALID_EMAIL", "is not a valid e-mail address")


def _string(value: object) -> str:
    if isinstance(value, str):
        return value
    raise PydanticCustomError("NOT_A_STRING", "must be a string")


@dataclasses.dataclass(frozen=True, slots=True)
class _Sized:
    """Annotation: a string (``NOT_A_STRING``) of ``min_length`` to ``max_length``
    characters (pydantic's own ``too_short`` and ``too_long``, with their context), checked
    in one call before anything else, cheap whatever the size. ``Field(min_length=...,
    max_length=...)`` after a ``BeforeValidator`` would take three; the JSON Schema is the
    same."""

    min_length: int
    max_length: int

    def check(self, value: object) -> str:
        size = len(_string(value))
        if size < self.min_length:
            context = {"field_type": "Value", "min_length": self.min_length, "actual_length": size}
            raise PydanticKnownError("too_short", context)
        if size > self.max_length:
            context = {"field_type": "Value", "max_length": self.max_length, "actual_length": size}
            raise PydanticKnownError("too_long", context)
        return value  # type: ignore[return-value]  # _string proved it a str

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_before_validator_function(self.check, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        json_schema["maxLength"] = self.max_length
        if self.min_length:
            json_schema["minLength"] = self.min_length
        return json_schema


def _then(*checks: Callable[[str], str]) -> AfterValidator:
    """The checks of a text field after its length, in order (the guard first, then the
    shape), in one call from pydantic's core."""

    def check(value: str) -> str:
        for step in checks:
            value = step(value)
        return value

    return AfterValidator(check)


# Every text field: a string, then its length (cheap, whatever the size), then the guard,
# then its shape. The guard runs before the shape check, so a forbidden identifier is
# reported as such in every field of a sensible length, whatever else is wrong with it.
PersonName = Annotated[
    str,
    _Sized(1, 100),
    _then(check_no_identifier, _letters_and(_NAME_PUNCTUATION, "INVALID_NAME", "a name")),
]
Street = Annotated[str, _Sized(1, 120), _then(check_no_identifier, _tidy)]


def _house_number(value: str) -> str:
    value = _pattern(_HOUSE_NUMBER, "INVALID_HOUSE_NUMBER", "is not a house number")(value)
    if _ENDS_IN_MARK.fullmatch(value):
        raise PydanticCustomError("INVALID_HOUSE_NUMBER", "is not a house number")
    return value


def _box(value: str) -> str:
    value = _without_mark(_tidy(value))
    if _ONLY_MARK.fullmatch(value):
        raise PydanticCustomError("INVALID_BOX", "is not a box number")
    return _pattern(_BOX, "INVALID_BOX", "is not a box number")(value)


HouseNumber = Annotated[str, _Sized(1, 16), _then(check_no_identifier, _house_number)]
Box = Annotated[str, _Sized(1, 25), _then(check_no_identifier, _box)]
Municipality = Annotated[
    str,
    _Sized(1, 80),
    _then(
        check_no_identifier,
        _letters_and(_MUNICIPALITY_PUNCTUATION, "INVALID_MUNICIPALITY", "a municipality"),
    ),
]
Postcode = Annotated[str, _Sized(2, 10), _then(check_no_identifier, _tidy)]
# The region codes of phonenumbers, a maintained dependency already, serve as the list of
# countries: every inhabited ISO 3166-1 alpha-2 code, plus AC and TA (Ascension, Tristan
# da Cunha: reserved by ISO 3166, each its own postal area) and XK (Kosovo, the code the EU
# and postal services use); none of the uninhabited territories (AQ, BV, GS, HM, PN, TF,
# UM), where no client lives. Nothing is up-cased: "be" is refused like "XX".
_COUNTRIES = frozenset(phonenumbers.SUPPORTED_REGIONS)


def _country(value: str) -> str:
    value = _tidy(value)
    if value not in _COUNTRIES:
        raise PydanticCustomError(
            "INVALID_COUNTRY", "is not a country code (ISO 3166-1 alpha-2, upper case)"
        )
    return value


Country = Annotated[str, _Sized(0, 16), _then(check_no_identifier, _country)]
"""A country as an ISO 3166-1 alpha-2 code (``BE``, ``NL``, ``FR``), from the region codes
of phonenumbers: inhabited countries and territories, plus ``XK``, ``AC`` and ``TA``."""
Phone = Annotated[str, _Sized(1, 40), _then(phone)]
"""A telephone number, any usual notation in; E.164 out (``+32470123456``) (A3-2). The
guard is part of :func:`~protocol_share.clientdata._phone.phone`, which reads the field as
phone numbers."""
Email = Annotated[str, _Sized(3, 254), _then(_guard_email, _email)]
"""An e-mail address, syntax checked by email-validator, no DNS look-up (A3-2)."""


# An organisation's address (a mailbox, a DPO contact) is no personal data and recurs in
# every referral to it, so its checks (the guard's and the syntax) are remembered; a
# client's address never is.
@functools.lru_cache(maxsize=256)
def _organisation_email(value: str) -> str:
    return _email(_guard_email(value))


OrganisationEmail = Annotated[str, _Sized(3, 254), _then(_organisation_email)]
"""An organisation's e-mail address (A6-3 mailbox, A9-4 DPO), checked like :data:`Email`;
the answers for the last 256 addresses are kept, since organisations' addresses recur."""


class Address(Screened):
    """The client's postal address, part of the contact details (A3-2).

    A Belgian postcode (``country="BE"``) is four digits; ``repr`` is masked.

    ``house_number`` takes the Belgian ways of writing a number with its box: ``12 bus 3``,
    ``12/3``, ``12 b 3``, ``12 bte 3`` give number ``12`` and ``box`` ``3``; ``12A`` and
    ``12-14`` (a range) are numbers without a box. A ``box`` written with its marker
    (``bus 3``) keeps only ``3``, so a text never reads "bus bus 3". A box in the house
    number that differs from an explicit ``box`` is refused (``BOX_CONFLICT``).

        >>> address = Address(street="Markt", house_number="12 bus 3", postcode="8820",
        ...                   municipality="Torhout")
        >>> address.house_number, address.box
        ('12', '3')
    """

    _personal_fields: ClassVar[frozenset[str]] = frozenset(
        {"street", "house_number", "box", "postcode", "municipality"}
    )

    street: Street
    house_number: HouseNumber
    postcode: Postcode
    municipality: Municipality
    box: Box | None = None
    country: Country = "BE"

    @model_validator(mode="before")
    @classmethod
    def _split_box(cls, data: Any) -> Any:
        # "12 bus 3" -> number "12", box "3"; only a str that reads so is touched, the field
        # validators check (and the guard screens) both parts after.
        if not isinstance(data, dict):
            return data
        written = data.get("house_number")
        if not isinstance(written, str) or written.isdigit():  # "11": the common case
            return data
        split = _NUMBER_WITH_BOX.fullmatch(written)
        if split is None:
            return data
        box = split.group("box")
        given = data.get("box")
        if isinstance(given, str) and given.strip():
            if _without_mark(given).casefold() != box.casefold():
                raise field_error(
                    "Address",
                    "box",
                    "BOX_CONFLICT",
                    "differs from the box written in the house number",
                )
        elif given is not None and not isinstance(given, str):
            return data  # the box field reports its own type error
        return {**data, "house_number": split.group("number"), "box": box}

    @model_validator(mode="after")
    def _no_identifier_across_fields(self) -> Self:
        # Each field passed the guard; an identifier may still be cut over street, house
        # number and box ("Kerkstraat 850730" + "033-28").
        if address_identifier_kinds(self.street, self.house_number, self.box):
            raise field_error("Address", "house_number", FORBIDDEN, FORBIDDEN_MESSAGE)
        return self

    @model_validator(mode="after")
    def _postcode_fits_country(self) -> Self:
        regex = BE_POSTCODE if self.country == "BE" else _OTHER_POSTCODE
        if not regex.fullmatch(self.postcode):
            raise field_error(
                "Address", "postcode", "INVALID_POSTCODE", "is not a postcode of the country"
            )
        return self


_NAME_ADDRESS = frozenset({DataItem.NAME, DataItem.ADDRESS})
_NAME_ADDRESS_PHONE = _NAME_ADDRESS | {DataItem.PHONE}
_NAME_ADDRESS_EMAIL = _NAME_ADDRESS | {DataItem.EMAIL}
_ALL_ITEMS = frozenset(DataItem)


class ClientData(Screened):
    """Everything about the client that may travel: name (A3-1) and contact details (A3-2).

    No other field exists, and none is accepted (A3-3). ``repr`` and ``str`` are masked.
    """

    _personal_fields: ClassVar[frozenset[str]] = frozenset(
        {"first_name", "last_name", "address", "phone", "email"}
    )

    first_name: PersonName
    last_name: PersonName
    address: Address
    phone: Phone | None = None
    email: Email | None = None

    @property
    def items(self) -> frozenset[DataItem]:
        """The data items present: always name and address; phone and e-mail when given.
        One of four shared sets, built once (every decision asks twice)."""
        if self.phone is None:
            return _NAME_ADDRESS if self.email is None else _NAME_ADDRESS_EMAIL
        return _NAME_ADDRESS_PHONE if self.email is None else _ALL_ITEMS
