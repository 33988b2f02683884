"""Deciding before a transfer: ``check``, ``rules``, ``lint``, ``schema`` and ``example``
(recital C, art. 3 to 6 and 11; docs/design.md)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, get_args

from protocol_share._text import Lang, in_lang, message
from protocol_share.cli._io import (
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_UNUSABLE,
    Commands,
    Output,
    add_at_option,
    at_or_now,
    load_protocol,
    read_input,
    read_text,
    write_output,
)
from protocol_share.decision._check import check_referral
from protocol_share.decision._decision import Decision
from protocol_share.decision._onward import ONWARD_RULES
from protocol_share.decision._referral import Referral
from protocol_share.decision._rules import REFERRAL_RULES
from protocol_share.decision._table import Rule, RuleGroup, rules_markdown
from protocol_share.examples import (
    example_breach_notice,
    example_consent,
    example_referral,
    example_retention_cases,
)
from protocol_share.protocol._lint import Finding, lint_protocol
from protocol_share.schemas import SCHEMAS, json_schema, schema_text

__all__ = ["EXAMPLES", "add_parsers", "decision_lines", "finding_json", "finding_line"]

EXAMPLES = ("referral", "consent", "protocol", "retention", "breach")
"""The documents ``protocol-share example`` prints."""


def decision_lines(decision: Decision, lang: Lang) -> list[str]:
    """A decision for a person (C-1 to C-7, A5-1): the verdict, then each reason's code and
    clause with its message in ``lang``."""
    if decision.allowed:
        return [message("cli.decision.allowed", lang, count=len(REFERRAL_RULES))]
    count = len(decision.reasons)
    key = "cli.decision.refused_one" if count == 1 else "cli.decision.refused_many"
    lines = [message(key, lang, count=count)]
    for reason in decision.reasons:
        lines.append(f"{reason.code} ({reason.clause})")
        lines.append(f"  {in_lang(lang, reason.message_nl, reason.message_en)}")
    return lines


def finding_json(finding: Finding) -> dict[str, str | None]:
    """A lint finding as JSON (D-1, E-1, A6-3): ``clause`` is ``null`` for a format error."""
    return {
        "code": finding.code,
        "severity": finding.severity,
        "path": finding.path,
        "clause": finding.clause,
        "message": finding.message,
    }


def finding_line(finding: Finding, lang: Lang) -> str:
    """A lint finding for a person, in ``lang`` as its message is (D-1, E-1, A6-3)."""
    severity = message(f"cli.lint.severity.{finding.severity}", lang)
    return message("cli.lint.finding", lang, **{**finding_json(finding), "severity": severity})


def _check(args: argparse.Namespace, out: Output) -> int:
    """Decide a referral file (C-1 to C-7, A5-1): 0 allowed, 1 refused, 2 unusable input."""
    at = at_or_now(args)
    protocol = load_protocol(args)
    referral = Referral.model_validate_json(read_input(args.file, "FILE"))
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
        out.say(
            message(
                "cli.check.header",
                out.lang,
                referral_id=referral.referral_id,
                protocol_id=protocol.protocol_id,
                at=at.isoformat(),
            )
        )
        for line in decision_lines(decision, out.lang):
            out.say(f"  {line}")
    return EXIT_OK if decision.allowed else EXIT_REFUSED


def _rules(args: argparse.Namespace, out: Output) -> int:
    """Print a rule table as the code has it (C-1 to C-7, A3-3, A4, A5, A6, A11): Markdown
    in both languages, for a DPO, or JSON."""
    table: tuple[Rule[Any], ...] = ONWARD_RULES if args.onward else REFERRAL_RULES
    rows = [rule for rule in table if args.group is None or rule.group == args.group]
    if not out.as_json:
        out.out.write(rules_markdown(rows))
        return EXIT_OK
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
    return EXIT_OK


def _lint(args: argparse.Namespace, out: Output) -> int:
    """Lint a protocol file (D-1, E-1, A6-3, A9-4, A11-1, C-4), and its signed text with
    ``--signed-text``: exit 2 on an error finding."""
    path, argument = (args.file, "FILE") if args.file else (args.protocol, "--protocol")
    text = read_input(path, argument) if path else load_protocol(args).model_dump_json()
    signed = None if args.signed_text is None else read_text(args.signed_text, "--signed-text")
    findings = lint_protocol(text, signed_text=signed, lang=out.lang)
    if out.as_json:
        out.emit([finding_json(f) for f in findings])
    else:
        for finding in findings:
            out.say(finding_line(finding, out.lang))
        if not findings:
            out.say(message("cli.lint.none", out.lang))
    errors = sum(f.severity == "error" for f in findings)
    if errors:
        out.problem(message("cli.lint.unusable", out.lang, count=errors))
        return EXIT_UNUSABLE
    return EXIT_OK


def _schema(args: argparse.Namespace, out: Output) -> int:
    """Print or write the JSON Schemas of the models (docs/design.md)."""
    names = [args.name] if args.name else sorted(SCHEMAS)
    if args.out:
        written = []
        for name in names:
            path = Path(args.out) / f"{name}.schema.json"
            write_output(path, schema_text(name).encode("utf-8"), "--out")
            written.append(str(path))
        if out.as_json:
            out.emit({"wrote": written})
        else:
            out.say("\n".join(message("cli.wrote", out.lang, path=path) for path in written))
    elif out.as_json and not args.name:
        out.emit({name: json_schema(name) for name in names})
    else:
        for name in names:
            out.out.write(schema_text(name))
    return EXIT_OK


def _example(args: argparse.Namespace, out: Output) -> int:
    """Print a valid example document (docs/design.md): a referral or consent that keeps every rule
    at ``--at`` (C-1 to C-7), the protocol (D-1), retention cases (A3-4 to A3-6) or a breach
    notice (A9-1 to A9-4), each readable by the command that takes it."""
    at = at_or_now(args).replace(microsecond=0)
    protocol = load_protocol(args)
    document: Any
    if args.kind == "referral":
        document = example_referral(protocol, at=at).model_dump(mode="json")
    elif args.kind == "consent":
        document = example_consent(protocol, at=at).model_dump(mode="json")
    elif args.kind == "protocol":
        document = protocol.model_dump(mode="json")
    elif args.kind == "retention":
        document = {"cases": [case.to_dict() for case in example_retention_cases(at=at)]}
    else:
        document = example_breach_notice(aware_at=at).model_dump(mode="json")
    out.emit(document)
    return EXIT_OK


def add_parsers(commands: Commands) -> None:
    """The subcommands that decide before a transfer (docs/design.md)."""
    commands.add(
        "check",
        _check,
        help="decide whether a referral JSON file may be sent (recital C, art. 4 to 6, 11)",
        description="Exit 0 when allowed, 1 when refused (every reason is printed), 2 when "
        "the file cannot be read as a referral.",
        file_help="a referral JSON file (the Referral model)",
        at_help="decide",
    )
    rules = commands.add(
        "rules",
        _rules,
        protocol=False,
        help="print the rule table of the decision (Markdown, or --json)",
    )
    rules.add_argument(
        "--group", choices=sorted(get_args(RuleGroup)), help="only the rules of this group"
    )
    rules.add_argument(
        "--onward", action="store_true", help="the art. 4 rules of check_onward_share"
    )
    lint = commands.add(
        "lint",
        _lint,
        help="check a protocol JSON file",
        description="Exit 2 when a finding is an error (the rules cannot use the protocol).",
    )
    lint.add_argument("file", nargs="?", help="protocol JSON (default: --protocol, or built-in)")
    lint.add_argument(
        "--signed-text",
        metavar="TXT",
        help="the protocol's signed text (UTF-8 plain text): report its cross-references "
        "that point to nothing (D-1)",
    )
    schema = commands.add("schema", _schema, protocol=False, help="print or write the JSON Schemas")
    schema.add_argument("name", nargs="?", choices=sorted(SCHEMAS))
    schema.add_argument("--out", metavar="DIR", help="write <name>.schema.json files here")
    example = commands.add(
        "example",
        _example,
        help="print a valid example JSON document to start from",
        description="e.g. protocol-share example referral > r.json && protocol-share check r.json",
    )
    example.add_argument("kind", choices=EXAMPLES)
    add_at_option(example, "date the example")
