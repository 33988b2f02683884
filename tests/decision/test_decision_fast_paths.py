"""The cheaper validation paths give the libraries' answers, never a weaker one (A3-2, A3-3).

A decision from JSON validates every field once. To make that cheap, ``fields`` and
``identifiers`` take shortcuts: common Belgian phone notations skip ``phonenumbers.parse``
(phonenumbers still judges validity), e-mail addresses always go through email-validator
(the test below pins that its answer is ours), and the identifier scan drops
windows that cannot pass stdnum's mod-97 test before asking stdnum. Each law here compares
the shortcut with the straightforward use of the library, kept below as the reference (for
the phone, the field's own way without the shortcut, ``_parsed_phone``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any, TypeVar

import phonenumbers
import pytest
import regex
from email_validator import EmailNotValidError, validate_email
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pydantic_core import PydanticCustomError
from stdnum import iban, numdb
from stdnum.be import bis, nn, vat

from protocol_share.clientdata import _fields as fields
from protocol_share.clientdata import _phone as phone_field
from protocol_share.clientdata._identifiers import FieldKind, forbidden_identifier_kinds
from protocol_share.strategies import emails, phones
from tests.clientdata.identifiers_strategies import bis_numbers, formatted, national_numbers

_Test = TypeVar("_Test", bound=Callable[..., Any])

# --- references: the libraries used the plain way -----------------------------------------


_LINE_BREAKS = set("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
_LEFT_OUT = regex.compile(r"[\p{Default_Ignorable_Code_Point}\p{M}]")
_UUIDS = re.compile(
    r"(?<![0-9A-Za-z])(?:[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}|[0-9a-fA-F]{32})"
    r"(?![0-9A-Za-z])"
)
_NATIONAL_GROUPINGS = {(11,), (2, 2, 2, 3, 2), (2, 2, 2, 5), (6, 3, 2), (6, 5), (9, 2)}
_KBO_GROUPINGS = {(10,), (4, 3, 3)}


def _as_read(text: str) -> str:
    """NFKD; default-ignorables and marks left out; every digit value as its ASCII digit."""
    text = _LEFT_OUT.sub("", unicodedata.normalize("NFKD", text))
    return "".join(
        str(unicodedata.digit(ch)) if unicodedata.digit(ch, None) is not None else ch for ch in text
    )


def _calling_code(digits: str) -> tuple[str, str] | None:
    for size in (1, 2, 3):
        if int(digits[:size] or 0) in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
            return digits[:size], digits[size:]
    return None


def _chains(text: str) -> list[list[str]]:
    """Digit groups, chained where one to three characters that are not letters, digits,
    line breaks or "+" stand between them; the calling code after "+" (or "00") dropped."""
    chains: list[list[str]] = []
    chains_end = 0
    groups = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[0-9]+", text)]
    for start, end, digits in groups:
        gap = text[chains_end:start] if chains else ""
        joined = (
            bool(chains)
            and 1 <= len(gap) <= 3
            and not any(ch.isalnum() or ch in _LINE_BREAKS or ch == "+" for ch in gap)
            and text[start - 1] != "+"
        )
        if not joined:
            chains.append([])
            plus = start > 0 and text[start - 1] == "+"
            split = _calling_code(digits if plus else digits[2:])
            if split is not None and (
                plus or (digits.startswith("00") and (len(digits) > 11 or not split[1]))
            ):
                digits = split[1]
        chains[-1].append(digits)
        chains_end = end
    return chains


def _be_phone(digits: str) -> bool:
    number = phonenumbers.PhoneNumber(country_code=32, national_number=int(digits[1:]))
    return bool(phonenumbers.is_valid_number(number))


def reference_kinds(text: str, *, field: str) -> frozenset[str]:
    text = _UUIDS.sub("\n", _as_read(text))
    found: set[str] = set()
    for chain in _chains(text):
        for i in range(len(chain)):
            for j in range(i + 1, len(chain) + 1):
                shape = tuple(len(group) for group in chain[i:j] if group)
                digits = "".join(chain[i:j])
                if shape in _NATIONAL_GROUPINGS and nn.is_valid(digits):
                    found.add("national_number")
                elif shape in _NATIONAL_GROUPINGS and bis.is_valid(digits):
                    found.add("bis_number")
                elif (
                    shape in _KBO_GROUPINGS
                    and vat.is_valid(digits)
                    and not (field == "email" and _be_phone(digits))
                ):
                    found.add("kbo")
    for i in range(len(text) - 3):
        letters = text[i : i + 2]
        if not (letters.isascii() and letters.isalpha() and text[i + 2] in "0123456789"):
            continue
        if i > 0 and text[i - 1].isalpha():
            continue
        info = numdb.get("iban").info(letters.upper() + "00")[0][1]
        if "bban" not in info:
            continue
        length = 4 + sum(int(n) for n in re.findall(r"(\d+)!", info["bban"]))
        squeezed = re.sub(r"(?<=[0-9A-Za-z])[ .\-](?=[0-9A-Za-z])", "", text[i : i + 2 * length])
        candidate = squeezed[:length]
        if (
            len(candidate) == length
            and candidate.isascii()
            and candidate.isalnum()
            and iban.is_valid(candidate.upper())
        ):
            found.add("iban")
    return frozenset(found)


def reference_phone(value: str) -> str:
    """phonenumbers' answer alone (``parse``, no short way), after the guard (tested on its
    own in tests/clientdata)."""
    if phone_field.phone_holds_identifier(value):
        raise PydanticCustomError("FORBIDDEN_IDENTIFIER", "")
    parsed = phone_field._parsed_phone(value)
    if parsed is None:
        raise PydanticCustomError("INVALID_PHONE", "")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def reference_email(value: str) -> str:
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError:
        raise PydanticCustomError("INVALID_EMAIL", "") from None


def examples(*values: str) -> Callable[[_Test], _Test]:
    """``@example(value=...)`` for each of ``values``: the cases every run of the law tries."""

    def add(test: _Test) -> _Test:
        for value in reversed(values):
            test = example(value=value)(test)
        return test

    return add


def outcome(check: object, value: str) -> tuple[str, str]:
    try:
        return "ok", check(value)  # type: ignore[operator]
    except PydanticCustomError as error:
        return "error", error.type


# --- the identifier scan ------------------------------------------------------------------

_kbos = st.integers(0, 19_999_999).map(lambda n: f"{n:08d}{97 - n % 97:02d}")
_ibans = st.sampled_from(
    ("BE71 0961 2345 6769", "NL91ABNA0417164300", "FR14 2004 1010 0505 0001 3M02 606",
     "GB29 NWBK 6016 1331 9268 19", "DE89-3704-0044-0532-0130-00")
)  # fmt: skip
_fragments = st.one_of(
    formatted(national_numbers()),
    formatted(bis_numbers()),
    formatted(_kbos),
    _ibans,
    _ibans.map(str.lower),
    _ibans.map(str.title),
    phones(),
    st.from_regex(r"[0-9][0-9 ./\-]{0,24}[0-9]", fullmatch=True),
    st.text(alphabet="0123456789 .-/+abcXYZßﬀﬁ٣٤\u3164\u034f\u200b", max_size=30),
    st.uuids().map(str),
    st.sampled_from(("Aartrijkestraat", "r-2026-000123", "+32 470 12 34 56", "bus 3", "", "+31")),
)
_texts = st.lists(_fragments, max_size=4).flatmap(
    lambda parts: st.sampled_from((" ", "", "\n", "-", "/")).map(lambda sep: sep.join(parts))
)


@settings(max_examples=400)
@given(text=_texts, field=st.sampled_from(("text", "email")))
@example(text="85.07.30-033.28", field="text")
@example(text="IBAN BE71 0961 2345 6769, KBO 0212.175.523", field="text")
@example(text="st68 0001 0001 0051 8453 1011 2", field="text")
@example(text="+3185073003328 / 0031 85.07.30-033.28", field="text")
@example(text="3f2a8b1c-5073-4003-9328-a85073003328", field="text")
@example(text="gezin.0470123456@example.be", field="email")
def test_the_identifier_scan_finds_what_stdnum_finds(text: str, field: FieldKind) -> None:
    assert forbidden_identifier_kinds(text, field=field) == reference_kinds(text, field=field)


# --- the phone number ----------------------------------------------------------------------

_prefixes = st.sampled_from(
    ("0", "+32", "0032", "+32 ", "0032 ", "0 ", "+31", "00", "+320", "+32 (0)", "0032(0)", "(0)")
)
_bodies = st.lists(st.integers(0, 999), min_size=1, max_size=5).flatmap(
    lambda groups: st.sampled_from((" ", ".", "/", "-", "", "  ")).map(
        lambda sep: sep.join(str(g) for g in groups)
    )
)
_shaped = st.builds(lambda prefix, body: prefix + body, _prefixes, _bodies)
# The zone in brackets, as on letterheads: "(0472) 86 35 01", and near misses.
_bracketed = st.builds(
    lambda zone, gap, body: f"(0{zone}){gap}{body}",
    st.integers(0, 99_999).map(str),
    st.sampled_from(("", " ", "  ", "/", "-")),
    _bodies,
)


_COMMON_PHONES = (
    "0470 12 34 56",
    "0800 12 345",
    "+32 470 12 34 56",
    "0032470123456",
    "+32 (0)470 12 34 56",
    "(0470) 123 456",
    "(050) 21 34 56",
)
# One digit too many, a national number and its digits, (then) a valid number that is also
# a BIS number in 6-3-2, and national numbers in the shapes of bracketed zones.
_TRAP_PHONES = (
    "04701234567",
    "85.07.30-033.28",
    "0850730033",
    "003250 179 97 0",
    "(085) 07 30 033 28",
    "(08507) 30 033 28",
    "+32 (0)85 07 30 033 28",
)


@settings(max_examples=500)
@given(value=phones() | _shaped | _bracketed | st.from_regex(r"0[1-9][0-9 ]{6,12}", fullmatch=True))
@examples(*_COMMON_PHONES, *_TRAP_PHONES)
def test_the_phone_number_is_what_phonenumbers_makes_of_it(value: str) -> None:
    assert outcome(phone_field.phone, value) == outcome(reference_phone, value)


@settings(max_examples=500)
@given(value=phones() | _shaped | _bracketed)
@examples(*_COMMON_PHONES, *_TRAP_PHONES)
def test_a_number_that_skips_the_guard_holds_no_identifier(value: str) -> None:
    short = phone_field._fast_be_phone(value)
    if short is not None and not short.read:
        assert not phone_field.phone_holds_identifier(value)
        assert not value.startswith("0032")


@pytest.mark.parametrize(
    ("value", "e164", "read"),
    [
        ("0470 12 34 56", "+32470123456", False),
        ("050/12.34.56", "+3250123456", False),
        ("(0470) 123 456", "+32470123456", False),
        ("+32 2 533 12 11", "+3225331211", False),
        ("+32 (0)2 533 12 11", "+3225331211", False),
        ("0032 470 12 34 56", "+32470123456", True),
        ("003250 179 97 0", "+3250179970", True),
    ],
)
def test_common_notations_take_the_short_way(value: str, e164: str, read: bool) -> None:
    fast = phone_field._fast_be_phone(value)
    assert fast is not None
    assert phonenumbers.format_number(fast.number, phonenumbers.PhoneNumberFormat.E164) == e164
    assert fast.read is read


# --- the e-mail address -------------------------------------------------------------------

_locals = st.from_regex(r"[a-zA-Z0-9._+\-]{1,70}", fullmatch=True)
_labels = st.from_regex(r"[a-zA-Z0-9\-]{1,70}", fullmatch=True) | st.sampled_from(
    ("xn--bcher-kva", "ab--cd", "local", "localhost", "test", "arpa", "invalid", "onion", "123")
)
_domains = st.lists(_labels, min_size=1, max_size=5).map(".".join)
_addresses = st.builds(lambda local, domain: f"{local}@{domain}", _locals, _domains)


_COMMON_EMAILS = ("sociaal.huis@torhout.be", "Sociaal.Huis@Torhout.BE", "postmaster@example.be")
_SPECIAL_DOMAINS = ("a@b.local", "a@x.onion", "a@xn--bcher-kva.example")
# Two dots in a row; a label, a local part and a domain each one character too long.
_OVER_THE_LIMITS = ("a..b@example.be", f"a@{'x' * 64}.be", f"{'a' * 65}@example.be")
_LONG_DOMAIN = f"a@{('x' * 60 + '.') * 5}be"


@settings(max_examples=600)
@given(value=_addresses | emails() | st.emails().map(str))
@examples(*_COMMON_EMAILS, *_SPECIAL_DOMAINS, *_OVER_THE_LIMITS, _LONG_DOMAIN)
def test_the_email_address_is_what_email_validator_makes_of_it(value: str) -> None:
    assert outcome(fields._email, value) == outcome(reference_email, value)
