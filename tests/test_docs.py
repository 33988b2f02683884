"""The documentation: the laws page names real property tests; every page is in the site."""

from __future__ import annotations

import importlib
import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

import protocol_share
from protocol_share import CLAUSES
from tests.docs_pages import REGENERATE, api_page, clauses_page

ROOT = Path(__file__).parent.parent
LAW_TESTS = sorted(
    set(
        re.findall(
            r"`(tests/(?:\w+/)?test_\w+\.py)::(test_\w+)`", (ROOT / "docs/laws.md").read_text()
        )
    )
)


@pytest.mark.parametrize(("path", "name"), LAW_TESTS)
def test_every_law_names_an_existing_property_test(path: str, name: str) -> None:
    module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
    test = getattr(module, name)
    assert hasattr(test, "hypothesis"), f"{path}::{name} is not a hypothesis property test"


def test_the_laws_page_names_many_laws() -> None:
    assert len(LAW_TESTS) >= 20


def test_every_docs_page_is_in_the_site_navigation() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    pages = {p.name for p in (ROOT / "docs").glob("*.md")}
    assert {page for page in pages if page not in nav} == set()


# The protocol's own folder, beside the clone (or beside the folder of worktrees), if any.
SHARED = next(
    (
        p / "shared" / "protocol"
        for p in (ROOT.parent, ROOT.parent.parent)
        if (p / "shared").is_dir()
    ),
    ROOT.parent / "shared" / "protocol",
)
TRACEABILITY = (ROOT / "docs" / "traceability.md").read_text(encoding="utf-8")
CLAUSE_ID = re.compile(r"\b(?:C|D|E|A\d{1,2})-\d{1,2}\b")


TEST_PATH = re.compile(r"(tests/(?:\w+/)*test_\w+\.py)(?:::(test_\w+))?")
BARE_TEST = re.compile(r"test_\w+")


def named_tests(text: str) -> list[tuple[str | None, str | None]]:
    """Every test a page names, in any form: ``path::name``, a bare module ``path`` (name
    ``None``), and a bare ``name`` read against the last path before it in the same table
    cell (path ``None`` when no path precedes it)."""
    named: list[tuple[str | None, str | None]] = []
    for line in text.splitlines():
        for cell in line.split("|"):
            path: str | None = None
            for token in re.findall(r"`([^`]+)`", cell):
                if found := TEST_PATH.fullmatch(token):
                    path = found[1]
                    named.append((path, found[2]))
                elif BARE_TEST.fullmatch(token):
                    named.append((path, token))
    return named


def _dangling(named: list[tuple[str | None, str | None]]) -> list[str]:
    dangling = []
    for path, name in named:
        if path is None or not (ROOT / path).is_file():
            dangling.append(f"{path}::{name}")
            continue
        module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
        if name is not None and not callable(getattr(module, name, None)):
            dangling.append(f"{path}::{name}")
    return dangling


def test_named_tests_are_read_in_every_form() -> None:
    row = (
        "| X | `a` | `tests/test_docs.py::test_a`, `test_b` (note), `tests/x/test_y.py`, "
        "`test_c` |\n| Y | `test_d` | `tests/test_e.py::test_f` |"
    )
    assert named_tests(row) == [
        ("tests/test_docs.py", "test_a"),
        ("tests/test_docs.py", "test_b"),
        ("tests/x/test_y.py", None),
        ("tests/x/test_y.py", "test_c"),
        (None, "test_d"),
        ("tests/test_e.py", "test_f"),
    ]
    assert _dangling([("tests/test_docs.py", "test_no_such_test")]) == [
        "tests/test_docs.py::test_no_such_test"
    ]
    assert _dangling([(None, "test_d"), ("tests/test_no_such_module.py", None)]) == [
        "None::test_d",
        "tests/test_no_such_module.py::None",
    ]
    assert _dangling([("tests/test_docs.py", "test_named_tests_are_read_in_every_form")]) == []


def test_traceability_names_only_existing_tests() -> None:
    named = named_tests(TRACEABILITY)
    assert len({name for _, name in named}) >= 150  # the bare names are read too
    assert _dangling(named) == []


def test_traceability_maps_every_clause_id_of_the_register() -> None:
    mapped = re.findall(r"^\| ((?:C|D|E|A\d+)-\d+) \|", TRACEABILITY, re.M)
    assert mapped == list(CLAUSES)  # each once, in the register's order
    assert "TODO" not in TRACEABILITY


