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
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any, Final

from protocol_share._text import Lang, in_lang, message
from protocol_share._time import BRUSSELS
from protocol_share._version import __version__
from protocol_share.cli._after import breach_lines, register_lines, retention_json, retention_line
from protocol_share.cli._decide import decision_lines, finding_json, finding_line
from protocol_share.cli._io import (
    EXIT_OK,
    Commands,
    Output,
    at_or_now,
    load_protocol,
    problem_json,
    problem_line,
)
from protocol_share.clientdata._minimise import Minimised, minimise
from protocol_share.decision._check import check_referral
from protocol_share.decision._decision import Decision
from protocol_share.decision._referral import Referral
from protocol_share.errors import InvalidInput, Problem, ReferralRefused, WrongPassword
from protocol_share.examples import example_breach_notice, example_referral
from protocol_share.notices import breach_notice_email
from protocol_share.package._package import generate_password, open_package, pack
from protocol_share.protocol._lint import Finding, lint_protocol
from protocol_share.protocol._protocol import Protocol
from protocol_share.register import processing_register_entry
from protocol_share.retention import (
    RetentionCase,
    ScheduledAction,
    retention_decision,
    retention_schedule,
)

__all__ = ["add_parsers"]

HOST_RECORD: Final[dict[str, Any]] = {
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


def _refused_record(protocol: Protocol) -> tuple[Problem, ...]:
    """A3-1, A3-3: a national number where a name belongs and a phone number that is none;
    every problem is reported, none names its value."""
    broken = {**HOST_RECORD, "last_name": HOST_RECORD["national_number"], "phone": "12"}
    try:
        minimise(broken, protocol)
    except InvalidInput as error:
        return error.problems
    return ()


def _package(referral: Referral, protocol: Protocol, at: datetime, lang: Lang) -> dict[str, Any]:
    """A6-1, A6-2: pack in memory, open with the password, then with a wrong one."""
    password = generate_password("phone")
    try:
        package = pack(referral, protocol, password=password, at=at, lang=lang)
    except ReferralRefused as refused:
        return {"refused": sorted(refused.decision.codes)}
    received = open_package(package.archive, password=password, protocol=protocol)
    wrong: str | None = None  # the error a wrong password raises; None: it opened
    try:
        open_package(package.archive, password=generate_password("phone"), protocol=protocol)
    except WrongPassword as error:
        wrong = type(error).__name__
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


def _decisions(referral: Referral, protocol: Protocol, at: datetime, lang: Lang) -> dict[str, Any]:
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
        "cases": {label: message(f"cli.demo.case.{label}", lang) for label in _CASES},
        "allowed": check_referral(referral, protocol, at=at).as_dict(),
        "refused": check_referral(refused, protocol, at=at).as_dict(),
    }


_CASES: Final = ("allowed", "refused")
"""The two referrals the demo decides: one that keeps every rule, one that breaks three."""


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
    email = breach_notice_email(notice, protocol=protocol, lang=lang)
    entry = processing_register_entry(protocol)
    lines = [message("cli.demo.retention", lang, day=_RETENTION_AT.date())]
    for case, d in zip(cases, decisions, strict=True):
        lines.append(f"  {retention_line(case.case_id or '-', case, d, lang)}")
        lines.append(f"    {in_lang(lang, d.message_nl, d.message_en)}")
    entries = "; ".join(f"{e.due_on} {e.action} {e.case.case_id}" for e in schedule)
    lines += ["  " + message("cli.demo.schedule", lang, entries=entries)]
    lines += ["", message("cli.demo.breach", lang)]
    lines += [f"  {line}" for line in assessed]
    lines += [
        "  " + message("cli.demo.breach_mail", lang, sender=email["From"], to=email["To"]),
        "  " + message("cli.demo.subject", lang, subject=email["Subject"]),
        "",
        message("cli.demo.register", lang),
    ]
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
            "to": email["To"],
            "subject": email["Subject"],
        },
        "register": {
            "activity": in_lang(lang, entry.name_nl, entry.name_en),
            "fideslang": list(entry.fideslang_categories),
        },
    }
    return lines, payload


