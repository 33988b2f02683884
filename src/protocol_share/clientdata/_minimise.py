"""``minimise``: from a richer host record, keep only what article 3 and the protocol allow.

A host's record of a family holds far more than may travel: a national number, children,
notes, extra phone lines. ``minimise`` keeps the fields of the data items the protocol
lists (A3-1, A3-2) and reports the dotted path of everything it leaves out (A3-3). It never
drops silently and never keeps an item the protocol does not list.

The report is meant to be logged, so it holds no personal data: a first-level key of the
record (a field name of the host's schema) and an ``Address`` field name stand as they
are, list indices too, and every other key, which is the host's data (a child's name
under ``children``), is reported as ``*``.

    >>> record = {
    ...     "first_name": "An", "last_name": "Peeters", "national_number": "85.07.30-033.28",
    ...     "address": {"street": "Markt", "house_number": "1", "postcode": "8820",
    ...                 "municipality": "Torhout", "geo": {"lat": 51.06}},
    ...     "phone": "050 12 34 56", "children": {"Lore": {"born": 2019}},
    ... }
    >>> result = minimise(record)
    >>> result.data.phone
    '+3250123456'
    >>> result.dropped
    ('address.*.*', 'children.*.*', 'national_number')

Only what was present is reported: a key whose value is empty (``None``, a blank string,
an empty list or mapping) held no data, so leaving it out removes nothing and it is not
listed. An audit log of ``dropped`` therefore reads as what was really withheld.

Host exports seldom use this library's field names. ``field_map`` maps the record's keys
(a dotted key such as ``adres.straat`` reaches into a nested mapping) to the
:class:`ClientData` fields (``first_name``, ``address.house_number``, ...);
:data:`FLEMISH_EXPORT_FIELDS` is the map for a typical Flemish export. Dropped paths and
the problems of an invalid record are then reported in the host's names:

    >>> export = {"voornaam": "An", "familienaam": "Peeters", "straat": "Markt",
    ...           "huisnummer": "12 bus 3", "bus": "", "postcode": "8820",
    ...           "gemeente": "Torhout", "telefoon": "050 12 34 56", "e-mail": None,
    ...           "rijksregisternummer": "85.07.30-033.28"}
    >>> result = minimise(export, field_map=FLEMISH_EXPORT_FIELDS)
    >>> result.data.address.house_number, result.data.address.box
    ('12', '3')
    >>> result.dropped
    ('rijksregisternummer',)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from protocol_share._model import require_type, wrong_type
from protocol_share.clientdata._fields import Address, ClientData, DataItem
from protocol_share.errors import InvalidInput, Problem
from protocol_share.protocol._protocol import Protocol
from protocol_share.protocol._torhout import TORHOUT

__all__ = ["FLEMISH_EXPORT_FIELDS", "HIDDEN_KEY", "Minimised", "minimise"]

# The ClientData fields each data item brings along.
_ITEM_FIELDS: Mapping[DataItem, tuple[str, ...]] = {
    DataItem.NAME: ("first_name", "last_name"),
    DataItem.ADDRESS: ("address",),
    DataItem.PHONE: ("phone",),
    DataItem.EMAIL: ("email",),
}
_ADDRESS_FIELDS = frozenset(Address.model_fields)
_CLIENT_FIELDS = tuple(ClientData.model_fields)
# Where a host key may point: a ClientData field, or one field of the address.
_TARGETS = frozenset(_CLIENT_FIELDS) | {f"address.{field}" for field in _ADDRESS_FIELDS}
_IDENTITY: Mapping[str, str] = MappingProxyType({field: field for field in _CLIENT_FIELDS})
HIDDEN_KEY = "*"

FLEMISH_EXPORT_FIELDS: Mapping[str, str] = MappingProxyType(
    {
        "voornaam": "first_name",
        "familienaam": "last_name",
        "achternaam": "last_name",
        "straat": "address.street",
        "huisnummer": "address.house_number",
        "bus": "address.box",
        "postcode": "address.postcode",
        "gemeente": "address.municipality",
        "land": "address.country",
        "telefoon": "phone",
        "e-mail": "email",
    }
)
"""The ``field_map`` of a typical Flemish export (A3-1, A3-2): ``voornaam``, ``familienaam``
or ``achternaam``, ``straat``, ``huisnummer``, ``bus``, ``postcode``, ``gemeente``, ``land``,
``telefoon`` and ``e-mail``, on one level. A record holding both ``familienaam`` and
``achternaam`` with a value is refused (``FIELD_MAP_CONFLICT``): which one is meant is the
host's to say."""


@dataclass(frozen=True, slots=True)
class Minimised:
    """The result of :func:`minimise` (A3-3): the client data kept, and every dotted path dropped."""

    data: ClientData
    dropped: tuple[str, ...]

    def __repr__(self) -> str:
        return f"Minimised(data={self.data!r}, dropped={self.dropped!r})"


def _empty(value: Any) -> bool:
    # No data: None, a blank string, an empty list or mapping.
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, Mapping | list | tuple) and not value


