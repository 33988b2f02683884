"""Every public function that takes ``protocol`` takes it the same way (issue 9): right after
its subject, by position or by keyword, defaulting to TORHOUT where it has a default; and a
``protocol`` that is not a :class:`Protocol` is ``WRONG_TYPE``, the one code of an argument
of the wrong type (DESIGN.md: typed errors, never an AttributeError from deep inside)."""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from datetime import UTC, date, datetime
from email.message import EmailMessage
from typing import Any

import pytest

import protocol_share
from protocol_share import TORHOUT, InvalidInput
from protocol_share.decision import REFERRAL_RULES, OnwardShare
from protocol_share.examples import (
    example_breach_notice,
    example_client,
    example_consent,
    example_referral,
    example_retention_cases,
)
from protocol_share.notices import evidence_checklist
from tests.test_text import (
    _examples,
    legislation_notices,
    processor_notices,
    quality_answers,
    quality_notices,
    terminations,
    withdrawals,
)

AT = datetime(2026, 11, 28, 10, tzinfo=UTC)
KEY = "correct horse battery staple 2026"
PUBLIC_MODULES = (
    "protocol_share",
    "protocol_share.protocol",
    "protocol_share.clientdata",
    "protocol_share.decision",
    "protocol_share.package",
    "protocol_share.retention",
    "protocol_share.notices",
    "protocol_share.register",
    "protocol_share.examples",
    "protocol_share.strategies",
)
# Hypothesis strategies take the protocol first, like every function; they are checked for
# their signature only (a strategy is drawn later, inside a test).
STRATEGIES = {
    "addresses",
    "breach_notices",
    "client_data",
    "consents",
    "moments",
    "referrals",
    "retention_cases",
    "withdrawal_notices",
}

Call = Callable[[Any], Any]
"""A function called with ``protocol`` given one way: call(how) -> result."""


def _referral() -> Any:
    return example_referral(at=AT)


def _notice() -> Any:
    return example_breach_notice(aware_at=AT)


def _termination() -> Any:
    return _examples(terminations())[0]


def _consent_facts() -> dict[str, Any]:
    consent = example_consent(at=AT).model_dump()
    del consent["recipient_kbo"]  # the protocol fills it in
    return consent


def _referral_facts() -> dict[str, Any]:
    return {
        "referral_id": "r-1",
        "client": example_client().model_dump(),
        "consent": _consent_facts(),
        "member_id": "kg-017",
        "assessed_appropriate": True,
        "at": AT,
    }


def _archive() -> bytes:
    return protocol_share.pack(_referral(), password=KEY, at=AT).archive


# name -> (arguments before ``protocol``, keyword arguments after it)
CALLS: dict[str, tuple[Callable[[], tuple[Any, ...]], Callable[[], dict[str, Any]]]] = {
    "check_referral": (lambda: (_referral(),), lambda: {"at": AT}),
    "check_onward_share": (
        lambda: (
            OnwardShare(
                kind="social_worker", organisation_kbo=TORHOUT.recipient.kbo, received_at=AT
            ),
        ),
        lambda: {"at": AT},
    ),
    "evaluate": (lambda: (REFERRAL_RULES, _referral()), lambda: {"at": AT}),
    "kantara_receipt": (
        lambda: (example_consent(at=AT),),
        lambda: {"policy_url": "https://www.opgroeien.be/privacy", "controller_phone": "025331211"},
    ),
    "dpv_record": (lambda: (example_consent(at=AT),), dict),
    "minimise": (lambda: (example_client().model_dump(),), dict),
    "pack": (lambda: (_referral(),), lambda: {"password": KEY, "at": AT}),
    "open_package": (lambda: (_archive(),), lambda: {"password": KEY}),
    "lint_protocol": (lambda: (), dict),
    "processing_register_entry": (lambda: (), dict),
    "retention_decision": (lambda: (example_retention_cases(at=AT)[0],), lambda: {"at": AT}),
    "retention_schedule": (lambda: (example_retention_cases(at=AT),), lambda: {"at": AT}),
    "iter_retention_schedule": (lambda: (example_retention_cases(at=AT),), lambda: {"at": AT}),
    "authority_status": (lambda: (_notice(),), lambda: {"at": AT}),
    "breach_notice_email": (lambda: (_notice(),), dict),
    "breach_register_record": (lambda: (_notice(),), lambda: {"at": AT}),
    "breach_register": (lambda: ([_notice()],), lambda: {"at": AT}),
    "evidence_checklist": (lambda: (), dict),
    "evidence_email": (lambda: (evidence_checklist(),), lambda: {"sent_at": AT}),
    "legislation_change_email": (lambda: (_examples(legislation_notices)[0],), dict),
    "processor_change_email": (lambda: (_examples(processor_notices())[0],), dict),
    "quality_notice_email": (lambda: (_examples(quality_notices())[0],), dict),
    "quality_answer_email": (lambda: (_examples(quality_answers())[0],), dict),
    "termination_email": (lambda: (_termination(),), lambda: {"sent_at": AT}),
    "withdrawal_email": (lambda: (_examples(withdrawals)[0],), dict),
    "TerminationNotice.apply": (lambda: (_termination(),), dict),
    "TerminationNotice.ends_on": (lambda: (_termination(),), dict),
    "example_client": (lambda: (), dict),
    "build_recipient": (lambda: (), dict),
    "build_sender": (lambda: (), lambda: {"member_id": "kg-017"}),
    "build_consent": (lambda: (), lambda: _consent_facts()),
    "build_referral": (lambda: (), lambda: _referral_facts()),
    "example_consent": (lambda: (), lambda: {"at": AT}),
    "example_referral": (lambda: (), lambda: {"at": AT}),
}


