"""The transfer decision (recital C, art. 3 to 6, 11): laws of check_referral and check_onward_share.

Property tests are named after the law they check. Generated referrals are checked at their
own ``created_at`` (see ``protocol_share.strategies.referrals``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from protocol_share import (
    ALL_TOPICS,
    ONWARD_RULES,
    REASONS,
    REFERRAL_RULES,
    TORHOUT,
    Address,
    ClientData,
    Consent,
    DataItem,
    InvalidInput,
    OnwardShare,
    Protocol,
    Recipient,
    Referral,
    Rule,
    Sender,
    check_onward_share,
    check_referral,
    rules_markdown,
)
from protocol_share._time import BRUSSELS
from protocol_share.clientdata._screening import was_screened
from protocol_share.decision import REASON_CODES, evaluate
from protocol_share.decision._referral import DECREE_CHECKS, Locality
from protocol_share.decision._rules import consent_floor
from protocol_share.decision._table import PROTOCOL_IN_FORCE, Moment
from protocol_share.examples import example_referral
from protocol_share.strategies import (
    INCOMPATIBLE_VIOLATIONS,
    REFERRAL_VIOLATIONS,
    aware_datetimes,
    consents,
    moments,
    national_register_numbers,
    phones,
    referrals,
)
from tests.decision.clock_changes import (
    AUTUMN_0230_F1,
    AUTUMN_0240_F1,
    AUTUMN_0245_F0,
    AUTUMN_0250_F0,
    SPRING_0230_GAP,
    SPRING_0310,
)

ROOT = Path(__file__).resolve().parents[2]
Case = tuple[Referral, Protocol, datetime]


def decide(case: Case) -> frozenset[str]:
    referral, protocol, at = case
    return check_referral(referral, protocol, at=at).codes


def with_parts(referral: Referral, **parts: Any) -> Referral:
    """The referral with some parts replaced, validated again (parts given as models)."""
    return Referral.model_validate({**dict(referral), **parts})


def rebuilt(model: Any, **changes: Any) -> Any:
    return type(model).model_validate({**model.model_dump(), **changes})


# --- the violations the issue names, as transformations of a valid case -------------------


# Arithmetic on instants in UTC: one zone's datetimes subtract and compare by wall clock.


def withdraw_the_consent(case: Case, data: st.DataObject) -> Case:
    referral, protocol, at = case
    given, until = referral.consent.given_at.astimezone(UTC), at.astimezone(UTC)
    span = (until - given).total_seconds()
    when = given + timedelta(seconds=data.draw(st.floats(0, span)))
    return with_parts(referral, consent=referral.consent.withdraw(min(when, until))), protocol, at


def move_at_before_the_consent(case: Case, data: st.DataObject) -> Case:
    referral, protocol, _ = case
    given = referral.consent.given_at.astimezone(UTC)
    moved = given - timedelta(seconds=data.draw(st.integers(1, 30 * 86400)))
    assume(protocol.status_at(moved) == "in_force")  # else the protocol rule fails too
    # The referral is made at the moment checked, as before (else REFERRAL_AFTER_DECISION).
    return with_parts(referral, created_at=moved), protocol, moved


def age_the_consent(case: Case, data: st.DataObject) -> Case:
    # The transfer moves to a day more than protocol.consent.max_age_days after the consent
    # (Brussels days); the referral is made at that moment, as before.
    referral, protocol, at = case
    consent_day = referral.consent.given_at.astimezone(BRUSSELS).date()
    day = consent_day + timedelta(days=protocol.consent.max_age_days + 1)
    day += timedelta(days=data.draw(st.integers(0, 400)))
    moved = datetime.combine(day, datetime.min.time(), tzinfo=BRUSSELS)
    moved += timedelta(seconds=data.draw(st.integers(0, 86399)))
    moved = max(moved.astimezone(UTC), at.astimezone(UTC))
    return with_parts(referral, created_at=moved), protocol, moved


def test_the_consent_floor_is_the_latest_start_of_the_protocol_and_its_sharing_bases() -> None:
    # C-7, A11-1: derived once per protocol, and again for a changed one.
    assert consent_floor(TORHOUT) == TORHOUT.consent_floor == TORHOUT.in_force_from
    later = TORHOUT.in_force_from + timedelta(days=30)
    bases = tuple(
        basis.replace(in_force_from=later) if basis.role == "sharing" else basis
        for basis in TORHOUT.legal_bases
    )
    assert TORHOUT.replace(legal_bases=bases).consent_floor == later
    assert TORHOUT.model_copy(update={"legal_bases": bases}).consent_floor == later
    earlier = TORHOUT.in_force_from - timedelta(days=30)
    bases = tuple(basis.replace(in_force_from=earlier) for basis in TORHOUT.legal_bases)
    assert TORHOUT.replace(legal_bases=bases).consent_floor == TORHOUT.in_force_from


def date_the_sharing_basis_after_the_consent(case: Case, data: st.DataObject) -> Case:
    # The protocol's sharing basis took effect the day after the consent: the consent is
    # older than what it names (C-7), while the protocol itself is in force.
    referral, protocol, at = case
    after = referral.consent.given_at.astimezone(BRUSSELS).date() + timedelta(days=1)
    bases = tuple(
        basis.replace(in_force_from=after) if basis.role == "sharing" else basis
        for basis in protocol.legal_bases
    )
    return referral, protocol.replace(legal_bases=bases), at


def make_the_referral_after_the_decision(case: Case, data: st.DataObject) -> Case:
    referral, protocol, at = case
    later = at.astimezone(UTC) + timedelta(seconds=data.draw(st.integers(1, 400 * 86400)))
    return with_parts(referral, created_at=later), protocol, at


def move_the_client_elsewhere(case: Case, data: st.DataObject) -> Case:
    referral, protocol, at = case
    postcode = data.draw(st.sampled_from(("8000", "8810", "9000", "1000", "8900")))
    address = rebuilt(referral.client.address, postcode=postcode, municipality="Elders")
    return with_parts(referral, client=rebuilt(referral.client, address=address)), protocol, at


def drop_a_topic(case: Case, data: st.DataObject) -> Case:
    referral, protocol, at = case
    topic = data.draw(st.sampled_from(sorted(ALL_TOPICS)))
    consent = rebuilt(referral.consent, explained=sorted(ALL_TOPICS - {topic}))
    return with_parts(referral, consent=consent), protocol, at


def drop_the_senders_secrecy(case: Case, data: st.DataObject) -> Case:
    referral, protocol, at = case
    sender = rebuilt(referral.sender, professional_secrecy=False)
    return with_parts(referral, sender=sender), protocol, at


def drop_the_recipients_secrecy(case: Case, data: st.DataObject) -> Case:
    referral, protocol, at = case
    recipient = rebuilt(referral.recipient, professional_secrecy=False)
    return with_parts(referral, recipient=recipient), protocol, at


def change_the_mailbox(case: Case, data: st.DataObject) -> Case:
    referral, protocol, at = case
    mailbox = data.draw(st.sampled_from(("onthaal@torhout.be", "sociaal.huis@brugge.be")))
    recipient = rebuilt(referral.recipient, mailbox=mailbox)
    return with_parts(referral, recipient=recipient), protocol, at


def add_an_unconsented_item(case: Case, data: st.DataObject) -> Case:
    referral, protocol, at = case
    item = data.draw(st.sampled_from((DataItem.PHONE, DataItem.EMAIL)))
    client = referral.client
    if item not in client.items:
        value = data.draw(phones()) if item == DataItem.PHONE else "gezin@example.be"
        client = rebuilt(client, **{item.value: value})
    consent = rebuilt(referral.consent, data_items=sorted(referral.consent.data_items - {item}))
    return with_parts(referral, client=client, consent=consent), protocol, at


def end_the_protocol(case: Case, data: st.DataObject) -> Case:
    referral, protocol, at = case
    today = at.astimezone(BRUSSELS).date()
    ended_on = today - timedelta(days=data.draw(st.integers(0, 400)))
    return referral, protocol.terminate_for_breach(ended_on), at


# In the order they are applied: ending the protocol reads the final `at`.
VIOLATIONS: dict[str, tuple[Callable[[Case, st.DataObject], Case], str]] = {
    "withdraw the consent": (withdraw_the_consent, "CONSENT_WITHDRAWN"),
    "move at before the consent": (move_at_before_the_consent, "CONSENT_AFTER_TRANSFER"),
    "move the client to another postcode": (move_the_client_elsewhere, "NOT_RESIDENT"),
    "drop a topic explained": (drop_a_topic, "CONSENT_NOT_INFORMED"),
    "drop the sender's secrecy": (drop_the_senders_secrecy, "SENDER_NO_SECRECY"),
    "drop the recipient's secrecy": (drop_the_recipients_secrecy, "RECIPIENT_NO_SECRECY"),
    "change the mailbox": (change_the_mailbox, "WRONG_MAILBOX"),
    "add an unconsented item": (add_an_unconsented_item, "CONSENT_SCOPE_DATA"),
    "age the consent": (age_the_consent, "CONSENT_TOO_OLD"),
    "date the sharing basis after the consent": (
        date_the_sharing_basis_after_the_consent,
        "CONSENT_BEFORE_PROTOCOL",
    ),
    "make the referral after the decision": (
        make_the_referral_after_the_decision,
        "REFERRAL_AFTER_DECISION",
    ),
    "end the protocol": (end_the_protocol, "PROTOCOL_NOT_IN_FORCE"),
}
EXCLUSIVE = (
    {"withdraw the consent", "move at before the consent"},  # a withdrawal follows consent
    {"age the consent", "move at before the consent"},  # a consent after at is not old
)

ALL_RULES: tuple[Rule[Any], ...] = (*REFERRAL_RULES, *ONWARD_RULES)
valid_cases = referrals().map(lambda r: (r, TORHOUT, r.created_at))


# --- laws -----------------------------------------------------------------------------------


@given(valid_cases)
def test_a_valid_referral_is_always_allowed(case: Case) -> None:
    referral, protocol, at = case
    decision = check_referral(referral, protocol, at=at)
    assert decision.allowed
    assert decision.reasons == ()


@pytest.mark.parametrize("violation", sorted(VIOLATIONS))
@given(case=valid_cases, data=st.data())
def test_each_single_violation_yields_exactly_its_own_code(
    violation: str, case: Case, data: st.DataObject
) -> None:
    transform, code = VIOLATIONS[violation]
    assert decide(transform(case, data)) == {code}


@given(case=valid_cases, data=st.data())
def test_several_violations_yield_exactly_the_union(case: Case, data: st.DataObject) -> None:
    chosen = data.draw(st.sets(st.sampled_from(sorted(VIOLATIONS)), min_size=2))
    assume(not any(chosen >= pair for pair in EXCLUSIVE))
    for name in VIOLATIONS:  # in table order
        if name in chosen:
            case = VIOLATIONS[name][0](case, data)
    assert decide(case) == {VIOLATIONS[name][1] for name in chosen}


def draw_violating(data: st.DataObject, codes: set[str]) -> Case:
    """A referral breaking exactly ``codes``, and the moment to check it at: its own
    ``created_at``, or, for REFERRAL_AFTER_DECISION, a moment drawn first (``at=``)."""
    if "REFERRAL_AFTER_DECISION" not in codes:
        referral = data.draw(referrals(valid=False, violating=codes))
        return referral, TORHOUT, referral.created_at
    at = data.draw(moments(in_force="PROTOCOL_NOT_IN_FORCE" not in codes))
    floor = consent_floor(TORHOUT)
    max_age = timedelta(days=TORHOUT.consent.max_age_days)
    early, old = "CONSENT_BEFORE_PROTOCOL" in codes, "CONSENT_TOO_OLD" in codes
    if early != old:  # a moment that leaves room for exactly one of the two (C-7, A5-1)
        low, high = (
            (floor + timedelta(days=1), floor + max_age - timedelta(days=1))
            if early
            else (floor + max_age + timedelta(days=2), floor + max_age + timedelta(days=400))
        )
        at = data.draw(
            st.datetimes(
                min_value=datetime.combine(low, datetime.min.time()),
                max_value=datetime.combine(high, datetime.min.time()),
                timezones=st.just(BRUSSELS),
                allow_imaginary=False,
            )
        )
    return data.draw(referrals(valid=False, violating=codes, at=at)), TORHOUT, at


@pytest.mark.parametrize("code", sorted(REFERRAL_VIOLATIONS - {"DATA_ITEM_NOT_IN_PROTOCOL"}))
@given(data=st.data())
def test_each_generated_violation_yields_exactly_its_code(code: str, data: st.DataObject) -> None:
    assert decide(draw_violating(data, {code})) == {code}


def _without_email(protocol: Protocol) -> Protocol:
    specs = [s.model_dump() for s in protocol.data_items if s.item != DataItem.EMAIL]
    return Protocol.model_validate({**protocol.model_dump(), "data_items": specs})


@given(data=st.data())
def test_an_item_the_protocol_does_not_list_yields_exactly_its_code(data: st.DataObject) -> None:
    protocol = _without_email(TORHOUT)
    referral = data.draw(referrals(protocol))
    assert decide((referral, protocol, referral.created_at)) == frozenset()
    broken = data.draw(referrals(protocol, valid=False, violating={"DATA_ITEM_NOT_IN_PROTOCOL"}))
    assert decide((broken, protocol, broken.created_at)) == {"DATA_ITEM_NOT_IN_PROTOCOL"}


_compatible_sets = st.sets(
    st.sampled_from(sorted(REFERRAL_VIOLATIONS - {"DATA_ITEM_NOT_IN_PROTOCOL"})),
    min_size=2,
    max_size=6,
).filter(lambda codes: not any(pair <= codes for pair in INCOMPATIBLE_VIOLATIONS))


@given(codes=_compatible_sets, data=st.data())
def test_generated_violations_together_yield_exactly_their_union(
    codes: set[str], data: st.DataObject
) -> None:
    assert decide(draw_violating(data, codes)) == codes


@given(referral=referrals() | referrals(valid=False), random=st.randoms())
def test_shuffling_the_rule_table_never_changes_a_decision(referral: Referral, random: Any) -> None:
    table = list(REFERRAL_RULES)
    random.shuffle(table)
    at = referral.created_at
    assert evaluate(table, referral, TORHOUT, at=at) == check_referral(referral, TORHOUT, at=at)


def _personal_values(referral: Referral) -> set[str]:
    client, address = referral.client, referral.client.address
    values = {
        client.first_name,
        client.last_name,
        client.phone or "",
        client.email or "",
        address.street,
        address.house_number,
        address.box or "",
        address.postcode,
        address.municipality,
    }
    return {value for value in values if len(value) >= 3}


@given(referrals(valid=False))
def test_no_message_contains_a_personal_value(referral: Referral) -> None:
    decision = check_referral(referral, TORHOUT, at=referral.created_at)
    assert not decision.allowed
    for reason in decision.reasons:
        assert reason == REASONS[reason.code]  # the catalogue's fixed texts, never filled in
        for value in _personal_values(referral):
            assert value not in reason.message_nl
            assert value not in reason.message_en


# --- time ---------------------------------------------------------------------------------


def _valid_at(at: datetime, protocol: Protocol = TORHOUT) -> Referral:
    client = ClientData(
        first_name="An",
        last_name="Peeters",
        address=Address(street="Markt", house_number="1", postcode="8820", municipality="Torhout"),
    )
    consent = Consent(
        consent_id="c-000001",
        given_at=at,  # at the very moment: never before the protocol's first day
        method="verbal",
        information_notice="infofiche-ocmw-v2",
        explained=ALL_TOPICS,
        recipient_kbo=protocol.recipient.kbo,
        data_items={"name", "address"},
        recorded_by="kg-000017",
    )
    return Referral(
        referral_id="r-000001",
        client=client,
        consent=consent,
        sender=Sender(member_id="kg-000017", team=protocol.team),
        recipient=Recipient(organisation_kbo=protocol.recipient.kbo, mailbox=protocol.mailbox),
        assessed_appropriate=True,
        created_at=at,
    )


@pytest.mark.parametrize(
    ("at", "codes"),
    [
        (datetime(2024, 4, 17, 22, 30, tzinfo=UTC), set()),  # 00:30 on the 18th in Brussels
        (datetime(2024, 4, 17, 21, 59, 59, tzinfo=UTC), {"PROTOCOL_NOT_IN_FORCE"}),
        (datetime(2024, 4, 18, 0, 0, tzinfo=BRUSSELS), set()),
        (datetime(2024, 4, 17, 23, 59, 59, tzinfo=BRUSSELS), {"PROTOCOL_NOT_IN_FORCE"}),
    ],
)
def test_entry_into_force_is_a_brussels_date(at: datetime, codes: set[str]) -> None:
    assert check_referral(_valid_at(at), at=at).codes == codes


@pytest.mark.parametrize("ends_on", [date(2025, 1, 1), date(2025, 7, 1)])  # winter, summer
def test_the_end_is_a_brussels_date(ends_on: date) -> None:
    protocol = TORHOUT.terminate_for_breach(ends_on)
    last_second = datetime.combine(ends_on, datetime.min.time(), BRUSSELS) - timedelta(seconds=1)
    first_second = last_second + timedelta(seconds=1)
    assert check_referral(_valid_at(last_second, protocol), protocol, at=last_second).allowed
    refused = check_referral(_valid_at(first_second, protocol), protocol, at=first_second)
    assert refused.codes == {"PROTOCOL_NOT_IN_FORCE"}
    # the same instants written in UTC give the same answers
    assert check_referral(
        _valid_at(last_second, protocol), protocol, at=last_second.astimezone(UTC)
    ).allowed


def test_consent_at_the_very_moment_counts_and_a_withdrawal_at_it_too() -> None:
    at = datetime(2026, 11, 28, 10, tzinfo=BRUSSELS)
    referral = _valid_at(at)
    same_moment = with_parts(referral, consent=rebuilt(referral.consent, given_at=at))
    assert check_referral(same_moment, at=at).allowed
    withdrawn = with_parts(referral, consent=referral.consent.withdraw(at))
    assert check_referral(withdrawn, at=at).codes == {"CONSENT_WITHDRAWN"}
    # a withdrawal after the moment does not count yet
    later = with_parts(referral, consent=referral.consent.withdraw(at + timedelta(seconds=1)))
    assert check_referral(later, at=at).allowed


@pytest.mark.parametrize("at", [datetime(2026, 11, 28, 10), "2026-11-28T10:00:00+01:00", None])
def test_the_moment_must_be_an_aware_datetime(at: Any) -> None:
    referral = _valid_at(datetime(2026, 11, 28, 10, tzinfo=BRUSSELS))
    with pytest.raises(InvalidInput) as caught:
        check_referral(referral, at=at)
    assert caught.value.codes <= {"NAIVE_DATETIME", "WRONG_TYPE"}
    assert caught.value.codes
    share = OnwardShare(
        received_at=RECEIVED, kind="social_worker", organisation_kbo=TORHOUT.recipient.kbo
    )
    with pytest.raises(InvalidInput):
        check_onward_share(share, at=at)


def test_only_a_referral_and_a_protocol_are_checked() -> None:
    referral = _valid_at(datetime(2026, 11, 28, 10, tzinfo=BRUSSELS))
    at = referral.created_at
    with pytest.raises(InvalidInput) as caught:
        check_referral(referral.model_dump(), at=at)  # type: ignore[arg-type]
    assert caught.value.codes == {"WRONG_TYPE"}
    with pytest.raises(InvalidInput):
        check_referral(referral, TORHOUT.model_dump(), at=at)  # type: ignore[arg-type]


# --- the rules one by one -----------------------------------------------------------------


def test_the_mailbox_is_compared_without_letter_case() -> None:
    referral = _valid_at(datetime(2026, 11, 28, 10, tzinfo=BRUSSELS))
    shouted = rebuilt(referral.recipient, mailbox="Sociaal.Huis@Torhout.BE")
    assert check_referral(with_parts(referral, recipient=shouted), at=referral.created_at).allowed


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"team": "lokaal team Kind en Gezin Brugge"}, "SENDER_NOT_AUTHORISED"),
        ({"role": "coordinator"}, "SENDER_NOT_AUTHORISED"),
    ],
)
def test_the_sender_is_a_member_of_the_protocols_team(changes: dict[str, str], code: str) -> None:
    referral = _valid_at(datetime(2026, 11, 28, 10, tzinfo=BRUSSELS))
    sender = rebuilt(referral.sender, **changes)
    assert check_referral(with_parts(referral, sender=sender), at=referral.created_at).codes == {
        code
    }


@pytest.mark.parametrize(
    "changes", [{"organisation_kbo": "0207.123.407"}, {"role": "administrative_staff"}]
)
def test_the_recipient_is_a_social_worker_of_the_protocols_recipient(
    changes: dict[str, str],
) -> None:
    referral = _valid_at(datetime(2026, 11, 28, 10, tzinfo=BRUSSELS))
    recipient = rebuilt(referral.recipient, **changes)
    decision = check_referral(with_parts(referral, recipient=recipient), at=referral.created_at)
    assert decision.codes == {"RECIPIENT_NOT_AUTHORISED"}


def test_a_consent_for_another_organisation_does_not_cover_the_recipient() -> None:
    referral = _valid_at(datetime(2026, 11, 28, 10, tzinfo=BRUSSELS))
    consent = rebuilt(referral.consent, recipient_kbo="0207.123.407")
    decision = check_referral(with_parts(referral, consent=consent), at=referral.created_at)
    assert decision.codes == {"CONSENT_SCOPE_RECIPIENT"}


def test_an_address_abroad_is_not_resident_even_with_a_listed_postcode() -> None:
    referral = _valid_at(datetime(2026, 11, 28, 10, tzinfo=BRUSSELS))
    address = rebuilt(referral.client.address, country="NL", postcode="8820")
    client = rebuilt(referral.client, address=address)
    decision = check_referral(with_parts(referral, client=client), at=referral.created_at)
    assert decision.codes == {"NOT_RESIDENT"}


def test_a_referral_not_judged_appropriate_is_refused() -> None:
    referral = _valid_at(datetime(2026, 11, 28, 10, tzinfo=BRUSSELS))
    decision = check_referral(
        with_parts(referral, assessed_appropriate=False), at=referral.created_at
    )
    assert decision.codes == {"NOT_ASSESSED"}


# --- the forbidden-identifier rule and what was screened ---------------------------------


@given(number=national_register_numbers(), where=st.sampled_from(("first_name", "street", "box")))
def test_an_unvalidated_part_with_a_national_number_is_refused(number: str, where: str) -> None:
    referral = _valid_at(datetime(2026, 11, 28, 10, tzinfo=BRUSSELS))
    client = referral.client
    if where == "first_name":
        client = client.model_copy(update={"first_name": f"An {number}"})
    else:
        address = client.address.model_copy(update={where: number})
        client = ClientData.model_construct(**{**dict(client), "address": address})
    tainted = referral.model_copy(update={"client": client})
    decision = check_referral(tainted, at=referral.created_at)
    assert decision.codes == {"FORBIDDEN_IDENTIFIER"}
    assert number not in decision.model_dump_json()


@pytest.mark.parametrize(
    ("phone", "forbidden"),
    [
        ("85.07.30-033.28", True),  # a whole national number in the phone field
        ("0470 12 34 56", False),  # a phone number in national notation has the KBO shape
        ("+32470123456", False),
    ],
)
def test_an_unvalidated_phone_is_screened_as_a_phone(phone: str, forbidden: bool) -> None:
    referral = _valid_at(datetime(2026, 11, 28, 10, tzinfo=BRUSSELS))
    client = referral.client.model_copy(update={"phone": phone})
    consent = rebuilt(referral.consent, data_items=["name", "address", "phone"])
    tainted = referral.model_copy(update={"client": client, "consent": consent})
    codes = check_referral(tainted, at=referral.created_at).codes
    assert ("FORBIDDEN_IDENTIFIER" in codes) is forbidden


@pytest.mark.parametrize(
    ("update", "forbidden"),
    [
        ({"email": "name1122.995328@example.be"}, False),  # 4-6: no KBO grouping
        ({"email": "an.85073003328@example.be"}, True),
        ({"phone": "0470 12 34 56 / 050 21 34 56"}, False),  # two phone numbers
        ({"street": "Kerkstraat 850730", "house_number": "033-28"}, True),  # cut over fields
        ({"street": "Kerkstraat", "house_number": "12", "box": "3"}, False),
    ],
)
def test_the_rule_reads_an_unvalidated_part_as_validation_does(
    update: dict[str, str], forbidden: bool
) -> None:
    referral = _valid_at(datetime(2026, 11, 28, 10, tzinfo=BRUSSELS))
    client = referral.client
    if "street" in update:
        address = client.address.model_copy(update=update)
        client = client.model_copy(update={"address": address})
    else:
        client = client.model_copy(update=update)
    consent = rebuilt(referral.consent, data_items=["name", "address", "phone", "email"])
    tainted = referral.model_copy(update={"client": client, "consent": consent})
    codes = check_referral(tainted, at=referral.created_at).codes
    assert ("FORBIDDEN_IDENTIFIER" in codes) is forbidden


@pytest.mark.parametrize(
    ("part", "field", "value"),
    [
        ("consent", "recorded_by", "kg-85073003328"),
        ("sender", "team", "team BE71 0961 2345 6769"),
        ("referral", "referral_id", "r-0212175523"),
    ],
)
def test_every_text_of_an_unvalidated_referral_is_screened(
    part: str, field: str, value: str
) -> None:
    referral = _valid_at(datetime(2026, 11, 28, 10, tzinfo=BRUSSELS))
    if part == "referral":
        tainted = referral.model_copy(update={field: value})
    else:
        model = getattr(referral, part).model_copy(update={field: value})
        tainted = referral.model_copy(update={part: model})
    codes = check_referral(tainted, at=referral.created_at).codes
    assert "FORBIDDEN_IDENTIFIER" in codes


@given(number=national_register_numbers(), where=st.sampled_from(("nested", "revalidated")))
def test_a_constructed_part_handed_to_validation_is_still_screened(number: str, where: str) -> None:
    # pydantic passes a model instance through a validator unchecked: it must not come out
    # marked as screened, whether nested in a new referral or given to model_validate.
    referral = _valid_at(datetime(2026, 11, 28, 10, tzinfo=BRUSSELS))
    client = ClientData.model_construct(**{**dict(referral.client), "first_name": f"An {number}"})
    if where == "nested":
        tainted = Referral(**{**dict(referral), "client": client})
    else:
        tainted = Referral.model_validate(
            Referral.model_construct(**{**dict(referral), "client": client})
        )
    assert not was_screened(client)
    decision = check_referral(tainted, at=referral.created_at)
    assert decision.codes == {"FORBIDDEN_IDENTIFIER"}
    assert number not in decision.model_dump_json()


def test_validation_marks_an_instance_as_screened_and_an_update_unmarks_it() -> None:
    referral = _valid_at(datetime(2026, 11, 28, 10, tzinfo=BRUSSELS))
    parts = (referral, referral.client, referral.client.address, referral.consent)
    assert all(was_screened(part) for part in parts)
    assert was_screened(Referral.model_validate_json(referral.model_dump_json()))
    assert was_screened(referral.model_copy())
    assert not was_screened(referral.model_copy(update={"referral_id": "r-2"}))
    assert not was_screened(ClientData.model_construct(**dict(referral.client)))
    # a withdrawal changes a datetime only: the texts stay screened
    assert was_screened(referral.consent.withdraw(referral.created_at))
    # the mark is no field: equality, dumps and repr ignore it
    constructed = Referral.model_construct(**dict(referral))
    assert constructed == referral
    assert "screened" not in repr(referral) + referral.model_dump_json()


# --- default deny and the table itself ----------------------------------------------------


def _rule(code: str, predicate: Callable[[Referral, Protocol, Moment], Any]) -> Rule[Referral]:
    return Rule(code, "C-1", "sender", predicate)


def test_a_rule_that_raises_or_answers_anything_but_true_fails() -> None:
    referral = _valid_at(datetime(2026, 11, 28, 10, tzinfo=BRUSSELS))

    def broken(r: Referral, p: Protocol, m: Moment) -> bool:
        raise RuntimeError("no answer")

    table = [
        _rule("NOT_ASSESSED", broken),
        _rule("WRONG_MAILBOX", lambda r, p, m: 1),
        _rule("NOT_RESIDENT", lambda r, p, m: "yes"),
        _rule("SENDER_NO_SECRECY", lambda r, p, m: True),
    ]
    decision = evaluate(table, referral, at=referral.created_at)
    assert decision.codes == {"NOT_ASSESSED", "WRONG_MAILBOX", "NOT_RESIDENT"}


def test_an_empty_table_allows_nothing() -> None:
    referral = _valid_at(datetime(2026, 11, 28, 10, tzinfo=BRUSSELS))
    with pytest.raises(InvalidInput) as caught:
        evaluate([], referral, at=referral.created_at)
    assert caught.value.codes == {"NO_RULES"}


def test_a_rule_must_give_a_known_reason() -> None:
    with pytest.raises(InvalidInput) as caught:
        _rule("MADE_UP", lambda r, p, m: True)
    assert caught.value.codes == {"UNKNOWN_REASON_CODE"}


def test_every_rule_gives_a_known_reason_and_codes_are_unique() -> None:
    codes = [rule.code for rule in REFERRAL_RULES]
    assert len(codes) == len(set(codes))
    design_codes = {
        "PROTOCOL_NOT_IN_FORCE", "SENDER_NOT_AUTHORISED", "SENDER_NO_SECRECY",
        "RECIPIENT_NOT_AUTHORISED", "RECIPIENT_NO_SECRECY", "WRONG_MAILBOX", "NOT_RESIDENT",
        "CONSENT_NOT_INFORMED", "CONSENT_WITHDRAWN", "CONSENT_AFTER_TRANSFER",
        "CONSENT_SCOPE_RECIPIENT", "CONSENT_SCOPE_DATA", "NOT_ASSESSED", "FORBIDDEN_IDENTIFIER",
    }  # fmt: skip
    assert design_codes <= set(codes)  # docs/design.md, public contract
    for rule in ALL_RULES:
        assert rule.reason == REASONS[rule.code]
        assert (rule.clause, rule.message_nl, rule.message_en) == (
            REASONS[rule.code].clause,
            REASONS[rule.code].message_nl,
            REASONS[rule.code].message_en,
        )


def test_the_markdown_table_lists_every_rule_verbatim() -> None:
    table = rules_markdown(REFERRAL_RULES)
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    assert len(rows) == len(REFERRAL_RULES)
    for rule, row in zip(REFERRAL_RULES, rows, strict=True):
        assert row.startswith(f"| `{rule.code}` | {rule.clause}")
        for text in (rule.requirement_nl, rule.requirement_en, rule.message_nl, rule.message_en):
            assert text in row
    consent_rows = rules_markdown(REFERRAL_RULES, group="consent").count("| `")
    assert consent_rows == sum(rule.group == "consent" for rule in REFERRAL_RULES)


def test_the_docs_show_each_rule_group_exactly_as_the_code_has_it() -> None:
    pages = {page.name: page.read_text(encoding="utf-8") for page in ROOT.glob("docs/decision*.md")}
    assert pages, "docs/decision*.md"
    text = "\n".join(pages.values())
    for group in sorted({rule.group for rule in REFERRAL_RULES}):
        assert rules_markdown(REFERRAL_RULES, group=group) in text, group
    assert rules_markdown(ONWARD_RULES) in text


def test_every_clause_a_rule_cites_exists() -> None:
    traceability = (ROOT / "docs" / "traceability.md").read_text(encoding="utf-8")
    known = set(re.findall(r"^\| ((?:C|D|E|A\d+)-\d+) \|", traceability, re.M))
    for rule in ALL_RULES:
        assert {rule.clause, *rule.see_also} <= known, rule.code


# --- art. 4: passing the data on ----------------------------------------------------------

AT = datetime(2026, 11, 28, 10, tzinfo=BRUSSELS)
RECEIVED = AT - timedelta(days=30)
OCMW = TORHOUT.recipient.kbo
CHECKED = DECREE_CHECKS


@pytest.mark.parametrize(
    ("share", "codes"),
    [
        (
            OnwardShare(
                received_at=RECEIVED,
                kind="social_worker",
                organisation_kbo=OCMW,
                professional_secrecy=True,
            ),
            set(),
        ),
        (
            OnwardShare(received_at=RECEIVED, kind="social_worker", organisation_kbo=OCMW),
            {"ONWARD_NO_SECRECY"},
        ),
        (
            OnwardShare(
                received_at=RECEIVED,
                kind="social_worker",
                organisation_kbo="0207.123.407",
                professional_secrecy=True,
            ),
            {"ONWARD_NOT_OWN_SOCIAL_WORKER"},
        ),
        (
            OnwardShare(
                received_at=RECEIVED,
                kind="breed_onthaal_actor",
                organisation_kbo="0207.123.407",
                breed_onthaal_partner=True,
                decree_checks=CHECKED,
            ),
            set(),
        ),
        (
            OnwardShare(
                received_at=RECEIVED,
                kind="breed_onthaal_actor",
                organisation_kbo="0207.123.407",
                breed_onthaal_partner=True,
                decree_checks=CHECKED - {"necessity"},
            ),
            {"ONWARD_DECREE_NOT_CHECKED"},
        ),
        (
            OnwardShare(
                received_at=RECEIVED,
                kind="breed_onthaal_actor",
                organisation_kbo="0207.123.407",
                decree_checks=CHECKED,
            ),
            {"ONWARD_NOT_PARTNER"},
        ),
        (
            OnwardShare(
                received_at=RECEIVED,
                kind="landlord",
                organisation_kbo="0207.123.407",
                professional_secrecy=True,
                breed_onthaal_partner=True,
            ),
            {"ONWARD_RECIPIENT_NOT_ALLOWED"},
        ),
    ],
)
def test_the_ocmw_passes_data_on_only_as_article_4_allows(
    share: OnwardShare, codes: set[str]
) -> None:
    assert check_onward_share(share, at=AT).codes == codes


_kinds = st.sampled_from(("social_worker", "breed_onthaal_actor", "landlord", "school"))


@given(
    kind=_kinds,
    own=st.booleans(),
    secrecy=st.booleans(),
    partner=st.booleans(),
    checks=st.frozensets(st.sampled_from(sorted(DECREE_CHECKS))),
    ended=st.booleans(),
    received_days_before=st.integers(-3, 4000),
    random=st.randoms(),
)
def test_onward_shares_yield_the_union_of_what_they_break(
    kind: str,
    own: bool,
    secrecy: bool,
    partner: bool,
    checks: frozenset[Any],
    ended: bool,
    received_days_before: int,
    random: Any,
) -> None:
    received = AT - timedelta(days=received_days_before)
    share = OnwardShare(
        received_at=received,
        kind=kind,
        organisation_kbo=OCMW if own else "0216.543.293",
        professional_secrecy=secrecy,
        breed_onthaal_partner=partner,
        decree_checks=checks,
    )
    end = date(2026, 1, 1)
    protocol = TORHOUT.terminate_for_breach(end) if ended else TORHOUT
    expected = set()
    in_force_then = TORHOUT.in_force_from <= received.date() and not (
        ended and received.date() >= end
    )
    if received > AT or not in_force_then:
        expected.add("ONWARD_NOT_RECEIVED_UNDER_PROTOCOL")
    if kind not in {"social_worker", "breed_onthaal_actor"}:
        expected.add("ONWARD_RECIPIENT_NOT_ALLOWED")
    if kind == "social_worker" and not own:
        expected.add("ONWARD_NOT_OWN_SOCIAL_WORKER")
    if kind == "social_worker" and not secrecy:
        expected.add("ONWARD_NO_SECRECY")
    if kind == "breed_onthaal_actor" and not partner:
        expected.add("ONWARD_NOT_PARTNER")
    if kind == "breed_onthaal_actor" and checks != DECREE_CHECKS:
        expected.add("ONWARD_DECREE_NOT_CHECKED")
    decision = check_onward_share(share, protocol, at=AT)
    assert decision.codes == expected
    table = list(ONWARD_RULES)
    random.shuffle(table)
    assert evaluate(table, share, protocol, at=AT) == decision


def test_after_the_protocol_ends_the_ocmw_still_uses_its_own_file() -> None:
    # A5-2 and A11 bound Opgroeien's transfers; article 4 governs the OCMW's own file.
    ended = TORHOUT.terminate_with_notice(date(2025, 1, 15))  # in force through 15 July 2025
    share = OnwardShare(
        received_at=datetime(2025, 7, 15, 16, tzinfo=BRUSSELS),
        kind="social_worker",
        organisation_kbo=OCMW,
        professional_secrecy=True,
    )
    assert check_onward_share(share, ended, at=datetime(2030, 1, 1, tzinfo=BRUSSELS)).allowed
    late = share.replace(received_at=datetime(2025, 7, 16, 9, tzinfo=BRUSSELS))
    assert check_onward_share(late, ended, at=AT).codes == {"ONWARD_NOT_RECEIVED_UNDER_PROTOCOL"}
    early = share.replace(received_at=AT + timedelta(hours=1))
    assert check_onward_share(early, at=AT).codes == {"ONWARD_NOT_RECEIVED_UNDER_PROTOCOL"}


def test_a_protocol_without_onward_recipients_allows_none() -> None:
    closed = Protocol.model_validate({**TORHOUT.model_dump(), "onward_recipients": []})
    share = OnwardShare(
        received_at=RECEIVED, kind="social_worker", organisation_kbo=OCMW, professional_secrecy=True
    )
    assert check_onward_share(share, closed, at=AT).codes == {"ONWARD_RECIPIENT_NOT_ALLOWED"}


def test_onward_messages_name_no_value() -> None:
    share = OnwardShare(received_at=RECEIVED, kind="landlord", organisation_kbo="0207.123.407")
    for reason in check_onward_share(share, at=AT).reasons:
        assert "landlord" not in reason.message_en + reason.message_nl
        assert "0207" not in reason.message_en + reason.message_nl


# --- the strategies themselves ------------------------------------------------------------


@given(data=st.data())
def test_referrals_at_a_given_moment_are_valid_then(data: st.DataObject) -> None:
    at = data.draw(st.sampled_from((AT, datetime(2024, 4, 17, 22, 30, tzinfo=UTC))))
    referral = data.draw(referrals(at=at))
    assert referral.created_at == at
    assert check_referral(referral, at=at).allowed
    late = data.draw(referrals(valid=False, violating={"CONSENT_AFTER_TRANSFER"}, at=at))
    assert check_referral(late, at=at).codes == {"CONSENT_AFTER_TRANSFER"}


@pytest.mark.parametrize(
    "arguments",
    [
        {"valid": True, "violating": {"NOT_ASSESSED"}},
        {"valid": False, "violating": {"MADE_UP"}},
        {"valid": False, "violating": {"CONSENT_WITHDRAWN", "CONSENT_AFTER_TRANSFER"}},
        {"valid": True, "at": datetime(2020, 1, 1, tzinfo=UTC)},
        {"valid": False, "violating": {"PROTOCOL_NOT_IN_FORCE"}, "at": AT},
        {"valid": False, "violating": {"REFERRAL_AFTER_DECISION"}},
        {"valid": True, "at": datetime(2026, 1, 1)},
    ],
)
def test_referrals_refuse_what_cannot_be_drawn(arguments: dict[str, Any]) -> None:
    with pytest.raises((InvalidArgument, InvalidInput)):
        referrals(**arguments)


@given(data=st.data())
def test_consents_cover_the_items_asked_and_precede_the_moment(data: st.DataObject) -> None:
    items = frozenset({DataItem.NAME, DataItem.ADDRESS, DataItem.EMAIL})
    record = data.draw(consents(items=items, given_before=AT))
    assert record.data_items == items
    assert record.given_at <= AT
    assert record.fully_informed


# --- instants, not wall clocks (PEP 495) ----------------------------------------------------

# Instants around the clock changes: tests/decision/clock_changes.py.


def _referral_with_consent_times(
    at: datetime, given_at: datetime | None = None, withdrawn_at: datetime | None = None
) -> Referral:
    data = example_referral(at=at).model_dump()
    if given_at is not None:
        data["consent"]["given_at"] = given_at
    data["consent"]["withdrawn_at"] = withdrawn_at
    return Referral.model_validate(data)


@pytest.mark.parametrize(
    ("at", "given_at", "withdrawn_at", "codes"),
    [
        # consent given 45 minutes after the transfer, though its wall clock reads earlier
        (AUTUMN_0245_F0, AUTUMN_0230_F1, None, {"CONSENT_AFTER_TRANSFER"}),
        # consent given 50 minutes before the transfer, though its wall clock reads later
        (AUTUMN_0240_F1, AUTUMN_0250_F0, None, set()),
        # withdrawn 50 minutes before the transfer, though its wall clock reads later
        (AUTUMN_0240_F1, None, AUTUMN_0250_F0, {"CONSENT_WITHDRAWN"}),
        # withdrawn 45 minutes after the transfer, though its wall clock reads earlier
        (AUTUMN_0245_F0, None, AUTUMN_0230_F1, set()),
        # the spring gap: 02:30 does not exist; read at UTC+1 it is 20 minutes after 03:10
        (SPRING_0310, SPRING_0230_GAP, None, {"CONSENT_AFTER_TRANSFER"}),
        (SPRING_0310, None, SPRING_0230_GAP, set()),
    ],
)
def test_consent_times_are_ordered_as_instants_across_the_clock_change(
    at: datetime, given_at: datetime | None, withdrawn_at: datetime | None, codes: set[str]
) -> None:
    referral = _referral_with_consent_times(at, given_at, withdrawn_at)
    assert check_referral(referral, at=at).codes == codes


@given(referrals(at=SPRING_0310))
def test_generated_referrals_keep_every_rule_just_after_the_spring_gap(referral: Referral) -> None:
    assert check_referral(referral, at=SPRING_0310).allowed


@given(referrals(valid=False, violating={"CONSENT_WITHDRAWN"}, at=SPRING_0310))
def test_generated_withdrawals_precede_the_moment_just_after_the_spring_gap(
    referral: Referral,
) -> None:
    assert check_referral(referral, at=SPRING_0310).codes == {"CONSENT_WITHDRAWN"}


@pytest.mark.parametrize(
    ("created_at", "at", "codes"),
    [
        (AT + timedelta(days=400), AT, {"REFERRAL_AFTER_DECISION"}),
        (AT + timedelta(microseconds=1), AT, {"REFERRAL_AFTER_DECISION"}),
        (AT, AT, set()),  # made at the very moment: allowed
        (AT - timedelta(days=1), AT, set()),
        # 02:30 (fold=1) is 01:30Z, 45 minutes after 02:45 (fold=0), 00:45Z
        (AUTUMN_0230_F1, AUTUMN_0245_F0, {"REFERRAL_AFTER_DECISION"}),
        # 02:50 (fold=0) is 00:50Z, 50 minutes before 02:40 (fold=1), 01:40Z
        (AUTUMN_0250_F0, AUTUMN_0240_F1, set()),
    ],
)
def test_a_referral_made_after_the_decision_is_refused(
    created_at: datetime, at: datetime, codes: set[str]
) -> None:
    referral = with_parts(example_referral(at=at - timedelta(days=1)), created_at=created_at)
    assert check_referral(referral, at=at).codes == codes


@given(data=st.data())
def test_moments_are_in_force_or_not_as_asked(data: st.DataObject) -> None:
    in_force = data.draw(st.booleans())
    protocol = data.draw(st.sampled_from((TORHOUT, TORHOUT.terminate_for_breach(date(2030, 1, 1)))))
    at = data.draw(moments(protocol, in_force=in_force))
    assert (protocol.status_at(at) == "in_force") is in_force


# --- one row per rule: REASONS is read from the tables ----------------------------------------

# The reasons as they were before the tables held them (code -> clause), in decision order.
PUBLISHED_CLAUSES = {
    "PROTOCOL_NOT_IN_FORCE": "A11-1", "SENDER_NOT_AUTHORISED": "C-1", "SENDER_NO_SECRECY": "C-1",
    "NOT_ASSESSED": "A5-1", "REFERRAL_AFTER_DECISION": "A5-1", "RECIPIENT_NOT_AUTHORISED": "C-4",
    "RECIPIENT_NO_SECRECY": "C-5", "WRONG_MAILBOX": "A6-3", "NOT_RESIDENT": "C-4",
    "CONSENT_NOT_INFORMED": "C-6", "CONSENT_WITHDRAWN": "C-7", "CONSENT_AFTER_TRANSFER": "C-7",
    "CONSENT_BEFORE_PROTOCOL": "C-7", "CONSENT_TOO_OLD": "A5-1",
    "CONSENT_SCOPE_RECIPIENT": "C-7", "CONSENT_SCOPE_DATA": "C-7",
    "DATA_ITEM_NOT_IN_PROTOCOL": "A3-3", "FORBIDDEN_IDENTIFIER": "A3-3",
    "ONWARD_NOT_RECEIVED_UNDER_PROTOCOL": "A4-1",
    "ONWARD_RECIPIENT_NOT_ALLOWED": "A4-1", "ONWARD_NOT_OWN_SOCIAL_WORKER": "A4-1",
    "ONWARD_NO_SECRECY": "A4-1", "ONWARD_NOT_PARTNER": "A4-2", "ONWARD_DECREE_NOT_CHECKED": "A4-2",
}  # fmt: skip


def test_reasons_are_read_from_the_tables_in_their_order() -> None:
    assert list(REASON_CODES) == list(PUBLISHED_CLAUSES)
    assert {code: REASONS[code].clause for code in REASON_CODES} == PUBLISHED_CLAUSES
    rows = {id(rule): rule for rule in ALL_RULES}.values()
    assert [rule.code for rule in rows] == list(REASON_CODES)  # one row per code
    assert all(REASONS[rule.code] is rule.reason for rule in ALL_RULES)
    assert ALL_RULES[0] is PROTOCOL_IN_FORCE
    # The OCMW's use of its own file is not bound by the protocol still being in force.
    assert PROTOCOL_IN_FORCE not in ONWARD_RULES


def test_a_row_holds_code_clause_group_and_predicate_and_its_texts_come_by_code() -> None:
    row: Rule[Referral] = Rule("NOT_ASSESSED", "A5-1", "sender", lambda r, p, m: True)
    assert (row.code, row.clause, row.group, row.see_also) == ("NOT_ASSESSED", "A5-1", "sender", ())
    assert row.reason == REASONS["NOT_ASSESSED"]
    same = next(rule for rule in REFERRAL_RULES if rule.code == "NOT_ASSESSED")
    assert (row.requirement_nl, row.requirement_en) == (same.requirement_nl, same.requirement_en)
    assert row.requirement("nl") == row.requirement_nl != row.requirement_en


@pytest.mark.parametrize("clause", ["7", "c-7", "A-1", ""])
def test_a_row_with_a_malformed_clause_is_refused(clause: str) -> None:
    with pytest.raises(InvalidInput):
        Rule("NOT_ASSESSED", clause, "sender", lambda r, p, m: True)


# --- the rules call the models' own answers ---------------------------------------------------


@given(
    referral=referrals() | referrals(valid=False),
    at=aware_datetimes(datetime(2023, 1, 1, tzinfo=UTC)),
)
def test_the_in_force_rule_answers_as_status_at(referral: Referral, at: datetime) -> None:
    moment = Moment(at.astimezone(UTC), at.astimezone(BRUSSELS).date())
    for protocol in (TORHOUT, TORHOUT.terminate_for_breach(date(2030, 1, 1))):
        holds = PROTOCOL_IN_FORCE.predicate(referral, protocol, moment)
        assert holds is (protocol.status_at(at) == "in_force")


def test_every_strategy_cites_the_clause_it_serves() -> None:
    import protocol_share.strategies as strategies

    clause_id = re.compile(r"\b(C-\d|A\d+-\d+)\b")
    for name in strategies.__all__:
        value = getattr(strategies, name)
        if callable(value):
            assert clause_id.search(value.__doc__ or ""), name


def test_the_strategies_are_a_package_of_concepts_under_one_public_module() -> None:
    import protocol_share.strategies as strategies

    assert hasattr(strategies, "__path__")  # a package: _clients, _moments, _referrals, ...
    assert set(strategies.__all__) == {
        "INCOMPATIBLE_VIOLATIONS", "REFERRAL_VIOLATIONS", "addresses", "aware_datetimes",
        "breach_notices", "client_data", "consents", "emails", "moments",
        "national_register_numbers", "person_names", "phones", "referrals", "retention_cases",
        "FieldValues", "bis_numbers", "hidden_identifier", "hidden_identifier_corpus",
        "hidden_identifiers", "ibans", "kbo_numbers", "look_alike", "look_alike_corpus",
        "look_alikes", "national_numbers", "withdrawal_notices",
    }  # fmt: skip
    for name in strategies.__all__:
        value = getattr(strategies, name)
        if callable(value):
            assert value.__module__.startswith("protocol_share.strategies._"), name
    for path in Path(strategies.__file__).parent.glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 300, path.name


# --- C-4, A6-1: domicile and residence in the municipality ------------------------------------


@given(
    municipality=st.sampled_from(["Torhout", "TORHOUT", "torhout", "Wijnendale", "wijnendale"]),
)
def test_an_address_in_a_postcode_and_municipality_of_the_protocol_is_resident(
    municipality: str,
) -> None:
    referral = _valid_at(AT)
    address = referral.client.address.replace(municipality=municipality)
    moved = referral.replace(client=referral.client.replace(address=address))
    assert check_referral(moved, at=AT).allowed


@pytest.mark.parametrize("municipality", ["Brugge", "Lichtervelde", "Torhoutse"])
def test_a_postcode_of_the_protocol_with_another_municipality_is_not_resident(
    municipality: str,
) -> None:
    # 8820 with "Brugge" names no place in Torhout: the pair is checked, not the postcode.
    referral = _valid_at(AT)
    address = referral.client.address.replace(postcode="8820", municipality=municipality)
    moved = referral.replace(client=referral.client.replace(address=address))
    assert check_referral(moved, at=AT).codes == {"NOT_RESIDENT"}


@given(
    place=st.sampled_from(["domicile", "residence"]),
    inside=st.booleans(),
)
def test_domicile_and_residence_are_each_checked_where_the_referral_names_them(
    place: str, inside: bool
) -> None:
    # Recital C names the domicile, art. 6 the residence: a client in a shelter elsewhere,
    # or with a reference address, is referred only when both lie in the municipality.
    referral = _valid_at(AT)
    named = (
        Locality(postcode="8820", municipality="Wijnendale")
        if inside
        else Locality(postcode="8000", municipality="Brugge")
    )
    decision = check_referral(referral.replace(**{place: named}), at=AT)
    assert decision.codes == (set() if inside else {"NOT_RESIDENT"})
    # The contact address no longer counts for the place the referral names.
    outside = referral.client.address.replace(postcode="8000", municipality="Brugge")
    elsewhere = referral.replace(
        client=referral.client.replace(address=outside),
        domicile=Locality(postcode="8820", municipality="Torhout"),
        residence=Locality(postcode="8820", municipality="Torhout"),
    )
    assert check_referral(elsewhere, at=AT).allowed
    assert "8820" not in repr(elsewhere)
