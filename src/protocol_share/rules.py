"""The transfer decision (recital C, art. 3 to 6, 11): rules as data, all evaluated, default deny.

A rule is a row of a table: the reason ``code`` it gives when it fails, the ``clause`` it
enforces, a ``predicate`` that says whether it holds, and the Dutch and English messages
of that reason (from :data:`protocol_share.decision.REASONS`). :func:`check_referral`
evaluates every row of :data:`REFERRAL_RULES` and never stops at the first failure; the
referral is allowed only when every rule holds. A predicate that does not answer ``True``
(``False``, anything else, or an exception) counts as a failure: default deny.

Time: ``at`` must be timezone-aware. Instants are compared as instants; the protocol's
boundaries (``in_force_from``, ``ends_on``) are Europe/Brussels calendar dates, so
2024-04-17T22:30Z (00:30 on the 18th in Brussels) is already inside the Torhout protocol.

    >>> [rule.code for rule in REFERRAL_RULES][:3]
    ['PROTOCOL_NOT_IN_FORCE', 'SENDER_NOT_AUTHORISED', 'SENDER_NO_SECRECY']
    >>> print(REFERRAL_RULES[0].requirement_en)
    The protocol is in force at the moment of the transfer: from its first day, before its end.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Generic, Literal, NamedTuple, TypeVar

from protocol_share._checks import wrong_type
from protocol_share._screening import all_screened, was_screened
from protocol_share._time import BRUSSELS, as_utc, require_aware
from protocol_share.consent import ALL_TOPICS
from protocol_share.decision import REASONS, Decision, Reason
from protocol_share.errors import InvalidInput
from protocol_share.fields import DataItem
from protocol_share.identifiers import forbidden_identifier_kinds
from protocol_share.locale import texts
from protocol_share.protocol import Protocol
from protocol_share.referral import OnwardShare, Referral
from protocol_share.torhout import TORHOUT

__all__ = [
    "ONWARD_RULES",
    "REFERRAL_RULES",
    "Moment",
    "Rule",
    "RuleGroup",
    "check_onward_share",
    "check_referral",
    "evaluate",
    "rules_for_article",
    "rules_markdown",
]

S = TypeVar("S")

RuleGroup = Literal["protocol", "sender", "recipient", "consent", "content", "onward"]
"""The groups of rules, one docs page each: the protocol in force; the sender and the
judgment (C-1, A5-1); the recipient and where the client lives (C-4, C-5, A6); the consent
(C-6, C-7); what is sent (A3); passing the data on (A4)."""

LOCAL_TEAM_MEMBER = "local_team_member"
SOCIAL_WORKER = "social_worker"
BREED_ONTHAAL_ACTOR = "breed_onthaal_actor"


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
    :data:`protocol_share.decision.REASONS`. ``requirement_nl`` and ``requirement_en`` say
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
        """The clause id this rule enforces, e.g. ``C-7`` (``protocol/CLAUSES.md``)."""
        return REASONS[self.code].clause

    @property
    def message_nl(self) -> str:
        """The Dutch message of the reason; names no personal data (DESIGN.md)."""
        return REASONS[self.code].message_nl

    @property
    def message_en(self) -> str:
        """The English message of the reason; names no personal data (DESIGN.md)."""
        return REASONS[self.code].message_en


def _rule(
    table: Literal["rule.referral", "rule.onward"],
    code: str,
    group: RuleGroup,
    predicate: Callable[[S, Protocol, Moment], bool],
    see_also: tuple[str, ...] = (),
) -> Rule[S]:
    # What the rule enforces lives in the language catalogues, under <table>.<code>.
    text = texts(f"{table}.{code}")
    return Rule(code, group, text.nl, text.en, predicate, see_also)


# --- the referral rules -------------------------------------------------------------------


def _in_force(_: object, protocol: Protocol, moment: Moment) -> bool:
    # Protocol.status_at on the Brussels date evaluate() derived once; status_at itself would
    # derive it again from the instant on every call.
    if moment.today < protocol.in_force_from:
        return False
    return protocol.ends_on is None or moment.today < protocol.ends_on


def _sender_authorised(referral: Referral, protocol: Protocol, _: Moment) -> bool:
    sender = referral.sender
    return sender.role == LOCAL_TEAM_MEMBER and sender.team == protocol.team


def _sender_secrecy(referral: Referral, _: Protocol, __: Moment) -> bool:
    return referral.sender.professional_secrecy is True


def _recipient_authorised(referral: Referral, protocol: Protocol, _: Moment) -> bool:
    recipient = referral.recipient
    return recipient.role == SOCIAL_WORKER and recipient.organisation_kbo == protocol.recipient.kbo


def _recipient_secrecy(referral: Referral, _: Protocol, __: Moment) -> bool:
    return referral.recipient.professional_secrecy is True


def _right_mailbox(referral: Referral, protocol: Protocol, _: Moment) -> bool:
    # Mail systems treat addresses case-insensitively in practice; compare that way.
    return referral.recipient.mailbox.casefold() == protocol.mailbox.casefold()


def _resident(referral: Referral, protocol: Protocol, _: Moment) -> bool:
    address = referral.client.address
    return address.country == "BE" and address.postcode in protocol.postcodes


def _informed(referral: Referral, _: Protocol, __: Moment) -> bool:
    return referral.consent.explained >= ALL_TOPICS


def _not_withdrawn(referral: Referral, _: Protocol, moment: Moment) -> bool:
    withdrawn_at = referral.consent.withdrawn_at
    return withdrawn_at is None or as_utc(withdrawn_at) > moment.at


def _consent_before(referral: Referral, _: Protocol, moment: Moment) -> bool:
    return as_utc(referral.consent.given_at) <= moment.at


def _consent_recipient(referral: Referral, protocol: Protocol, _: Moment) -> bool:
    return referral.consent.recipient_kbo == protocol.recipient.kbo


def _items_sent(referral: Referral) -> frozenset[DataItem]:
    # ClientData.items, as shared constants: that property builds a new set on each call,
    # and two rules ask for it in every decision (benchmarks/bench_decision.py).
    client = referral.client
    if client.phone is None:
        return _NAME_ADDRESS if client.email is None else _NAME_ADDRESS_EMAIL
    return _NAME_ADDRESS_PHONE if client.email is None else _ALL_ITEMS


_NAME_ADDRESS = frozenset({DataItem.NAME, DataItem.ADDRESS})
_NAME_ADDRESS_PHONE = _NAME_ADDRESS | {DataItem.PHONE}
_NAME_ADDRESS_EMAIL = _NAME_ADDRESS | {DataItem.EMAIL}
_ALL_ITEMS = frozenset(DataItem)


def _consent_covers_items(referral: Referral, _: Protocol, __: Moment) -> bool:
    return _items_sent(referral) <= referral.consent.data_items


def _items_in_protocol(referral: Referral, protocol: Protocol, _: Moment) -> bool:
    return _items_sent(referral) <= protocol.allowed_items


def _assessed(referral: Referral, _: Protocol, __: Moment) -> bool:
    return referral.assessed_appropriate is True


def _made_before(referral: Referral, _: Protocol, moment: Moment) -> bool:
    return as_utc(referral.created_at) <= moment.at


def _unscreened_texts(referral: Referral) -> list[str]:
    # The texts of every part that was not validated as it is now; a validated part ran
    # the forbidden-identifier guard on each of its texts already (spent once per input).
    client, consent, sender, recipient = (
        referral.client,
        referral.consent,
        referral.sender,
        referral.recipient,
    )
    address = client.address
    texts: list[str] = []
    if not was_screened(referral):
        texts.append(referral.referral_id)
    if not was_screened(client):
        texts += (client.first_name, client.last_name, client.email or "")
    if not was_screened(address):
        texts += (
            address.street,
            address.house_number,
            address.box or "",
            address.postcode,
            address.municipality,
            address.country,
        )
    if not was_screened(consent):
        texts += (consent.consent_id, consent.information_notice, consent.recorded_by)
    if not was_screened(sender):
        texts += (sender.member_id, sender.team)
    if not was_screened(recipient):
        texts.append(recipient.mailbox)
    return texts


def _no_forbidden_identifier(referral: Referral, _: Protocol, __: Moment) -> bool:
    if all_screened(
        referral,
        referral.client,
        referral.client.address,
        referral.consent,
        referral.sender,
        referral.recipient,
    ):
        return True  # every text passed the guard when validated
    texts = _unscreened_texts(referral)
    # One scan of the texts joined by newlines finds what a scan of each would: no digit
    # run or IBAN candidate crosses a newline.
    if texts and forbidden_identifier_kinds("\n".join(texts)):
        return False
    phone = referral.client.phone
    if phone is None or was_screened(referral.client):
        return True
    # The phone field's own guard: a whole national or BIS number (a valid phone number in
    # national notation has the KBO shape, so KBO is not looked for there).
    return not forbidden_identifier_kinds(phone, whole_runs_only=True, include_kbo=False)


REFERRAL_RULES: tuple[Rule[Referral], ...] = (
    _rule(
        "rule.referral",
        "PROTOCOL_NOT_IN_FORCE",
        "protocol",
        _in_force,
        ("A5-2", "A8-1", "A11-2", "A11-3"),
    ),
    _rule("rule.referral", "SENDER_NOT_AUTHORISED", "sender", _sender_authorised, ("A5-1",)),
    _rule("rule.referral", "SENDER_NO_SECRECY", "sender", _sender_secrecy),
    _rule("rule.referral", "NOT_ASSESSED", "sender", _assessed),
    _rule("rule.referral", "REFERRAL_AFTER_DECISION", "sender", _made_before),
    _rule(
        "rule.referral", "RECIPIENT_NOT_AUTHORISED", "recipient", _recipient_authorised, ("A6-1",)
    ),
    _rule("rule.referral", "RECIPIENT_NO_SECRECY", "recipient", _recipient_secrecy),
    _rule("rule.referral", "WRONG_MAILBOX", "recipient", _right_mailbox, ("A6-1",)),
    _rule("rule.referral", "NOT_RESIDENT", "recipient", _resident, ("A6-1",)),
    _rule("rule.referral", "CONSENT_NOT_INFORMED", "consent", _informed),
    _rule("rule.referral", "CONSENT_WITHDRAWN", "consent", _not_withdrawn),
    _rule("rule.referral", "CONSENT_AFTER_TRANSFER", "consent", _consent_before),
    _rule("rule.referral", "CONSENT_SCOPE_RECIPIENT", "consent", _consent_recipient),
    _rule(
        "rule.referral", "CONSENT_SCOPE_DATA", "consent", _consent_covers_items, ("A3-1", "A3-2")
    ),
    _rule(
        "rule.referral",
        "DATA_ITEM_NOT_IN_PROTOCOL",
        "content",
        _items_in_protocol,
        ("A3-1", "A3-2"),
    ),
    _rule("rule.referral", "FORBIDDEN_IDENTIFIER", "content", _no_forbidden_identifier),
)
"""The referral rules, in the order the docs list them (C-1 to C-7, A3-3, A5-1, A6, A11-1)."""


# --- the onward-share rules (art. 4) -------------------------------------------------------


def _onward_kind_allowed(share: OnwardShare, protocol: Protocol, _: Moment) -> bool:
    return any(onward.kind == share.kind for onward in protocol.onward_recipients)


def _onward_own_social_worker(share: OnwardShare, protocol: Protocol, _: Moment) -> bool:
    return share.kind != SOCIAL_WORKER or share.organisation_kbo == protocol.recipient.kbo


def _onward_secrecy(share: OnwardShare, protocol: Protocol, _: Moment) -> bool:
    for onward in protocol.onward_recipients:
        if onward.kind == share.kind and onward.requires_professional_secrecy:
            return share.professional_secrecy is True
    return True


def _onward_partner(share: OnwardShare, _: Protocol, __: Moment) -> bool:
    return share.kind != BREED_ONTHAAL_ACTOR or share.breed_onthaal_partner is True


ONWARD_RULES: tuple[Rule[OnwardShare], ...] = (
    _rule(
        "rule.onward",
        "PROTOCOL_NOT_IN_FORCE",
        "protocol",
        _in_force,
        ("A5-2", "A8-1", "A11-2", "A11-3"),
    ),
    _rule("rule.onward", "ONWARD_RECIPIENT_NOT_ALLOWED", "onward", _onward_kind_allowed, ("A4-2",)),
    _rule("rule.onward", "ONWARD_NOT_OWN_SOCIAL_WORKER", "onward", _onward_own_social_worker),
    _rule("rule.onward", "ONWARD_NO_SECRECY", "onward", _onward_secrecy),
    _rule("rule.onward", "ONWARD_NOT_PARTNER", "onward", _onward_partner),
)
"""The art. 4 rules for the OCMW passing data on (A4-1, A4-2, A11-1)."""


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


def check_referral(referral: Referral, protocol: Protocol = TORHOUT, *, at: datetime) -> Decision:
    """May this referral be sent at ``at``? (C-1 to C-7, A3-3, A5-1, A6-1, A6-3, A11-1)

    Evaluates every rule of :data:`REFERRAL_RULES`; allowed only when all hold (default
    deny). ``at`` must be timezone-aware (a naive one raises :class:`InvalidInput`); the
    protocol's dates are Europe/Brussels calendar dates.
    """
    if not isinstance(referral, Referral):
        raise wrong_type(referral, Referral, "referral")
    if not isinstance(protocol, Protocol):
        raise wrong_type(protocol, Protocol, "protocol")
    return evaluate(REFERRAL_RULES, referral, protocol, at=at)


def check_onward_share(
    share: OnwardShare, protocol: Protocol = TORHOUT, *, at: datetime
) -> Decision:
    """May the OCMW pass the data on to this person at ``at``? (A4-1, A4-2, A11-1)

    Allowed for the OCMW's own social worker bound by professional secrecy (A4-1) and for
    an actor of the "geïntegreerd breed onthaal" partnership (A4-2); any other recipient is
    refused with a reason. Every rule of :data:`ONWARD_RULES` is evaluated.
    """
    if not isinstance(share, OnwardShare):
        raise wrong_type(share, OnwardShare, "share")
    if not isinstance(protocol, Protocol):
        raise wrong_type(protocol, Protocol, "protocol")
    return evaluate(ONWARD_RULES, share, protocol, at=at)


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
