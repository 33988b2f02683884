"""The transfer decision (recital C, art. 3 to 6, 11): rules as data, all evaluated, default deny.

A rule is a row of a table: the reason ``code`` it gives when it fails, the ``clause`` it
enforces, its ``group`` and a ``predicate`` that says whether it holds; its Dutch and
English texts are the catalogue's, keyed by the code. :func:`~protocol_share.decision._check.check_referral`
evaluates every row of :data:`REFERRAL_RULES` and never stops at the first failure; the
referral is allowed only when every rule holds. A predicate that does not answer ``True``
(``False``, anything else, or an exception) counts as a failure: default deny.

Time: ``at`` must be timezone-aware. Instants are compared as instants; the protocol's
boundaries (``in_force_from``, ``ends_on``) are Europe/Brussels calendar dates, so
2024-04-17T22:30Z (00:30 on the 18th in Brussels) is already inside the Torhout protocol.

    >>> [rule.code for rule in REFERRAL_RULES][:3]
    ['PROTOCOL_NOT_IN_FORCE', 'SENDER_NOT_AUTHORISED', 'SENDER_NO_SECRECY']
    >>> print(REFERRAL_RULES[0].requirement_en)
    The protocol is in force at the moment the data are sent or passed on: from its first day, before its end (Brussels calendar days).
"""

from __future__ import annotations

from datetime import date

from protocol_share._time import as_utc
from protocol_share.clientdata._fields import Address
from protocol_share.clientdata._identifiers import (
    address_identifier_kinds,
    forbidden_identifier_kinds,
)
from protocol_share.clientdata._phone import phone_holds_identifier
from protocol_share.clientdata._screening import all_screened, was_screened
from protocol_share.decision._consent import ALL_TOPICS
from protocol_share.decision._referral import Locality, Referral
from protocol_share.decision._table import PROTOCOL_IN_FORCE, Moment, Rule
from protocol_share.protocol._protocol import Protocol

__all__ = ["REFERRAL_RULES"]

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


def _lives_in(place: Address | Locality, protocol: Protocol) -> bool:
    return protocol.accepts_locality(place.postcode, place.municipality, place.country)


def _resident(referral: Referral, protocol: Protocol, _: Moment) -> bool:
    # Recital C (domicile) and art. 6 (residence): both in the municipality; each is the
    # contact address unless the referral names it. (Plain tests, no generator: this runs
    # on every decision.)
    domicile, residence = referral.domicile, referral.residence
    if domicile is None or residence is None:
        address = referral.client.address
        if not protocol.accepts_locality(address.postcode, address.municipality, address.country):
            return False
    if domicile is not None and not _lives_in(domicile, protocol):
        return False
    return residence is None or _lives_in(residence, protocol)


def _informed(referral: Referral, _: Protocol, __: Moment) -> bool:
    return referral.consent.explained >= ALL_TOPICS


def _not_withdrawn(referral: Referral, _: Protocol, moment: Moment) -> bool:
    withdrawn_at = referral.consent.withdrawn_at
    return withdrawn_at is None or as_utc(withdrawn_at) > moment.at


def _consent_before(referral: Referral, _: Protocol, moment: Moment) -> bool:
    return as_utc(referral.consent.given_at) <= moment.at


def consent_floor(protocol: Protocol) -> date:
    """The first day on which a consent can count (C-7, A11-1): the protocol's
    :attr:`~protocol_share.protocol._protocol.Protocol.consent_floor`."""
    return protocol.consent_floor


def _consent_not_before_protocol(referral: Referral, protocol: Protocol, moment: Moment) -> bool:
    # A transfer before the protocol's entry into force is refused by PROTOCOL_NOT_IN_FORCE
    # alone; from then on, a consent older than the protocol (or its sharing basis) cannot
    # have informed the client about this sharing.
    if moment.today < protocol.in_force_from:
        return True
    return referral.consent.given_on >= protocol.consent_floor


def _consent_fresh(referral: Referral, protocol: Protocol, moment: Moment) -> bool:
    # Brussels calendar days: the day of the consent not counted, the last day included.
    return (moment.today - referral.consent.given_on).days <= protocol.consent.max_age_days


