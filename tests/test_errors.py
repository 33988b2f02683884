"""No exception the library raises carries personal data: not in its message, its args, its
repr, nor anywhere down its ``__cause__``/``__context__`` chain (docs/design.md: rules of the house;
issue 11). Raised after the except block, a library error keeps no pydantic error (with
the raw input) as its context."""

from __future__ import annotations

import ast
import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import protocol_share
from protocol_share import (
    TORHOUT,
    Address,
    BreachNotice,
    ClientData,
    Consent,
    InvalidInput,
    Protocol,
    ProtocolShareError,
    Referral,
    RetentionCase,
    Sender,
    WithdrawalNotice,
    check_password,
    kantara_receipt,
    minimise,
    open_package,
    pack,
)
from protocol_share.examples import (
    example_breach_notice,
    example_consent,
    example_quality_notice,
    example_referral,
)
from protocol_share.notices import quality_notice_email, withdrawal_email, withdrawal_notice
from protocol_share.package._payload import parse_document
from protocol_share.retention import cases_from_json
from tests.package.package_support import PASSWORD, sealed

AT = datetime(2025, 3, 3, 9, tzinfo=UTC)
SOURCE = Path(protocol_share.__file__).parent

_LOWER: tuple[Literal["Ll"]] = ("Ll",)
# A personal value found nowhere in the library's own texts: a leak cannot hide behind a
# coincidence. Letters of several scripts, as names are.
personal_values = st.builds(
    lambda head, tail: f"Zq{head}{tail}",
    st.text(st.characters(categories=_LOWER, max_codepoint=0x24F), min_size=4, max_size=10),
    st.sampled_from(["", "ë", "Ø", "ß", "ł", "-Vandamme"]),
)


def chain(error: BaseException) -> Iterator[BaseException]:
    """The error and every exception in its ``__cause__``/``__context__`` chain."""
    seen: set[int] = set()
    todo = [error]
    while todo:
        current = todo.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        todo += [e for e in (current.__cause__, current.__context__) if e is not None]


def texts(error: BaseException) -> list[str]:
    shown = [str(error), repr(error), *(repr(arg) for arg in error.args)]
    problems = getattr(error, "problems", ())  # InvalidInput's, UnexpectedContent's
    shown += [repr(problem) for problem in problems]
    # and as a person reads them, in either language (issue 9)
    shown += [p.message_nl for p in problems] + [p.message_en for p in problems]
    errors = getattr(error, "errors", None)  # pydantic's ValidationError keeps the input here
    if callable(errors):
        shown.append(repr(errors()))
    shown.append(repr(getattr(error, "__dict__", {})))
    return shown


def _referral_json(name: str, **client: Any) -> str:
    data = json.loads(example_referral(at=AT).model_dump_json())
    data["client"] |= {"first_name": name} | client
    return json.dumps(data, ensure_ascii=False)


def _document(name: str) -> bytes:
    referral = example_referral(at=AT)
    return json.dumps(
        {
            "schema": "protocol-share/verwijzing",
            "schema_version": 1,
            "referral_id": "r-1",
            "created_at": AT.isoformat(),
            "sent_at": AT.isoformat(),
            "consent": {"consent_id": "c-1", "given_at": AT.isoformat()},
            "sender": {"team": TORHOUT.team},
            "client": json.loads(referral.client.model_dump_json())
            | {"first_name": name, "last_name": f"{name} 85073003328", name: name},
        },
        ensure_ascii=False,
    ).encode()


