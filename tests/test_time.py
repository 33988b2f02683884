"""Instants (docs/design.md: aware, never moved): the calendar's ends give OUT_OF_RANGE, never an
OverflowError; offsets with seconds survive every round trip; naive instants that slipped
past validation are refused where the library consumes a model."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel

from protocol_share import (
    TORHOUT,
    Consent,
    InvalidInput,
    LegislationChangeNotice,
    OnwardShare,
    ProcessorChangeNotice,
    ProtocolShareError,
    QualityNotice,
    Referral,
    RetentionCase,
    TerminationNotice,
    WithdrawalNotice,
    authority_deadline,
    authority_status,
    breach_notice_email,
    breach_register_record,
    check_referral,
    dpv_record,
    kantara_receipt,
    open_package,
    pack,
    retention_decision,
    retention_schedule,
)
from protocol_share._model import DEEP, VALIDATED, FrozenModel, was_validated
from protocol_share._time import Instant, _plan, exact_offset, require_aware, require_instants
from protocol_share.examples import (
    example_breach_notice,
    example_consent,
    example_quality_notice,
    example_referral,
)
from protocol_share.notices import quality_notice_email
from protocol_share.notices._processors import Processor
from protocol_share.package._payload import (
    DocumentConsent,
    ReferralDocument,
    document_json,
    parse_document,
)
from protocol_share.retention._records import StepRecord, cases_from_json
from tests.package.package_support import PASSWORD, received_for

AT = datetime(2025, 3, 3, 9, tzinfo=UTC)

# Offsets of any size a datetime allows, seconds and microseconds included.
offsets = st.builds(
    lambda seconds, micro: timezone(timedelta(seconds=seconds, microseconds=micro)),
    st.integers(-86399, 86399),
    st.sampled_from([0, 0, 0, 1, 500_000]),
)
zones = offsets | st.sampled_from(
    [UTC, ZoneInfo("Europe/Brussels"), ZoneInfo("Pacific/Kiritimati"), ZoneInfo("Etc/GMT+12")]
)
extreme_instants = st.datetimes(
    min_value=datetime(1, 1, 1), max_value=datetime(1, 1, 3), timezones=zones
) | st.datetimes(
    min_value=datetime(9999, 12, 29), max_value=datetime(9999, 12, 31, 23, 59, 59), timezones=zones
)
"""Instants within two days of the calendar's ends, in any zone or offset."""
second_offset_instants = st.datetimes(
    min_value=datetime(2024, 4, 18), max_value=datetime(2030, 12, 31), timezones=offsets
)


# An instant that must fall on a day the model also holds (the protocol's end, a notice's day).
_SAME_DAY = {"END_INSTANT_NOT_ON_END_DAY", "INSTANT_NOT_ON_GIVEN_DAY"}


def _range_or_order(code: str) -> bool:
    return code == "OUT_OF_RANGE" or "_BEFORE_" in code or "_AFTER_" in code or code in _SAME_DAY


def _outcome(call: Callable[[], Any]) -> tuple[Any, frozenset[str]]:
    # The result, or None and the codes of an InvalidInput (other library errors: no codes).
    try:
        return call(), frozenset()
    except InvalidInput as error:
        return None, error.codes
    except ProtocolShareError:
        return None, frozenset()


def _validate(model: type[BaseModel], data: dict[str, Any]) -> tuple[Any, frozenset[str]]:
    return _outcome(lambda: model.model_validate(data))


