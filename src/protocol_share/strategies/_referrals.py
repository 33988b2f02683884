"""Consents and referrals (C-1 to C-7, A3, A5-1, A6, A11-1): valid ones, and ones that
break exactly the rules asked for."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from protocol_share._time import as_utc, require_aware
from protocol_share.clientdata._fields import ClientData, DataItem
from protocol_share.decision._consent import ALL_TOPICS, Consent
from protocol_share.decision._referral import Recipient, Referral, Sender
from protocol_share.decision._rules import consent_floor
from protocol_share.protocol._protocol import Protocol
from protocol_share.protocol._torhout import TORHOUT
from protocol_share.strategies._clients import (
    client_data,
    emails,
    national_register_numbers,
    phones,
)
from protocol_share.strategies._consents import _consent_moments, _identifiers
from protocol_share.strategies._moments import _brussels_instants, _local_window, _shift

__all__ = ["INCOMPATIBLE_VIOLATIONS", "REFERRAL_VIOLATIONS", "referrals"]

_OTHER_TEAMS = ("lokaal team Kind en Gezin Brugge", "lokaal team Kind en Gezin Oostende")
_OTHER_KBOS = ("0207.123.407", "0216.543.293", "0886.886.638")  # valid (mod 97) KBO numbers
_OTHER_MAILBOXES = ("onthaal@torhout.be", "sociaal.huis@brugge.be", "info@example.be")
_OTHER_ROLES = ("administrative_staff", "coordinator", "volunteer")
REFERRAL_VIOLATIONS: frozenset[str] = frozenset(
    {
        "PROTOCOL_NOT_IN_FORCE",
        "SENDER_NOT_AUTHORISED",
        "SENDER_NO_SECRECY",
        "RECIPIENT_NOT_AUTHORISED",
        "RECIPIENT_NO_SECRECY",
        "WRONG_MAILBOX",
        "NOT_RESIDENT",
        "CONSENT_NOT_INFORMED",
        "CONSENT_WITHDRAWN",
        "CONSENT_AFTER_TRANSFER",
        "CONSENT_BEFORE_PROTOCOL",
        "CONSENT_TOO_OLD",
        "CONSENT_SCOPE_RECIPIENT",
        "CONSENT_SCOPE_DATA",
        "DATA_ITEM_NOT_IN_PROTOCOL",
        "NOT_ASSESSED",
        "REFERRAL_AFTER_DECISION",
        "FORBIDDEN_IDENTIFIER",
    }
)
"""The codes ``referrals(valid=False, violating=...)`` can break, each on its own
(``REFERRAL_AFTER_DECISION`` only with ``at=``, e.g. from :func:`moments`: a referral
checked at its own ``created_at`` is never made after it)."""
INCOMPATIBLE_VIOLATIONS: frozenset[frozenset[str]] = frozenset(
    {
        frozenset({"CONSENT_WITHDRAWN", "CONSENT_AFTER_TRANSFER"}),
        frozenset({"CONSENT_AFTER_TRANSFER", "CONSENT_TOO_OLD"}),
        frozenset({"CONSENT_AFTER_TRANSFER", "CONSENT_BEFORE_PROTOCOL"}),
        frozenset({"PROTOCOL_NOT_IN_FORCE", "CONSENT_TOO_OLD"}),
        frozenset({"PROTOCOL_NOT_IN_FORCE", "CONSENT_BEFORE_PROTOCOL"}),
    }
)
"""Pairs this strategy does not draw together: a consent is withdrawn only after it was
given, and one given after the transfer is neither too old nor older than the protocol;
a transfer outside the protocol's term is refused for that alone (C-7, A5-1, A11-1)."""


def _with_item(client: ClientData, item: DataItem, value: str | None) -> ClientData:
    if getattr(client, str(item)) == value:
        return client
    return ClientData.model_validate({**client.model_dump(), str(item): value})


