"""MkDocs hook: every clause id in a page's text links to its entry in the clause register.

``mkdocs.yml`` names this file under ``hooks:``. After a page is rendered (the guides and
the API pages built from docstrings alike), each id of the register (``A5-1``, ``C-7`` ...)
in its text becomes a link to ``clauses.md#<id>``. Ids inside code, preformatted text or an
existing link are left alone, and so are the register's own headings. A string shaped like
an id that the register does not hold is not linked (``tests/test_docs.py`` keeps the code
and the docs from citing one).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from protocol_share import CLAUSES

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

REGISTER = "clauses.md"
CLAUSE_ID = re.compile(r"\b(?:C|D|E|A\d{1,2})-\d{1,2}\b")
# A comment, or a tag: the text between them is what a reader sees.
_MARKUP = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")
_KEEP = frozenset({"a", "code", "pre", "kbd", "samp", "script", "style", "textarea"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def link_clause_ids(html: str, register_url: str, *, skip_headings: bool = False) -> str:
    """``html`` with every clause id of its text linked to ``register_url#<id>``."""
    keep = _KEEP | _HEADINGS if skip_headings else _KEEP
    inside: list[str] = []
    parts = _MARKUP.split(html)
    for index, part in enumerate(parts):
        if index % 2:  # markup
            tag = _TAG.match(part)
            if tag and tag[2].lower() in keep and not part.endswith("/>"):
                name = tag[2].lower()
                if not tag[1]:
                    inside.append(name)
                elif name in inside:
                    del inside[len(inside) - 1 - inside[::-1].index(name) :]
        elif not inside and part:
            parts[index] = CLAUSE_ID.sub(
                lambda found: (
                    f'<a class="clause-id" href="{register_url}#{found[0]}">{found[0]}</a>'
                    if found[0] in CLAUSES
                    else found[0]
                ),
                part,
            )
    return "".join(parts)


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Link the clause ids of a rendered page to the clause register."""
    register = files.get_file_from_path(REGISTER)
    if register is None:
        return html
    url = register.url_relative_to(page.file)
    return link_clause_ids(html, url, skip_headings=page.file.src_uri == REGISTER)
