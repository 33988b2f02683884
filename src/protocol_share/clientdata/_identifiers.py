"""The forbidden-identifier guard (A3-3): no national number, BIS, IBAN or KBO in client data.

Article 3 allows a name and contact details, nothing more. An identifier that singles a
person out across registers (national register or BIS number), a bank account (IBAN) or
an enterprise (KBO) has no place in any field. The check digits are python-stdnum's
(mod-97 with both century variants, BIS month offsets, IBAN per country); this module only
says where a candidate is. ``docs/article-3.md`` defines it; in short:

- The text is read as a person reads it: NFKD, every character with a Unicode digit value
  as that digit (Arabic-Indic, Devanagari, full-width, superscript, circled), and every
  default-ignorable code point and combining mark left out (U+200B, U+034F, U+3164, ...).
- Digits form *groups* (maximal runs of digits). Groups separated by one to three
  characters that are neither letters, digits, line breaks nor ``+`` form a *chain*.
- A candidate is a run of consecutive groups of one chain written in a grouping the
  identifier is really written in: 11 digits as ``11``, ``2-2-2-3-2``, ``2-2-2-5``,
  ``6-3-2``, ``6-5`` or ``9-2``; a KBO number as ``10`` or ``4-3-3``. A hyphen between the
  groups of a UUID is no separator of these groupings, and UUIDs are read as one code.
- After ``+`` (or in a group of more than eleven digits starting ``00``) the calling code
  is a phone number's, and the rest of the group is a group of its own.
- An IBAN is a registered country code and two check digits followed by that country's
  length of letters and digits, in groups of any size separated by single spaces, dots or
  hyphens.

Each candidate is validated once, and the work is linear in the text's length.

    >>> sorted(forbidden_identifier_kinds("Kerkstraat 85.07.30-033.28"))
    ['national_number']
    >>> sorted(forbidden_identifier_kinds("BE71 0961 2345 6769"))
    ['iban']
    >>> forbidden_identifier_kinds("Aartrijkestraat 11")
    frozenset()
    >>> forbidden_identifier_kinds("3f2a8b1c-5073-4003-9328-a85073003328")
    frozenset()
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable
from typing import Literal

import phonenumbers
import regex
from stdnum import iban, numdb
from stdnum.be import bis, nn, vat

from protocol_share._model import wrong_type

__all__ = [
    "FORBIDDEN",
    "FORBIDDEN_MESSAGE",
    "FieldKind",
    "IdentifierKind",
    "address_identifier_kinds",
    "forbidden_identifier_kinds",
    "valid_phone",
]

IdentifierKind = Literal["national_number", "bis_number", "iban", "kbo"]
FORBIDDEN = "FORBIDDEN_IDENTIFIER"
"""The code of a field the guard refuses (A3-3); :data:`FORBIDDEN_MESSAGE` is its text."""
FORBIDDEN_MESSAGE = "holds a national register, BIS, IBAN or KBO number, which article 3 forbids"
FieldKind = Literal["text", "email", "phone"]
"""How a field is read: ``text`` (names, street, ids, every other text); ``email`` and
``phone``, where ten digits that are a valid Belgian phone number in national notation are
that phone number, not a KBO number; in ``phone`` valid phone numbers are recognised
before anything else."""

_NONE: frozenset[IdentifierKind] = frozenset()
_NATIONAL = ("national_number", "bis_number")
_KBO = ("kbo",)
# The groupings each identifier is written in (group lengths, left to right).
_GROUPINGS: dict[tuple[int, ...], tuple[str, ...]] = {
    (11,): _NATIONAL,
    (2, 2, 2, 3, 2): _NATIONAL,
    (2, 2, 2, 5): _NATIONAL,
    (6, 3, 2): _NATIONAL,
    (6, 5): _NATIONAL,
    (9, 2): _NATIONAL,
    (10,): _KBO,
    (4, 3, 3): _KBO,
}
_MOST_GROUPS = max(map(len, _GROUPINGS))
_MOST_DIGITS = 11
_FEWEST_DIGITS = 10
_LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_GROUP = re.compile(r"[0-9](?:[0-9]*)")  # written so that re skips non-digits quickly
# Between two groups of one chain: one to three characters, none a letter, digit, line
# break or "+" (a "+" opens a phone number in international notation).
_SEPARATOR = rf"(?:[^\w{_LINE_BREAKS}+]|_)"
_CHAIN = re.compile(rf"[0-9](?:[0-9]*)(?:{_SEPARATOR}{{1,3}}[0-9]+)*")
_HEX = "[0-9A-Fa-f]"
_UUID = re.compile(
    rf"(?<![0-9A-Za-z])(?:{_HEX}{{8}}-{_HEX}{{4}}-{_HEX}{{4}}-{_HEX}{{4}}-{_HEX}{{12}}"
    rf"|{_HEX}{{32}})(?![0-9A-Za-z])"
)
_CODE = re.compile(rf"{_HEX}{{8}}-{_HEX}{{4}}-{_HEX}{{4}}-{_HEX}{{4}}-{_HEX}{{12}}|{_HEX}{{32}}")
_IBAN_SEPARATOR = re.compile(r"(?<=[0-9A-Za-z])[ .\-](?=[0-9A-Za-z])")
_IBAN_STRUCTURE = re.compile(r"(\d+)!?[nac]")
_CALLING_CODES = frozenset(str(code) for code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE)
_ANY_DIGIT = re.compile(r"[0-9]")
_TEN_DIGITS = re.compile(r"[0-9](?:[^0-9]*[0-9]){9}")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_TWO_THOUSAND = 2_000_000_000  # "2" before nine digits: the century variant of births from 2000


@functools.cache
def _reading() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """The characters read differently, and how: every default-ignorable code point and
    combining mark is left out, every other character with a digit value is that digit.

    Taken from the Unicode properties (``regex``'s ``Default_Ignorable_Code_Point``,
    ``M``, ``Nd``, ``No``; ``unicodedata.digit``), built once, on the first non-ASCII text.
    """
    planes = itertools.chain(range(0x80, 0xD800), range(0xE000, 0x40000), range(0xE0000, 0xE1000))
    everything = "".join(map(chr, planes))
    reading = dict.fromkeys(
        regex.findall(r"[\p{Default_Ignorable_Code_Point}\p{M}]", everything), ""
    )
    for char in regex.findall(r"[\p{Nd}\p{No}]", everything):
        value = unicodedata.digit(char, None)
        if value is not None:
            reading[char] = str(value)
    points = sorted(map(ord, reading))
    # Two classes: re matches one of the basic plane as a bitmap lookup, fast.
    return (
        _char_class(p for p in points if p <= 0xFFFF),
        _char_class(p for p in points if p > 0xFFFF),
        reading,
    )


def _char_class(points: Iterable[int]) -> re.Pattern[str]:
    ranges = []
    for _, run in itertools.groupby(enumerate(points), lambda pair: pair[1] - pair[0]):
        block = [point for _, point in run]
        ranges.append(f"\\U{block[0]:08x}-\\U{block[-1]:08x}")
    return re.compile(f"[{''.join(ranges)}]")


def _read(text: str) -> str:
    """The text as the guard reads it (see the module docstring); ASCII stays as it is."""
    if text.isascii():
        return text
    # Compatibility decomposition: full-width and circled forms become plain characters,
    # and a mark stays apart from its letter (and is then left out): "Ń" reads "N".
    text = unicodedata.normalize("NFKD", text)
    basic, astral, reading = _reading()
    text = basic.sub(lambda match: reading[match.group()], text)
    if _ASTRAL.search(text) is not None:
        text = astral.sub(lambda match: reading[match.group()], text)
    return text


@functools.cache
def _iban_length(country: str) -> int | None:
    """The length of an IBAN of ``country`` per stdnum's registry, or None if it has none."""
    info = numdb.get("iban").info(country + "00")
    bban = info[0][1].get("bban") if info else None
    if not bban:
        return None
    return 4 + sum(int(count) for count in _IBAN_STRUCTURE.findall(bban))


