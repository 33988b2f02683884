"""Argument checks shared by the public functions: a wrong type is :class:`InvalidInput`,
never an ``AttributeError`` or ``TypeError`` from deep inside (DESIGN.md, rules of the house).
"""

from __future__ import annotations

from typing import TypeVar

from protocol_share.errors import InvalidInput

__all__ = ["require_type", "wrong_type"]

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
