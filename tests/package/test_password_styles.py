"""Phone-friendly passwords of the same strength (A6-2; issue 13)."""

from __future__ import annotations

import math
import re

import pytest

from protocol_share import InvalidInput, check_password, generate_password, password_entropy
from protocol_share.package._package import PASSWORD_ALPHABET, PHONE_ALPHABET

SHAPES = {
    "mixed": re.compile(r"[A-Za-z2-9]{5}(?:-[A-Za-z2-9]{5}){4}"),
    "phone": re.compile(r"[a-z2-9]{5}(?:-[a-z2-9]{5}){5}"),
    "digits": re.compile(r"[0-9]{4}(?:-[0-9]{4}){10}"),
}


@pytest.mark.parametrize("style", sorted(SHAPES))
def test_every_style_is_at_least_as_strong_as_the_mixed_one(style: str) -> None:
    assert password_entropy(style) >= 25 * math.log2(len(PASSWORD_ALPHABET))  # type: ignore[arg-type]


@pytest.mark.parametrize("style", sorted(SHAPES))
def test_generated_passwords_have_their_style_and_pass_the_check(style: str) -> None:
    passwords = {generate_password(style) for _ in range(300)}  # type: ignore[arg-type]
    assert len(passwords) == 300
    for password in passwords:
        assert SHAPES[style].fullmatch(password), style
        check_password(password)


def test_the_phone_style_has_no_letter_case_and_no_look_alikes() -> None:
    password = generate_password("phone")
    assert password == password.lower()
    assert not set(PHONE_ALPHABET) & set("0o1li")
    assert 30 * math.log2(len(PHONE_ALPHABET)) == pytest.approx(password_entropy("phone"))


def test_an_unknown_style_is_refused() -> None:
    with pytest.raises(InvalidInput) as caught:
        generate_password("emoji")  # type: ignore[arg-type]
    assert caught.value.codes == {"UNKNOWN_STYLE"}
