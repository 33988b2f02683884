"""The base of every model: frozen, strict about unknown fields, errors without values.

Construction and ``model_validate``/``model_validate_json`` raise :class:`InvalidInput`
(a :class:`ProtocolShareError`) listing every problem, never a raw pydantic error, and
never the offending value (docs/design.md, rules of the house). JSON is read with ``json.loads``
refusing repeated keys (pydantic's own parser keeps the last value silently), then
validated as Python data, which costs no more than pydantic's JSON mode. Fields listed in
``_personal_fields`` are masked in ``repr`` and ``str``.
"""

from __future__ import annotations

import functools
import json
import re
import typing
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from typing import Annotated, Any, ClassVar, NamedTuple, Self, TypeVar

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    FutureDatetime,
    ModelWrapValidatorHandler,
    NaiveDatetime,
    PastDatetime,
    SerializerFunctionWrapHandler,
    ValidationError,
    field_serializer,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from protocol_share.errors import InvalidInput, Problem

__all__ = [
    "DEEP",
    "EXTRA_FIELD",
    "KEY",
    "PROVEN_INSTANT",
    "FieldKinds",
    "FrozenModel",
    "field_error",
    "field_kinds",
    "loads_without_duplicates",
    "problems_from",
    "redacted",
    "require_items",
    "require_iterable",
    "require_type",
    "was_validated",
    "wrong_type",
]


class _Redacted:
    __slots__ = ()

    def __repr__(self) -> str:
        return "<redacted>"


redacted: Any = _Redacted()


def field_error(model: str, field: str, code: str, message: str) -> ValidationError:
    """A validation error for one field, raised from a model validator (no value kept)."""
    detail = InitErrorDetails(type=PydanticCustomError(code, message), loc=(field,), input=None)
    return ValidationError.from_exception_data(model, [detail])


# A path part kept as it is: an index, or a name shaped like a field name (lower case,
# digits, underscores; at most 40 characters). Any other part is a key from the input that
# may be personal data (``"Jan Peeters 85073003328"``) and is never echoed.
_NAME_LIKE = re.compile(r"[a-z_][a-z0-9_]{0,39}")
EXTRA_FIELD = "<extra field>"
KEY = "<key>"


def _path(loc: tuple[int | str, ...], code: str) -> str:
    parts = [
        str(part) if isinstance(part, int) or _NAME_LIKE.fullmatch(part) else KEY for part in loc
    ]
    if code == "extra_forbidden" and parts and parts[-1] == KEY:
        parts[-1] = EXTRA_FIELD
    return ".".join(parts)


def problems_from(error: ValidationError, prefix: str = "") -> tuple[Problem, ...]:
    """Turn a pydantic error into value-free problems: dotted path, upper-case code, message.

    No free-form key of the input reaches the path: a part that is neither an index nor
    shaped like a field name (``national_number``) shows as ``<key>``, or as
    ``<extra field>`` when it is the unknown field itself.
    """
    problems = []
    for item in error.errors(include_url=False, include_input=False, include_context=False):
        path = _path(item["loc"], item["type"])
        if prefix:
            path = f"{prefix}.{path}" if path else prefix
        problems.append(Problem(path, item["type"].upper(), item["msg"]))
    return tuple(problems)


_NOT_JSON: Any = object()


class _Repeats(dict[str, Any]):
    """An object that repeated a key (used only to find where, once one was seen)."""


def _refuse_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) != len(pairs):
        raise _RepeatedKey
    return data


def _mark_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    return _Repeats(data) if len(data) != len(pairs) else data


class _RepeatedKey(ValueError):
    pass


