"""Article 6: pack, open_package, generate_password, the key derivation, the hostile corpus.

Every hostile archive here is a real one (written by the library, by py7zr or forged by
rewriting a real header with the password), and each is refused with its own
``PackageError`` subclass; none escapes as a raw py7zr, lzma, pydantic or Python error.
"""

from __future__ import annotations

import copy
import hashlib
import io
import json
import math
import struct
import subprocess
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import py7zr
import py7zr.compressor
import py7zr.helpers
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from protocol_share import (
    TORHOUT,
    ClientData,
    CorruptPackage,
    HeadersNotEncrypted,
    InvalidInput,
    NotEncrypted,
    PackageError,
    PackageTooLarge,
    ReferralRefused,
    SignatureInvalid,
    UnexpectedContent,
    WrongPassword,
)
from protocol_share.package import _kdf
from protocol_share.package import _sevenzip as sz
from protocol_share.package._archive import PackageKey, unseal
from protocol_share.package._package import (
    PASSWORD_ALPHABET,
    Package,
    ReceivedReferral,
    check_password,
    generate_password,
    open_package,
    pack,
)
from protocol_share.package._payload import DOCUMENT_NAME, TEXT_NAME
from protocol_share.package._signing import MANIFEST_NAME, key_id
from protocol_share.strategies import client_data
from tests.package.package_support import (
    AT,
    CLIENT,
    NON_ASCII_PASSWORD,
    NON_BMP_PASSWORD,
    OUR_ATTRIBUTES,
    PASSWORD,
    PERSONAL_VALUES,
    decoded_header,
    referral,
    reheader,
    replace_once,
    sealed,
    utf16,
)

KEY = PackageKey.derive(PASSWORD)
PACKAGE = pack(referral(), password=KEY, at=AT)
NAMES = {DOCUMENT_NAME, TEXT_NAME}


def members_of(archive: bytes, password: str | PackageKey = KEY) -> dict[str, bytes]:
    key = PackageKey.of(password)
    return unseal(archive, key, names={*NAMES, MANIFEST_NAME, "extra.txt"}, required=set())


def refusal(archive: bytes, **kwargs: object) -> PackageError:
    """The error open_package raises for ``archive``; fails if it opens or raises another type,
    or if a library's error rides along as its cause or context."""
    kwargs.setdefault("password", KEY)
    with pytest.raises(PackageError) as caught:
        open_package(archive, **kwargs)  # type: ignore[arg-type]
    error = caught.value
    for value in PERSONAL_VALUES:
        assert value not in str(error)
    assert error.__cause__ is None
    assert error.__context__ is None
    return error


def refused_as(kind: type[PackageError], archive: bytes, **kwargs: object) -> PackageError:
    error = refusal(archive, **kwargs)
    assert type(error) is kind, f"{type(error).__name__}: {error}"
    return error


# -- the key derivation ---------------------------------------------------------------


@given(
    password=st.binary(max_size=80),
    cycles=st.integers(0, 13) | st.just(0x3F),
    salt=st.binary(max_size=16),
)
@settings(max_examples=150, deadline=None)
def test_fast_key_derivation_equals_the_reference_derivation(
    password: bytes, cycles: int, salt: bytes
) -> None:
    assert _kdf.derive_key(password, cycles, salt) == _kdf.reference_key(password, cycles, salt)


@pytest.mark.parametrize("password", [PASSWORD, NON_ASCII_PASSWORD, NON_BMP_PASSWORD])
def test_fast_key_derivation_equals_the_reference_at_seven_zips_strength(password: str) -> None:
    encoded = password.encode("utf-16-le")
    assert _kdf.derive_key(encoded) == _kdf.reference_key(encoded, 19)


def test_a_package_key_holds_the_key_for_seven_zips_strength_and_hides_the_password() -> None:
    encoded = PASSWORD.encode("utf-16-le")
    assert KEY.key_for(19, b"") == py7zr.helpers.calculate_key(encoded, 19, b"", "sha256")
    assert PASSWORD not in repr(KEY)
    # Deliberate: a key holds the password and is never pickled (nor deep-copied).
    with pytest.raises(InvalidInput) as caught:
        __import__("pickle").dumps(KEY)
    assert caught.value.codes == {"NOT_PICKLED"}
    with pytest.raises(InvalidInput):
        copy.deepcopy(KEY)


