"""lint_signed_text: the signed text's cross-references that point to nothing (D-1, C-6)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from protocol_share import (
    CLAUSES,
    TORHOUT,
    InvalidInput,
    Protocol,
    TextFlaw,
    lint_protocol,
    lint_signed_text,
)
from protocol_share._text import catalogue
from protocol_share.protocol import MAX_SIGNED_TEXT_CHARS, TEXT_FLAW_CODES

ROOT = Path(__file__).parent.parent.parent
SIGNED = next(
    (
        p / "shared" / "protocol" / "000_8c337c679b9d1c16.txt"
        for p in (ROOT.parent, ROOT.parent.parent)
        if (p / "shared").is_dir()
    ),
    ROOT.parent / "shared" / "protocol" / "000_8c337c679b9d1c16.txt",
)

# Recital C of the Torhout protocol as signed (lines 63 to 74), with its two references.
RECITAL_C = """\
is (artikel 10/1 decreet 30 april 2004). De cliënt moet
voldoende geïnformeerd zijn (zie lager) en moet ook zijn
toestemming tot het delen van deze gegevens gegeven hebben. Op
18.04.2024 hebben Opgroeien regie (lokaal team Kind en Gezin
Torhout) en het OCMW Torhout een samenwerkingsovereenkomst
gesloten met het oog op het verhogen van de toegang tot de
sociale hulp- en dienstverlening en het tegengaan van
onderbescherming (zie bijlage). In het kader daarvan zal
Opgroeien regie (lokaal team Kind en Gezin), onder de
voorwaarden vermeld in artikel 10/1 van het decreet van 30
april 2004, identificatiegegevens van cliënten aan het OCMW
bezorgen.
"""

TORHOUT_FLAWS = [
    ("REFERENCE_WITHOUT_TARGET", "C-6", "signed_text:64"),
    ("REFERENCE_TO_MISSING_ANNEX", "D-1", "signed_text:70"),
    ("REFERENCE_TO_MISSING_POINT", "A4-1", "signed_text:199"),
    ("REFERENCE_TO_MISSING_POINT", "A8-1", "signed_text:273"),
]


def found(text: str) -> list[str]:
    return [f.code for f in lint_signed_text(text)]


# --- Torhout ---------------------------------------------------------------------------------


def test_torhout_reports_its_dangling_references_without_the_text() -> None:
    flaws = [f for f in lint_protocol(TORHOUT) if f.code in TEXT_FLAW_CODES]
    assert [(f.code, f.clause, f.path, f.severity) for f in flaws] == [
        ("REFERENCE_WITHOUT_TARGET", "C-6", "text_flaws[0]", "warning"),
        ("REFERENCE_TO_MISSING_ANNEX", "D-1", "text_flaws[1]", "warning"),
        ("REFERENCE_TO_MISSING_POINT", "A4-1", "text_flaws[2]", "warning"),
        ("REFERENCE_TO_MISSING_POINT", "A8-1", "text_flaws[3]", "warning"),
    ]
    assert '"zie lager"' in flaws[0].message
    assert '"zie bijlage"' in flaws[1].message


def test_recital_c_as_signed_has_a_reference_to_nothing_and_a_missing_annex() -> None:
    findings = lint_signed_text(RECITAL_C, lang="en")
    assert [(f.code, f.clause, f.path) for f in findings] == [
        ("REFERENCE_WITHOUT_TARGET", "C-6", "signed_text:2"),
        ("REFERENCE_TO_MISSING_ANNEX", "D-1", "signed_text:8"),
    ]
    assert all(f.severity == "warning" for f in findings)


@pytest.mark.skipif(not SIGNED.exists(), reason="shared/protocol is not beside this clone")
def test_the_signed_torhout_text_has_exactly_the_flaws_torhout_records() -> None:
    text = SIGNED.read_text(encoding="utf-8")
    findings = lint_signed_text(text)
    assert [(f.code, f.clause, f.path) for f in findings] == TORHOUT_FLAWS
    recorded = [
        TextFlaw(code=f.code, clause=f.clause, quote=q)
        for f, q in zip(
            findings, ("zie lager", "zie bijlage", "artikel 2, 2°", "artikel 5, 2°"), strict=True
        )
    ]
    assert list(TORHOUT.text_flaws) == recorded
    # Given the text, lint reports each flaw once, at its line; the recorded ones are found.
    both = [f for f in lint_protocol(TORHOUT, signed_text=text) if f.code in TEXT_FLAW_CODES]
    assert [(f.code, f.clause, f.path) for f in both] == TORHOUT_FLAWS


def test_a_recorded_flaw_the_text_lacks_is_still_reported_and_a_found_one_once() -> None:
    findings = lint_protocol(TORHOUT, signed_text=RECITAL_C)
    flaws = [(f.code, f.path) for f in findings if f.code in TEXT_FLAW_CODES]
    assert flaws == [
        ("REFERENCE_TO_MISSING_POINT", "text_flaws[2]"),
        ("REFERENCE_TO_MISSING_POINT", "text_flaws[3]"),
        ("REFERENCE_WITHOUT_TARGET", "signed_text:2"),
        ("REFERENCE_TO_MISSING_ANNEX", "signed_text:8"),
    ]


# --- real targets: no finding ----------------------------------------------------------------

WITH_TARGETS = """\
Artikel 1: Onderwerp

