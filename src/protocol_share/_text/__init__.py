"""Every text a person reads, in Dutch and English: one flat catalogue per language.

:mod:`protocol_share._text.nl` and :mod:`protocol_share._text.en` each hold one mapping
``MESSAGES`` from a dotted key to a :meth:`str.format` template; both have the same keys
and, per key, the same placeholders (a test keeps them so). Code never spells a sentence a
person reads: it asks :func:`message` for one, in the language the caller chose. A family
of labels (one key per code of a ``Literal``, e.g. ``breach.cause.hacking``) is read with
:func:`labels`. Dates are written the way each language writes them (:func:`long_date`,
:func:`long_moment`, :func:`short_date`, :func:`short_moment`), in Europe/Brussels.

The protocol's recipients are Flemish, so every rendering function defaults to Dutch.

    >>> message("package_mail.subject", "en", recipient="OCMW Torhout")
    'Secure referral for OCMW Torhout'
    >>> from datetime import datetime, timezone
    >>> at = datetime(2024, 5, 2, 10, tzinfo=timezone.utc)
    >>> long_moment(at, "nl"), long_moment(at, "en")
    ('2 mei 2024 om 12:00', '2 May 2024 at 12:00')
    >>> short_moment(at, "nl"), short_moment(at, "en")
    ('02-05-2024 om 12:00', '2024-05-02 at 12:00')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from types import MappingProxyType
from typing import Final, Literal

from protocol_share._text.en import MESSAGES as _EN
from protocol_share._text.nl import MESSAGES as _NL
from protocol_share._time import BRUSSELS
from protocol_share.errors import InvalidInput

__all__ = [
    "LANGS",
    "Lang",
    "catalogue",
    "check_lang",
    "in_lang",
    "labels",
    "long_date",
    "long_moment",
    "message",
    "short_date",
    "short_moment",
]

Lang = Literal["nl", "en"]
"""The languages of every text a person reads: Dutch (the default) and English."""
LANGS: Final[tuple[Lang, ...]] = ("nl", "en")

_CATALOGUES: Final[Mapping[str, Mapping[str, str]]] = MappingProxyType(
    {"nl": MappingProxyType(dict(_NL)), "en": MappingProxyType(dict(_EN))}
)


def check_lang(lang: object) -> Lang:
    """Return ``lang`` if it is ``"nl"`` or ``"en"``; else raise :class:`InvalidInput`
    (``UNKNOWN_LANGUAGE``). Every text a person reads is in Dutch or English (docs/design.md)."""
    if lang == "nl" or lang == "en":
        return lang
    raise InvalidInput.single("arguments", "lang", "UNKNOWN_LANGUAGE", "must be 'nl' or 'en'")


def catalogue(lang: Lang) -> Mapping[str, str]:
    """The read-only catalogue of one language: key -> :meth:`str.format` template
    (docs/design.md: every message a person reads, kept in one place per language)."""
    return _CATALOGUES[check_lang(lang)]


def message(key: str, lang: Lang, /, **values: object) -> str:
    """The text ``key`` in ``lang``, its placeholders filled from ``values`` (docs/design.md:
    every message a person reads in Dutch and English, chosen by the caller).

    Raises :class:`InvalidInput`: ``UNKNOWN_LANGUAGE``, ``UNKNOWN_MESSAGE`` (no such key)
    or ``MISSING_VALUE`` (a placeholder without a value). Extra values are ignored, so one
    call can serve templates of one family that use different placeholders.
    """
    template = catalogue(lang).get(key)
    if template is None:
        raise InvalidInput.single("arguments", "key", "UNKNOWN_MESSAGE", "is not in the catalogue")
    try:
        return template.format(**values)
    except KeyError as error:
        missing = str(error.args[0])
    raise InvalidInput.single("arguments", missing, "MISSING_VALUE", "the message needs this value")


def in_lang(lang: Lang, nl: str, en: str, /) -> str:
    """Of a text's Dutch and English forms, the one in ``lang`` (docs/design.md).

    Two-language text has one shape in this library: a pair of ``*_nl`` and ``*_en``
    attributes (``Reason.message_nl``/``message_en``, ``Purpose.text_nl``/``text_en``), each
    filled from the catalogue with :func:`message`; this picks one of a pair.
    """
    return nl if check_lang(lang) == "nl" else en


def labels(family: str, codes: Iterable[str], lang: Lang, /) -> Mapping[str, str]:
    """The labels of ``codes`` in one family (``family.<code>`` keys), read-only, by code
    (docs/design.md: codes for machines, labels for people)."""
    return MappingProxyType({code: message(f"{family}.{code}", lang) for code in codes})


def _local(value: date | datetime) -> date:
    return value.astimezone(BRUSSELS).date() if isinstance(value, datetime) else value


def long_date(value: date | datetime, lang: Lang) -> str:
    """``2 mei 2024`` / ``2 May 2024``; an instant is read as its Europe/Brussels date
    (docs/design.md: date rules in Europe/Brussels; A6-1 texts)."""
    day = _local(value)
    month = message(f"date.month.{day.month}", lang)
    return message("date.long", lang, day=day.day, month=month, year=day.year)


def short_date(value: date | datetime, lang: Lang) -> str:
    """``02-05-2024`` / ``2024-05-02``; an instant is read as its Europe/Brussels date
    (docs/design.md; A7, A9 notice texts)."""
    day = _local(value)
    return message("date.short", lang, day=day.day, month=day.month, year=day.year)


def _at(day: str, moment: datetime, lang: Lang) -> str:
    return message("date.at", lang, date=day, time=f"{moment.astimezone(BRUSSELS):%H:%M}")


def long_moment(moment: datetime, lang: Lang) -> str:
    """``2 mei 2024 om 12:00`` / ``2 May 2024 at 12:00``: date and time in Europe/Brussels
    (docs/design.md; A6-1 texts)."""
    return _at(long_date(moment, lang), moment, lang)


def short_moment(moment: datetime, lang: Lang) -> str:
    """``02-05-2024 om 12:00`` / ``2024-05-02 at 12:00``: date and time in Europe/Brussels
    (docs/design.md; A7, A9 notice texts)."""
    return _at(short_date(moment, lang), moment, lang)
