"""Every problem a person reads is in their language (issue 9: every text a person reads
comes from the one catalogue): each code the library raises has a ``problem.<CODE>`` text in
Dutch and English, and a rendered problem, like its English message, names no value
(docs/design.md: errors name fields, not values)."""

from __future__ import annotations

import ast
import json
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path
from string import Formatter
from typing import Any, Literal, get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic_core.core_schema import ErrorType

import protocol_share
from protocol_share import (
    TORHOUT,
    BreachNotice,
    ClientData,
    InvalidInput,
    Problem,
    Protocol,
    QualityNotice,
    Referral,
    RetentionCase,
    Step,
    archive_from_email,
    open_package,
)
from protocol_share._model import FrozenModel
from protocol_share._text import LANGS, catalogue
from protocol_share.cli._io import (
    invalid_input_text,
    lifecycle_error_text,
    package_error_text,
    problem_json,
    problem_line,
)
from protocol_share.errors import LifecycleError, PackageError, WrongPassword
from protocol_share.examples import (
    example_breach_notice,
    example_client,
    example_quality_notice,
    example_referral,
)
from protocol_share.retention import ImpossibleStep
from protocol_share.strategies import FieldValues, hidden_identifiers
from tests.clientdata.test_guard_corpus import refusals

SRC = Path(protocol_share.__file__).parent
_Scope = tuple[ast.FunctionDef, ...]

# The calls that make a problem, and where each takes its code: (position, keyword).
_MAKERS = {
    "field_error": (2, "code"),
    "PydanticCustomError": (0, "error_type"),
    "Problem": (1, "code"),
    "single": (2, "code"),
}
# Sites whose code is neither spelled nor a parameter: the codes each can carry. A new such
# site fails the test below until it is listed here.
_COMPUTED = {
    # the codes _instant_problem returns, looked up in a dict of messages
    ("_time.py", "require_instants"): frozenset({"NAIVE_DATETIME", "OUT_OF_RANGE"}),
    # pydantic's own error types: the models' error path, covered at run time below
    ("_model.py", "problems_from"): frozenset(),
}


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


class _Module:
    def __init__(self, path: Path) -> None:
        self.name = path.relative_to(SRC).as_posix()
        self.tree = ast.parse(path.read_text(encoding="utf-8"))
        self.constants = {
            target.id: node.value.value
            for node in self.tree.body
            if isinstance(node, ast.Assign | ast.AnnAssign)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
            for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
            if isinstance(target, ast.Name)
        }

    def calls(self) -> Iterator[tuple[ast.Call, _Scope]]:
        """Every call, with the functions around it (the innermost last)."""

        def visit(node: ast.AST, around: _Scope) -> Iterator[tuple[ast.Call, _Scope]]:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.Call):
                    yield child, around
                inner = (*around, child) if isinstance(child, ast.FunctionDef) else around
                yield from visit(child, inner)

        yield from visit(self.tree, ())


def _import_constants(modules: list[_Module]) -> None:
    """Give each module the string constants it imports by name from another module of the
    package (``from protocol_share.clientdata._phone import FORBIDDEN``)."""
    by_module = {
        "protocol_share." + m.name.removesuffix(".py").replace("/", "."): m.constants
        for m in modules
    }
    for module in modules:
        for node in module.tree.body:
            if isinstance(node, ast.ImportFrom) and node.module in by_module:
                for alias in node.names:
                    value = by_module[node.module].get(alias.name)
                    if value is not None:
                        module.constants.setdefault(alias.asname or alias.name, value)


def _argument(call: ast.Call, position: int, keyword: str) -> ast.expr | None:
    for named in call.keywords:
        if named.arg == keyword:
            return named.value
    return call.args[position] if position < len(call.args) else None


def _parameters(function: ast.FunctionDef) -> list[str]:
    names = [a.arg for a in (*function.args.posonlyargs, *function.args.args)]
    return names[1:] if names[:1] in (["self"], ["cls"]) else names


