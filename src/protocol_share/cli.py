"""``protocol-share``: the command line, the only module that reads files, the environment or the clock.

Exit codes: 0 done (or allowed), 1 refused by the protocol, 2 unusable input. Errors go to
stderr and name fields and codes, never personal values.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from protocol_share._version import __version__
from protocol_share.errors import InvalidInput, ProtocolShareError
from protocol_share.lint import Finding, lint_protocol
from protocol_share.minimise import minimise
from protocol_share.protocol import Protocol
from protocol_share.schemas import SCHEMA_MODELS, schema_text
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
    names = [args.name] if args.name else sorted(SCHEMA_MODELS)
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
    demo.set_defaults(run=_cmd_demo)
    lint = sub.add_parser("lint", parents=[common], help="check a protocol JSON file")
    lint.add_argument("file", nargs="?", help="protocol JSON (default: the built-in one)")
    lint.set_defaults(run=_cmd_lint)
    schema = sub.add_parser("schema", parents=[common], help="print or write the JSON Schemas")
    schema.add_argument("name", nargs="?", choices=sorted(SCHEMA_MODELS))
    schema.add_argument("--out", metavar="DIR", help="write <name>.schema.json files here")
    schema.set_defaults(run=_cmd_schema)
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
