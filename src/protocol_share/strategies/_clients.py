"""Client data (A3-1, A3-2): realistic names, Belgian phone numbers, e-mail addresses and
Torhout addresses; national register numbers to plant where they are forbidden (A3-3)."""

from __future__ import annotations

from datetime import datetime

from hypothesis import strategies as st

from protocol_share.clientdata._fields import Address, ClientData
from protocol_share.protocol._protocol import Protocol
from protocol_share.protocol._torhout import TORHOUT
from protocol_share.strategies._look_alikes import _phone_number, _randoms, email_address

__all__ = [
    "addresses",
    "client_data",
    "emails",
    "national_register_numbers",
    "person_names",
    "phones",
]

_FIRST_NAMES = (
    "An",
    "Jan",
    "Ségolène",
    "Noël",
    "Zoë",
    "Lieselotte",
    "Mohamed",
    "Fatima-Zahra",
    "Aïcha",
    "Oleksandr",
    "Ольга",
    "Дмитро",
    "محمد",
    "فاطمة",
    "Γιώργος",
    "Łukasz",
    "Şükrü",
    "Ines",
)
_LAST_NAMES = (
    "Peeters",
    "Janssens",
    "D'Hondt-Van den Bossche",
    "Vandenberghe",
    "De Smet",
    "Van Damme",
    "El Idrissi",
    "Öztürk",
    "Kowalska",
    "Шевченко",
    "Коваленко",
    "الحسني",
    "Παπαδόπουλος",
    "O'Neill",
    "Van de Velde",
    "Dewulf",
    "Claeys",
    "Ngũgĩ",
)
_TORHOUT_STREETS = (
    "Aartrijkestraat",
    "Markt",
    "Zuidstraat",
    "Noordstraat",
    "Oostendestraat",
    "Ieperstraat",
    "Rijselstraat",
    "Sint-Henricusstraat",
    "Bruggestraat",
    "Lichterveldestraat",
    "Kortemarkstraat",
    "Hoveniersstraat",
    "Papebrugstraat",
    "Groenestraat",
    "Koolskampstraat",
    "Sint-Rembertstraat",
    "Burg",
    "Beukenhofstraat",
    "Vredelaan",
    "Elisabethlaan",
)


def person_names() -> st.SearchStrategy[str]:
    """First or last names in Latin, Cyrillic, Arabic and Greek script (A3-1)."""
    return st.sampled_from(_FIRST_NAMES + _LAST_NAMES)


def phones() -> st.SearchStrategy[str]:
    """One valid phone number in the notations people write: Belgian mobile and landline
    numbers in every usual notation, now and then a neighbouring country's (A3-2)."""
    return _randoms().map(_phone_number)


def emails() -> st.SearchStrategy[str]:
    """Valid e-mail addresses as Belgians have them, often with digits (a birth year or
    date, a counter, a mobile number), on reserved example domains (A3-2)."""
    return _randoms().map(email_address)


@st.composite
def _number_and_box(draw: st.DrawFn) -> tuple[str, str | None]:
    # A house number as Belgian addresses write it: "12", "12A", "12-14", and a box either
    # in its own field or in the number ("12 bus 3", "12/3", "12 bte 3").
    number = draw(st.integers(1, 250))
    suffix = draw(st.sampled_from(("", "", "", "A", "B", f"-{number + 2}")))
    box = draw(st.none() | st.integers(1, 20).map(str))
    if box is not None and draw(st.booleans()):
        mark = draw(st.sampled_from((" bus ", "/", " bte ", " b ")))
        return f"{number}{suffix}{mark}{box}", None
    return f"{number}{suffix}", box


def addresses(protocol: Protocol = TORHOUT) -> st.SearchStrategy[Address]:
    """Addresses inside the protocol's municipality: a postcode of ``protocol.postcodes`` (C-4);
    house numbers as Belgian addresses write them (``12A``, ``12-14``, ``12 bus 3``, ``12/3``)."""
    return _number_and_box().flatmap(
        lambda pair: st.builds(
            Address,
            street=st.sampled_from(_TORHOUT_STREETS),
            house_number=st.just(pair[0]),
            postcode=st.sampled_from(sorted(protocol.postcodes)),
            municipality=st.just(protocol.municipality),
            box=st.just(pair[1]),
        )
    )


def client_data(protocol: Protocol = TORHOUT) -> st.SearchStrategy[ClientData]:
    """Valid :class:`ClientData` of a client living in the protocol's municipality (A3-1, A3-2)."""
    return st.builds(
        ClientData,
        first_name=person_names(),
        last_name=person_names(),
        address=addresses(protocol),
        phone=st.none() | phones(),
        email=st.none() | emails(),
    )


def national_register_numbers() -> st.SearchStrategy[str]:
    """Syntactically valid Belgian national register numbers (never real ones on purpose;
    A3-3): YYMMDD SSS CC with the mod-97 check of the birth century, dotted."""

    def number(born: datetime, serial: int) -> str:
        first9 = f"{born:%y%m%d}{serial:03d}"
        base = int(("2" if born.year >= 2000 else "") + first9)
        digits = f"{first9}{97 - base % 97:02d}"
        return f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}-{digits[6:9]}.{digits[9:]}"

    return st.builds(
        number, st.datetimes(datetime(1930, 1, 1), datetime(2023, 12, 31)), st.integers(1, 997)
    )
