"""FrozenModel.replace: a copy validated like a new model (issue 13: model_copy skips it)."""

from __future__ import annotations

import copy
import sys
from datetime import datetime, timedelta
from typing import Any

import pytest
from hypothesis import given

from protocol_share import TORHOUT, InvalidInput, Sender, check_referral
from protocol_share.clientdata._screening import was_screened
from protocol_share.examples import example_referral
from protocol_share.strategies import moments

AT = datetime.fromisoformat("2025-03-03T10:00:00+01:00")


def test_replace_validates_what_model_copy_lets_through() -> None:
    sender = Sender(member_id="kg-017", team=TORHOUT.team)
    assert sender.model_copy(update={"member_id": ""}).member_id == ""  # the trap
    with pytest.raises(InvalidInput) as caught:
        sender.replace(member_id="")
    assert [p.path for p in caught.value.problems] == ["member_id"]


def test_replace_refuses_unknown_fields_and_checks_the_models_own_rules() -> None:
    referral = example_referral(at=AT)
    with pytest.raises(InvalidInput) as caught:
        referral.replace(national_number="85073003328")
    assert caught.value.codes == {"EXTRA_FORBIDDEN"}
    assert "85073003328" not in str(caught.value)
    with pytest.raises(InvalidInput) as caught:
        referral.consent.replace(withdrawn_at=referral.consent.given_at - timedelta(days=1))
    assert caught.value.codes == {"WITHDRAWAL_BEFORE_CONSENT"}


def test_replace_screens_the_copy_so_the_decision_trusts_it() -> None:
    referral = example_referral(at=AT)
    changed = referral.replace(assessed_appropriate=False)
    assert was_screened(changed)
    assert check_referral(changed, at=AT).codes == {"NOT_ASSESSED"}
    assert referral.assessed_appropriate  # the original is unchanged


@pytest.mark.skipif(sys.version_info < (3, 13), reason="copy.replace is Python 3.13")
def test_copy_replace_validates_too() -> None:  # pragma: no cover - 3.13 only
    with pytest.raises(InvalidInput):
        copy.replace(Sender(member_id="kg-017", team=TORHOUT.team), member_id="")  # type: ignore[attr-defined]


@given(moments())
def test_replacing_nothing_gives_an_equal_model(at: Any) -> None:
    referral = example_referral(at=at)
    assert referral.replace() == referral
