"""The client's telephone number (A3-2), read by phonenumbers and screened by the guard (A3-3).

Any usual notation comes in, E.164 goes out (``+32470123456``); phonenumbers, with Belgium
as the default region, decides what the number is and whether it is valid. The common
Belgian notations take a shorter way to the same answer (:func:`_fast_be_phone`), and a
valid number in national notation or after ``+32``, which can hold no identifier, skips the
guard (:func:`phone`); ``tests/decision/test_decision_fast_paths.py`` holds both to the long way.

    >>> phone("0470 12 34 56"), phone("(050) 21 34 56"), phone("+32 (0)2 533 12 11")
    ('+32470123456', '+3250213456', '+3225331211')
"""

from __future__ import annotations

import re
from typing import NamedTuple

import phonenumbers
from pydantic_core import PydanticCustomError

from protocol_share.clientdata._identifiers import (
    FORBIDDEN,
    FORBIDDEN_MESSAGE,
    forbidden_identifier_kinds,
)

__all__ = ["phone", "phone_holds_identifier"]

# Belgian numbers as people write them: the prefix +32 or 0032 (perhaps followed by the
# trunk prefix in brackets, "+32 (0)"), or the trunk prefix 0; then a digit other than 0
# and more digits, with at most one space, dot, slash or hyphen between them. Or the zone
# in brackets with its trunk prefix, "(0472) 86 35 01", then the rest.
_BE_PHONE = re.compile(
    r"(?:(?P<prefix>\+32|0032)[ ]?(?:\(0\)[ ]?)?|0[ ]?)(?P<number>[1-9](?:[ ./\-]?[0-9]){6,9})"
    r"|\(0(?P<zone>[1-9][0-9]{0,3})\)[ ]?(?P<rest>[0-9](?:[ ./\-]?[0-9]){3,8})"
)
_DROP_PHONE_SEPARATORS = str.maketrans(dict.fromkeys(" ./-"))


class _Short(NamedTuple):
    number: phonenumbers.PhoneNumber
    read: bool  # the guard must read the text: a notation an identifier can fit (see phone)


def _fast_be_phone(value: str) -> _Short | None:
    """The valid number phonenumbers would make of a common Belgian notation, or None.

    For ``0470 12 34 56``, ``+32 470 12 34 56``, ``0032 50 ...``, ``+32 (0)470 ...`` or
    ``(0470) 12 34 56`` (see ``_BE_PHONE``), ``phonenumbers.parse(value, "BE")`` gives
    country code 32 and the digits after the prefixes as the national number: it strips
    the trunk prefix "0" whenever what remains is a possible number, which a valid one is.
    Building that number directly skips ``parse``, which costs four times the validity
    test. A number that is not valid this way returns None, and the caller asks ``parse``:
    the answer is always phonenumbers'.
    """
    match = _BE_PHONE.fullmatch(value)
    if match is None:
        return None
    zone = match.group("zone")
    written = match.group("number") if zone is None else zone + match.group("rest")
    digits = written.translate(_DROP_PHONE_SEPARATORS)
    number = phonenumbers.PhoneNumber(country_code=32, national_number=int(digits))
    if not phonenumbers.is_valid_number(number):
        return None
    # Nine digits at most after the prefix, whatever phonenumbers' metadata says.
    return _Short(number, read=match.group("prefix") == "0032" or len(digits) > 9)


def _parsed_phone(value: str) -> phonenumbers.PhoneNumber | None:
    """The valid number ``phonenumbers.parse(value, "BE")`` makes of ``value``, or None: the
    way every notation takes, which :func:`_fast_be_phone` shortens for the common ones."""
    try:
        parsed = phonenumbers.parse(value, "BE")
        valid = phonenumbers.is_valid_number(parsed)
    except phonenumbers.NumberParseException:
        return None
    return parsed if valid else None


def phone(value: str) -> str:
    """The number in ``value`` as E.164, after the guard (A3-2, A3-3); else
    ``FORBIDDEN_IDENTIFIER`` or ``INVALID_PHONE``.

    The guard reads the text as written, and first. Two notations of one valid number
    leave no room for an identifier, and are not read (docs/article-3.md):

    - national notation (``0470 12 34 56``, ``(050) 21 34 56``): ten digits at most and no
      letter, where a national or BIS number needs eleven digits and an IBAN letters; its
      ten digits, a valid Belgian number, are that number in a phone field, not a KBO
      number;
    - after ``+32``: the guard reads a calling code after ``+`` as a phone number's, and
      then at most nine digits remain (a bracketed trunk ``(0)`` a group apart), too few
      for any identifier.

    After ``0032`` the digits can join the prefix (``003250 179 97 0`` is a valid number
    and a BIS number in 6-3-2), and the guard reads them.
    """
    short = _fast_be_phone(value)
    if (short is None or short.read) and phone_holds_identifier(value):
        raise PydanticCustomError(FORBIDDEN, FORBIDDEN_MESSAGE)
    number = _parsed_phone(value) if short is None else short.number
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
