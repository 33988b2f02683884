"""After receipt (A3-4 to A3-6, A9-1 to A9-4, C-7): retention cases reached only through
legal steps, valid breach notices, and valid notices of a withdrawal of consent."""

from __future__ import annotations

from datetime import UTC, timedelta
from typing import get_args

from hypothesis import strategies as st

from protocol_share.clientdata._fields import DataItem
from protocol_share.notices import (
    BreachNotice,
    Cause,
    Consequence,
    EaseOfIdentification,
    LossOfAvailability,
    LossOfConfidentiality,
    LossOfIntegrity,
    Measure,
    WithdrawalNotice,
)
from protocol_share.protocol._protocol import Protocol
from protocol_share.protocol._torhout import TORHOUT
from protocol_share.retention import TRANSITIONS, RetentionCase, State
from protocol_share.strategies._moments import _ZONES, moments

__all__ = ["breach_notices", "retention_cases", "withdrawal_notices"]

_GAPS = st.one_of(
    st.integers(0, 24 * 60),  # within a day
    st.integers(0, 60 * 24 * 60),  # within two months
    st.integers(0, 6 * 366 * 24 * 60),  # up to six years
).map(lambda minutes: timedelta(minutes=minutes))


_REVIEW_REASONS = ("second_attempt_planned", "awaiting_client_documents", "file_still_active")


def _reaches(wanted: frozenset[State]) -> frozenset[State]:
    # The states from which a wanted state can still be reached through TRANSITIONS.
    reach = set(wanted)
    while True:
        more = {state for (state, _, _), nxt in TRANSITIONS.items() if nxt in reach} - reach
        if not more:
            return frozenset(reach)
        reach |= more


@st.composite
def retention_cases(
    draw: st.DrawFn, protocol: Protocol = TORHOUT, states: frozenset[State] | None = None
) -> RetentionCase:
    """Retention cases reached only through legal steps of ``TRANSITIONS`` (A3-4 to A3-6, C-7):
    contacts, reviews (a kept one with a reason code), withdrawals, files opened and closed.

    The walk starts at receipt, at a moment ``protocol`` is in force (A5-2, A11-1: no
    referral arrives outside its term, so a matching referral is allowed), and takes random
    legal steps at increasing, aware times in several time zones; ``states`` steers it to
    end in one of the given states.
    """
    every = sorted(frozenset(TRANSITIONS.values()))
    wanted = states or frozenset({draw(st.sampled_from(every))})
    viable = _reaches(wanted)
    received = draw(moments(protocol))
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
        elif step == "reviewed":
            reason = draw(st.sampled_from(_REVIEW_REASONS)) if outcome == "keep" else None
            case = case.reviewed(at, outcome, reason=reason)  # type: ignore[arg-type]
        elif step == "consent_withdrawn":
            case = case.consent_withdrawn(at)
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
def breach_notices(
    draw: st.DrawFn, protocol: Protocol = TORHOUT, both_parties_affected: bool | None = None
) -> BreachNotice:
    """Valid breach notices (GDPR art. 33(3); A9-1 to A9-4), sometimes in a later phase.

    The breach became known at a moment ``protocol`` is in force (it concerns data shared
    under it, A9-1).

    Awareness, occurrence, issue and notification times are aware and consistent; at least
    one security property is lost; free text and referral ids (register only) appear too.
    """
    aware = draw(moments(protocol))
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


@st.composite
def withdrawal_notices(draw: st.DrawFn, protocol: Protocol = TORHOUT) -> WithdrawalNotice:
    """Valid notices that the client withdrew consent after the transfer (C-7, A5-1).

    The referral was sent at a moment ``protocol`` is in force; the withdrawal follows it
    (by a second up to some years) and the notice follows the withdrawal, every moment
    aware, in several time zones. The ids are opaque, as case-management systems write them.
    """
    sent = draw(moments(protocol))
    utc = sent.astimezone(UTC)  # add in UTC: wall-clock arithmetic can step back at DST
    withdrawn = utc + timedelta(seconds=1) + draw(_GAPS)
    notified = withdrawn + draw(_GAPS)
    ids = st.from_regex(r"[a-z]{3,5}-20[2-4][0-9]-[0-9]{1,6}", fullmatch=True) | st.uuids().map(str)
    return WithdrawalNotice(
        notice_id=draw(ids),
        referral_id=draw(ids),
        consent_id=draw(ids),
        sent_at=sent,
        withdrawn_at=withdrawn.astimezone(draw(st.sampled_from(_ZONES))),
        notified_at=notified.astimezone(draw(st.sampled_from(_ZONES))),
    )
