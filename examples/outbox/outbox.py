"""The Opgroeien outbox script: a CSV export in, one encrypted package per referral out.

    python outbox.py EXPORT.csv OUTBOX_DIR --member-id ID [--at ISO]

For every row of the back office's export (Dutch column names; one referral each, with the
facts of the client's consent) it

1. keeps only what article 3 allows: ``minimise`` with ``FLEMISH_EXPORT_FIELDS`` (every
   dropped column is reported by name, never by value);
2. builds the referral with ``build_referral``, which takes from the protocol what the
   protocol fixes (the recipient's KBO number and mailbox, the local team's name);
3. asks ``check_referral``; when the answer is no, every reason is reported by code;
4. packs it (``pack``) and writes ``<name>.7z`` and ``<name>.eml`` to the outbox.

It prints one line per row: the package's file name and the password to read out to the
OCMW by phone (the password is never written to the outbox), or the row's referral id and
the codes that stopped it. The other rows are still packed. Exit code 0 when every row was
packed, 1 when one was not.

This file stands for the host's own script: only ``main`` touches files and the clock.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from protocol_share import (
    FLEMISH_EXPORT_FIELDS,
    TORHOUT,
    InvalidInput,
    Protocol,
    Referral,
    ReferralRefused,
    build_referral,
    generate_password,
    minimise,
    pack,
)

# The export's columns that are not client data: the referral's and the consent's facts.
FACTS = (
    "verwijzing_id",
    "aangemaakt_op",
    "toestemming_id",
    "toestemming_op",
    "methode",
    "infofiche",
    "besproken",
    "gegevens",
    "geschikt",
)


@dataclass(frozen=True)
class Outcome:
    """What became of one row: a package (file name, password) or the codes that stopped it."""

    referral_id: str
    filename: str | None = None
    password: str | None = None
    dropped: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()


def referral_from_row(
    row: Mapping[str, str], *, member_id: str, protocol: Protocol = TORHOUT
) -> tuple[Referral, tuple[str, ...]]:
    """One export row as a referral, and the columns ``minimise`` left out (A3-1 to A3-3).

    ``build_referral`` fills in what the protocol fixes (the sender's team, the recipient's
    KBO number and mailbox, the recipient the consent is for). Raises ``InvalidInput``
    listing every problem of the row at once (field paths and codes, never values).
    """
    client_columns = {key: value for key, value in row.items() if key not in FACTS}
    minimised = minimise(client_columns, protocol, field_map=FLEMISH_EXPORT_FIELDS)
    referral = build_referral(
        protocol,
        referral_id=row["verwijzing_id"],
        client=minimised.data,
        consent={
            "consent_id": row["toestemming_id"],
            "given_at": row["toestemming_op"],
            "method": row["methode"],
            "information_notice": row["infofiche"],
            "explained": row["besproken"].split(),
            "data_items": row["gegevens"].split(),
            "recorded_by": member_id,
        },
        member_id=member_id,
        assessed_appropriate=row["geschikt"].strip().lower() in {"ja", "yes", "1"},
        at=datetime.fromisoformat(row["aangemaakt_op"]),
    )
    return referral, minimised.dropped


def send_all(
    rows: Iterable[Mapping[str, str]],
    outbox: Path,
    *,
    member_id: str,
    at: datetime,
    protocol: Protocol = TORHOUT,
) -> Iterator[Outcome]:
    """Pack every row it may, write ``.7z`` and ``.eml`` to ``outbox``; one outcome a row."""
    for number, row in enumerate(rows, start=1):
        referral_id = row.get("verwijzing_id") or f"row {number}"
        try:
            referral, dropped = referral_from_row(row, member_id=member_id, protocol=protocol)
            password = generate_password("phone")  # read out by phone: no letter case
            package = pack(referral, protocol, password=password, at=at)
        except InvalidInput as error:  # the row does not make a referral: every problem
            yield Outcome(referral_id, codes=tuple(sorted(error.codes)))
            continue
        except ReferralRefused as error:  # the protocol says no: every reason
            yield Outcome(referral_id, codes=tuple(sorted(error.decision.codes)))
            continue
        except (KeyError, ValueError):  # a column missing, a date that is no date
            yield Outcome(referral_id, codes=("UNREADABLE_ROW",))
            continue
        stem = package.filename.removesuffix(".7z")
        (outbox / package.filename).write_bytes(package.archive)
        (outbox / f"{stem}.eml").write_bytes(package.message.as_bytes())
        yield Outcome(referral_id, package.filename, password, dropped)


def main(argv: Sequence[str] | None = None) -> int:
    """The script: read the export, write the outbox, print one line a row."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("export", type=Path)
    parser.add_argument("outbox", type=Path)
    parser.add_argument("--member-id", required=True)
    parser.add_argument("--at", type=datetime.fromisoformat, default=None)
    args = parser.parse_args(argv)
    at = args.at or datetime.now(UTC)  # the shell reads the clock, the library never does
    args.outbox.mkdir(parents=True, exist_ok=True)
    failed = 0
    with args.export.open(encoding="utf-8", newline="") as export:
        for outcome in send_all(
            csv.DictReader(export), args.outbox, member_id=args.member_id, at=at
        ):
            if outcome.filename is None:
                failed += 1
                print(f"{outcome.referral_id}: not sent: {' '.join(outcome.codes)}")
                continue
            dropped = f" (left out: {', '.join(outcome.dropped)})" if outcome.dropped else ""
            print(f"{outcome.referral_id}: {outcome.filename} password {outcome.password}{dropped}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