ENFORCEMENT = ("enforced", "reported", "recorded", "aided")


def traceability_rows(text: str) -> dict[str, list[str]]:
    """The cells of each clause's row of the traceability table, by clause id."""
    return {
        cells[0]: cells
        for line in text.splitlines()
        if re.match(r"^\| (?:C|D|E|A\d+)-\d+ \|", line)
        for cells in [[cell.strip() for cell in line.strip().strip("|").split(" | ")]]
    }


def test_every_one_of_the_46_clauses_says_how_far_it_is_enforced_by_what_code_and_test() -> None:
    rows = traceability_rows(TRACEABILITY)
    assert len(CLAUSES) == 46
    assert list(rows) == list(CLAUSES)
    for clause_id, (_, short, enforced, code, test) in rows.items():
        assert short, clause_id
        assert enforced in ENFORCEMENT, clause_id  # the legend above the table
        assert f"**{enforced}**" in TRACEABILITY
        assert re.search(r"`[^`]+`", code), f"{clause_id} names no code"
        assert named_tests(f"| {test} |"), f"{clause_id} names no test"
    # A clause the library does not enforce says why, in its own row.
    for clause_id, (*_, enforced, code, _test) in rows.items():
        if enforced in ("recorded", "aided"):
            assert WHY_NOT_ENFORCED.search(code), f"{clause_id} does not say why it is {enforced}"


WHY_NOT_ENFORCED = re.compile(
    r"no code|no rule|not something code|not a library|outside a library|(?:parties'|party's|own) act",
    re.I,
)


def test_a_row_without_code_test_or_status_is_caught() -> None:
    broken = "| C-1 | x | enforced | `a` | `tests/test_docs.py::test_a` |\n| C-2 | y | maybe | z | none |"
    rows = traceability_rows(broken)
    assert rows["C-1"][2] in ENFORCEMENT
    assert rows["C-2"][2] not in ENFORCEMENT
    assert not re.search(r"`[^`]+`", rows["C-2"][3])
    assert not named_tests(f"| {rows['C-2'][4]} |")
    assert not WHY_NOT_ENFORCED.search("`Protocol.court`: the court")
    assert WHY_NOT_ENFORCED.search("no rule depends on it")


def _cited_ids() -> dict[str, set[str]]:
    """Every clause id cited in the code, the docs, the README and the examples, by file."""
    files = [
        *(p for p in (ROOT / "src").rglob("*") if p.suffix in {".py", ".json"}),
        *(ROOT / "docs").rglob("*.md"),
        *(ROOT / "docs").rglob("*.json"),
        *(ROOT / "examples").rglob("*.py"),
        *(ROOT / "examples").rglob("*.md"),
        ROOT / "README.md",
        ROOT / "mkdocs.yml",
    ]
    cited: dict[str, set[str]] = {}
    for path in files:
        for found in CLAUSE_ID.findall(path.read_text(encoding="utf-8")):
            cited.setdefault(found, set()).add(str(path.relative_to(ROOT)))
    return cited


def test_no_clause_id_is_cited_outside_the_register() -> None:
    cited = _cited_ids()
    assert len(cited) >= 40  # the scan finds the citations at all
    assert {found: sorted(paths) for found, paths in cited.items() if found not in CLAUSES} == {}


def test_the_clause_register_page_is_current() -> None:
    page = (ROOT / "docs" / "clauses.md").read_text(encoding="utf-8")
    assert page == clauses_page(), f"docs/clauses.md is stale: run `{REGENERATE}`"


@pytest.mark.skipif(
    not (SHARED / "CLAUSES.md").exists(), reason="shared/protocol is not beside this clone"
)
def test_the_register_holds_exactly_the_ids_of_the_shared_clause_list() -> None:
    text = (SHARED / "CLAUSES.md").read_text(encoding="utf-8")
    assert re.findall(r"^\| ((?:C|D|E|A\d+)-\d+) \|", text, re.M) == list(CLAUSES)


SIGNED = SHARED / "000_8c337c679b9d1c16.txt"
# Article 3's data items are a table, which the text extraction scrambles: quoted in reading
# order, so only their words are checked.
TABLE_CLAUSES = {"A3-1", "A3-2"}


