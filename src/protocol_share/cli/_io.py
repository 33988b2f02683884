"""The command line's I/O (docs/design.md: the only imperative shell): output as text or JSON,
input files, the package password, ``--at`` and the clock.

Every failure to read or write becomes an :class:`Unusable` whose message names the
argument and the reason, never the path (a file name may hold a client's name) nor the
content.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import warnings
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final, TextIO, get_args

from protocol_share._text import Lang, message
from protocol_share._time import require_aware
from protocol_share.errors import InvalidInput
from protocol_share.package._package import generate_password
from protocol_share.protocol._protocol import Protocol
from protocol_share.protocol._torhout import TORHOUT

__all__ = [
    "EXIT_OK",
    "EXIT_REFUSED",
    "EXIT_UNUSABLE",
    "MAX_INPUT_BYTES",
    "PASSWORD_ENV",
    "Output",
    "Unusable",
    "add_at_option",
    "at_or_now",
    "common_options",
    "load_protocol",
    "now",
    "password",
    "password_options",
    "protocol_options",
    "read_input",
    "write_output",
]

EXIT_OK: Final = 0
"""Done, or allowed."""
EXIT_REFUSED: Final = 1
"""Refused by the protocol; for ``retention`` and ``breach``: an action is due."""
EXIT_UNUSABLE: Final = 2
"""Unusable input: a file that cannot be read or does not fit the models, a bad option."""

PASSWORD_ENV: Final = "PROTOCOL_SHARE_PASSWORD"  # noqa: S105 - the variable's name
MAX_INPUT_BYTES: Final = 16 * 1024 * 1024
"""The largest JSON or PEM input read (a referral is a few kilobytes)."""


class Unusable(Exception):
    """Input the command cannot use (exit 2); the message names an argument, never a value
    or a path (docs/design.md: personal data never in an error)."""


class Output:
    """Where a command writes (docs/design.md): human text in ``lang`` or JSON on stdout."""

    def __init__(self, *, as_json: bool, lang: Lang, out: TextIO, err: TextIO) -> None:
        self.as_json, self.lang, self.out, self.err = as_json, lang, out, err

    def say(self, text: str = "") -> None:
        """Write a line of human text (docs/design.md)."""
        print(text, file=self.out)

    def emit(self, payload: Any) -> None:
        """Write one JSON document (docs/design.md)."""
        print(json.dumps(payload, indent=2, ensure_ascii=False, default=str), file=self.out)

    def problem(self, text: str) -> None:
        """Write to stderr (docs/design.md): problems, and a generated password."""
        print(text, file=self.err)


def common_options() -> argparse.ArgumentParser:
    """The options every subcommand takes (docs/design.md): ``--json`` and ``--lang``."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="print JSON instead of text")
    common.add_argument(
        "--lang",
        choices=get_args(Lang),
        default="nl",
        help="the language of messages, e-mails and verwijzing.txt (default: nl)",
    )
    return common


