"""Test-only: a few fixed notations of national and BIS numbers (the numbers themselves, and
every other encoding, come from ``protocol_share.strategies``)."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import strategies as st

from protocol_share.strategies import bis_numbers, national_numbers

__all__ = ["bis_numbers", "formatted", "national_numbers"]


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