def _after_calling_code(digits: str) -> tuple[str, str] | None:
    """``digits`` split into a calling code and the rest (calling codes are prefix-free)."""
    for size in (1, 2, 3):
        if digits[:size] in _CALLING_CODES:
            return digits[:size], digits[size:]
    return None


def _be_phone(digits: str) -> bool:
    """Whether ten or nine digits with the trunk "0" are a valid Belgian phone number."""
    number = phonenumbers.PhoneNumber(country_code=32, national_number=int(digits[1:]))
    return bool(phonenumbers.is_valid_number(number))


def _phone(digits: str, international: bool) -> str | None:
    """The national significant number if ``digits`` (after "+" or "00" when
    ``international``) are a valid phone number, else None."""
    if not international:
        valid = len(digits) in (9, 10) and digits[0] == "0" and _be_phone(digits)
        return digits[1:] if valid else None
    split = _after_calling_code(digits)
    if split is None or not 4 <= len(split[1]) <= 14:
        return None
    code, rest = split
    return rest if valid_phone(code, rest) else None


def valid_phone(code: str, digits: str) -> bool:
    """Whether ``digits`` after calling code ``code`` are a valid phone number there, their
    leading zeros kept (an Italian number keeps its 0)."""
    zeros = len(digits) - len(digits.lstrip("0"))
    number = phonenumbers.PhoneNumber(
        country_code=int(code),
        national_number=int(digits),
        italian_leading_zero=zeros > 0 or None,
        number_of_leading_zeros=zeros or None,
    )
    return bool(phonenumbers.is_valid_number(number))


