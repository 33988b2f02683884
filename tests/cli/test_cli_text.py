"""Every text the command line prints comes from the catalogues (``_text/nl.py``,
``_text/en.py``): ``demo --lang nl`` holds no English heading, ``--lang en`` no Dutch one, and
``cli/*.py`` spell no sentence a person reads (issue 9: one catalogue for every text)."""

from __future__ import annotations

import ast
import getpass
import io
import json
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

import protocol_share.cli
from protocol_share._text import LANGS, Lang, catalogue
from protocol_share.cli import PASSWORD_ENV, main
from tests.test_text import assert_in_language

CLI = Path(protocol_share.cli.__file__).parent
DEMO_KEYS = frozenset(key for key in catalogue("nl") if key.startswith("cli.demo."))
NOT_TAKEN = frozenset(
    {"cli.demo.pack_refused", "cli.demo.wrong_password.opened", "cli.demo.same.no"}
)
"""The demo's branches the built-in protocol does not take (a refused pack, a package that
opens with a wrong password, a different client after the round trip)."""


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def other(lang: Lang) -> Lang:
    return "en" if lang == "nl" else "nl"


def pieces(template: str) -> list[str]:
    """The fixed words of a template, between its placeholders, each holding a letter."""
    found = (literal.strip() for literal, *_ in string.Formatter().parse(template))
    return [piece for piece in found if re.search(r"[^\W\d_]", piece)]


@pytest.mark.parametrize("lang", LANGS)
def test_the_demo_prints_every_heading_and_label_in_its_own_language(lang: Lang) -> None:
    code, out, err = run("demo", "--lang", lang)
    assert (code, err) == (0, "")
    own, foreign = catalogue(lang), catalogue(other(lang))
    assert len(DEMO_KEYS) >= 25  # the demo's headings and labels are in the catalogue
    for key in sorted(DEMO_KEYS - NOT_TAKEN):
        for piece in pieces(own[key]):
            assert piece in out, (key, piece)
    own_text = "\n".join(own.values())
    for key in sorted(DEMO_KEYS):
        for piece in pieces(foreign[key]):
            if len(piece) >= 6 and piece not in own_text:  # "postcodes:" is both languages'
                assert piece not in out, (key, piece)
    assert_in_language(out, lang)


