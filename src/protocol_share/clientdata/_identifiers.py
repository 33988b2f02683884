"""The forbidden-identifier guard (A3-3): no national number, BIS, IBAN or KBO in client data.

Article 3 allows a name and contact details, nothing more. An identifier that singles a
person out across registers (national register or BIS number), a bank account (IBAN) or
an enterprise (KBO) has no place in any field. The checks themselves come from
python-stdnum (mod-97 with both century variants, BIS month offsets, IBAN per country);
this module only finds the candidates in free text.

The text is read as a person reads it: NFKC-normalised (full-width and circled digits
become digits) and every Unicode decimal digit taken as its ASCII digit (Arabic-Indic,
Devanagari, ...). Inside a digit run any one to three characters that are neither letters
nor digits separate groups (``85–07–30``, ``85  07``, ``85_07``, ``85,07``); a line break
always ends a run, so fields joined by newlines are scanned as separate fields.

    >>> sorted(forbidden_identifier_kinds("Kerkstraat 85.07.30-033.28"))
    ['national_number']
    >>> sorted(forbidden_identifier_kinds("BE71 0961 2345 6769"))
    ['iban']
    >>> forbidden_identifier_kinds("Aartrijkestraat 11")
    frozenset()
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from stdnum import iban
from stdnum.be import bis, nn, vat

__all__ = ["IdentifierKind", "forbidden_identifier_kinds"]

IdentifierKind = Literal["national_number", "bis_number", "iban", "kbo"]

# A run of digits joined by short separators: one to three characters that are neither
# letters nor digits, line breaks excepted. A run right after "+" is a phone number in
# international notation and never a national number or KBO.
_LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_DIGIT_RUN = re.compile(rf"(?<![+\d])\d(?:(?:[^\w{_LINE_BREAKS}]|_){{0,3}}\d)*")
_ANY_DIGIT = re.compile(r"\d")
_NON_ASCII_DIGIT = re.compile(r"(?![0-9])\d")
_NON_DIGITS = re.compile(r"\D+")
_IBAN_CANDIDATE = re.compile(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}")
_IBAN_SQUEEZE = re.compile(r"[ \-]")
# Where _IBAN_CANDIDATE can match in the squeezed, upper-cased text, the scanned text has
# two letters, or one letter that upper-cases to two (ß, the ff/fi/fl/ffi/ffl/st
# ligatures), then two digits, with only spaces and hyphens between. upper() makes ASCII
# letters only of letters and never makes a digit, space or hyphen (tests check this).
_IBAN_HINT = re.compile(r"(?:[^\W\d_][ \-]*[^\W\d_]|[\u00df\ufb00-\ufb06])[ \-]*\d[ \-]*\d")
_NN_LENGTH = 11
_KBO_LENGTH = 10
_IBAN_MIN, _IBAN_MAX = 15, 34
_NONE: frozenset[IdentifierKind] = frozenset()
_TWO_THOUSAND = 2_000_000_000  # "2" before nine digits: the century variant of births from 2000


def _maybe_national(window: str) -> bool:
    # A necessary condition for nn/bis.is_valid, far cheaper than stdnum: the check digits
    # match 97 - (first nine mod 97) in one of the two century variants. stdnum decides.
    base, check = int(window[:9]), int(window[9:])
    return 97 - base % 97 == check or 97 - (_TWO_THOUSAND + base) % 97 == check


def _ascii_digit(match: re.Match[str]) -> str:
    return str(unicodedata.decimal(match.group()))


def _windows(digits: str, width: int, *, whole_only: bool) -> list[str]:
    if whole_only:
        return [digits] if len(digits) == width else []
    return [digits[i : i + width] for i in range(len(digits) - width + 1)]


def forbidden_identifier_kinds(
    text: str, *, whole_runs_only: bool = False, include_kbo: bool = True
) -> frozenset[IdentifierKind]:
    """Which kinds of forbidden identifier ``text`` contains (A3-3); never the values.

    Digit runs may carry separators (``85.07.30-033.28``, ``0212 175 523``, ``85–07–30``:
    up to three characters that are neither letters nor digits) and digits of any script.
    With ``whole_runs_only`` a run must be the identifier as a whole, not contain one; the
    phone field uses that, and leaves out KBO, since a Belgian phone number in national
    notation has the KBO shape (ten digits, leading zero).
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)  # full-width, circled digits: digits
    # Every identifier here has at least ten digits: text with fewer holds none.
    if len(_ANY_DIGIT.findall(text)) < _KBO_LENGTH:
        return _NONE
    if not text.isascii():
        text = _NON_ASCII_DIGIT.sub(_ascii_digit, text)  # Arabic-Indic, Devanagari, ...
    found: set[IdentifierKind] = set()
    for match in _DIGIT_RUN.finditer(text):
        run = match.group()
        if len(run) < _KBO_LENGTH:
            continue  # fewer than ten digits
        digits = _NON_DIGITS.sub("", run)  # ASCII digits only, after the mapping above
        for window in _windows(digits, _NN_LENGTH, whole_only=whole_runs_only):
            if not _maybe_national(window):
                continue
            if nn.is_valid(window):
                found.add("national_number")
            elif bis.is_valid(window):
                found.add("bis_number")
        if include_kbo:
            for window in _windows(digits, _KBO_LENGTH, whole_only=whole_runs_only):
                # vat.checksum is stdnum's own mod-97 test, a necessary condition of is_valid.
                if vat.checksum(window) == 0 and vat.is_valid(window):
                    found.add("kbo")
    if _IBAN_HINT.search(text) is None:
        return frozenset(found) if found else _NONE
    squeezed = _IBAN_SQUEEZE.sub("", text.upper())
    for match in _IBAN_CANDIDATE.finditer(squeezed):
        candidate = match.group()
        if any(
            iban.is_valid(candidate[:length])
            for length in range(_IBAN_MIN, min(len(candidate), _IBAN_MAX) + 1)
        ):
            found.add("iban")
    return frozenset(found)
