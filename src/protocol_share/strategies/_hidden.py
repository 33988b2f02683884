"""Forbidden identifiers (A3-3), written every way we know: what the guard must find.

National, BIS, KBO and IBAN numbers (valid per python-stdnum) with separators, digits of
other scripts, invisible characters, cut over the address fields or after a foreign
calling code, put into a field; plain functions of a seeded ``random.Random``, and
strategies that draw the seed.

    >>> import random
    >>> hidden_identifier(random.Random(7)).what in {"national_number", "bis_number", "kbo", "iban"}
    True
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from datetime import date, timedelta

from hypothesis import strategies as st
from stdnum import iban, numdb

from protocol_share.clientdata._identifiers import IdentifierKind, valid_phone
from protocol_share.strategies._look_alikes import (
    _STREETS,
    FieldValues,
    _be_mobile_like,
    _phone_number,
    _randoms,
    seeded,
)

__all__ = [
    "bis_numbers",
    "hidden_identifier",
    "hidden_identifier_corpus",
    "hidden_identifiers",
    "ibans",
    "kbo_numbers",
    "national_numbers",
]

_FIRST_DAY, _LAST_DAY = date(1920, 1, 1), date(2025, 12, 31)


def national_number(rng: random.Random, *, bis: bool = False) -> str:
    """A valid national register number (BIS number with ``bis``): YYMMDD SSS CC, the month
    raised by 20 or 40 for BIS, the mod-97 check of the birth century. Made up."""
    born = _FIRST_DAY + timedelta(days=rng.randrange((_LAST_DAY - _FIRST_DAY).days + 1))
    month = born.month + (rng.choice((20, 40)) if bis else 0)
    first9 = f"{born:%y}{month:02d}{born:%d}{rng.randint(1, 997):03d}"
    base = int(("2" if born.year >= 2000 else "") + first9)
    return f"{first9}{97 - base % 97:02d}"


def kbo_number(rng: random.Random) -> str:
    """A valid KBO (enterprise) number: ten digits, the first 0 or 1, mod 97."""
    first8 = rng.randrange(2_000_000, 20_000_000)
    return f"{first8:08d}{97 - first8 % 97:02d}"


_IBAN_COUNTRIES = ("BE", "BE", "BE", "NL", "DE", "FR", "LU", "GB", "IT", "AT", "CH", "PL")
_PART = re.compile(r"(\d+)!([nac])")
_ALPHABETS = {"n": "0123456789", "a": "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "c": "0123456789ABCDEFGHIJ"}


def iban_number(rng: random.Random) -> str:
    """A valid IBAN (compact) of Belgium or a neighbouring country, per stdnum (for Belgium:
    a known bank code and the account's own check)."""
    while True:
        country = rng.choice(_IBAN_COUNTRIES)
        if country == "BE":
            account = rng.randrange(10**10)
            bban = f"{account:010d}{account % 97 or 97:02d}"
        else:
            structure = numdb.get("iban").info(country + "00")[0][1]["bban"]
            bban = "".join(
                "".join(rng.choice(_ALPHABETS[kind]) for _ in range(int(count)))
                for count, kind in _PART.findall(structure)
            )
        number = f"{country}{iban.calc_check_digits(f'{country}00{bban}')}{bban}"
        if iban.is_valid(number):
            return number


# --- how they are written -------------------------------------------------------------------

_NATIONAL_GROUPINGS = ((11,), (2, 2, 2, 3, 2), (2, 2, 2, 5), (6, 3, 2), (6, 5), (9, 2))
_KBO_GROUPINGS = ((10,), (4, 3, 3))
_SEPARATORS = (
    ".", "-", " ", "/", "_", ",", ":", "  ", " - ", " / ", " . ",
    "\u2013", "\u2014", "\u2010", "\u2212", "\u00b7",  # en, em dash, hyphen, minus, middle dot
    "\u00a0", "\u2009", "\u202f", "\u3000", "\u2800",  # no-break, thin, ideographic, braille blank
)  # fmt: skip
# The zeros of full-width, Arabic-Indic, Persian, Devanagari, Bengali, Thai, Gujarati,
# Myanmar, mathematical bold and sans-serif bold digits.
_ZEROS = "\uff10\u0660\u06f0\u0966\u09e6\u0e50\u0ae6\u1040\U0001d7ce\U0001d7ec"
_SUPERSCRIPTS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
_CIRCLED = "\u24ea\u2460\u2461\u2462\u2463\u2464\u2465\u2466\u2467\u2468"
_INVISIBLES = (
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u034f", "\u3164", "\u115f",
    "\u1160", "\uffa0", "\u180e", "\u17b4", "\u17b5", "\ufe0f", "\ufe00", "\u061c", "\u200e",
    "\u200f", "\u202a", "\u202c", "\u2066", "\u2069", "\u2061", "\u2063", "\U000e0020",
    "\U000e0001", "\U000e0100", "\u0301", "\u0332",  # tags, a variation selector, marks
)  # fmt: skip
_ID_SEPARATORS = (".", "-", "_", ":")


def _digit_in(zero_or_table: str, digit: str) -> str:
    table = len(zero_or_table) == 10
    return zero_or_table[int(digit)] if table else chr(ord(zero_or_table) + int(digit))


def _script(rng: random.Random, text: str) -> str:
    """``text`` with its digits in another script: one for all, or one per digit."""
    scripts = (*_ZEROS, _SUPERSCRIPTS, _CIRCLED)
    if rng.random() < 0.5:
        script = rng.choice(scripts)
        return "".join(_digit_in(script, ch) if ch.isdigit() else ch for ch in text)
    return "".join(
        _digit_in(rng.choice(scripts), ch) if ch.isdigit() and rng.random() < 0.5 else ch
        for ch in text
    )


def _invisible(rng: random.Random, text: str) -> str:
    """``text`` with invisible characters put in: at some places, or between all."""
    if rng.random() < 0.3:
        return rng.choice(_INVISIBLES).join(text)
    chars = list(text)
    for _ in range(rng.randint(1, 4)):
        chars.insert(rng.randrange(1, len(chars)), rng.choice(_INVISIBLES))
    return "".join(chars)


def _grouped(digits: str, grouping: tuple[int, ...], separators: list[str]) -> str:
    parts, start = [], 0
    for size in grouping:
        parts.append(digits[start : start + size])
        start += size
    return parts[0] + "".join(sep + part for sep, part in zip(separators, parts[1:], strict=True))


def _written(rng: random.Random, digits: str, *, ascii_only: bool = False) -> str:
    """``digits`` (a national, BIS or KBO number) in one of the groupings it is written in,
    with separators of one kind or the usual mix, and maybe other digits and invisibles."""
    groupings = _NATIONAL_GROUPINGS if len(digits) == 11 else _KBO_GROUPINGS
    grouping = rng.choice(groupings)
    pool = _ID_SEPARATORS if ascii_only else _SEPARATORS
    gaps = len(grouping) - 1
    if grouping == (2, 2, 2, 3, 2) and rng.random() < 0.4:
        separators = [".", ".", "-", "."]  # the official 85.07.30-033.28
    elif rng.random() < 0.7:
        separators = [rng.choice(pool)] * gaps
    else:
        separators = [rng.choice(pool) for _ in range(gaps)]
    text = _grouped(digits, grouping, separators)
    if ascii_only:
        return text
    if rng.random() < 0.25:
        text = _script(rng, text)
    if rng.random() < 0.25:
        text = _invisible(rng, text)
    return text


def _written_iban(rng: random.Random, number: str) -> str:
    text = number.lower() if rng.random() < 0.2 else number
    if rng.random() < 0.7:
        separator = rng.choice((" ", " ", "-", "."))
        text = separator.join(text[i : i + 4] for i in range(0, len(text), 4))
    if rng.random() < 0.15:  # full width, as some forms produce
        text = "".join(chr(ord(ch) + 0xFEE0) if ch.isalnum() else ch for ch in text)
    elif rng.random() < 0.15:
        text = _script(rng, text)
    if rng.random() < 0.2:
        text = _invisible(rng, text)
    return text


_PREFIXES = ("", "", "RRN ", "rijksregisternr. ", "INSZ: ", "nr.", "NN ", "(", "BE ")


def _placed(rng: random.Random, kind: IdentifierKind, digits: str) -> dict[str, str]:
    """The identifier written into one field, or cut over street, house number and box."""
    if kind == "iban":
        where = rng.choice(("first_name", "last_name", "address.street", "phone", "email", "id"))
        written = _written_iban(rng, digits)
        if where == "id":
            return {"id": rng.choice(("", "iban-", "rek:")) + digits}
        if where == "email":
            return {"email": f"{digits.lower()}@example.be"}
        prefix = rng.choice(("", "IBAN ", "IBAN: ", "rekening "))
        return {where: prefix + written}
    places = ["first_name", "last_name", "address.street", "address.box", "id"]
    if kind != "kbo":
        places += ["cut", "cut"]  # KBO numbers are looked for in each field alone
    if kind != "kbo" or not _be_mobile_like(digits):
        # In the phone and e-mail fields ten digits that are a Belgian phone number are one.
        places += ["phone", "email"]
    where = rng.choice(places)
    if where == "cut":
        return _cut(rng, digits)
    if where == "id":
        return {
            "id": rng.choice(("", "rrn-", "nn:", "kbo.", "x_"))
            + _written(rng, digits, ascii_only=True)
        }
    if where == "email":
        local = _written(rng, digits, ascii_only=True).replace(":", ".")
        return {"email": rng.choice(("", "rrn.", "an.", "kbo-")) + local + "@example.be"}
    if where == "phone":
        return {"phone": _phone_with(rng, kind, digits)}
    if where == "address.box":
        return {"address.box": _written(rng, digits, ascii_only=True)}
    text = _written(rng, digits)
    if where == "address.street":
        return {where: f"{rng.choice(_STREETS)} {text}"}
    return {where: rng.choice(_PREFIXES) + text}


def _phone_with(rng: random.Random, kind: IdentifierKind, digits: str) -> str:
    if kind != "kbo" and rng.random() < 0.4:
        # After a calling code; not where the digits would be a valid phone number there
        # (Germany and Luxembourg have such numbers: they are phone numbers, as documented).
        codes = [
            c for c in ("31", "33", "44", "49", "352", "1", "32") if not valid_phone(c, digits)
        ]
        code = rng.choice(codes)
        return rng.choice((f"+{code}{digits}", f"+{code} {digits}", f"00{code}{digits}"))
    written = _written(rng, digits)
    if rng.random() < 0.4:
        return f"{_phone_number(rng)}{rng.choice((' / ', ', ', ' '))}{written}"
    return written


def _cut(rng: random.Random, digits: str) -> dict[str, str]:
    """A national or BIS number cut over street and house number, or house number and box,
    as the fields allow."""
    street = rng.choice(_STREETS[:4])
    if len(digits) == 11 and rng.random() < 0.5:
        head, serial, check = digits[:6], digits[6:9], digits[9:]
        if rng.random() < 0.5:
            head = f"{head[:2]}.{head[2:4]}.{head[4:]}"
        house = rng.choice((f"{serial}-{check}", f"{serial}/{check}", serial + check))
        return {"address.street": f"{street} {head}", "address.house_number": house}
    if rng.random() < 0.5:
        cut = rng.randint(len(digits) - 5, len(digits) - 1)  # the house number: 1 to 5 digits
        return {"address.street": f"{street} {digits[:cut]}", "address.house_number": digits[cut:]}
    cut = rng.randint(1, 5)
    return {
        "address.street": street,
        "address.house_number": digits[:cut],
        "address.box": digits[cut:],
    }


def hidden_identifier(rng: random.Random) -> FieldValues:
    """A national, BIS, KBO or IBAN number, written one way or another, in some fields (A3-3)."""
    kind: IdentifierKind = rng.choice(("national_number", "bis_number", "kbo", "iban"))
    if kind == "national_number":
        digits = national_number(rng)
    elif kind == "bis_number":
        digits = national_number(rng, bis=True)
    elif kind == "kbo":
        digits = kbo_number(rng)
    else:
        digits = iban_number(rng)
    return FieldValues(kind, _placed(rng, kind, digits))


def national_numbers() -> st.SearchStrategy[str]:
    """Valid national register numbers, compact (A3-3)."""
    return _randoms().map(national_number)


def bis_numbers() -> st.SearchStrategy[str]:
    """Valid BIS numbers, compact: the month raised by 20 or 40 (A3-3)."""
    return _randoms().map(lambda rng: national_number(rng, bis=True))


def kbo_numbers() -> st.SearchStrategy[str]:
    """Valid KBO numbers, compact (A3-3)."""
    return _randoms().map(kbo_number)


def ibans() -> st.SearchStrategy[str]:
    """Valid IBANs of Belgium and neighbouring countries, compact (A3-3)."""
    return _randoms().map(iban_number)


def hidden_identifiers() -> st.SearchStrategy[FieldValues]:
    """A forbidden identifier in every notation we know, put into fields (A3-3)."""
    return _randoms().map(hidden_identifier)


def hidden_identifier_corpus(count: int, seed: int = 0) -> Iterator[FieldValues]:
    """``count`` values of :func:`hidden_identifier`, the same for the same ``seed`` (A3-3)."""
    return seeded(hidden_identifier, count, seed)
