"""The generated pages of the site, written from the code: ``docs/clauses.md`` from the
clause register, ``docs/api.md`` from ``protocol_share.__all__``. ``tests/test_docs.py``
fails when a page on disk differs from what this module writes; run
``.venv/bin/python -m tests.docs_pages`` to write them again."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from itertools import groupby
from pathlib import Path

import protocol_share
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


# The public face, one section per step of the flow: each module's ``__all__`` is the part
# of ``protocol_share.__all__`` it defines.
API_SECTIONS: tuple[tuple[str, str], ...] = (
    ("The protocol and its clauses", "protocol_share.protocol"),
    ("Article 3: the client's data", "protocol_share.clientdata"),
    ("Consent, referral, decision", "protocol_share.decision"),
    ("The package", "protocol_share.package"),
    ("Retention", "protocol_share.retention"),
    ("Notices", "protocol_share.notices"),
    ("The register entry", "protocol_share.register"),
    ("Errors", "protocol_share.errors"),
)
# Imported by their own path, not from ``protocol_share``.
EMBEDDING_MODULES = (
    "protocol_share.strategies",
    "protocol_share.pytest_plugin",
    "protocol_share.examples",
)

_API_INTRO = f"""\
# API reference

<!-- Generated from `protocol_share.__all__` by `{REGENERATE}`: do not edit. -->

Every name in the sections from "The protocol and its clauses" to "Errors" is importable
from `protocol_share` (`from protocol_share import pack`), and these are all of its names:
the page lists `protocol_share.__all__` exactly, each name under the step of the flow that
defines it (the subpackage, such as `protocol_share.decision`, exports the same name).
Modules whose names start with an underscore are private and may change in any release.
The aids for compliance suites, at the end, are imported from their own modules. Each
docstring cites the clause of the protocol it serves.
"""


def api_names() -> dict[str, list[str]]:
    """The public names of ``protocol_share`` by the module that exports them, in the
    order of ``protocol_share.__all__``."""
    public = [name for name in protocol_share.__all__ if name != "__version__"]
    return {
        module: [name for name in public if name in importlib.import_module(module).__all__]
        for _, module in API_SECTIONS
    }


def api_page() -> str:
    """``docs/api.md``: every name of ``protocol_share.__all__``, by step."""
    names = api_names()
    parts = [_API_INTRO]
    for title, module in API_SECTIONS:
        members = "".join(f"        - {name}\n" for name in names[module])
        parts.append(f"\n## {title}\n\n::: {module}\n    options:\n      members:\n{members}")
    parts.append("\n## For compliance suites\n")
    parts.extend(f"\n::: {module}\n" for module in EMBEDDING_MODULES)
    return "".join(parts)


PAGES: dict[str, Callable[[], str]] = {"clauses.md": clauses_page, "api.md": api_page}


def main() -> None:
    """Write every generated page."""
    for name, render in PAGES.items():
        (DOCS / name).write_text(render(), encoding="utf-8")


if __name__ == "__main__":
    main()