@st.composite
def _referrals(
    draw: st.DrawFn, protocol: Protocol, at: datetime | None, violating: frozenset[str]
) -> Referral:
    start, end = _local_window(protocol)
    if "PROTOCOL_NOT_IN_FORCE" in violating:
        before = st.just((start - timedelta(days=3 * 366), start - timedelta(seconds=1)))
        after = (
            st.just((end + timedelta(seconds=1), end + timedelta(days=3 * 366)))
            if protocol.ends_on is not None
            else st.nothing()
        )
        low, high = draw(before | after)
    else:
        low, high = start, end
    floor = consent_floor(protocol)
    max_age = protocol.consent.max_age_days
    too_old = "CONSENT_TOO_OLD" in violating
    too_early = "CONSENT_BEFORE_PROTOCOL" in violating
    if too_old and not too_early:  # the moment leaves room for a consent after the floor
        low = max(low, datetime.combine(floor + timedelta(days=max_age + 1), time()))
    if too_early and not too_old:  # ... and for a consent before it, still fresh
        high = min(high, datetime.combine(floor + timedelta(days=max_age), time()))
        high -= timedelta(seconds=1)
    if low > high:
        raise InvalidArgument("the protocol's term leaves no moment for these consent violations")
    moment = at if at is not None else draw(_brussels_instants(low, high))

    allowed = protocol.allowed_items
    client = draw(client_data(protocol))
    # A valid referral sends only what the protocol lists (A3-1, A3-2).
    client = _with_item(client, DataItem.PHONE, client.phone if DataItem.PHONE in allowed else None)
    client = _with_item(client, DataItem.EMAIL, client.email if DataItem.EMAIL in allowed else None)
    unconsented = None
    if "CONSENT_SCOPE_DATA" in violating:
        optional = [item for item in (DataItem.PHONE, DataItem.EMAIL) if item in allowed]
        if not optional:
            raise InvalidArgument("the protocol allows no phone or e-mail to leave unconsented")
        unconsented = draw(st.sampled_from(optional))
        if unconsented not in client.items:
            value = draw(phones() if unconsented == DataItem.PHONE else emails())
            client = _with_item(client, unconsented, value)
    if "DATA_ITEM_NOT_IN_PROTOCOL" in violating:
        missing = [item for item in (DataItem.PHONE, DataItem.EMAIL) if item not in allowed]
        if not missing:
            raise InvalidArgument("the protocol allows every optional data item")
        extra = draw(st.sampled_from(missing))
        client = _with_item(client, extra, draw(phones() if extra == DataItem.PHONE else emails()))
    if "NOT_RESIDENT" in violating:
        outside = st.integers(1000, 9999).map(str).filter(lambda p: p not in protocol.postcodes)
        address = client.address.model_dump()
        if draw(st.booleans()):
            address.update(postcode=draw(outside))
        else:
            address.update(postcode="1012 AB", municipality="Amsterdam", country="NL")
        client = ClientData.model_validate({**client.model_dump(), "address": address})

    covered = set(client.items) | draw(st.sets(st.sampled_from(sorted(allowed))))
    if unconsented is not None:
        covered.discard(unconsented)
    explained = set(ALL_TOPICS)
    if "CONSENT_NOT_INFORMED" in violating:
        explained -= draw(st.sets(st.sampled_from(sorted(ALL_TOPICS)), min_size=1))
    given_at = draw(_consent_moments(protocol, moment, violating))
    withdrawn_at = None
    if "CONSENT_WITHDRAWN" in violating:
        gap = as_utc(moment) - as_utc(given_at)
        later = timedelta(seconds=draw(st.integers(0, int(gap.total_seconds()))))
        withdrawn_at = _shift(given_at, later)
    consent = Consent(
        consent_id=draw(_identifiers("c")),
        given_at=given_at,
        method=draw(st.sampled_from(("verbal", "written", "electronic"))),
        information_notice="infofiche-ocmw-v2",
        explained=explained,
        recipient_kbo=(
            draw(st.sampled_from([k for k in _OTHER_KBOS if k != protocol.recipient.kbo]))
            if "CONSENT_SCOPE_RECIPIENT" in violating
            else protocol.recipient.kbo
        ),
        data_items=covered,
        recorded_by=draw(_identifiers("kg")),
        withdrawn_at=withdrawn_at,
    )
    sender = Sender(
        member_id=consent.recorded_by,
        team=protocol.team,
        professional_secrecy="SENDER_NO_SECRECY" not in violating,
    )
    if "SENDER_NOT_AUTHORISED" in violating:
        if draw(st.booleans()):
            sender = Sender(**{**sender.model_dump(), "team": draw(st.sampled_from(_OTHER_TEAMS))})
        else:
            sender = Sender(**{**sender.model_dump(), "role": draw(st.sampled_from(_OTHER_ROLES))})
    recipient = Recipient(
        organisation_kbo=protocol.recipient.kbo,
        mailbox=(
            draw(st.sampled_from(_OTHER_MAILBOXES))
            if "WRONG_MAILBOX" in violating
            else draw(st.sampled_from((protocol.mailbox, protocol.mailbox.upper())))
        ),
        professional_secrecy="RECIPIENT_NO_SECRECY" not in violating,
    )
    if "RECIPIENT_NOT_AUTHORISED" in violating:
        if draw(st.booleans()):
            other = draw(st.sampled_from([k for k in _OTHER_KBOS if k != protocol.recipient.kbo]))
            recipient = Recipient(**{**recipient.model_dump(), "organisation_kbo": other})
        else:
            role = draw(st.sampled_from(_OTHER_ROLES))
            recipient = Recipient(**{**recipient.model_dump(), "role": role})
    referral = Referral(
        referral_id=draw(_identifiers("r")),
        client=client,
        consent=consent,
        sender=sender,
        recipient=recipient,
        assessed_appropriate="NOT_ASSESSED" not in violating,
        created_at=(
            _shift(moment, timedelta(seconds=draw(st.integers(1, 400 * 24 * 3600))))
            if "REFERRAL_AFTER_DECISION" in violating
            else moment
        ),
    )
    if "FORBIDDEN_IDENTIFIER" in violating:
        # Only an instance that skipped validation can hold one (model_copy with update).
        number = draw(national_register_numbers())
        # The street or the house number: the municipality must stay the protocol's (C-4).
        field = draw(st.sampled_from(("street", "house_number")))
        value = getattr(client.address, field)
        marked = client.address.model_copy(update={field: f"{value} {number}"})
        referral = referral.model_copy(
            update={"client": client.model_copy(update={"address": marked})}
        )
    return referral