def _samples() -> list[BaseModel]:
    referral = example_referral(at=AT)
    quality = example_quality_notice(found_at=AT)
    return [
        example_consent(at=AT).withdraw(AT),
        referral,
        example_breach_notice(aware_at=AT).model_copy(
            update={
                "occurred_at": AT - timedelta(hours=1),
                "authority_notified_at": AT + timedelta(hours=3),
                "other_party_notified_at": AT + timedelta(hours=3),
            }
        ),
        quality,
        quality.answer(at=AT, outcome="corrected", measures={"corrected_at_source"}),
        LegislationChangeNotice(
            notice_id="wet-1", given_at=AT, legislation="decreet", affects={"purpose"}
        ),
        ProcessorChangeNotice(
            notice_id="verw-1",
            given_at=AT,
            change="added",
            processor=Processor(
                name="Cevi", kbo="0212.175.523", service="software", since=date(2025, 3, 1)
            ),
        ),
        DocumentConsent(consent_id="c-1", given_at=AT),
        StepRecord(step="received", at=AT),
        TORHOUT.terminate_for_breach(AT),
        TerminationNotice(
            notice_id="einde-1",
            ground="breach",
            given_by="sender",
            given_on=AT.date(),
            given_at=AT,
            breached=frozenset({"gdpr"}),
        ),
        OnwardShare(
            kind="social_worker",
            organisation_kbo=TORHOUT.recipient.kbo,
            received_at=AT,
            professional_secrecy=True,
        ),
        received_for(referral.client, at=AT),
        WithdrawalNotice(
            notice_id="intr-1",
            referral_id="r-1",
            consent_id="c-1",
            sent_at=AT - timedelta(hours=1),
            withdrawn_at=AT,
            notified_at=AT + timedelta(hours=1),
        ),
    ]


SAMPLES = _samples()
FIELDS = [
    (sample, name) for sample in SAMPLES for name, is_time, _ in _plan(type(sample)) if is_time
]


def test_every_model_with_an_instant_is_covered() -> None:
    import protocol_share
    from protocol_share.package import _payload

    modules = [protocol_share, _payload]
    found = {
        value
        for module in modules
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, BaseModel)
        and any(t for _, t, _ in _plan(value))
    }
    assert found <= {type(sample) for sample in SAMPLES} | {ReferralDocument}


@pytest.mark.parametrize(
    ("sample", "name"), FIELDS, ids=[f"{type(s).__name__}.{n}" for s, n in FIELDS]
)
@pytest.mark.parametrize(
    "moments",
    [extreme_instants, second_offset_instants],
    ids=["at_the_calendars_ends", "offset_with_seconds"],
)
@given(data=st.data())
def test_an_instant_is_refused_only_for_range_or_order_else_kept_exactly_through_json(
    sample: BaseModel, name: str, moments: st.SearchStrategy[datetime], data: st.DataObject
) -> None:
    """Any instant, at the calendar's ends or with an offset in seconds, in any field of
    any model: refused only for range or the model's own order rules (e.g. issued before
    aware), else kept as the same instant, to the microsecond, through JSON too."""
    moment = data.draw(moments, label="moment")
    model, error = _validate(type(sample), sample.model_dump() | {name: moment})
    if model is None:
        assert all(_range_or_order(code) for code in error), error
        return
    assert getattr(model, name) == moment
    loaded = type(sample).model_validate_json(model.model_dump_json())
    assert getattr(loaded, name) == moment
    assert loaded == model


@given(moment=second_offset_instants)
def test_exact_offset_keeps_the_instant_and_whole_minute_offsets(moment: datetime) -> None:
    kept = exact_offset(moment)
    assert kept == moment
    assert kept.utcoffset() is not None
    assert kept.utcoffset() % timedelta(minutes=1) == timedelta(0)  # type: ignore[operator]
    assert datetime.fromisoformat(kept.isoformat()) == moment
    if moment.utcoffset() % timedelta(minutes=1) == timedelta(0):  # type: ignore[operator]
        assert kept is moment


@given(
    moment=st.datetimes(
        min_value=datetime(2025, 3, 5), max_value=datetime(2030, 1, 1), timezones=offsets
    )
)
def test_pack_then_open_moves_no_instant(moment: datetime) -> None:
    referral = example_referral(at=moment)  # a consent from AT is too old years later
    package = pack(referral, password=PASSWORD, at=moment)
    received = open_package(package.archive, password=PASSWORD)
    assert received.sent_at == moment
    assert received.created_at == referral.created_at


