"""The package e-mail both ways (A6-1, A6-3): built with a Message-ID and a Date, and the
archive taken back out of a received e-mail, refusing anything odd with its own error."""

from __future__ import annotations

import email
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from protocol_share import (
    TORHOUT,
    CorruptPackage,
    InvalidInput,
    MailRefused,
    MailTooLarge,
    MalformedMail,
    NoArchiveAttached,
    NotAnArchive,
    PackageError,
    PackageTooLarge,
    SeveralAttachments,
    archive_from_email,
    open_package,
    pack,
)
from protocol_share.package import MailedArchive
from protocol_share.package._mail import DEFAULT_MAX_MAIL_SIZE, package_message
from tests.package.package_support import AT, PASSWORD, PERSONAL_VALUES, referral

SIGNATURE = b"7z\xbc\xaf\x27\x1c"
NAME = "verwijzing-20240502-0a1b2c3d.7z"


def mail(archive: bytes = SIGNATURE + b"\x00" * 64, filename: str = NAME) -> EmailMessage:
    return package_message(TORHOUT, archive=archive, filename=filename, at=AT)


def test_a_packed_referral_comes_back_out_of_its_email_and_opens() -> None:
    package = pack(referral(), password=PASSWORD, at=AT)
    for received in (package.message, package.message.as_bytes()):
        out = archive_from_email(received)
        assert out == MailedArchive(archive=package.archive, filename=package.filename)
    opened = open_package(out.archive, password=PASSWORD)
    assert opened.referral_id == "r-2024-0001"


def test_an_eml_read_by_another_parser_gives_the_same_archive() -> None:
    package = pack(referral(), password=PASSWORD, at=AT)
    raw = package.message.as_bytes()
    legacy = email.message_from_bytes(raw)  # compat32: a Message, not an EmailMessage
    assert archive_from_email(legacy).archive == package.archive
    crlf = raw.replace(b"\n", b"\r\n")
    assert archive_from_email(crlf).archive == package.archive


@given(st.binary(max_size=2048), st.from_regex(r"[a-z][a-z0-9_-]{0,20}\.7z", fullmatch=True))
def test_extraction_inverts_the_mail_builder(tail: bytes, filename: str) -> None:
    archive = SIGNATURE + tail
    out = archive_from_email(mail(archive, filename).as_bytes())
    assert (out.archive, out.filename) == (archive, filename)


def test_package_emails_carry_a_message_id_and_a_date() -> None:
    package = pack(referral(), password=PASSWORD, at=AT)
    message = package.message
    assert parsedate_to_datetime(message["Date"]) == AT
    stem = package.filename.removesuffix(".7z")
    assert message["Message-ID"] == f"<{stem}@{TORHOUT.sender.dpo_email.rpartition('@')[2]}>"
    again = pack(referral(), password=PASSWORD, at=AT)
    assert (again.message["Message-ID"] == message["Message-ID"]) == (
        again.archive == package.archive
    )


def without_attachment() -> EmailMessage:
    message = EmailMessage()
    message["To"] = TORHOUT.mailbox
    message["Subject"] = "Beveiligde verwijzing"
    message.set_content("Zie bijlage.")
    return message


def with_second_attachment() -> EmailMessage:
    message = mail()
    message.add_attachment(b"\x89PNG...", maintype="image", subtype="png", filename="logo.png")
    return message


def inline_image() -> EmailMessage:
    message = without_attachment()
    message.add_attachment(b"\x89PNG...", maintype="image", subtype="png")
    return message


def zip_instead() -> EmailMessage:
    message = without_attachment()
    message.add_attachment(
        b"PK\x03\x04...", maintype="application", subtype="zip", filename="verwijzing.zip"
    )
    return message


def named_after_the_client() -> EmailMessage:
    return mail(filename="Jan Peeters 85.07.30-033.28.7z")


def path_in_name() -> EmailMessage:
    return mail(filename="../../etc/verwijzing.7z")


def not_7z_content() -> EmailMessage:
    return mail(archive=b"Jan Peeters, Markt 1, 8820 Torhout")


def relabelled() -> EmailMessage:
    message = without_attachment()
    message.add_attachment(
        SIGNATURE + b"data", maintype="application", subtype="octet-stream", filename=NAME
    )
    return message


