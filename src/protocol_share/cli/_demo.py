"""``protocol-share demo``: the whole flow on a protocol (the built-in Torhout one unless
``--protocol``), in order: lint, minimise, a refused identifier, the package round trip,
the decision, then retention, a breach notice and the register entry (docs/design.md).

The referral is :func:`~protocol_share.examples.example_referral` for the minimised host
record, at ``--at`` (default now); what happens after receipt is shown at fixed instants,
so that its dates do not move (a client file closed on 29 February 2024 is kept until
28 February 2034).
"""

from __future__ import annotations

import argparse
from datetime import datetime, timedelta
from typing import Any, Final

from protocol_share._text import Lang, in_lang
from protocol_share._time import BRUSSELS
from protocol_share._version import __version__
from protocol_share.cli._after import breach_lines, register_lines, retention_json, retention_line
from protocol_share.cli._decide import decision_lines, finding_json, finding_line
from protocol_share.cli._io import (
    EXIT_OK,
    Output,
    add_at_option,
    at_or_now,
    load_protocol,
)
from protocol_share.clientdata._minimise import minimise
from protocol_share.decision._check import check_referral
from protocol_share.decision._decision import Decision
from protocol_share.decision._referral import Referral
from protocol_share.errors import InvalidInput, ReferralRefused, WrongPassword
from protocol_share.examples import example_breach_notice, example_referral
from protocol_share.notices import breach_notice_email
from protocol_share.package._package import generate_password, open_package, pack
from protocol_share.protocol._lint import lint_protocol
from protocol_share.protocol._protocol import Protocol
from protocol_share.register import processing_register_entry
from protocol_share.retention import (
    RetentionCase,
    ScheduledAction,
    retention_decision,
    retention_schedule,
)

__all__ = ["add_parsers"]

_HOST_RECORD: Final[dict[str, Any]] = {
    "first_name": "Ségolène",
    "last_name": "D'Hondt-Van den Bossche",
    "national_number": "85.07.30-033.28",
    "address": {
        "street": "Aartrijkestraat",
        "house_number": "11",
        "postcode": "8820",
        "municipality": "Torhout",
    },
    "phone": "0470 12 34 56",
    "email": "segolene@example.be",
    "children": [{"first_name": "Lore"}],
    "notes": "eerste contact op consultatiebureau",
}
"""A host system's record: more than article 3 allows, and a national number."""

_RECEIVED: Final = datetime(2024, 5, 2, 9, 0, tzinfo=BRUSSELS)
_RETENTION_AT: Final = datetime(2024, 9, 1, 9, 0, tzinfo=BRUSSELS)
_BREACH_AWARE: Final = datetime(2025, 3, 28, 16, 0, tzinfo=BRUSSELS)


def _refused_record(protocol: Protocol) -> list[str]:
    """A3-1, A3-3: a national number where a name belongs and a phone number that is none;
    every problem is reported, none names its value."""
    broken = {**_HOST_RECORD, "last_name": _HOST_RECORD["national_number"], "phone": "12"}
    try:
        minimise(broken, protocol)
    except InvalidInput as error:
        return [str(problem) for problem in error.problems]
    return []


def _package(referral: Referral, protocol: Protocol, at: datetime, lang: Lang) -> dict[str, Any]:
    """A6-1, A6-2: pack in memory, open with the password, then with a wrong one."""
    password = generate_password("phone")
    try:
        package = pack(referral, protocol, password=password, at=at, lang=lang)
    except ReferralRefused as refused:
        return {"refused": sorted(refused.decision.codes)}
    received = open_package(package.archive, password=password, protocol=protocol)
    try:
        open_package(package.archive, password=generate_password("phone"), protocol=protocol)
        wrong = "opened (unexpected)"
    except WrongPassword as error:
        wrong = f"refused, {type(error).__name__}"
    return {
        "password": password,
        "filename": package.filename,
        "archive_bytes": len(package.archive),
        "to": package.message["To"],
        "subject": package.message["Subject"],
        "opened": {"referral_id": received.referral_id, "sent_at": received.sent_at.isoformat()},
        "same_client": received.client == referral.client,
        "wrong_password": wrong,
    }


