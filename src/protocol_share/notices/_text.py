"""The short texts notices carry (A7, A9-5, A9-6, A11-3): a law's title, a processor's name
or service, a document's reference. No personal number is allowed in them (A3-3)."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field

from protocol_share.clientdata._fields import check_free_text

__all__ = ["Title"]

Title = Annotated[str, Field(min_length=1, max_length=500), AfterValidator(check_free_text)]
"""A short text (a law's title, a processor's name or service): no personal number allowed."""
