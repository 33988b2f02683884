"""Look-alikes of forbidden identifiers (A3-3): realistic values with digits that must pass.

Random UUIDs as ids, Belgian e-mail addresses with digits, one or two phone numbers in every
Belgian notation, addresses with box numbers, names in many scripts. Every generator is a
plain function of a ``random.Random`` (seeded by the caller: a corpus is the same on every
run), and a hypothesis strategy draws the seed.

    >>> import random
    >>> look_alike(random.Random(7)).what in {"uuid", "email", "phone", "address", "name", "id"}
    True
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterator, Mapping
from datetime import date, timedelta
from typing import NamedTuple, TypeVar

import phonenumbers
from hypothesis import strategies as st

__all__ = [
    "FieldValues",
    "email_address",
    "look_alike",
    "look_alike_corpus",
    "look_alikes",
    "seeded",
]

T = TypeVar("T")


class FieldValues(NamedTuple):
    """Values for some fields: ``fields`` maps a field path (``first_name``, ``last_name``,
    ``address.street``, ``address.house_number``, ``address.box``, ``phone``, ``email``, or
    ``id`` for any opaque id) to its text; ``what`` says what they hold: an
    :data:`~protocol_share.clientdata.IdentifierKind`, or for a look-alike ``uuid``,
    ``email``, ``phone``, ``address``, ``name`` or ``id`` (A3-3)."""

    what: str
    fields: Mapping[str, str]


def _randoms() -> st.SearchStrategy[random.Random]:
    # One seed a draw: a small example for hypothesis, and the same value for the same seed.
    return st.integers(0, 2**64 - 1).map(random.Random)


_STREETS = (
    "Kerkstraat", "Aartrijkestraat", "Sint-Jozefstraat", "Rue de la Station",
    "Koning Albert I-laan", "Avenue du 21 Juillet", "Plein 1918",
)  # fmt: skip


def _be_mobile_like(digits: str) -> bool:
    number = phonenumbers.PhoneNumber(country_code=32, national_number=int(digits[1:]))
    return bool(phonenumbers.is_valid_number(number))


_FIRST_NAMES = (
    "An", "Jan", "Ségolène", "Noël", "Zoë", "Lieselotte", "Mohamed", "Fatima-Zahra", "Aïcha",
    "Oleksandr", "Ольга", "Дмитро", "محمد", "فاطمة", "Γιώργος", "Łukasz", "Şükrü", "Nguyễn",
    "Thị Hương", "민준", "さくら", "伟", "राहुल", "สมชาย", "נועה", "Անի", "ნინო", "አበበ", "Ngũgĩ",
)  # fmt: skip
_LAST_NAMES = (
    "Peeters", "Janssens", "D'Hondt-Van den Bossche", "Vandenberghe", "De Smet", "El Idrissi",
    "Öztürk", "Kowalska", "Шевченко", "الحسني", "Παπαδόπουλος", "O'Neill", "김", "山田", "王",
    "शर्मा", "ใจดี", "כהן", "Պետրոսյան", "ბერიძე", "Tesfaye", "Trần", "Müller-Lüdenscheidt",
)  # fmt: skip
_LOCALS = ("an", "jan", "gezin", "mama", "papa", "info", "contact", "sofie", "tom", "noor")
_DOMAINS = (
    "example.be", "example.com", "voorbeeld.example.org", "telenet.example", "skynet.example",
    "hotmail.example", "gmail.example", "student.example.be",
)  # fmt: skip
_MOBILE_PREFIXES = ("0460", "0470", "0471", "0472", "0473", "0474", "0475", "0476", "0477",
                    "0478", "0479", "0484", "0485", "0486", "0487", "0488", "0489", "0490",
                    "0491", "0492", "0493", "0494", "0495", "0496", "0497", "0498", "0499")  # fmt: skip
_ZONES = ("02", "03", "04", "09", "050", "051", "053", "056", "057", "058", "059", "010",
          "011", "013", "014", "015", "016", "019", "060", "064", "065", "067", "069", "071",
          "080", "081", "082", "085", "087", "089")  # fmt: skip
# A number's notations: ``{lead}`` the mobile prefix or zone (``0470``, ``050``), ``{trunk}``
# the same without its 0, ``{rest}`` the subscriber digits, in pairs from the end (``{a}``
# ``{b}`` ``{c}``) or three and the rest (``{h}`` ``{t}``).
_MOBILE_STYLES = (
    "{lead} {a} {b} {c}", "{lead}/{a}.{b}.{c}", "{lead}.{a}.{b}.{c}", "{lead}-{a}-{b}-{c}",
    "{lead}{rest}", "{lead} {h} {t}", "{lead}/{rest}", "{lead} {a}.{b}.{c}",
    "+32 {trunk} {a} {b} {c}", "+32{trunk}{rest}", "+32 (0){trunk} {a} {b} {c}",
    "+32(0){trunk}/{a}.{b}.{c}", "0032 {trunk} {a} {b} {c}", "0032{trunk}{rest}",
    "+32 {trunk} {h} {t}", "({lead}) {a} {b} {c}",
)  # fmt: skip
_LANDLINE_STYLES = (
    "{lead} {a} {b} {c}", "{lead}/{a}.{b}.{c}", "{lead} {rest}", "{lead}{rest}", "{lead}/{rest}",
    "+32 {trunk} {a} {b} {c}", "+32{trunk}{rest}", "0032 {trunk} {a} {b} {c}",
    "+32 (0){trunk} {rest}", "({lead}) {rest}",
)  # fmt: skip


def _styled(style: str, lead: str, rest: str) -> str:
    pieces = {"a": rest[:-4], "b": rest[-4:-2], "c": rest[-2:], "h": rest[:3], "t": rest[3:]}
    return style.format(lead=lead, trunk=lead[1:], rest=rest, **pieces)


_FOREIGN = (("31", "6", 8), ("33", "6", 8), ("33", "7", 8), ("352", "621", 6), ("49", "151", 8))
_BETWEEN = (" / ", "/", " - ", ", ", "; ", " of ", " en ", " ", "  ", " | ", " & ", " // ")
_LABELS = ("", "", "", "tel. ", "gsm: ", "GSM ", "mama ", "t: ")


def _phone_number(rng: random.Random) -> str:
    """One valid phone number, Belgian in any notation or now and then a neighbour's."""
    while True:
        roll = rng.random()
        if roll < 0.1:
            code, start, length = rng.choice(_FOREIGN)
            rest = "".join(rng.choice("0123456789") for _ in range(length))
            national = start + rest
            text = rng.choice(
                (f"+{code} {start} {rest}", f"+{code}{national}", f"00{code} {national}")
            )
            number = phonenumbers.PhoneNumber(country_code=int(code), national_number=int(national))
        elif roll < 0.65:
            prefix, rest = rng.choice(_MOBILE_PREFIXES), f"{rng.randrange(10**6):06d}"
            text = _styled(rng.choice(_MOBILE_STYLES), prefix, rest)
            number = phonenumbers.PhoneNumber(
                country_code=32, national_number=int(prefix[1:] + rest)
            )
        else:
            zone = rng.choice(_ZONES)
            size = 9 - len(zone)
            rest = f"{rng.randrange(2 * 10 ** (size - 1), 10**size):0{size}d}"
            text = _styled(rng.choice(_LANDLINE_STYLES), zone, rest)
            number = phonenumbers.PhoneNumber(country_code=32, national_number=int(zone[1:] + rest))
        if phonenumbers.is_valid_number(number):
            return text