def calls(p: str) -> list[Callable[[], object]]:
    """Public calls that must refuse an input holding the personal value ``p``."""
    protocol = json.loads(TORHOUT.model_dump_json())
    protocol["sender"] |= {"name": f"{p}\r\nBcc: x@example.org", "kbo": p}
    consent = example_consent(at=AT)
    quality = example_quality_notice(found_at=AT)
    withdrawal = WithdrawalNotice(
        notice_id="intr-1",
        referral_id="r-1",
        consent_id="c-1",
        sent_at=AT,
        withdrawn_at=AT + timedelta(minutes=1),
        notified_at=AT + timedelta(minutes=2),
    )
    return [
        lambda: ClientData(first_name=p, last_name=f"{p}7", address={"postcode": p}),
        lambda: ClientData.model_validate(
            {"first_name": p, "last_name": p, "email": f"{p}@@example.be", p: p}
        ),
        lambda: ClientData.model_validate_json(f'{{"first_name": "{p}", "last_name": "{p}"'),
        lambda: ClientData.model_validate_json(
            json.dumps({"first_name": p, "first_name ": p, "phone": f"+32 {p}"})
        ),
        lambda: Address(street=p, house_number=p, postcode="8820", municipality=p),
        lambda: Referral.model_validate_json(_referral_json(p, phone=f"04 {p}")),
        lambda: Referral.model_validate_json(_referral_json(f"{p} 85073003328")),
        lambda: Protocol.model_validate_json(json.dumps(protocol)),
        lambda: Sender(member_id=p, team=f"{p}\n"),
        lambda: Consent.model_validate(consent.model_dump() | {"recorded_by": f"{p} x"}),
        lambda: minimise({"first_name": p, "last_name": f"{p}9", "nota": p}),
        lambda: minimise({"voornaam": f"{p}1", "naam": p}, field_map={"voornaam": "first_name"}),
        lambda: parse_document(_document(p)),
        lambda: parse_document(_document(p)[:-3]),
        lambda: open_package(
            sealed({"verwijzing.json": _document(p), "verwijzing.txt": p.encode()}),
            password=PASSWORD,
        ),
        lambda: open_package(
            sealed({"verwijzing.json": b"\xff" + p.encode(), "verwijzing.txt": b"x"}),
            password=PASSWORD,
        ),
        lambda: open_package(sealed({f"{p}.json": p.encode()}), password=PASSWORD),
        lambda: open_package(sealed({"verwijzing.json": b"{}"}), password=f"{p}-Wachtwoord-1"),
        lambda: cases_from_json(
            json.dumps({"cases": [{"case_id": f"{p} x", "steps": [{"step": p, "at": p}]}]})
        ),
        lambda: cases_from_json(
            json.dumps(
                {
                    "cases": [
                        {
                            "case_id": "k-1",
                            "steps": [{"step": "dossier_opened", "at": AT.isoformat()}],
                        }
                    ]
                }
            )
        ),
        lambda: RetentionCase.received(AT, case_id=f"{p} 85073003328"),
        lambda: RetentionCase.received(AT).contacted(AT, p),  # type: ignore[arg-type]
        lambda: quality_notice_email(quality, to=f"{p}@@example.be"),
        lambda: kantara_receipt(consent, policy_url=f"http://{p}", controller_phone=p),
        lambda: BreachNotice.model_validate(
            example_breach_notice(aware_at=AT).model_dump() | {"facts": p, "records": -1}
        ),
        lambda: WithdrawalNotice.model_validate(
            withdrawal.model_dump() | {"referral_id": f"{p} 85073003328", p: p}
        ),
        lambda: withdrawal_email(withdrawal, to=f"{p}@@example.be"),
        lambda: withdrawal_notice(
            consent.withdraw(AT + timedelta(seconds=30)),
            notice_id=f"{p} 85073003328",
            referral_id="r-1",
            sent_at=AT,
            at=AT + timedelta(hours=1),
        ),
        lambda: withdrawal.apply(RetentionCase.received(AT), at=f"{p} 85073003328"),  # type: ignore[arg-type]
        lambda: check_password(p[:8]),
        lambda: pack(example_referral(at=AT), password=p[:8], at=AT),
        lambda: pack(
            Referral.model_validate_json(_referral_json(p.capitalize())),
            password=PASSWORD,
            at=datetime(2020, 1, 1, tzinfo=UTC),
        ),
    ]


CALLS = len(calls("Zqvoorbeeld"))


@pytest.mark.parametrize("index", range(CALLS))
@given(p=personal_values)
def test_no_personal_value_anywhere_in_a_raised_errors_chain(index: int, p: str) -> None:
    try:
        calls(p)[index]()
    except ProtocolShareError as error:
        raised: BaseException | None = error
    else:
        raised = None
    assert raised is not None, "the call must refuse its input"
    for link in chain(raised):
        for text in texts(link):
            assert p not in text, (type(link).__name__, text)
            assert "85073003328" not in text


@given(p=personal_values)
def test_no_personal_value_in_a_models_repr_or_str(p: str) -> None:
    notice = BreachNotice.model_validate(
        example_breach_notice(aware_at=AT).model_dump() | {"facts": p, "delay_reasons": p}
    )
    client = ClientData(
        first_name=p,
        last_name=p,
        address=Address(street=p, house_number="1", postcode="8820", municipality="Torhout"),
        email=f"{p.lower().replace('-', '')}@example.be",
    )
    referral = example_referral(at=AT, client=client)
    for model in (notice, client, referral, client.address):
        assert p not in repr(model)
        assert p not in str(model)
    assert notice.facts == p  # masked in repr, kept in the data


# --- at the source: no library error is raised inside an except block -------------------


def _raises_in_handlers(tree: ast.AST) -> list[int]:
    found: list[int] = []

    def visit(node: ast.AST, in_handler: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                visit(child, False)
            elif isinstance(child, ast.ExceptHandler):
                visit(child, True)
            else:
                # A bare ``raise`` re-raises the caught error and adds no link to a chain.
                if in_handler and isinstance(child, ast.Raise) and child.exc is not None:
                    found.append(child.lineno)
                visit(child, in_handler)

    visit(tree, False)
    return found


def test_no_error_is_raised_inside_an_except_block() -> None:
    offending = []
    for path in sorted(SOURCE.rglob("*.py")):
        name = path.relative_to(SOURCE).as_posix()
        lines = _raises_in_handlers(ast.parse(path.read_text(encoding="utf-8")))
        offending += [f"{name}:{line}" for line in lines]
    assert offending == []


def test_the_law_holds_for_the_models_error_path() -> None:
    with pytest.raises(InvalidInput) as caught:
        ClientData(first_name="Zqjan", last_name="Zqpeeters7", address={})
    assert caught.value.__context__ is None
    assert caught.value.__cause__ is None
    with pytest.raises(InvalidInput) as caught:
        Referral.model_validate_json('{"client": {"first_name": "Zqjan"')
    assert caught.value.__context__ is None
