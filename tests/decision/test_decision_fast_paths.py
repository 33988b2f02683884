"""The cheaper validation paths give the libraries' answers, never a weaker one (A3-2, A3-3).

A decision from JSON validates every field once. To make that cheap, ``fields`` and
``identifiers`` take shortcuts: common Belgian phone notations skip ``phonenumbers.parse``
(phonenumbers still judges validity), e-mail addresses always go through email-validator
(the test below pins that its answer is ours), and the identifier scan drops
windows that cannot pass stdnum's mod-97 test before asking stdnum. Each law here compares
the shortcut with the straightforward use of the library, kept below as the reference.
"""

from __future__ import annotations

import re
import sys
import unicodedata

import phonenumbers
import pytest
from email_validator import EmailNotValidError, validate_email
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pydantic_core import PydanticCustomError
from stdnum import iban
from stdnum.be import bis, nn, vat

from protocol_share.clientdata import _fields as fields
from protocol_share.clientdata._identifiers import forbidden_identifier_kinds
from protocol_share.strategies import emails, phones
from tests.clientdata.identifiers_strategies import bis_numbers, formatted, national_numbers

# --- references: the libraries used the plain way -----------------------------------------

_DIGIT = re.compile(r"\d")
_IBAN = re.compile(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}")


_LINE_BREAKS = set("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")


