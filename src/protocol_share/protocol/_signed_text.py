"""``lint_signed_text``: cross-references of a signed protocol text that point to nothing (D-1).

The protocol model holds the facts the rules need, not the text the parties signed and
publish (D-1). That text can refer to what it does not contain: Torhout's recital C says
the client must be informed "(zie lager)", and nothing below says how; it names the
cooperation agreement "(zie bijlage)", and no annex follows; art. 4 and art. 8 cite a
"2°" of articles 2 and 5, which have no numbered points. :func:`lint_signed_text` finds such
references in any protocol's text, each a :class:`Finding` with its own code:

- ``REFERENCE_WITHOUT_TARGET``: "zie lager", "zie hoger", "zie hieronder", ... naming no
  article or annex to look at;
- ``REFERENCE_WRONG_DIRECTION``: "zie lager, artikel 2" where article 2 stands above (or
  "zie hoger" with an article below);
- ``REFERENCE_TO_MISSING_ANNEX``: "zie bijlage", "in bijlage 2", ... where the text has no
  such annex (a line of its own starting ``Bijlage``/``BIJLAGE``);
- ``REFERENCE_TO_MISSING_ARTICLE``: "artikel 12" of this text (no law named after it)
  where the text has no heading ``Artikel 12``;
- ``REFERENCE_TO_MISSING_POINT``: "artikel 2, 2°" where article 2 has no point ``2°``.

A reference followed by the name of a law ("artikel 7 van het decreet ...", "artikel 28 van
de algemene verordening") is another act's and is not checked. Each finding's ``clause`` is
the id of the register clause whose Dutch wording quotes the reference (C-6 for Torhout's
"(zie lager)"), else ``D-1``: the published text. Its ``path`` is ``signed_text:<line>``.

The text is bounded before it is read: over :data:`MAX_SIGNED_TEXT_CHARS` characters it is
one error finding, ``SIGNED_TEXT_TOO_LONG``, and no scan. Every pattern has bounded
repetitions and no nested quantifier, so the scan is linear in the text.

    >>> text = "Artikel 1: Onderwerp\\nDe cliënt wordt geïnformeerd (zie lager).\\n"
    >>> [(f.code, f.path) for f in lint_signed_text(text)]
    [('REFERENCE_WITHOUT_TARGET', 'signed_text:2')]
    >>> lint_signed_text(text.replace("(zie lager)", "(zie artikel 1)"))
    ()
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Iterator
from typing import Final, Literal, get_args

from protocol_share._model import require_type
from protocol_share._text import Lang, check_lang, message
from protocol_share.protocol._clauses import CLAUSES
from protocol_share.protocol._finding import Finding

__all__ = ["MAX_SIGNED_TEXT_CHARS", "TEXT_FLAW_CODES", "TextFlawCode", "lint_signed_text"]

TextFlawCode = Literal[
    "REFERENCE_WITHOUT_TARGET",
    "REFERENCE_WRONG_DIRECTION",
    "REFERENCE_TO_MISSING_ANNEX",
    "REFERENCE_TO_MISSING_ARTICLE",
    "REFERENCE_TO_MISSING_POINT",
]
"""The codes of a cross-reference of the signed text that points to nothing (D-1)."""
TEXT_FLAW_CODES: Final[tuple[TextFlawCode, ...]] = get_args(TextFlawCode)

MAX_SIGNED_TEXT_CHARS: Final = 1_000_000
"""The longest text scanned: about 300 pages (Torhout's signed text is 14 000 characters)."""

_FALLBACK_CLAUSE: Final = "D-1"
_WS = r"\s{1,40}"  # the break between two words, a wrapped line included; bounded
# "Artikel 5. Periodiciteit", "ARTIKEL 2 -": a heading starts its line with a capital.
_ARTICLE_HEADING = re.compile(r"^[ \t]{0,40}(?:Artikel|ARTIKEL)[ \t]{1,40}(\d{1,3})\b", re.M)
# "1° ..." at the start of a line inside an article; not "2°," (a reference wrapped there).
_POINT = re.compile(r"^[ \t]{0,40}(\d{1,2})°[ \t]{0,40}(?![,;.])\S", re.M)
_ANNEX_HEADING = re.compile(
    r"^[ \t]{0,40}(?:Bijlage|BIJLAGE)(?:[ \t]{1,40}(\d{1,3}|[IVX]{1,6}|[A-Z]))?[ \t]{0,40}(?:[:.\-–]|$)",
    re.M,
)
_ARTICLE_REF = re.compile(
    rf"\bart(?:ikel|\.){_WS}(\d{{1,3}})(/\d{{1,3}})?(?:\s{{0,40}},\s{{0,40}}(\d{{1,2}})°)?", re.I
)
_DIRECTION = re.compile(
    rf"\bzie{_WS}(lager|hoger|hieronder|hierboven|verder|eerder|infra|supra)\b", re.I
)
_BELOW = frozenset({"lager", "hieronder", "verder", "infra"})
_ANNEX_REF = re.compile(
    rf"\b(?:zie|in|als|volgens|conform){_WS}(?:de{_WS})?bijlage\b(?:[ \t]{{1,40}}(\d{{1,3}}|[IVX]{{1,6}}\b|[A-Z]\b))?",
    re.I,
)
# What follows a reference up to the end of its clause: a law named there makes the
# reference another act's ("artikel 7 van het decreet", "artikel 28 van de algemene
# verordening", "artikel 2, 10° e-govdecreet").
# The end of a reference's clause: a stop ("art. 3" is none); for a law named after an
# article, also the next reference ("zie artikel 9, volgens artikel 7 van het decreet").
_CLAUSE_END = re.compile(r"[.;:)](?<!\b[Aa][Rr][Tt]\.)(?=\s|$)")
_NEXT_REFERENCE = re.compile(r"\bart(?:ikel|\.)\s", re.I)
_WINDOW = 120
_OTHER_ACT = re.compile(
    r"decreet|\bwet\b|wetboek|verordening|besluit|richtlijn|\bavg\b|\bgdpr\b|\bkb\b|\bbvr\b"
    r"|grondwet|koninklijk|samenwerkingsakkoord|\bverdrag",
    re.I,
)
_TARGET = re.compile(rf"\bart(?:ikel|\.){_WS}(\d{{1,3}})\b|\bbijlage\b", re.I)
_SEVERITY: Final = "warning"


def _tail(text: str, end: int) -> str:
    window = text[end : end + _WINDOW]
    cut = _CLAUSE_END.search(window)
    return window if cut is None else window[: cut.start()]


def _names_another_act(text: str, end: int) -> bool:
    tail = _tail(text, end)
    cut = _NEXT_REFERENCE.search(tail)
    return _OTHER_ACT.search(tail if cut is None else tail[: cut.start()]) is not None


def _quote(found: str) -> str:
    return " ".join(found.split())


class _Text:
    """One scan's view of the text: lines, headings, the register's clauses located."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = array("q", [0])
        self.line_starts.extend(m.end() for m in re.finditer("\n", text))
        self.articles: dict[str, tuple[int, int]] = {}  # number -> body (start, end)
        headings = list(_ARTICLE_HEADING.finditer(text))
        for index, heading in enumerate(headings):
            end = headings[index + 1].start() if index + 1 < len(headings) else len(text)
            self.articles.setdefault(heading[1].lstrip("0") or "0", (heading.start(), end))
        self.heading_numbers = {heading.start(1) for heading in headings}
        self.annexes = {
            (m[1] or "").upper() for m in _ANNEX_HEADING.finditer(text)
        }  # "" for an annex without a number
        self._points: dict[str, frozenset[str]] = {}
        self._spans: list[tuple[int, int, str]] | None = None
        self._token_starts = array("q")
        self._norm_starts = array("q")

    def line(self, offset: int) -> int:
        return bisect_right(self.line_starts, offset)

    def has_point(self, article: str, point: str) -> bool:
        # Each article's points are read once: many references to one long article stay
        # linear.
        points = self._points.get(article)
        if points is None:
            start, end = self.articles[article]
            points = frozenset(
                m[1].lstrip("0") or "0" for m in _POINT.finditer(self.text, start, end)
            )
            self._points[article] = points
        return point in points

    def clause(self, offset: int) -> str:
        """The register clause whose wording quotes the text at ``offset``, else D-1."""
        if self._spans is None:
            self._spans = self._locate_clauses()
        token = bisect_right(self._token_starts, offset) - 1
        if token < 0:
            return _FALLBACK_CLAUSE
        at = self._norm_starts[token] + (offset - self._token_starts[token])
        for start, end, clause_id in self._spans:
            if start <= at < end:
                return clause_id
        return _FALLBACK_CLAUSE

    def _locate_clauses(self) -> list[tuple[int, int, str]]:
        # Compared with single spaces: the text wraps its lines where the register does not.
        # str.find is linear; each fragment is sought once.
        parts: list[str] = []
        position = 0
        for token in re.finditer(r"\S+", self.text):
            self._token_starts.append(token.start())
            self._norm_starts.append(position)
            parts.append(token[0])
            position += len(token[0]) + 1
        normalised = " ".join(parts)
        spans = []
        for clause in CLAUSES.values():
            for fragment in clause.wording_nl.split(" [...] "):
                wanted = " ".join(fragment.split())
                found = normalised.find(wanted)
                if wanted and found >= 0:
                    spans.append((found, found + len(wanted), clause.id))
        return spans


def _references(scan: _Text) -> Iterator[tuple[TextFlawCode, int, str]]:
    text = scan.text
    for ref in _DIRECTION.finditer(text):
        target = _TARGET.search(_tail(text, ref.end()))
        if target is None:
            yield "REFERENCE_WITHOUT_TARGET", ref.start(), ref[0]
            continue
        article = target[1] and (target[1].lstrip("0") or "0")
        if article and article in scan.articles:
            below = scan.articles[article][0] > ref.start()
            if below != (ref[1].lower() in _BELOW):
                yield "REFERENCE_WRONG_DIRECTION", ref.start(), ref[0] + " " + target[0]
    for ref in _ANNEX_REF.finditer(text):
        label = (ref[1] or "").upper()
        present = label in scan.annexes or (
            bool(scan.annexes) and (not label or scan.annexes == {""})
        )
        if not present:
            yield "REFERENCE_TO_MISSING_ANNEX", ref.start(), ref[0]
    for ref in _ARTICLE_REF.finditer(text):
        if ref.start(1) in scan.heading_numbers or _names_another_act(text, ref.end()):
            continue
        if ref[2]:  # "artikel 10/1": an inserted article, always another act's here
            continue
        article = ref[1].lstrip("0") or "0"
        quote = ref[0] if ref[3] else text[ref.start() : ref.end(1)]
        if article not in scan.articles:
            yield "REFERENCE_TO_MISSING_ARTICLE", ref.start(), quote
        elif ref[3] and not scan.has_point(article, ref[3].lstrip("0") or "0"):
            yield "REFERENCE_TO_MISSING_POINT", ref.start(), quote


def lint_signed_text(text: str, *, lang: Lang = "nl") -> tuple[Finding, ...]:
    """Every cross-reference of a protocol's signed text that points to nothing (D-1).

    ``text`` is the signed text as plain text (any protocol's, Dutch). Each finding has a
    code of :data:`TEXT_FLAW_CODES`, severity ``warning``, the path ``signed_text:<line>``,
    the clause whose wording quotes the reference (else ``D-1``) and a message in ``lang``
    quoting the reference. In the order of the text. A text over
    :data:`MAX_SIGNED_TEXT_CHARS` characters is one ``SIGNED_TEXT_TOO_LONG`` error finding,
    not read. A ``text`` that is not a string raises
    :class:`~protocol_share.errors.InvalidInput` (``WRONG_TYPE``).
    """
    lang = check_lang(lang)
    text = require_type(text, str, "text")
    if len(text) > MAX_SIGNED_TEXT_CHARS:
        return (
            Finding(
                "SIGNED_TEXT_TOO_LONG",
                "error",
                "signed_text",
                message("lint.SIGNED_TEXT_TOO_LONG", lang, limit=MAX_SIGNED_TEXT_CHARS),
                _FALLBACK_CLAUSE,
            ),
        )
    scan = _Text(text)
    found = sorted(_references(scan), key=lambda item: item[1])
    return tuple(
        text_flaw_finding(
            code, scan.clause(offset), _quote(quote), f"signed_text:{scan.line(offset)}", lang
        )
        for code, offset, quote in found
    )


def text_flaw_finding(
    code: TextFlawCode, clause: str, quote: str, path: str, lang: Lang
) -> Finding:
    """The finding for one dangling reference of the signed text (D-1), found by the scan or
    recorded on the protocol (``Protocol.text_flaws``)."""
    return Finding(
        code, _SEVERITY, path, message(f"lint.{code}", lang, quote=quote, clause=clause), clause
    )
