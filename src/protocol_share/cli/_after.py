"""After receipt: ``retention`` (A3-4 to A3-6), ``breach`` (A9-1 to A9-4) and ``register``
(A6-6; GDPR art. 30(1)); their texts in ``--lang``, shared with the demo."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from protocol_share._text import Lang, in_lang, message
from protocol_share.cli._io import (
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_UNUSABLE,
    Commands,
    Output,
    at_or_now,
    load_protocol,
    read_input,
)
from protocol_share.notices import (
    AuthorityStatus,
    BreachNotice,
    authority_status,
    breach_notice_email,
    breach_register_record,
)
from protocol_share.protocol._protocol import Protocol
from protocol_share.register import RegisterEntry, processing_register_entry
from protocol_share.register._terms import erasure_terms
from protocol_share.retention import (
    CaseError,
    RetentionCase,
    RetentionDecision,
    ScheduledAction,
    cases_from_json,
    retention_decision,
    retention_schedule,
)

__all__ = [
    "add_parsers",
    "breach_lines",
    "register_lines",
    "retention_json",
    "retention_line",
]


def retention_line(label: str, case: RetentionCase, d: RetentionDecision, lang: Lang) -> str:
    """One case's decision in ``lang`` (A3-4 to A3-6): state, action, the day that bounds it,
    clause, code (states, actions and codes are codes, the same in every language)."""
    detail = ""
    if d.keep_until:
        key = "cli.retention.kept_until" if d.action == "delete" else "cli.retention.keep_until"
        detail = message(key, lang, day=d.keep_until)
    elif d.review_on:
        detail = message("cli.retention.review_on", lang, day=d.review_on)
    return message(
        "cli.retention.line",
        lang,
        label=label,
        state=case.state,
        action=d.action,
        detail=detail,
        clause=d.clause,
        code=d.code,
    )


def retention_json(case: RetentionCase, d: RetentionDecision) -> dict[str, Any]:
    """One case's decision as JSON, in both languages (A3-4 to A3-6)."""
    return {
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


def _schedule_json(e: ScheduledAction | CaseError) -> dict[str, Any]:
    if isinstance(e, CaseError):
        return {"case_id": e.case_id, "position": e.position, "error": e.code}
    return {
        "case_id": e.case.case_id,
        "due_on": e.due_on,
        "action": e.action,
        "clause": e.clause,
        "overdue": e.overdue,
    }


def _retention(args: argparse.Namespace, out: Output) -> int:
    """Keep, delete or review every case in a file (A3-4 to A3-6): exit 1 when one is due,
    2 when a case cannot be decided (every other case is still decided and listed)."""
    at = at_or_now(args)
    protocol = load_protocol(args)
    cases = cases_from_json(read_input(args.file, "FILE"))
    schedule = retention_schedule(cases, at=at, protocol=protocol)
    failed = {e.position: e for e in schedule if isinstance(e, CaseError)}
    decisions = {
        n: retention_decision(case, at=at, protocol=protocol)
        for n, case in enumerate(cases)
        if n not in failed
    }
    due = sum(d.action != "keep" for d in decisions.values())
    code = EXIT_UNUSABLE if failed else EXIT_REFUSED if due else EXIT_OK
    if out.as_json:
        out.emit(
            {
                "at": at.isoformat(),
                "protocol": protocol.protocol_id,
                "decisions": [retention_json(cases[n], d) for n, d in decisions.items()],
                "errors": [_schedule_json(e) for e in failed.values()],
                "schedule": [_schedule_json(e) for e in schedule if isinstance(e, ScheduledAction)],
            }
        )
        return code
    lang = out.lang
    out.say(
        message("cli.retention.header", lang, at=at.isoformat(), protocol_id=protocol.protocol_id)
    )
    for n, case in enumerate(cases):
        label = case.case_id or f"#{n}"
        if n in failed:
            error = failed[n]
            out.say(
                message(
                    "cli.retention.not_decided",
                    lang,
                    label=label,
                    state=case.state,
                    code=error.code,
                )
            )
            out.say(f"    {in_lang(lang, error.message_nl, error.message_en)}")
            continue
        d = decisions[n]
        out.say(f"  {retention_line(label, case, d, lang)}")
        out.say(f"    {in_lang(lang, d.message_nl, d.message_en)}")
    actions = [e for e in schedule if isinstance(e, ScheduledAction)]
    out.say(
        message(
            "cli.retention.summary",
            lang,
            due=due,
            total=len(cases),
            scheduled=len(actions),
            errors=len(failed),
        )
    )
    due_mark = message("cli.retention.due", lang)
    for e in actions:
        mark = due_mark if e.overdue else " " * len(due_mark)
        out.say(f"  {mark} {e.due_on} {e.action:6} {e.case.case_id or '-'} [{e.clause}]")
    return code


def breach_lines(
    notice: BreachNotice, *, at: datetime, protocol: Protocol, lang: Lang
) -> tuple[list[str], AuthorityStatus]:
    """A breach notice assessed at ``at`` (A9-1 to A9-4; GDPR art. 33, 34): the lines for a
    person, and where the authority's notification stands."""
    status = authority_status(notice, at=at, protocol=protocol)
    severity = notice.severity()
    required = (
        "cli.breach.required" if notice.other_party_must_be_notified else "cli.breach.not_required"
    )
    severity_text = in_lang(lang, severity.message_nl, severity.message_en)
    status_text = in_lang(lang, status.message_nl, status.message_en)
    lines = [
        message("cli.breach.header", lang, notice_id=notice.notice_id, phase=notice.phase),
        "  "
        + message(
            "cli.breach.severity",
            lang,
            level=message(f"severity.level.{severity.level}", lang),
            message=severity_text,
        ),
        "  "
        + message(
            "cli.breach.deadline",
            lang,
            authority=status.authority.short_name,
            deadline=status.deadline.isoformat(),
        ),
        "  " + message("cli.breach.authority", lang, code=status.code, message=status_text),
        "  " + message("cli.breach.other_party", lang, required=message(required, lang)),
    ]
    return lines, status


def _breach(args: argparse.Namespace, out: Output) -> int:
    """Assess a breach notice: severity, deadline, art. 34 advice, the DPO e-mail in
    ``--lang`` (A9-1 to A9-4): exit 1 when reasons of delay are needed (GDPR art. 33(1))."""
    at = at_or_now(args)
    protocol = load_protocol(args)
    notice = BreachNotice.model_validate_json(read_input(args.file, "FILE"))
    lines, status = breach_lines(notice, at=at, protocol=protocol, lang=out.lang)
    message = breach_notice_email(notice, protocol=protocol, lang=out.lang) if args.email else None
    if out.as_json:
        record = breach_register_record(notice, at=at, protocol=protocol)
        if message is not None:
            record["email"] = message.as_string()
        out.emit(record)
    else:
        for line in lines:
            out.say(line)
        if message is not None:
            out.say()
            out.say(message.as_string())
    return EXIT_REFUSED if status.reasons_of_delay_needed else EXIT_OK


def register_lines(entry: RegisterEntry, lang: Lang) -> list[str]:
    """The register entry for a person, its texts in ``lang`` (A6-6; GDPR art. 30(1))."""
    record = entry.to_json()
    erasure = [in_lang(lang, term.text_nl, term.text_en) for term in erasure_terms(entry.retention)]
    purposes = "; ".join(
        f"{p.clause} {in_lang(lang, p.text_nl, p.text_en)}" for p in entry.purposes
    )
    controller = message(
        "cli.register.controller_value",
        lang,
        name=entry.controller.name,
        kbo=entry.controller.kbo,
        email=entry.dpo_email,
    )
    rows = [
        ("activity", in_lang(lang, entry.name_nl, entry.name_en)),
        ("controller", controller),
        ("source", entry.source.name),
        ("purposes", purposes),
        ("data", ", ".join(d["item"] for d in record["personal_data"])),
        ("fideslang", ", ".join(entry.fideslang_categories)),
        ("recipients", ", ".join(r["kind"] for r in record["recipients"])),
        ("transfers", message("cli.register.no_transfers", lang)),
        ("erasure", f"{erasure[0]}; {erasure[1]};"),
        ("", f"{erasure[2]}; {erasure[3]}"),
        ("measures", ", ".join(m.code for m in entry.security_measures)),
    ]
    labels = {name: message(f"cli.register.{name}", lang) + ":" for name, _ in rows if name}
    width = max(len(label) for label in labels.values()) + 1
    lines = [message("cli.register.header", lang, clause=record["clause"])]
    lines += [f"  {labels.get(name, ''):<{width}}{value}" for name, value in rows]
    return lines


def _register(args: argparse.Namespace, out: Output) -> int:
    """Print the register entry (A6-6; GDPR art. 30(1)): text, plain JSON, DPV or fideslang."""
    entry = processing_register_entry(load_protocol(args))
    if args.format == "dpv":
        out.emit(entry.to_jsonld())
    elif args.format == "fideslang":
        out.emit(entry.fideslang())
    elif out.as_json or args.format == "json":
        out.emit(entry.to_json())
    else:
        for line in register_lines(entry, out.lang):
            out.say(line)
    return EXIT_OK


def add_parsers(commands: Commands) -> None:
    """The subcommands for after receipt (A3-4 to A3-6, A6-6, A9-1 to A9-4; docs/design.md)."""
    commands.add(
        "retention",
        _retention,
        help="keep, delete or review: retention decisions for cases in a JSON file (article 3)",
        description='FILE holds {"cases": [{"case_id": ..., "steps": [...]}]}. Exit 1 '
        "when a case is due for deletion or review.",
        file_help="a JSON file of retention cases",
        at_help="decide",
    )
    breach = commands.add(
        "breach",
        _breach,
        help="assess a breach notice JSON file: severity, deadline, the DPO e-mail (article 9)",
        description="Exit 1 when the authority's notification is overdue or late without "
        "recorded reasons of delay (GDPR art. 33(1)).",
        file_help="a JSON file holding one BreachNotice",
        at_help="check",
    )
    breach.add_argument("--email", action="store_true", help="also print the notice e-mail")
    register = commands.add(
        "register",
        _register,
        help="the register entry (GDPR art. 30(1)): text, JSON, DPV JSON-LD or fideslang",
    )
    register.add_argument("--format", choices=("text", "json", "dpv", "fideslang"), default="text")