def _as_read(text: str) -> str:
    """NFKC, then every decimal digit as its ASCII digit."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)


def _digit_runs(text: str) -> list[str]:
    """The digits of each run: digits with at most three characters between them that are
    neither letters nor digits nor line breaks; no run starts at a digit right after "+"
    (those digits and the ones glued to them are skipped)."""
    runs: list[str] = []
    digits, gap, skipping, prev = "", "", False, ""
    for ch in text + "a":  # a letter at the end closes the last run
        if ch.isdecimal():
            if digits and len(gap) <= 3 and not set(gap) & _LINE_BREAKS:
                digits += ch
            elif skipping and prev.isdecimal():
                pass
            else:
                if digits:
                    runs.append(digits)
                skipping = prev == "+"
                digits = "" if skipping else ch
            gap = ""
        elif digits and not ch.isalnum():
            gap += ch
        else:
            if digits:
                runs.append(digits)
            digits, gap, skipping = "", "", False
        prev = ch
    return runs


def reference_kinds(text: str, *, whole_runs_only: bool, include_kbo: bool) -> frozenset[str]:
    text = _as_read(text)
    if len(_DIGIT.findall(text)) < 10:
        return frozenset()
    found: set[str] = set()
    for digits in _digit_runs(text):
        for width, kinds in ((11, ("nn", "bis")), (10, ("kbo",))):
            if kinds == ("kbo",) and not include_kbo:
                continue
            if whole_runs_only:
                windows = [digits] if len(digits) == width else []
            else:
                windows = [digits[i : i + width] for i in range(len(digits) - width + 1)]
            for window in windows:
                if width == 11 and nn.is_valid(window):
                    found.add("national_number")
                elif width == 11 and bis.is_valid(window):
                    found.add("bis_number")
                elif width == 10 and vat.is_valid(window):
                    found.add("kbo")
    squeezed = re.sub(r"[ \-]", "", text.upper())
    for match in _IBAN.finditer(squeezed):
        candidate = match.group()
        if any(iban.is_valid(candidate[:n]) for n in range(15, min(len(candidate), 34) + 1)):
            found.add("iban")
    return frozenset(found)


def reference_phone(value: str) -> str:
    try:
        parsed = phonenumbers.parse(value, "BE")
        valid = phonenumbers.is_valid_number(parsed)
    except phonenumbers.NumberParseException:
        valid = False
    if valid:
        if reference_kinds(value, whole_runs_only=True, include_kbo=False):
            raise PydanticCustomError("FORBIDDEN_IDENTIFIER", "")
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    if reference_kinds(value, whole_runs_only=False, include_kbo=True):
        raise PydanticCustomError("FORBIDDEN_IDENTIFIER", "")
    raise PydanticCustomError("INVALID_PHONE", "")


def reference_email(value: str) -> str:
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError:
        raise PydanticCustomError("INVALID_EMAIL", "") from None


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
    st.text(alphabet="0123456789 .-/+abcXYZßﬀﬁ٣٤", max_size=30),
    st.sampled_from(("Aartrijkestraat", "r-2026-000123", "+32 470 12 34 56", "bus 3", "")),
)
_texts = st.lists(_fragments, max_size=4).flatmap(
    lambda parts: st.sampled_from((" ", "", "\n", "-", "/")).map(lambda sep: sep.join(parts))
)


@settings(max_examples=400)
@given(text=_texts, whole=st.booleans(), kbo=st.booleans())
@example(text="85.07.30-033.28", whole=False, kbo=True)
@example(text="IBAN BE71 0961 2345 6769, KBO 0212.175.523", whole=False, kbo=True)
@example(text="ﬆ68000100010051845310112", whole=False, kbo=True)  # the ligature upper-cases to ST
@example(text="st68 0001 0001 0051 8453 1011 2", whole=False, kbo=True)
def test_the_identifier_scan_finds_what_stdnum_finds(text: str, whole: bool, kbo: bool) -> None:
    expected = reference_kinds(text, whole_runs_only=whole, include_kbo=kbo)
    assert forbidden_identifier_kinds(text, whole_runs_only=whole, include_kbo=kbo) == expected


def test_upper_case_makes_ascii_letters_only_of_letters_and_no_digit_space_or_hyphen() -> None:
    # The facts behind the IBAN hint in clientdata/_identifiers.py, for every code point.
    doubles = set()
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        upper = char.upper()
        if upper == char:
            continue
        assert not _DIGIT.search(upper), hex(point)
        assert " " not in upper and "-" not in upper, hex(point)  # noqa: PT018
        ascii_letters = sum("A" <= c <= "Z" for c in upper)
        if ascii_letters:
            assert char.isalpha(), hex(point)
        if ascii_letters >= 2:
            doubles.add(char)
    assert doubles == set("\u00df\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06")
    assert unicodedata.unidata_version  # the facts hold for this Unicode version


# --- the phone number ----------------------------------------------------------------------

_prefixes = st.sampled_from(("0", "+32", "0032", "+32 ", "0032 ", "0 ", "+31", "00", "+320"))
_bodies = st.lists(st.integers(0, 999), min_size=1, max_size=5).flatmap(
    lambda groups: st.sampled_from((" ", ".", "/", "-", "", "  ")).map(
        lambda sep: sep.join(str(g) for g in groups)
    )
)
_shaped = st.builds(lambda prefix, body: prefix + body, _prefixes, _bodies)


@settings(max_examples=500)
@given(value=phones() | _shaped | st.from_regex(r"0[1-9][0-9 ]{6,12}", fullmatch=True))
@example(value="0470 12 34 56")
@example(value="0800 12 345")
@example(value="+32 470 12 34 56")
@example(value="0032470123456")
@example(value="04701234567")
@example(value="85.07.30-033.28")
@example(value="0850730033")
def test_the_phone_number_is_what_phonenumbers_makes_of_it(value: str) -> None:
    assert outcome(fields._phone, value) == outcome(reference_phone, value)


@pytest.mark.parametrize(
    ("value", "e164"),
    [
        ("0470 12 34 56", "+32470123456"),
        ("050/12.34.56", "+3250123456"),
        ("+32 2 533 12 11", "+3225331211"),
    ],
)
def test_common_notations_take_the_short_way(value: str, e164: str) -> None:
    fast = fields._fast_be_phone(value)
    assert fast is not None
    assert phonenumbers.format_number(fast, phonenumbers.PhoneNumberFormat.E164) == e164


# --- the e-mail address -------------------------------------------------------------------

_locals = st.from_regex(r"[a-zA-Z0-9._+\-]{1,70}", fullmatch=True)
_labels = st.from_regex(r"[a-zA-Z0-9\-]{1,70}", fullmatch=True) | st.sampled_from(
    ("xn--bcher-kva", "ab--cd", "local", "localhost", "test", "arpa", "invalid", "onion", "123")
)
_domains = st.lists(_labels, min_size=1, max_size=5).map(".".join)
_addresses = st.builds(lambda local, domain: f"{local}@{domain}", _locals, _domains)


@settings(max_examples=600)
@given(value=_addresses | emails() | st.emails().map(str))
@example(value="sociaal.huis@torhout.be")
@example(value="Sociaal.Huis@Torhout.BE")
@example(value="a@b.local")
@example(value="a@x.onion")
@example(value="a@xn--bcher-kva.example")
@example(value="a..b@example.be")
@example(value="postmaster@example.be")
@example(value="a@" + "x" * 64 + ".be")
@example(value="a" * 65 + "@example.be")
@example(value="a@" + ("x" * 60 + ".") * 5 + "be")
def test_the_email_address_is_what_email_validator_makes_of_it(value: str) -> None:
    assert outcome(fields._email, value) == outcome(reference_email, value)
