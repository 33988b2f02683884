"""The register entry in fideslang terms (A6-6; A3-1, A3-2): data categories and a privacy
declaration. The categories were checked against the default taxonomy of fideslang 3.1.4.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from protocol_share._text import message
from protocol_share.clientdata._fields import DataItem
from protocol_share.protocol._parts import RetentionTerms

__all__ = ["FIDESLANG_CATEGORIES", "fideslang_declaration"]

FIDESLANG_CATEGORIES: Final[Mapping[DataItem, tuple[str, ...]]] = {
    DataItem.NAME: ("user.name.first", "user.name.last"),
    DataItem.ADDRESS: ("user.contact.address",),
    DataItem.PHONE: ("user.contact.phone_number",),
    DataItem.EMAIL: ("user.contact.email",),
}
"""Each article 3 data item as fideslang data categories (A3-1, A3-2)."""


def fideslang_declaration(
    name: str, categories: tuple[str, ...], retention: RetentionTerms
) -> dict[str, Any]:
    """A fideslang privacy declaration (A6-6): data categories, data use, legal basis and
    the retention terms (A3-4 to A3-6), in English, fideslang's language."""
    return {
        "name": name,
        "data_categories": list(categories),
        "data_use": "essential.service",
        "legal_basis_for_processing": "Public interest",
        "retention_period": message(
            "register.retention_period", "en", years=retention.client_file_years
        ),
        "processes_special_category_data": False,
    }
