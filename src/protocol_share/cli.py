"""``protocol-share``: the command line, the only module that reads files, the environment or the clock.

Exit codes: 0 done (or allowed), 1 refused by the protocol, 2 unusable input. Errors go to
stderr and name fields and codes, never personal values.
"""

from __future__ import annotations

import argparse
import email.policy
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TextIO, get_args

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import load_pem_private_key, load_pem_public_key

from protocol_share._time import require_aware
from protocol_share._version import __version__
from protocol_share.archive import DEFAULT_MAX_ARCHIVE_SIZE
from protocol_share.consent import ALL_TOPICS, Consent
from protocol_share.decision import Decision
from protocol_share.errors import (
    InvalidInput,
    PackageError,
    ProtocolShareError,
    ReferralRefused,
    WrongPassword,
)
from protocol_share.fields import ClientData
from protocol_share.lint import Finding, lint_protocol
from protocol_share.minimise import minimise
from protocol_share.package import ReceivedReferral, generate_password, open_package, pack
from protocol_share.protocol import Protocol
from protocol_share.referral import Recipient, Referral, Sender
from protocol_share.rules import (
    ONWARD_RULES,
    REFERRAL_RULES,
    Rule,
    RuleGroup,
    check_referral,
    rules_markdown,
)
from protocol_share.schemas import SCHEMAS, schema_text
from protocol_share.torhout import TORHOUT

__all__ = ["main"]

EXIT_OK, EXIT_REFUSED, EXIT_UNUSABLE = 0, 1, 2