def _repeat_paths(value: Any, loc: tuple[int | str, ...] = ()) -> list[tuple[int | str, ...]]:
    found = []
    if isinstance(value, _Repeats):
        found.append(loc)
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _repeat_paths(inner, (*loc, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _repeat_paths(inner, (*loc, index))
    return found


def _refuse_constant(name: str) -> Any:
    raise ValueError("NaN and Infinity are not JSON")


# json.loads with these arguments, made once (json.loads makes a decoder per call).
_DECODERS = {
    True: json.JSONDecoder(object_pairs_hook=_refuse_repeats),
    False: json.JSONDecoder(object_pairs_hook=_refuse_repeats, parse_constant=_refuse_constant),
}


def loads_without_duplicates(json_data: str | bytes | bytearray, *, allow_nan: bool = True) -> Any:
    """``json.loads`` (bytes must be UTF-8), refusing an object that repeats a key.

    Raises :class:`InvalidInput` with one ``DUPLICATE_KEY`` problem per such object, at the
    object's path (keys shown as :func:`problems_from` shows them, never the repeated key or
    a value); ``ValueError`` or ``RecursionError`` when the text is not JSON (or, without
    ``allow_nan``, holds ``NaN`` or ``Infinity``).
    """
    if not isinstance(json_data, str | bytes | bytearray):
        raise wrong_type(json_data, str, "json_data")
    text = json_data if isinstance(json_data, str) else bytes(json_data).decode("utf-8")
    constant = None if allow_nan else _refuse_constant
    try:
        return _DECODERS[allow_nan].decode(text)
    except _RepeatedKey:
        pass
    # Only when a key repeats: parse again to find where, for the report.
    marked = json.loads(text, object_pairs_hook=_mark_repeats, parse_constant=constant)
    problems = tuple(
        Problem(_path(loc, "duplicate_key"), "DUPLICATE_KEY", "repeats a key")
        for loc in _repeat_paths(marked)
    )
    raise InvalidInput("JSON", problems)


VALIDATED = "_protocol_share_validated"
"""The mark of an instance whose fields were validated as they are now (:func:`was_validated`)."""

DEEP = "_protocol_share_deep"
"""The mark of a validated instance that holds no datetime validation left unproven: its
own datetimes are all :data:`PROVEN_INSTANT` and every model inside it carries this mark."""


class _ProvenInstant:
    __slots__ = ()

    def __repr__(self) -> str:
        return "PROVEN_INSTANT"


PROVEN_INSTANT: Any = _ProvenInstant()
"""Annotation metadata of a datetime type whose validation proves it aware and reachable
(``protocol_share._time.Instant``): a validated instance's such field needs no second look."""


class FieldKinds(NamedTuple):
    """What a field's annotation can hold: a datetime that validation proves
    (``instant``), any other datetime (``loose``), a model that can hold either (``model``)."""

    instant: bool
    loose: bool
    model: bool


_NOTHING = FieldKinds(False, False, False)
# pydantic's datetime types are markers, not datetime subclasses
_DATETIME_TYPES = (AwareDatetime, NaiveDatetime, PastDatetime, FutureDatetime)
_MUTABLE = (list, set, dict)  # a validated container that can change after validation


def _kinds(annotation: Any, metadata: Iterable[Any] = ()) -> FieldKinds:
    if typing.get_origin(annotation) is Annotated:
        annotation, *extra = typing.get_args(annotation)
        metadata = (*metadata, *extra)
    if annotation in _DATETIME_TYPES or (
        isinstance(annotation, type) and issubclass(annotation, datetime)
    ):
        proven = annotation is AwareDatetime and any(item is PROVEN_INSTANT for item in metadata)
        return FieldKinds(proven, not proven, False)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return FieldKinds(False, False, bool(field_kinds(annotation)))
    kinds = _NOTHING
    for inner in typing.get_args(annotation):
        inner_kinds = _kinds(inner)
        kinds = FieldKinds(*(a or b for a, b in zip(kinds, inner_kinds, strict=True)))
    if typing.get_origin(annotation) in _MUTABLE and kinds.instant:
        kinds = FieldKinds(False, True, kinds.model)  # proven once, changeable since
    return kinds


@functools.cache
def field_kinds(cls: type[BaseModel]) -> tuple[tuple[str, FieldKinds], ...]:
    """The fields of ``cls`` that can hold a datetime or a model holding one, and what each
    can hold (docs/design.md: instants are aware; read by ``require_instants``)."""
    fields = []
    for name, field in cls.model_fields.items():
        kinds = _kinds(field.annotation, field.metadata)
        if kinds.instant or kinds.loose or kinds.model:
            fields.append((name, kinds))
    return tuple(fields)


@functools.cache
def _marking(cls: type[FrozenModel]) -> tuple[dict[str, bool], tuple[str, ...] | None]:
    # What a validated instance of ``cls`` gets: its marks, and the fields whose models
    # decide its DEEP mark (None when the class itself holds a datetime validation does not
    # prove: it is never DEEP).
    marks = dict.fromkeys(cls._validation_marks, True)
    kinds = field_kinds(cls)
    if any(k.loose for _, k in kinds):
        return marks, None
    return marks, tuple(name for name, k in kinds if k.model)


def _deep(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, BaseModel):
        return value.__dict__.get(DEEP) is True
    if isinstance(value, tuple | frozenset):
        return all(_deep(inner) for inner in value)
    return not isinstance(value, list | set | dict)  # a leaf; a mutable container may change


def was_validated(model: BaseModel) -> bool:
    """Whether ``model`` passed validation as it is now (docs/design.md: naive datetimes refused).

    True for an instance made by construction, ``model_validate`` or ``model_validate_json``
    (and for a plain ``model_copy()`` of one); false for one made by ``model_construct``,
    changed by ``model_copy(update=...)``, or handed to a validator as an instance (pydantic
    passes such an instance through without checking its fields). The mark says nothing
    about the models nested in ``model``: each carries its own.
    """
    return model.__dict__.get(VALIDATED) is True


class FrozenModel(BaseModel):
    """Frozen, ``extra="forbid"``, input hidden in errors; raises :class:`InvalidInput`.

    An instance whose fields were validated carries a mark (:func:`was_validated`), so that a
    function it is handed can skip what validation already proved (an instant's awareness)
    and check only what ``model_construct`` or ``model_copy(update=...)`` made.
    """

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        hide_input_in_errors=True,
        str_strip_whitespace=False,
        validate_default=False,
    )

    _personal_fields: ClassVar[frozenset[str]] = frozenset()

    # The marks set on an instance once its fields have validated (a subclass may add its
    # own, e.g. the screening mark of the identifier guard). Marks live in the instance
    # ``__dict__`` beside the fields: equality, hashing, ``repr`` and dumps ignore them.
    _validation_marks: ClassVar[tuple[str, ...]] = (VALIDATED,)

    @model_validator(mode="wrap")
    @classmethod
    def _mark_validated(cls, data: Any, handler: ModelWrapValidatorHandler[Self]) -> Self:
        model = handler(data)
        # An instance given as input comes back as it is, its fields unchecked (pydantic
        # does not validate instances again): only a model built from data is marked.
        if model is not data:
            marks, plan = _marking(cls)
            values = model.__dict__
            values.update(marks)
            if plan is not None:
                for name in plan:
                    if not _deep(values[name]):
                        break
                else:
                    values[DEEP] = True
        return model

    # Every InvalidInput below is raised after its except block: raised inside one, it would
    # keep the pydantic error as __context__ (``from None`` only hides it from tracebacks),
    # and with it the raw input (docs/design.md: no personal data in an exception's chain).

    def __init__(self, /, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as error:
            problems = problems_from(error)
        else:
            return
        raise InvalidInput(type(self).__name__, problems)

    # Tell pydantic this __init__ only wraps the base one (as RootModel does), so nested
    # models are validated by the core schema, not through this method.
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    @classmethod
    def model_validate(cls, obj: Any, **kwargs: Any) -> Self:
        """Validate a Python object; raises :class:`InvalidInput` listing every problem."""
        try:
            return super().model_validate(obj, **kwargs)
        except ValidationError as error:
            problems = problems_from(error)
        raise InvalidInput(cls.__name__, problems)

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, **kwargs: Any) -> Self:
        """Parse and validate JSON; raises :class:`InvalidInput` listing every problem.

        An object that repeats a key is refused (``DUPLICATE_KEY`` at the object's path),
        never resolved to one of the values. Text that is not JSON gets pydantic's report.
        """
        problems: tuple[Problem, ...] = ()
        try:
            data = loads_without_duplicates(json_data)
        except InvalidInput as error:
            problems = error.problems
        except (ValueError, RecursionError):
            data = _NOT_JSON
        if problems:
            raise InvalidInput(cls.__name__, problems)
        try:
            if data is _NOT_JSON:
                super().model_validate_json(json_data, **kwargs)
                problems = (Problem("", "JSON_INVALID", "is not JSON"),)
            else:
                return super().model_validate(data, **kwargs)
        except ValidationError as error:
            problems = problems_from(error)
        raise InvalidInput(cls.__name__, problems)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy; with ``update``, what was derived from the old values (a cached property,
        the screening mark) is dropped, to be derived again from the new ones.

        The values of ``update`` are not validated (pydantic's contract)."""
        copied = super().model_copy(update=update, deep=deep)
        if update:
            fields = type(self).model_fields
            for name in [name for name in copied.__dict__ if name not in fields]:
                del copied.__dict__[name]
        return copied

    # JSON is written the same for equal models: a set's members in sorted order, not in
    # hash order (which varies between processes). No return annotation on purpose: pydantic
    # would read it as every field's serialization schema; without one each keeps its own.
    @field_serializer("*", mode="wrap", when_used="json")
    def _sets_in_order(self, value: Any, handler: SerializerFunctionWrapHandler):  # type: ignore[no-untyped-def]
        result = handler(value)
        return sorted(result, key=str) if isinstance(value, set | frozenset) else result

    def replace(self, **changes: Any) -> Self:
        """A copy with ``changes``, validated like a new model (docs/design.md: frozen models,
        unknown input an error).

        Unlike ``model_copy(update=...)``, which trusts its input, every field of the result
        is checked again, the model's own rules too: a wrong value, an unknown field name or
        a broken rule raises :class:`InvalidInput` listing every problem, without values.

            >>> from protocol_share import Sender
            >>> sender = Sender(member_id="kg-017", team="lokaal team Kind en Gezin Torhout")
            >>> sender.replace(professional_secrecy=False).professional_secrecy
            False
            >>> sender.replace(member_id="").member_id
            Traceback (most recent call last):
            ...
            protocol_share.errors.InvalidInput: 1 problem in Sender:
              member_id: STRING_TOO_SHORT: String should have at least 1 character
        """
        fields = {name: getattr(self, name) for name in type(self).model_fields}
        return type(self).model_validate({**fields, **changes})

    __replace__ = replace  # copy.replace (Python 3.13) validates too

    def __iter__(self) -> Iterator[tuple[str, Any]]:  # type: ignore[override]
        """The fields and their values, so that ``dict(model)`` holds the fields alone: never
        a value derived once and kept beside them (a cached property, a mark)."""
        values = self.__dict__
        for name in type(self).model_fields:
            if name in values:  # model_construct may leave a required field out
                yield name, values[name]

    def __repr_args__(self) -> Iterable[tuple[str | None, Any]]:
        for name, value in super().__repr_args__():
            yield name, (redacted if name in self._personal_fields else value)


# Argument checks shared by the public functions: a wrong type is InvalidInput, never an
# AttributeError or TypeError from deep inside.

T = TypeVar("T")


def wrong_type(value: object, kind: type, name: str) -> InvalidInput:
    """The error for argument ``name`` not being a ``kind`` (``WRONG_TYPE``); names types only."""
    return InvalidInput.single(
        "arguments", name, "WRONG_TYPE", f"must be a {kind.__name__}, not {type(value).__name__}"
    )


def require_type(value: object, kind: type[T], name: str) -> T:
    """Return ``value`` if it is a ``kind``; else raise :func:`wrong_type`'s error."""
    if not isinstance(value, kind):
        raise wrong_type(value, kind, name)
    return value


def require_iterable(value: object, kind: type, name: str) -> Iterable[Any]:
    """Return ``value`` if it is an iterable (of ``kind``, not checked here: a stream is read
    once), not a ``kind`` itself, a string or a mapping; else ``WRONG_TYPE`` at ``name``."""
    if isinstance(value, Iterable) and not isinstance(value, kind | str | bytes | Mapping):
        return value
    raise InvalidInput.single(
        "arguments",
        name,
        "WRONG_TYPE",
        f"must be an iterable of {kind.__name__}, not {type(value).__name__}",
    )


def require_items(values: object, kind: type[T], name: str) -> tuple[T, ...]:
    """``values`` as a tuple if it is an iterable of ``kind`` (see :func:`require_iterable`);
    else ``WRONG_TYPE`` at ``name``, or one at ``name.<index>`` for each item that is not a
    ``kind``."""
    items = tuple(require_iterable(values, kind, name))
    problems = tuple(
        Problem(
            f"{name}.{index}", "WRONG_TYPE", f"must be a {kind.__name__}, not {type(item).__name__}"
        )
        for index, item in enumerate(items)
        if not isinstance(item, kind)
    )
    if problems:
        raise InvalidInput("arguments", problems)
    return items
