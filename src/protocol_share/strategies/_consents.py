"""Consents (C-6, C-7, A5-1): valid ones, and the moments a consent is given so that exactly
the consent-date rules asked for fail (after the transfer, before the protocol, too old)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from protocol_share._time import BRUSSELS, as_utc, require_aware
from protocol_share.clientdata._fields import DataItem
from protocol_share.decision._consent import ALL_TOPICS, Consent
from protocol_share.decision._rules import consent_floor
from protocol_share.protocol._protocol import Protocol
from protocol_share.protocol._torhout import TORHOUT
from protocol_share.strategies._moments import _brussels_instants, _shift

__all__ = ["consents"]


def _identifiers(prefix: str) -> st.SearchStrategy[str]:
    # What case-management systems use: random UUIDs, or a prefix, a year and a counter.
    return st.one_of(
        st.uuids().map(str),
        st.builds(
            lambda year, n: f"{prefix}-{year}-{n:07d}",
            st.integers(2020, 2030),
            st.integers(0, 10**7 - 1),
        ),
    )


def _midnight(day: date) -> datetime:
    # Midnight in Brussels: never in a clock change's gap or fold (those are at 2 or 3 am).
    return datetime.combine(day, time(), tzinfo=BRUSSELS)


def _consent_moments(
    protocol: Protocol, moment: datetime, violating: frozenset[str]
) -> st.SearchStrategy[datetime]:
    # When the consent was given, so that exactly the consent-date rules asked for fail
    # (C-7, A5-1): after the transfer, older than the protocol, older than its maximum age.
    if "CONSENT_AFTER_TRANSFER" in violating:
        seconds = st.integers(1, 90 * 24 * 3600)
        return seconds.map(lambda s: _shift(moment, timedelta(seconds=s)))
    today = moment.astimezone(BRUSSELS).date()
    fresh = _midnight(today - timedelta(days=protocol.consent.max_age_days))  # from here on
    floor = _midnight(consent_floor(protocol))
    applies = today >= protocol.in_force_from  # CONSENT_BEFORE_PROTOCOL can fail at all
    second = timedelta(seconds=1)
    too_old, too_early = "CONSENT_TOO_OLD" in violating, "CONSENT_BEFORE_PROTOCOL" in violating
    if too_old and too_early:
        high = min(fresh, floor) - second
        low = high - timedelta(days=400)
    elif too_old:
        low, high = (floor if applies else fresh - timedelta(days=400)), fresh - second
    elif too_early:
        low, high = fresh, floor - second
    else:
        low, high = (max(fresh, floor) if applies else fresh), as_utc(moment)
    if (too_early and not applies) or as_utc(low) > as_utc(high):
        raise InvalidArgument("no consent date breaks exactly the consent rules asked for")
    span = int((as_utc(high) - as_utc(low)).total_seconds())
    start = as_utc(low)
    return st.integers(0, span).map(
        lambda s: (start + timedelta(seconds=s)).astimezone(moment.tzinfo)
    )


def consents(
    protocol: Protocol = TORHOUT,
    *,
    items: frozenset[DataItem] | None = None,
    given_before: datetime | None = None,
) -> st.SearchStrategy[Consent]:
    """Valid consents (C-6, C-7): fully informed, to the protocol's recipient, not withdrawn.

    ``items`` are the data items covered (default: name and address, and maybe phone and
    e-mail); with ``given_before`` (aware) the consent was given before it, on or after the
    protocol's entry into force and within ``protocol.consent.max_age_days`` of it.
    """
    covered = (
        st.just(frozenset(items))
        if items is not None
        else st.sets(st.sampled_from((DataItem.PHONE, DataItem.EMAIL))).map(
            lambda extra: frozenset({DataItem.NAME, DataItem.ADDRESS, *extra})
        )
    )
    if given_before is None:
        given = _brussels_instants(datetime(2024, 1, 1), datetime(2040, 1, 1))
    else:
        given = _consent_moments(protocol, require_aware(given_before), frozenset())
    return st.builds(
        Consent,
        consent_id=_identifiers("c"),
        given_at=given,
        given_by=st.sampled_from(("client", "legal_representative")),
        method=st.sampled_from(("verbal", "written", "electronic")),
        information_notice=st.sampled_from(("infofiche-ocmw-v1", "infofiche-ocmw-v2")),
        explained=st.just(ALL_TOPICS),
        recipient_kbo=st.just(protocol.recipient.kbo),
        data_items=covered,
        recorded_by=_identifiers("kg"),
    )
