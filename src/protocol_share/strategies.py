"""Hypothesis strategies for compliance suites: realistic, valid Belgian client data.

Requires the optional extra ``protocol-share[strategies]`` (hypothesis); importing
``protocol_share`` itself never imports hypothesis. Generated data is realistic (names in
several scripts, Torhout street names, Belgian phone notations) and never holds a real
national register number.

    >>> from hypothesis import given
    >>> @given(client_data())
    ... def test_round_trip(client):
    ...     assert ClientData.model_validate_json(client.model_dump_json()) == client
    >>> test_round_trip()
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import get_args
from zoneinfo import ZoneInfo

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from protocol_share._time import as_utc, require_aware
from protocol_share.breach import (
    BreachNotice,
    Cause,
    Consequence,
    EaseOfIdentification,
    LossOfAvailability,
    LossOfConfidentiality,
    LossOfIntegrity,
    Measure,
)
from protocol_share.consent import ALL_TOPICS, Consent
from protocol_share.fields import Address, ClientData, DataItem
from protocol_share.protocol import Protocol
from protocol_share.referral import Recipient, Referral, Sender
from protocol_share.retention import TRANSITIONS, RetentionCase, State
from protocol_share.torhout import TORHOUT

__all__ = [
    "INCOMPATIBLE_VIOLATIONS",
    "REFERRAL_VIOLATIONS",
    "addresses",
    "aware_datetimes",
    "breach_notices",
    "client_data",
    "consents",
    "emails",
    "moments",
    "national_register_numbers",
    "person_names",
    "phones",
    "referrals",
    "retention_cases",
]

_FIRST_NAMES = (
    "An",
    "Jan",
    "Ségolène",
    "Noël",
    "Zoë",
    "Lieselotte",
    "Mohamed",
    "Fatima-Zahra",
    "Aïcha",
    "Oleksandr",
    "Ольга",
    "Дмитро",
    "محمد",
    "فاطمة",
    "Γιώργος",
    "Łukasz",
    "Şükrü",
    "Ines",
)
_LAST_NAMES = (
    "Peeters",
    "Janssens",
    "D'Hondt-Van den Bossche",
    "Vandenberghe",
    "De Smet",
    "Van Damme",
    "El Idrissi",
    "Öztürk",
    "Kowalska",
    "Шевченко",
    "Коваленко",
    "الحسني",
    "Παπαδόπουλος",
    "O'Neill",
    "Van de Velde",
    "Dewulf",
    "Claeys",
    "Ngũgĩ",
)
_TORHOUT_STREETS = (
    "Aartrijkestraat",
    "Markt",
    "Zuidstraat",
    "Noordstraat",
    "Oostendestraat",
    "Ieperstraat",
    "Rijselstraat",
    "Sint-Henricusstraat",
    "Bruggestraat",
    "Lichterveldestraat",
    "Kortemarkstraat",
    "Hoveniersstraat",
    "Papebrugstraat",
    "Groenestraat",
    "Koolskampstraat",
    "Sint-Rembertstraat",
    "Burg",
    "Beukenhofstraat",
    "Vredelaan",
    "Elisabethlaan",
)
_PHONE_PREFIXES = ("0470", "0471", "0472", "0475", "0476", "0477", "0478", "0479", "0486", "0495")


def person_names() -> st.SearchStrategy[str]:
    """First or last names in Latin, Cyrillic, Arabic and Greek script (A3-1)."""
    return st.sampled_from(_FIRST_NAMES + _LAST_NAMES)


def phones() -> st.SearchStrategy[str]:
    """Belgian mobile and Torhout landline numbers in the notations people write (A3-2)."""
    mobile = st.builds(
        lambda prefix, rest, style: style(prefix, f"{rest:06d}"),
        st.sampled_from(_PHONE_PREFIXES),
        st.integers(0, 999_999),
        st.sampled_from(
            (
                lambda p, r: f"{p} {r[:2]} {r[2:4]} {r[4:]}",
                lambda p, r: f"{p}/{r[:2]}.{r[2:4]}.{r[4:]}",
                lambda p, r: f"+32 {p[1:]} {r[:2]} {r[2:4]} {r[4:]}",
                lambda p, r: f"0032{p[1:]}{r}",
            )
        ),
    )
    landline = st.integers(0, 999_999).map(lambda rest: f"050 {rest:06d}")
    return st.one_of(mobile, landline)


def emails() -> st.SearchStrategy[str]:
    """Plain, valid e-mail addresses on reserved example domains (A3-2)."""
    local = st.from_regex(r"[a-z]{1,10}(\.[a-z]{1,10})?", fullmatch=True)
    domain = st.sampled_from(("example.be", "example.com", "voorbeeld.example.org"))
    return st.builds(lambda user, host: f"{user}@{host}", local, domain)


def addresses(protocol: Protocol = TORHOUT) -> st.SearchStrategy[Address]:
    """Addresses inside the protocol's municipality: a postcode of ``protocol.postcodes`` (C-4)."""
    return st.builds(
        Address,
        street=st.sampled_from(_TORHOUT_STREETS),
        house_number=st.builds(
            lambda number, suffix: f"{number}{suffix}",
            st.integers(1, 250),
            st.sampled_from(("", "", "", "A", "B", "/1")),
        ),
        postcode=st.sampled_from(sorted(protocol.postcodes)),
        municipality=st.just(protocol.municipality),
        box=st.none() | st.integers(1, 20).map(str),
    )


