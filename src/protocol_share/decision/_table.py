"""A rule table's machinery (DESIGN.md: rules are data): the row, the moment, the shared
protocol-in-force rule, evaluation (every rule, default deny) and the table as Markdown.

The tables themselves are :data:`protocol_share.decision._rules.REFERRAL_RULES` and
:data:`protocol_share.decision._onward.ONWARD_RULES`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Generic, Literal, NamedTuple, TypeVar

from protocol_share._text import texts
from protocol_share._time import BRUSSELS, as_utc, require_aware
from protocol_share.decision._decision import REASONS, Decision, Reason
from protocol_share.errors import InvalidInput
from protocol_share.protocol._protocol import Protocol
from protocol_share.protocol._torhout import TORHOUT

__all__ = [
    "Moment",
    "Rule",
    "RuleGroup",
    "evaluate",
    "in_force",
    "make_rule",
    "rules_for_article",
    "rules_markdown",
]

S = TypeVar("S")

RuleGroup = Literal["protocol", "sender", "recipient", "consent", "content", "onward"]
"""The groups of rules, one docs page each: the protocol in force; the sender and the
judgment (C-1, A5-1); the recipient and where the client lives (C-4, C-5, A6); the consent
(C-6, C-7); what is sent (A3); passing the data on (A4)."""


class Moment(NamedTuple):
    """The moment of a check (A11-1, C-7): the instant ``at`` (in UTC) and its Brussels ``today``.

    ``at`` is in UTC so that predicates order instants, not wall clocks: Python compares two
    datetimes of one zone by wall clock, which misorders the repeated hour in autumn.
    """

    at: datetime
    today: date


@dataclass(frozen=True, slots=True)
class Rule(Generic[S]):
    """One row of a rule table (DESIGN.md; C-1 to C-7, A3-3, A4, A5-1, A6, A11-1).

    ``predicate(subject, protocol, moment)`` answers ``True`` when the rule holds. When it
    does not, the decision carries :attr:`reason`: ``code``, ``clause`` and the messages of
    :data:`protocol_share.decision._decision.REASONS`. ``requirement_nl`` and ``requirement_en`` say
    what is enforced, for the DPO (from the language catalogues, ``rule.<table>.<code>``);
    ``see_also`` lists further clauses the rule serves.
    """

    code: str
    group: RuleGroup
    requirement_nl: str
    requirement_en: str
    predicate: Callable[[S, Protocol, Moment], bool] = field(repr=False)
    see_also: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.code not in REASONS:
            raise InvalidInput.single(
                "Rule", "code", "UNKNOWN_REASON_CODE", "is not a code of decision.REASONS"
            )

    @property
    def reason(self) -> Reason:
        """The reason this rule gives when it fails: code, clause, messages (DESIGN.md)."""
        return REASONS[self.code]

    @property
    def clause(self) -> str:
        """The clause id this rule enforces, e.g. ``C-7`` (the clause register, ``docs/clauses.md``)."""
        return REASONS[self.code].clause

    @property
    def message_nl(self) -> str:
        """The Dutch message of the reason; names no personal data (DESIGN.md)."""
        return REASONS[self.code].message_nl

    @property
    def message_en(self) -> str:
        """The English message of the reason; names no personal data (DESIGN.md)."""
        return REASONS[self.code].message_en


def make_rule(
    table: Literal["rule.referral", "rule.onward"],
    code: str,
    group: RuleGroup,
    predicate: Callable[[S, Protocol, Moment], bool],
    see_also: tuple[str, ...] = (),
) -> Rule[S]:
    # What the rule enforces lives in the language catalogues, under <table>.<code>.
    text = texts(f"{table}.{code}")
    return Rule(code, group, text.nl, text.en, predicate, see_also)


# --- the rule both tables share (A11-1) ------------------------------------------------------


def in_force(_: object, protocol: Protocol, moment: Moment) -> bool:
    # Protocol.status_at on the Brussels date evaluate() derived once; status_at itself would
    # derive it again from the instant on every call.
    if moment.today < protocol.in_force_from:
        return False
    return protocol.ends_on is None or moment.today < protocol.ends_on


# --- evaluation ----------------------------------------------------------------------------


def evaluate(
    rules: Sequence[Rule[S]], subject: S, protocol: Protocol = TORHOUT, *, at: datetime
) -> Decision:
    """Evaluate every rule of ``rules`` against ``subject`` at ``at``; default deny (DESIGN.md).

    Every rule runs, whatever failed before it; the decision lists the reason of each rule
    that does not hold, in canonical order, so the order of the table never matters. A
    predicate that answers anything but ``True``, or raises, fails its rule. An empty table
    allows nothing: it raises :class:`InvalidInput` (``NO_RULES``).
    """
    at = require_aware(at)
    if not rules:
        raise InvalidInput.single("arguments", "rules", "NO_RULES", "an empty rule table")
    moment = Moment(as_utc(at), at.astimezone(BRUSSELS).date())
    failed: list[Reason] = []
    for rule in rules:
        try:
            holds = rule.predicate(subject, protocol, moment) is True
        except Exception:  # default deny: a rule that cannot answer is not satisfied
            holds = False
        if not holds:
            failed.append(rule.reason)
    return Decision.of(failed)


# --- the table as documentation -------------------------------------------------------------


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def rules_for_article(rules: Iterable[Rule[S]], article: str) -> tuple[Rule[S], ...]:
    """The rules that serve a part of the protocol (C-1 to C-7, A3 to A11): ``article`` is a
    clause id's prefix, ``"C"`` for the recitals or ``"A6"`` for article 6, matched against
    each rule's clause and its further clauses."""
    return tuple(
        rule
        for rule in rules
        if any(clause.split("-")[0] == article for clause in (rule.clause, *rule.see_also))
    )


def rules_markdown(rules: Iterable[Rule[S]], group: RuleGroup | None = None) -> str:
    """The rule table as Markdown, verbatim from the code, for the DPO (DESIGN.md; C-1 to C-7, A4).

    One row per rule (optionally of one ``group``): code, clause (and further clauses),
    what is enforced in Dutch and English, and the Dutch and English messages of the reason.
    """
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
