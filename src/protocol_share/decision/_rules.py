"""The transfer decision (recital C, art. 3 to 6, 11): rules as data, all evaluated, default deny.

A rule is a row of a table: the reason ``code`` it gives when it fails, the ``clause`` it
enforces, a ``predicate`` that says whether it holds, and the Dutch and English messages
of that reason (from :data:`protocol_share.decision._decision.REASONS`). :func:`check_referral`
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

from datetime import datetime

from protocol_share._model import wrong_type
from protocol_share._time import as_utc, require_instants
from protocol_share.clientdata._fields import DataItem, phone_holds_identifier
from protocol_share.clientdata._identifiers import forbidden_identifier_kinds
from protocol_share.clientdata._screening import all_screened, was_screened
from protocol_share.decision._consent import ALL_TOPICS
from protocol_share.decision._decision import Decision
from protocol_share.decision._onward import ONWARD_RULES, check_onward_share
from protocol_share.decision._referral import Referral
from protocol_share.decision._table import (
    Moment,
    Rule,
    RuleGroup,
    evaluate,
    in_force,
    make_rule,
    rules_for_article,
    rules_markdown,
)
from protocol_share.protocol._protocol import Protocol
from protocol_share.protocol._torhout import TORHOUT

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

LOCAL_TEAM_MEMBER = "local_team_member"
SOCIAL_WORKER = "social_worker"


# --- the referral rules -------------------------------------------------------------------


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
    return not phone_holds_identifier(phone)


REFERRAL_RULES: tuple[Rule[Referral], ...] = (
    make_rule(
        "rule.referral",
        "PROTOCOL_NOT_IN_FORCE",
        "protocol",
        in_force,
        ("A5-2", "A8-1", "A11-2", "A11-3"),
    ),
    make_rule("rule.referral", "SENDER_NOT_AUTHORISED", "sender", _sender_authorised, ("A5-1",)),
    make_rule("rule.referral", "SENDER_NO_SECRECY", "sender", _sender_secrecy),
    make_rule("rule.referral", "NOT_ASSESSED", "sender", _assessed),
    make_rule("rule.referral", "REFERRAL_AFTER_DECISION", "sender", _made_before),
    make_rule(
        "rule.referral", "RECIPIENT_NOT_AUTHORISED", "recipient", _recipient_authorised, ("A6-1",)
    ),
    make_rule("rule.referral", "RECIPIENT_NO_SECRECY", "recipient", _recipient_secrecy),
    make_rule("rule.referral", "WRONG_MAILBOX", "recipient", _right_mailbox, ("A6-1",)),
    make_rule("rule.referral", "NOT_RESIDENT", "recipient", _resident, ("A6-1",)),
    make_rule("rule.referral", "CONSENT_NOT_INFORMED", "consent", _informed),
    make_rule("rule.referral", "CONSENT_WITHDRAWN", "consent", _not_withdrawn),
    make_rule("rule.referral", "CONSENT_AFTER_TRANSFER", "consent", _consent_before),
    make_rule("rule.referral", "CONSENT_SCOPE_RECIPIENT", "consent", _consent_recipient),
    make_rule(
        "rule.referral", "CONSENT_SCOPE_DATA", "consent", _consent_covers_items, ("A3-1", "A3-2")
    ),
    make_rule(
        "rule.referral",
        "DATA_ITEM_NOT_IN_PROTOCOL",
        "content",
        _items_in_protocol,
        ("A3-1", "A3-2"),
    ),
    make_rule("rule.referral", "FORBIDDEN_IDENTIFIER", "content", _no_forbidden_identifier),
)
"""The referral rules, in the order the docs list them (C-1 to C-7, A3-3, A5-1, A6, A11-1)."""


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
    require_instants(referral, "referral")
    return evaluate(REFERRAL_RULES, referral, protocol, at=at)
