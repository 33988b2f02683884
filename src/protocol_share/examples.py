"""Example data for demos, documentation and test fixtures: a referral that keeps every rule,
its consent, retention cases, a breach notice and a quality notice.

Pure builders: nothing is read from a clock; the caller passes ``at``. The client is
invented ("An Peeters" at the Markt in Torhout) and carries no real identifier.

    >>> from datetime import datetime, timezone
    >>> from protocol_share import TORHOUT, check_referral
    >>> at = datetime(2025, 3, 3, 9, tzinfo=timezone.utc)
    >>> check_referral(example_referral(TORHOUT, at=at), TORHOUT, at=at).allowed
    True
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from protocol_share._model import require_type
from protocol_share._time import BRUSSELS, as_utc, later, require_aware
from protocol_share.clientdata._fields import Address, ClientData, DataItem
from protocol_share.decision._consent import ALL_TOPICS, Consent
from protocol_share.decision._referral import Recipient, Referral, Sender
from protocol_share.decision._rules import consent_floor
from protocol_share.notices import BreachNotice, QualityNotice, WithdrawalNotice
from protocol_share.protocol._protocol import Protocol
from protocol_share.protocol._torhout import TORHOUT
from protocol_share.retention import RetentionCase

__all__ = [
    "example_breach_notice",
    "example_client",
    "example_consent",
    "example_quality_notice",
    "example_referral",
    "example_retention_cases",
    "example_withdrawal_notice",
]


def example_client(protocol: Protocol = TORHOUT) -> ClientData:
    """An invented client living in the protocol's municipality (A3-1, A3-2)."""
    protocol = require_type(protocol, Protocol, "protocol")
    return ClientData(
        first_name="An",
        last_name="Peeters",
        address=Address(
            street="Markt",
            house_number="1",
            postcode=min(protocol.postcodes),
            municipality=protocol.municipality,
        ),
        phone="+32 470 12 34 56",
        email="an.peeters@example.be",
    )


def example_referral(
    protocol: Protocol = TORHOUT, *, at: datetime, client: ClientData | None = None
) -> Referral:
    """A referral that keeps every rule of ``check_referral`` at ``at`` (C-1 to C-7, A5-1).

    Consent was given, fully informed, two days before ``at`` for exactly the items the
    client data holds; the referral was made five minutes before ``at``.
    """
    protocol = require_type(protocol, Protocol, "protocol")
    at = require_aware(at)
    client = (
        example_client(protocol) if client is None else require_type(client, ClientData, "client")
    )
    return Referral(
        referral_id="example-referral-1",
        client=client,
        consent=example_consent(protocol, at=at, data_items=client.items),
        sender=Sender(member_id="example-member-1", team=protocol.team),
        recipient=Recipient(organisation_kbo=protocol.recipient.kbo, mailbox=protocol.mailbox),
        assessed_appropriate=True,
        created_at=later(at, -timedelta(minutes=5)),
    )


def example_consent(
    protocol: Protocol = TORHOUT,
    *,
    at: datetime,
    data_items: frozenset[DataItem] | None = None,
) -> Consent:
    """Informed, written consent given two days before ``at`` (but not before the protocol
    entered into force, when ``at`` is after it) to the protocol's recipient (recital C;
    C-6, C-7): every topic explained, for ``data_items`` (default: the items of
    :func:`example_client`)."""
    protocol = require_type(protocol, Protocol, "protocol")
    at = require_aware(at)
    given_at = later(at, -timedelta(days=2))
    # Never before the protocol (CONSENT_BEFORE_PROTOCOL): on its first days, at its start.
    floor = datetime.combine(consent_floor(protocol), time(), tzinfo=BRUSSELS)
    if as_utc(given_at) < as_utc(floor) <= as_utc(at):
        given_at = floor
    return Consent(
        consent_id="example-consent-1",
        given_at=given_at,
        method="written",
        information_notice="example-infofiche-v1",
        explained=ALL_TOPICS,
        recipient_kbo=protocol.recipient.kbo,
        data_items=data_items if data_items is not None else example_client(protocol).items,
        recorded_by="example-member-1",
    )


