"""The forbidden-identifier guard finds every national, BIS, IBAN and KBO number (A3-3)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.be import bis, nn

from protocol_share.clientdata import (
    FieldKind,
    address_identifier_kinds,
    forbidden_identifier_kinds,
)
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


def test_a_group_longer_than_the_identifier_is_not_that_identifier() -> None:
    assert forbidden_identifier_kinds("1285073003328") == frozenset()


@pytest.mark.parametrize(
    "text",
    [
        "+3185073003328",  # after a foreign calling code, no space
        "+31 85073003328",
        "003185073003328",
        "0031 85.07.30-033.28",
        "+32 85 07 30 033 28",
    ],
)
@pytest.mark.parametrize("field", ["text", "phone"])
def test_a_national_number_after_a_calling_code_is_found(text: str, field: FieldKind) -> None:
    assert forbidden_identifier_kinds(text, field=field) == {"national_number"}


@pytest.mark.parametrize(
    "invisible",
    ["\u3164", "\u034f", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad",
     "\u115f", "\u1160", "\uffa0", "\u180e", "\ufe0f", "\U000e0020", "\u0301"],
)  # fmt: skip
def test_invisible_characters_between_the_digits_hide_nothing(invisible: str) -> None:
    number = "85073003328"
    assert forbidden_identifier_kinds(invisible.join(number)) == {"national_number"}
    assert forbidden_identifier_kinds(f"85.07.30{invisible}-033.28") == {"national_number"}


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("3f2a8b1c-5073-4003-9328-a85073003328", "text"),  # a UUID is one code
        ("3F2A8B1C50734003B328A85073003328", "text"),
        ("id 3f2a8b1c-5073-4003-9328-a85073003328 ok", "text"),
        ("r-2026-0000123", "text"),  # 4-7: no grouping of a national number
        ("c-2026-000123", "text"),  # 4-6: no grouping of a KBO number
        ("name1122.995328@example.be", "email"),
        ("gezin.0470123456@example.be", "email"),  # a mobile number, not a KBO number
        ("0470 12 34 56 / 050 21 34 56", "phone"),
        ("0470 12 34 56 050 21 34 56", "phone"),
        ("0470/12.34.56 - 02 217 55 23", "phone"),
        ("0470 123 456", "phone"),  # the KBO grouping, and a valid mobile number
    ],
)
def test_look_alikes_are_not_identifiers(text: str, field: FieldKind) -> None:
    assert forbidden_identifier_kinds(text, field=field) == frozenset()


@pytest.mark.parametrize(
    ("text", "field", "kinds"),
    [
        ("3f2a8b1c-5073-4003-9328-a85073003328 RRN 85073003328", "text", {"national_number"}),
        ("0470 12 34 56 / 85.07.30-033.28", "phone", {"national_number"}),
        ("BE 0212.175.523", "phone", {"kbo"}),  # not a valid phone number: a KBO number
        ("kbo.0212.175.523@example.be", "email", {"kbo"}),
        ("an.85073003328@example.be", "email", {"national_number"}),
    ],
)
def test_identifiers_beside_look_alikes_are_found(
    text: str, field: FieldKind, kinds: set[str]
) -> None:
    assert forbidden_identifier_kinds(text, field=field) == kinds


def test_address_lines_are_read_across_their_fields() -> None:
    assert address_identifier_kinds("Kerkstraat 850730", "033-28") == {"national_number"}
    assert address_identifier_kinds("Kerkstraat", "85073", "003328") == {"national_number"}
    assert address_identifier_kinds("Kerkstraat 1", "23", "4") == frozenset()


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