def _decisions(referral: Referral, protocol: Protocol, at: datetime) -> dict[str, Any]:
    """C-1 to C-7, A5-1: the referral that keeps every rule, and one that breaks three."""
    refused = Referral.model_validate(
        {
            **referral.model_dump(),
            "consent": referral.consent.withdraw(at - timedelta(days=1)),
            "recipient": {
                "organisation_kbo": protocol.recipient.kbo,
                "mailbox": "onthaal@example.be",
            },
            "assessed_appropriate": False,
        }
    )
    return {
        "at": at.isoformat(),
        "cases": {
            "allowed": "that keeps every rule",
            "refused": "withdrawn, to another mailbox, not judged appropriate",
        },
        "allowed": check_referral(referral, protocol, at=at).as_dict(),
        "refused": check_referral(refused, protocol, at=at).as_dict(),
    }


def _retention_cases() -> tuple[RetentionCase, ...]:
    day = timedelta(days=1)
    year_before = datetime(2023, 5, 2, 9, 0, tzinfo=BRUSSELS)
    return (
        RetentionCase.received(_RECEIVED, case_id="demo-1"),
        RetentionCase.received(_RECEIVED, case_id="demo-2").contacted(
            _RECEIVED + 2 * day, "declined"
        ),
        RetentionCase.received(_RECEIVED, case_id="demo-3").contacted(
            _RECEIVED + day, "unreachable"
        ),
        RetentionCase.received(year_before, case_id="demo-4")
        .contacted(year_before + day, "wants_help")
        .dossier_opened(year_before + 3 * day)
        .dossier_closed(datetime(2024, 2, 29, 15, 0, tzinfo=BRUSSELS)),
    )


def _after_receipt(protocol: Protocol, lang: Lang) -> tuple[list[str], dict[str, Any]]:
    """A3-4 to A3-6, A9-1 to A9-4, A6-6: retention, a breach notice, the register entry."""
    cases = _retention_cases()
    decisions = [retention_decision(c, at=_RETENTION_AT, protocol=protocol) for c in cases]
    schedule = [
        e
        for e in retention_schedule(cases, at=_RETENTION_AT, protocol=protocol)
        if isinstance(e, ScheduledAction)  # the demo's cases are good: no CaseError
    ]
    notice = example_breach_notice(aware_at=_BREACH_AWARE, notice_id="demo-lek-1")
    assessed, status = breach_lines(notice, at=notice.issued_at, protocol=protocol, lang=lang)
    severity = notice.severity()
    message = breach_notice_email(notice, protocol=protocol, lang=lang)
    entry = processing_register_entry(protocol)
    lines = [f"6. retention_decision on {_RETENTION_AT.date()}: keep, delete or review (art. 3)"]
    for case, d in zip(cases, decisions, strict=True):
        lines.append(f"  {retention_line(case.case_id or '-', case, d, lang)}")
        lines.append(f"    {in_lang(lang, d.message_nl, d.message_en)}")
    lines.append(
        "  schedule: " + "; ".join(f"{e.due_on} {e.action} {e.case.case_id}" for e in schedule)
    )
    lines += ["", "7. a breach notice (article 9; GDPR art. 33, 34)"]
    lines += [f"  {line}" for line in assessed]
    lines += [f"  e-mail from {message['From']} to {message['To']}"]
    lines += [f"  subject: {message['Subject']}", "", "8. the register entry (article 6)"]
    lines += [f"  {line}" for line in register_lines(entry, lang)]
    payload = {
        "retention": {
            "at": _RETENTION_AT.isoformat(),
            "decisions": {
                case.case_id: retention_json(case, d)
                for case, d in zip(cases, decisions, strict=True)
            },
            "schedule": [[e.due_on, e.action, e.case.case_id] for e in schedule],
        },
        "breach": {
            "severity": severity.level,
            "tell_data_subjects": severity.tell_data_subjects,
            "exemption": severity.exemption,
            "deadline": status.deadline.isoformat(),
            "to": message["To"],
            "subject": message["Subject"],
        },
        "register": {
            "activity": in_lang(lang, entry.name_nl, entry.name_en),
            "fideslang": list(entry.fideslang_categories),
        },
    }
    return lines, payload