def raised_codes(
    makers: Mapping[str, tuple[int, str]] = _MAKERS,
) -> tuple[set[str], set[tuple[str, str]]]:
    """The codes the source gives ``makers`` (by default: the calls that make a problem), and
    the computed sites it cannot read a code at."""
    modules = [_Module(path) for path in sorted(SRC.rglob("*.py"))]
    _import_constants(modules)
    everywhere = [(m, call, around) for m in modules for call, around in m.calls()]
    codes: set[str] = set()
    computed: set[tuple[str, str]] = set()
    seen: set[tuple[str, str, str]] = set()

    def resolve(expr: ast.expr | None, module: _Module, around: _Scope) -> None:
        owner = next(
            (
                f
                for f in reversed(around)
                if isinstance(expr, ast.Name) and expr.id in _parameters(f)
            ),
            None,
        )
        if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
            codes.add(expr.value)
        elif isinstance(expr, ast.Name) and owner is not None:
            key = (module.name, owner.name, expr.id)
            if key in seen:
                return
            seen.add(key)
            position = _parameters(owner).index(expr.id)
            for other, call, site in everywhere:
                if _name(call.func) == owner.name:
                    resolve(_argument(call, position, expr.id), other, site)
        elif isinstance(expr, ast.Name) and expr.id in module.constants:
            codes.add(module.constants[expr.id])
        elif isinstance(expr, ast.Attribute) and expr.attr == "code":
            return  # a problem made again under a longer path: its code was counted where made
        else:
            computed.add(
                (module.name.rpartition("/")[2], around[-1].name if around else "<module>")
            )

    for module, call, around in everywhere:
        maker = makers.get(_name(call.func) or "")
        if maker is None:
            continue
        if around and around[-1].name in makers:
            continue  # the makers' own definitions pass their parameter on
        resolve(_argument(call, *maker), module, around)
    for site in computed & set(_COMPUTED):
        codes |= _COMPUTED[site]
    return codes, computed


NL, EN = catalogue("nl"), catalogue("en")


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name is not None}


PYDANTIC_TYPES = frozenset(t.upper() for t in get_args(ErrorType))
AT = datetime(2025, 3, 3, 9, tzinfo=UTC)


def _codes_with_text(lang_catalogue: Mapping[str, str]) -> set[str]:
    return {key.removeprefix("problem.") for key in lang_catalogue if key.startswith("problem.")}


# --- every code has its text ------------------------------------------------------------------


def test_every_code_the_source_raises_has_a_dutch_and_an_english_text() -> None:
    codes, _ = raised_codes()
    assert len(codes) > 80  # the reader above finds the source's codes, not a handful
    assert sorted(codes - _codes_with_text(NL)) == []
    assert sorted(codes - _codes_with_text(EN)) == []


def test_every_site_that_computes_a_code_is_listed_with_its_codes() -> None:
    _, computed = raised_codes()
    assert computed == set(_COMPUTED)


def test_every_problem_text_is_for_a_code_the_library_or_pydantic_raises() -> None:
    codes, _ = raised_codes()
    assert sorted(_codes_with_text(NL) - codes - PYDANTIC_TYPES) == []


@pytest.mark.parametrize("code", sorted(_codes_with_text(NL)))
def test_a_problem_text_has_no_placeholder_and_differs_by_language(code: str) -> None:
    nl, en = NL[f"problem.{code}"], EN[f"problem.{code}"]
    assert fields(nl) == fields(en) == set()  # no value, no limit: nothing to fill in
    assert nl != en


def _sample(model: type[FrozenModel]) -> dict[str, Any]:
    examples: dict[type[FrozenModel], FrozenModel] = {
        Protocol: TORHOUT,
        Referral: example_referral(at=AT),
        BreachNotice: example_breach_notice(aware_at=AT),
        QualityNotice: example_quality_notice(found_at=AT),
    }
    data: dict[str, Any] = json.loads(examples[model].model_dump_json())
    return data


