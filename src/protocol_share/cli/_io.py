"""The command line's I/O (docs/design.md: the only imperative shell): output as text or JSON,
input files, the package password, ``--at`` and the clock.

Every failure to read or write becomes an :class:`Unusable` whose message names the
argument and the reason, never the path (a file name may hold a client's name) nor the
content.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import errno
import getpass
import json
import os
import tempfile
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final, TextIO, cast, get_args

from protocol_share._text import Lang, catalogue, in_lang, message
from protocol_share._time import require_aware
from protocol_share.errors import (
    InvalidInput,
    LifecycleError,
    PackageError,
    Problem,
    UnexpectedContent,
)
from protocol_share.package._package import generate_password
from protocol_share.protocol._protocol import Protocol
from protocol_share.protocol._torhout import TORHOUT
from protocol_share.retention._lifecycle import ImpossibleStep

__all__ = [
    "EXIT_OK",
    "EXIT_REFUSED",
    "EXIT_UNUSABLE",
    "MAX_INPUT_BYTES",
    "PASSWORD_ENV",
    "Commands",
    "Output",
    "Unusable",
    "add_at_option",
    "at_or_now",
    "common_options",
    "invalid_input_text",
    "load_protocol",
    "now",
    "package_error_text",
    "password",
    "password_options",
    "problem_json",
    "problem_line",
    "protocol_options",
    "read_input",
    "read_text",
    "unicode_stream",
    "write_output",
    "write_outputs",
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
PASSWORD_FILE_LIMIT: Final = 64 * 1024
"""The largest ``--password-file`` read (64 KiB)."""


class Unusable(Exception):
    """Input the command cannot use (exit 2); the message names an argument, never a value
    or a path (docs/design.md: personal data never in an error).

    It holds a catalogue key and its values: :meth:`text` says it in a language, ``str()``
    in English.
    """

    def __init__(self, key: str, /, **values: object) -> None:
        self.key, self.values = key, values
        super().__init__(message(key, "en", **values))

    def text(self, lang: Lang) -> str:
        """The message in ``lang`` (docs/design.md: every text a person reads in ``--lang``)."""
        return message(self.key, lang, **self.values)


def problem_line(problem: Problem, lang: Lang) -> str:
    """``path: CODE: text``, the text in ``lang`` (docs/design.md: errors name fields, not
    values; every text a person reads in ``--lang``)."""
    text = in_lang(lang, problem.message_nl, problem.message_en)
    return message("cli.problem", lang, path=problem.path or "<root>", code=problem.code, text=text)


def problem_json(problem: Problem) -> dict[str, str]:
    """A problem as JSON: path, code and both languages, as a reason is (docs/design.md)."""
    return {
        "path": problem.path,
        "code": problem.code,
        "message_nl": problem.message_nl,
        "message_en": problem.message_en,
    }


def invalid_input_text(error: InvalidInput, lang: Lang) -> str:
    """An :class:`InvalidInput` for stderr in ``lang``: a heading naming what was wrong, then
    one :func:`problem_line` per problem (docs/design.md: all field errors at once, no value)."""
    count = len(error.problems)
    what = catalogue(lang).get(f"cli.error.in.{error.what.replace(' ', '_')}", error.what)
    key = "cli.error.invalid_one" if count == 1 else "cli.error.invalid_many"
    lines = [message(key, lang, count=count, what=what)]
    lines += [f"  {problem_line(problem, lang)}" for problem in error.problems]
    return "\n".join(lines)


def package_error_text(error: PackageError, lang: Lang) -> str:
    """A refused package for stderr (A6-2): the error's name and the catalogue's text for its
    code, in ``lang``; content that does not fit the models is one :func:`problem_line` per problem,
    in ``lang`` (docs/design.md: every text a person reads in ``--lang``; no value)."""
    name = type(error).__name__
    problems = error.problems if isinstance(error, UnexpectedContent) else ()
    if not problems:
        said = in_lang(lang, error.message_nl, error.message_en)
        return message("cli.error.package", lang, error=name, message=said)
    lines = [message("cli.error.package_problems", lang, error=name, count=len(problems))]
    lines += [f"  {problem_line(problem, lang)}" for problem in problems]
    return "\n".join(lines)


def lifecycle_error_text(error: LifecycleError, lang: Lang) -> str:
    """An impossible lifecycle step for stderr in ``lang`` (A3-4 to A3-6): where (a case's
    path in a file), the step and state (lifecycle names, or ``<unknown step>``), the code,
    and the catalogue's text for it (docs/design.md: no value)."""
    said = in_lang(lang, error.message_nl, error.message_en)
    if not isinstance(error, ImpossibleStep):
        return message("cli.error.lifecycle", lang, code=error.code, message=said)
    text = message(
        "cli.error.lifecycle.step",
        lang,
        step=error.step,
        state=error.state,
        code=error.code,
        message=said,
    )
    return message("cli.error", lang, message=f"{error.path}: {text}" if error.path else text)


