"""The generated pages of the site, written from the code: ``docs/clauses.md`` from the
clause register. ``tests/test_docs.py`` fails when a page on disk differs from what this
module writes; run ``.venv/bin/python -m tests.docs_pages`` to write them again."""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby
from pathlib import Path

from protocol_share import CLAUSES

DOCS = Path(__file__).parent.parent / "docs"
REGENERATE = ".venv/bin/python -m tests.docs_pages"

_CLAUSES_INTRO = f"""\
# The clause register

<!-- Generated from src/protocol_share/protocol/clauses.json by `{REGENERATE}`: do not edit. -->

Every normative clause of the signed protocol between Opgroeien regie and OCMW Torhout has
a stable id. The code cites these ids in its docstrings and in every reason a decision
gives; these pages cite them too, and each id on the site links here. The register ships
with the library as data: `protocol_share.CLAUSES` (by id, in the order of the text) and
`protocol_share.clause("A5-1")`.

Each clause gives the article it stands in, what it asks in one English sentence (our
summary, not a translation) and the Dutch wording of the signed text it restates. `[...]`
marks text left out of a quotation; the two data items of article 3 are a table in the
signed text, quoted in reading order. How the library serves each clause is on the
[traceability](traceability.md) page; the flaws of the signed text are on
[the protocol model](protocol.md) page.
"""


def clauses_page() -> str:
    """``docs/clauses.md``: the clause register, one section per recital or article."""
    parts = [_CLAUSES_INTRO]
    for article, clauses in groupby(CLAUSES.values(), key=lambda clause: clause.article):
        parts.append(f"\n## {article[0].upper()}{article[1:]}\n")
        for clause in clauses:
            parts.append(
                f"\n### {clause.id} {{#{clause.id}}}\n\n{clause.summary_en}\n\n"
                f"> {clause.wording_nl}\n"
            )
    return "".join(parts)


PAGES: dict[str, Callable[[], str]] = {"clauses.md": clauses_page}


def main() -> None:
    """Write every generated page."""
    for name, render in PAGES.items():
        (DOCS / name).write_text(render(), encoding="utf-8")


if __name__ == "__main__":
    main()