def _phone_field(rng: random.Random) -> str:
    text = rng.choice(_LABELS) + _phone_number(rng)
    if rng.random() < 0.5:
        text += rng.choice(_BETWEEN) + rng.choice(_LABELS) + _phone_number(rng)
    return text


def _mobile(rng: random.Random) -> str:
    """A valid Belgian mobile number, compact (0470123456)."""
    while True:
        digits = rng.choice(_MOBILE_PREFIXES) + f"{rng.randrange(10**6):06d}"
        if _be_mobile_like(digits):
            return digits


def email_address(rng: random.Random) -> str:
    """A Belgian e-mail address with digits, as people choose them (A3-2, A3-3): dates,
    years, a mobile number in the local part; one in five written with capitals."""
    name = rng.choice(_LOCALS)
    last = rng.choice(("peeters", "janssens", "desmet", "claeys", "dewulf", "vandamme"))
    year = rng.randint(1930, 2010)
    day = date(year, 1, 1) + timedelta(days=rng.randrange(365))
    mobile = _mobile(rng)
    local = rng.choice(
        (
            f"{name}.{last}{year % 100:02d}",
            f"{name}{year}",
            f"{name}.{last}.{day:%d%m%y}",
            f"{name}{day:%d%m%Y}",
            f"{name}_{day:%y%m%d}",
            f"{name}{rng.randrange(10**4):04d}.{rng.randrange(10**6):06d}",  # name1122.995328
            f"{name}{rng.randrange(10**4)}",
            f"{name}.{mobile}",
            f"{rng.randrange(1, 999)}{name}",
            f"gezin.{last}{rng.randrange(1, 99)}",
            f"{name}-{last}.{rng.randrange(1, 300)}",
            f"{name}.{year}.{rng.randrange(1, 13):02d}.{rng.randrange(1, 29):02d}",
            f"{name}{rng.randrange(10**8):08d}",
        )
    )
    address = f"{local}@{rng.choice(_DOMAINS)}"
    return address.title() if rng.random() < 0.2 else address


