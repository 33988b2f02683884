"""The command line for article 6: ``pack`` and ``open``, the password never on argv."""

from __future__ import annotations

import email
import email.policy
import io
import json
import os
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from protocol_share import TORHOUT
from protocol_share.cli import PASSWORD_ENV, main
from protocol_share.package._package import open_package
from protocol_share.package._signing import key_id
from tests.package.package_support import NON_BMP_PASSWORD, PASSWORD, PERSONAL_VALUES, referral


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def referral_file(tmp_path: Path) -> Path:
    path = tmp_path / "verwijzing-in.json"
    # The command packs at the clock's now: the consent must be fresh then (CONSENT_TOO_OLD).
    now = datetime.now(UTC)
    fresh = referral(created_at=now - timedelta(hours=1))
    fresh = fresh.replace(consent=fresh.consent.replace(given_at=now - timedelta(hours=2)))
    path.write_text(fresh.model_dump_json(), encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _no_password_in_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PASSWORD_ENV, raising=False)


def packed(directory: Path) -> tuple[Path, Path]:
    (archive,) = directory.glob("*.7z")
    (message,) = directory.glob("*.eml")
    return archive, message


def test_pack_writes_the_archive_and_the_message_with_the_password_from_the_environment(
    referral_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    code, out, err = run("pack", str(referral_file), "--out", str(tmp_path / "uit"))
    assert (code, err) == (0, "")
    archive, message_path = packed(tmp_path / "uit")
    assert message_path.stem == archive.stem
    assert "langs een ander kanaal" in out  # --lang nl, the default
    message = email.message_from_bytes(message_path.read_bytes(), policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    assert message["To"] == TORHOUT.mailbox
    (attachment,) = message.iter_attachments()
    assert attachment.get_filename() == archive.name
    assert attachment.get_content() == archive.read_bytes()
    assert b"\r\n" in message_path.read_bytes()  # RFC 5322 line ends
    assert open_package(archive.read_bytes(), password=PASSWORD).referral_id == "r-2024-0001"
    for value in PERSONAL_VALUES:
        assert value not in out
        assert value not in archive.name


def test_open_prints_the_received_referral_with_the_password_from_a_file(
    referral_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MY_PACKAGE_PASSWORD", NON_BMP_PASSWORD)
    code, _, _ = run(
        "pack", str(referral_file), "--out", str(tmp_path), "--password-env", "MY_PACKAGE_PASSWORD"
    )
    assert code == 0
    archive, _ = packed(tmp_path)
    password_file = tmp_path / "wachtwoord.txt"
    password_file.write_text(NON_BMP_PASSWORD + "\n", encoding="utf-8")
    code, out, err = run("open", str(archive), "--password-file", str(password_file))
    assert (code, err) == (0, "")
    assert "r-2024-0001" in out
    assert "Ségolène D'Hondt-Van den Bossche" in out
    assert "Aartrijkestraat 11 bus B, 8820 Torhout" in out
    code, out, _ = run("open", str(archive), "--password-file", str(password_file), "--json")
    assert code == 0
    received = json.loads(out)
    assert received["referral_id"] == "r-2024-0001"
    assert received["client"]["phone"] == "+32470123456"


def test_the_password_is_never_taken_from_the_command_line(referral_file: Path) -> None:
    for option in ["--password", "-p"]:
        with pytest.raises(SystemExit) as caught:
            run("pack", str(referral_file), "--out", ".", option, PASSWORD)
        assert caught.value.code == 2
    with pytest.raises(SystemExit):
        run("open", "x.7z", "--password", PASSWORD)


def test_new_password_prints_a_generated_password_on_stderr_only(
    referral_file: Path, tmp_path: Path
) -> None:
    code, out, err = run("pack", str(referral_file), "--out", str(tmp_path), "--new-password")
    assert code == 0
    password = err.strip().rsplit(" ", 1)[-1]
    assert password not in out
    archive, message = packed(tmp_path)
    assert password.encode() not in message.read_bytes()
    assert open_package(archive.read_bytes(), password=password).referral_id == "r-2024-0001"


@pytest.mark.parametrize(
    ("options", "shape"),
    [
        ((), r"[a-z2-9]{5}(-[a-z2-9]{5}){5}"),
        (("--password-style", "digits"), r"[0-9]{4}(-[0-9]{4}){10}"),
        (("--password-style", "mixed"), r"[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){4}"),
    ],
)
def test_the_generated_password_is_phone_friendly_by_default(
    referral_file: Path, tmp_path: Path, options: tuple[str, ...], shape: str
) -> None:
    code, _, err = run(
        "pack", str(referral_file), "--out", str(tmp_path), "--new-password", *options
    )
    assert code == 0
    password = err.strip().rsplit(" ", 1)[-1]
    assert re.fullmatch(shape, password)
    archive, _ = packed(tmp_path)
    assert open_package(archive.read_bytes(), password=password).referral_id == "r-2024-0001"


def test_a_refused_referral_exits_1_with_its_reasons_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    path = tmp_path / "r.json"
    path.write_text(referral(assessed_appropriate=False).model_dump_json(), encoding="utf-8")
    code, out, _ = run("pack", str(path), "--out", str(tmp_path / "uit"))
    assert code == 1
    assert "NOT_ASSESSED (A5-1)" in out
    assert not (tmp_path / "uit").exists()
    code, out, _ = run("pack", str(path), "--out", str(tmp_path / "uit"), "--json")
    assert code == 1
    assert "NOT_ASSESSED" in {reason["code"] for reason in json.loads(out)["reasons"]}


def test_a_weak_password_or_an_unset_variable_is_unusable_input(
    referral_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSWORD_ENV, "geheim")
    code, _, err = run("pack", str(referral_file), "--out", str(tmp_path))
    assert code == 2
    assert "PASSWORD_TOO_SHORT" in err
    assert "geheim" not in err
    code, _, err = run("pack", str(referral_file), "--out", str(tmp_path), "--password-env", "NONE")
    assert code == 2
    assert "NOT_SET" in err


def test_a_bad_package_is_refused_with_its_error_class_and_no_personal_data(
    referral_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    assert run("pack", str(referral_file), "--out", str(tmp_path))[0] == 0
    archive, _ = packed(tmp_path)
    monkeypatch.setenv(PASSWORD_ENV, "Een-ander-wachtwoord-9")
    code, out, err = run("open", str(archive))
    assert (code, out) == (2, "")
    assert "WrongPassword" in err
    junk = tmp_path / "junk.7z"
    junk.write_bytes(b"not an archive")
    code, _, err = run("open", str(junk))
    assert code == 2
    assert "CorruptPackage" in err
    huge = tmp_path / "huge.7z"
    huge.write_bytes(archive.read_bytes() + bytes(2 * 1024 * 1024))
    code, _, err = run("open", str(huge))
    assert code == 2
    assert "PackageTooLarge" in err
    for value in PERSONAL_VALUES:
        assert value not in err


def test_pack_signs_and_open_verifies_with_pem_keys(
    referral_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    private = Ed25519PrivateKey.generate()
    private_pem = tmp_path / "afzender.pem"
    private_pem.write_bytes(
        private.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    )
    public_pem = tmp_path / "afzender.pub.pem"
    public_pem.write_bytes(
        private.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
    )
    out_dir = tmp_path / "uit"
    assert (
        run("pack", str(referral_file), "--out", str(out_dir), "--sign-key", str(private_pem))[0]
        == 0
    )
    archive, _ = packed(out_dir)
    code, out, _ = run("open", str(archive), "--verify-key", str(public_pem))
    assert code == 0
    assert key_id(private.public_key()) in out
    other = tmp_path / "ander.pub.pem"
    other.write_bytes(
        Ed25519PrivateKey.generate()
        .public_key()
        .public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
    )
    code, _, err = run("open", str(archive), "--verify-key", str(other))
    assert code == 2
    assert "SignatureInvalid" in err


def test_the_installed_script_packs_and_opens(referral_file: Path, tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "protocol-share"
    environment = {**os.environ, PASSWORD_ENV: PASSWORD}
    done = subprocess.run(
        [str(script), "pack", str(referral_file), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    archive, _ = packed(tmp_path)
    done = subprocess.run(
        [str(script), "open", str(archive), "--json"],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["consent_id"] == "c-2024-0001"


def test_the_demo_shows_the_package_round_trip() -> None:
    code, out, err = run("demo", "--lang", "en")
    assert (code, err) == (0, "")
    assert "4. pack and open_package" in out
    assert "the same client: yes" in out
    assert "with a wrong password: refused (WrongPassword)" in out
    code, out, _ = run("demo", "--json")
    package = json.loads(out)["package"]
    assert package["same_client"] is True
    assert package["to"] == TORHOUT.mailbox