class _Scan:
    """One scan of one text: the kinds found, each candidate checked once."""

    __slots__ = ("found", "phones", "seen", "two_readings")

    def __init__(self, field: FieldKind, *, phones: bool = False) -> None:
        self.found: set[IdentifierKind] = set()
        self.seen: set[str] = set()
        self.phones = phones
        # Where phone numbers are at home, ten digits that are a valid Belgian number in
        # national notation are that number, not a KBO number.
        self.two_readings = field != "text"

    def candidate(self, digits: str, kinds: tuple[str, ...], code: str = "") -> None:
        """Check ``digits`` once; ``code`` is the calling code right before them, if any."""
        if digits in self.seen:
            return
        self.seen.add(digits)
        if kinds is _KBO:
            # vat.checksum is stdnum's own mod-97 test, a necessary condition of is_valid.
            if (
                vat.checksum(digits) == 0
                and vat.is_valid(digits)
                and not (self.two_readings and _be_phone(digits))
            ):
                self.found.add("kbo")
            return
        base, check = int(digits[:9]), int(digits[9:])
        # A necessary condition of nn/bis.is_valid, far cheaper: the check digits match
        # 97 - (first nine mod 97) in one of the two century variants. stdnum decides.
        if 97 - base % 97 != check and 97 - (_TWO_THOUSAND + base) % 97 != check:
            return
        if code and _phone(code + digits, True) is not None:
            return  # a valid phone number of that country ("+49 151 ..."), not an identifier
        if nn.is_valid(digits):
            self.found.add("national_number")
        elif bis.is_valid(digits):
            self.found.add("bis_number")

    def chain(
        self, bodies: list[str], raws: list[str], international: list[bool], code: str = ""
    ) -> None:
        """Every candidate of one chain; in a phone field, valid phone numbers are skipped
        (an identifier starting at a group is looked for before a phone number there).
        ``code`` is the calling code the chain starts with, if any."""
        lengths = [len(body) for body in bodies]
        count, index = len(bodies), 0
        while index < count:
            # A group that is only a calling code ("+31", "0031") starts nothing itself.
            begin = index + 1 if lengths[index] == 0 else index
            after_code = code if index == 0 else ""
            total = 0
            for end in range(begin, min(count, begin + _MOST_GROUPS)):
                total += lengths[end]
                if total > _MOST_DIGITS:
                    break
                kinds = _GROUPINGS.get(tuple(lengths[begin : end + 1]))
                if kinds is not None:
                    self.candidate("".join(bodies[begin : end + 1]), kinds, after_code)
            if self.phones and (international[index] or raws[index][:1] == "0"):
                after = self.phone_at(raws, international[index], index)
                if after:
                    index = after
                    continue
            index += 1

    def phone_at(self, raws: list[str], international: bool, index: int) -> int:
        """The index after the shortest valid phone number starting at group ``index``, or 0."""
        digits = raws[index][2:] if raws[index].startswith("00") else raws[index]
        international = international or raws[index].startswith("00")
        for end in range(index, min(len(raws), index + 8)):
            if end > index:
                digits += raws[end]
            if len(digits) > 17:
                break
            if _phone(digits, international) is not None:
                return end + 1
        return 0

    def iban_at(self, text: str, start: int) -> None:
        """The IBAN candidate whose country code starts at ``start``, if its country has IBANs."""
        country = text[start : start + 2].upper()
        length = _iban_length(country)
        if length is None:
            return
        chunk = _IBAN_SEPARATOR.sub("", text[start : start + 2 * length])[:length]
        if len(chunk) != length or not (chunk.isascii() and chunk.isalnum()):
            return
        candidate = chunk.upper()
        if candidate not in self.seen:
            self.seen.add(candidate)
            if iban.is_valid(candidate):
                self.found.add("iban")

    def text(self, text: str) -> None:
        """Every candidate of ``text`` (read already): one pass over its chains."""
        for match in _CHAIN.finditer(text):
            start, chain = match.start(), match.group()
            plus = start > 0 and text[start - 1] == "+"
            if (
                not plus
                and start >= 2
                and text[start - 2 : start].isalpha()
                and (start == 2 or not text[start - 3].isalpha())
            ):
                # Two letters, then digits: perhaps an IBAN's country and check digits.
                self.iban_at(text, start - 2)
            if len(chain) < _FEWEST_DIGITS:
                continue  # fewer than ten digits
            raws = _GROUP.findall(chain)
            bodies, code = raws, ""
            first = raws[0]
            if plus or first.startswith("00"):
                # After "+" (or "00"), the calling code is a phone number's; a group of
                # eleven digits or fewer after "00" is read as it is, unless it is only
                # the prefix ("0031").
                split = _after_calling_code(first if plus else first[2:])
                if split is not None and (plus or len(first) > _MOST_DIGITS or not split[1]):
                    code, bodies = split[0], [split[1], *raws[1:]]
            if sum(map(len, bodies)) >= _FEWEST_DIGITS:
                international = [plus] + [False] * (len(raws) - 1)
                self.chain(bodies, raws, international, code)