@pytest.mark.skipif(not SIGNED.exists(), reason="shared/protocol is not beside this clone")
def test_the_register_quotes_the_signed_text() -> None:
    signed = " ".join(SIGNED.read_text(encoding="utf-8").split())
    words = set(re.findall(r"\w+", signed.lower()))
    for clause_id, item in CLAUSES.items():
        if clause_id in TABLE_CLAUSES:
            assert set(re.findall(r"\w+", item.wording_nl.lower())) <= words, clause_id
            continue
        for fragment in item.wording_nl.split(" [...] "):
            assert " ".join(fragment.split()) in signed, clause_id


def _docstring_doctests_at_text_indent() -> list[str]:
    """Docstrings whose ``>>>`` lines stand at the text's own indentation: Markdown renders
    them as nested block quotes, not code, and their output as prose (where ``[...]`` reads
    as a cross-reference and fails the strict build)."""
    import ast

    found = []
    for path in sorted((ROOT / "src").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                continue
            doc = ast.get_docstring(node, clean=True)
            if doc and any(line.startswith(">>>") for line in doc.splitlines()[1:]):
                found.append(f"{path.relative_to(ROOT)}:{node.name}")
    return found


def test_every_docstring_example_is_indented_as_a_code_block() -> None:
    assert _docstring_doctests_at_text_indent() == []


def test_the_strict_docs_build_is_not_silenced() -> None:
    # `mkdocs build --strict -q` drops the warnings before strict mode counts them.
    for name in ("README.md", ".ci/run"):
        text = (ROOT / name).read_text(encoding="utf-8")
        assert "mkdocs build --strict" in text
        assert not re.search(r"mkdocs build[^\n&]*\s-q\b", text), name


def _clause_links() -> ModuleType:
    path = ROOT / "docs" / "hooks" / "clause_links.py"
    spec = importlib.util.spec_from_file_location("clause_links_hook", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_site_links_clause_ids_in_text_but_not_in_code_links_or_unknown_ids() -> None:
    link = _clause_links().link_clause_ids
    html = (
        '<h2 id="x">Quality (A7-1)</h2><p title="A5-1">See A5-1 and C-7, not A99-1.</p>'
        "<pre><code>A5-1</code></pre><p><code>C-1</code> <a href='y'>A6-3</a> A6-3</p>"
        "<!-- A6-2 -->"
    )
    assert link(html, "../clauses/") == (
        '<h2 id="x">Quality (<a class="clause-id" href="../clauses/#A7-1">A7-1</a>)</h2>'
        '<p title="A5-1">See <a class="clause-id" href="../clauses/#A5-1">A5-1</a> and '
        '<a class="clause-id" href="../clauses/#C-7">C-7</a>, not A99-1.</p>'
        "<pre><code>A5-1</code></pre><p><code>C-1</code> <a href='y'>A6-3</a> "
        '<a class="clause-id" href="../clauses/#A6-3">A6-3</a></p><!-- A6-2 -->'
    )
    # On the register's own page its headings are the targets, not links.
    assert link("<h3 id='C-1'>C-1</h3><p>C-1</p>", "./", skip_headings=True) == (
        '<h3 id=\'C-1\'>C-1</h3><p><a class="clause-id" href="./#C-1">C-1</a></p>'
    )


def test_the_hook_is_configured_and_every_clause_has_an_anchor_on_the_register_page() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks:\n  - docs/hooks/clause_links.py" in config
    anchors = re.findall(r"^### (\S+) \{#(\S+)\}$", clauses_page(), re.M)
    assert [heading for heading, _ in anchors] == [anchor for _, anchor in anchors]
    assert [anchor for _, anchor in anchors] == list(CLAUSES)


def test_the_api_page_lists_exactly_the_names_of_protocol_share() -> None:
    page = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    listed = re.findall(r"^        - (\w+)$", page, re.M)
    public = sorted(set(protocol_share.__all__) - {"__version__"})
    hint = (
        "docs/api.md must list protocol_share.__all__ exactly. A new public name goes in "
        "src/protocol_share/__init__.py's __all__ and in its step's __init__.py __all__; then "
        f"run `{REGENERATE}` and commit docs/api.md"
    )
    assert sorted(listed) == public, hint
    assert len(listed) == len(set(listed)), hint
    assert page == api_page(), hint