@pytest.mark.parametrize(
    ("build", "error", "code"),
    [
        (without_attachment, NoArchiveAttached, "NO_ATTACHMENT"),
        (with_second_attachment, SeveralAttachments, "SEVERAL_ATTACHMENTS"),
        (inline_image, NotAnArchive, "NOT_AN_ARCHIVE"),
        (zip_instead, NotAnArchive, "NOT_AN_ARCHIVE"),
        (named_after_the_client, NotAnArchive, "NOT_AN_ARCHIVE"),
        (path_in_name, NotAnArchive, "NOT_AN_ARCHIVE"),
        (not_7z_content, NotAnArchive, "NOT_AN_ARCHIVE"),
    ],
)
def test_each_odd_email_is_refused_with_its_own_error(
    build: Any, error: type[MailRefused], code: str
) -> None:
    for received in (build(), build().as_bytes()):
        with pytest.raises(error) as caught:
            archive_from_email(received)
        assert caught.value.code == code
        assert isinstance(caught.value, MailRefused)
        assert isinstance(caught.value, PackageError)
        for value in (*PERSONAL_VALUES, "Peeters", "85.07.30", "etc", "Markt"):
            assert value not in str(caught.value)


def test_an_octet_stream_relabelled_by_a_gateway_is_accepted() -> None:
    assert archive_from_email(relabelled()).archive == SIGNATURE + b"data"


def test_sizes_are_bounded_before_the_work() -> None:
    big = mail(SIGNATURE + bytes(4000))
    with pytest.raises(MailTooLarge) as caught:
        archive_from_email(big, max_archive_size=1000)
    assert isinstance(caught.value, PackageTooLarge)
    assert caught.value.code == "TOO_LARGE"
    with pytest.raises(MailTooLarge):
        archive_from_email(big.as_bytes(), max_mail_size=1000)
    assert archive_from_email(big, max_archive_size=4006).size == 4006
    with pytest.raises(MailTooLarge):
        archive_from_email(b"x" * (DEFAULT_MAX_MAIL_SIZE + 1))


def nested(depth: int) -> bytes:
    boundary = [f"b{n}" for n in range(depth)]
    head = "".join(f'Content-Type: multipart/mixed; boundary="{b}"\n\n--{b}\n' for b in boundary)
    tail = "".join(f"\n--{b}--\n" for b in reversed(boundary))
    return (
        "To: x@example.be\nMIME-Version: 1.0\n" + head + "Content-Type: text/plain\n\nhoi\n" + tail
    ).encode()


def many_parts(count: int) -> EmailMessage:
    message = without_attachment()
    for n in range(count):
        message.add_attachment(f"deel {n}", filename=None, disposition="inline")
    return message


def test_a_deeply_nested_or_sprawling_email_is_refused_not_walked() -> None:
    with pytest.raises(MailTooLarge):
        archive_from_email(nested(20))
    with pytest.raises(MailTooLarge):
        archive_from_email(nested(3000))
    with pytest.raises(MailTooLarge):
        archive_from_email(many_parts(40))
    with pytest.raises(NoArchiveAttached):
        archive_from_email(nested(3))


def test_broken_base64_is_a_malformed_mail() -> None:
    raw = mail().as_bytes()
    start = raw.index(b"N3q8")  # the base64 of the 7z signature: one character left out
    broken = raw[:start] + b"N3q" + raw[start + 4 :]
    with pytest.raises(MalformedMail) as caught:
        archive_from_email(broken)
    assert isinstance(caught.value, CorruptPackage)


@given(st.binary(max_size=4096))
def test_any_bytes_give_an_archive_or_a_mail_refusal(raw: bytes) -> None:
    try:
        out = archive_from_email(raw)
    except MailRefused:
        return
    assert out.archive.startswith(SIGNATURE)


@pytest.mark.parametrize("value", [None, "Subject: x\n\nhi", 3, ["x"]])
def test_anything_else_is_refused_as_invalid_input(value: Any) -> None:
    with pytest.raises(InvalidInput) as caught:
        archive_from_email(value)
    assert caught.value.codes == {"WRONG_TYPE"}
    with pytest.raises(InvalidInput) as caught:
        archive_from_email(mail(), max_archive_size=0)
    assert caught.value.codes == {"INVALID_LIMIT"}


def test_the_result_shows_the_name_and_size_not_the_bytes() -> None:
    out = archive_from_email(mail(SIGNATURE + b"secret"))
    assert "secret" not in repr(out)
    assert repr(out) == f"MailedArchive(filename='{NAME}')"
    assert out.size == 12