def _consent_recipient(referral: Referral, protocol: Protocol, _: Moment) -> bool:
    return referral.consent.recipient_kbo == protocol.recipient.kbo


def _consent_covers_items(referral: Referral, _: Protocol, __: Moment) -> bool:
    return referral.client.items <= referral.consent.data_items


def _items_in_protocol(referral: Referral, protocol: Protocol, _: Moment) -> bool:
    return referral.client.items <= protocol.allowed_items


def _assessed(referral: Referral, _: Protocol, __: Moment) -> bool:
    return referral.assessed_appropriate is True


def _made_before(referral: Referral, _: Protocol, moment: Moment) -> bool:
    return as_utc(referral.created_at) <= moment.at


def _unscreened_texts(referral: Referral) -> list[str]:
    # The texts of every part that was not validated as it is now; a validated part ran
    # the forbidden-identifier guard on each of its texts already (spent once per input).
    client, consent, sender = referral.client, referral.consent, referral.sender
    address = client.address
    texts: list[str] = []
    if not was_screened(referral):
        texts.append(referral.referral_id)
    if not was_screened(client):
        texts += (client.first_name, client.last_name)
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
    return texts


def _unscreened_emails(referral: Referral) -> list[str]:
    # E-mail addresses are read as such (field="email"), not as free text.
    emails = []
    if not was_screened(referral.client) and referral.client.email:
        emails.append(referral.client.email)
    if not was_screened(referral.recipient):
        emails.append(referral.recipient.mailbox)
    return emails


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
    if any(
        forbidden_identifier_kinds(email, field="email") for email in _unscreened_emails(referral)
    ):
        return False
    address = referral.client.address
    if not was_screened(address) and address_identifier_kinds(
        address.street, address.house_number, address.box
    ):
        return False
    phone = referral.client.phone
    if phone is None or was_screened(referral.client):
        return True
    return not phone_holds_identifier(phone)


REFERRAL_RULES: tuple[Rule[Referral], ...] = (
    PROTOCOL_IN_FORCE,
    Rule("SENDER_NOT_AUTHORISED", "C-1", "sender", _sender_authorised, ("A5-1",)),
    Rule("SENDER_NO_SECRECY", "C-1", "sender", _sender_secrecy),
    Rule("NOT_ASSESSED", "A5-1", "sender", _assessed),
    Rule("REFERRAL_AFTER_DECISION", "A5-1", "sender", _made_before),
    Rule("RECIPIENT_NOT_AUTHORISED", "C-4", "recipient", _recipient_authorised, ("A6-1",)),
    Rule("RECIPIENT_NO_SECRECY", "C-5", "recipient", _recipient_secrecy),
    Rule("WRONG_MAILBOX", "A6-3", "recipient", _right_mailbox, ("A6-1",)),
    Rule("NOT_RESIDENT", "C-4", "recipient", _resident, ("A6-1",)),
    Rule("CONSENT_NOT_INFORMED", "C-6", "consent", _informed),
    Rule("CONSENT_WITHDRAWN", "C-7", "consent", _not_withdrawn),
    Rule("CONSENT_AFTER_TRANSFER", "C-7", "consent", _consent_before),
    Rule(
        "CONSENT_BEFORE_PROTOCOL",
        "C-7",
        "consent",
        _consent_not_before_protocol,
        ("C-6", "A11-1"),
    ),
    Rule("CONSENT_TOO_OLD", "A5-1", "consent", _consent_fresh, ("C-6", "C-7")),
    Rule("CONSENT_SCOPE_RECIPIENT", "C-7", "consent", _consent_recipient),
    Rule("CONSENT_SCOPE_DATA", "C-7", "consent", _consent_covers_items, ("A3-1", "A3-2")),
    Rule("DATA_ITEM_NOT_IN_PROTOCOL", "A3-3", "content", _items_in_protocol, ("A3-1", "A3-2")),
    Rule("FORBIDDEN_IDENTIFIER", "A3-3", "content", _no_forbidden_identifier),
)
"""The referral rules, in the order a decision lists their reasons (C-1 to C-7, A3-3,
A5-1, A6, A11-1): one row per rule, its code, clause, group and predicate."""