def _leaves(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    yield path
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _leaves(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _leaves(inner, (*path, index))


def _replaced(data: Any, path: tuple[str | int, ...], value: Any) -> Any:
    """``data`` with the value at ``path`` replaced, or removed when ``value`` is ``_GONE``."""
    if not path:
        return value
    copy = json.loads(json.dumps(data))
    inner = copy
    for part in path[:-1]:
        inner = inner[part]
    if value is _GONE:
        del inner[path[-1]]
    else:
        inner[path[-1]] = value
    return copy


_GONE: Any = object()


# Wrong values of every JSON shape: each leaf of an example replaced by each of them.
_WRONG: tuple[Any, ...] = (
    None, -1, 1.5, True, "", "x", "2024-13-01", "2024-01-01T10:00:00", "9" * 5000,
    [], [1] * 300, {}, {"extra": 1}, 10**30, _GONE,
)  # fmt: skip


@pytest.mark.parametrize("model", [Protocol, Referral, BreachNotice, QualityNotice])
def test_every_code_wrong_input_reaches_through_the_models_has_a_text(
    model: type[FrozenModel],
) -> None:
    data = _sample(model)
    seen: set[str] = set()
    for path in _leaves(data):
        for wrong in _WRONG if path else _WRONG[:-1]:
            try:
                model.model_validate_json(json.dumps(_replaced(data, path, wrong)))
            except InvalidInput as error:
                seen |= error.codes
    assert {"MISSING", "STRING_TYPE", "EXTRA_FORBIDDEN", "MODEL_TYPE"} <= seen
    assert sorted(seen - _codes_with_text(NL)) == []


# --- a refused package or e-mail, an impossible lifecycle step: error.<CODE> -----------------

# The call that makes an impossible step, and where it takes its code (its other codes are
# the classes' own, below).
_STEP_MAKERS = {"ImpossibleStep": (2, "code")}


def _error_classes() -> list[type[PackageError | LifecycleError]]:
    found: list[type[PackageError | LifecycleError]] = []
    todo: list[type[PackageError | LifecycleError]] = [PackageError, LifecycleError]
    while todo:
        cls = todo.pop()
        if cls not in found:  # MailTooLarge and MalformedMail each have two parents
            found.append(cls)
        todo += [sub for sub in cls.__subclasses__() if sub.__module__.startswith("protocol_")]
    return found


def error_codes() -> set[str]:
    """Every code a package or lifecycle error carries: its class's, or its raise site's."""
    steps, computed = raised_codes(_STEP_MAKERS)
    assert computed == set()  # every impossible step spells its code, or passes one on
    return steps | {cls.code for cls in _error_classes()}


def _error_texts(lang_catalogue: Mapping[str, str]) -> set[str]:
    return {key.removeprefix("error.") for key in lang_catalogue if key.startswith("error.")}


def test_every_package_and_lifecycle_error_code_has_a_dutch_and_an_english_text() -> None:
    codes = error_codes()
    assert {"WRONG_PASSWORD", "NO_ATTACHMENT", "STEP_BEFORE_PREVIOUS", "NO_STEPS"} <= codes
    assert _error_texts(NL) == _error_texts(EN) == codes  # none missing, none left over


def test_each_package_error_class_has_a_code_of_its_own() -> None:
    classes = [cls for cls in _error_classes() if issubclass(cls, PackageError)]
    assert all("code" in vars(cls) for cls in classes)
    assert len({cls.code for cls in classes}) == len(classes) >= 14


@pytest.mark.parametrize("code", sorted(_error_texts(NL)))
def test_an_error_text_has_no_placeholder_and_differs_by_language(code: str) -> None:
    nl, en = NL[f"error.{code}"], EN[f"error.{code}"]
    assert fields(nl) == fields(en) == set()  # no value, no limit: nothing to fill in
    assert nl != en


def test_an_error_reads_its_code_from_the_catalogue_and_keeps_its_english_str() -> None:
    error = WrongPassword("the password does not open the archive (A6-2)")
    assert (error.code, error.message_nl) == ("WRONG_PASSWORD", NL["error.WRONG_PASSWORD"])
    assert error.message_en == EN["error.WRONG_PASSWORD"]
    assert str(error) == "the password does not open the archive (A6-2)"
    step = ImpossibleStep("received", "received", "NO_SUCH_CODE", "an English text")
    assert step.message_nl == step.message_en == str(step)  # no text: the English message


# --- rendering ----------------------------------------------------------------------------------


def test_a_problem_reads_its_code_in_either_language_from_the_catalogue() -> None:
    problem = Problem("client.phone", "INVALID_PHONE", "is not a valid telephone number")
    assert problem.message_nl == NL["problem.INVALID_PHONE"] == "is geen geldig telefoonnummer"
    assert problem.message_en == EN["problem.INVALID_PHONE"]
    assert str(problem) == "client.phone: INVALID_PHONE: is not a valid telephone number"


def test_a_code_without_a_text_falls_back_to_the_english_message() -> None:
    problem = Problem("x", "NO_SUCH_CODE", "an English text")
    assert (problem.message_nl, problem.message_en) == ("an English text", "an English text")


def test_pydantic_problems_are_read_in_dutch_without_pydantics_english() -> None:
    with pytest.raises(InvalidInput) as caught:
        Referral.model_validate({"client": {"first_name": 1}, "surplus": True})
    by_code = {p.code: p for p in caught.value.problems}
    assert by_code["MISSING"].message_nl == "is verplicht"
    assert by_code["EXTRA_FORBIDDEN"].message_nl == "is geen veld van dit model"
    assert all(p.message_nl != p.message for p in caught.value.problems)


def _rendered(error: InvalidInput) -> list[str]:
    """Everything a person can read of ``error``'s problems, in both languages."""
    shown = []
    for lang in LANGS:
        shown.append(invalid_input_text(error, lang))
        for problem in error.problems:
            shown += [problem.message_nl, problem.message_en, problem_line(problem, lang)]
            shown.append(json.dumps(problem_json(problem), ensure_ascii=False))
    return shown


@given(hidden_identifiers())
def test_a_problem_rendered_in_either_language_never_holds_a_hidden_identifier(
    sample: FieldValues,
) -> None:
    errors = [error for _, error in refusals(sample)]
    assert errors  # a hidden identifier is refused wherever it is put
    digits = {"".join(ch for ch in value if ch.isdigit()) for value in sample.fields.values()}
    for error in errors:
        for text in _rendered(error):
            assert not any(value in text for value in sample.fields.values()), text
            compact = "".join(ch for ch in text if ch.isdigit())
            assert not any(len(d) >= 9 and d in compact for d in digits), text


_LOWER: tuple[Literal["Ll"]] = ("Ll",)
# Text found nowhere in the catalogues: a leak cannot hide behind a coincidence.
personal_text = st.builds(
    lambda head, tail: f"Zq{head}{tail}",
    st.text(st.characters(categories=_LOWER, max_codepoint=0x24F), min_size=4, max_size=12),
    st.sampled_from(["", "ë", "7", "@@", " 85073003328", "\n"]),
)


@given(p=personal_text, field=st.sampled_from(["first_name", "last_name", "phone", "email"]))
def test_a_problem_rendered_in_either_language_never_holds_the_input(p: str, field: str) -> None:
    data = json.loads(example_client().model_dump_json())
    data[field] = p
    data["address"] |= {"postcode": p, p: p}
    with pytest.raises(InvalidInput) as caught:
        ClientData.model_validate(data)
    for text in _rendered(caught.value):
        assert p not in text
        assert p.strip() not in text


def _refused(p: str) -> list[PackageError | LifecycleError]:
    """What the package, e-mail and lifecycle steps refuse when ``p`` is put wherever it fits."""
    bare = EmailMessage()
    bare["Subject"] = p.strip()
    bare.set_content(p)
    attached = EmailMessage()
    attached.set_content(p)
    attached.add_attachment(
        p.encode(), maintype="application", subtype="x-7z-compressed", filename=f"{p.strip()}.7z"
    )
    attempts: list[Callable[[], object]] = [
        lambda: archive_from_email(bare.as_bytes()),
        lambda: archive_from_email(attached.as_bytes()),
        lambda: open_package(p.encode(), password=p + "-Vlinder-Kast-42"),
        lambda: RetentionCase.replay([Step(p, AT)]),  # type: ignore[arg-type]
        lambda: RetentionCase.replay([Step("received", AT), Step("contacted", AT, p)]),  # type: ignore[arg-type]
    ]
    refused: list[PackageError | LifecycleError] = []
    for attempt in attempts:
        try:
            attempt()
        except (PackageError, LifecycleError) as error:
            refused.append(error)
    return refused


@given(p=personal_text)
def test_a_refused_package_or_step_rendered_in_either_language_never_holds_the_input(
    p: str,
) -> None:
    refused = _refused(p)
    assert len(refused) == 5  # each attempt is refused
    for error in refused:
        shown = [error.message_nl, error.message_en, str(error)]
        for lang in LANGS:
            if isinstance(error, PackageError):
                shown.append(package_error_text(error, lang))
            else:
                shown.append(lifecycle_error_text(error, lang))
        for text in shown:
            assert p.strip() not in text