def _before_transfer(
    protocol: Protocol,
    findings: Sequence[Finding],
    minimised: Minimised,
    refused_record: Sequence[Problem],
    package: Mapping[str, Any],
    lang: Lang,
) -> list[str]:
    """D-1, A3-1 to A3-3, A6-1, A6-2: the protocol and its lint, minimise, a refused record,
    the package round trip; every heading and label from the catalogue in ``lang``."""

    def item(key: str, **values: object) -> str:
        return "  " + message(key, lang, **values)

    sender, recipient = protocol.sender, protocol.recipient
    lines = [
        message("cli.demo.title", lang, version=__version__, protocol_id=protocol.protocol_id),
        f"  {protocol.title}",
        item("cli.demo.sender", name=sender.name, kbo=sender.kbo, team=protocol.team),
        item(
            "cli.demo.recipient", name=recipient.name, kbo=recipient.kbo, mailbox=protocol.mailbox
        ),
        item(
            "cli.demo.postcodes",
            postcodes=", ".join(sorted(protocol.postcodes)),
            in_force_from=protocol.in_force_from,
        ),
        "",
        message("cli.demo.lint", lang),
        *(f"  {finding_line(finding, lang)}" for finding in findings),
        "",
        message("cli.demo.minimise", lang),
        item("cli.demo.kept_items", items=", ".join(sorted(minimised.data.items))),
        item("cli.demo.phone", phone=minimised.data.phone),
        item("cli.demo.dropped", paths=", ".join(minimised.dropped)),
        "",
        message("cli.demo.refused_record", lang),
        *(f"  {problem_line(problem, lang)}" for problem in refused_record),
        "",
        message("cli.demo.package", lang),
    ]
    if "refused" in package:
        return [*lines, item("cli.demo.pack_refused", codes=", ".join(package["refused"]))]
    same = message("cli.demo.same.yes" if package["same_client"] else "cli.demo.same.no", lang)
    wrong = package["wrong_password"]
    return [
        *lines,
        item("cli.demo.password", password=package["password"]),
        item("cli.demo.archive", filename=package["filename"], size=package["archive_bytes"]),
        item("cli.demo.mail", to=package["to"], subject=package["subject"]),
        item("cli.demo.opened", referral_id=package["opened"]["referral_id"], same=same),
        item("cli.demo.wrong_password.refused", error=wrong)
        if wrong
        else item("cli.demo.wrong_password.opened"),
    ]


def _decision_lines(decisions: Mapping[str, Any], lang: Lang) -> list[str]:
    """C-1 to C-7, A5-1: each of the two referrals, and its decision in ``lang``."""
    lines = [message("cli.demo.decide", lang)]
    for label in _CASES:
        lines.append(f"  {decisions['cases'][label]}:")
        decision = Decision.model_validate(decisions[label])
        lines += [f"    {line}" for line in decision_lines(decision, lang)]
    return lines


def _demo(args: argparse.Namespace, out: Output) -> int:
    """The whole flow, each step citing its article (D-1 to A11; docs/design.md)."""
    at = at_or_now(args)
    protocol = load_protocol(args)
    findings = lint_protocol(protocol, lang=out.lang)
    minimised = minimise(HOST_RECORD, protocol)
    refused_record = _refused_record(protocol)
    referral = example_referral(protocol, at=at, client=minimised.data)
    package = _package(referral, protocol, at, out.lang)
    decisions = _decisions(referral, protocol, at, out.lang)
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
                "refused_record": [problem_json(p) for p in refused_record],
                "package": package,
                "decisions": decisions,
                "after_receipt": after,
            }
        )
        return EXIT_OK
    lang = out.lang
    for line in (
        *_before_transfer(protocol, findings, minimised, refused_record, package, lang),
        "",
        *_decision_lines(decisions, lang),
        "",
        message("cli.demo.after_receipt", lang),
        *after_lines,
    ):
        out.say(line)
    return EXIT_OK


def add_parsers(commands: Commands) -> None:
    """The ``demo`` subcommand (docs/design.md)."""
    commands.add(
        "demo",
        _demo,
        help="the whole flow on the Torhout protocol",
        description="lint, minimise, pack and open, decide; then retention, a breach notice "
        "and the register entry. Exit 0.",
        at_help="pack and decide",
    )
