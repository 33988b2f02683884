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
from protocol_share.fields import Address, ClientData, DataItem
from protocol_share.protocol import Protocol
from protocol_share.retention import TRANSITIONS, RetentionCase, State
from protocol_share.torhout import TORHOUT

__all__ = [
    "addresses",
    "aware_datetimes",
    "breach_notices",
    "client_data",
    "emails",
    "person_names",
    "phones",
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
    """Timezone-aware instants in several zones, Brussels included (DESIGN: ``at=`` is aware)."""
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
