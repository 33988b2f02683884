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

import functools
import re
import unicodedata
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Self

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from pydantic import AfterValidator, BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from protocol_share._model import field_error
from protocol_share.clientdata._identifiers import (
    address_identifier_kinds,
    forbidden_identifier_kinds,
)
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
    "phone_holds_identifier",
]


class DataItem(StrEnum):
    """The data items article 3 allows: ``name`` (A3-1); ``address``, ``phone``, ``email`` (A3-2)."""

    NAME = "name"
    ADDRESS = "address"
    PHONE = "phone"
    EMAIL = "email"


_FORBIDDEN = "FORBIDDEN_IDENTIFIER"
_FORBIDDEN_MESSAGE = "holds a national register, BIS, IBAN or KBO number, which article 3 forbids"
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
# Belgian numbers as people write them: prefix +32, 0032 or 0, then a digit other than 0 and
# more digits, with at most one space, dot, slash or hyphen between them (see _parse_phone).
_BE_PHONE = re.compile(r"(?:\+32|0032|0)[ ]?([1-9](?:[ ./\-]?[0-9]){6,9})")
_DROP_PHONE_SEPARATORS = str.maketrans(dict.fromkeys(" ./-"))


def _guard(value: str) -> str:
    if forbidden_identifier_kinds(value):
        raise PydanticCustomError(_FORBIDDEN, _FORBIDDEN_MESSAGE)
    return value


def _guard_email(value: str) -> str:
    if forbidden_identifier_kinds(value, field="email"):
        raise PydanticCustomError(_FORBIDDEN, _FORBIDDEN_MESSAGE)
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
    _guard(value)
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


def _fast_be_phone(value: str) -> phonenumbers.PhoneNumber | None:
    """The valid number phonenumbers would make of a common Belgian notation, or None.

    For ``0470 12 34 56``, ``+32 470 12 34 56`` or ``0032 50 ...`` (see ``_BE_PHONE``),
    ``phonenumbers.parse(value, "BE")`` gives country code 32 and the digits after the
    prefix as the national number: it strips a leading national prefix "0" whenever what
    remains is a possible number, which a valid one is. Building that number directly
    skips ``parse``, which costs four times the validity test. A number that is not valid
    this way returns None, and the caller asks ``parse``: the answer is always
    phonenumbers'.
    """
    match = _BE_PHONE.fullmatch(value)
    if match is None:
        return None
    digits = match.group(1).translate(_DROP_PHONE_SEPARATORS)
    candidate = phonenumbers.PhoneNumber(country_code=32, national_number=int(digits))
    return candidate if phonenumbers.is_valid_number(candidate) else None


def _parsed_phone(value: str) -> phonenumbers.PhoneNumber | None:
    """The valid number ``phonenumbers.parse(value, "BE")`` makes of ``value``, or None: the
    way every notation takes, which :func:`_fast_be_phone` shortens for the common ones."""
    try:
        parsed = phonenumbers.parse(value, "BE")
        valid = phonenumbers.is_valid_number(parsed)
    except phonenumbers.NumberParseException:
        return None
    return parsed if valid else None


def _phone(value: str) -> str:
    # The guard reads the text as written: a common notation can still hold an identifier
    # across its prefix ("003250 179 97 0" is a valid number and a BIS number in 6-3-2).
    if phone_holds_identifier(value):
        raise PydanticCustomError(_FORBIDDEN, _FORBIDDEN_MESSAGE)
    number = _fast_be_phone(value)
    if number is None:
        number = _parsed_phone(value)
    if number is None:
        raise PydanticCustomError("INVALID_PHONE", "is not a valid telephone number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_holds_identifier(phone: str) -> bool:
    """Whether the phone field holds a national register, BIS or IBAN number (A3-3).

    The field is read as phone numbers first (``field="phone"`` of
    :func:`~protocol_share.clientdata.forbidden_identifier_kinds`): one or two numbers in
    any notation are numbers, and a national or BIS number counts where it is written, or
    whole after a foreign calling code. A valid Belgian number in national notation has the
    KBO shape (ten digits, a leading zero), so KBO numbers are not looked for here.
    """
    return bool(forbidden_identifier_kinds(phone, field="phone"))


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


# Every text field: a string, then its length (cheap, whatever the size), then the guard,
# then its shape. The guard runs before the shape check, so a forbidden identifier is
# reported as such in every field of a sensible length, whatever else is wrong with it.
_Text = BeforeValidator(_string)
_Guard = AfterValidator(_guard)
PersonName = Annotated[
    str,
    _Text,
    Field(min_length=1, max_length=100),
    _Guard,
    AfterValidator(_letters_and(_NAME_PUNCTUATION, "INVALID_NAME", "a name")),
]
Street = Annotated[str, _Text, Field(min_length=1, max_length=120), _Guard, AfterValidator(_tidy)]


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


HouseNumber = Annotated[
    str,
    _Text,
    Field(min_length=1, max_length=16),
    _Guard,
    AfterValidator(_house_number),
]
Box = Annotated[str, _Text, Field(min_length=1, max_length=25), _Guard, AfterValidator(_box)]
Municipality = Annotated[
    str,
    _Text,
    Field(min_length=1, max_length=80),
    _Guard,
    AfterValidator(
        _letters_and(_MUNICIPALITY_PUNCTUATION, "INVALID_MUNICIPALITY", "a municipality")
    ),
]
Postcode = Annotated[str, _Text, Field(min_length=2, max_length=10), _Guard, AfterValidator(_tidy)]
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


Country = Annotated[str, _Text, Field(max_length=16), _Guard, AfterValidator(_country)]
"""A country as an ISO 3166-1 alpha-2 code (``BE``, ``NL``, ``FR``), from the region codes
of phonenumbers: inhabited countries and territories, plus ``XK``, ``AC`` and ``TA``."""
Phone = Annotated[
    str, BeforeValidator(_string), Field(min_length=1, max_length=40), AfterValidator(_phone)
]
"""A telephone number, any usual notation in; E.164 out (``+32470123456``) (A3-2)."""
_GuardEmail = AfterValidator(_guard_email)
Email = Annotated[
    str, _Text, Field(min_length=3, max_length=254), _GuardEmail, AfterValidator(_email)
]
"""An e-mail address, syntax checked by email-validator, no DNS look-up (A3-2)."""


# An organisation's address (a mailbox, a DPO contact) is no personal data and recurs in
# every referral to it, so its checks (the guard's and the syntax) are remembered; a
# client's address never is.
@functools.lru_cache(maxsize=256)
def _organisation_email(value: str) -> str:
    return _email(_guard_email(value))


OrganisationEmail = Annotated[
    str,
    _Text,
    Field(min_length=3, max_length=254),
    AfterValidator(_organisation_email),
]
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
            raise field_error("Address", "house_number", _FORBIDDEN, _FORBIDDEN_MESSAGE)
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
