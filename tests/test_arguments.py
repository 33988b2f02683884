"""No public function lets a raw error out for an argument of the wrong type (issue 9).

DESIGN.md: every error the library raises derives from one base class, and an argument of
the wrong type is ``WRONG_TYPE``, the one code for it. The survey below calls every public
function of every public module with valid arguments, then with each argument in turn
replaced by values of the wrong type: what comes out is the function's answer or a
:class:`~protocol_share.errors.ProtocolShareError`, never an ``AttributeError`` or
``TypeError`` from deep inside; and a subject (the first argument, the thing the function
is about) of the wrong type is ``WRONG_TYPE``, naming that argument. A public function
added without a row here fails the first test. The public methods of the models are
surveyed the same way, on the examples' instances. ``protocol`` has its own survey
(``tests/test_protocol_argument.py``).
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from datetime import timedelta
from email.message import EmailMessage
from typing import Any

import pytest

from protocol_share import (
    TORHOUT,
    InvalidInput,
    ProtocolShareError,
    breach_register,
    check_referral,
    evidence_checklist,
    pack,
    retention_schedule,
    rules_markdown,
)
from protocol_share.clientdata import FLEMISH_EXPORT_FIELDS
from protocol_share.decision import REFERRAL_RULES, OnwardShare
from protocol_share.examples import (
    example_breach_notice,
    example_client,
    example_consent,
    example_quality_notice,
    example_referral,
    example_retention_cases,
    example_withdrawal_notice,
)
from tests.test_protocol_argument import (
    AT,
    KEY,
    PUBLIC_MODULES,
    _consent_facts,
    _referral_facts,
)
from tests.test_text import (
    _examples,
    legislation_notices,
    processor_notices,
    quality_answers,
    terminations,
)

# Strategies are drawn inside a test, not called: their signatures are surveyed there.
MODULES = tuple(m for m in PUBLIC_MODULES if m != "protocol_share.strategies")
WRONG: tuple[object, ...] = (object(), 12345, b"\x00", ["a", "list"])


def _host_record() -> dict[str, Any]:
    return {
        "voornaam": "An",
        "familienaam": "Peeters",
        "straat": "Markt",
        "huisnummer": "12",
        "postcode": "8820",
        "gemeente": "Torhout",
    }


def _mail() -> EmailMessage:
    return pack(example_referral(at=AT), password=KEY, at=AT).message


Arguments = Callable[[], tuple[tuple[Any, ...], dict[str, Any]]]

# name -> the valid arguments of one call (positional, keyword), made fresh per call
VALID: dict[str, Arguments] = {
    "address_identifier_kinds": lambda: (("Markt", "12", "3"), {}),
    "archive_from_email": lambda: ((_mail(),), {}),
    "authority_deadline": lambda: ((example_breach_notice(aware_at=AT),), {}),
    "authority_status": lambda: ((example_breach_notice(aware_at=AT),), {"at": AT}),
    "breach_notice_email": lambda: ((example_breach_notice(aware_at=AT),), {"lang": "en"}),
    "breach_register": lambda: (([example_breach_notice(aware_at=AT)],), {"at": AT}),
    "breach_register_record": lambda: ((example_breach_notice(aware_at=AT),), {"at": AT}),
    "build_consent": lambda: ((), _consent_facts()),
    "build_recipient": lambda: ((), {}),
    "build_referral": lambda: ((), _referral_facts()),
    "build_sender": lambda: ((), {"member_id": "kg-017"}),
    "cases_from_json": lambda: (('{"cases": []}',), {}),
    "check_onward_share": lambda: (
        (
            OnwardShare(
                kind="social_worker", organisation_kbo=TORHOUT.recipient.kbo, received_at=AT
            ),
        ),
        {"at": AT},
    ),
    "check_password": lambda: ((KEY,), {}),
    "check_referral": lambda: ((example_referral(at=AT),), {"at": AT}),
    "clause": lambda: (("A3-3",), {}),
    "dpv_record": lambda: ((example_consent(at=AT),), {}),
    "enisa_severity": lambda: ((), {"category": "behavioural", "encrypted": True}),
    "evaluate": lambda: ((REFERRAL_RULES, example_referral(at=AT)), {"at": AT}),
    "evidence_checklist": lambda: ((), {}),
    "evidence_email": lambda: ((evidence_checklist(),), {"sent_at": AT, "lang": "en"}),
    "example_breach_notice": lambda: ((), {"aware_at": AT, "notice_id": "lek-1"}),
    "example_client": lambda: ((), {}),
    "example_consent": lambda: ((), {"at": AT}),
    "example_quality_notice": lambda: ((), {"found_at": AT, "notice_id": "kwaliteit-1"}),
    "example_referral": lambda: ((), {"at": AT, "client": example_client()}),
    "example_retention_cases": lambda: ((), {"at": AT, "prefix": "c"}),
    "example_withdrawal_notice": lambda: ((), {"sent_at": AT, "notice_id": "intrekking-1"}),
    "forbidden_identifier_kinds": lambda: (("0470 12 34 56",), {"field": "phone"}),
    "generate_password": lambda: (("mixed",), {}),
    "iter_retention_schedule": lambda: ((example_retention_cases(at=AT),), {"at": AT}),
    "kantara_receipt": lambda: (
        (example_consent(at=AT),),
        {"policy_url": "https://www.opgroeien.be/privacy", "controller_phone": "025331211"},
    ),
    "legislation_change_email": lambda: ((_examples(legislation_notices)[0],), {"lang": "en"}),
    "lint_protocol": lambda: ((TORHOUT,), {"lang": "en"}),
    "lint_signed_text": lambda: (("Artikel 1. Zie artikel 2.",), {"lang": "en"}),
    "minimise": lambda: ((_host_record(),), {"field_map": FLEMISH_EXPORT_FIELDS}),
    "open_package": lambda: (
        (pack(example_referral(at=AT), password=KEY, at=AT).archive,),
        {"password": KEY},
    ),
    "pack": lambda: ((example_referral(at=AT),), {"password": KEY, "at": AT, "lang": "en"}),
    "password_entropy": lambda: (("mixed",), {}),
    "processing_register_entry": lambda: ((), {}),
    "processor_change_email": lambda: ((_examples(processor_notices())[0],), {"lang": "en"}),
    "quality_answer_email": lambda: ((_examples(quality_answers())[0],), {"lang": "en"}),
    "quality_notice_email": lambda: ((example_quality_notice(found_at=AT),), {"lang": "en"}),
    "retention_decision": lambda: ((example_retention_cases(at=AT)[0],), {"at": AT}),
    "retention_schedule": lambda: ((example_retention_cases(at=AT),), {"at": AT}),
    "rules_for_article": lambda: ((REFERRAL_RULES, "A3"), {}),
    "rules_markdown": lambda: ((REFERRAL_RULES,), {"group": "consent"}),
    "schedule_as_json": lambda: (
        (retention_schedule(example_retention_cases(at=AT), at=AT),),
        {},
    ),
    "termination_email": lambda: ((_examples(terminations())[0],), {"sent_at": AT}),
    "withdrawal_email": lambda: ((example_withdrawal_notice(sent_at=AT),), {"lang": "en"}),
    "withdrawal_notice": lambda: (
        (example_consent(at=AT).withdraw(AT + timedelta(days=1)),),
        {"notice_id": "n-1", "referral_id": "r-1", "sent_at": AT, "at": AT + timedelta(days=2)},
    ),
}
# Arguments that take any value by design: the subject a custom rule table judges (a rule
# that cannot answer fails, default deny), and the protocol lint reads as raw data too
# (it reports what it cannot read, it never raises).
ANY_VALUE = {("evaluate", "subject"), ("lint_protocol", "protocol")}


def _public_functions() -> dict[str, Callable[..., Any]]:
    found: dict[str, Callable[..., Any]] = {}
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        for name in getattr(module, "__all__", ()):
            value = getattr(module, name)
            if inspect.isfunction(value):
                found[name] = value
    return found


FUNCTIONS = _public_functions()


def _call(function: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    result = function(*args, **kwargs)
    return list(result) if inspect.isgenerator(result) else result  # a stream runs when read


def _with(name: str, parameter: inspect.Parameter, value: object) -> Callable[[], Any]:
    """The valid call of ``name`` with ``parameter`` given ``value`` instead."""
    args, kwargs = VALID[name]()
    index = list(inspect.signature(FUNCTIONS[name]).parameters).index(parameter.name)
    if parameter.kind is inspect.Parameter.POSITIONAL_ONLY or (
        parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD and index < len(args)
    ):
        args = (*args[:index], value, *args[index + 1 :])
    else:
        kwargs = {**kwargs, parameter.name: value}
    return lambda: _call(FUNCTIONS[name], args, kwargs)


def _parameters(name: str) -> list[inspect.Parameter]:
    return [
        p
        for p in inspect.signature(FUNCTIONS[name]).parameters.values()
        if p.name != "protocol"
        and p.kind not in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
        and (name, p.name) not in ANY_VALUE
    ]


def test_the_survey_covers_every_public_function() -> None:
    assert set(FUNCTIONS) == set(VALID)


@pytest.mark.parametrize("name", sorted(VALID))
def test_the_valid_call_of_the_survey_is_valid(name: str) -> None:
    args, kwargs = VALID[name]()
    _call(FUNCTIONS[name], args, kwargs)  # raises if the row is wrong


@pytest.mark.parametrize(
    ("name", "parameter"),
    [(name, p.name) for name in sorted(VALID) for p in _parameters(name)],
)
def test_an_argument_of_the_wrong_type_raises_the_librarys_error_never_a_raw_one(
    name: str, parameter: str
) -> None:
    target = inspect.signature(FUNCTIONS[name]).parameters[parameter]
    for wrong in WRONG:
        try:
            _with(name, target, wrong)()
        except ProtocolShareError:
            continue  # the library's own error (which code: see the next test)
        except Exception as error:
            pytest.fail(f"{name}({parameter}={type(wrong).__name__}): raw {type(error).__name__}")


SUBJECTS = sorted(
    (name, params[0].name)
    for name in VALID
    if (params := _parameters(name))
    and params[0].default is inspect.Parameter.empty
    and params[0].kind is not inspect.Parameter.KEYWORD_ONLY
)


@pytest.mark.parametrize(("name", "parameter"), SUBJECTS)
def test_a_subject_of_the_wrong_type_is_wrong_type_naming_it(name: str, parameter: str) -> None:
    target = inspect.signature(FUNCTIONS[name]).parameters[parameter]
    for wrong in (object(), 12345):
        with pytest.raises(InvalidInput) as caught:
            _with(name, target, wrong)()
        assert caught.value.codes == {"WRONG_TYPE"}, (name, caught.value.codes)
        assert [p.path for p in caught.value.problems] == [parameter]


def test_an_item_of_the_wrong_type_in_a_collection_is_named_by_its_position() -> None:
    notice = example_breach_notice(aware_at=AT)
    with pytest.raises(InvalidInput) as caught:
        breach_register([notice, "not a notice", notice, 7], at=AT)  # type: ignore[list-item]
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("notices.1", "WRONG_TYPE"),
        ("notices.3", "WRONG_TYPE"),
    ]
    with pytest.raises(InvalidInput) as caught:
        rules_markdown([*REFERRAL_RULES[:2], None])  # type: ignore[list-item]
    assert [(p.path, p.code) for p in caught.value.problems] == [("rules.2", "WRONG_TYPE")]


# --- the methods of the public models -------------------------------------------------------

_MOMENTS = {"at", "sent_at", "on", "found_at", "told_at", "given_at", "aware_at"}


def _instances() -> dict[str, Any]:
    referral = example_referral(at=AT)
    return {
        "Protocol": TORHOUT,
        "Referral": referral,
        "Consent": referral.consent,
        "ClientData": referral.client,
        "Address": referral.client.address,
        "Decision": check_referral(referral, at=AT),
        "RetentionCase": example_retention_cases(at=AT)[0],
        "BreachNotice": example_breach_notice(aware_at=AT),
        "QualityNotice": example_quality_notice(found_at=AT),
        "WithdrawalNotice": example_withdrawal_notice(sent_at=AT),
    }


METHODS = sorted(
    (owner, attribute, parameter.name)
    for owner, instance in _instances().items()
    for attribute, function in vars(type(instance)).items()
    if not attribute.startswith("_") and inspect.isfunction(function)
    for parameter in list(inspect.signature(function).parameters.values())[1:]
    if parameter.kind not in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
)


@pytest.mark.parametrize(("owner", "method", "parameter"), METHODS)
def test_a_method_given_an_argument_of_the_wrong_type_raises_the_librarys_error(
    owner: str, method: str, parameter: str
) -> None:
    instance = _instances()[owner]
    function = getattr(instance, method)
    parameters = inspect.signature(function).parameters.values()
    for wrong in WRONG:
        args: list[Any] = []
        kwargs: dict[str, Any] = {}
        for p in parameters:
            if p.kind in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD):
                continue
            if p.name != parameter and p.default is not inspect.Parameter.empty:
                continue
            value = wrong if p.name == parameter else (AT if p.name in _MOMENTS else None)
            if p.kind is inspect.Parameter.KEYWORD_ONLY:
                kwargs[p.name] = value
            else:
                args.append(value)
        try:
            _call(function, tuple(args), kwargs)
        except ProtocolShareError:
            continue
        except Exception as error:  # the point: nothing else may escape
            pytest.fail(f"{owner}.{method}({parameter}={type(wrong).__name__}): {error!r}")
