"""The command line's I/O under hostile conditions (issue 11): usage errors echo nothing
typed, the package and its e-mail are written both or neither, password files with a BOM,
and terminals that cannot take UTF-8."""

from __future__ import annotations

import contextlib
import io
import json
import os
import resource
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from protocol_share.cli import PASSWORD_ENV, main
from protocol_share.cli._io import PASSWORD_FILE_LIMIT, read_input, write_outputs
from protocol_share.examples import example_referral
from protocol_share.package._package import open_package
from tests.cli.test_cli_e2e import CLIENT, PASSWORD, PERSONAL

SCRIPT = Path(sys.executable).parent / "protocol-share"
AT = datetime(2025, 6, 2, 10, 0, tzinfo=UTC)
# `pack` packs at the clock's now: a referral from AT would carry a consent too old by then.
PACKED_AT = datetime.now(UTC)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def script(
    *argv: str,
    password: str | None = None,
    env: dict[str, str] | None = None,
    preexec_fn: Callable[[], object] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    environment = {
        k: v for k, v in os.environ.items() if k not in {PASSWORD_ENV, "PYTHONIOENCODING"}
    }
    if password is not None:
        environment[PASSWORD_ENV] = password
    environment |= env or {}
    return subprocess.run(
        [str(SCRIPT), *argv],
        capture_output=True,
        env=environment,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
        preexec_fn=preexec_fn,
    )


@pytest.fixture
def referral_file(tmp_path: Path) -> Path:
    path = tmp_path / "in.json"
    path.write_text(
        example_referral(at=PACKED_AT, client=CLIENT).model_dump_json(), encoding="utf-8"
    )
    return path


# --- 7: usage errors name no value ---------------------------------------------------------

SECRET_WORDS = ("Zoltanka Quibbleworth.json", "Geheim-wachtwoord-42", "Quibbleworth")


@pytest.mark.parametrize(
    "argv",
    [
        ("check", "Zoltanka Quibbleworth.json", "--password", "Geheim-wachtwoord-42"),
        ("pack", "Zoltanka Quibbleworth.json", "--password=Geheim-wachtwoord-42", "--out", "x"),
        ("Zoltanka Quibbleworth.json",),
        ("check", "--lang", "Quibbleworth", "x.json"),
        ("check", "--json=Geheim-wachtwoord-42", "x.json"),
        ("example", "Quibbleworth"),
        ("check", "a.json", "b.json", "Zoltanka Quibbleworth.json"),
        ("open", "x.7z", "--password-file", "a", "--password-env", "Quibbleworth"),
        ("open", "--verify", "Quibbleworth"),
        ("pack", "Zoltanka Quibbleworth.json", "--out"),
    ],
)
def test_a_usage_error_names_arguments_never_what_was_typed(
    argv: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(list(argv))
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "error:" in err
    for word in SECRET_WORDS:
        assert word not in err


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    value=st.text(
        st.characters(categories=("L", "N"), max_codepoint=0x2FF), min_size=4, max_size=20
    ),
    shape=st.sampled_from(["extra", "option", "equals", "choice", "command"]),
)
def test_no_typed_value_reaches_a_usage_error(
    value: str, shape: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = {
        "extra": ["check", "x.json", value],
        "option": ["check", "x.json", f"--{value}"],
        "equals": ["check", "x.json", f"--json={value}"],
        "choice": ["check", "--lang", value, "x.json"],
        "command": [value],
    }[shape]
    capsys.readouterr()
    with contextlib.suppress(SystemExit):
        main(argv, out=io.StringIO(), err=io.StringIO())
    err = capsys.readouterr().err
    words = err.replace("'", " ").replace(",", " ").split()
    assert value not in words or value in {"check", "json", "lang", "file"}


# --- 8: the package and its e-mail, both or neither ---------------------------------------


def _limit_file_size(limit: int) -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_when_the_email_cannot_be_written_neither_file_is_left(
    referral_file: Path, tmp_path: Path
) -> None:
    # Python ignores SIGXFSZ, so a write over RLIMIT_FSIZE fails with EFBIG: the archive
    # (a few KiB) fits, the e-mail (the archive in base64, plus text) does not.
    reference = tmp_path / "reference"
    done = script("pack", str(referral_file), "--out", str(reference), password=PASSWORD)
    assert done.returncode == 0, done.stderr
    (archive,) = reference.glob("*.7z")
    (message,) = reference.glob("*.eml")
    size = archive.stat().st_size
    assert message.stat().st_size > size + 512
    out = tmp_path / "uit"
    out.mkdir()
    failed = script(
        "pack",
        str(referral_file),
        "--out",
        str(out),
        password=PASSWORD,
        preexec_fn=lambda: _limit_file_size(size + 256),
    )
    assert failed.returncode == 2
    assert "kan niet schrijven naar --out" in failed.stderr.decode("utf-8")
    assert list(out.iterdir()) == []  # no .7z, no .eml, no temporary file


def test_write_outputs_places_every_file_or_none(tmp_path: Path) -> None:
    first, second = tmp_path / "a.7z", tmp_path / "a.eml"
    second.mkdir()  # a directory in the way of the second file
    with pytest.raises(Exception, match="cannot write to --out") as caught:
        write_outputs([(first, b"archive"), (second, b"message")], "--out")
    assert caught.value.__context__ is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.eml"]
    assert second.is_dir()
    write_outputs([(first, b"archive"), (tmp_path / "b.eml", b"message")], "--out")
    assert first.read_bytes() == b"archive"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.7z", "a.eml", "b.eml"]


def test_a_read_only_directory_gets_neither_file(referral_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "uit"
    out.mkdir()
    out.chmod(0o500)
    try:
        if os.access(out, os.W_OK):
            pytest.skip("running as a user who may write anywhere")
        done = script("pack", str(referral_file), "--out", str(out), password=PASSWORD)
    finally:
        out.chmod(0o700)
    assert done.returncode == 2
    assert list(out.iterdir()) == []


# --- 9: password files ---------------------------------------------------------------------


def test_a_bom_in_the_password_file_is_no_part_of_the_password(
    referral_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    secret = tmp_path / "wachtwoord.txt"
    secret.write_bytes(b"\xef\xbb\xbf" + PASSWORD.encode() + b"\r\n")  # as Notepad saves it
    code, _, err = run(
        "pack", str(referral_file), "--out", str(tmp_path / "uit"), "--password-file", str(secret)
    )
    assert (code, err) == (0, "")
    (archive,) = (tmp_path / "uit").glob("*.7z")
    assert open_package(archive.read_bytes(), password=PASSWORD).client == CLIENT


def test_a_password_file_over_the_limit_names_the_limit_in_kib(
    referral_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    secret = tmp_path / "wachtwoord.txt"
    secret.write_bytes(b"x" * (PASSWORD_FILE_LIMIT + 1))
    code, _, err = run(
        "pack", str(referral_file), "--out", str(tmp_path / "uit"), "--password-file", str(secret)
    )
    assert code == 2
    assert "groter dan 64 KiB" in err


@pytest.mark.parametrize(
    ("limit", "said"), [(16 * 1024 * 1024, "16 MiB"), (64 * 1024, "64 KiB"), (1000, "1000 bytes")]
)
def test_a_size_limit_is_said_in_the_unit_that_states_it(
    tmp_path: Path, limit: int, said: str
) -> None:
    big = tmp_path / "groot"
    big.write_bytes(b"x" * (limit + 1))
    with pytest.raises(Exception, match=f"larger than {said}$"):
        read_input(str(big), "FILE", limit=limit)


# --- 10: a terminal without UTF-8 --------------------------------------------------------


def test_check_of_a_refused_referral_exits_1_on_an_ascii_terminal(
    tmp_path: Path,
) -> None:
    referral = example_referral(at=PACKED_AT, client=CLIENT).model_copy(
        update={"assessed_appropriate": False}
    )
    path = tmp_path / "in.json"
    path.write_text(referral.model_dump_json(), encoding="utf-8")
    done = script("check", str(path), "--at", AT.isoformat(), env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 1, done.stderr
    text = done.stdout.decode("utf-8")
    assert "NOT_ASSESSED" in text
    assert "cliënt" in text  # the Dutch message whole, in UTF-8
    assert done.stderr == b""


def test_open_prints_every_line_on_an_ascii_terminal(referral_file: Path, tmp_path: Path) -> None:
    client = CLIENT.model_copy(update={"first_name": "Ségolène"})
    path = tmp_path / "in.json"
    path.write_text(
        example_referral(at=PACKED_AT, client=client).model_dump_json(), encoding="utf-8"
    )
    packed = script("pack", str(path), "--out", str(tmp_path / "uit"), password=PASSWORD)
    assert packed.returncode == 0, packed.stderr
    (archive,) = (tmp_path / "uit").glob("*.7z")
    done = script("open", str(archive), password=PASSWORD, env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0, done.stderr
    lines = done.stdout.decode("utf-8").splitlines()
    assert any("Ségolène" in line for line in lines)
    assert any(line.startswith("e-mail") for line in lines)
    assert done.stderr == b""


def test_a_stream_that_cannot_switch_to_utf8_escapes_instead_of_failing() -> None:
    raw = io.BytesIO()

    class Fixed(io.TextIOWrapper):
        def reconfigure(self, **_: object) -> None:
            raise ValueError("cannot")

    out = Fixed(raw, encoding="ascii")
    code = main(["example", "referral"], out=out, err=io.StringIO())
    out.flush()
    assert code == 0
    assert json.loads(raw.getvalue().decode("ascii"))["client"]["first_name"]


def test_personal_values_stay_out_of_stderr_on_an_ascii_terminal(tmp_path: Path) -> None:
    done = script(
        "check", str(tmp_path / "Zoltanka Quibbleworth.json"), env={"PYTHONIOENCODING": "ascii"}
    )
    assert done.returncode == 2
    for value in PERSONAL:
        assert value.encode() not in done.stderr