def _function(name: str) -> Callable[..., Any]:
    if "." in name:
        owner, method = name.split(".")
        return getattr(getattr(protocol_share, owner), method)  # type: ignore[no-any-return]
    for module in PUBLIC_MODULES:
        found = getattr(importlib.import_module(module), name, None)
        if found is not None:
            return found  # type: ignore[no-any-return]
    raise AssertionError(name)


def _public_functions_taking_protocol() -> dict[str, Callable[..., Any]]:
    found: dict[str, Callable[..., Any]] = {}
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        for name in getattr(module, "__all__", ()):
            value = getattr(module, name)
            members = [(name, value)]
            if inspect.isclass(value):
                members = [
                    (f"{name}.{attr}", getattr(value, attr))
                    for attr in vars(value)
                    if not attr.startswith("_") and inspect.isfunction(getattr(value, attr))
                ]
            for qualified, function in members:
                if not callable(function):
                    continue
                try:
                    parameters = inspect.signature(function).parameters
                except (TypeError, ValueError):
                    continue
                if "protocol" in parameters:
                    found[qualified] = function
    return found


def _comparable(result: Any) -> Any:
    # What a call returns, without what is random or new per call (salts, Message-IDs).
    if isinstance(result, EmailMessage):
        body = result.get_body(("plain",))
        return (result["Subject"], result["To"], body.get_content() if body else None)
    if isinstance(result, protocol_share.Package):  # the file name has a random part
        return (result.message["Subject"], result.message["To"], len(result.archive) > 0)
    if inspect.isgenerator(result):
        return list(result)
    return result


def test_the_survey_covers_every_public_function_that_takes_a_protocol() -> None:
    assert set(_public_functions_taking_protocol()) == set(CALLS) | STRATEGIES


@pytest.mark.parametrize("name", sorted(set(CALLS) | STRATEGIES))
def test_protocol_comes_right_after_the_subject_by_position_or_keyword(name: str) -> None:
    function = _function(name)
    parameters = list(inspect.signature(function).parameters.values())
    if parameters[0].name == "self":
        parameters = parameters[1:]
    protocol = next(p for p in parameters if p.name == "protocol")
    assert protocol.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    before = parameters[: parameters.index(protocol)]
    assert all(p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD for p in before)
    assert all(p.default is inspect.Parameter.empty for p in before)  # only the subjects
    if protocol.default is not inspect.Parameter.empty:
        assert protocol.default is TORHOUT


OTHER = TORHOUT.terminate_for_breach(date(2030, 1, 1))


@pytest.mark.parametrize("name", sorted(CALLS))
def test_protocol_by_position_and_by_keyword_give_the_same_answer(name: str) -> None:
    function = _function(name)
    arguments, keywords = CALLS[name][0](), CALLS[name][1]()
    by_position = function(*arguments, OTHER, **keywords)
    by_keyword = function(*arguments, protocol=OTHER, **keywords)
    assert _comparable(by_position) == _comparable(by_keyword)


@pytest.mark.parametrize("name", sorted(CALLS))
@pytest.mark.parametrize("wrong", [None, "opgroeien-regie-ocmw-torhout-2024", {"team": "x"}])
def test_a_protocol_of_the_wrong_type_is_wrong_type(name: str, wrong: object) -> None:
    function = _function(name)
    arguments, keywords = CALLS[name][0](), CALLS[name][1]()
    if name == "lint_protocol":
        pytest.skip("lint_protocol reads raw JSON or a mapping too: it reports, never raises")
    with pytest.raises(InvalidInput) as caught:
        _comparable(function(*arguments, wrong, **keywords))  # a generator works when iterated
    assert caught.value.codes == {"WRONG_TYPE"}
    assert [p.path for p in caught.value.problems] == ["protocol"]


def test_a_subject_of_the_wrong_type_is_wrong_type_too() -> None:
    for call in (
        lambda: protocol_share.check_referral(object(), at=AT),  # type: ignore[arg-type]
        lambda: protocol_share.pack(object(), password=KEY, at=AT),  # type: ignore[arg-type]
        lambda: protocol_share.retention_decision(object(), at=AT),  # type: ignore[arg-type]
        lambda: protocol_share.minimise(["not", "a", "mapping"]),  # type: ignore[arg-type]
        lambda: protocol_share.pack(_referral(), password=1234, at=AT),  # type: ignore[arg-type]
        lambda: OTHER.status_on(AT),  # a datetime is no calendar date
        lambda: OTHER.status_at("2026-11-28"),  # type: ignore[arg-type]
    ):
        with pytest.raises(InvalidInput) as caught:
            call()
        assert caught.value.codes == {"WRONG_TYPE"}
    entries = protocol_share.retention_schedule([object()], at=AT)  # type: ignore[list-item]
    assert [getattr(entry, "code", None) for entry in entries] == ["WRONG_TYPE"]
