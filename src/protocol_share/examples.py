"""Example data for demos, documentation and test fixtures: a referral that keeps every rule.

Pure builders: nothing is read from a clock; the caller passes ``at``. The client is
invented ("An Peeters" at the Markt in Torhout) and carries no real identifier.

    >>> from datetime import datetime, timezone
    >>> from protocol_share import TORHOUT, check_referral
    >>> at = datetime(2025, 3, 3, 9, tzinfo=timezone.utc)
    >>> check_referral(example_referral(TORHOUT, at=at), TORHOUT, at=at).allowed
    True
"""

from __future__ import annotations

from datetime import datetime, timedelta

from protocol_share._time import require_aware
from protocol_share.consent import ALL_TOPICS, Consent
from protocol_share.fields import Address, ClientData
from protocol_share.protocol import Protocol
from protocol_share.referral import Recipient, Referral, Sender
from protocol_share.torhout import TORHOUT

__all__ = ["example_client", "example_referral"]


def example_client(protocol: Protocol = TORHOUT) -> ClientData:
    """An invented client living in the protocol's municipality (A3-1, A3-2)."""
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
    at = require_aware(at)
    client = client or example_client(protocol)
    consent = Consent(
        consent_id="example-consent-1",
        given_at=at - timedelta(days=2),
        method="written",
        information_notice="example-infofiche-v1",
        explained=ALL_TOPICS,
        recipient_kbo=protocol.recipient.kbo,
        data_items=client.items,
        recorded_by="example-member-1",
    )
    return Referral(
        referral_id="example-referral-1",
        client=client,
        consent=consent,
        sender=Sender(member_id="example-member-1", team=protocol.team),
        recipient=Recipient(organisation_kbo=protocol.recipient.kbo, mailbox=protocol.mailbox),
        assessed_appropriate=True,
        created_at=at - timedelta(minutes=5),
    )
