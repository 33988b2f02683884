"""The clause register: every normative clause of the signed protocol, by its stable id.

Docstrings, reasons and the docs cite clauses by id (``C-7``, ``A5-1``, ``A11-2``). The
register is package data (``clauses.json`` beside this module, read once with
:mod:`importlib.resources`), so the ids can be looked up in an installed library and on
the site (``docs/clauses.md``, generated from it) without the protocol's folder. Each
:class:`Clause` holds the article it comes from, a one-line English summary and the Dutch
wording of the signed text it restates. ``[...]`` marks text left out of a quotation; the
two data items of article 3 are a table in the signed text, quoted in reading order.

Ids: ``C-n``, ``D-n``, ``E-n`` for the recitals (``E-1`` covers recitals E and F),
``A<article>-n`` for the articles, numbered in the order of the text.

    >>> clause("A6-3").summary_en
    'The address to send to is sociaal.huis@torhout.be.'
    >>> clause("A11-2").wording_nl
    'Partijen kunnen dit protocol schriftelijk opzeggen mits inachtneming van een opzegtermijn van 6 maanden.'
    >>> len(CLAUSES), next(iter(CLAUSES))
    (46, 'C-1')
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType
from typing import Annotated, Final

from pydantic import StringConstraints

from protocol_share._model import FrozenModel, loads_without_duplicates, require_type
from protocol_share.errors import InvalidInput

__all__ = ["CLAUSES", "CLAUSE_ID", "Clause", "clause"]

CLAUSE_ID: Final = r"(?:C|D|E|A\d{1,2})-\d{1,2}"
"""The shape of a clause id: a recital letter or ``A`` and an article number, a dash, a number."""

_Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]


class Clause(FrozenModel):
    """One clause of the signed protocol: its id, where it stands, what it says (every
    clause id, e.g. C-7 or A5-1, is a key of :data:`CLAUSES`)."""

    id: Annotated[str, StringConstraints(pattern=f"^{CLAUSE_ID}$")]
    """The stable id, e.g. ``A5-1``."""
    article: _Text
    """Where the clause stands in the signed text: ``recital C`` ... ``article 11``."""
    summary_en: _Text
    """What the clause asks, in one English sentence."""
    wording_nl: _Text
    """The Dutch wording of the signed text the clause restates."""


class _Register(FrozenModel):
    clauses: tuple[Clause, ...]


def _load() -> Mapping[str, Clause]:
    data = resources.files("protocol_share.protocol").joinpath("clauses.json")
    text = data.read_text(encoding="utf-8")
    register = _Register.model_validate(loads_without_duplicates(text))
    by_id = {item.id: item for item in register.clauses}
    if len(by_id) != len(register.clauses):  # pragma: no cover - the data is tested
        raise InvalidInput.single("clauses", "clauses", "DUPLICATE_CLAUSE", "an id repeats")
    return MappingProxyType(by_id)


CLAUSES: Final[Mapping[str, Clause]] = _load()
"""Every clause of the signed protocol by id, in the order of the text (read-only)."""


def clause(clause_id: str, /) -> Clause:
    """The clause with id ``clause_id`` (e.g. ``"A5-1"``) from :data:`CLAUSES`.

    Raises :class:`~protocol_share.errors.InvalidInput`: ``WRONG_TYPE`` when the id is not a
    string, ``UNKNOWN_CLAUSE`` when the register has no such id.
    """
    found = CLAUSES.get(require_type(clause_id, str, "clause_id"))
    if found is None:
        raise InvalidInput.single(
            "arguments", "clause_id", "UNKNOWN_CLAUSE", "is not an id of the clause register"
        )
    return found