def client_data(protocol: Protocol = TORHOUT) -> st.SearchStrategy[ClientData]:
    """Valid :class:`ClientData` of a client living in the protocol's municipality (A3-1, A3-2)."""
    return st.builds(
        ClientData,
        first_name=person_names(),
        last_name=person_names(),
        address=addresses(protocol),
        phone=st.none() | phones(),
        email=st.none() | emails(),
    )


_ZONES = (
    UTC,
    ZoneInfo("Europe/Brussels"),
    ZoneInfo("America/New_York"),
    timezone(timedelta(hours=14)),
    timezone(timedelta(hours=-11)),
)


def aware_datetimes(
    min_value: datetime = datetime(2024, 4, 18),
    max_value: datetime = datetime(2045, 12, 31),
) -> st.SearchStrategy[datetime]:
    """Timezone-aware instants in several zones, Brussels included (DESIGN: ``at=`` is aware;
    the moments of C-7, A3-4 to A3-6, A9-1 and A11-1)."""
    return st.datetimes(min_value=min_value, max_value=max_value, timezones=st.sampled_from(_ZONES))


_GAPS = st.one_of(
    st.integers(0, 24 * 60),  # within a day
    st.integers(0, 60 * 24 * 60),  # within two months
    st.integers(0, 6 * 366 * 24 * 60),  # up to six years
).map(lambda minutes: timedelta(minutes=minutes))


def _reaches(wanted: frozenset[State]) -> frozenset[State]:
    # The states from which a wanted state can still be reached through TRANSITIONS.
    reach = set(wanted)
    while True:
        more = {state for (state, _, _), nxt in TRANSITIONS.items() if nxt in reach} - reach
        if not more:
            return frozenset(reach)
        reach |= more


@st.composite
def retention_cases(draw: st.DrawFn, states: frozenset[State] | None = None) -> RetentionCase:
    """Retention cases reached only through legal steps of ``TRANSITIONS`` (A3-4 to A3-6).

    The walk starts at receipt and takes random legal steps at increasing, aware times in
    several time zones; ``states`` steers it to end in one of the given states.
    """
    every = sorted(frozenset(TRANSITIONS.values()))
    wanted = states or frozenset({draw(st.sampled_from(every))})
    viable = _reaches(wanted)
    received = draw(aware_datetimes())
    case_id = draw(st.from_regex(r"[a-z]{1,4}-[0-9]{1,6}", fullmatch=True) | st.none())
    case = RetentionCase.received(received, case_id=case_id)
    at = received
    for _ in range(12):
        if case.state in wanted and draw(st.booleans()):
            break
        options = sorted(
            (step, outcome)
            for (state, step, outcome), nxt in TRANSITIONS.items()
            if state == case.state and nxt in viable
        )
        if not options:
            break
        step, outcome = draw(st.sampled_from(options))
        # Add in UTC: wall-clock arithmetic in a zone with DST can step back an hour.
        at = (at.astimezone(UTC) + draw(_GAPS)).astimezone(draw(st.sampled_from(_ZONES)))
        if step == "contacted":
            case = case.contacted(at, outcome)  # type: ignore[arg-type]
        elif step == "dossier_opened":
            case = case.dossier_opened(at)
        else:
            case = case.dossier_closed(at)
    if case.state not in wanted:
        case = draw(st.nothing())
    return case