_DEMO_RECORD: dict[str, Any] = {
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


class _Output:
    """Where a command writes: human text or JSON, on stdout; problems on stderr."""

    def __init__(self, as_json: bool, out: TextIO, err: TextIO) -> None:
        self.as_json, self.out, self.err = as_json, out, err

    def say(self, text: str = "") -> None:
        print(text, file=self.out)

    def emit(self, payload: Any) -> None:
        print(json.dumps(payload, indent=2, ensure_ascii=False, default=str), file=self.out)

    def problem(self, text: str) -> None:
        print(text, file=self.err)


def _load_protocol(path: str | None) -> Protocol:
    if path is None:
        return TORHOUT
    return Protocol.model_validate_json(Path(path).read_bytes())


def _cmd_demo(args: argparse.Namespace, out: _Output) -> int:
    protocol = _load_protocol(args.protocol)
    minimised = minimise(_DEMO_RECORD, protocol)
    findings = lint_protocol(protocol)
    if out.as_json:
        out.emit(
            {
                "protocol": protocol.protocol_id,
                "lint": [_finding(f) for f in findings],
                "minimise": {
                    "kept_items": sorted(minimised.data.items),
                    "dropped": minimised.dropped,
                },
                "package": _demo_package(protocol, minimised.data),
                "decisions": _demo_decisions(protocol, minimised.data),
            }
        )
        return EXIT_OK
    out.say(f"protocol-share {__version__}: demo on the built-in protocol")
    out.say(f"  {protocol.title}")
    out.say(f"  sender:    {protocol.sender.name} ({protocol.sender.kbo}), {protocol.team}")
    out.say(
        f"  recipient: {protocol.recipient.name} ({protocol.recipient.kbo}) at {protocol.mailbox}"
    )
    out.say(
        f"  postcodes: {', '.join(sorted(protocol.postcodes))}; in force from {protocol.in_force_from}"
    )
    out.say()
    out.say("1. lint_protocol: the signed text's flaws, handled openly")
    for finding in findings:
        out.say(f"  [{finding.severity}] {finding.code} at {finding.path}: {finding.message}")
    out.say()
    out.say("2. minimise: a host record, cut down to article 3")
    out.say(f"  kept items: {', '.join(sorted(minimised.data.items))}")
    out.say(f"  phone kept as E.164: {minimised.data.phone}")
    out.say(f"  dropped:    {', '.join(minimised.dropped)}")
    out.say()
    out.say("3. a national number in a name field is refused; the error names no value")
    try:
        minimise({**_DEMO_RECORD, "last_name": "85.07.30-033.28", "phone": "12"}, protocol)
    except InvalidInput as error:
        for problem in error.problems:
            out.say(f"  {problem}")
    out.say()
    out.say("4. pack and open_package: the encrypted package of article 6, in memory")
    result = _demo_package(protocol, minimised.data)
    if "refused" in result:
        out.say(f"  pack refused: {', '.join(result['refused'])}")
        return EXIT_OK
    out.say(f"  password (for another channel): {result['password']}")
    out.say(
        f"  archive: {result['filename']}, {result['archive_bytes']} bytes, AES-256, header encrypted"
    )
    out.say(f"  e-mail to {result['to']}: {result['subject']!r}")
    out.say(
        f"  opened: referral {result['opened']['referral_id']}, the same client: {result['same_client']}"
    )
    out.say(f"  with a wrong password: {result['wrong_password']}")
    out.say()
    out.say("5. check_referral: may it be sent? Every rule is evaluated; default deny")
    decisions = _demo_decisions(protocol, minimised.data)
    for label in ("allowed", "refused"):
        out.say(f"  a referral {decisions['cases'][label]}:")
        for line in _decision_lines(Decision.model_validate(decisions[label])):
            out.say(f"    {line}")
    return EXIT_OK


def _demo_package(protocol: Protocol, client: ClientData) -> dict[str, Any]:
    """Pack the demo client for the protocol's recipient now, open it, try a wrong password."""
    at = datetime.now(UTC)
    consent = Consent(
        consent_id="demo-consent-1",
        given_at=at - timedelta(minutes=30),
        method="verbal",
        information_notice="demo-infofiche",
        explained=ALL_TOPICS,
        recipient_kbo=protocol.recipient.kbo,
        data_items=client.items,
        recorded_by="demo-member-1",
    )
    referral = Referral(
        referral_id="demo-referral-1",
        client=client,
        consent=consent,
        sender=Sender(member_id="demo-member-1", team=protocol.team),
        recipient=Recipient(organisation_kbo=protocol.recipient.kbo, mailbox=protocol.mailbox),
        assessed_appropriate=True,
        created_at=at - timedelta(minutes=5),
    )
    password = generate_password()
    try:
        package = pack(referral, protocol, password=password, at=at)
    except ReferralRefused as refused:
        return {"refused": sorted(refused.decision.codes)}
    received = open_package(package.archive, password=password, protocol=protocol)
    try:
        open_package(package.archive, password=generate_password(), protocol=protocol)
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
        "same_client": received.client == client,
        "wrong_password": wrong,
    }


