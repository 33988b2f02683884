"""Withdrawal of consent after the transfer (C-7, A5-1; A2-4, A3-4 to A3-6): Opgroeien's
notice, its e-mail, and the OCMW recording it in its retention case."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from protocol_share import (
    TORHOUT,
    ImpossibleStep,
    InvalidInput,
    RetentionCase,
    WithdrawalNotice,
    open_package,
    pack,
    retention_decision,
    withdrawal_email,
    withdrawal_notice,
)
from protocol_share._text import LANGS, Lang
from protocol_share._time import BRUSSELS
from protocol_share.decision._referral import Referral
from protocol_share.examples import example_withdrawal_notice
from protocol_share.retention import State
from protocol_share.strategies import (
    aware_datetimes,
    national_register_numbers,
    referrals,
    retention_cases,
    withdrawal_notices,
)
from tests.notices.notices_support import body

SENT = datetime(2025, 3, 3, 10, 0, tzinfo=BRUSSELS)
WITHDRAWN = datetime(2025, 3, 10, 14, 0, tzinfo=BRUSSELS)
NOTIFIED = datetime(2025, 3, 10, 16, 0, tzinfo=BRUSSELS)
PASSWORD = "Vlinder-Kast-42-zonnebloem"


def notice(**changes: Any) -> WithdrawalNotice:
    data: dict[str, Any] = {
        "notice_id": "intr-2025-01",
        "referral_id": "ref-2025-0042",
        "consent_id": "tst-2025-0042",
        "sent_at": SENT,
        "withdrawn_at": WITHDRAWN,
        "notified_at": NOTIFIED,
    }
    return WithdrawalNotice.model_validate(data | changes)


# --- the model ------------------------------------------------------------------------------


@given(withdrawal_notices())
def test_a_withdrawal_notice_round_trips_through_json(value: WithdrawalNotice) -> None:
    text = value.model_dump_json()
    again = WithdrawalNotice.model_validate_json(text)
    # The same JSON and the same instants (an instant in a fold of a zone compares unequal
    # to itself in another zone, so compare in UTC).
    assert again.model_dump_json() == text
    for name in ("sent_at", "withdrawn_at", "notified_at"):
        assert getattr(again, name).astimezone(UTC) == getattr(value, name).astimezone(UTC)
    assert again.model_dump(exclude={"sent_at", "withdrawn_at", "notified_at"}) == value.model_dump(
        exclude={"sent_at", "withdrawn_at", "notified_at"}
    )
    assert again.delay == value.delay >= timedelta(0)
    assert again.withdrawn_at > again.sent_at


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"withdrawn_at": SENT}, "WITHDRAWN_BEFORE_TRANSFER"),
        ({"withdrawn_at": SENT - timedelta(days=1)}, "WITHDRAWN_BEFORE_TRANSFER"),
        ({"notified_at": WITHDRAWN - timedelta(seconds=1)}, "NOTIFIED_BEFORE_WITHDRAWN"),
        ({"withdrawn_at": WITHDRAWN.replace(tzinfo=None)}, "TIMEZONE_AWARE"),
        ({"sent_at": SENT.replace(tzinfo=None)}, "TIMEZONE_AWARE"),
        ({"notified_at": "2025-03-10T16:00:00"}, "TIMEZONE_AWARE"),
        ({"referral_id": "85.07.30-033.28"}, "FORBIDDEN_IDENTIFIER"),
        ({"consent_id": "Jan Peeters"}, "STRING_PATTERN_MISMATCH"),
        ({"notice_id": ""}, "STRING_TOO_SHORT"),
        ({"client": "Jan Peeters"}, "EXTRA_FORBIDDEN"),
    ],
)
def test_each_invalid_notice_gives_exactly_its_typed_error(
    changes: dict[str, Any], code: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        notice(**changes)
    assert caught.value.codes == {code}
    assert "Jan Peeters" not in str(caught.value)
    assert "85.07.30-033.28" not in str(caught.value)


def test_the_codes_above_are_what_the_library_says() -> None:
    # The messages of the two rules of this model, as a reader sees them.
    with pytest.raises(InvalidInput) as caught:
        notice(withdrawn_at=SENT)
    assert "CONSENT_WITHDRAWN" in str(caught.value)
    assert [p.path for p in caught.value.problems] == ["withdrawn_at"]


@given(withdrawal_notices(), st.integers(0, 10**6))
def test_a_withdrawal_not_after_the_transfer_is_refused(
    value: WithdrawalNotice, seconds: int
) -> None:
    earlier = value.sent_at.astimezone(UTC) - timedelta(seconds=seconds)
    with pytest.raises(InvalidInput) as caught:
        value.replace(withdrawn_at=earlier)
    assert caught.value.codes == {"WITHDRAWN_BEFORE_TRANSFER"}


@given(withdrawal_notices(), st.integers(1, 10**6))
def test_a_notice_before_the_withdrawal_is_refused(value: WithdrawalNotice, seconds: int) -> None:
    earlier = value.withdrawn_at.astimezone(UTC) - timedelta(seconds=seconds)
    with pytest.raises(InvalidInput) as caught:
        value.replace(notified_at=earlier)
    assert caught.value.codes == {"NOTIFIED_BEFORE_WITHDRAWN"}


@given(withdrawal_notices(), national_register_numbers())
def test_no_personal_number_in_an_error_or_a_repr(value: WithdrawalNotice, number: str) -> None:
    for field in ("notice_id", "referral_id", "consent_id"):
        with pytest.raises(InvalidInput) as caught:
            value.replace(**{field: number})
        assert caught.value.codes == {"FORBIDDEN_IDENTIFIER"}
        assert number not in str(caught.value)
        assert number not in repr(caught.value)
        assert caught.value.__cause__ is None
        assert caught.value.__context__ is None
    assert number not in repr(value)


# --- the sender builds it from the withdrawn consent -----------------------------------------


@given(referrals(), st.integers(1, 30 * 24 * 3600), st.integers(0, 3 * 24 * 3600))
@settings(deadline=None)
def test_the_sender_builds_the_notice_from_the_withdrawn_consent(
    referral: Referral, after: int, delay: int
) -> None:
    sent = referral.created_at
    withdrawn = sent.astimezone(UTC) + timedelta(seconds=after)
    at = withdrawn + timedelta(seconds=delay)
    consent = referral.consent.withdraw(withdrawn)
    built = withdrawal_notice(
        consent, notice_id="intr-1", referral_id=referral.referral_id, sent_at=sent, at=at
    )
    assert (built.referral_id, built.consent_id) == (referral.referral_id, consent.consent_id)
    assert (built.withdrawn_at, built.notified_at) == (consent.withdrawn_at, at)
    assert built.delay == timedelta(seconds=delay)


def test_the_builder_refuses_a_consent_not_withdrawn_or_withdrawn_too_early_or_too_late() -> None:
    from protocol_share.examples import example_consent

    given_consent = example_consent(at=SENT)
    build: dict[str, Any] = {"notice_id": "intr-1", "referral_id": "ref-1", "sent_at": SENT}
    with pytest.raises(InvalidInput) as caught:
        withdrawal_notice(given_consent, at=NOTIFIED, **build)
    assert caught.value.codes == {"CONSENT_NOT_WITHDRAWN"}
    with pytest.raises(InvalidInput) as caught:
        withdrawal_notice(given_consent.withdraw(SENT), at=NOTIFIED, **build)
    assert caught.value.codes == {"WITHDRAWN_BEFORE_TRANSFER"}
    with pytest.raises(InvalidInput) as caught:
        withdrawal_notice(given_consent.withdraw(NOTIFIED), at=WITHDRAWN, **build)
    assert caught.value.codes == {"NOTIFIED_BEFORE_WITHDRAWN"}
    with pytest.raises(InvalidInput) as caught:
        withdrawal_notice(
            given_consent.withdraw(WITHDRAWN), at=NOTIFIED.replace(tzinfo=None), **build
        )
    assert caught.value.codes == {"NAIVE_DATETIME"}
    with pytest.raises(InvalidInput) as caught:
        withdrawal_notice(object(), at=NOTIFIED, **build)  # type: ignore[arg-type]
    assert caught.value.codes == {"WRONG_TYPE"}


# --- the e-mail -----------------------------------------------------------------------------


def test_the_email_goes_from_opgroeien_to_the_ocmw_and_says_what_follows() -> None:
    message = withdrawal_email(notice())
    text = body(message)
    assert message["From"] == "DPO Opgroeien regie <dpo@opgroeien.be>"
    assert message["To"] == "DPO OCMW Torhout <kurt.persyn@torhout.be>"
    assert message["Subject"] == (
        "Intrekking toestemming intr-2025-01 - verwijzing ref-2025-0042 - "
        "protocol opgroeien-regie-ocmw-torhout-2024"
    )
    assert message["Content-Language"] == "nl"
    assert "tst-2025-0042" in text
    assert "03-03-2025 om 10:00" in text  # sent
    assert "10-03-2025 om 14:00" in text  # withdrawn
    assert "verwijder dan de gegevens" in text
    assert "eigen rechtsgrond van het OCMW" in text
    assert message["Date"] == "Mon, 10 Mar 2025 16:00:00 +0100"
    english = withdrawal_email(notice(), lang="en")
    assert english["Subject"].startswith(
        "Withdrawal of consent intr-2025-01 - referral ref-2025-0042"
    )
    assert "2025-03-10 at 14:00" in body(english)
    assert "delete the data of this referral" in body(english)
    routed = withdrawal_email(notice(), to=TORHOUT.mailbox)
    assert routed["To"] == TORHOUT.mailbox
    with pytest.raises(InvalidInput) as caught:
        withdrawal_email(notice(), to="Jan Peeters")
    assert caught.value.codes == {"INVALID_EMAIL"}
    assert "Jan Peeters" not in str(caught.value)
    with pytest.raises(InvalidInput) as caught:
        withdrawal_email(notice(), lang="fr")  # type: ignore[arg-type]
    assert caught.value.codes == {"UNKNOWN_LANGUAGE"}


def test_a_notice_made_without_validation_is_checked_where_it_is_consumed() -> None:
    naive = notice().model_copy(update={"withdrawn_at": WITHDRAWN.replace(tzinfo=None)})
    with pytest.raises(InvalidInput) as caught:
        withdrawal_email(naive)
    assert caught.value.codes == {"NAIVE_DATETIME"}
    with pytest.raises(InvalidInput) as caught:
        naive.apply(RetentionCase.received(SENT), at=NOTIFIED)
    assert caught.value.codes == {"NAIVE_DATETIME"}


# --- the OCMW applies it: the whole round trip ----------------------------------------------

DELETES: tuple[State, ...] = ("received", "unreachable", "wants_help")
KEEPS_OWN_FILE: tuple[State, ...] = ("dossier_open", "dossier_closed")
ALREADY_DELETED: tuple[State, ...] = ("declined", "deletion_decided", "withdrawn")


def _received(case: RetentionCase, value: WithdrawalNotice) -> tuple[WithdrawalNotice, datetime]:
    # The notice for this case: sent an hour before the case began, withdrawn after its
    # latest step (by the generated notice's own interval), notified after the generated
    # delay; and the moment the OCMW takes note, an hour later.
    withdrawn = case.last_at.astimezone(UTC) + (value.withdrawn_at - value.sent_at)
    moved = value.replace(
        sent_at=case.steps[0].at.astimezone(UTC) - timedelta(hours=1),
        withdrawn_at=withdrawn,
        notified_at=withdrawn + value.delay,
    )
    return moved, moved.notified_at.astimezone(UTC) + timedelta(hours=1)


def _through_email_and_json(value: WithdrawalNotice, lang: Lang) -> WithdrawalNotice:
    # Opgroeien sends the e-mail, the host's software carries the notice as JSON.
    message = withdrawal_email(value, lang=lang)
    assert value.notice_id in message["Subject"]
    assert value.referral_id in message["Subject"]
    return WithdrawalNotice.model_validate_json(value.model_dump_json())


@given(data=st.data())
@settings(deadline=None)
def test_applied_to_a_case_in_each_state_the_decision_says_delete_or_keep_the_own_file(
    data: st.DataObject,
) -> None:
    state = data.draw(st.sampled_from(DELETES + KEEPS_OWN_FILE))
    case = data.draw(retention_cases(states=frozenset({state})))
    value, noted = _received(case, data.draw(withdrawal_notices()))
    received = _through_email_and_json(value, data.draw(st.sampled_from(LANGS)))
    after = received.apply(case, at=noted)
    assert after.steps[-1].step == "consent_withdrawn"
    assert after.steps[-1].at == noted
    decision = retention_decision(after, at=noted)
    before = retention_decision(case, at=noted)
    if state in DELETES:
        assert after.state == "withdrawn"
        assert (decision.action, decision.code, decision.clause) == (
            "delete",
            "DELETE_CONSENT_WITHDRAWN",
            "C-7",
        )
    elif state == "dossier_open":
        assert after.state == "dossier_open"
        assert decision.action in {"keep", "review"}  # never deleted for the withdrawal
        if decision.action == "keep":
            assert (decision.code, decision.clause) == ("KEEP_FILE_AFTER_WITHDRAWAL", "A2-4")
    else:
        assert after.state == "dossier_closed"
        assert decision.keep_until == before.keep_until  # the ten years run on
        assert (decision.action, decision.code) == (before.action, before.code)


@pytest.mark.parametrize("state", ALREADY_DELETED)
def test_a_case_already_to_be_deleted_takes_no_withdrawal_step(state: State) -> None:
    at = SENT + timedelta(hours=1)
    case = RetentionCase.received(at)
    if state == "declined":
        case = case.contacted(at, "declined")
    elif state == "deletion_decided":
        case = case.contacted(at, "unreachable").reviewed(at, "delete")
    else:
        case = case.consent_withdrawn(at)
    with pytest.raises(ImpossibleStep) as caught:
        notice().apply(case, at=NOTIFIED)
    assert (caught.value.code, caught.value.state) == ("IMPOSSIBLE_STEP", state)
    assert retention_decision(case, at=NOTIFIED).action == "delete"


def test_the_ocmw_applies_a_notice_only_once_given_and_only_to_a_case() -> None:
    case = RetentionCase.received(SENT + timedelta(hours=1))
    with pytest.raises(InvalidInput) as caught:
        notice().apply(case, at=NOTIFIED - timedelta(seconds=1))
    assert caught.value.codes == {"AT_BEFORE_NOTICE"}
    with pytest.raises(InvalidInput) as caught:
        notice().apply(case, at=NOTIFIED.replace(tzinfo=None))
    assert caught.value.codes == {"NAIVE_DATETIME"}
    with pytest.raises(InvalidInput) as caught:
        notice().apply("ref-2025-0042", at=NOTIFIED)  # type: ignore[arg-type]
    assert caught.value.codes == {"WRONG_TYPE"}
    later = case.contacted(NOTIFIED + timedelta(days=1), "wants_help")
    with pytest.raises(ImpossibleStep) as step:
        notice().apply(later, at=NOTIFIED)
    assert step.value.code == "STEP_BEFORE_PREVIOUS"


def test_from_package_to_deletion() -> None:
    # Opgroeien packs a referral; the OCMW opens it and starts a case; the client withdraws;
    # Opgroeien notifies; the OCMW applies the notice and deletes the referral.
    from protocol_share.examples import example_referral

    referral = example_referral(at=SENT)
    package = pack(referral, password=PASSWORD, at=SENT)
    received = open_package(package.archive, password=PASSWORD)
    case = RetentionCase.received(SENT + timedelta(hours=2), case_id="v-2025-0042")
    case = case.contacted(SENT + timedelta(days=1), "wants_help")
    consent = referral.consent.withdraw(WITHDRAWN)
    sent_notice = withdrawal_notice(
        consent,
        notice_id="intr-2025-01",
        referral_id=referral.referral_id,
        sent_at=SENT,
        at=NOTIFIED,
    )
    message = withdrawal_email(sent_notice)
    for value in (referral.client.first_name, referral.client.last_name):
        assert value not in str(message)
    got = WithdrawalNotice.model_validate_json(sent_notice.model_dump_json())
    assert (got.referral_id, got.consent_id, got.sent_at) == (
        received.referral_id,
        received.consent_id,
        received.sent_at,
    )
    noted = NOTIFIED + timedelta(hours=1)
    decision = retention_decision(got.apply(case, at=noted), at=noted)
    assert (decision.action, decision.code) == ("delete", "DELETE_CONSENT_WITHDRAWN")
    opened = case.dossier_opened(SENT + timedelta(days=2))
    decision = retention_decision(got.apply(opened, at=noted), at=noted)
    assert (decision.action, decision.code, decision.clause) == (
        "keep",
        "KEEP_FILE_AFTER_WITHDRAWAL",
        "A2-4",
    )


@given(referrals(), withdrawal_notices())
@settings(deadline=None)
def test_no_personal_value_of_the_client_in_the_email(
    referral: Referral, value: WithdrawalNotice
) -> None:
    value = value.replace(referral_id=referral.referral_id, consent_id=referral.consent.consent_id)
    client = referral.client
    personal = [
        client.first_name,
        client.last_name,
        client.address.street,
        client.phone,
        client.email,
    ]
    for lang in LANGS:
        message = withdrawal_email(value, lang=lang)
        shown = str(message["Subject"]) + body(message)
        for item in personal:
            if item and len(item) > 3:
                assert item not in shown
        assert referral.referral_id in str(message["Subject"])


@given(sent_at=aware_datetimes())
def test_the_example_notice_is_valid_and_deletes_a_referral_not_yet_followed_up(
    sent_at: datetime,
) -> None:
    notice = example_withdrawal_notice(sent_at=sent_at)
    assert notice.sent_at == sent_at
    # Elapsed time, in UTC: one zone's datetimes subtract by wall clock, which gains or
    # loses the hour of a clock change (2025-03-02 19:00 in New York + 7 days).
    assert notice.withdrawn_at.astimezone(UTC) - sent_at.astimezone(UTC) == timedelta(days=7)
    assert notice.delay == timedelta(hours=2)
    case = RetentionCase.received(sent_at)
    after = notice.apply(case, at=notice.notified_at)
    assert retention_decision(after, at=notice.notified_at).code == "DELETE_CONSENT_WITHDRAWN"
