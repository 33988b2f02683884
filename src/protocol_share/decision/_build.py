"""Builders: a referral from the host's facts, with what the protocol fixes filled in (A5-1).

A back-office script knows the client (its record), the consent it recorded (when, how,
what was explained, for which data), the team member who refers, and the moment. Everything
else is fixed by the protocol: the recipient organisation's KBO number and mailbox (C-4,
A6-1, A6-3), the team (C-1), the roles and the professional secrecy of both sides (C-1,
C-5), and the recipient the consent is for (C-7). The builders take the facts, fill in the
rest from the protocol, and validate every part at once: one :class:`InvalidInput` lists
the problems of the client, the consent and the ids together, each under its dotted path
(``client.address.postcode``, ``consent.method``), never with a value.

A builder does not decide: whether the referral may be sent is for
:func:`protocol_share.check_referral` to say, at the moment of sending.

    >>> from datetime import datetime
    >>> from zoneinfo import ZoneInfo
    >>> from protocol_share import TORHOUT, check_referral
    >>> at = datetime(2026, 3, 2, 10, 30, tzinfo=ZoneInfo("Europe/Brussels"))
    >>> referral = build_referral(
    ...     TORHOUT,
    ...     referral_id="r-2026-000042",
    ...     client={"first_name": "An", "last_name": "Peeters",
    ...             "address": {"street": "Markt", "house_number": "1 bus 2",
    ...                         "postcode": "8820", "municipality": "Torhout"}},
    ...     consent={"consent_id": "c-2026-000042", "given_at": "2026-02-27T14:00:00+01:00",
    ...              "method": "verbal", "information_notice": "infofiche-ocmw-v2",
    ...              "explained": ["data", "recipient", "purpose", "follow_up", "withdrawal"],
    ...              "data_items": ["name", "address"], "recorded_by": "kg-torhout-017"},
    ...     member_id="kg-torhout-017",
    ...     assessed_appropriate=True,
    ...     at=at,
    ... )
    >>> referral.recipient.mailbox, referral.consent.recipient_kbo, referral.sender.team
    ('sociaal.huis@torhout.be', '0212.175.523', 'lokaal team Kind en Gezin Torhout')
    >>> check_referral(referral, TORHOUT, at=at).allowed
    True
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from pydantic import TypeAdapter, ValidationError

from protocol_share._model import problems_from, require_type, wrong_type
from protocol_share._time import require_aware
from protocol_share.clientdata._fields import ClientData
from protocol_share.decision._consent import Consent, Identifier
from protocol_share.decision._referral import Recipient, Referral, Sender
from protocol_share.errors import InvalidInput, Problem
from protocol_share.protocol._protocol import Protocol
from protocol_share.protocol._torhout import TORHOUT

__all__ = ["build_consent", "build_recipient", "build_referral", "build_sender"]

_ID: TypeAdapter[str] = TypeAdapter(Identifier, config={"hide_input_in_errors": True})


def _prefixed(error: InvalidInput, prefix: str) -> tuple[Problem, ...]:
    return tuple(
        Problem(f"{prefix}.{p.path}" if p.path else prefix, p.code, p.message)
        for p in error.problems
    )


def _facts(value: object, name: str) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise wrong_type(value, Mapping, name)
    return {str(key): item for key, item in value.items()}


def build_recipient(protocol: Protocol = TORHOUT) -> Recipient:
    """The protocol's recipient (C-4, C-5, A6-1, A6-3): a social worker of its recipient
    organisation (``protocol.recipient.kbo``), bound by professional secrecy, reached at
    ``protocol.mailbox``.

        >>> build_recipient().mailbox
        'sociaal.huis@torhout.be'
    """
    protocol = require_type(protocol, Protocol, "protocol")
    return Recipient(
        organisation_kbo=protocol.recipient.kbo,
        mailbox=protocol.mailbox,
        role="social_worker",
        professional_secrecy=True,
    )


def build_sender(protocol: Protocol = TORHOUT, *, member_id: str | uuid.UUID) -> Sender:
    """A member of the protocol's local team (C-1): ``protocol.team``, the role
    ``local_team_member``, bound by professional secrecy; ``member_id`` is the host's id of
    the member (a ``str`` or ``uuid.UUID``). Raises :class:`InvalidInput` for a bad id.

        >>> build_sender(member_id="kg-torhout-017").team
        'lokaal team Kind en Gezin Torhout'
    """
    protocol = require_type(protocol, Protocol, "protocol")
    return Sender(
        member_id=member_id,
        team=protocol.team,
        role="local_team_member",
        professional_secrecy=True,
    )


def build_consent(protocol: Protocol = TORHOUT, **facts: Any) -> Consent:
    """The client's consent (C-6, C-7) from the facts the host recorded, for the protocol's
    recipient: ``recipient_kbo`` is filled in with ``protocol.recipient.kbo`` when the facts
    do not name one (a consent recorded for another organisation keeps its own, and
    ``check_referral`` refuses it: ``CONSENT_SCOPE_RECIPIENT``).

    The facts are :class:`Consent`'s other fields: ``consent_id``, ``given_at`` (aware),
    ``method``, ``information_notice``, ``explained``, ``data_items``, ``recorded_by``, and
    optionally ``given_by`` and ``withdrawn_at``. Nothing else is guessed: which data the
    client consented to is the client's answer, never derived from the record. Raises
    :class:`InvalidInput` listing every problem.

        >>> consent = build_consent(
        ...     consent_id="c-1", given_at="2026-02-27T14:00:00+01:00", method="written",
        ...     information_notice="infofiche-ocmw-v2", data_items={"name", "address"},
        ...     explained={"data", "recipient", "purpose", "follow_up", "withdrawal"},
        ...     recorded_by="kg-torhout-017")
        >>> consent.recipient_kbo, consent.fully_informed
        ('0212.175.523', True)
    """
    protocol = require_type(protocol, Protocol, "protocol")
    facts.setdefault("recipient_kbo", protocol.recipient.kbo)
    return Consent.model_validate(facts)


def build_referral(
    protocol: Protocol = TORHOUT,
    *,
    referral_id: str | uuid.UUID,
    client: ClientData | Mapping[str, Any],
    consent: Consent | Mapping[str, Any],
    member_id: str | uuid.UUID,
    assessed_appropriate: bool,
    at: datetime,
) -> Referral:
    """A referral (A5-1) from the host's facts, made at ``at``, with what ``protocol`` fixes
    filled in: the sender (:func:`build_sender`, C-1), the recipient
    (:func:`build_recipient`, C-4, C-5, A6-3) and, for consent facts, the recipient the
    consent is for (:func:`build_consent`, C-6, C-7).

    ``client`` is a :class:`ClientData` or a mapping of its fields (run
    :func:`protocol_share.minimise` first on a richer record: here an unknown field is an
    error, never dropped). ``consent`` is a :class:`Consent` or a mapping of its facts.
    ``assessed_appropriate`` is the team member's judgment, made with the client (A5-1):
    there is no default. ``at`` (aware; naive refused) becomes ``created_at``.

    Every part is validated before anything is built; one :class:`InvalidInput` lists all
    problems of all parts, under ``client.``, ``consent.``, ``referral_id``,
    ``member_id`` and ``at``. The result still has to pass
    :func:`protocol_share.check_referral` when it is sent.
    """
    protocol = require_type(protocol, Protocol, "protocol")
    problems: list[Problem] = []
    built: dict[str, Any] = {}
    try:
        built["created_at"] = require_aware(at)
    except InvalidInput as error:
        problems.extend(error.problems)
    try:
        built["referral_id"] = _ID.validate_python(referral_id)
    except ValidationError as error:
        problems.extend(problems_from(error, "referral_id"))
    if isinstance(client, ClientData):
        built["client"] = client
    else:
        try:
            built["client"] = ClientData.model_validate(_facts(client, "client"))
        except InvalidInput as error:
            problems.extend(
                _prefixed(error, "client") if error.what == "ClientData" else error.problems
            )
    if isinstance(consent, Consent):
        built["consent"] = consent
    else:
        try:
            built["consent"] = build_consent(protocol, **_facts(consent, "consent"))
        except InvalidInput as error:
            problems.extend(
                _prefixed(error, "consent") if error.what == "Consent" else error.problems
            )
    try:
        built["sender"] = build_sender(protocol, member_id=member_id)
    except InvalidInput as error:
        problems.extend(error.problems)
    if not isinstance(assessed_appropriate, bool):
        problems.extend(wrong_type(assessed_appropriate, bool, "assessed_appropriate").problems)
    if problems:
        raise InvalidInput("Referral", tuple(problems))
    return Referral(
        recipient=build_recipient(protocol), assessed_appropriate=assessed_appropriate, **built
    )
