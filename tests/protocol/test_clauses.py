"""The clause register ships with the package: every clause of the signed protocol, by id,
with its article, an English summary and the Dutch wording (issue 9). Runs from any clone:
nothing here reads outside the package."""

from __future__ import annotations

import json
import re
import tomllib
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from protocol_share import CLAUSES, Clause, InvalidInput, clause
from protocol_share.protocol._clauses import CLAUSE_ID

ROOT = Path(__file__).parents[2]
ARTICLES = {"C": "recital C", "D": "recital D", "E": "recitals E and F"}


def _number(clause_id: str) -> tuple[int, int]:
    article, _, number = clause_id.partition("-")
    order = "CDE".find(article) if article in "CDE" else 10 + int(article[1:])
    return order, int(number)


def test_the_register_holds_the_46_clauses_in_the_order_of_the_text() -> None:
    ids = list(CLAUSES)
    assert len(ids) == 46
    assert ids == sorted(ids, key=_number)
    assert {"C-1", "C-7", "D-1", "E-1", "A2-1", "A3-6", "A6-9", "A9-6", "A11-3"} <= set(ids)
    # numbered without gaps within each recital or article
    for article in {i.partition("-")[0] for i in ids}:
        numbers = sorted(int(i.partition("-")[2]) for i in ids if i.partition("-")[0] == article)
        assert numbers == list(range(1, len(numbers) + 1)), article


def test_each_clause_names_its_article_and_says_what_it_asks_in_both_languages() -> None:
    for clause_id, item in CLAUSES.items():
        assert item.id == clause_id
        assert re.fullmatch(CLAUSE_ID, clause_id)
        prefix = clause_id.partition("-")[0]
        assert item.article == ARTICLES.get(prefix, f"article {prefix[1:]}"), clause_id
        assert "\n" not in item.summary_en, clause_id
        assert item.summary_en.endswith("."), clause_id
        assert item.summary_en != item.wording_nl
        assert len(item.summary_en) <= 220, clause_id  # one line of summary


def test_the_register_restates_known_wording() -> None:
    assert clause("A6-3").wording_nl.endswith("sociaal.huis@torhout.be.")
    assert "AES 256" in clause("A6-2").wording_nl
    assert "6 maanden" in clause("A11-2").wording_nl
    assert "18.04.2024" in clause("A11-1").wording_nl
    assert "dpo@opgroeien;be" in clause("A9-4").wording_nl  # quoted as signed, flaw included
    assert "artikel 9 en/of 10" in clause("A3-3").wording_nl


def test_clause_looks_up_every_id_and_returns_the_same_frozen_record() -> None:
    for clause_id, item in CLAUSES.items():
        assert clause(clause_id) is item
    with pytest.raises(ValidationError, match="frozen"):
        clause("C-1").summary_en = "changed"  # type: ignore[misc]


_UNKNOWN = (
    "1 problem in arguments:\n  clause_id: UNKNOWN_CLAUSE: is not an id of the clause register"
)


@given(st.text(max_size=30).filter(lambda text: text not in CLAUSES))
def test_an_unknown_id_is_refused_without_echoing_it(text: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        clause(text)
    assert raised.value.codes == {"UNKNOWN_CLAUSE"}
    assert str(raised.value) == _UNKNOWN  # the same words whatever was asked: nothing echoed


def test_an_id_of_the_wrong_type_is_refused() -> None:
    with pytest.raises(InvalidInput) as raised:
        clause(51)  # type: ignore[arg-type]
    assert raised.value.codes == {"WRONG_TYPE"}


def test_a_clause_refuses_unknown_fields_and_malformed_ids() -> None:
    good = clause("A5-1").model_dump()
    assert Clause(**good) == clause("A5-1")
    with pytest.raises(InvalidInput):
        Clause(**good, note="x")  # type: ignore[call-arg]
    with pytest.raises(InvalidInput):
        Clause(**{**good, "id": "A5.1"})
    with pytest.raises(InvalidInput):
        Clause(**{**good, "summary_en": ""})


def test_the_register_is_package_data_read_through_importlib_resources() -> None:
    data = resources.files("protocol_share.protocol").joinpath("clauses.json")
    assert data.is_file()
    stored = json.loads(data.read_text(encoding="utf-8"))["clauses"]
    assert [Clause(**item) for item in stored] == list(CLAUSES.values())
    # The wheel holds the whole package folder, data files included (hatch, no excludes).
    wheel = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["hatch"][
        "build"
    ]["targets"]["wheel"]
    assert wheel["packages"] == ["src/protocol_share"]
    assert "exclude" not in wheel
    assert "*.json" not in (ROOT / ".gitignore").read_text(encoding="utf-8")