_FACTS = (
    "Een e-mail met een versleuteld pakket ging naar een verkeerd adres.",
    "Een laptop met een export van de mailbox werd gestolen uit een wagen.",
    "Het wachtwoord van het pakket stond in dezelfde e-mail als het pakket.",
    "Een medewerker zonder beroepsgeheim opende de gedeelde mailbox.",
)
_DELAY_REASONS = (
    "De omvang werd pas na onderzoek door de leverancier duidelijk.",
    "De melding liep vertraging op door een storing in het meldsysteem.",
)


def _choices(alias: object) -> st.SearchStrategy[str]:
    return st.sampled_from(get_args(alias))


@st.composite
def breach_notices(draw: st.DrawFn, both_parties_affected: bool | None = None) -> BreachNotice:
    """Valid breach notices (GDPR art. 33(3); A9-1 to A9-4), sometimes in a later phase.

    Awareness, occurrence, issue and notification times are aware and consistent; at least
    one security property is lost; free text and referral ids (register only) appear too.
    """
    aware = draw(aware_datetimes())
    utc = aware.astimezone(UTC)  # add in UTC: wall-clock arithmetic can step back at DST
    gap = st.integers(0, 14 * 24 * 60).map(lambda minutes: timedelta(minutes=minutes))
    losses = (
        draw(_choices(LossOfConfidentiality)),
        draw(_choices(LossOfIntegrity)),
        draw(_choices(LossOfAvailability)),
    )
    if losses == ("none", "none", "none"):
        losses = ("known_recipients", "none", "none")
    encrypted = draw(st.booleans())
    notice = BreachNotice(
        notice_id=draw(st.from_regex(r"lek-20[2-4][0-9]-[0-9]{1,4}", fullmatch=True)),
        reporter=draw(st.sampled_from(("sender", "recipient"))),
        aware_at=aware,
        occurred_at=draw(st.none() | gap.map(lambda g: utc - g)),
        issued_at=utc + draw(gap),
        cause=draw(_choices(Cause)),
        confidentiality=losses[0],
        integrity=losses[1],
        availability=losses[2],
        malicious=draw(st.booleans()),
        data_items=draw(st.frozensets(st.sampled_from(list(DataItem)), min_size=1)),
        data_subjects=draw(st.integers(0, 5000)),
        records=draw(st.integers(0, 20000)),
        counts_approximate=draw(st.booleans()),
        consequences=draw(st.frozensets(_choices(Consequence))),
        measures_taken=draw(st.frozensets(_choices(Measure))),
        measures_proposed=draw(st.frozensets(_choices(Measure))),
        both_parties_affected=(
            draw(st.booleans()) if both_parties_affected is None else both_parties_affected
        ),
        joint_consultation=draw(st.booleans()),
        encrypted=encrypted,
        key_compromised=encrypted and draw(st.booleans()),
        ease_of_identification=draw(_choices(EaseOfIdentification)),
        authority_notified_at=draw(st.none() | gap.map(lambda g: utc + g)),
        delay_reasons=draw(st.none() | st.sampled_from(_DELAY_REASONS)),
        facts=draw(st.none() | st.sampled_from(_FACTS)),
        referral_ids=tuple(
            draw(st.lists(st.from_regex(r"ref-[0-9]{1,6}", fullmatch=True), max_size=3))
        ),
    )
    for _ in range(draw(st.integers(0, 2))):
        notice = notice.supplement(
            at=notice.issued_at.astimezone(UTC) + draw(gap),
            data_subjects=draw(st.integers(0, 5000)),
            measures_taken=notice.measures_taken | draw(st.frozensets(_choices(Measure))),
        )
    return notice


# --- consents and referrals (recital C, art. 4 to 6, 11) -----------------------------------

_BRUSSELS = ZoneInfo("Europe/Brussels")
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
    {frozenset({"CONSENT_WITHDRAWN", "CONSENT_AFTER_TRANSFER"})}
)
"""Pairs that cannot hold together: a consent is withdrawn only after it was given."""


def _identifiers(prefix: str) -> st.SearchStrategy[str]:
    # Fewer than ten digits: an id never has the shape of a forbidden identifier.
    return st.integers(1, 999_999).map(lambda n: f"{prefix}-{n:06d}")