def _demo(args: argparse.Namespace, out: Output) -> int:
    """The whole flow, each step citing its article (D-1 to A11; docs/design.md)."""
    at = at_or_now(args)
    protocol = load_protocol(args)
    findings = lint_protocol(protocol, lang=out.lang)
    minimised = minimise(_HOST_RECORD, protocol)
    refused_record = _refused_record(protocol)
    referral = example_referral(protocol, at=at, client=minimised.data)
    package = _package(referral, protocol, at, out.lang)
    decisions = _decisions(referral, protocol, at)
    after_lines, after = _after_receipt(protocol, out.lang)
    if out.as_json:
        out.emit(
            {
                "protocol": protocol.protocol_id,
                "lint": [finding_json(f) for f in findings],
                "minimise": {
                    "kept_items": sorted(minimised.data.items),
                    "dropped": minimised.dropped,
                },
                "refused_record": refused_record,
                "package": package,
                "decisions": decisions,
                "after_receipt": after,
            }
        )
        return EXIT_OK
    say = out.say
    say(f"protocol-share {__version__}: demo on {protocol.protocol_id}")
    say(f"  {protocol.title}")
    say(f"  sender:    {protocol.sender.name} ({protocol.sender.kbo}), {protocol.team}")
    say(f"  recipient: {protocol.recipient.name} ({protocol.recipient.kbo}) at {protocol.mailbox}")
    say(f"  postcodes: {', '.join(sorted(protocol.postcodes))}; from {protocol.in_force_from}")
    say()
    say("1. lint_protocol: the signed text's flaws, handled openly")
    for finding in findings:
        say(f"  {finding_line(finding, out.lang)}")
    say()
    say("2. minimise: a host record, cut down to article 3")
    say(f"  kept items: {', '.join(sorted(minimised.data.items))}")
    say(f"  phone kept as E.164: {minimised.data.phone}")
    say(f"  dropped:    {', '.join(minimised.dropped)}")
    say()
    say("3. a national number as a name and a short phone number: every problem, no value")
    for problem in refused_record:
        say(f"  {problem}")
    say()
    say("4. pack and open_package: the encrypted package of article 6, in memory")
    if "refused" in package:
        say(f"  pack refused: {', '.join(package['refused'])}")
    else:
        say(f"  password (for another channel): {package['password']}")
        say(f"  archive: {package['filename']}, {package['archive_bytes']} bytes, AES-256")
        say(f"  e-mail to {package['to']}: {package['subject']!r}")
        opened = package["opened"]["referral_id"]
        say(f"  opened: referral {opened}, the same client: {package['same_client']}")
        say(f"  with a wrong password: {package['wrong_password']}")
    say()
    say("5. check_referral: may it be sent? Every rule is evaluated; default deny")
    for label in ("allowed", "refused"):
        say(f"  a referral {decisions['cases'][label]}:")
        for line in decision_lines(Decision.model_validate(decisions[label]), out.lang):
            say(f"    {line}")
    say()
    say("after receipt:")
    for line in after_lines:
        say(line)
    return EXIT_OK


def add_parsers(
    sub: Any, common: argparse.ArgumentParser, with_protocol: argparse.ArgumentParser
) -> None:
    """The ``demo`` subcommand (docs/design.md)."""
    demo = sub.add_parser(
        "demo",
        parents=[with_protocol],
        help="the whole flow on the Torhout protocol",
        description="lint, minimise, pack and open, decide; then retention, a breach notice "
        "and the register entry. Exit 0.",
    )
    add_at_option(demo, "pack and decide")
    demo.set_defaults(run=_demo)
