"""The referral: who sends which client's data to whom, with which consent (C-1 to C-7, A5-1).

>>> Sender(member_id="kg-torhout-017", team="lokaal team Kind en Gezin Torhout").role
'local_team_member'
"""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import AwareDatetime, Field

from protocol_share._model import FrozenModel
from protocol_share.consent import Consent, Identifier
from protocol_share.fields import ClientData, Email
from protocol_share.protocol import Kbo

__all__ = ["Recipient", "Referral", "Role", "Sender"]

Role = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[a-z][a-z_]*$")]
"""A role name; the rules accept ``local_team_member`` for senders and ``social_worker``
for recipients (C-1, C-4)."""


class Sender(FrozenModel):
    """The Opgroeien regie team member who refers (C-1): must be a local team member of the
    protocol's ``team``, bound by professional secrecy."""

    member_id: Identifier
    team: Annotated[str, Field(min_length=1, max_length=200)]
    role: Role = "local_team_member"
    professional_secrecy: bool = True


class Recipient(FrozenModel):
    """Who receives (C-4, C-5, A6-1, A6-3): a social worker of the protocol's recipient
    organisation, bound by the same secrecy, reached at the protocol's mailbox."""

    organisation_kbo: Kbo
    mailbox: Email
    role: Role = "social_worker"
    professional_secrecy: bool = True


class Referral(FrozenModel):
    """One referral of a client to the recipient (A5-1): client data, consent, sender, recipient.

    ``assessed_appropriate`` records that the team member, with the client, judged the
    referral appropriate (A5-1). ``repr`` masks the client.
    """

    _personal_fields: ClassVar[frozenset[str]] = frozenset({"client"})

    referral_id: Identifier
    client: ClientData
    consent: Consent
    sender: Sender
    recipient: Recipient
    assessed_appropriate: bool
    created_at: AwareDatetime