def _kinds(text: str, field: FieldKind) -> set[IdentifierKind]:
    scan = _Scan(field)
    scan.text(text)
    if scan.found and field == "phone":
        # Phone numbers are recognised only when there is something to find: recognising
        # them only takes candidates away, and a valid phone number costs a lookup.
        scan = _Scan(field, phones=True)
        scan.text(text)
    return scan.found


def forbidden_identifier_kinds(
    text: str, *, field: FieldKind = "text"
) -> frozenset[IdentifierKind]:
    """Which kinds of forbidden identifier ``text`` holds (A3-3); never the values.

    ``field`` says how the text is read (see :data:`FieldKind` and ``docs/article-3.md``):
    names, street, ids and every other text are ``text``.

        >>> sorted(forbidden_identifier_kinds("0470 12 34 56 / 85 07 30 033 28", field="phone"))
        ['national_number']
        >>> forbidden_identifier_kinds("0470 12 34 56 / 050 21 34 56", field="phone")
        frozenset()
        >>> forbidden_identifier_kinds("an1122.995328@example.be", field="email")
        frozenset()

    A ``text`` that is not a string raises :class:`~protocol_share.errors.InvalidInput`
    (``WRONG_TYPE``).
    """
    if not isinstance(text, str):
        raise wrong_type(text, str, "text")
    if len(text) < _FEWEST_DIGITS:
        return _NONE  # every identifier has ten characters at least (a postcode, "BE")
    if text.isascii():
        if _ANY_DIGIT.search(text) is None or _CODE.fullmatch(text):
            return _NONE  # no digit, no identifier; an id that is a UUID is one code
    else:
        text = _read(text)
        if _ANY_DIGIT.search(text) is None:
            return _NONE
    found = _kinds(text, field)
    if found and _UUID.search(text) is not None:
        # A UUID is one code, never digit groups: read again without them. (Only on a
        # finding, which is rare: the common path pays nothing for it.)
        found = _kinds(_UUID.sub("\n", text), field)
    return frozenset(found) if found else _NONE


def address_identifier_kinds(
    street: str, house_number: str, box: str | None = None
) -> frozenset[IdentifierKind]:
    """Which national, BIS or IBAN numbers the address line holds across its fields (A3-3).

    The street, house number and box are read as one line, as an address is written
    (``Kerkstraat 850730`` and ``033-28`` are ``Kerkstraat 850730 033-28``); where a field
    ends and the next starts with a digit, also with nothing between them, since an
    identifier may be cut anywhere. KBO numbers are looked for in each field alone.

        >>> sorted(address_identifier_kinds("Kerkstraat 850730", "033-28"))
        ['national_number']
        >>> sorted(address_identifier_kinds("Kerkstraat 8507300", "3328"))
        ['national_number']
        >>> address_identifier_kinds("Aartrijkestraat", "11", "3")
        frozenset()

    A part that is not a string (``box`` may be None) raises
    :class:`~protocol_share.errors.InvalidInput` (``WRONG_TYPE``).
    """
    for name, part in (("street", street), ("house_number", house_number)):
        if not isinstance(part, str):
            raise wrong_type(part, str, name)
    if box is not None and not isinstance(box, str):
        raise wrong_type(box, str, "box")
    line = f"{street} {house_number} {box or ''}"
    if line.isascii() and _TEN_DIGITS.search(line) is None:
        return _NONE  # every national, BIS or IBAN number here has at least ten digits
    parts = [_read(street), _read(house_number)] + ([_read(box)] if box else [])
    joins = [
        (" ", "") if left[-1:].isdigit() and right[:1].isdigit() else (" ",)
        for left, right in itertools.pairwise(parts)
    ]
    found: set[IdentifierKind] = set()
    for chosen in itertools.product(*joins):
        line = parts[0] + "".join(join + part for join, part in zip(chosen, parts[1:], strict=True))
        found |= forbidden_identifier_kinds(line)
    # A KBO number is looked for in each field alone: across fields a year in a street name
    # and a range of house numbers ("Plein 1918" + "114-127") have its 4-3-3 grouping.
    found.discard("kbo")
    return frozenset(found) if found else _NONE