def test_the_demo_headings_differ_between_the_languages() -> None:
    """No unindented line (a heading: a step, "after receipt") is the same in both."""
    headings = {}
    for lang in LANGS:
        _, out, _ = run("demo", "--lang", lang, "--at", "2025-03-03T09:00:00+01:00")
        headings[lang] = [line for line in out.splitlines() if line and not line[0].isspace()]
    assert len(headings["nl"]) == len(headings["en"]) == 10  # the title, steps 1 to 8, one more
    for dutch, english in zip(headings["nl"], headings["en"], strict=True):
        assert dutch != english
    assert "na ontvangst:" in headings["nl"]
    assert "after receipt:" in headings["en"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_demo_json_describes_its_cases_in_the_language_asked(lang: Lang) -> None:
    _, out, _ = run("demo", "--json", "--lang", lang)
    payload = json.loads(out)
    cases = payload["decisions"]["cases"]
    assert cases == {
        label: catalogue(lang)[f"cli.demo.case.{label}"] for label in ("allowed", "refused")
    }
    assert payload["package"]["wrong_password"] == "WrongPassword"  # a code, not a sentence


# --- no sentence spelled in cli/*.py ---------------------------------------------------------

_HELP = frozenset({"help", "description", "epilog", "version", "metavar", "prog"})
"""argparse's help: English, as argparse's own words around it are (docs/cli.md)."""
_NOT_TEXT = frozenset({"HOST_RECORD", "_QUOTING"})
"""Names whose strings are no text of this code: the host system's record the demo minimises
(data), and the patterns that find argparse's own (English) words in its usage errors."""
_TWO_WORDS = re.compile(r"[^\W\d_]{2,}\S*\s+[^\s]*[^\W\d_]")
_LABEL = re.compile(r"^\s*[^\W\d_]{2,}:\s*$")


def is_prose(text: str) -> bool:
    """Two words, or a lone label with a colon, once the placeholders are gone."""
    text = re.sub(r"\{[^{}]*\}", " ", text)
    return bool(_TWO_WORDS.search(text) or _LABEL.search(text))


def _exempt(tree: ast.AST) -> set[int]:
    """The string constants that are no text a person reads from this code: docstrings,
    argparse help (``help=``, ``file_help=`` and the like, or the ``what`` of
    :func:`add_at_option`), :data:`_NOT_TEXT`, and the message of an
    ``InvalidInput.single``: a :class:`ProtocolShareError`'s text is the library's, in English
    with its codes (errors.py); the command line says it within its own words, in ``--lang``."""
    exempt: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            exempt.add(id(node.value))  # a docstring, of a module, class, function or name
        subtrees: list[ast.AST] = []
        if isinstance(node, ast.keyword) and (node.arg in _HELP or f"{node.arg}".endswith("_help")):
            subtrees.append(node.value)
        if isinstance(node, ast.AnnAssign | ast.Assign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if {getattr(target, "id", "") for target in targets} & _NOT_TEXT:
                subtrees.append(node.value)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "add_at_option":
            subtrees.extend(node.args[1:])
        if isinstance(node, ast.Call) and ast.unparse(node.func) == "InvalidInput.single":
            subtrees.extend(node.args[3:])
        for subtree in subtrees:
            exempt.update(id(sub) for sub in ast.walk(subtree))
    return exempt


def prose_literals(path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    exempt = _exempt(tree)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in exempt
            and is_prose(node.value)
        ):
            yield f"{path.name}:{node.lineno}: {node.value!r}"


def test_the_prose_detector_finds_a_sentence_and_passes_keys_and_codes() -> None:
    assert is_prose("after receipt:")
    assert is_prose("  schedule: ")
    assert is_prose("cannot read {argument}: {reason}")
    assert not is_prose("cli.demo.after_receipt")
    assert not is_prose("archive_bytes")
    assert not is_prose("  {label}: ")
    assert not is_prose("{e.due_on} {e.action} {e.case.case_id}")
    assert not is_prose("--password-file")


@pytest.mark.parametrize("name", sorted(path.name for path in CLI.glob("*.py")))
def test_the_command_line_spells_no_sentence_outside_the_catalogues(name: str) -> None:
    assert list(prose_literals(CLI / name)) == []


# --- the command line's own words around an error, and the password prompt -----------------


@pytest.mark.parametrize(
    ("lang", "said"),
    [("nl", "fout: kan FILE niet lezen: "), ("en", "error: cannot read FILE: ")],
)
def test_an_unusable_file_is_reported_in_the_language_asked(
    tmp_path: Path, lang: Lang, said: str
) -> None:
    code, out, err = run("check", str(tmp_path / "Marieke Jansens.json"), "--lang", lang)
    assert (code, out) == (2, "")
    assert err.startswith(said)
    assert "Jansens" not in err


@pytest.mark.parametrize("lang", LANGS)
def test_the_password_prompt_is_in_the_language_asked(
    tmp_path: Path, lang: Lang, monkeypatch: pytest.MonkeyPatch
) -> None:
    prompts: list[str] = []

    def typed(prompt: str) -> str:  # a terminal whose user types the same password twice
        prompts.append(prompt)
        return "Vlinder-Kast-42-zonnebloem"

    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    monkeypatch.setattr(getpass, "getpass", typed)
    referral = tmp_path / "r.json"
    _, document, _ = run("example", "referral")
    referral.write_text(document, encoding="utf-8")
    code, _, err = run("pack", str(referral), "--out", str(tmp_path / "uit"), "--lang", lang)
    assert (code, err) == (0, "")
    texts = catalogue(lang)
    assert prompts == [texts["cli.password.prompt"], texts["cli.password.again"]]
