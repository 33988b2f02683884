"""The OCMW side: received e-mails into SQLite, the steps of each case, the daily job.

    python ocmw.py ingest MAILBOX_DIR DATABASE PASSWORDS.csv [--at ISO]
    python ocmw.py step DATABASE CASE_ID STEP [OUTCOME] [--at ISO]
    python ocmw.py daily DATABASE [--at ISO]

- ``ingest`` reads every ``.eml`` in the mailbox folder, takes the archive out
  (``archive_from_email``), opens it with the password the sender read out by phone (the
  host keeps it against the archive's file name: ``PASSWORDS.csv`` has the columns
  ``filename,password``), stores the referral and starts its retention case (``received``).
  A mail or package that is refused is reported by its ``.eml`` name and its error's class
  and code, and the next one is read.
- ``step`` records contact and the client file (``contacted wants_help|declined|
  unreachable``, ``dossier_opened``, ``dossier_closed``), checked against the lifecycle
  first: an impossible step is refused with its code and nothing is stored.
- ``daily`` streams every stored case through ``iter_retention_schedule``, deletes the
  referral data that are due for deletion, lists the cases due for review, and reports
  every case it cannot decide by its case id and code; the rest is done.

Only this file touches files, the database and the clock; ``protocol_share`` does not.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import sqlite3
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from protocol_share import (
    TORHOUT,
    CaseError,
    ImpossibleStep,
    InvalidInput,
    PackageError,
    Protocol,
    RetentionCase,
    Step,
    archive_from_email,
    iter_retention_schedule,
    open_package,
)

SCHEMA = """
CREATE TABLE IF NOT EXISTS referral (
    case_id TEXT PRIMARY KEY,        -- the referral id: the case's id too
    consent_id TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    filename TEXT NOT NULL,
    client_json TEXT                 -- NULL once deleted
);
CREATE TABLE IF NOT EXISTS step (
    case_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    step TEXT NOT NULL,
    at TEXT NOT NULL,
    outcome TEXT,
    PRIMARY KEY (case_id, seq)
);
"""


def connect(path: Path) -> sqlite3.Connection:
    """The database, its tables made if new."""
    db = sqlite3.connect(path)
    db.executescript(SCHEMA)
    return db


@dataclass
class Report:
    """What a run did: counts and, per problem, a name or case id and a code (no values)."""

    stored: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    review: list[str] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)


def _code(error: Exception) -> str:
    # The stable code of a library error, for a log line: never the message's values.
    if isinstance(error, InvalidInput):
        return ",".join(sorted(error.codes))
    return str(getattr(error, "code", type(error).__name__))


def ingest(
    db: sqlite3.Connection,
    mailbox: Path,
    passwords: Mapping[str, str],
    *,
    at: datetime,
    protocol: Protocol = TORHOUT,
) -> Report:
    """Every ``.eml`` of ``mailbox`` into the database, each refusal reported by name."""
    report = Report()
    for path in sorted(mailbox.glob("*.eml")):
        try:
            mailed = archive_from_email(path.read_bytes())
            password = passwords.get(mailed.filename)
            if password is None:
                report.problems.append((path.name, "NO_PASSWORD_YET"))
                continue
            received = open_package(mailed.archive, password=password, protocol=protocol)
            case = RetentionCase.received(at, case_id=received.referral_id)
        except (PackageError, InvalidInput) as error:
            report.problems.append((path.name, f"{type(error).__name__} {_code(error)}"))
            continue
        with db:
            known = db.execute(
                "SELECT 1 FROM referral WHERE case_id = ?", (received.referral_id,)
            ).fetchone()
            if known:
                report.problems.append((path.name, "ALREADY_RECEIVED"))
                continue
            db.execute(
                "INSERT INTO referral VALUES (?, ?, ?, ?, ?)",
                (
                    received.referral_id,
                    received.consent_id,
                    received.sent_at.isoformat(),
                    mailed.filename,
                    received.client.model_dump_json(),
                ),
            )
            _store_steps(db, case)
        report.stored.append(received.referral_id)
    return report


def _store_steps(db: sqlite3.Connection, case: RetentionCase) -> None:
    db.execute("DELETE FROM step WHERE case_id = ?", (case.case_id,))
    db.executemany(
        "INSERT INTO step VALUES (?, ?, ?, ?, ?)",
        [(case.case_id, n, s.step, s.at.isoformat(), s.outcome) for n, s in enumerate(case.steps)],
    )


def _replay(case_id: str, rows: Sequence[tuple[str, str, str | None]]) -> RetentionCase:
    steps = [Step(step, datetime.fromisoformat(at), outcome) for step, at, outcome in rows]  # type: ignore[arg-type]
    return RetentionCase.replay(steps, case_id=case_id)


def load_case(db: sqlite3.Connection, case_id: str) -> RetentionCase:
    """One stored case, replayed through the lifecycle table."""
    rows = db.execute(
        "SELECT step, at, outcome FROM step WHERE case_id = ? ORDER BY seq", (case_id,)
    ).fetchall()
    return _replay(case_id, rows)


def record_step(
    db: sqlite3.Connection, case_id: str, step: str, *, at: datetime, outcome: str | None = None
) -> RetentionCase:
    """Record one step, after the lifecycle allowed it (``ImpossibleStep`` otherwise)."""
    case = load_case(db, case_id)
    if step == "contacted":
        case = case.contacted(at, outcome)  # type: ignore[arg-type]
    elif step == "dossier_opened":
        case = case.dossier_opened(at)
    elif step == "dossier_closed":
        case = case.dossier_closed(at)
    else:
        raise ImpossibleStep(step, case.state, "UNKNOWN_STEP", "not a step of the lifecycle")
    with db:
        _store_steps(db, case)
    return case


def daily(db: sqlite3.Connection, *, at: datetime, protocol: Protocol = TORHOUT) -> Report:
    """The daily deletion job: one pass over every case, in flat memory.

    Deletions are noted in a temporary table during the pass and carried out after it, so
    the read never sees its own writes.
    """
    report = Report()
    db.execute("CREATE TEMP TABLE IF NOT EXISTS due (case_id TEXT PRIMARY KEY)")
    db.execute("DELETE FROM due")

    def stored_cases() -> Iterator[RetentionCase]:
        rows = db.execute(
            "SELECT step.case_id, step, at, outcome FROM step JOIN referral USING (case_id) "
            "WHERE client_json IS NOT NULL ORDER BY step.case_id, seq"
        )
        for case_id, group in itertools.groupby(rows, key=lambda row: row[0]):
            try:
                yield _replay(case_id, [row[1:] for row in group])
            except (ImpossibleStep, InvalidInput) as error:  # a history the table refuses
                report.problems.append((case_id, _code(error)))

    for entry in iter_retention_schedule(stored_cases(), at=at, protocol=protocol):
        if isinstance(entry, CaseError):
            report.problems.append((entry.case_id or f"#{entry.position}", entry.code))
        elif not entry.overdue:
            continue
        elif entry.action == "delete":
            db.execute("INSERT INTO due VALUES (?)", (entry.case_id,))
            report.deleted.append(str(entry.case_id))
        else:
            report.review.append(str(entry.case_id))
    with db:
        db.execute(
            "UPDATE referral SET client_json = NULL WHERE case_id IN (SELECT case_id FROM due)"
        )
    return report


def _print(report: Report) -> None:
    for label, ids in (
        ("stored", report.stored),
        ("deleted", report.deleted),
        ("review", report.review),
    ):
        if ids:
            print(f"{label}: {' '.join(ids)}")
    for name, code in report.problems:
        print(f"problem: {name}: {code}")


def main(argv: Sequence[str] | None = None) -> int:
    """The commands; exit 1 when a run met a problem, else 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--at", type=datetime.fromisoformat, default=None)
    sub = parser.add_subparsers(dest="command", required=True)
    one = sub.add_parser("ingest")
    one.add_argument("mailbox", type=Path)
    one.add_argument("database", type=Path)
    one.add_argument("passwords", type=Path)
    two = sub.add_parser("step")
    two.add_argument("database", type=Path)
    two.add_argument("case_id")
    two.add_argument("step")
    two.add_argument("outcome", nargs="?")
    three = sub.add_parser("daily")
    three.add_argument("database", type=Path)
    args = parser.parse_args(argv)
    at = args.at or datetime.now(UTC)  # the shell reads the clock, the library never does
    db = connect(args.database)
    try:
        if args.command == "ingest":
            with args.passwords.open(encoding="utf-8", newline="") as file:
                passwords = {row["filename"]: row["password"] for row in csv.DictReader(file)}
            report = ingest(db, args.mailbox, passwords, at=at)
        elif args.command == "step":
            try:
                record_step(db, args.case_id, args.step, at=at, outcome=args.outcome)
            except (ImpossibleStep, InvalidInput) as error:
                print(f"problem: {args.case_id}: {_code(error)}")
                return 1
            report = Report()
        else:
            report = daily(db, at=at)
    finally:
        db.close()
    _print(report)
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main())
