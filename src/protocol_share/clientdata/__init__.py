"""Article 3: the client's data, the only data that may travel (A3-1 to A3-3).

- :mod:`._fields`: :class:`ClientData`, :class:`Address` and the field types.
- :mod:`._identifiers`: the forbidden-identifier guard (A3-3).
- :mod:`._screening`: which models had their texts screened by the guard.
- :mod:`._minimise`: :func:`minimise`, from a richer host record to what may travel.
"""

from protocol_share.clientdata._fields import Address, ClientData, DataItem
from protocol_share.clientdata._identifiers import (
    FieldKind,
    IdentifierKind,
    address_identifier_kinds,
    forbidden_identifier_kinds,
)
from protocol_share.clientdata._minimise import FLEMISH_EXPORT_FIELDS, Minimised, minimise

__all__ = [
    "FLEMISH_EXPORT_FIELDS",
    "Address",
    "ClientData",
    "DataItem",
    "FieldKind",
    "IdentifierKind",
    "Minimised",
    "address_identifier_kinds",
    "forbidden_identifier_kinds",
    "minimise",
]
