"""Benchmark: retention decisions and the schedule for a million cases (A3-4 to A3-6).

Run ``python benchmarks/bench_retention.py [CASES]`` (default one million). It builds the
cases through the lifecycle (receipt, contact, file opened, file closed, spread over
twelve years, in the mix an OCMW sees) and prints, side by side:

- time per case: :func:`retention_decision` for every case, one :func:`retention_schedule`
  (a sorted tuple) and one pass of :func:`iter_retention_schedule` (the stream, counted as
  it goes) over the same built cases;
- extra peak memory of a daily job over the cases read lazily from a generator (as from a
  database cursor): the stream against the tuple, each measured in a fresh process as the
  peak resident size (``VmHWM``) over the resident size before the job.

Targets: every timing under 5 microseconds a case, and the stream under 64 MiB of extra
peak memory at any number of cases. The exit code is 1 when one is missed.
"""

from __future__ import annotations

import contextlib
import random
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from protocol_share import TORHOUT
from protocol_share.retention import (
    CaseError,
    RetentionCase,
    ScheduledAction,
    iter_retention_schedule,
    retention_decision,
    retention_schedule,
)

TARGET_US = 5.0
TARGET_MIB = 64.0
START = datetime(2024, 4, 18, 8, 0, tzinfo=UTC)
AT = datetime(2036, 6, 1, 12, 0, tzinfo=UTC)


def iter_build(count: int, seed: int = 2024) -> Iterator[RetentionCase]:
    """``count`` cases, each reached through legal steps, ids ``r-0`` ... (deterministic),
    one at a time."""
    rng = random.Random(seed)
    span = int((AT - START).total_seconds() // 60) - 60 * 24 * 940
    for n in range(count):
        at = START + timedelta(minutes=rng.randrange(span))
        case = RetentionCase.received(at, case_id=f"r-{n}")
        roll = rng.random()
        if roll < 0.08:  # awaiting contact
            yield case
            continue
        at += timedelta(hours=rng.randrange(1, 24 * 20))
        if roll < 0.23:
            yield case.contacted(at, "declined")
            continue
        if roll < 0.33:
            case = case.contacted(at, "unreachable")
            if rng.random() < 0.5:
                case = case.contacted(at + timedelta(days=rng.randrange(1, 30)), "unreachable")
            yield case
            continue
        case = case.contacted(at, "wants_help")
        if roll < 0.36:
            yield case
            continue
        case = case.dossier_opened(at + timedelta(days=rng.randrange(0, 5)))
        if roll < 0.50:
            yield case
            continue
        yield case.dossier_closed(at + timedelta(days=rng.randrange(5, 900)))


def build(count: int, seed: int = 2024) -> list[RetentionCase]:
    """The same cases as :func:`iter_build`, in a list."""
    return list(iter_build(count, seed))


def per_case_us(seconds: float, count: int) -> float:
    return seconds / count * 1e6


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def measure_memory(form: str, count: int) -> None:
    """In this (fresh) process: the daily job over ``count`` lazily built cases; prints the
    extra peak resident size in MiB and the number of entries."""
    list(iter_retention_schedule(iter_build(1000, seed=7), at=AT))  # warm up imports, caches
    with contextlib.suppress(OSError):  # reset the peak to the current size (Linux 4.0+)
        Path("/proc/self/clear_refs").write_text("5")
    before = _status_kib("VmRSS")
    if form == "stream":
        entries = sum(1 for _ in iter_retention_schedule(iter_build(count), at=AT))
    else:
        entries = len(retention_schedule(iter_build(count), at=AT))
    extra = (_status_kib("VmHWM") - before) / 1024
    print(f"{extra:.1f} {entries}")


def memory_in_fresh_process(form: str, count: int) -> tuple[float, int]:
    done = subprocess.run(
        [sys.executable, __file__, "--memory", form, str(count)],
        check=True,
        capture_output=True,
        text=True,
    )
    extra, entries = done.stdout.split()
    return float(extra), int(entries)


def main(argv: list[str]) -> int:
    if len(argv) == 4 and argv[1] == "--memory":
        measure_memory(argv[2], int(argv[3]))
        return 0
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

    began = time.perf_counter()
    streamed_entries = errors = 0
    for entry in iter_retention_schedule(cases, at=AT, protocol=TORHOUT):
        streamed_entries += 1
        errors += type(entry) is CaseError
    streamed = time.perf_counter() - began

    states = Counter(case.state for case in cases)
    overdue = sum(isinstance(e, ScheduledAction) and e.overdue for e in schedule)
    del cases, schedule
    stream_mib, stream_entries = memory_in_fresh_process("stream", count)
    tuple_mib, tuple_entries = memory_in_fresh_process("tuple", count)
    assert stream_entries == tuple_entries == streamed_entries
    assert errors == 0

    print(f"cases: {count:,} ({', '.join(f'{s} {n:,}' for s, n in sorted(states.items()))})")
    print(
        f"decisions at {AT.date()}: {', '.join(f'{a} {n:,}' for a, n in sorted(actions.items()))}"
    )
    print(f"scheduled actions: {streamed_entries:,}, of which overdue {overdue:,}")
    print(f"build (4 steps at most, setup): {per_case_us(built, count):6.2f} us/case")
    print()
    print(f"{'time per case':34} {'us/case':>8} {'vs stream':>10}")
    for name, seconds in (
        ("retention_decision (each case)", decided),
        ("retention_schedule (sorted tuple)", scheduled),
        ("iter_retention_schedule (stream)", streamed),
    ):
        ratio = seconds / streamed
        print(f"{name:34} {per_case_us(seconds, count):8.2f} {ratio:9.2f}x")
    print()
    print(f"{'extra peak memory, lazy cases in':34} {'MiB':>8} {'vs stream':>10}")
    print(f"{'iter_retention_schedule (stream)':34} {stream_mib:8.1f} {1:9.2f}x")
    print(
        f"{'retention_schedule (sorted tuple)':34} {tuple_mib:8.1f} {tuple_mib / stream_mib:9.2f}x"
    )

    slow = [t for t in (decided, scheduled, streamed) if per_case_us(t, count) >= TARGET_US]
    heavy = stream_mib >= TARGET_MIB
    print()
    print(f"target: under {TARGET_US} us/case: {'missed' if slow else 'met'}")
    print(f"target: stream under {TARGET_MIB:.0f} MiB extra peak: {'missed' if heavy else 'met'}")
    return 1 if slow or heavy else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