def _leaves(value: Any, path: str) -> Iterator[str]:
    # Keys below the first level are the host's data, not its schema (a child's name under
    # "children"): they are reported as "*". List indices stay. Empty values held no data
    # and are not reported.
    if _empty(value):
        return
    if isinstance(value, Mapping):
        for inner in value.values():
            yield from _leaves(inner, f"{path}.{HIDDEN_KEY}")
    elif isinstance(value, Sequence) and not isinstance(value, str | bytes):
        for index, inner in enumerate(value):
            yield from _leaves(inner, f"{path}.{index}")
    else:
        yield path


def _checked_map(field_map: object) -> Mapping[str, str]:
    if not isinstance(field_map, Mapping):
        raise wrong_type(field_map, Mapping, "field_map")
    for key, target in field_map.items():
        if not isinstance(key, str) or not key or not isinstance(target, str):
            raise InvalidInput.single(
                "arguments", "field_map", "WRONG_TYPE", "must map strings to strings"
            )
        if target not in _TARGETS:
            raise InvalidInput.single(
                "arguments",
                "field_map",
                "UNKNOWN_FIELD",
                "maps a key to something that is not a ClientData or address field",
            )
    return field_map


def _conflict(host: str) -> InvalidInput:
    return InvalidInput.single(
        "record", host, "FIELD_MAP_CONFLICT", "two keys of the record give the same field"
    )


class _Collector:
    """Places a record's values at their ClientData fields, remembering the host's names."""

    def __init__(self, field_map: Mapping[str, str], allowed: frozenset[str]) -> None:
        self.field_map = field_map
        self.allowed = allowed
        self.kept: dict[str, Any] = {}
        self.dropped: list[str] = []
        self.origin: dict[str, str] = {}  # ClientData path -> the host's path
        # The dotted keys' leading parts: the nested mappings a map reaches into.
        self.prefixes = {
            key.rsplit(".", depth)[0] for key in field_map for depth in range(1, key.count(".") + 1)
        }

    def visit(self, value: Any, key: str, shown: str) -> None:
        if key in self.field_map:
            self.place(self.field_map[key], value, key)
        elif key in self.prefixes and isinstance(value, Mapping):
            for inner_key, inner in value.items():
                path = f"{key}.{inner_key}"
                known = path in self.field_map or path in self.prefixes
                self.visit(inner, path, path if known else f"{shown}.{HIDDEN_KEY}")
        else:
            self.dropped.extend(_leaves(value, shown))

    def place(self, target: str, value: Any, host: str) -> None:
        if _empty(value):
            return
        top, _, field = target.partition(".")
        if top not in self.allowed:
            self.dropped.extend(_leaves(value, host))
            return
        if target in self.origin or (field and top in self.origin):
            raise _conflict(host)
        self.origin[target] = host
        if not field:
            if target == "address" and any(key.startswith("address.") for key in self.origin):
                raise _conflict(host)
            if target == "address" and isinstance(value, Mapping):
                value = self._address(value, host)
            self.kept[target] = value
            return
        self.kept.setdefault("address", {})[field] = value

    def _address(self, value: Mapping[Any, Any], host: str) -> dict[str, Any]:
        address = {}
        for inner_key, inner in value.items():
            field = str(inner_key)
            if field in _ADDRESS_FIELDS:
                if not _empty(inner):
                    address[field] = inner
                    continue
                shown = f"{host}.{field}"
            else:
                shown = f"{host}.{HIDDEN_KEY}"
            self.dropped.extend(_leaves(inner, shown))
        return address

    def host_path(self, path: str) -> str:
        # A problem's ClientData path in the host's names, by the longest placed prefix.
        best = ""
        for target in self.origin:
            if (path == target or path.startswith(f"{target}.")) and len(target) > len(best):
                best = target
        return f"{self.origin[best]}{path[len(best) :]}" if best else path


def minimise(
    record: Mapping[str, Any],
    protocol: Protocol = TORHOUT,
    *,
    field_map: Mapping[str, str] | None = None,
) -> Minimised:
    """Keep only the protocol's data items from ``record`` and list what was dropped (A3-1 to A3-3).

    ``field_map`` maps the record's keys to :class:`ClientData` fields (see
    :data:`FLEMISH_EXPORT_FIELDS`); without it the record uses the ClientData names. A key
    the map does not name is dropped. Empty values (``None``, a blank string, an empty
    list or mapping) are left out and not reported, since they held nothing. Raises
    :class:`InvalidInput` when what is kept does not make valid client data (for example a
    forbidden identifier inside a kept field), its problems at the host's keys;
    ``FIELD_MAP_CONFLICT`` when two keys with a value give the same field; ``UNKNOWN_FIELD``
    when the map points elsewhere than a ClientData or address field.
    """
    protocol = require_type(protocol, Protocol, "protocol")
    if not isinstance(record, Mapping):
        raise wrong_type(record, Mapping, "record")
    names = _IDENTITY if field_map is None else _checked_map(field_map)
    allowed = frozenset(field for item in protocol.allowed_items for field in _ITEM_FIELDS[item])
    collector = _Collector(names, allowed)
    for key, value in record.items():
        collector.visit(value, str(key), str(key))
    try:
        data = ClientData.model_validate(collector.kept)
    except InvalidInput as error:
        problems = error.problems
    else:
        return Minimised(data=data, dropped=tuple(sorted(collector.dropped)))
    if field_map is not None:
        problems = tuple(Problem(collector.host_path(p.path), p.code, p.message) for p in problems)
    raise InvalidInput("ClientData", problems)