@pytest.mark.parametrize("args", [(None, {}), (PASSWORD, {}), ("", {}), (PASSWORD,), ()], ids=repr)
def test_a_package_key_is_built_only_by_derive_which_checks_the_password(
    args: tuple[Any, ...],
) -> None:
    with pytest.raises(InvalidInput) as caught:
        PackageKey(*args)
    assert caught.value.codes == {"USE_DERIVE"}
    assert PASSWORD not in str(caught.value)
    with pytest.raises(InvalidInput) as caught:
        PackageKey.derive(None)  # type: ignore[arg-type]
    assert caught.value.codes == {"WRONG_TYPE"}


def test_opening_a_package_neither_imports_nor_patches_py7zr() -> None:
    """The library decodes with its own reader: py7zr is the tests' independent reader."""
    program = (
        "import sys\n"
        "from protocol_share.package._package import open_package\n"
        "received = open_package(bytes.fromhex(sys.argv[1]), password=sys.argv[2])\n"
        "assert 'py7zr' not in sys.modules, 'py7zr imported'\n"
        "print(received.referral_id)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program, PACKAGE.archive.hex(), PASSWORD],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout.strip()) == (0, "r-2024-0001"), done.stderr
    open_package(PACKAGE.archive, password=KEY)
    assert vars(py7zr.compressor)["calculate_key"] is py7zr.helpers.calculate_key


def test_py7zr_used_directly_still_writes_and_reads_encrypted_archives() -> None:
    open_package(PACKAGE.archive, password=KEY)
    buffer = io.BytesIO()
    with py7zr.SevenZipFile(buffer, "w", password="another user", header_encryption=True) as z:
        z.writestr(b"their data", "theirs.txt")
    factory = py7zr.io.BytesIOFactory(1 << 20)
    with py7zr.SevenZipFile(io.BytesIO(buffer.getvalue()), password="another user") as z:
        z.extractall(factory=factory)
    assert factory.products["theirs.txt"].read() == b"their data"


# -- passwords ------------------------------------------------------------------------


def test_generated_passwords_carry_at_least_128_bits_without_ambiguous_characters() -> None:
    passwords = {generate_password() for _ in range(500)}
    assert len(passwords) == 500
    for password in passwords:
        groups = password.split("-")
        assert [len(group) for group in groups] == [5] * 5
        assert set("".join(groups)) <= set(PASSWORD_ALPHABET)
        check_password(password)
    assert not set(PASSWORD_ALPHABET) & set("0Oo1lIi")
    assert len(set(PASSWORD_ALPHABET)) == len(PASSWORD_ALPHABET) == 55
    assert 25 * math.log2(len(PASSWORD_ALPHABET)) >= 128


@pytest.mark.parametrize(
    ("password", "codes"),
    [
        ("Kort-12", {"PASSWORD_TOO_SHORT"}),
        ("uitsluitendkleineletters", {"PASSWORD_ONE_CHARACTER_CLASS"}),
        ("123456789012345", {"PASSWORD_ONE_CHARACTER_CLASS"}),
        ("aaaaaaaaAAAAAAAA", {"PASSWORD_REPETITIVE"}),
        ("aaaa", {"PASSWORD_TOO_SHORT", "PASSWORD_ONE_CHARACTER_CLASS", "PASSWORD_REPETITIVE"}),
    ],
)
def test_obviously_weak_passwords_are_refused_naming_codes_not_the_password(
    password: str, codes: set[str]
) -> None:
    with pytest.raises(InvalidInput) as caught:
        pack(referral(), password=password, at=AT)
    assert caught.value.codes == codes
    assert password not in str(caught.value)


@pytest.mark.parametrize(
    "password", ["correct horse battery staple", NON_ASCII_PASSWORD, NON_BMP_PASSWORD]
)
def test_passphrases_and_passwords_beyond_ascii_are_accepted(password: str) -> None:
    check_password(password)


def test_a_password_key_refuses_empty_long_and_unencodable_passwords() -> None:
    for password, code in [("", "EMPTY"), ("x" * 257, "TOO_LONG"), ("ab\ud800cd", "NOT_ENCODABLE")]:
        with pytest.raises(InvalidInput) as caught:
            PackageKey.derive(password)
        assert caught.value.codes == {code}
    with pytest.raises(InvalidInput):
        PackageKey.derive(b"bytes")  # type: ignore[arg-type]


# -- packing ----------------------------------------------------------------------------


def test_pack_refuses_what_the_decision_refuses_and_packs_nothing() -> None:
    with pytest.raises(ReferralRefused) as caught:
        pack(referral(assessed_appropriate=False), password=KEY, at=AT)
    assert "NOT_ASSESSED" in caught.value.decision.codes
    assert not caught.value.decision.allowed


def test_pack_refuses_a_referral_made_after_the_moment_of_packing() -> None:
    with pytest.raises(ReferralRefused) as caught:
        pack(referral(created_at=AT + timedelta(days=400)), password=KEY, at=AT)
    assert caught.value.decision.codes == {"REFERRAL_AFTER_DECISION"}


def test_pack_refuses_a_naive_time_and_arguments_of_the_wrong_type() -> None:
    with pytest.raises(InvalidInput):
        pack(referral(), password=KEY, at=AT.replace(tzinfo=None))
    with pytest.raises(InvalidInput):
        pack({"referral_id": "x"}, password=KEY, at=AT)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        pack(referral(), password=KEY, at=AT, signing_key="key")  # type: ignore[arg-type]


def test_the_archive_holds_exactly_the_document_and_the_text() -> None:
    assert set(members_of(PACKAGE.archive)) == {DOCUMENT_NAME, TEXT_NAME}
    with py7zr.SevenZipFile(io.BytesIO(PACKAGE.archive), password=PASSWORD) as z:
        assert sorted(z.getnames()) == [DOCUMENT_NAME, TEXT_NAME]
        assert z.needs_password()


def test_the_document_holds_the_client_ids_dates_and_team_and_nothing_else() -> None:
    document = json.loads(members_of(PACKAGE.archive)[DOCUMENT_NAME])
    assert document == {
        "schema": "protocol-share/verwijzing",
        "schema_version": 1,
        "referral_id": "r-2024-0001",
        "created_at": "2024-05-02T09:00:00Z",
        "sent_at": "2024-05-02T10:00:00Z",
        "consent": {"consent_id": "c-2024-0001", "given_at": "2024-05-02T08:00:00Z"},
        "sender": {"team": TORHOUT.team},
        "client": json.loads(CLIENT.model_dump_json(exclude_none=True)),
    }
    assert set(document["client"]) <= set(type(CLIENT).model_fields)


def test_the_text_is_dutch_and_readable_on_a_desktop() -> None:
    text = members_of(PACKAGE.archive)[TEXT_NAME].decode("utf-8")
    assert text.startswith("Verwijzing naar OCMW Torhout\r\n")
    assert "\n" not in text.replace("\r\n", "")
    for expected in [
        "Ségolène",
        "D'Hondt-Van den Bossche",
        "Aartrijkestraat 11 bus B",
        "8820 Torhout",
        "0470 12 34 56",  # as it is dialled, not E.164
        "segolene@example.be",
        "2 mei 2024 om 12:00",  # Europe/Brussels
        "Toestemming:",
        TORHOUT.team,
    ]:
        assert expected in text


def test_names_sizes_and_content_are_hidden_in_the_archive_bytes() -> None:
    archive = PACKAGE.archive
    for hidden in [b"verwijzing", utf16("verwijzing"), utf16("json"), b"r-2024-0001"]:
        assert hidden not in archive
    for value in PERSONAL_VALUES:
        assert value.encode() not in archive
        assert utf16(value) not in archive
    layout, _ = sz.read_layout(archive)
    assert layout.header_encoded
    assert [coder.method for coder in sz.header_coders(layout)] == [sz.AES]


def test_members_carry_the_sending_time_and_owner_only_attributes() -> None:
    header = decoded_header(PACKAGE.archive)
    filetime = 116_444_736_000_000_000 + int(AT.timestamp()) * 10_000_000
    assert header.count(struct.pack("<Q", filetime)) == 2
    assert header.count(OUR_ATTRIBUTES) == 2


def test_two_packages_of_the_same_referral_differ_only_in_their_ivs() -> None:
    again = pack(referral(), password=KEY, at=AT)
    assert again.archive != PACKAGE.archive
    assert len(again.archive) == len(PACKAGE.archive)
    assert members_of(again.archive) == members_of(PACKAGE.archive)


def test_the_email_goes_to_the_protocol_mailbox_only_and_names_no_personal_data() -> None:
    message = PACKAGE.message
    assert message["To"] == TORHOUT.mailbox
    assert message.get_all("Cc") is None
    assert message.get_all("Bcc") is None
    assert message["From"] is None  # set by the host's mail system
    body = message.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    attachments = list(message.iter_attachments())
    assert len(attachments) == 1
    attachment = attachments[0]
    assert attachment.get_content_type() == "application/x-7z-compressed"
    assert attachment.get_filename() == PACKAGE.filename
    assert attachment.get_content() == PACKAGE.archive
    visible = "\n".join([str(message["Subject"]), text, PACKAGE.filename])
    for secret in [*PERSONAL_VALUES, "r-2024-0001", "c-2024-0001", "kg-torhout-017"]:
        assert secret not in visible
    assert "ander kanaal" in text
    assert "wachtwoord" in text
    assert PASSWORD not in message.as_string()


@given(client=client_data())
@settings(max_examples=40, deadline=None)
def test_no_generated_client_value_reaches_the_subject_body_or_file_name(
    client: ClientData,
) -> None:
    package = pack(referral(client=client), password=KEY, at=AT)
    body = package.message.get_body(("plain",))
    assert body is not None
    visible = "\n".join([str(package.message["Subject"]), body.get_content(), package.filename])
    address = client.address
    # the municipality and postcode are the OCMW's own, named in the body as the recipient
    values = [client.first_name, client.last_name, address.street, client.phone, client.email]
    for value in values:
        if value is not None and len(value) >= 4:
            assert value not in visible


def test_the_file_name_is_the_date_and_a_digest_of_the_archive() -> None:
    digest = hashlib.sha256(PACKAGE.archive).hexdigest()[:8]
    assert PACKAGE.filename == f"verwijzing-20240502-{digest}.7z"
    assert "archive" not in repr(PACKAGE)
    assert repr(PACKAGE) == f"Package(filename='{PACKAGE.filename}')"
    assert isinstance(PACKAGE, Package)


# -- opening ----------------------------------------------------------------------------


def test_a_package_opens_to_the_referral_it_was_packed_from() -> None:
    received = open_package(PACKAGE.archive, password=PASSWORD)
    assert received == ReceivedReferral(
        referral_id="r-2024-0001",
        client=CLIENT,
        consent_id="c-2024-0001",
        consent_given_at=AT - timedelta(hours=2),
        created_at=AT - timedelta(hours=1),
        sent_at=AT,
        sender_team=TORHOUT.team,
        schema_version=1,
        signed_by=None,
    )
    for value in PERSONAL_VALUES:
        assert value not in repr(received)


@given(password=st.text(min_size=12, max_size=40).filter(lambda p: "\x00" not in p))
@example(password=NON_BMP_PASSWORD)
@example(password=NON_ASCII_PASSWORD)
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_acceptable_password_round_trips(password: str) -> None:
    try:
        check_password(password)
        key = PackageKey.derive(password)
    except InvalidInput:
        assume(False)
        return
    package = pack(referral(), password=key, at=AT)
    assert open_package(package.archive, password=key).client == CLIENT
    assert open_package(package.archive, password=password).referral_id == "r-2024-0001"


def test_a_batch_under_one_key_opens_with_the_same_key() -> None:
    packages = [pack(referral(referral_id=f"r-{n}"), password=KEY, at=AT) for n in range(5)]
    assert [open_package(p.archive, password=KEY).referral_id for p in packages] == [
        f"r-{n}" for n in range(5)
    ]
    assert len({p.filename for p in packages}) == 5


def test_open_refuses_arguments_of_the_wrong_type() -> None:
    for kwargs in [
        {"archive": "text"},
        {"archive": PACKAGE.archive, "max_archive_size": 0},
        {"archive": PACKAGE.archive, "max_content_size": True},
        {"archive": PACKAGE.archive, "verify_with": "key"},
        {"archive": PACKAGE.archive, "protocol": "torhout"},
    ]:
        with pytest.raises(InvalidInput):
            open_package(password=KEY, **kwargs)  # type: ignore[arg-type]


# -- the hostile corpus ------------------------------------------------------------------


def test_empty_input_is_refused_as_corrupt() -> None:
    refused_as(CorruptPackage, b"")


@given(st.binary(max_size=2048))
@example(b"7z\xbc\xaf\x27\x1c")
@example(b"PK\x03\x04" + bytes(60))
@settings(max_examples=300)
def test_random_bytes_are_refused_as_corrupt(data: bytes) -> None:
    refused_as(CorruptPackage, data)


def test_every_truncation_is_refused_as_corrupt() -> None:
    archive = PACKAGE.archive
    for length in range(len(archive)):
        refused_as(CorruptPackage, archive[:length])


@given(position=st.integers(0, len(PACKAGE.archive) - 1), bit=st.integers(0, 7))
@settings(max_examples=400, deadline=None)
def test_a_flipped_bit_is_refused_with_a_package_error_or_changes_nothing(
    position: int, bit: int
) -> None:
    damaged = bytearray(PACKAGE.archive)
    damaged[position] ^= 1 << bit
    outcome = _outcome(bytes(damaged))
    if isinstance(outcome, PackageError):
        assert type(outcome) in {CorruptPackage, WrongPassword, PackageTooLarge, UnexpectedContent}
        assert outcome.__cause__ is None
        assert outcome.__context__ is None
        for value in PERSONAL_VALUES:
            assert value not in str(outcome)
    else:  # 7z has no MAC: a flip only CRC32 cannot see (the version byte) must change nothing
        assert outcome == open_package(PACKAGE.archive, password=KEY)


def _outcome(archive: bytes) -> ReceivedReferral | PackageError:
    try:
        return open_package(archive, password=KEY)
    except PackageError as error:
        return error


@given(
    edits=st.lists(
        st.tuples(st.integers(0, len(PACKAGE.archive) - 1), st.binary(min_size=0, max_size=8)),
        min_size=1,
        max_size=4,
    )
)
@settings(max_examples=200, deadline=None)
def test_any_splice_is_refused_with_a_package_error_never_an_untyped_one(
    edits: list[tuple[int, bytes]],
) -> None:
    damaged = PACKAGE.archive
    for position, replacement in edits:
        damaged = damaged[:position] + replacement + damaged[position + len(replacement) // 2 + 1 :]
    assume(damaged != PACKAGE.archive)
    outcome = _outcome(damaged)
    assert isinstance(outcome, PackageError | ReceivedReferral)


HEADER = decoded_header(PACKAGE.archive)


@given(
    edits=st.lists(
        st.tuples(st.integers(0, len(HEADER) - 1), st.binary(max_size=6), st.integers(0, 3)),
        min_size=1,
        max_size=3,
    )
)
@settings(max_examples=300, deadline=None)
def test_a_header_forged_with_the_password_is_refused_with_a_package_error(
    edits: list[tuple[int, bytes, int]],
) -> None:
    """A sender who knows the password controls the whole header; its CRC is right."""

    def edit(header: bytes) -> bytes:
        for position, replacement, removed in edits:
            header = header[:position] + replacement + header[position + removed :]
        return header

    forged = reheader(PACKAGE.archive, edit)
    outcome = _outcome(forged)
    assert isinstance(outcome, PackageError | ReceivedReferral)
    if isinstance(outcome, ReceivedReferral):
        assert outcome.client == CLIENT


def test_a_wrong_password_is_refused_as_wrong_password() -> None:
    error = refused_as(WrongPassword, PACKAGE.archive, password="Een-ander-wachtwoord-7")
    assert "password" in str(error)


def test_an_archive_without_any_encryption_is_refused_as_not_encrypted() -> None:
    buffer = io.BytesIO()
    with py7zr.SevenZipFile(buffer, "w") as z:
        z.writestr(b"{}", DOCUMENT_NAME)
        z.writestr(b"tekst", TEXT_NAME)
    refused_as(NotEncrypted, buffer.getvalue())


def test_an_archive_with_its_header_in_clear_is_refused_as_headers_not_encrypted() -> None:
    buffer = io.BytesIO()
    with py7zr.SevenZipFile(buffer, "w", password=PASSWORD) as z:
        z.writestr(b"{}", DOCUMENT_NAME)
        z.writestr(b"tekst", TEXT_NAME)
    error = refused_as(HeadersNotEncrypted, buffer.getvalue())
    assert isinstance(error, NotEncrypted)


def test_an_encrypted_header_over_clear_content_is_refused_as_not_encrypted() -> None:
    buffer = io.BytesIO()
    filters = [{"id": py7zr.FILTER_LZMA2, "preset": 1}]
    with py7zr.SevenZipFile(
        buffer, "w", password=PASSWORD, header_encryption=True, filters=filters
    ) as z:
        z.writestr(b"{}", DOCUMENT_NAME)
        z.writestr(b"tekst", TEXT_NAME)
    refused_as(NotEncrypted, buffer.getvalue())


def test_an_archive_over_the_size_limit_is_refused_before_reading_it() -> None:
    refused_as(PackageTooLarge, PACKAGE.archive + bytes(1024 * 1024))
    refused_as(PackageTooLarge, PACKAGE.archive, max_archive_size=len(PACKAGE.archive) - 1)
    assert open_package(PACKAGE.archive, password=KEY, max_archive_size=len(PACKAGE.archive))


def test_a_bomb_is_refused_by_its_declared_size_before_decompression() -> None:
    bomb = sealed({DOCUMENT_NAME: bytes(64 * 1024 * 1024), TEXT_NAME: b"tekst"})
    assert len(bomb) < 64 * 1024  # 64 MiB of zeros in a few kilobytes
    error = refused_as(PackageTooLarge, bomb)
    assert "declared" in str(error)


def test_content_over_the_callers_limit_is_refused() -> None:
    size = sum(len(data) for data in members_of(PACKAGE.archive).values())
    refused_as(PackageTooLarge, PACKAGE.archive, max_content_size=size - 1)
    assert open_package(PACKAGE.archive, password=KEY, max_content_size=size)


def test_a_member_that_decompresses_past_its_declared_size_is_refused_as_corrupt() -> None:
    # A lying header: the text declares 7 bytes but its stream holds 10 MiB of zeros.
    members = {
        DOCUMENT_NAME: members_of(PACKAGE.archive)[DOCUMENT_NAME],
        TEXT_NAME: bytes(10 << 20),
    }
    honest = sealed(members)
    document_size = len(members[DOCUMENT_NAME])
    folder_size = document_size + (10 << 20)
    size_bytes = sz.encode_number(folder_size)
    lying = reheader(honest, replace_once(size_bytes, sz.encode_number(document_size + 7)))
    refused_as(CorruptPackage, lying)


def test_a_member_with_a_path_is_refused_as_unexpected_content() -> None:
    for name in ["../wijzing.txt", "/erwijzing.txt", "..\\ijzing.txt", "a/verwijzing.txt"]:
        forged = sealed({DOCUMENT_NAME: b"{}", name: b"tekst"})
        error = refused_as(UnexpectedContent, forged)
        assert "path" in str(error) or "other than" in str(error)


def test_a_link_is_refused_as_unexpected_content() -> None:
    symlink = struct.pack("<I", 0x20 | 0x8000 | (0o120777 << 16))
    forged = reheader(PACKAGE.archive, _second(OUR_ATTRIBUTES, symlink))
    assert "link" in str(refused_as(UnexpectedContent, forged))
    reparse = struct.pack("<I", 0x20 | 0x400)
    forged = reheader(PACKAGE.archive, _second(OUR_ATTRIBUTES, reparse))
    assert "link" in str(refused_as(UnexpectedContent, forged))


def test_a_link_written_by_py7zr_is_refused_as_unexpected_content(tmp_path: Path) -> None:
    (tmp_path / DOCUMENT_NAME).write_bytes(b"{}")
    (tmp_path / TEXT_NAME).symlink_to("/etc/passwd")
    buffer = io.BytesIO()
    with py7zr.SevenZipFile(buffer, "w", password=PASSWORD, header_encryption=True) as z:
        z.write(tmp_path / DOCUMENT_NAME, DOCUMENT_NAME)
        z.write(tmp_path / TEXT_NAME, TEXT_NAME)
    assert "link" in str(refused_as(UnexpectedContent, buffer.getvalue()))


def test_a_directory_is_refused_as_unexpected_content(tmp_path: Path) -> None:
    directory = struct.pack("<I", 0x10 | 0x8000 | (0o040700 << 16))
    forged = reheader(PACKAGE.archive, _second(OUR_ATTRIBUTES, directory))
    assert "directory" in str(refused_as(UnexpectedContent, forged))
    (tmp_path / "map").mkdir()
    (tmp_path / DOCUMENT_NAME).write_bytes(b"{}")
    (tmp_path / TEXT_NAME).write_bytes(b"tekst")
    buffer = io.BytesIO()
    with py7zr.SevenZipFile(buffer, "w", password=PASSWORD, header_encryption=True) as z:
        z.write(tmp_path / DOCUMENT_NAME, DOCUMENT_NAME)
        z.write(tmp_path / TEXT_NAME, TEXT_NAME)
        z.write(tmp_path / "map", "map")
    refused_as(UnexpectedContent, buffer.getvalue())


def test_an_extra_a_repeated_or_a_missing_member_is_refused_as_unexpected_content() -> None:
    document = members_of(PACKAGE.archive)[DOCUMENT_NAME]
    extra = sealed({DOCUMENT_NAME: document, TEXT_NAME: b"tekst", "extra.txt": b"meer"})
    assert "other than" in str(refused_as(UnexpectedContent, extra))
    missing = sealed({DOCUMENT_NAME: document})
    assert "missing" in str(refused_as(UnexpectedContent, missing))
    repeated = reheader(
        sealed({DOCUMENT_NAME: document, "verwijzing.jsoX": b"{}"}),
        replace_once(utf16("verwijzing.jsoX"), utf16(DOCUMENT_NAME)),
    )
    assert "twice" in str(refused_as(UnexpectedContent, repeated))


def test_more_members_than_any_package_holds_are_refused_as_unexpected_content() -> None:
    many = {f"m{n}.txt": b"x" for n in range(70)}
    refused_as(UnexpectedContent, sealed(many))


def test_a_decoder_asking_for_too_much_memory_is_refused_as_too_large() -> None:
    header = decoded_header(PACKAGE.archive)
    lzma2 = b"\x21\x21\x01"  # flags, method id, property size
    position = header.index(lzma2) + len(lzma2)
    forged = reheader(PACKAGE.archive, lambda h: h[:position] + b"\x28" + h[position + 1 :])
    assert "memory" in str(refused_as(PackageTooLarge, forged))


def test_a_key_derivation_other_than_seven_zips_is_refused_as_corrupt() -> None:
    header = decoded_header(PACKAGE.archive)
    layout, _ = sz.read_layout(PACKAGE.archive)
    assert layout.header_streams is not None
    packed = PACKAGE.archive[32 : 32 + layout.header_streams.pack_pos]
    for cycles in (18, 24, 0x3F):
        forged = sz.assemble(packed, header, key=bytes(32), cycles=cycles, iv=bytes(16))
        assert "key derivation" in str(refused_as(CorruptPackage, forged))


def test_an_archive_asking_for_a_second_key_derivation_is_refused_as_corrupt() -> None:
    # the content's AES coder given a one-byte salt: a second 2**19-round derivation
    aes = b"\x24" + sz.AES
    salted = reheader(
        PACKAGE.archive, replace_once(aes + b"\x12\x53\x0f", aes + b"\x13\xd3\x0f\x01")
    )
    assert "more than one key derivation" in str(refused_as(CorruptPackage, salted))


def test_a_document_with_an_extra_field_is_refused_not_stripped() -> None:
    document = json.loads(members_of(PACKAGE.archive)[DOCUMENT_NAME])
    document["client"]["national_number"] = "85.07.30-033.28"
    forged = sealed({DOCUMENT_NAME: json.dumps(document).encode(), TEXT_NAME: b"tekst"})
    error = refused_as(UnexpectedContent, forged)
    assert "client.national_number" in str(error)
    assert "85.07.30" not in str(error)


@pytest.mark.parametrize(
    ("mutate", "needle"),
    [
        (lambda d: d.update(schema_version=2), "schema_version"),
        (lambda d: d.pop("consent"), "consent"),
        (lambda d: d["client"].update(last_name="85073003328"), "FORBIDDEN_IDENTIFIER"),
        (lambda d: d["client"]["address"].update(postcode="88200"), "postcode"),
        (lambda d: d.update(sent_at="2024-05-02T10:00:00"), "sent_at"),
        (lambda d: d.update(notes="eerste contact"), "notes"),
    ],
)
def test_a_document_failing_the_schema_is_refused_naming_fields_not_values(
    mutate: Callable[[dict[str, object]], object], needle: str
) -> None:
    document = json.loads(members_of(PACKAGE.archive)[DOCUMENT_NAME])
    mutate(document)
    forged = sealed({DOCUMENT_NAME: json.dumps(document).encode(), TEXT_NAME: b"tekst"})
    error = refused_as(UnexpectedContent, forged)
    assert needle in str(error)
    assert "85073003328" not in str(error)


@pytest.mark.parametrize(
    "raw",
    [
        b'{"schema": "protocol-share/verwijzing", "schema": "x"}',
        b"\xff\xfe{}",
        b"not json",
        b'{"a": NaN}',
        b"[" * 100_000,
    ],
)
def test_a_document_that_is_not_clean_json_is_refused(raw: bytes) -> None:
    refused_as(UnexpectedContent, sealed({DOCUMENT_NAME: raw, TEXT_NAME: b"tekst"}))


def test_a_text_that_is_not_utf8_is_refused() -> None:
    document = members_of(PACKAGE.archive)[DOCUMENT_NAME]
    refused_as(UnexpectedContent, sealed({DOCUMENT_NAME: document, TEXT_NAME: b"\xff\xfe"}))


def test_a_package_from_another_team_or_with_items_the_protocol_lacks_is_refused() -> None:
    document = json.loads(members_of(PACKAGE.archive)[DOCUMENT_NAME])
    document["sender"]["team"] = "lokaal team Elders"
    forged = sealed({DOCUMENT_NAME: json.dumps(document).encode(), TEXT_NAME: b"tekst"})
    assert "team" in str(refused_as(UnexpectedContent, forged))
    without_email = TORHOUT.model_copy(
        update={"data_items": tuple(s for s in TORHOUT.data_items if s.item != "email")}
    )
    error = refused_as(UnexpectedContent, PACKAGE.archive, protocol=without_email)
    assert "data item" in str(error)


# -- the signed manifest ------------------------------------------------------------------

SIGNER = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
SIGNED = pack(referral(), password=KEY, at=AT, signing_key=SIGNER)


def test_a_signed_package_holds_a_manifest_and_verifies_with_the_senders_key() -> None:
    assert set(members_of(SIGNED.archive)) == {DOCUMENT_NAME, TEXT_NAME, MANIFEST_NAME}
    received = open_package(SIGNED.archive, password=KEY, verify_with=SIGNER.public_key())
    assert received.signed_by == key_id(SIGNER.public_key())
    other = Ed25519PrivateKey.generate().public_key()
    assert open_package(SIGNED.archive, password=KEY, verify_with=(other, SIGNER.public_key()))
    assert open_package(SIGNED.archive, password=KEY).signed_by is None


def test_an_unsigned_package_is_refused_when_a_signature_is_required() -> None:
    error = refused_as(SignatureInvalid, PACKAGE.archive, verify_with=SIGNER.public_key())
    assert "not signed" in str(error)


def test_a_package_signed_by_another_key_is_refused() -> None:
    other = Ed25519PrivateKey.generate()
    package = pack(referral(), password=KEY, at=AT, signing_key=other)
    refused_as(SignatureInvalid, package.archive, verify_with=SIGNER.public_key())


def test_a_package_altered_by_someone_who_knows_the_password_is_refused() -> None:
    members = members_of(SIGNED.archive)
    document = json.loads(members[DOCUMENT_NAME])
    document["client"]["phone"] = "+32470999999"
    altered = {**members, DOCUMENT_NAME: json.dumps(document, indent=2).encode()}
    forged = sealed(altered)
    refused_as(SignatureInvalid, forged, verify_with=SIGNER.public_key())
    refused_as(SignatureInvalid, forged)  # the manifest no longer matches, key or not


def test_a_manifest_with_recomputed_digests_but_no_valid_signature_is_refused() -> None:
    members = members_of(SIGNED.archive)
    manifest = json.loads(members[MANIFEST_NAME])
    document = members[DOCUMENT_NAME].replace(b"0001", b"0002")
    manifest["files"][DOCUMENT_NAME] = hashlib.sha256(document).hexdigest()
    forged = sealed(
        {**members, DOCUMENT_NAME: document, MANIFEST_NAME: json.dumps(manifest).encode()}
    )
    assert "does not verify" in str(
        refused_as(SignatureInvalid, forged, verify_with=SIGNER.public_key())
    )
    malformed = sealed({**members, MANIFEST_NAME: b"{}"})
    refused_as(SignatureInvalid, malformed, verify_with=SIGNER.public_key())


def _second(old: bytes, new: bytes) -> Callable[[bytes], bytes]:
    """Replace the second occurrence of ``old`` (the second member's value) by ``new``."""

    def edit(header: bytes) -> bytes:
        first = header.index(old)
        second = header.index(old, first + 1)
        return header[:second] + new + header[second + len(old) :]

    return edit
