"""Interoperability with the real 7-Zip (``7zz``, Debian package ``7zip``) (A6-2).

Every package the library writes is tested and extracted by ``7zz`` with the password, and
its files come out byte-identical; archives ``7zz a -p... -mhe=on`` writes (LZMA2, LZMA,
BZip2, Copy, with BCJ or Delta, solid and not) open in the library, those with other coders
(PPMd, Deflate, ...) are refused as ``UnsupportedCoder``; ``7zz`` archives without a password, or without
``-mhe``, are refused with the right error. Passwords include non-ASCII and non-BMP
characters.

Without ``7zz`` these tests are skipped, with the reason; under CI (``CI`` set) they fail.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings

from protocol_share import (
    ClientData,
    CorruptPackage,
    HeadersNotEncrypted,
    NotEncrypted,
    PackageError,
    PackageTooLarge,
    UnexpectedContent,
    UnsupportedCoder,
    WrongPassword,
)
from protocol_share.package._archive import PackageKey, unseal
from protocol_share.package._package import open_package, pack
from protocol_share.package._payload import DOCUMENT_NAME, TEXT_NAME
from protocol_share.package._signing import MANIFEST_NAME
from protocol_share.strategies import client_data
from tests.package.package_support import (
    AT,
    NON_ASCII_PASSWORD,
    NON_BMP_PASSWORD,
    PASSWORD,
    referral,
)

SEVEN_ZIP = shutil.which("7zz")
if SEVEN_ZIP is None:
    if os.environ.get("CI"):
        pytest.fail("7zz (Debian package 7zip) is required under CI", pytrace=False)
    pytest.skip(
        "7zz (Debian package 7zip) is not installed: the 7-Zip interoperability tests need it",
        allow_module_level=True,
    )

PASSWORDS = [PASSWORD, NON_ASCII_PASSWORD, NON_BMP_PASSWORD]
ALL_NAMES = {DOCUMENT_NAME, TEXT_NAME, MANIFEST_NAME}


def seven_zip(*arguments: str, cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run ``7zz`` (``-bd``: no progress), UTF-8 locale, never prompting (``-p`` always given)."""
    assert SEVEN_ZIP is not None
    done = subprocess.run(
        [SEVEN_ZIP, *arguments, "-bd", "-y"],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"},
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    if check:
        assert done.returncode == 0, done.stdout + done.stderr
    return done


def members_of(archive: bytes, password: str) -> dict[str, bytes]:
    key = PackageKey.derive(password)
    return unseal(archive, key, names=ALL_NAMES, required=set())


def extract_with_7zz(archive: bytes, password: str, directory: Path) -> dict[str, bytes]:
    path = directory / "pakket.7z"
    path.write_bytes(archive)
    seven_zip("t", f"-p{password}", str(path), cwd=directory)
    out = directory / "uit"
    seven_zip("x", f"-p{password}", f"-o{out}", str(path), cwd=directory)
    return {file.name: file.read_bytes() for file in out.iterdir()}


# -- packages the library writes, read by 7-Zip -----------------------------------------


@pytest.mark.parametrize("password", PASSWORDS)
def test_7zz_tests_and_extracts_every_package_byte_identical(password: str, tmp_path: Path) -> None:
    package = pack(referral(), password=password, at=AT)
    extracted = extract_with_7zz(package.archive, password, tmp_path)
    assert extracted == members_of(package.archive, password)
    assert set(extracted) == {DOCUMENT_NAME, TEXT_NAME}


def test_7zz_extracts_a_signed_package_with_its_manifest(tmp_path: Path) -> None:
    signer = Ed25519PrivateKey.generate()
    package = pack(referral(), password=PASSWORD, at=AT, signing_key=signer)
    extracted = extract_with_7zz(package.archive, PASSWORD, tmp_path)
    assert set(extracted) == {DOCUMENT_NAME, TEXT_NAME, MANIFEST_NAME}
    assert extracted == members_of(package.archive, PASSWORD)


@given(client=client_data())
@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_7zz_extracts_packages_of_any_client_byte_identical(
    client: ClientData, tmp_path_factory: pytest.TempPathFactory
) -> None:
    directory = tmp_path_factory.mktemp("client")
    package = pack(referral(client=client), password=PASSWORD, at=AT)
    assert extract_with_7zz(package.archive, PASSWORD, directory) == members_of(
        package.archive, PASSWORD
    )


def test_7zz_lists_names_only_with_the_password_and_sees_aes_and_the_sending_time(
    tmp_path: Path,
) -> None:
    package = pack(referral(), password=PASSWORD, at=AT)
    path = tmp_path / package.filename
    path.write_bytes(package.archive)
    blind = seven_zip("l", "-pnot-the-password", str(path), cwd=tmp_path, check=False)
    assert blind.returncode != 0
    assert DOCUMENT_NAME not in blind.stdout
    listing = seven_zip("l", "-slt", f"-p{PASSWORD}", str(path), cwd=tmp_path).stdout
    assert "Method = LZMA2:12 7zAES" in listing
    assert listing.count("Encrypted = +") == 2
    assert listing.count("7zAES:19") == 2
    assert listing.count("Modified = 2024-05-02 10:00:00") == 2
    assert listing.count("Attributes = A -rw-------") == 2


def test_7zz_refuses_a_package_with_the_wrong_password(tmp_path: Path) -> None:
    package = pack(referral(), password=PASSWORD, at=AT)
    path = tmp_path / "pakket.7z"
    path.write_bytes(package.archive)
    done = seven_zip("t", "-pNiet-het-wachtwoord-1", str(path), cwd=tmp_path, check=False)
    assert done.returncode != 0
    assert "Wrong password" in done.stdout + done.stderr


# -- archives 7-Zip writes, read by the library -------------------------------------------


def write_members(directory: Path, password: str) -> dict[str, bytes]:
    """The members of a real package, as files for 7zz to archive."""
    members = members_of(pack(referral(), password=password, at=AT).archive, password)
    for name, data in members.items():
        (directory / name).write_bytes(data)
    return members


def archive_with_7zz(directory: Path, *switches: str, names: tuple[str, ...] = ()) -> bytes:
    path = directory / "door-7zz.7z"
    seven_zip("a", *switches, str(path), *(names or (DOCUMENT_NAME, TEXT_NAME)), cwd=directory)
    return path.read_bytes()


@pytest.mark.parametrize(
    "method",
    [
        "-m0=LZMA2",
        "-m0=LZMA",
        "-m0=LZMA2 -mx=9",
        "-m0=Copy",
        "-m0=BZip2",
        "-mf=BCJ",
        "-mf=Delta:4",
        "-m0=LZMA -mf=BCJ",
        "-m0=Copy -mf=Delta:2",
        "-m0=BZip2 -mf=BCJ",
    ],
)
@pytest.mark.parametrize("solid", ["-ms=on", "-ms=off"])
def test_archives_7zz_writes_with_encrypted_headers_open(
    method: str, solid: str, tmp_path: Path
) -> None:
    write_members(tmp_path, PASSWORD)
    archive = archive_with_7zz(tmp_path, f"-p{PASSWORD}", "-mhe=on", *method.split(), solid)
    key = PackageKey.derive(PASSWORD)
    received = open_package(archive, password=key)
    assert received == open_package(
        pack(referral(), password=PASSWORD, at=AT).archive, password=PASSWORD
    )
    # header and content coders share 7-Zip's empty salt: one key for the whole archive
    assert len(key._keys) == 1


@pytest.mark.parametrize("password", [NON_ASCII_PASSWORD, NON_BMP_PASSWORD])
def test_7zz_archives_under_passwords_beyond_ascii_open(password: str, tmp_path: Path) -> None:
    write_members(tmp_path, password)
    archive = archive_with_7zz(tmp_path, f"-p{password}", "-mhe=on")
    assert open_package(archive, password=password).referral_id == "r-2024-0001"
    refused = _refusal(archive, password=password[:-1] + "x")
    assert type(refused) is WrongPassword


def test_a_7zz_archive_without_password_is_refused_as_not_encrypted(tmp_path: Path) -> None:
    write_members(tmp_path, PASSWORD)
    for switches in [(), ("-mhc=off",), ("-m0=Copy",)]:
        archive = archive_with_7zz(tmp_path, *switches)
        assert type(_refusal(archive)) is NotEncrypted
        (tmp_path / "door-7zz.7z").unlink()


def test_a_7zz_archive_without_encrypted_headers_is_refused(tmp_path: Path) -> None:
    write_members(tmp_path, PASSWORD)
    for switches in [("-mhe=off",), ("-mhe=off", "-mhc=off")]:
        archive = archive_with_7zz(tmp_path, f"-p{PASSWORD}", *switches)
        assert type(_refusal(archive)) is HeadersNotEncrypted
        (tmp_path / "door-7zz.7z").unlink()


def test_a_7zz_archive_with_the_wrong_password_is_refused_as_wrong_password(
    tmp_path: Path,
) -> None:
    write_members(tmp_path, PASSWORD)
    for method in ["-m0=LZMA2", "-m0=PPMd"]:
        archive = archive_with_7zz(tmp_path, "-pEen-ander-wachtwoord-1", "-mhe=on", method)
        assert type(_refusal(archive)) is WrongPassword
        (tmp_path / "door-7zz.7z").unlink()


def test_7zz_archives_with_extra_files_directories_or_links_are_refused(tmp_path: Path) -> None:
    write_members(tmp_path, PASSWORD)
    (tmp_path / "extra.txt").write_text("meer", encoding="utf-8")
    (tmp_path / "map").mkdir()
    (tmp_path / "link.txt").symlink_to("/etc/passwd")
    cases = [
        ((), (DOCUMENT_NAME, TEXT_NAME, "extra.txt")),
        ((), (DOCUMENT_NAME, TEXT_NAME, "map")),
        (("-snl",), (DOCUMENT_NAME, TEXT_NAME, "link.txt")),
        ((), (DOCUMENT_NAME,)),
    ]
    for switches, names in cases:
        archive = archive_with_7zz(tmp_path, f"-p{PASSWORD}", "-mhe=on", *switches, names=names)
        assert type(_refusal(archive)) is UnexpectedContent, names
        (tmp_path / "door-7zz.7z").unlink()


@pytest.mark.parametrize(
    "method",
    [
        "-m0=Deflate",
        "-m0=Deflate64",
        "-m0=PPMd",
        "-m0=PPMd:o=32:mem=4g",
        "-m0=BCJ2 -m1=LZMA",
        "-mf=ARM64",
        "-mf=SPARC",
    ],
)
def test_a_7zz_archive_with_a_coder_outside_the_allow_list_is_refused_before_decoding(
    method: str, tmp_path: Path
) -> None:
    write_members(tmp_path, PASSWORD)
    archive = archive_with_7zz(tmp_path, f"-p{PASSWORD}", "-mhe=on", *method.split())
    assert type(_refusal(archive)) is UnsupportedCoder


@pytest.mark.parametrize(
    "method",
    [
        "-m0=LZMA2",
        "-m0=LZMA",
        "-m0=BZip2",
        "-mf=BCJ",
        "-mf=Delta:4",
        "-m0=Deflate",
        "-m0=PPMd",
    ],
)
def test_each_coders_7zz_bomb_is_refused_before_decoding(method: str, tmp_path: Path) -> None:
    write_members(tmp_path, PASSWORD)
    (tmp_path / TEXT_NAME).write_bytes(bytes(16 << 20))
    archive = archive_with_7zz(tmp_path, f"-p{PASSWORD}", "-mhe=on", *method.split())
    refusal = _refusal(archive)
    expected = UnsupportedCoder if "Deflate" in method or "PPMd" in method else PackageTooLarge
    assert type(refusal) is expected, refusal


def test_a_7zz_archive_with_trailing_bytes_is_refused(tmp_path: Path) -> None:
    write_members(tmp_path, PASSWORD)
    archive = archive_with_7zz(tmp_path, f"-p{PASSWORD}", "-mhe=on")
    assert open_package(archive, password=PASSWORD)
    for tail in (b"\x00", archive):
        assert type(_refusal(archive + tail)) is CorruptPackage


def test_a_7zz_bomb_is_refused_by_its_declared_size(tmp_path: Path) -> None:
    write_members(tmp_path, PASSWORD)
    (tmp_path / DOCUMENT_NAME).write_bytes(bytes(32 * 1024 * 1024))
    archive = archive_with_7zz(tmp_path, f"-p{PASSWORD}", "-mhe=on", "-mx=9")
    assert len(archive) < 64 * 1024
    assert type(_refusal(archive)) is PackageTooLarge


def test_a_truncated_7zz_archive_is_refused_as_corrupt(tmp_path: Path) -> None:
    write_members(tmp_path, PASSWORD)
    archive = archive_with_7zz(tmp_path, f"-p{PASSWORD}", "-mhe=on")
    for length in (0, 31, 32, len(archive) // 2, len(archive) - 1):
        assert type(_refusal(archive[:length])) is CorruptPackage


def test_the_7zz_version_in_use_is_reported(tmp_path: Path) -> None:
    banner = seven_zip("i", cwd=tmp_path).stdout
    assert re.search(r"7-Zip \(z\) \d+\.\d+", banner), banner[:200]


def _refusal(archive: bytes, password: str = PASSWORD) -> PackageError:
    with pytest.raises(PackageError) as caught:
        open_package(archive, password=password)
    assert caught.value.__cause__ is None
    assert caught.value.__context__ is None
    return caught.value
