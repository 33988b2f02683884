"""Ids as hosts hold them: ``str`` or ``uuid.UUID``, kept as the canonical string (issue 13)."""

from __future__ import annotations

import uuid
from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from protocol_share import InvalidInput, Referral, RetentionCase, Sender
from protocol_share.examples import example_referral

AT = datetime.fromisoformat("2025-03-03T10:00:00+01:00")


@given(st.uuids())
def test_a_uuid_id_is_kept_as_its_canonical_string(value: uuid.UUID) -> None:
    referral = example_referral(at=AT)
    data = referral.model_dump()
    data["referral_id"] = value
    data["consent"]["consent_id"] = value
    data["sender"]["member_id"] = value
    made = Referral.model_validate(data)
    canonical = str(value)
    assert canonical == canonical.lower()
    assert (made.referral_id, made.consent.consent_id, made.sender.member_id) == (canonical,) * 3
    assert Referral.model_validate_json(made.model_dump_json()) == made


def test_a_uuid_object_is_kept_in_lower_case() -> None:
    value = uuid.UUID("12345678-1234-5678-1234-56781234ABCD")
    assert Sender(member_id=value, team="t").member_id == "12345678-1234-5678-1234-56781234abcd"


@given(st.uuids())
def test_a_retention_case_id_may_be_a_uuid(value: uuid.UUID) -> None:
    assert RetentionCase.received(AT, case_id=value).case_id == str(value)


@pytest.mark.parametrize("value", [12, 1.5, None])
def test_other_id_types_are_still_refused(value: object) -> None:
    with pytest.raises(InvalidInput):
        Sender(member_id=value, team="t")