_UNICODE: Final = frozenset({"utf-8", "utf-8-sig", "utf-16", "utf-32"})


class _Escaping:
    """A text stream that cannot take UTF-8: what its encoding lacks is written as a
    backslash escape (``S\\xe9gol\\xe8ne``), never an error that stops the output halfway."""

    def __init__(self, stream: TextIO, encoding: str) -> None:
        self._stream, self._encoding = stream, encoding

    def write(self, text: str) -> int:
        escaped = text.encode(self._encoding, "backslashreplace").decode(self._encoding)
        return self._stream.write(escaped)

    def flush(self) -> None:
        self._stream.flush()


def unicode_stream(stream: TextIO) -> TextIO:
    """``stream``, able to write any text (docs/design.md: nothing lost; a client's name is not
    ASCII). A stream in a legacy encoding (``PYTHONIOENCODING=ascii``, ``LANG=C``) is
    switched to UTF-8 when it can be, else it escapes what its encoding lacks."""
    encoding = getattr(stream, "encoding", None)
    if not isinstance(encoding, str):
        return stream
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        name = ""
    if name in _UNICODE:
        return stream
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        try:
            reconfigure(encoding="utf-8")
        except (ValueError, OSError):
            pass
        else:
            return stream
    return cast(TextIO, _Escaping(stream, name or "ascii"))


class Output:
    """Where a command writes (docs/design.md): human text in ``lang`` or JSON on stdout, in
    UTF-8 whatever the terminal's encoding (:func:`unicode_stream`)."""

    def __init__(self, *, as_json: bool, lang: Lang, out: TextIO, err: TextIO) -> None:
        self.as_json, self.lang = as_json, lang
        self.out, self.err = unicode_stream(out), unicode_stream(err)

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


@dataclass(frozen=True)
class Commands:
    """The subcommands being built (docs/design.md): argparse's ``sub`` and the two parents,
    ``common`` (``--json``, ``--lang``) and ``with_protocol`` (those and ``--protocol``)."""

    sub: Any
    common: argparse.ArgumentParser
    with_protocol: argparse.ArgumentParser

    def add(
        self,
        name: str,
        run: Callable[[argparse.Namespace, Output], int],
        *,
        help: str,
        protocol: bool = True,
        description: str | None = None,
        file_help: str | None = None,
        at_help: str | None = None,
        allow_abbrev: bool = True,
    ) -> argparse.ArgumentParser:
        """Add the subcommand ``name``, running ``run``, with the options of ``with_protocol``
        (of ``common`` unless ``protocol``): a positional ``file`` when ``file_help`` is
        given, then ``--at`` when ``at_help`` (what is done at that instant) is. Returns it,
        for its own options (docs/design.md)."""
        command: argparse.ArgumentParser = self.sub.add_parser(
            name,
            parents=[self.with_protocol if protocol else self.common],
            help=help,
            description=description,
            allow_abbrev=allow_abbrev,
        )
        if file_help is not None:
            command.add_argument("file", help=file_help)
        if at_help is not None:
            add_at_option(command, at_help)
        command.set_defaults(run=run)
        return command


def _reason(error: OSError) -> str:
    return error.strerror or type(error).__name__


def _size(limit: int) -> str:
    # The limit in the largest unit that says it exactly: 16 MiB, 64 KiB, 100 bytes.
    for unit, name in ((1024 * 1024, "MiB"), (1024, "KiB")):
        if limit >= unit and limit % unit == 0:
            return f"{limit // unit} {name}"
    return f"{limit} bytes"


