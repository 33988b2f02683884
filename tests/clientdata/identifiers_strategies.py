"""Test-only strategies: syntactically valid (never real) Belgian national and BIS numbers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from hypothesis import strategies as st

__all__ = ["bis_numbers", "formatted", "national_numbers"]


def _with_check(first9: str, born: date) -> str:
    base = int(("2" if born.year >= 2000 else "") + first9)
    return f"{first9}{97 - base % 97:02d}"


@st.composite
def _numbers(draw: st.DrawFn, month_offset: st.SearchStrategy[int]) -> str:
    born = draw(st.dates(min_value=date(1920, 1, 1), max_value=date(2025, 12, 31)))
    serial = draw(st.integers(1, 997))
    month = born.month + draw(month_offset)
    return _with_check(f"{born:%y}{month:02d}{born:%d}{serial:03d}", born)


def national_numbers() -> st.SearchStrategy[str]:
    """Eleven digits YYMMDD SSS CC with the mod-97 check of either century."""
    return _numbers(st.just(0))


def bis_numbers() -> st.SearchStrategy[str]:
    """BIS numbers: the month raised by 20 or 40."""
    return _numbers(st.sampled_from((20, 40)))


def _grouped(n: str, separator: str) -> str:
    return separator.join((n[:2], n[2:4], n[4:6], n[6:9], n[9:]))


def _in_digits(zero: str) -> Callable[[str], str]:
    """The number written in the digits of another script (``zero`` is its 0)."""
    return lambda n: n.translate({ord(d): chr(ord(zero) + int(d)) for d in "0123456789"})


def formatted(number: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """The notations people write: compact, dotted, spaced, hyphenated, with typographic
    dashes, doubled spaces, underscores or commas, and in the digits of other scripts."""
    return st.builds(
        lambda n, style: style(n),
        number,
        st.sampled_from(
            (
                lambda n: n,
                lambda n: f"{n[:2]}.{n[2:4]}.{n[4:6]}-{n[6:9]}.{n[9:]}",
                lambda n: f"{n[:6]} {n[6:9]} {n[9:]}",
                lambda n: f"{n[:6]}-{n[6:9]}-{n[9:]}",
                lambda n: _grouped(n, "\u2013"),  # en dash
                lambda n: _grouped(n, "\u2014"),  # em dash
                lambda n: f"{n[:2]}  {n[2:4]}.{n[4:6]}-{n[6:9]}.{n[9:]}",
                lambda n: _grouped(n, "_"),
                lambda n: _grouped(n, ","),
                lambda n: _grouped(n, " / "),
                _in_digits("\u0660"),  # Arabic-Indic
                _in_digits("\u06f0"),  # Extended Arabic-Indic
                _in_digits("\u0966"),  # Devanagari
                _in_digits("\uff10"),  # full-width
            )
        ),
    )