De cliënt wordt geïnformeerd (zie lager, artikel 3) over de samenwerkingsovereenkomst
(zie bijlage) en over de punten van artikel 2, 2°.

Artikel 2: Doeleinden
1° het verhogen van de toegang tot de hulpverlening;
2° het tegengaan van onderbescherming.
De gegevens vermeld in artikel 3 (zie hoger, artikel 1) worden bewaard, zie artikel 4,
volgens artikel 7 van het decreet van 30 april 2004 en artikel 28 van de algemene
verordening gegevensbescherming.

Artikel 3. Informatie
De cliënt krijgt de informatie vermeld in bijlage 1 en in bijlage 2 (zie hierboven, art. 2).

Artikel 4 - Bewaring
Tien jaar.

Bijlage 1: samenwerkingsovereenkomst

BIJLAGE 2
Informatiebrochure.
"""


def test_references_with_real_targets_give_no_finding() -> None:
    assert lint_signed_text(WITH_TARGETS) == ()


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (("(zie lager, artikel 3)", "(zie lager)"), "REFERENCE_WITHOUT_TARGET"),
        (("(zie lager, artikel 3)", "(zie hoger, artikel 3)"), "REFERENCE_WRONG_DIRECTION"),
        (("in bijlage 2", "in bijlage 3"), "REFERENCE_TO_MISSING_ANNEX"),
        (("zie artikel 4,", "zie artikel 9,"), "REFERENCE_TO_MISSING_ARTICLE"),
        (("artikel 2, 2°", "artikel 2, 3°"), "REFERENCE_TO_MISSING_POINT"),
        (("artikel 2, 2°", "artikel 4, 2°"), "REFERENCE_TO_MISSING_POINT"),
    ],
)
def test_breaking_one_target_yields_exactly_its_code(change: tuple[str, str], code: str) -> None:
    old, new = change
    assert old in WITH_TARGETS
    assert found(WITH_TARGETS.replace(old, new, 1)) == [code]


def test_without_any_annex_every_annex_reference_dangles() -> None:
    text = WITH_TARGETS.split("Bijlage 1:")[0]
    assert found(text) == ["REFERENCE_TO_MISSING_ANNEX"] * 3


# --- laws: no reference, no finding; one dangling reference, exactly its code -----------------

WORDS = (
    "de", "cliënt", "gegevens", "OCMW", "Torhout", "wordt", "bewaard", "tot", "contactname",
    "het", "protocol", "treedt", "in", "werking", "op", "18.04.2024", "partijen", "lager",
    "hoger", "zien", "artikels", "bijlagen", "10°", "§1,", "(lokaal", "team)", "en/of",
)  # fmt: skip
_FILLER = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)
_PARAGRAPH = st.lists(
    st.tuples(_FILLER, st.sampled_from((". ", ", ", ".\n", "\n", ";\n"))).map("".join),
    min_size=1,
    max_size=4,
).map("".join)
_TITLE = st.sampled_from(("Onderwerp", "Doeleinden", "Bewaring", "Beveiliging", "Opzegging"))


@st.composite
def documents(draw: st.DrawFn) -> list[str]:
    """A protocol-like text as paragraphs: ``Artikel 1`` to ``Artikel n`` headings, each
    followed by paragraphs of words that form no cross-reference."""
    articles = draw(st.integers(1, 6))
    parts = [draw(_PARAGRAPH)]
    for number in range(1, articles + 1):
        parts.append(f"Artikel {number}{draw(st.sampled_from((':', '.', ' -')))} {draw(_TITLE)}")
        parts.extend(draw(st.lists(_PARAGRAPH, min_size=1, max_size=3)))
    return parts


def _articles(parts: list[str]) -> int:
    return sum(part.startswith("Artikel ") for part in parts)


@given(documents())
def test_a_text_without_any_reference_has_no_finding(parts: list[str]) -> None:
    assert lint_signed_text("\n\n".join(parts)) == ()


DANGLING: dict[str, Callable[[int], str]] = {
    "REFERENCE_WITHOUT_TARGET": lambda n: "(zie lager)",
    "REFERENCE_WRONG_DIRECTION": lambda n: "(zie lager, artikel 1)",  # placed after article 1
    "REFERENCE_TO_MISSING_ANNEX": lambda n: "(zie bijlage)",
    "REFERENCE_TO_MISSING_ARTICLE": lambda n: f"vermeld in artikel {n + 1}",
    "REFERENCE_TO_MISSING_POINT": lambda n: "vermeld in artikel 1, 2°",
}
VALID: tuple[Callable[[int], str], ...] = (
    lambda n: f"(zie artikel {n})",
    lambda n: "(zie hoger, artikel 1)",  # placed after article 1
    lambda n: "vermeld in artikel 7 van het decreet van 30 april 2004",
    lambda n: "conform artikel 2, 10° e-govdecreet",
)


@given(documents(), st.sampled_from(sorted(DANGLING)), st.data())
def test_inserting_one_dangling_reference_yields_exactly_its_code(
    parts: list[str], code: str, data: st.DataObject
) -> None:
    # Inserted into a paragraph after article 1, so that "above" and "below" are known.
    first = parts.index(next(p for p in parts if p.startswith("Artikel 1")))
    where = data.draw(st.integers(first + 1, len(parts)))
    reference = DANGLING[code](_articles(parts))
    text = "\n\n".join([*parts[:where], f"De gegevens {reference} zijn bewaard.", *parts[where:]])
    findings = lint_signed_text(text)
    assert [f.code for f in findings] == [code]
    (finding,) = findings
    assert finding.clause in CLAUSES
    line = text[: text.index(reference)].count("\n") + 1
    assert finding.path == f"signed_text:{line}"


@given(documents(), st.sampled_from(VALID), st.data())
def test_inserting_a_reference_with_a_target_yields_nothing(
    parts: list[str], reference: Callable[[int], str], data: st.DataObject
) -> None:
    first = parts.index(next(p for p in parts if p.startswith("Artikel 1")))
    where = data.draw(st.integers(first + 1, len(parts)))
    inserted = f"De gegevens {reference(_articles(parts))} zijn bewaard."
    assert lint_signed_text("\n\n".join([*parts[:where], inserted, *parts[where:]])) == ()


# --- bounds, types, languages ----------------------------------------------------------------


def test_a_text_over_the_limit_is_one_error_finding_and_not_read() -> None:
    findings = lint_signed_text("(zie lager) " * (MAX_SIGNED_TEXT_CHARS // 12 + 1))
    assert [(f.code, f.severity, f.path) for f in findings] == [
        ("SIGNED_TEXT_TOO_LONG", "error", "signed_text")
    ]
    assert str(MAX_SIGNED_TEXT_CHARS) in findings[0].message


@pytest.mark.parametrize(
    "hostile",
    [
        "artikel" + " " * 999_000 + "x",
        "zie " * 249_000,
        "in bijlage " * 90_000,
        "Artikel 1:\n" + "1° x\n" * 150_000 + "artikel 1, 2°",
        "\n" * 999_000,
        "Artikel 1:\n" + "1° x\n" * 100_000 + "artikel 1, 2°\n" * 35_000,
    ],
)
def test_a_hostile_text_within_the_limit_is_scanned_to_the_end(hostile: str) -> None:
    # Bounded repetitions only: these finish (the benchmarks time them side by side).
    findings = lint_signed_text(hostile)
    assert all(f.code in TEXT_FLAW_CODES for f in findings)


def test_the_dangling_references_of_a_hostile_text_are_all_reported() -> None:
    findings = lint_signed_text("(zie lager)\n" * 50_000)
    assert len(findings) == 50_000
    assert findings[-1].path == "signed_text:50000"


def test_a_signed_text_that_is_not_a_string_is_wrong_type() -> None:
    with pytest.raises(InvalidInput) as caught:
        lint_signed_text(b"zie lager")  # type: ignore[arg-type]
    assert [(p.path, p.code) for p in caught.value.problems] == [("text", "WRONG_TYPE")]
    with pytest.raises(InvalidInput) as caught:
        lint_protocol(TORHOUT, signed_text=42)  # type: ignore[arg-type]
    assert [(p.path, p.code) for p in caught.value.problems] == [("signed_text", "WRONG_TYPE")]


def test_every_code_has_both_texts_and_quotes_the_reference() -> None:
    for code in (*TEXT_FLAW_CODES, "SIGNED_TEXT_TOO_LONG"):
        nl, en = catalogue("nl")[f"lint.{code}"], catalogue("en")[f"lint.{code}"]
        assert nl != en
        if code != "SIGNED_TEXT_TOO_LONG":
            assert "{quote}" in nl
            assert "{quote}" in en
    english = lint_signed_text(RECITAL_C, lang="en")
    dutch = lint_signed_text(RECITAL_C, lang="nl")
    assert [f.code for f in english] == [f.code for f in dutch]
    assert all(a.message != b.message for a, b in zip(english, dutch, strict=True))


def test_every_finding_of_torhout_names_a_register_clause_or_none_for_a_format_error() -> None:
    assert {f.clause for f in lint_protocol(TORHOUT)} <= set(CLAUSES)
    assert {f.clause for f in lint_protocol("{not json")} == {None}


# --- the recorded flaws are data --------------------------------------------------------------


def test_a_recorded_flaw_must_name_a_register_clause_and_a_known_code() -> None:
    data: dict[str, Any] = json.loads(TORHOUT.model_dump_json())
    data["text_flaws"][0]["clause"] = "A12-1"
    data["text_flaws"][1]["code"] = "SOMETHING_ELSE"
    with pytest.raises(InvalidInput) as caught:
        Protocol.model_validate(data)
    assert {(p.path, p.code) for p in caught.value.problems} == {
        ("text_flaws.0.clause", "UNKNOWN_CLAUSE"),
        ("text_flaws.1.code", "LITERAL_ERROR"),
    }


def test_the_recorded_flaws_round_trip_through_json() -> None:
    again = Protocol.model_validate_json(TORHOUT.model_dump_json())
    assert again.text_flaws == TORHOUT.text_flaws
    assert len(again.text_flaws) == 4