def example_retention_cases(*, at: datetime, prefix: str = "example") -> tuple[RetentionCase, ...]:
    """Four cases that, at ``at``, show each retention outcome (A3-4 to A3-6).

    ``{prefix}-1`` awaits contact (keep), ``{prefix}-2`` declined (delete), ``{prefix}-3``
    could not be reached 95 days ago (review, after Torhout's 90 days), ``{prefix}-4`` is a
    client file closed a year ago (keep for ten calendar years).

        >>> from datetime import datetime, timezone
        >>> from protocol_share.retention import retention_decision
        >>> at = datetime(2025, 3, 3, 9, tzinfo=timezone.utc)
        >>> [retention_decision(c, at=at).action for c in example_retention_cases(at=at)]
        ['keep', 'delete', 'review', 'keep']
    """
    at = require_aware(at)
    day = timedelta(days=1)
    later(at, -4 * 366 * day)  # OUT_OF_RANGE near the year 1, before any arithmetic
    opened = at - relativedelta(years=3)
    return (
        RetentionCase.received(at - 2 * day, case_id=f"{prefix}-1"),
        RetentionCase.received(at - 10 * day, case_id=f"{prefix}-2").contacted(
            at - 9 * day, "declined"
        ),
        RetentionCase.received(at - 100 * day, case_id=f"{prefix}-3").contacted(
            at - 95 * day, "unreachable"
        ),
        RetentionCase.received(opened - 3 * day, case_id=f"{prefix}-4")
        .contacted(opened - 2 * day, "wants_help")
        .dossier_opened(opened)
        .dossier_closed(at - relativedelta(years=1)),
    )


def example_breach_notice(*, aware_at: datetime, notice_id: str = "example-lek-1") -> BreachNotice:
    """A first breach notice drawn up two hours after ``aware_at`` (A9-1 to A9-4; GDPR
    art. 33(3)): the OCMW e-mailed one encrypted referral to a wrong, known address.

        >>> from datetime import datetime, timezone
        >>> notice = example_breach_notice(aware_at=datetime(2025, 3, 28, 15, tzinfo=timezone.utc))
        >>> notice.severity().level, notice.other_party_must_be_notified
        ('medium', True)
    """
    aware_at = require_aware(aware_at, "aware_at")
    return BreachNotice(
        notice_id=notice_id,
        reporter="recipient",
        cause="misdirected_email",
        aware_at=aware_at,
        issued_at=later(aware_at, timedelta(hours=2), "aware_at"),
        confidentiality="known_recipients",
        data_items=frozenset({DataItem.NAME, DataItem.ADDRESS, DataItem.PHONE}),
        data_subjects=1,
        records=1,
        consequences=frozenset({"disclosure_of_social_situation"}),
        measures_taken=frozenset({"deletion_requested"}),
        both_parties_affected=True,
        encrypted=True,
    )


def example_quality_notice(
    *, found_at: datetime, notice_id: str = "example-kwaliteit-1"
) -> QualityNotice:
    """A quality notice (A7-1): at ``found_at`` the OCMW finds the phone number of
    :func:`example_referral`'s client erroneous and tells Opgroeien at once.

        >>> from datetime import datetime, timezone
        >>> notice = example_quality_notice(found_at=datetime(2025, 3, 3, 9, tzinfo=timezone.utc))
        >>> notice.referral_id, notice.data_item.value, notice.delay.total_seconds()
        ('example-referral-1', 'phone', 0.0)
    """
    found_at = require_aware(found_at, "found_at")
    return QualityNotice(
        notice_id=notice_id,
        referral_id="example-referral-1",
        data_item=DataItem.PHONE,
        kind="erroneous",
        found_by="recipient",
        found_at=found_at,
        notified_at=found_at,
    )


def example_withdrawal_notice(
    *, sent_at: datetime, notice_id: str = "example-intrekking-1"
) -> WithdrawalNotice:
    """A withdrawal notice (C-7): :func:`example_referral` was sent at ``sent_at``; a week
    later the client withdraws consent and Opgroeien tells the OCMW two hours after that.

        >>> from datetime import datetime, timezone
        >>> notice = example_withdrawal_notice(sent_at=datetime(2025, 3, 3, 9, tzinfo=timezone.utc))
        >>> notice.referral_id, notice.withdrawn_at.isoformat(), notice.delay.total_seconds()
        ('example-referral-1', '2025-03-10T09:00:00+00:00', 7200.0)
    """
    sent_at = require_aware(sent_at, "sent_at")
    withdrawn_at = later(sent_at, timedelta(days=7), "sent_at")
    return WithdrawalNotice(
        notice_id=notice_id,
        referral_id="example-referral-1",
        consent_id="example-consent-1",
        sent_at=sent_at,
        withdrawn_at=withdrawn_at,
        notified_at=later(withdrawn_at, timedelta(hours=2), "sent_at"),
    )