def referrals(
    protocol: Protocol = TORHOUT,
    *,
    valid: bool = True,
    violating: frozenset[str] | set[str] = frozenset(),
    at: datetime | None = None,
) -> st.SearchStrategy[Referral]:
    """Referrals to check at ``at``, or at their own ``created_at`` when no ``at`` is given
    (C-1 to C-7, A3-3, A5-1, A6-1, A6-3, A11-1).

    ``valid=True``: every rule of ``check_referral`` holds at that moment (``created_at`` is
    ``at``). ``valid=False``: exactly the rules of ``violating`` fail there (codes of
    :data:`REFERRAL_VIOLATIONS`; an empty set draws a few compatible ones). ``at`` fixes the
    moment (aware); else it is drawn in the days the protocol is in force, shown in
    several time zones. ``REFERRAL_AFTER_DECISION`` (``created_at`` after the moment) needs
    ``at``: a referral checked at its own ``created_at`` is never made after it. A forbidden
    identifier can only sit in an instance that skipped validation, so that violation is
    made with ``model_copy(update=...)``.
    """
    wanted = frozenset(violating)
    if valid and wanted:
        raise InvalidArgument("a valid referral violates nothing; pass valid=False")
    if unknown := wanted - REFERRAL_VIOLATIONS:
        raise InvalidArgument(f"unknown violation codes: {sorted(unknown)}")
    if any(pair <= wanted for pair in INCOMPATIBLE_VIOLATIONS):
        raise InvalidArgument(f"these violations are not drawn together: {sorted(wanted)}")
    if at is not None:
        at = require_aware(at)
        in_force = protocol.status_at(at) == "in_force"
        if in_force == ("PROTOCOL_NOT_IN_FORCE" in wanted):
            raise InvalidArgument("at does not fit PROTOCOL_NOT_IN_FORCE being (not) violated")
    elif "REFERRAL_AFTER_DECISION" in wanted:
        raise InvalidArgument(
            "REFERRAL_AFTER_DECISION needs at=: a referral checked at its own created_at "
            "is never made after it"
        )
    if valid or wanted:
        return _referrals(protocol, at, wanted)
    unsure = {"DATA_ITEM_NOT_IN_PROTOCOL", "PROTOCOL_NOT_IN_FORCE"}
    if at is None:
        unsure.add("REFERRAL_AFTER_DECISION")
    else:  # a fixed moment may leave no room for a stale consent, or one before the protocol
        unsure |= {"CONSENT_TOO_OLD", "CONSENT_BEFORE_PROTOCOL"}
    possible = sorted(REFERRAL_VIOLATIONS - unsure)
    subsets = st.sets(st.sampled_from(possible), min_size=1, max_size=4).filter(
        lambda codes: not any(pair <= codes for pair in INCOMPATIBLE_VIOLATIONS)
    )
    return subsets.flatmap(lambda codes: _referrals(protocol, at, frozenset(codes)))
