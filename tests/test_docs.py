"""The documentation: the laws page names real property tests; every page is in the site."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

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


CLAUSES = Path(__file__).parent.parent.parent / "shared" / "protocol" / "CLAUSES.md"
TRACEABILITY = (ROOT / "docs" / "traceability.md").read_text(encoding="utf-8")


def test_traceability_names_only_existing_tests() -> None:
    named = set(re.findall(r"(tests/(?:\w+/)?test_\w+\.py)::(test_\w+)", TRACEABILITY))
    assert len(named) >= 40
    missing = [
        f"{path}::{name}"
        for path, name in sorted(named)
        if not hasattr(importlib.import_module(path.removesuffix(".py").replace("/", ".")), name)
    ]
    assert missing == []


@pytest.mark.skipif(not CLAUSES.exists(), reason="shared/protocol is not beside this clone")
def test_traceability_maps_every_clause_id() -> None:
    ids = re.findall(r"^\| ((?:C|D|E|A\d+)-\d+) \|", CLAUSES.read_text(encoding="utf-8"), re.M)
    mapped = set(re.findall(r"^\| ((?:C|D|E|A\d+)-\d+) \|", TRACEABILITY, re.M))
    assert len(ids) == 46
    assert set(ids) <= mapped
    assert "TODO" not in TRACEABILITY


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