def _uuid(rng: random.Random) -> str:
    text = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    roll = rng.random()
    if roll < 0.1:
        return text.upper()
    if roll < 0.2:
        return text.replace("-", "")
    if roll < 0.25:
        return f"urn:uuid:{text}"
    if roll < 0.3:
        return f"referral-{text}"
    return text


def _address(rng: random.Random) -> dict[str, str]:
    street = rng.choice(_STREETS)
    number = rng.choice(
        (
            str(rng.randint(1, 250)),
            f"{rng.randint(1, 250)}{rng.choice('ABCD')}",
            f"{rng.randint(1, 250)} {rng.choice('ABC')}",
            f"{rng.randint(1, 250)}/{rng.randint(1, 20)}",
            f"{rng.randint(1, 120)}-{rng.randint(121, 140)}",
            str(rng.randint(1000, 2400)),
        )
    )
    fields = {"address.street": street, "address.house_number": number}
    if rng.random() < 0.5:
        fields["address.box"] = rng.choice(
            (
                str(rng.randint(1, 20)),
                rng.choice("ABCD"),
                f"0.{rng.randint(1, 9)}",
                f"{rng.randint(1, 9)}.{rng.randint(1, 12):02d}",
                str(rng.randint(101, 512)),
                f"{rng.choice('AB')}{rng.randint(1, 12)}",
            )
        )
    return fields


def _other_id(rng: random.Random) -> str:
    return rng.choice(
        (
            f"c-2026-{rng.randrange(10**6):06d}",
            f"r-{rng.randint(2020, 2030)}-{rng.randrange(10**7):07d}",
            f"kg-torhout-{rng.randint(1, 999):03d}",
            f"REF/{rng.randint(2020, 2030)}/{rng.randrange(10**5):05d}",
            f"dossier.{rng.randint(2020, 2030)}.{rng.randrange(10**4):04d}",
        )
    )


def look_alike(rng: random.Random) -> FieldValues:
    """A realistic value with digits that is no forbidden identifier (A3-3)."""
    roll = rng.random()
    if roll < 0.25:
        return FieldValues("uuid", {"id": _uuid(rng)})
    if roll < 0.45:
        return FieldValues("email", {"email": email_address(rng)})
    if roll < 0.7:
        return FieldValues("phone", {"phone": _phone_field(rng)})
    if roll < 0.85:
        return FieldValues("address", _address(rng))
    if roll < 0.93:
        return FieldValues(
            "name", {"first_name": rng.choice(_FIRST_NAMES), "last_name": rng.choice(_LAST_NAMES)}
        )
    return FieldValues("id", {"id": _other_id(rng)})


def look_alikes() -> st.SearchStrategy[FieldValues]:
    """Realistic values with digits that are no forbidden identifier (A3-3)."""
    return _randoms().map(look_alike)


def look_alike_corpus(count: int, seed: int = 0) -> Iterator[FieldValues]:
    """``count`` values of :func:`look_alike`, the same for the same ``seed`` (A3-3)."""
    return seeded(look_alike, count, seed)


def seeded(make: Callable[[random.Random], T], count: int, seed: int) -> Iterator[T]:
    """``count`` values of ``make``, drawn from one ``random.Random(seed)``: a corpus that is
    the same on every run (A3-3)."""
    rng = random.Random(seed)  # noqa: S311 - test data, made the same on every run
    return (make(rng) for _ in range(count))
