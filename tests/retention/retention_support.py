"""Shared by the retention tests: the moment every case starts from, days as a span, a
declined case and its line in the schedule's JSON."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from protocol_share.retention import RetentionCase

T0 = datetime(2024, 5, 2, 9, 0, tzinfo=UTC)
"""Thursday 2 May 2024, 09:00 UTC: the moment the tests' cases are received (or near it)."""


def days(n: float) -> timedelta:
    """``n`` days (fractions allowed) as a :class:`timedelta`."""
    return timedelta(days=n)


def declined_case(case_id: str, at: datetime = T0) -> RetentionCase:
    """A case received at ``at`` whose client declined help a day later: delete (A3-4)."""
    return RetentionCase.received(at, case_id=case_id).contacted(at + days(1), "declined")


DECLINED_V1_RECORD: dict[str, Any] = {
    "case_id": "v-1",
    "due_on": "2024-05-03",
    "action": "delete",
    "clause": "GDPR art. 5(1)(e)",
    "code": "DELETE_DECLINED",
    "overdue": True,
}
"""``schedule_as_json``'s record of ``declined_case("v-1")`` at ``T0 + days(10)``: overdue."""
