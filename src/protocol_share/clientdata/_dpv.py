"""The data items in the W3C Data Privacy Vocabulary (A3-1, A3-2): one JSON-LD context and
one map from each article 3 data item to its DPV personal-data category, shared by the
consent record (:func:`protocol_share.dpv_record`) and the register entry (A6-6)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from protocol_share.clientdata._fields import DataItem

__all__ = ["DPV_CONTEXT", "DPV_PERSONAL_DATA"]

DPV_CONTEXT: Final[Mapping[str, str]] = MappingProxyType(
    {
        "dpv": "https://w3id.org/dpv#",
        "pd": "https://w3id.org/dpv/pd#",
        "dct": "http://purl.org/dc/terms/",
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
        "ps": "urn:protocol-share:terms#",
    }
)
"""The inline JSON-LD context of every DPV record the library writes: DPV 2 and its
personal-data extension, Dublin Core terms, RDF, XML Schema and this library's terms."""

DPV_PERSONAL_DATA: Final[Mapping[DataItem, str]] = MappingProxyType(
    {
        DataItem.NAME: "pd:Name",
        DataItem.ADDRESS: "pd:PhysicalAddress",
        DataItem.PHONE: "pd:TelephoneNumber",
        DataItem.EMAIL: "pd:EmailAddress",
    }
)
"""Each article 3 data item as a DPV personal-data category (A3-1, A3-2)."""
