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
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from protocol_share.clientdata._fields import Address, ClientData, DataItem
from protocol_share.errors import InvalidInput
from protocol_share.protocol._protocol import Protocol
from protocol_share.protocol._torhout import TORHOUT

__all__ = ["HIDDEN_KEY", "Minimised", "minimise"]

# The ClientData fields each data item brings along.
_ITEM_FIELDS: Mapping[DataItem, tuple[str, ...]] = {
    DataItem.NAME: ("first_name", "last_name"),
    DataItem.ADDRESS: ("address",),
    DataItem.PHONE: ("phone",),
    DataItem.EMAIL: ("email",),
}
_ADDRESS_FIELDS = frozenset(Address.model_fields)
HIDDEN_KEY = "*"


@dataclass(frozen=True, slots=True)
class Minimised:
    """The result of :func:`minimise` (A3-3): the client data kept, and every dotted path dropped."""

    data: ClientData
    dropped: tuple[str, ...]

    def __repr__(self) -> str:
        return f"Minimised(data={self.data!r}, dropped={self.dropped!r})"


def _leaves(value: Any, path: str) -> Iterator[str]:
    # Keys below the first level are the host's data, not its schema (a child's name under
    # "children"): they are reported as "*". List indices stay.
    if isinstance(value, Mapping) and value:
        for inner in value.values():
            yield from _leaves(inner, f"{path}.{HIDDEN_KEY}")
    elif isinstance(value, Sequence) and not isinstance(value, str | bytes) and value:
        for index, inner in enumerate(value):
            yield from _leaves(inner, f"{path}.{index}")
    else:
        yield path


def minimise(record: Mapping[str, Any], protocol: Protocol = TORHOUT) -> Minimised:
    """Keep only the protocol's data items from ``record`` and list what was dropped (A3-1 to A3-3).

    Empty values (``None``, ``""``) of allowed optional fields are left out too, and
    reported. Raises :class:`InvalidInput` when what is kept does not make valid client
    data (for example a forbidden identifier inside a kept field).
    """
    if not isinstance(record, Mapping):
        raise InvalidInput.single("record", "", "NOT_A_MAPPING", "must be a mapping")
    allowed = {field for item in protocol.allowed_items for field in _ITEM_FIELDS[item]}
    kept: dict[str, Any] = {}
    dropped: list[str] = []
    for key, value in record.items():
        name = str(key)
        if name not in allowed:
            dropped.extend(_leaves(value, name))
        elif value is None or value == "":
            dropped.append(name)
        elif name == "address" and isinstance(value, Mapping):
            address = {}
            for inner_key, inner in value.items():
                field = str(inner_key)
                if field in _ADDRESS_FIELDS and inner not in (None, ""):
                    address[field] = inner
                else:
                    shown = field if field in _ADDRESS_FIELDS else HIDDEN_KEY
                    dropped.extend(_leaves(inner, f"address.{shown}"))
            kept[name] = address
        else:
            kept[name] = value
    data = ClientData.model_validate(kept)
    return Minimised(data=data, dropped=tuple(sorted(dropped)))
