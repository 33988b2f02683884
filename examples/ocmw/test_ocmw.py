"""The OCMW side end to end, on generated packages in a temporary folder: the mailbox into
SQLite, the steps of each case, and the daily deletion job over every stored case."""

from __future__ import annotations

import csv
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from ocmw import connect, daily, ingest, main, record_step

from protocol_share import ImpossibleStep, generate_password, pack
from protocol_share.examples import example_referral

SENT = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
RECEIVED = SENT + timedelta(hours=2)


def day(n: int) -> datetime:
    return RECEIVED + timedelta(days=n)


def fill_mailbox(mailbox: Path, count: int) -> dict[str, str]:
    """``count`` packages as .eml files, and the passwords the senders read out by phone."""
    mailbox.mkdir()
    passwords = {}
    for n in range(count):
        referral = example_referral(at=SENT).replace(referral_id=f"r-2025-{n:04d}")
        password = generate_password()
        package = pack(referral, password=password, at=SENT + timedelta(minutes=n))
        (mailbox / f"{n:04d}.eml").write_bytes(package.message.as_bytes())
        passwords[package.filename] = password
    (mailbox / "spam.eml").write_bytes(b"To: sociaal.huis@torhout.be\nSubject: hallo\n\nhoi\n")
    return passwords


def test_mailbox_to_sqlite_then_the_daily_job(tmp_path: Path) -> None:
    passwords = fill_mailbox(tmp_path / "mailbox", 5)
    unknown = list(passwords)[-1]  # the package of 0004.eml
    del passwords[unknown]  # its password has not been phoned through yet
    db = connect(tmp_path / "ocmw.sqlite")

    report = ingest(db, tmp_path / "mailbox", passwords, at=RECEIVED)
    assert report.stored == ["r-2025-0000", "r-2025-0001", "r-2025-0002", "r-2025-0003"]
    assert ("spam.eml", "NoArchiveAttached NO_ATTACHMENT") in report.problems
    assert ("0004.eml", "NO_PASSWORD_YET") in report.problems
    again = ingest(db, tmp_path / "mailbox", passwords, at=RECEIVED)
    assert again.stored == []
    assert ("0000.eml", "ALREADY_RECEIVED") in again.problems

    record_step(db, "r-2025-0000", "contacted", at=day(1), outcome="declined")
    record_step(db, "r-2025-0001", "contacted", at=day(1), outcome="unreachable")
    record_step(db, "r-2025-0002", "contacted", at=day(2), outcome="wants_help")
    record_step(db, "r-2025-0002", "dossier_opened", at=day(3))
    with pytest.raises(ImpossibleStep) as caught:
        record_step(db, "r-2025-0003", "dossier_closed", at=day(3))
    assert caught.value.code == "IMPOSSIBLE_STEP"
    # A step recorded with a time after the job's moment (a clock set wrong).
    record_step(db, "r-2025-0003", "contacted", at=day(400), outcome="declined")

    report = daily(db, at=day(200))
    assert report.deleted == ["r-2025-0000"]
    assert report.review == ["r-2025-0001"]
    assert report.problems == [("r-2025-0003", "AT_BEFORE_LAST_STEP")]
    client = db.execute("SELECT client_json FROM referral WHERE case_id = 'r-2025-0000'")
    assert client.fetchone() == (None,)
    kept = db.execute("SELECT count(*) FROM referral WHERE client_json IS NOT NULL")
    assert kept.fetchone() == (3,)
    # A history broken in the database is reported by its case id; the rest goes on.
    db.execute(
        "UPDATE step SET step = 'dossier_closed', outcome = NULL WHERE case_id = 'r-2025-0001' AND seq = 1"
    )
    db.commit()
    report = daily(db, at=day(500))
    assert ("r-2025-0001", "IMPOSSIBLE_STEP") in report.problems
    assert report.deleted == ["r-2025-0003"]
    db.close()


def test_the_commands_as_a_scheduler_runs_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    passwords = fill_mailbox(tmp_path / "mailbox", 2)
    with (tmp_path / "passwords.csv").open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["filename", "password"])
        writer.writerows(passwords.items())
    database = str(tmp_path / "ocmw.sqlite")
    at = ["--at", RECEIVED.isoformat()]
    mailbox, passwords_csv = str(tmp_path / "mailbox"), str(tmp_path / "passwords.csv")
    assert main([*at, "ingest", mailbox, database, passwords_csv]) == 1  # the spam
    assert (
        main(["--at", day(1).isoformat(), "step", database, "r-2025-0000", "contacted", "declined"])
        == 0
    )
    assert (
        main(["--at", day(2).isoformat(), "step", database, "r-2025-0001", "dossier_opened"]) == 1
    )
    assert main(["--at", day(2).isoformat(), "daily", database]) == 0
    printed = capsys.readouterr().out
    assert "stored: r-2025-0000 r-2025-0001" in printed
    assert "problem: spam.eml: NoArchiveAttached NO_ATTACHMENT" in printed
    assert "problem: r-2025-0001: IMPOSSIBLE_STEP" in printed
    assert "deleted: r-2025-0000" in printed
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT count(*) FROM step").fetchone() == (3,)