def _local_window(protocol: Protocol) -> tuple[datetime, datetime]:
    # Naive Brussels wall-clock bounds of the days the protocol is in force.
    start = datetime.combine(protocol.in_force_from, datetime.min.time())
    last = protocol.ends_on or (protocol.in_force_from + timedelta(days=6 * 366))
    end = datetime.combine(last, datetime.min.time()) - timedelta(seconds=1)
    return start, end


def _brussels_instants(low: datetime, high: datetime) -> st.SearchStrategy[datetime]:
    # Instants whose Brussels calendar date lies in [low, high], shown in several zones.
    return st.builds(
        lambda moment, zone: moment.astimezone(zone),
        st.datetimes(
            min_value=low, max_value=high, timezones=st.just(_BRUSSELS), allow_imaginary=False
        ),
        st.sampled_from(_ZONES),
    )


def moments(protocol: Protocol = TORHOUT, *, in_force: bool = True) -> st.SearchStrategy[datetime]:
    """Aware instants at which ``protocol`` is in force (or, with ``in_force=False``, is not:
    up to three years before it starts or after it ends), shown in several time zones; the
    ``at=`` to pass to :func:`referrals` and to the check (A11-1, A11-2, A11-3)."""
    start, end = _local_window(protocol)
    if in_force:
        return _brussels_instants(start, end)
    before = _brussels_instants(start - timedelta(days=3 * 366), start - timedelta(seconds=1))
    if protocol.ends_on is None:
        return before
    return before | _brussels_instants(end + timedelta(seconds=1), end + timedelta(days=3 * 366))


def _shift(moment: datetime, delta: timedelta) -> datetime:
    # ``delta`` later as an instant, shown in ``moment``'s zone: wall-clock arithmetic in a
    # zone with DST lands in the autumn fold or the spring gap, an hour off.
    return (as_utc(moment) + delta).astimezone(moment.tzinfo)


def consents(
    protocol: Protocol = TORHOUT,
    *,
    items: frozenset[DataItem] | None = None,
    given_before: datetime | None = None,
) -> st.SearchStrategy[Consent]:
    """Valid consents (C-6, C-7): fully informed, to the protocol's recipient, not withdrawn.

    ``items`` are the data items covered (default: name and address, and maybe phone and
    e-mail); with ``given_before`` (aware) the consent was given up to 90 days before it.
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
        moment = given_before
        given = st.integers(0, 90 * 24 * 3600).map(lambda s: _shift(moment, timedelta(seconds=-s)))
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
    gap = timedelta(seconds=draw(st.integers(0, 90 * 24 * 3600)))
    given_at = (
        _shift(moment, gap + timedelta(seconds=1))
        if "CONSENT_AFTER_TRANSFER" in violating
        else _shift(moment, -gap)
    )
    withdrawn_at = None
    if "CONSENT_WITHDRAWN" in violating:
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
        field = draw(st.sampled_from(("street", "municipality")))
        marked = client.address.model_copy(update={field: f"{client.address.street} {number}"})
        referral = referral.model_copy(
            update={"client": client.model_copy(update={"address": marked})}
        )
    return referral


def national_register_numbers() -> st.SearchStrategy[str]:
    """Syntactically valid Belgian national register numbers (never real ones on purpose;
    A3-3): YYMMDD SSS CC with the mod-97 check of the birth century, dotted."""

    def number(born: datetime, serial: int) -> str:
        first9 = f"{born:%y%m%d}{serial:03d}"
        base = int(("2" if born.year >= 2000 else "") + first9)
        digits = f"{first9}{97 - base % 97:02d}"
        return f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}-{digits[6:9]}.{digits[9:]}"

    return st.builds(
        number, st.datetimes(datetime(1930, 1, 1), datetime(2023, 12, 31)), st.integers(1, 997)
    )


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
        raise InvalidArgument("CONSENT_WITHDRAWN and CONSENT_AFTER_TRANSFER exclude each other")
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
    possible = sorted(REFERRAL_VIOLATIONS - unsure)
    subsets = st.sets(st.sampled_from(possible), min_size=1, max_size=4).filter(
        lambda codes: not any(pair <= codes for pair in INCOMPATIBLE_VIOLATIONS)
    )
    return subsets.flatmap(lambda codes: _referrals(protocol, at, frozenset(codes)))
