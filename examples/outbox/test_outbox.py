"""The outbox script end to end, on a generated export in a temporary folder."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from outbox import FACTS, main

from protocol_share import archive_from_email, open_package

AT = datetime(2025, 3, 3, 9, 30, tzinfo=UTC)
COLUMNS = (
    "verwijzing_id",
    "voornaam",
    "familienaam",
    "straat",
    "huisnummer",
    "bus",
    "postcode",
    "gemeente",
    "telefoon",
    "e-mail",
    "rijksregisternummer",
    "dossiernotitie",
    *FACTS[1:],
)
CONSENT = {
    "aangemaakt_op": "2025-03-03T09:00:00+01:00",
    "toestemming_op": "2025-03-03T08:30:00+01:00",
    "methode": "verbal",
    "infofiche": "infofiche-ocmw-v1",
    "besproken": "data recipient purpose follow_up withdrawal",
    "gegevens": "name address phone email",
    "geschikt": "ja",
}


def row(n: int, **changes: str) -> dict[str, str]:
    values = {
        "verwijzing_id": f"r-2025-{n:04d}",
        "voornaam": "Ségolène",
        "familienaam": "D'Hondt",
        "straat": "Aartrijkestraat",
        "huisnummer": "11 bus 2",
        "bus": "",
        "postcode": "8820",
        "gemeente": "Torhout",
        "telefoon": "0470 12 34 56",
        "e-mail": "",
        "rijksregisternummer": "85.07.30-033.28",
        "dossiernotitie": "wil hulp bij huisvesting",
        "toestemming_id": f"c-2025-{n:04d}",
        **CONSENT,
    }
    values.update(changes)
    return values


def write_export(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as export:
        writer = csv.DictWriter(export, fieldnames=[*COLUMNS, "toestemming_id"])
        writer.writeheader()
        writer.writerows(rows)


def test_the_outbox_holds_a_package_and_its_email_for_every_allowed_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export, outbox = tmp_path / "export.csv", tmp_path / "outbox"
    write_export(
        export,
        [
            row(1),
            row(2, postcode="8000", gemeente="Brugge"),  # not a Torhout resident
            row(3, telefoon="12"),  # not a phone number
            row(4, huisnummer="7", bus="", telefoon="", gegevens="name address"),
        ],
    )
    code = main([str(export), str(outbox), "--member-id", "kg-torhout-017", "--at", AT.isoformat()])
    printed = capsys.readouterr().out
    assert code == 1
    assert "r-2025-0002: not sent: NOT_RESIDENT" in printed
    assert "r-2025-0003: not sent: INVALID_PHONE" in printed
    assert "Ségolène" not in printed
    assert "85.07.30" not in printed
    sent = re.findall(r"^(r-\d{4}-\d{4}): \S+\.7z password \S+", printed, re.M)
    assert sent == ["r-2025-0001", "r-2025-0004"]
    assert "left out: dossiernotitie, rijksregisternummer" in printed
    files = sorted(path.name for path in outbox.iterdir())
    assert len(files) == 4
    for line in printed.splitlines():
        match = re.match(r"(r-\S+): (\S+)\.7z password (\S+)", line)
        if not match:
            continue
        referral_id, stem, password = match.groups()
        archive = (outbox / f"{stem}.7z").read_bytes()
        mailed = archive_from_email((outbox / f"{stem}.eml").read_bytes())
        assert (mailed.archive, mailed.filename) == (archive, f"{stem}.7z")
        received = open_package(archive, password=password)
        assert received.referral_id == referral_id
        assert received.client.address.house_number in {"11", "7"}
        if referral_id == "r-2025-0001":
            assert received.client.address.box == "2"
            assert received.client.phone == "+32470123456"
        seven_zip = shutil.which("7zz")
        if seven_zip:  # 7-Zip itself opens what the script wrote
            listing = subprocess.run(  # noqa: S603 - 7-Zip on our own file
                [seven_zip, "t", f"-p{password}", str(outbox / f"{stem}.7z")],
                capture_output=True,
                text=True,
                check=False,
            )
            assert listing.returncode == 0, listing.stdout
