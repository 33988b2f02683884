"""Benchmark: retention decisions and the schedule for a million cases (A3-4 to A3-6).

Run ``python benchmarks/bench_retention.py [CASES]`` (default one million). It builds the
cases through the lifecycle (receipt, contact, file opened, file closed, spread over
twelve years, in the mix an OCMW sees), then times :func:`retention_decision` for every
case and one :func:`retention_schedule` over all of them, and prints the time per case.
The target is under 5 microseconds a case; the exit code is 1 when a timing misses it.
"""

from __future__ import annotations

import random
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta

from protocol_share import TORHOUT
from protocol_share.retention import (
    RetentionCase,
    ScheduledAction,
    retention_decision,
    retention_schedule,
)

TARGET_US = 5.0
START = datetime(2024, 4, 18, 8, 0, tzinfo=UTC)
AT = datetime(2036, 6, 1, 12, 0, tzinfo=UTC)


def build(count: int, seed: int = 2024) -> list[RetentionCase]:
    """``count`` cases, each reached through legal steps, ids ``r-0`` ... (deterministic)."""
    rng = random.Random(seed)
    span = int((AT - START).total_seconds() // 60) - 60 * 24 * 940
    cases = []
    for n in range(count):
        at = START + timedelta(minutes=rng.randrange(span))
        case = RetentionCase.received(at, case_id=f"r-{n}")
        roll = rng.random()
        if roll < 0.08:  # awaiting contact
            cases.append(case)
            continue
        at += timedelta(hours=rng.randrange(1, 24 * 20))
        if roll < 0.23:
            cases.append(case.contacted(at, "declined"))
            continue
        if roll < 0.33:
            case = case.contacted(at, "unreachable")
            if rng.random() < 0.5:
                case = case.contacted(at + timedelta(days=rng.randrange(1, 30)), "unreachable")
            cases.append(case)
            continue
        case = case.contacted(at, "wants_help")
        if roll < 0.36:
            cases.append(case)
            continue
        case = case.dossier_opened(at + timedelta(days=rng.randrange(0, 5)))
        if roll < 0.50:
            cases.append(case)
            continue
        closed = at + timedelta(days=rng.randrange(5, 900))
        cases.append(case.dossier_closed(closed))
    return cases


def per_case_us(seconds: float, count: int) -> float:
    return seconds / count * 1e6


def main(argv: list[str]) -> int:
    count = int(argv[1]) if len(argv) > 1 else 1_000_000
    began = time.perf_counter()
    cases = build(count)
    built = time.perf_counter() - began

    began = time.perf_counter()
    actions = Counter(retention_decision(case, at=AT, protocol=TORHOUT).action for case in cases)
    decided = time.perf_counter() - began

    began = time.perf_counter()
    schedule = retention_schedule(cases, at=AT, protocol=TORHOUT)
    scheduled = time.perf_counter() - began

    states = Counter(case.state for case in cases)
    print(f"cases: {count:,} ({', '.join(f'{s} {n:,}' for s, n in sorted(states.items()))})")
    print(
        f"decisions at {AT.date()}: {', '.join(f'{a} {n:,}' for a, n in sorted(actions.items()))}"
    )
    print(
        f"scheduled actions: {len(schedule):,}, of which overdue {sum(isinstance(e, ScheduledAction) and e.overdue for e in schedule):,}"
    )
    print(f"build (4 steps at most):  {per_case_us(built, count):6.2f} us/case")
    print(f"retention_decision:       {per_case_us(decided, count):6.2f} us/case")
    print(f"retention_schedule:       {per_case_us(scheduled, count):6.2f} us/case")
    slow = [t for t in (decided, scheduled) if per_case_us(t, count) >= TARGET_US]
    print(f"target: under {TARGET_US} us/case: {'missed' if slow else 'met'}")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