def read_input(
    path: str, argument: str, *, limit: int = MAX_INPUT_BYTES, truncate: bool = False
) -> bytes:
    """The bytes of the file ``path`` given as ``argument``, at most ``limit`` (docs/design.md).

    Raises :class:`Unusable` naming ``argument`` and the reason (``strerror``), not the
    path; also when the file is larger than ``limit``, unless ``truncate``.
    """
    # Every Unusable is raised after its except block: the OSError (which names the path)
    # never rides along as __context__.
    reason = ""
    try:
        with Path(path).open("rb") as file:
            data = file.read(limit if truncate else limit + 1)
    except OSError as error:
        reason = _reason(error)
    if reason:
        raise Unusable("cli.unusable.read", argument=argument, reason=reason)
    if len(data) > limit and not truncate:
        raise Unusable("cli.unusable.too_large", argument=argument, size=_size(limit))
    return data


def read_text(path: str, argument: str, *, limit: int = MAX_INPUT_BYTES) -> str:
    """The text of the UTF-8 file ``path`` given as ``argument``, at most ``limit`` bytes
    (docs/design.md), without the byte-order mark Notepad writes.

    Raises :class:`Unusable` as :func:`read_input` does, and ``not_utf8`` naming
    ``argument`` for bytes that are not UTF-8.
    """
    raw = read_input(path, argument, limit=limit)
    try:
        text: str | None = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        text = None
    if text is None:
        raise Unusable("cli.unusable.not_utf8", argument=argument)
    return text


def write_output(path: Path, data: bytes, argument: str) -> None:
    """Write ``data`` to ``path`` under the directory given as ``argument`` (docs/design.md),
    atomically: the file is complete or absent, never truncated."""
    write_outputs([(path, data)], argument)


def _remove(paths: Iterable[Path]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()


def _write_all(files: Sequence[tuple[Path, bytes]]) -> None:
    staged: list[tuple[Path, Path]] = []
    placed: list[Path] = []
    try:
        for path, data in files:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(
                dir=path.parent, prefix=f".{path.name}.", suffix=".part"
            )
            staged.append((Path(name), path))
            with os.fdopen(handle, "wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
        for _, path in staged:
            if path.is_dir():
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
        for temporary, path in staged:
            os.replace(temporary, path)
            placed.append(path)
    except BaseException:
        _remove(temporary for temporary, _ in staged)
        _remove(placed)
        raise


def write_outputs(files: Sequence[tuple[Path, bytes]], argument: str) -> None:
    """Write every ``(path, data)`` under the directory given as ``argument``: all of them or
    none (docs/design.md: nothing half-written). Each is written to a temporary file beside its
    target first, then renamed over it (``os.replace``); on any failure the temporary files
    and the files already renamed are removed, and :class:`Unusable` names ``argument`` and
    the reason, never a path."""
    reason = ""
    try:
        _write_all(files)
    except OSError as error:
        reason = _reason(error)
    if reason:
        raise Unusable("cli.unusable.write", argument=argument, reason=reason)


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

    Raises :class:`InvalidInput`: ``INVALID_DATETIME`` (not ISO 8601) or ``NAIVE_DATETIME``.
    """
    if args.at is None:
        return now()
    try:
        at: datetime | None = datetime.fromisoformat(args.at)
    except ValueError:
        at = None
    if at is None:
        raise InvalidInput.single(
            "arguments", "at", "INVALID_DATETIME", "must be an ISO 8601 date and time"
        )
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
    # A BOM (Notepad writes one) is no part of the password: typed on the other side, it
    # would never match.
    text = read_text(path, "--password-file", limit=PASSWORD_FILE_LIMIT)
    first = text.split("\n", 1)[0].removesuffix("\r")
    if not first:
        raise Unusable("cli.unusable.first_line_empty", argument="--password-file")
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
    given: str | None = None
    try:
        with warnings.catch_warnings():
            # Without a terminal getpass would read stdin and echo: refuse instead.
            warnings.simplefilter("error", getpass.GetPassWarning)
            given = getpass.getpass(message("cli.password.prompt", out.lang))
            if confirm and getpass.getpass(message("cli.password.again", out.lang)) != given:
                raise InvalidInput.single(
                    "arguments", "password", "MISMATCH", "the two entries differ"
                )
    except (EOFError, getpass.GetPassWarning):
        given = None
    if given is None:
        raise Unusable("cli.unusable.no_password", variable=PASSWORD_ENV)
    return given