def _demo_decisions(protocol: Protocol, client: ClientData) -> dict[str, Any]:
    """Decide a referral that keeps every rule, and one that breaks three, now (C-1 to C-7)."""
    at = datetime.now(UTC)
    consent = Consent(
        consent_id="demo-consent-2",
        given_at=at - timedelta(days=2),
        method="written",
        information_notice="demo-infofiche",
        explained=ALL_TOPICS,
        recipient_kbo=protocol.recipient.kbo,
        data_items=client.items,
        recorded_by="demo-member-1",
    )
    referral = Referral(
        referral_id="demo-referral-2",
        client=client,
        consent=consent,
        sender=Sender(member_id="demo-member-1", team=protocol.team),
        recipient=Recipient(organisation_kbo=protocol.recipient.kbo, mailbox=protocol.mailbox),
        assessed_appropriate=True,
        created_at=at - timedelta(minutes=5),
    )
    refused = Referral.model_validate(
        {
            **referral.model_dump(),
            "consent": consent.withdraw(at - timedelta(days=1)),
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


def _decision_lines(decision: Decision) -> list[str]:
    """A decision for a person: the verdict, then each reason with its clause, in both languages."""
    if decision.allowed:
        return [f"ALLOWED: all {len(REFERRAL_RULES)} rules hold / toegestaan"]
    count = len(decision.reasons)
    lines = [f"REFUSED: {count} reason{'s' if count != 1 else ''} / geweigerd"]
    for reason in decision.reasons:
        lines.append(f"{reason.code} ({reason.clause})")
        lines.append(f"  en: {reason.message_en}")
        lines.append(f"  nl: {reason.message_nl}")
    return lines


def _cmd_check(args: argparse.Namespace, out: _Output) -> int:
    """Decide a referral JSON file (C-1 to C-7, A5-1): 0 allowed, 1 refused, 2 unusable input."""
    protocol = _load_protocol(args.protocol)
    referral = Referral.model_validate_json(Path(args.file).read_bytes())
    at = require_aware(_at(args), "at")
    decision = check_referral(referral, protocol, at=at)
    if out.as_json:
        out.emit(
            {
                "referral_id": referral.referral_id,
                "protocol": protocol.protocol_id,
                "at": at.isoformat(),
                **decision.as_dict(),
            }
        )
    else:
        out.say(f"referral {referral.referral_id} under {protocol.protocol_id} at {at.isoformat()}")
        for line in _decision_lines(decision):
            out.say(f"  {line}")
    return EXIT_OK if decision.allowed else EXIT_REFUSED


def _cmd_rules(args: argparse.Namespace, out: _Output) -> int:
    """Print a rule table as the code has it, for a DPO (C-1 to C-7, A3-3, A4, A5, A6, A11)."""
    table: tuple[Rule[Any], ...] = ONWARD_RULES if args.onward else REFERRAL_RULES
    rows = [rule for rule in table if args.group is None or rule.group == args.group]
    if out.as_json:
        out.emit(
            [
                {
                    "code": rule.code,
                    "clause": rule.clause,
                    "see_also": list(rule.see_also),
                    "group": rule.group,
                    "requirement_nl": rule.requirement_nl,
                    "requirement_en": rule.requirement_en,
                    "message_nl": rule.message_nl,
                    "message_en": rule.message_en,
                }
                for rule in rows
            ]
        )
    else:
        out.out.write(rules_markdown(rows))
    return EXIT_OK


def _finding(finding: Finding) -> dict[str, str]:
    return {
        "code": finding.code,
        "severity": finding.severity,
        "path": finding.path,
        "message": finding.message,
    }


def _cmd_lint(args: argparse.Namespace, out: _Output) -> int:
    text = Path(args.file).read_bytes() if args.file else TORHOUT.model_dump_json()
    findings = lint_protocol(text)
    if out.as_json:
        out.emit([_finding(f) for f in findings])
    else:
        for finding in findings:
            out.say(f"[{finding.severity}] {finding.code} at {finding.path}: {finding.message}")
        if not findings:
            out.say("no findings")
    return EXIT_UNUSABLE if any(f.severity == "error" for f in findings) else EXIT_OK


def _cmd_schema(args: argparse.Namespace, out: _Output) -> int:
    names = [args.name] if args.name else sorted(SCHEMAS)
    if args.out:
        directory = Path(args.out)
        directory.mkdir(parents=True, exist_ok=True)
        for name in names:
            (directory / f"{name}.schema.json").write_text(schema_text(name), encoding="utf-8")
            out.say(f"wrote {directory / f'{name}.schema.json'}")
    else:
        for name in names:
            out.out.write(schema_text(name))
    return EXIT_OK


PASSWORD_ENV = "PROTOCOL_SHARE_PASSWORD"  # noqa: S105 - the variable's name, not a password


def _password(args: argparse.Namespace, out: _Output, *, confirm: bool) -> str:
    """The package password: a file, an environment variable or a prompt, never argv."""
    if args.password_file:
        text = Path(args.password_file).read_text(encoding="utf-8")
        return text[:-2] if text.endswith("\r\n") else text.removesuffix("\n")
    name = args.password_env or (PASSWORD_ENV if PASSWORD_ENV in os.environ else None)
    if name:
        if name not in os.environ:
            raise InvalidInput.single(
                "arguments",
                "password_env",
                "NOT_SET",
                "names an environment variable that is not set",
            )
        return os.environ[name]
    if getattr(args, "new_password", False):
        password = generate_password()
        out.problem(f"password (send it by another channel, never by e-mail): {password}")
        return password
    password = getpass.getpass("package password: ")
    if confirm and getpass.getpass("again: ") != password:
        raise InvalidInput.single("arguments", "password", "MISMATCH", "the two entries differ")
    return password


def _cmd_pack(args: argparse.Namespace, out: _Output) -> int:
    protocol = _load_protocol(args.protocol)
    referral = Referral.model_validate_json(Path(args.file).read_bytes())
    signing_key = None
    if args.sign_key:
        loaded = load_pem_private_key(Path(args.sign_key).read_bytes(), password=None)
        if not isinstance(loaded, Ed25519PrivateKey):
            raise InvalidInput.single(
                "arguments", "sign_key", "NOT_AN_ED25519_KEY", "must hold an Ed25519 private key"
            )
        signing_key = loaded
    password = _password(args, out, confirm=True)
    try:
        package = pack(
            referral, protocol, password=password, at=datetime.now(UTC), signing_key=signing_key
        )
    except ReferralRefused as refused:
        reasons = refused.decision.reasons
        if out.as_json:
            out.emit({"allowed": False, "reasons": [r.model_dump() for r in reasons]})
        else:
            out.say("refused: nothing was packed")
            for reason in reasons:
                out.say(f"  {reason.code} ({reason.clause}): {reason.message_en}")
        return EXIT_REFUSED
    directory = Path(args.out)
    directory.mkdir(parents=True, exist_ok=True)
    archive_path = directory / package.filename
    message_path = archive_path.with_suffix(".eml")
    archive_path.write_bytes(package.archive)
    message_path.write_bytes(package.message.as_bytes(policy=email.policy.SMTP))
    if out.as_json:
        out.emit(
            {
                "archive": str(archive_path),
                "message": str(message_path),
                "to": package.message["To"],
                "subject": package.message["Subject"],
            }
        )
    else:
        out.say(f"wrote {archive_path}")
        out.say(f"wrote {message_path} (to {package.message['To']})")
        out.say("send the password to the recipient by another channel, never by e-mail")
    return EXIT_OK


def _received(received: ReceivedReferral) -> dict[str, Any]:
    return received.model_dump(mode="json", exclude_none=True)


def _cmd_open(args: argparse.Namespace, out: _Output) -> int:
    protocol = _load_protocol(args.protocol)
    with Path(args.file).open("rb") as file:
        archive = file.read(DEFAULT_MAX_ARCHIVE_SIZE + 1)  # open_package refuses anything larger
    keys: list[Ed25519PublicKey] = []
    for path in args.verify_key or ():
        key = load_pem_public_key(Path(path).read_bytes())
        if not isinstance(key, Ed25519PublicKey):
            raise InvalidInput.single(
                "arguments", "verify_key", "NOT_AN_ED25519_KEY", "must hold an Ed25519 public key"
            )
        keys.append(key)
    password = _password(args, out, confirm=False)
    try:
        received = open_package(
            archive, password=password, protocol=protocol, verify_with=tuple(keys) or None
        )
    except PackageError as error:
        out.problem(f"package refused ({type(error).__name__}): {error}")
        return EXIT_UNUSABLE
    if out.as_json:
        out.emit(_received(received))
        return EXIT_OK
    client = received.client
    address = client.address
    box = f" bus {address.box}" if address.box else ""
    out.say(f"referral    {received.referral_id}, sent {received.sent_at.isoformat()}")
    out.say(f"consent     {received.consent_id}, given {received.consent_given_at.isoformat()}")
    out.say(f"sender      {received.sender_team}")
    if received.signed_by:
        out.say(f"signed by   key {received.signed_by}")
    out.say(f"client      {client.first_name} {client.last_name}")
    out.say(
        f"address     {address.street} {address.house_number}{box}, {address.postcode} {address.municipality}"
    )
    if client.phone:
        out.say(f"phone       {client.phone}")
    if client.email:
        out.say(f"e-mail      {client.email}")
    return EXIT_OK


def _password_options(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--password-env",
        metavar="NAME",
        help=f"read the password from this environment variable (default: {PASSWORD_ENV} if set)",
    )
    source.add_argument(
        "--password-file", metavar="FILE", help="read the password from this file (first line)"
    )


def _at(args: argparse.Namespace) -> Any:
    """``--at`` as given (ISO 8601, aware), or now: the CLI is the one place that reads the clock."""
    from datetime import UTC as _UTC
    from datetime import datetime as _datetime

    if args.at is None:
        return _datetime.now(_UTC)
    try:
        return _datetime.fromisoformat(args.at)
    except ValueError:
        raise InvalidInput.single(
            "arguments", "at", "NOT_A_DATETIME", "must be an ISO 8601 date and time"
        ) from None


def _cmd_retention(args: argparse.Namespace, out: _Output) -> int:
    """Decide keep / delete / review for every case in a file (A3-4 to A3-6)."""
    from protocol_share.retention import cases_from_json, retention_decision, retention_schedule

    protocol = _load_protocol(args.protocol)
    cases = cases_from_json(Path(args.file).read_bytes())
    at = _at(args)
    decisions = [retention_decision(case, at=at, protocol=protocol) for case in cases]
    schedule = retention_schedule(cases, at=at, protocol=protocol)
    due = sum(d.action != "keep" for d in decisions)
    if out.as_json:
        out.emit(
            {
                "at": at.isoformat(),
                "protocol": protocol.protocol_id,
                "decisions": [
                    {
                        "case_id": case.case_id,
                        "state": case.state,
                        "action": d.action,
                        "keep_until": d.keep_until,
                        "review_on": d.review_on,
                        "clause": d.clause,
                        "code": d.code,
                        "message_en": d.message_en,
                        "message_nl": d.message_nl,
                    }
                    for case, d in zip(cases, decisions, strict=True)
                ],
                "schedule": [
                    {
                        "case_id": e.case.case_id,
                        "due_on": e.due_on,
                        "action": e.action,
                        "clause": e.clause,
                        "overdue": e.overdue,
                    }
                    for e in schedule
                ],
            }
        )
    else:
        out.say(f"retention at {at.isoformat()} ({protocol.protocol_id})")
        for n, (case, d) in enumerate(zip(cases, decisions, strict=True)):
            when = d.keep_until or d.review_on
            until = f" until {when}" if d.action == "keep" and d.keep_until else ""
            review = f" (review on {d.review_on})" if d.review_on and d.action == "keep" else ""
            kept = f" (kept until {when})" if d.action == "delete" and d.keep_until else ""
            out.say(
                f"  {case.case_id or f'#{n}'}: {case.state} -> {d.action}{until}{review}{kept}"
                f" [{d.clause} {d.code}]"
            )
        out.say(f"due now: {due} of {len(cases)}; scheduled: {len(schedule)}")
        for e in schedule:
            mark = "due" if e.overdue else "   "
            out.say(f"  {mark} {e.due_on} {e.action:6} {e.case.case_id or '-'} [{e.clause}]")
    return EXIT_REFUSED if due else EXIT_OK


def _cmd_breach(args: argparse.Namespace, out: _Output) -> int:
    """Assess a breach notice: severity, deadline, art. 34 advice; the DPO e-mail (A9-1 to A9-4)."""
    from protocol_share.breach import BreachNotice, authority_status, breach_register_record
    from protocol_share.notice_mail import breach_notice_email

    protocol = _load_protocol(args.protocol)
    notice = BreachNotice.model_validate_json(Path(args.file).read_bytes())
    at = _at(args)
    status = authority_status(notice, at=at, protocol=protocol)
    severity = notice.severity()
    message = breach_notice_email(notice, protocol=protocol) if args.email else None
    if out.as_json:
        record = breach_register_record(notice, at=at, protocol=protocol)
        if message is not None:
            record["email"] = message.as_string()
        out.emit(record)
    else:
        out.say(f"breach notice {notice.notice_id}, phase {notice.phase}")
        out.say(f"  severity (ENISA): {severity.level}; {severity.message_en}")
        out.say(f"  {status.authority.short_name} deadline: {status.deadline.isoformat()}")
        out.say(f"  authority: {status.code}: {status.message_en}")
        other = "required (A9-1)" if notice.other_party_must_be_notified else "not required"
        out.say(f"  notify the other party's DPO: {other}")
        if message is not None:
            out.say()
            out.say(message.as_string())
    return EXIT_REFUSED if status.reasons_of_delay_needed else EXIT_OK


def _cmd_register(args: argparse.Namespace, out: _Output) -> int:
    """Print the register entry (A6-6; GDPR art. 30(1)): text, plain JSON, DPV or fideslang."""
    from protocol_share.register import processing_register_entry

    entry = processing_register_entry(_load_protocol(args.protocol))
    if args.format == "dpv":
        out.emit(entry.to_jsonld())
    elif args.format == "fideslang":
        out.emit(entry.fideslang())
    elif out.as_json or args.format == "json":
        out.emit(entry.to_json())
    else:
        record = entry.to_json()
        out.say(f"register of processing activities (GDPR art. 30(1)), {record['clause']}")
        out.say(f"  activity:   {entry.name_en}")
        out.say(
            f"  controller: {entry.controller.name} ({entry.controller.kbo}), DPO {entry.dpo_email}"
        )
        out.say(f"  source:     {entry.source.name}")
        out.say("  purposes:   " + "; ".join(f"{p.clause} {p.text_en}" for p in entry.purposes))
        out.say("  data:       " + ", ".join(d["item"] for d in record["personal_data"]))
        out.say("  fideslang:  " + ", ".join(entry.fideslang_categories))
        out.say("  recipients: " + ", ".join(r["kind"] for r in record["recipients"]))
        out.say("  transfers:  none to third countries")
        erasure = record["erasure"]
        out.say(f"  erasure:    {erasure['until_contact']['en']}; {erasure['declined']['en']};")
        out.say(f"              {erasure['client_file']['en']}; {erasure['unreachable']['en']}")
        out.say("  measures:   " + ", ".join(m.code for m in entry.security_measures))
    return EXIT_OK


def _demo_after_receipt(protocol: Protocol) -> tuple[list[str], dict[str, Any]]:
    """Retention, a breach notice and the register, at fixed instants (A3-4 to A3-6, A6-6, A9)."""
    from datetime import datetime as _datetime
    from datetime import timedelta as _timedelta
    from zoneinfo import ZoneInfo

    from protocol_share.breach import BreachNotice, authority_status
    from protocol_share.notice_mail import breach_notice_email
    from protocol_share.register import processing_register_entry
    from protocol_share.retention import RetentionCase, retention_decision, retention_schedule

    brussels = ZoneInfo("Europe/Brussels")
    received = _datetime(2024, 5, 2, 9, 0, tzinfo=brussels)
    cases = [
        RetentionCase.received(received, case_id="demo-1"),
        RetentionCase.received(received, case_id="demo-2").contacted(
            received + _timedelta(days=2), "declined"
        ),
        RetentionCase.received(received, case_id="demo-3").contacted(
            received + _timedelta(days=1), "unreachable"
        ),
        RetentionCase.received(_datetime(2023, 5, 2, 9, 0, tzinfo=brussels), case_id="demo-4")
        .contacted(_datetime(2023, 5, 3, 9, 0, tzinfo=brussels), "wants_help")
        .dossier_opened(_datetime(2023, 5, 5, 9, 0, tzinfo=brussels))
        .dossier_closed(_datetime(2024, 2, 29, 15, 0, tzinfo=brussels)),
    ]
    at = _datetime(2024, 9, 1, 9, 0, tzinfo=brussels)
    decisions = [retention_decision(c, at=at, protocol=protocol) for c in cases]
    schedule = retention_schedule(cases, at=at, protocol=protocol)
    notice = BreachNotice(
        notice_id="demo-lek-1",
        reporter="recipient",
        cause="misdirected_email",
        aware_at=_datetime(2025, 3, 28, 16, 0, tzinfo=brussels),
        issued_at=_datetime(2025, 3, 28, 18, 0, tzinfo=brussels),
        confidentiality="known_recipients",
        data_items={"name", "address", "phone"},
        data_subjects=1,
        records=1,
        consequences={"disclosure_of_social_situation"},
        measures_taken={"deletion_requested"},
        both_parties_affected=True,
        encrypted=True,
    )
    status = authority_status(notice, at=notice.issued_at, protocol=protocol)
    severity = notice.severity()
    message = breach_notice_email(notice, protocol=protocol)
    entry = processing_register_entry(protocol)
    lines = [f"retention at {at.date()}: keep, delete or review (article 3)"]
    for case, d in zip(cases, decisions, strict=True):
        extra = f", keep until {d.keep_until}" if d.keep_until else ""
        extra += f", review on {d.review_on}" if d.review_on else ""
        lines.append(f"  {case.case_id}: {case.state} -> {d.action}{extra} [{d.clause} {d.code}]")
    lines.append(
        "  schedule: " + "; ".join(f"{e.due_on} {e.action} {e.case.case_id}" for e in schedule)
    )
    lines += [
        "a breach notice (article 9; GDPR art. 33, 34)",
        f"  ENISA: {severity.message_en}",
        f"  {status.authority.short_name} deadline: {status.deadline.isoformat()} ({status.code})",
        f"  e-mail from {message['From']} to {message['To']}",
        f"  subject: {message['Subject']}",
        "the register entry (article 6; GDPR art. 30)",
        f"  {entry.name_en}; DPV terms in JSON-LD, fideslang: "
        + ", ".join(entry.fideslang_categories),
    ]
    payload = {
        "retention": {
            "at": at.isoformat(),
            "decisions": {
                case.case_id: {"action": d.action, "keep_until": d.keep_until, "code": d.code}
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
        "register": {"activity": entry.name_en, "fideslang": list(entry.fideslang_categories)},
    }
    return lines, payload


def _cmd_demo_after_receipt(args: argparse.Namespace, out: _Output) -> int:
    """The demo, then what happens after receipt: retention, a breach notice, the register."""
    import io

    protocol = _load_protocol(args.protocol)
    lines, payload = _demo_after_receipt(protocol)
    if not out.as_json:
        code = _cmd_demo(args, out)
        out.say()
        out.say("after receipt:")
        for line in lines:
            out.say(f"  {line}")
        return code
    captured = io.StringIO()
    code = _cmd_demo(args, _Output(True, captured, out.err))
    document = json.loads(captured.getvalue())
    document["after_receipt"] = payload
    out.emit(document)
    return code


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="protocol-share",
        description="The Opgroeien regie -> OCMW data-sharing protocol, executable.",
    )
    parser.add_argument("--version", action="version", version=f"protocol-share {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="print JSON instead of text")
    common.add_argument(
        "--protocol", metavar="FILE", help="a protocol JSON file (default: built-in Torhout)"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    demo = sub.add_parser("demo", parents=[common], help="the whole flow on the Torhout protocol")
    demo.set_defaults(run=_cmd_demo_after_receipt)
    lint = sub.add_parser("lint", parents=[common], help="check a protocol JSON file")
    lint.add_argument("file", nargs="?", help="protocol JSON (default: the built-in one)")
    lint.set_defaults(run=_cmd_lint)
    schema = sub.add_parser("schema", parents=[common], help="print or write the JSON Schemas")
    schema.add_argument("name", nargs="?", choices=sorted(SCHEMAS))
    schema.add_argument("--out", metavar="DIR", help="write <name>.schema.json files here")
    schema.set_defaults(run=_cmd_schema)
    packer = sub.add_parser(
        "pack",
        parents=[common],
        allow_abbrev=False,
        help="pack a referral JSON file into an encrypted .7z and its .eml (article 6)",
        description="The password comes from a file, an environment variable or a prompt; "
        "never from the command line.",
    )
    packer.add_argument("file", help="a referral JSON file (the Referral model)")
    packer.add_argument("--out", metavar="DIR", required=True, help="write the .7z and .eml here")
    packer.add_argument(
        "--sign-key", metavar="PEM", help="an Ed25519 private key: sign the package"
    )
    _password_options(packer)
    packer.add_argument(
        "--new-password",
        action="store_true",
        help="generate a password and print it on stderr, to send by another channel",
    )
    packer.set_defaults(run=_cmd_pack)
    opener = sub.add_parser(
        "open",
        parents=[common],
        allow_abbrev=False,
        help="open and check an encrypted package; print the referral (article 6)",
    )
    opener.add_argument("file", help="a .7z package")
    opener.add_argument(
        "--verify-key",
        metavar="PEM",
        action="append",
        help="an Ed25519 public key the package must be signed with (repeatable)",
    )
    _password_options(opener)
    opener.set_defaults(run=_cmd_open)
    retention = sub.add_parser(
        "retention",
        parents=[common],
        help="keep, delete or review: retention decisions for cases in a JSON file (article 3)",
        description='FILE holds {"cases": [{"case_id": ..., "steps": [...]}]}. Exit 1 '
        "when a case is due for deletion or review.",
    )
    retention.add_argument("file", help="a JSON file of retention cases")
    retention.add_argument(
        "--at", metavar="ISO", help="decide at this aware instant (default: now)"
    )
    retention.set_defaults(run=_cmd_retention)
    breach = sub.add_parser(
        "breach",
        parents=[common],
        help="assess a breach notice JSON file: severity, deadline, the DPO e-mail (article 9)",
        description="Exit 1 when the authority's notification is overdue or late without "
        "recorded reasons of delay (GDPR art. 33(1)).",
    )
    breach.add_argument("file", help="a JSON file holding one BreachNotice")
    breach.add_argument("--at", metavar="ISO", help="check at this aware instant (default: now)")
    breach.add_argument("--email", action="store_true", help="also print the notice e-mail")
    breach.set_defaults(run=_cmd_breach)
    checker = sub.add_parser(
        "check",
        parents=[common],
        help="decide whether a referral JSON file may be sent (recital C, art. 4 to 6, 11)",
        description="Exit 0 when allowed, 1 when refused (every reason is printed), 2 when "
        "the file cannot be read as a referral.",
    )
    checker.add_argument("file", help="a referral JSON file (the Referral model)")
    checker.add_argument("--at", metavar="ISO", help="decide at this aware instant (default: now)")
    checker.set_defaults(run=_cmd_check)
    rules = sub.add_parser(
        "rules",
        parents=[common],
        help="print the rule table of the decision (Markdown, or --json)",
    )
    rules.add_argument(
        "--group",
        choices=sorted(get_args(RuleGroup)),
        help="only the rules of this group",
    )
    rules.add_argument(
        "--onward", action="store_true", help="the art. 4 rules of check_onward_share"
    )
    rules.set_defaults(run=_cmd_rules)
    register = sub.add_parser(
        "register",
        parents=[common],
        help="the register entry (GDPR art. 30(1)): text, JSON, DPV JSON-LD or fideslang",
    )
    register.add_argument("--format", choices=("text", "json", "dpv", "fideslang"), default="text")
    register.set_defaults(run=_cmd_register)
    return parser


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line; returns the exit code (0 done, 1 refused, 2 unusable input)."""
    args = _parser().parse_args(argv)
    output = _Output(getattr(args, "json", False), out or sys.stdout, err or sys.stderr)
    run: Callable[[argparse.Namespace, _Output], int] = args.run
    try:
        return run(args, output)
    except InvalidInput as error:
        output.problem(str(error))
        return EXIT_UNUSABLE
    except ProtocolShareError as error:
        output.problem(f"error: {error}")
        return EXIT_UNUSABLE
    except OSError as error:
        output.problem(f"error: cannot read or write {error.filename!s}: {error.strerror}")
        return EXIT_UNUSABLE


if __name__ == "__main__":
    sys.exit(main())
