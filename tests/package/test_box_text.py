"""A box written in the house number reads once in every text (A3-2, A6-1; issue 13):
``Markt 12 bus 3``, never "bus bus 3", in verwijzing.txt and in the CLI's listing."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from protocol_share import TORHOUT, ClientData
from protocol_share.cli._package import received_lines
from protocol_share.package._payload import document_text
from tests.package.package_support import document_for, received_for

AT = datetime(2026, 3, 2, 9, tzinfo=UTC)
BOX_WORDS = {"nl": "bus", "en": "box"}


def client(house_number: str, box: str | None = None) -> ClientData:
    return ClientData.model_validate(
        {
            "first_name": "An",
            "last_name": "Peeters",
            "address": {
                "street": "Markt",
                "house_number": house_number,
                "box": box,
                "postcode": "8820",
                "municipality": "Torhout",
            },
        }
    )


def texts(data: ClientData, lang: str) -> list[str]:
    return [
        document_text(document_for(data, at=AT), TORHOUT, lang=lang).decode("utf-8"),  # type: ignore[arg-type]
        "\n".join(received_lines(received_for(data, at=AT), lang)),  # type: ignore[arg-type]
    ]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(
    ("house_number", "box"),
    [("12 bus 3", None), ("12/3", None), ("12 bte 3", None), ("12", "bus 3"), ("12 bus 3", "3")],
)
def test_the_box_is_named_once(house_number: str, box: str | None, lang: str) -> None:
    word = BOX_WORDS[lang]
    for text in texts(client(house_number, box), lang):
        assert f"Markt 12 {word} 3" in text
        assert f"{word} {word}" not in text


@given(
    st.sampled_from([" bus ", "/", " b ", " bte ", ", bus "]),
    st.from_regex(r"[1-9][0-9]{0,2}|[A-D]", fullmatch=True),
)
def test_no_way_of_writing_the_box_prints_it_twice(mark: str, box: str) -> None:
    for text in texts(client(f"7{mark}{box}"), "nl"):
        assert f"Markt 7 bus {box}" in text
        assert text.count(" bus ") == 1
