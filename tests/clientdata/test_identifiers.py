"""The forbidden-identifier guard finds every national, BIS, IBAN and KBO number (A3-3)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.be import bis, nn

from protocol_share import forbidden_identifier_kinds
from tests.clientdata.identifiers_strategies import bis_numbers, formatted, national_numbers


@given(national_numbers())
def test_generated_national_numbers_are_valid_per_stdnum(number: str) -> None:
    assert nn.is_valid(number)


@given(bis_numbers())
def test_generated_bis_numbers_are_valid_per_stdnum(number: str) -> None:
    assert bis.is_valid(number)


@given(formatted(national_numbers()), st.sampled_from(("", "Kerkstraat ", "nr ")))
def test_national_number_in_any_notation_is_found(number: str, before: str) -> None:
    assert "national_number" in forbidden_identifier_kinds(before + number)


@given(formatted(bis_numbers()), st.sampled_from(("", "x ", "12 ")))
def test_bis_number_in_any_notation_is_found(number: str, before: str) -> None:
    assert "bis_number" in forbidden_identifier_kinds(before + number)


def test_a_national_number_with_a_wrong_check_is_not_flagged() -> None:
    assert forbidden_identifier_kinds("85073003329") == frozenset()


def test_iban_and_kbo_are_found_with_or_without_separators() -> None:
    assert forbidden_identifier_kinds("BE71 0961 2345 6769") == {"iban"}
    assert forbidden_identifier_kinds("be71096123456769") == {"iban"}
    assert forbidden_identifier_kinds("0212.175.523") == {"kbo"}
    assert forbidden_identifier_kinds("BE 0886 886 638") == {"kbo"}


def test_phone_numbers_in_international_notation_are_not_identifiers() -> None:
    assert forbidden_identifier_kinds("+32 470 12 34 56") == frozenset()


def test_whole_runs_only_ignores_an_identifier_inside_a_longer_run() -> None:
    assert forbidden_identifier_kinds("1285073003328", whole_runs_only=True) == frozenset()
    assert forbidden_identifier_kinds("1285073003328") == {"national_number"}


@pytest.mark.parametrize(
    "text",
    [
        "85\u201307\u201330\u2013033\u201328",  # en dashes
        "85  07.30-033.28",
        "85_07_30_033_28",
        "85,07,30,033,28",
        "85 - 07 - 30 - 033 - 28",
        "\u0668\u0665\u0660\u0667\u0663\u0660\u0660\u0663\u0663\u0662\u0668",  # Arabic-Indic
        "\u096e\u096b\u0966\u096d\u0969\u0966\u0966\u0969\u0969\u0968\u096e",  # Devanagari
        "\uff18\uff15\uff10\uff17\uff13\uff10\uff10\uff13\uff13\uff12\uff18",  # full-width
    ],
)
def test_other_separators_and_scripts_do_not_hide_a_national_number(text: str) -> None:
    assert forbidden_identifier_kinds(f"nr {text}") == {"national_number"}


def test_a_line_break_or_a_long_gap_ends_a_digit_run() -> None:
    assert forbidden_identifier_kinds("85073\n003328") == frozenset()
    assert forbidden_identifier_kinds("85073    003328") == frozenset()
