"""A rule table's row and its reason (docs/design.md: rules are data): one row holds a rule's
code, clause, group and predicate; its texts are in the language catalogues under the code.

The tables themselves are :data:`protocol_share.decision._rules.REFERRAL_RULES` and
:data:`protocol_share.decision._onward.ONWARD_RULES`; :data:`PROTOCOL_IN_FORCE` is the row
both share. Each row's reason (:class:`Reason`) is built once, when the row is made, from
the catalogue keys ``rule.<code>.reason``; what the rule enforces is ``rule.<code>.requirement``.

    >>> PROTOCOL_IN_FORCE.code, PROTOCOL_IN_FORCE.clause, PROTOCOL_IN_FORCE.group
    ('PROTOCOL_NOT_IN_FORCE', 'A11-1', 'protocol')
    >>> print(PROTOCOL_IN_FORCE.reason.message_en)
    The protocol is not in force at that moment (not yet started, or ended).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Annotated, Generic, Literal, NamedTuple, TypeVar

from pydantic import Field

from protocol_share._model import FrozenModel, require_items, require_type
from protocol_share._text import LANGS, Lang, catalogue, message
from protocol_share.errors import InvalidInput
from protocol_share.protocol._protocol import Protocol

__all__ = [
    "PROTOCOL_IN_FORCE",
    "Moment",
    "Reason",
    "Rule",
    "RuleGroup",
    "rules_for_article",
    "rules_markdown",
]

S = TypeVar("S", contravariant=True)  # a row for any object serves every table

RuleGroup = Literal["protocol", "sender", "recipient", "consent", "content", "onward"]
"""The groups of rules, one docs page each: the protocol in force; the sender and the
judgment (C-1, A5-1); the recipient and where the client lives (C-4, C-5, A6); the consent
(C-6, C-7); what is sent (A3); passing the data on (A4)."""

_PARTS = ("reason", "requirement")


class Reason(FrozenModel):
    """Why a rule failed (C-1 to C-7, A3-3, A4, A5, A6, A11): a stable ``code``, the
    ``clause`` id it enforces, and a ``message_nl`` and ``message_en`` without personal data.
    """

    code: Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9_]*$")]
    clause: Annotated[str, Field(pattern=r"^(C|D|E|A\d+)-\d+$")]
    message_nl: Annotated[str, Field(min_length=1)]
    message_en: Annotated[str, Field(min_length=1)]


class Moment(NamedTuple):
    """The moment of a check (A11-1, C-7): the instant ``at`` (in UTC) and its Brussels ``today``.

    ``at`` is in UTC so that predicates order instants, not wall clocks: Python compares two
    datetimes of one zone by wall clock, which misorders the repeated hour in autumn.
    """

    at: datetime
    today: date


@dataclass(frozen=True, slots=True)
class Rule(Generic[S]):
    """One row of a rule table (docs/design.md; C-1 to C-7, A3-3, A4, A5-1, A6, A11-1).

    ``code`` is the reason a failed rule gives, ``clause`` the clause id it enforces,
    ``group`` its docs page, ``predicate(subject, protocol, moment)`` answers ``True`` when
    the rule holds, and ``see_also`` lists further clauses it serves. Its texts are the
    catalogue's, keyed by the code alone: :attr:`reason` carries the messages
    (``rule.<code>.reason``), :attr:`requirement_nl` and :attr:`requirement_en` say what is
    enforced, for the DPO (``rule.<code>.requirement``). A code without texts in the
    catalogue raises :class:`InvalidInput` (``UNKNOWN_REASON_CODE``), and so do a code or
    clause of the wrong shape (the :class:`Reason`'s own checks).
    """

    code: str
    clause: str
    group: RuleGroup
    predicate: Callable[[S, Protocol, Moment], bool] = field(repr=False, compare=False)
    see_also: tuple[str, ...] = ()
    reason: Reason = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        key = f"rule.{self.code}"
        if not all(f"{key}.{part}" in catalogue(lang) for lang in LANGS for part in _PARTS):
            raise InvalidInput.single(
                "Rule", "code", "UNKNOWN_REASON_CODE", "has no texts in the catalogue"
            )
        reason = Reason(
            code=self.code,
            clause=self.clause,
            message_nl=message(f"{key}.reason", "nl"),
            message_en=message(f"{key}.reason", "en"),
        )
        object.__setattr__(self, "reason", reason)  # built once: evaluate() hands it out

    def requirement(self, lang: Lang) -> str:
        """What this rule enforces, in ``lang`` (docs/design.md; for the DPO)."""
        return message(f"rule.{self.code}.requirement", lang)

    @property
    def requirement_nl(self) -> str:
        """What this rule enforces, in Dutch (docs/design.md)."""
        return self.requirement("nl")

    @property
    def requirement_en(self) -> str:
        """What this rule enforces, in English (docs/design.md)."""
        return self.requirement("en")

    @property
    def message_nl(self) -> str:
        """The Dutch message of the reason; names no personal data (docs/design.md)."""
        return self.reason.message_nl

    @property
    def message_en(self) -> str:
        """The English message of the reason; names no personal data (docs/design.md)."""
        return self.reason.message_en


# --- the row both tables share (A11-1) -------------------------------------------------------


def _in_force(_: object, protocol: Protocol, moment: Moment) -> bool:
    return protocol._status_in(moment.today, moment.at) == "in_force"


PROTOCOL_IN_FORCE: Rule[object] = Rule(
    "PROTOCOL_NOT_IN_FORCE",
    "A11-1",
    "protocol",
    _in_force,
    ("A5-2", "A8-1", "A11-2", "A11-3"),
)
"""The protocol is in force at the moment of the check (A11-1; A5-2, A8-1, A11-2, A11-3)."""


# --- the table as documentation -------------------------------------------------------------


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def rules_for_article(rules: Iterable[Rule[S]], article: str) -> tuple[Rule[S], ...]:
    """The rules that serve a part of the protocol (C-1 to C-7, A3 to A11): ``article`` is a
    clause id's prefix, ``"C"`` for the recitals or ``"A6"`` for article 6, matched against
    each rule's clause and its further clauses."""
    rules = require_items(rules, Rule, "rules")
    article = require_type(article, str, "article")
    return tuple(
        rule
        for rule in rules
        if any(clause.split("-")[0] == article for clause in (rule.clause, *rule.see_also))
    )


def rules_markdown(rules: Iterable[Rule[S]], group: RuleGroup | None = None) -> str:
    """The rule table as Markdown, verbatim from the code, for the DPO (docs/design.md; C-1 to C-7, A4).

    One row per rule (optionally of one ``group``): code, clause (and further clauses),
    what is enforced in Dutch and English, and the Dutch and English messages of the reason.
    """
    rules = require_items(rules, Rule, "rules")
    lines = [
        "| code | clause | vereiste (nl) | requirement (en) | reden (nl) | reason (en) |",
        "|---|---|---|---|---|---|",
    ]
    for rule in rules:
        if group is not None and rule.group != group:
            continue
        clauses = ", ".join((rule.clause, *rule.see_also))
        lines.append(
            f"| `{rule.code}` | {clauses} | {_cell(rule.requirement_nl)} | "
            f"{_cell(rule.requirement_en)} | "
            f"{_cell(rule.message_nl)} | {_cell(rule.message_en)} |"
        )
    return "\n".join(lines) + "\n"
