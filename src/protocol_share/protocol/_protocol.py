"""The protocol as data, and when it is in force.

A :class:`Protocol` holds every fact of a signed protocol that the rules need (recitals,
art. 2, 4, 5, 10, 11); its parts are defined in :mod:`._parts`. It is frozen; ending it
returns a new protocol. Date boundaries are Europe/Brussels calendar dates, so
``2024-04-17T22:30Z`` (00:30 in Brussels on the 18th) already falls inside a protocol in
force from 18 April 2024.

``ends_on`` is the first day on which the protocol is no longer in force (from 00:00 in
Brussels), unless ``ends_at`` records the instant within that day at which it ended (a
termination for breach takes effect when it is given, A8-1); the earliest end wins when
several are recorded. ``ends_on`` and ``end_reason`` come together or not at all, and
``ends_on`` is never before ``in_force_from``: ending on the day of entry into force means
the protocol is never in force (``lint_protocol`` warns about it). Ending a protocol
before its entry into force records that day as ``ends_on``.

Periods follow one rule (:func:`~protocol_share._time.period_last_day`): the day of the
act is not counted, the last day is included. Six months' notice given on 15 January 2025
keeps the protocol in force through 15 July 2025; it ends on 16 July (A11-2).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime
from typing import Annotated, Any, Literal, Self

from pydantic import AfterValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from protocol_share._model import FrozenModel, field_error, require_type
from protocol_share._time import (
    Instant,
    as_utc,
    days_after,
    local_date,
    period_last_day,
    require_aware,
    require_date,
    start_of_day,
)
from protocol_share.clientdata._fields import BE_POSTCODE, DataItem, OrganisationEmail
from protocol_share.protocol._parts import (
    ComparedText,
    ConsentTerms,
    Correction,
    DataItemSpec,
    LegalBasis,
    OnwardRecipient,
    Party,
    Purpose,
    RetentionTerms,
    Signature,
    SupervisoryAuthority,
    Text,
    TextFlaw,
)

__all__ = ["EndReason", "Protocol", "ProtocolStatus"]

ProtocolStatus = Literal["not_yet_in_force", "in_force", "ended"]
EndReason = Literal["notice", "breach", "no_legal_basis", "cooperation_ended"]
"""Why the protocol ended: notice (A11-2), breach (A8-1), no legal basis left (A11-3), or
the end of the cooperation agreement the transfers are tied to (A5-2)."""
_ENDS_EARLY = "ENDS_BEFORE_ENTRY_INTO_FORCE"
_ENDS_EARLY_MESSAGE = "the protocol cannot end before it enters into force (A11-1)"


def _postcode(value: str) -> str:
    if not BE_POSTCODE.fullmatch(value):
        raise PydanticCustomError("INVALID_POSTCODE", "is not a Belgian postcode (four digits)")
    return value


def _place_key(name: str) -> str:
    # "Sint-Andries", "sint andries" and "SINT-ANDRIES" name one place.
    letters = unicodedata.normalize("NFKD", name.casefold())
    return " ".join(
        "".join(c if c.isalnum() else " " for c in letters if not unicodedata.combining(c)).split()
    )


class Protocol(FrozenModel):
    """A signed data-sharing protocol as data (recitals, art. 2 to 11).

    The fields the rules read: ``team`` (the local team a sender must belong to, C-1),
    ``recipient`` and ``recipient_kind`` (C-4; an OCMW, or CAW Brussel in Brussels),
    ``mailbox`` (A6-3), ``postcodes`` of the municipality and the ``localities`` its
    addresses may name besides ``municipality`` (C-4, A6-1), ``data_items``
    (A3-1, A3-2), ``in_force_from`` (A11-1) and ``ends_on`` (A8-1, A11-2, A11-3).
    ``corrections`` and ``text_flaws`` record the signed text's flaws, openly (D-1).

        >>> from protocol_share import TORHOUT
        >>> from datetime import datetime, timezone, date
        >>> TORHOUT.status_at(datetime(2024, 4, 17, 22, 30, tzinfo=timezone.utc))
        'in_force'
        >>> TORHOUT.terminate_with_notice(date(2025, 8, 31)).ends_on
        datetime.date(2026, 3, 1)
    """

    protocol_id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9.\-]{2,80}$")]
    title: Text
    decree_basis: Text
    sender: Party
    recipient: Party
    recipient_kind: Literal["OCMW", "CAW"] = "OCMW"
    team: ComparedText
    team_in_title: ComparedText | None = None
    municipality: ComparedText
    localities: frozenset[ComparedText] = frozenset()
    postcodes: Annotated[frozenset[Annotated[str, AfterValidator(_postcode)]], Field(min_length=1)]
    mailbox: OrganisationEmail
    data_items: Annotated[tuple[DataItemSpec, ...], Field(min_length=1)]
    special_categories: Literal[False] = False
    legal_bases: Annotated[tuple[LegalBasis, ...], Field(min_length=1)]
    purposes: Annotated[tuple[Purpose, ...], Field(min_length=1)]
    onward_recipients: tuple[OnwardRecipient, ...] = ()
    retention: RetentionTerms = RetentionTerms()
    consent: ConsentTerms = ConsentTerms()
    collaboration_agreement_on: date | None = None
    in_force_from: date
    ends_on: date | None = None
    ends_at: Instant | None = None
    end_reason: EndReason | None = None
    notice_months: Annotated[int, Field(ge=0, le=120)] = 6
    governing_law: Text = "Belgisch recht"
    court: Text = "de bevoegde rechtbank in Brussel"
    supervisory_authority: SupervisoryAuthority = SupervisoryAuthority()
    signatures: tuple[Signature, ...] = ()
    corrections: tuple[Correction, ...] = ()
    text_flaws: tuple[TextFlaw, ...] = ()

    def __repr_args__(self) -> Iterable[tuple[str | None, Any]]:
        # A protocol is named by its id (and its end, once recorded): the full data would
        # fill every signature that takes TORHOUT as a default. model_dump() has it all.
        yield "protocol_id", self.protocol_id
        if self.ends_on is not None:
            yield "ends_on", self.ends_on

    @functools.cached_property
    def _locality_keys(self) -> frozenset[str]:
        return frozenset(_place_key(name) for name in (self.municipality, *self.localities))

    def accepts_locality(self, postcode: str, municipality: str, country: str = "BE") -> bool:
        """Whether an address with this postcode and municipality lies in the protocol's
        municipality (C-4, A6-1): a Belgian postcode of ``postcodes`` together with the
        municipality's name or one of its ``localities`` (its former municipalities, such as
        Wijnendale for Torhout), compared without case, accents or punctuation. An argument
        that is not a string raises :class:`InvalidInput` (``WRONG_TYPE``)."""
        if not (isinstance(postcode, str) and isinstance(municipality, str)):
            for name, value in (("postcode", postcode), ("municipality", municipality)):
                require_type(value, str, name)
        if country != "BE" or postcode not in self.postcodes:
            return False
        # The name as the protocol writes it needs no folding (the common case).
        if municipality == self.municipality or municipality in self.localities:
            return True
        return _place_key(municipality) in self._locality_keys

    @functools.cached_property
    def allowed_items(self) -> frozenset[DataItem]:
        """The data items this protocol allows to travel (A3-1, A3-2); computed once."""
        return frozenset(spec.item for spec in self.data_items)

    @functools.cached_property
    def consent_floor(self) -> date:
        """The first day on which a consent can count (C-7, A11-1): the protocol's entry into
        force, or a later date from which a sharing basis it names took effect; computed once."""
        floor = self.in_force_from
        for basis in self.legal_bases:
            if basis.role == "sharing" and basis.in_force_from is not None:
                floor = max(floor, basis.in_force_from)
        return floor

    def status_at(self, at: datetime) -> ProtocolStatus:
        """Whether the protocol is in force at ``at`` (A11-1, A5-2, A8-1, A11-2, A11-3).

        ``at`` must be timezone-aware. Entry into force is compared by Europe/Brussels date;
        the end by instant: from ``ends_at`` when recorded, else from 00:00 in Brussels on
        ``ends_on``.
        """
        return self._status_in(local_date(at), as_utc(at))

    def _status_in(self, day: date, at_utc: datetime) -> ProtocolStatus:
        """:meth:`status_at` for an instant already read as its Brussels ``day`` and in UTC
        (``at_utc``), as the rule tables hold a moment (A11-1, A5-2, A8-1, A11-2, A11-3)."""
        if self.ends_at is not None and day >= self.in_force_from:
            return "ended" if at_utc >= as_utc(self.ends_at) else "in_force"
        return self._status_on(day)

    def status_on(self, day: date) -> ProtocolStatus:
        """Whether the protocol is in force on the Europe/Brussels calendar date ``day``
        (A11-1, A5-2, A8-1, A11-2, A11-3): from ``in_force_from``, before ``ends_on``. A day
        on which it ended at an instant (``ends_at``) counts as ended: it was not in force
        all day.

        A datetime or anything else raises :class:`InvalidInput` (``WRONG_TYPE``).
        """
        return self._status_on(require_date(day, "day"))

    def _status_on(self, day: date) -> ProtocolStatus:
        if day < self.in_force_from:
            return "not_yet_in_force"
        if self.ends_on is not None and day >= self.ends_on:
            return "ended"
        return "in_force"

    def terminate_with_notice(self, given_on: date) -> Protocol:
        """End the protocol by written notice given on ``given_on`` (A11-2).

        The notice runs ``notice_months`` calendar months: the day of the notice not counted,
        the last day included (:func:`~protocol_share._time.period_last_day`), so the
        protocol stays in force through that day and ends the day after. A day that does
        not exist in the target month falls back to the month's last day.
        """
        return self._ended(self.notice_ends_on(given_on), "notice")

    def notice_ends_on(self, given_on: date) -> date:
        """The first day out of force after written notice given on ``given_on`` (A11-2): the
        day after the last day of ``notice_months`` calendar months, the day of the notice
        not counted."""
        given_on = require_date(given_on, "given_on")
        last = period_last_day(given_on, months=self.notice_months, name="given_on")
        return days_after(last, 1, "given_on")

    def terminate_for_breach(self, on: date | datetime) -> Protocol:
        """End the protocol at once for processing in breach (A8-1).

        Given an aware datetime, the end takes effect at that instant: a transfer made
        earlier that day was made in force. Given a date, from 00:00 that day (Brussels).
        """
        if isinstance(on, datetime):
            return self._ended_at(require_aware(on, "on"), "breach")
        return self._ended(require_date(on, "on"), "breach")

    def legal_basis_lapsed(self, on: date) -> Protocol:
        """End the protocol by law from ``on``: no legal basis for the transfer remains (A11-3)."""
        return self._ended(require_date(on, "on"), "no_legal_basis")

    def cooperation_ended(self, on: date) -> Protocol:
        """End the transfers from ``on``, the first day after the cooperation agreement they
        are tied to (A5-2); data already received keep their retention."""
        return self._ended(require_date(on, "on"), "cooperation_ended")

    @property
    def end_instant(self) -> datetime | None:
        """The instant from which the protocol is no longer in force (A8-1, A11-2, A11-3,
        A5-2): ``ends_at``, else 00:00 in Brussels on ``ends_on``; ``None`` while no end is
        recorded."""
        if self.ends_at is not None:
            return self.ends_at
        return None if self.ends_on is None else start_of_day(self.ends_on)

    @model_validator(mode="after")
    def _end_is_consistent(self) -> Self:
        if self.ends_on is not None and self.end_reason is None:
            raise field_error(
                "Protocol", "end_reason", "MISSING_END_REASON", "an end date needs its reason"
            )
        if self.end_reason is not None and self.ends_on is None:
            raise field_error(
                "Protocol", "ends_on", "MISSING_END_DATE", "an end reason needs its end date"
            )
        if self.ends_on is not None and self.ends_on < self.in_force_from:
            raise field_error("Protocol", "ends_on", _ENDS_EARLY, _ENDS_EARLY_MESSAGE)
        if self.ends_at is not None and (
            self.ends_on is None or local_date(self.ends_at, "ends_at") != self.ends_on
        ):
            raise field_error(
                "Protocol",
                "ends_at",
                "END_INSTANT_NOT_ON_END_DAY",
                "the instant of the end falls on ends_on (Europe/Brussels)",
            )
        return self

    def _ended(self, ends_on: date, reason: EndReason) -> Protocol:
        ends_on = max(ends_on, self.in_force_from)
        return self._end(start_of_day(ends_on), ends_on, None, reason)

    def _ended_at(self, at: datetime, reason: EndReason) -> Protocol:
        day = local_date(at, "on")
        if day <= self.in_force_from:
            # Ended on or before the day it entered into force: never in force.
            return self._ended(day, reason)
        return self._end(at, day, at, reason)

    def _end(
        self, instant: datetime, ends_on: date, ends_at: datetime | None, reason: EndReason
    ) -> Protocol:
        current = self.end_instant
        if current is not None and as_utc(current) <= as_utc(instant):
            return self  # an earlier end stands
        # Ended before it entered into force, it never applies: recorded as ending on the day
        # of entry into force (status_at answers the same for every date). The values are
        # set together: what the validator requires of loaded data.
        return self.model_validate(
            self.model_dump() | {"ends_on": ends_on, "ends_at": ends_at, "end_reason": reason}
        )