def test_the_document_keeps_an_offset_with_seconds_as_the_same_instant() -> None:
    odd = timezone(timedelta(hours=1, seconds=59))
    base = ReferralDocument.model_validate(
        parse_document(
            document_json(
                ReferralDocument(
                    referral_id="r-1",
                    created_at=datetime(2025, 3, 3, 9, tzinfo=odd),
                    sent_at=datetime(2025, 3, 3, 10, tzinfo=odd),
                    consent=DocumentConsent(
                        consent_id="c-1", given_at=datetime(2025, 3, 1, tzinfo=odd)
                    ),
                    sender={"team": TORHOUT.team},
                    client=example_referral(at=AT).client,
                )
            )
        ).model_dump(by_alias=True)
    )
    assert base.sent_at == datetime(2025, 3, 3, 10, tzinfo=odd)
    assert base.sent_at.utcoffset() == timedelta(0)


@given(moment=st.datetimes(timezones=offsets))
def test_a_retention_case_round_trips_through_json_unmoved(moment: datetime) -> None:
    case, error = _outcome(lambda: RetentionCase.received(moment, case_id="k-1"))
    if case is None:
        assert error == {"OUT_OF_RANGE"}
        return
    (loaded,) = cases_from_json(json.dumps({"cases": [case.to_dict()]}))
    assert loaded.steps[0].at == moment
    assert loaded == case


# --- every function taking an instant: OUT_OF_RANGE, never OverflowError ---------------------


def _calls(moment: datetime) -> list[Callable[[], Any]]:
    referral = example_referral(at=AT)
    notice = example_breach_notice(aware_at=AT)
    quality = SAMPLES[3]
    assert isinstance(quality, QualityNotice)
    case = RetentionCase.received(AT)
    return [
        lambda: check_referral(referral, at=moment),
        lambda: pack(referral, password=PASSWORD, at=moment),
        lambda: TORHOUT.status_at(moment),
        lambda: referral.consent.withdraw(moment),
        lambda: referral.consent.is_withdrawn_at(moment),
        lambda: retention_decision(case, at=moment),
        lambda: retention_schedule([case], at=moment),
        lambda: RetentionCase.received(moment),
        lambda: case.contacted(moment, "unreachable"),
        lambda: retention_schedule(
            [RetentionCase.received(moment).contacted(moment, "unreachable")], at=moment
        ),
        lambda: retention_decision(
            RetentionCase.received(moment).contacted(moment, "unreachable"), at=moment
        ),
        lambda: retention_schedule(
            [
                RetentionCase.received(moment)
                .contacted(moment, "wants_help")
                .dossier_opened(moment)
                .dossier_closed(moment)
            ],
            at=moment,
        ),
        lambda: authority_status(notice, at=moment),
        lambda: breach_register_record(notice, at=moment),
        lambda: notice.supplement(at=moment),
        lambda: quality.answer(at=moment, outcome="corrected", measures={"corrected_at_source"}),
        lambda: authority_deadline(example_breach_notice(aware_at=moment)),
        lambda: authority_status(example_breach_notice(aware_at=moment), at=moment),
        lambda: breach_notice_email(example_breach_notice(aware_at=moment)),
        lambda: example_referral(at=moment),
        lambda: example_consent(at=moment),
    ]


CALLS = len(_calls(AT))


@pytest.mark.parametrize("index", range(CALLS))
@given(moment=extreme_instants)
def test_a_function_given_an_instant_at_the_calendars_ends_says_out_of_range(
    index: int, moment: datetime
) -> None:
    # A result, or a refusal of the library's own (ReferralRefused, ImpossibleStep, or
    # InvalidInput for the range or the order of instants), never an OverflowError.
    _, error = _outcome(_calls(moment)[index])
    assert all(_range_or_order(code) for code in error), error


@pytest.mark.parametrize(
    "moment",
    [
        datetime.fromisoformat("9999-12-31T23:00:00-01:00"),
        datetime.fromisoformat("0001-01-01T00:30:00+01:00"),
    ],
)
def test_the_reported_overflows_are_out_of_range(moment: datetime) -> None:
    consent = example_consent(at=AT)
    attempts: list[Callable[[], Any]] = [
        lambda: Consent.model_validate(consent.model_dump() | {"withdrawn_at": moment}),
        lambda: consent.withdraw(moment),
        lambda: example_breach_notice(aware_at=moment),
        lambda: SAMPLES[3].model_validate(SAMPLES[3].model_dump() | {"found_at": moment}),
        lambda: Referral.model_validate(
            example_referral(at=AT).model_dump()
            | {"consent": consent.model_dump() | {"withdrawn_at": moment}}
        ),
    ]
    for attempt in attempts:
        with pytest.raises(InvalidInput) as caught:
            attempt()
        assert "OUT_OF_RANGE" in caught.value.codes


