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
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from protocol_share._version import __version__
from protocol_share.cli import _after, _decide, _demo, _package
from protocol_share.cli._io import (
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_UNUSABLE,
    PASSWORD_ENV,
    Output,
    Unusable,
    common_options,
    protocol_options,
)
from protocol_share.errors import PackageError, ProtocolShareError

__all__ = ["EXIT_OK", "EXIT_REFUSED", "EXIT_UNUSABLE", "PASSWORD_ENV", "main", "parser"]

EXIT_INTERRUPTED = 130


def parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand (docs/design.md)."""
    root = argparse.ArgumentParser(
        prog="protocol-share",
        description="The Opgroeien regie -> OCMW data-sharing protocol, executable.",
        epilog="Exit codes: 0 done or allowed, 1 refused (retention, breach: action due), "
        "2 unusable input.",
    )
    root.add_argument("--version", action="version", version=f"protocol-share {__version__}")
    sub = root.add_subparsers(dest="command", required=True, metavar="COMMAND")
    common = common_options()
    with_protocol = protocol_options(common)
    for module in (_demo, _decide, _package, _after):
        module.add_parsers(sub, common, with_protocol)
    return root


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line and return its exit code: 0 done, 1 refused, 2 unusable input
    (docs/design.md). Usage errors exit 2 through argparse (:class:`SystemExit`)."""
    args = parser().parse_args(argv)
    output = Output(as_json=args.json, lang=args.lang, out=out or sys.stdout, err=err or sys.stderr)
    run: Callable[[argparse.Namespace, Output], int] = args.run
    try:
        return run(args, output)
    except PackageError as error:
        output.problem(f"error: package refused ({type(error).__name__}): {error}")
    except ProtocolShareError as error:  # InvalidInput among them: its text names no value
        output.problem(f"error: {error}")
    except Unusable as error:
        output.problem(f"error: {error}")
    except OSError as error:  # not an input file (those are Unusable): e.g. a closed stdout
        output.problem(f"error: {error.strerror or type(error).__name__}")
    except (OverflowError, ValueError):  # the last resort: date arithmetic near year 1 or 9999
        output.problem("error: unusable input: a date or number is out of the range computed with")
    except KeyboardInterrupt:
        output.problem("interrupted")
        return EXIT_INTERRUPTED
    return EXIT_UNUSABLE
