"""``protocol-share``: the command line, the only part that reads files, the environment
or the clock (docs/design.md: the imperative shell around a pure core).

Every subcommand takes ``--json`` (one JSON document on stdout) and ``--lang nl|en`` (the
language of the messages, e-mails and ``verwijzing.txt``; default ``nl``). Exit codes:

- 0: done, or allowed;
- 1: refused by the protocol (``check``, ``pack``); for ``retention`` and ``breach``: an
  action is due;
- 2: unusable input (a file that cannot be read or does not fit the models, a bad option).

Errors go to stderr and name arguments, fields and codes, never a personal value or a
path. See ``docs/cli.md``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from typing import NoReturn, TextIO

from protocol_share._text import message
from protocol_share._version import __version__
from protocol_share.cli import _after, _decide, _demo, _package
from protocol_share.cli._io import (
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_UNUSABLE,
    PASSWORD_ENV,
    Commands,
    Output,
    Unusable,
    common_options,
    invalid_input_text,
    lifecycle_error_text,
    package_error_text,
    protocol_options,
)
from protocol_share.errors import (
    InvalidInput,
    LifecycleError,
    PackageError,
    ProtocolShareError,
)

__all__ = ["EXIT_OK", "EXIT_REFUSED", "EXIT_UNUSABLE", "PASSWORD_ENV", "main", "parser"]

EXIT_INTERRUPTED = 130


_ARGV: ContextVar[tuple[str, ...]] = ContextVar("protocol_share_argv", default=())
# argparse's messages that quote what was typed (Python 3.11 to 3.13): the value goes, the
# argument's name and the allowed choices (the parser's own words) stay.
_QUOTING = (
    (re.compile(r"invalid choice: .*? \(choose from"), "invalid choice (choose from"),
    (re.compile(r"invalid choice: .*"), "invalid choice"),
    (re.compile(r"invalid (\S+) value: .*"), r"invalid \1 value"),
    (re.compile(r"ambiguous option: .*"), "ambiguous option"),
    (re.compile(r"ignored explicit argument .*"), "ignored explicit argument"),
    (re.compile(r"unrecognized arguments: .*"), "unrecognized arguments"),
)


def _without_values(message: str, argv: Sequence[str], own_words: str) -> str:
    for pattern, replacement in _QUOTING:
        message = pattern.sub(replacement, message)
    # A safety net for messages this list does not know: no typed word is echoed unless the
    # parser itself says it (an option name, a command, a choice). An ``--option=value``
    # loses its value.
    for token in sorted(set(argv), key=len, reverse=True):
        _, equals, value = token.partition("=")
        typed = value if token.startswith("-") and equals else token
        if not typed or typed.startswith("-"):
            continue
        word = re.compile(rf"(?<![\w.-]){re.escape(typed)}(?![\w.-])")
        if not word.search(own_words):
            message = word.sub("<value>", message)
    return message


class _Parser(argparse.ArgumentParser):
    """argparse whose usage errors name arguments, never what was typed (docs/design.md: a file may
    be named after a client, a password may be typed as an option)."""

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        token = None
        if not _ARGV.get():
            token = _ARGV.set(tuple(sys.argv[1:] if args is None else args))
        try:
            return super().parse_known_args(args, namespace)
        finally:
            if token is not None:
                _ARGV.reset(token)

    def error(self, message: str) -> NoReturn:
        """Print the usage and the message without any typed value; exit 2 (docs/design.md)."""
        self.print_usage(sys.stderr)
        shown = _without_values(message, _ARGV.get(), self.format_help())
        self.exit(EXIT_UNUSABLE, f"{self.prog}: error: {shown}\n")


def parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand (docs/design.md); its usage errors echo no value."""
    root = _Parser(
        prog="protocol-share",
        description="The Opgroeien regie -> OCMW data-sharing protocol, executable.",
        epilog="Exit codes: 0 done or allowed, 1 refused (retention, breach: action due), "
        "2 unusable input.",
    )
    root.add_argument("--version", action="version", version=f"protocol-share {__version__}")
    sub = root.add_subparsers(dest="command", required=True, metavar="COMMAND")
    common = common_options()
    commands = Commands(sub, common, protocol_options(common))
    for module in (_demo, _decide, _package, _after):
        module.add_parsers(commands)
    return root


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line and return its exit code: 0 done, 1 refused, 2 unusable input
    (docs/design.md). Usage errors exit 2 through argparse (:class:`SystemExit`)."""
    args = parser().parse_args(argv)
    output = Output(as_json=args.json, lang=args.lang, out=out or sys.stdout, err=err or sys.stderr)
    run: Callable[[argparse.Namespace, Output], int] = args.run
    lang = output.lang
    try:
        return run(args, output)
    # An InvalidInput's problems, a refused package's and an impossible step's code are
    # each read in --lang from the catalogue.
    except InvalidInput as error:  # its problems name fields and codes, no value
        output.problem(invalid_input_text(error, lang))
    except PackageError as error:
        output.problem(package_error_text(error, lang))
    except LifecycleError as error:
        output.problem(lifecycle_error_text(error, lang))
    except ProtocolShareError as error:
        output.problem(message("cli.error", lang, message=str(error)))
    except Unusable as error:
        output.problem(message("cli.error", lang, message=error.text(lang)))
    except OSError as error:  # not an input file (those are Unusable): e.g. a closed stdout
        reason = error.strerror or type(error).__name__
        output.problem(message("cli.error", lang, message=reason))
    except UnicodeError:  # a stream that is neither UTF-8 nor able to escape
        output.problem(message("cli.error.encoding", lang))
    except (OverflowError, ValueError):  # the last resort: date arithmetic near year 1 or 9999
        output.problem(message("cli.error.out_of_range", lang))
    except KeyboardInterrupt:
        output.problem(message("cli.error.interrupted", lang))
        return EXIT_INTERRUPTED
    return EXIT_UNUSABLE