def test_require_aware_gives_an_offset_in_whole_minutes() -> None:
    odd = datetime(2025, 3, 3, 9, tzinfo=timezone(timedelta(seconds=-30)))
    assert require_aware(odd) == odd
    assert require_aware(odd).tzinfo is UTC


# --- naive instants slipped in by model_copy(update=...) ----------------------------------

NAIVE = datetime(2025, 3, 3, 9)


def _consumers() -> list[tuple[str, Callable[[], Any]]]:
    referral = example_referral(at=AT)
    naive_consent = referral.consent.model_copy(update={"given_at": NAIVE})
    naive_referral = referral.model_copy(update={"created_at": NAIVE})
    nested = referral.model_copy(update={"consent": naive_consent})
    notice = example_breach_notice(aware_at=AT).model_copy(update={"aware_at": NAIVE})
    quality = SAMPLES[3].model_copy(update={"found_at": NAIVE})
    assert isinstance(quality, QualityNotice)
    return [
        ("referral.created_at", lambda: check_referral(naive_referral, at=AT)),
        ("referral.consent.given_at", lambda: check_referral(nested, at=AT)),
        ("referral.created_at", lambda: pack(naive_referral, password=PASSWORD, at=AT)),
        ("consent.given_at", lambda: naive_consent.withdraw(AT)),
        ("consent.given_at", lambda: naive_consent.is_withdrawn_at(AT)),
        (
            "consent.given_at",
            lambda: kantara_receipt(
                naive_consent,
                policy_url="https://example.be/privacy",
                controller_phone="02 533 12 11",
            ),
        ),
        ("consent.given_at", lambda: dpv_record(naive_consent)),
        ("notice.aware_at", lambda: authority_deadline(notice)),
        ("notice.aware_at", lambda: authority_status(notice, at=AT)),
        ("notice.aware_at", lambda: breach_notice_email(notice)),
        ("notice.aware_at", lambda: breach_register_record(notice, at=AT)),
        ("notice.aware_at", lambda: notice.supplement(at=AT)),
        ("notice.found_at", lambda: quality_notice_email(quality)),
        (
            "notice.found_at",
            lambda: quality.answer(at=AT, outcome="corrected", measures={"corrected_at_source"}),
        ),
    ]


@pytest.mark.parametrize("index", range(len(_consumers())))
def test_a_naive_instant_made_by_model_copy_is_refused_where_it_is_consumed(index: int) -> None:
    path, call = _consumers()[index]
    with pytest.raises(InvalidInput) as caught:
        call()
    assert caught.value.codes == {"NAIVE_DATETIME"}
    assert [p.path for p in caught.value.problems] == [path]


# --- what validation proved is not read again; what it did not prove is ------------------


def test_a_constructed_consent_with_a_naive_instant_is_refused_inside_a_validated_referral() -> (
    None
):
    # pydantic hands a model instance through a validator unchecked: the referral around it
    # is validated, the consent is not, and its instants are read again.
    referral = example_referral(at=AT)
    naive = Consent.model_construct(**{**dict(referral.consent), "given_at": NAIVE})
    nested = Referral(**{**dict(referral), "consent": naive})
    revalidated = Referral.model_validate(
        Referral.model_construct(**{**dict(referral), "consent": naive})
    )
    for tainted in (nested, revalidated):
        assert was_validated(tainted) is (tainted is nested)
        assert not was_validated(tainted.consent)
        with pytest.raises(InvalidInput) as caught:
            check_referral(tainted, at=AT)
        assert [(p.path, p.code) for p in caught.value.problems] == [
            ("referral.consent.given_at", "NAIVE_DATETIME")
        ]


