"""Shared by the retention tests: the moment every case starts from, and days as a span."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

T0 = datetime(2024, 5, 2, 9, 0, tzinfo=UTC)
"""Thursday 2 May 2024, 09:00 UTC: the moment the tests' cases are received (or near it)."""


def days(n: float) -> timedelta:
    """``n`` days (fractions allowed) as a :class:`timedelta`."""
    return timedelta(days=n)
