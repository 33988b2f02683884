"""The referral: who sends which client's data to whom, with which consent (C-1 to C-7, A5-1).

The models only hold the facts; whether they satisfy the protocol is for
:func:`protocol_share.check_referral` to say (default deny). :class:`OnwardShare` describes
the OCMW passing the data on (A4-1, A4-2), judged by :func:`protocol_share.check_onward_share`.

    >>> Sender(member_id="kg-torhout-017", team="lokaal team Kind en Gezin Torhout").role
    'local_team_member'
    >>> from datetime import datetime, timezone
    >>> OnwardShare(kind="breed_onthaal_actor", organisation_kbo="0212175523",
    ...             received_at=datetime(2025, 3, 3, 9, tzinfo=timezone.utc),
    ...             breed_onthaal_partner=True).organisation_kbo
    '0212.175.523'
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Final, Literal

from pydantic import AfterValidator, Field

from protocol_share._model import FrozenModel
from protocol_share._time import Instant
from protocol_share.clientdata._fields import ClientData, OrganisationEmail, check_free_text
from protocol_share.clientdata._screening import Screened
from protocol_share.decision._consent import Consent, Identifier
from protocol_share.protocol._parts import Kbo

__all__ = [
    "DECREE_CHECKS",
    "DecreeCheck",
    "Locality",
    "OnwardShare",
    "Recipient",
    "Referral",
    "Role",
    "Sender",
]

DecreeCheck = Literal["purpose", "necessity", "confidentiality"]
"""What the host checks, and records, before exchanging data with an actor of the
"geïntegreerd breed onthaal" partnership (A4-2, decree of 9 February 2018 on local social
policy): ``purpose``, the exchange serves the purposes of article 2 of the protocol (access
to assistance, countering under-protection), as article 4 says; ``necessity``, only the
data that purpose needs are exchanged (GDPR art. 5(1)(c)); ``confidentiality``, the actor
keeps them under the professional secrecy or duty of discretion that binds it. Membership
of the partnership itself is ``OnwardShare.breed_onthaal_partner``."""

DECREE_CHECKS: Final[frozenset[DecreeCheck]] = frozenset(
    {"purpose", "necessity", "confidentiality"}
)
"""Every :data:`DecreeCheck`: an exchange with a partnership actor needs them all (A4-2)."""

Role = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[a-z][a-z_]*$")]
"""A role name; the rules accept ``local_team_member`` for senders and ``social_worker``
for recipients (C-1, C-4)."""


class Sender(Screened):
    """The Opgroeien regie team member who refers (C-1): must be a local team member of the
    protocol's ``team``, bound by professional secrecy."""

    member_id: Identifier
    team: Annotated[str, Field(min_length=1, max_length=200), AfterValidator(check_free_text)]
    role: Role = "local_team_member"
    professional_secrecy: bool = True


class Recipient(Screened):
    """Who receives (C-4, C-5, A6-1, A6-3): a social worker of the protocol's recipient
    organisation, bound by the same secrecy, reached at the protocol's mailbox."""

    organisation_kbo: Kbo
    mailbox: OrganisationEmail
    role: Role = "social_worker"
    professional_secrecy: bool = True


class Locality(FrozenModel):
    """Where a client lives, as the OCMW's competence needs it (C-4, A6-1): a postcode and a
    municipality, in a country (ISO 3166-1 alpha-2, default Belgium)."""

    postcode: Annotated[str, Field(min_length=2, max_length=10), AfterValidator(check_free_text)]
    municipality: Annotated[
        str, Field(min_length=1, max_length=100), AfterValidator(check_free_text)
    ]
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] = "BE"


class Referral(Screened):
    """One referral of a client to the recipient (A5-1): client data, consent, sender, recipient.

    ``assessed_appropriate`` records that the team member, with the client, judged the
    referral appropriate (A5-1). Recital C names the OCMW of the client's domicile
    ("woonplaats"), art. 6 that of the residence ("verblijfplaats"); they may differ (a
    shelter, a reference address). ``domicile`` and ``residence`` give them where they are
    not the contact address (``None``: the contact address is it); both must lie in the
    protocol's municipality (C-4, A6-1). Neither travels in the package. ``repr`` masks the
    client and both places.
    """

    _personal_fields: ClassVar[frozenset[str]] = frozenset({"client", "domicile", "residence"})

    referral_id: Identifier
    client: ClientData
    consent: Consent
    sender: Sender
    recipient: Recipient
    assessed_appropriate: bool
    created_at: Instant
    domicile: Locality | None = None
    residence: Locality | None = None


class OnwardShare(FrozenModel):
    """The OCMW passing received data on (A4-1, A4-2), as judged by ``check_onward_share``.

    ``kind`` is ``social_worker`` (the OCMW's own social worker, bound by professional
    secrecy, who offers concrete assistance: A4-1) or ``breed_onthaal_actor`` (an actor of the
    "geïntegreerd breed onthaal" partnership, under the decree of 9 February 2018: A4-2); any
    other kind is refused. ``organisation_kbo`` is the organisation the person works for.
    ``received_at`` is when the OCMW received the data (the package's ``sent_at``): passing
    them on is the OCMW's use of its own file, bound by article 4 and by the data having come
    in a transfer under the protocol, not by the protocol still being in force (A5-2 and
    A11 bound Opgroeien's transfers). ``decree_checks`` records what the host checked for an
    exchange with a partnership actor (:data:`DecreeCheck`; A4-2).
    """

    kind: Role
    organisation_kbo: Kbo
    received_at: Instant
    professional_secrecy: bool = False
    breed_onthaal_partner: bool = False
    decree_checks: frozenset[DecreeCheck] = frozenset()