def test_validation_marks_an_instance_and_construction_or_an_update_does_not() -> None:
    referral = example_referral(at=AT)
    assert was_validated(referral)
    assert was_validated(referral.consent)
    assert was_validated(Referral.model_validate_json(referral.model_dump_json()))
    assert was_validated(referral.model_copy())
    assert was_validated(referral.model_copy(deep=True).consent)
    assert not was_validated(referral.model_copy(update={"created_at": AT}))
    assert not was_validated(referral.consent.model_copy(update={"given_at": AT}))
    assert not was_validated(Referral.model_construct(**dict(referral)))
    # the mark cannot be passed in as data
    forged = Consent.model_construct(**{**dict(referral.consent), VALIDATED: True})
    assert not was_validated(forged)
    forged = referral.consent.model_copy(update={"given_at": NAIVE, VALIDATED: True})
    assert not was_validated(forged)
    with pytest.raises(InvalidInput):
        check_referral(referral.model_copy(update={"consent": forged}), at=AT)


class _Loose(FrozenModel):
    """A model whose datetime is not an Instant: validation proves nothing about it."""

    at: datetime


class _Holder(FrozenModel):
    loose: _Loose
    when: Instant


def test_a_validated_datetime_that_is_no_instant_is_still_read() -> None:
    naive = _Loose(at=NAIVE)
    assert was_validated(naive)
    with pytest.raises(InvalidInput) as caught:
        require_instants(naive, "loose")
    assert [(p.path, p.code) for p in caught.value.problems] == [("loose.at", "NAIVE_DATETIME")]
    holder = _Holder(loose=naive, when=AT)
    with pytest.raises(InvalidInput) as caught:
        require_instants(holder, "holder")
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("holder.loose.at", "NAIVE_DATETIME")
    ]
    assert require_instants(_Holder(loose=_Loose(at=AT), when=AT), "holder").when == AT


class _Listed(FrozenModel):
    """Instants in a list: proven when validated, but the list can change after."""

    moments: list[Instant]
    kept: tuple[Instant, ...] = ()


def test_an_instant_in_a_mutable_container_is_read_again() -> None:
    listed = _Listed(moments=[AT], kept=(AT,))
    assert was_validated(listed)
    assert not listed.__dict__.get(DEEP)
    assert require_instants(listed, "listed") is listed
    listed.moments.append(NAIVE)
    with pytest.raises(InvalidInput) as caught:
        require_instants(listed, "listed")
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("listed.moments.1", "NAIVE_DATETIME")
    ]


def test_only_a_model_validated_with_all_its_parts_is_marked_deep() -> None:
    referral = example_referral(at=AT)
    assert referral.__dict__.get(DEEP) is True
    assert referral.consent.__dict__.get(DEEP) is True
    constructed = Consent.model_construct(**dict(referral.consent))
    holding = Referral(**{**dict(referral), "consent": constructed})
    assert was_validated(holding)
    assert DEEP not in holding.__dict__  # a part was not validated: it is walked
    assert require_instants(holding, "referral") is holding  # and holds no naive instant
    assert DEEP not in referral.model_copy(update={"created_at": AT}).__dict__
    assert DEEP not in _Holder(loose=_Loose(at=AT), when=AT).__dict__  # a loose datetime


@given(moment=st.datetimes(timezones=offsets) | st.datetimes())
def test_require_instants_answers_alike_for_a_validated_and_a_constructed_model(
    moment: datetime,
) -> None:
    # Skipping what validation proved changes no answer: a constructed copy of the same
    # values (every instant read again) passes or fails exactly as the validated one.
    try:
        validated = _Holder(loose=_Loose(at=moment), when=moment)
    except InvalidInput:
        return
    constructed = _Holder.model_construct(loose=_Loose.model_construct(at=moment), when=moment)

    def codes(model: _Holder) -> list[tuple[str, str]]:
        try:
            require_instants(model, "holder")
        except InvalidInput as error:
            return [(p.path, p.code) for p in error.problems]
        return []

    assert codes(validated) == codes(constructed)