def protocol_options(common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """``common`` plus ``--protocol FILE``, for the subcommands that apply a protocol (D-1)."""
    with_protocol = argparse.ArgumentParser(add_help=False, parents=[common])
    with_protocol.add_argument(
        "--protocol", metavar="FILE", help="a protocol JSON file (default: built-in Torhout)"
    )
    return with_protocol


def add_at_option(parser: argparse.ArgumentParser, what: str = "decide") -> None:
    """Add ``--at ISO`` (docs/design.md: every time-dependent call takes ``at=``)."""
    parser.add_argument(
        "--at", metavar="ISO", help=f"{what} at this aware ISO 8601 instant (default: now)"
    )


def _reason(error: OSError) -> str:
    return error.strerror or type(error).__name__


def read_input(
    path: str, argument: str, *, limit: int = MAX_INPUT_BYTES, truncate: bool = False
) -> bytes:
    """The bytes of the file ``path`` given as ``argument``, at most ``limit`` (docs/design.md).

    Raises :class:`Unusable` naming ``argument`` and the reason (``strerror``), not the
    path; also when the file is larger than ``limit``, unless ``truncate``.
    """
    try:
        with Path(path).open("rb") as file:
            data = file.read(limit if truncate else limit + 1)
    except OSError as error:
        raise Unusable(f"cannot read {argument}: {_reason(error)}") from None
    if len(data) > limit and not truncate:
        raise Unusable(f"cannot read {argument}: larger than {limit // (1024 * 1024)} MiB")
    return data


def write_output(path: Path, data: bytes, argument: str) -> None:
    """Write ``data`` to ``path`` under the directory given as ``argument`` (docs/design.md)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    except OSError as error:
        raise Unusable(f"cannot write to {argument}: {_reason(error)}") from None


def load_protocol(args: argparse.Namespace) -> Protocol:
    """``--protocol FILE`` as a :class:`Protocol`, or the built-in Torhout one (D-1)."""
    if args.protocol is None:
        return TORHOUT
    return Protocol.model_validate_json(read_input(args.protocol, "--protocol"))


def now() -> datetime:
    """The clock, read here and nowhere else (docs/design.md: no hidden clock in the core)."""
    return datetime.now(UTC)


def at_or_now(args: argparse.Namespace) -> datetime:
    """``--at`` as an aware datetime (ISO 8601), or :func:`now` (docs/design.md).

    Raises :class:`InvalidInput`: ``NOT_A_DATETIME`` or ``NAIVE_DATETIME``.
    """
    if args.at is None:
        return now()
    try:
        at = datetime.fromisoformat(args.at)
    except ValueError:
        raise InvalidInput.single(
            "arguments", "at", "NOT_A_DATETIME", "must be an ISO 8601 date and time"
        ) from None
    return require_aware(at, "at")


def password_options(parser: argparse.ArgumentParser, *, new: bool) -> None:
    """The password sources (docs/design.md: a file, an environment variable or a prompt, never argv)."""
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--password-env",
        metavar="NAME",
        help=f"read the password from this environment variable (default: {PASSWORD_ENV} if set)",
    )
    source.add_argument(
        "--password-file", metavar="FILE", help="read the password from the first line of FILE"
    )
    if new:
        source.add_argument(
            "--new-password",
            action="store_true",
            help="generate a password and print it on stderr, to send by another channel",
        )
        parser.add_argument(
            "--password-style",
            choices=("phone", "digits", "mixed"),
            default="phone",
            help=(
                "the form of a generated password: phone (lower case and digits, the default), "
                "digits (groups of four digits) or mixed (upper and lower case); each at "
                "least 144 bits"
            ),
        )


def _from_file(path: str) -> str:
    try:
        text = read_input(path, "--password-file", limit=64 * 1024).decode("utf-8")
    except UnicodeDecodeError:
        raise Unusable("cannot read --password-file: not UTF-8 text") from None
    first = text.split("\n", 1)[0].removesuffix("\r")
    if not first:
        raise Unusable("cannot read --password-file: its first line is empty")
    return first


def password(args: argparse.Namespace, out: Output, *, confirm: bool) -> str:
    """The package password (A6-2; docs/design.md: never from argv), from the first source given:
    ``--password-file``, ``--password-env``, ``--new-password`` (printed on stderr), the
    variable ``PROTOCOL_SHARE_PASSWORD``, else a prompt (twice when ``confirm``)."""
    if args.password_file:
        return _from_file(args.password_file)
    if args.password_env:
        if args.password_env not in os.environ:
            raise InvalidInput.single(
                "arguments",
                "password_env",
                "NOT_SET",
                "names an environment variable that is not set",
            )
        return os.environ[args.password_env]
    if getattr(args, "new_password", False):
        generated = generate_password(getattr(args, "password_style", "phone"))
        out.problem(message("cli.password.generated", out.lang, password=generated))
        return generated
    if PASSWORD_ENV in os.environ:
        return os.environ[PASSWORD_ENV]
    try:
        with warnings.catch_warnings():
            # Without a terminal getpass would read stdin and echo: refuse instead.
            warnings.simplefilter("error", getpass.GetPassWarning)
            given = getpass.getpass("package password: ")
            if confirm and getpass.getpass("again: ") != given:
                raise InvalidInput.single(
                    "arguments", "password", "MISMATCH", "the two entries differ"
                )
    except (EOFError, getpass.GetPassWarning):
        raise Unusable(
            f"no password: no terminal to ask on; use --password-file, --password-env or {PASSWORD_ENV}"
        ) from None
    return given
