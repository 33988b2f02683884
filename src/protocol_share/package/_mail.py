"""The package e-mail, built here and never sent, and read back (A6-1, A6-3).

:func:`package_message` addresses the protocol's mailbox and nobody else, attaches the
archive, and says that the password follows by another channel. Subject, body and
attachment name hold no personal data: no client value, no referral or consent id. The
``From`` header is left to the host's mail system, which knows the sender's address.
Texts come from the catalogues (:mod:`protocol_share._text`): Dutch unless ``lang="en"``.
:func:`archive_from_email` is the inverse, for the OCMW: the archive and its file name out
of a received e-mail, refusing anything odd.

    >>> from datetime import datetime, timezone
    >>> from protocol_share import TORHOUT
    >>> message = package_message(TORHOUT, archive=b"7z...", filename="verwijzing-20240502-0a1b2c3d.7z",
    ...                           at=datetime(2024, 5, 2, 10, tzinfo=timezone.utc))
    >>> message["To"], message["Subject"]
    ('sociaal.huis@torhout.be', 'Beveiligde verwijzing voor OCMW Torhout')
    >>> "ander kanaal" in message.get_body().get_content()
    True
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser
from typing import Final

from protocol_share._model import require_type
from protocol_share._text import Lang, check_lang, long_moment, message
from protocol_share._text._mail import build_message
from protocol_share._time import require_aware
from protocol_share.errors import (
    InvalidInput,
    MailTooLarge,
    MalformedMail,
    NoArchiveAttached,
    NotAnArchive,
    SeveralAttachments,
)
from protocol_share.package._archive import DEFAULT_MAX_ARCHIVE_SIZE
from protocol_share.package._payload import DOCUMENT_NAME, TEXT_NAME
from protocol_share.protocol._protocol import Protocol

__all__ = [
    "ARCHIVE_MIME",
    "DEFAULT_MAX_MAIL_SIZE",
    "MailedArchive",
    "archive_from_email",
    "package_message",
]

ARCHIVE_MIME = ("application", "x-7z-compressed")


def _wrapped(paragraphs: Iterable[str]) -> str:
    return "\n\n".join(
        "\n".join(textwrap.fill(line, 72, break_on_hyphens=False) for line in p.split("\n"))
        for p in paragraphs
    )


def package_message(
    protocol: Protocol, *, archive: bytes, filename: str, at: datetime, lang: Lang = "nl"
) -> EmailMessage:
    """The e-mail for one package, to ``protocol.mailbox`` only (A6-1, A6-3), dated ``at``,
    in ``lang`` (Dutch by default). Its ``Message-ID`` is the file name's stem at the
    sender's domain (``<verwijzing-20240502-0a1b2c3d@...>``): the same package, the same id;
    :func:`archive_from_email` takes the archive back out."""
    protocol = require_type(protocol, Protocol, "protocol")
    at = require_aware(at)
    lang = check_lang(lang)
    recipient = protocol.recipient
    paragraphs = [
        message("package_mail.greeting", lang),
        message(
            "package_mail.attached",
            lang,
            recipient=recipient.name,
            moment=long_moment(at, lang),
            title=protocol.title,
        ),
        message("package_mail.archive", lang, filename=filename),
        message("package_mail.open", lang, text_name=TEXT_NAME, document_name=DOCUMENT_NAME),
        message("package_mail.care", lang, dpo_email=recipient.dpo_email),
        "\n".join([message("mail.regards", lang), protocol.team, protocol.sender.name]),
    ]
    email = build_message(
        to=protocol.mailbox,
        subject=message("package_mail.subject", lang, recipient=recipient.name),
        body=_wrapped(paragraphs) + "\n",
        sent_at=at,
        lang=lang,
        msgid=filename.removesuffix(".7z"),
        msgid_party=protocol.sender,
    )
    email.add_attachment(
        archive, maintype=ARCHIVE_MIME[0], subtype=ARCHIVE_MIME[1], filename=filename
    )
    return email


# --- the inverse: the archive out of a received package e-mail -------------------------------

DEFAULT_MAX_MAIL_SIZE: Final = 2 * 1024 * 1024
"""The largest received package e-mail read by default: a 1 MiB archive in base64, with room
for the text and the headers (A6-2: sizes first, then the work)."""

_MAX_PARTS: Final = 32
_MAX_DEPTH: Final = 8
_SEVEN_ZIP_SIGNATURE: Final = b"7z\xbc\xaf\x27\x1c"
_ARCHIVE_TYPES: Final = frozenset({"application/x-7z-compressed", "application/octet-stream"})
_ARCHIVE_NAME: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.7z")


@dataclass(frozen=True, slots=True)
class MailedArchive:
    """The archive a package e-mail carried (A6-1, A6-3): its bytes and its file name.

    The name is the attachment's, checked to be a plain ``.7z`` file name (letters, digits,
    ``.``, ``_``, ``-``; no path); the repr shows the name and the size, not the bytes.
    """

    archive: bytes = field(repr=False)
    filename: str

    @property
    def size(self) -> int:
        """The archive's size in bytes."""
        return len(self.archive)


def archive_from_email(
    mail: Message | bytes,
    *,
    max_mail_size: int = DEFAULT_MAX_MAIL_SIZE,
    max_archive_size: int = DEFAULT_MAX_ARCHIVE_SIZE,
) -> MailedArchive:
    """The ``.7z`` archive out of a received package e-mail (A6-1, A6-3), the inverse of the
    e-mail :func:`~protocol_share.pack` builds; pure, nothing is read or written.

    ``mail`` is the parsed message (:class:`email.message.EmailMessage`, or any
    :class:`email.message.Message`) or the raw bytes of an ``.eml`` file. Exactly one attachment must be there, and it must be a 7z archive: of
    type ``application/x-7z-compressed`` (or ``application/octet-stream``, as some mail
    gateways relabel it), with a plain ``.7z`` file name, starting with the 7z signature.
    The text parts of the message are not attachments; any other part is. Raises a
    :class:`~protocol_share.errors.MailRefused` subclass, whose message names no value from
    the e-mail:

    - :class:`~protocol_share.errors.NoArchiveAttached` (``NO_ATTACHMENT``);
    - :class:`~protocol_share.errors.SeveralAttachments` (``SEVERAL_ATTACHMENTS``);
    - :class:`~protocol_share.errors.NotAnArchive` (``NOT_AN_ARCHIVE``): another type, a file
      name that is not a plain ``.7z`` name, or content that is not a 7z archive;
    - :class:`~protocol_share.errors.MailTooLarge` (``TOO_LARGE``, also a
      :class:`~protocol_share.errors.PackageTooLarge`): the raw mail over ``max_mail_size``,
      the attachment over ``max_archive_size`` (checked on its encoded size before decoding),
      or more than 32 parts or 8 levels of nesting;
    - :class:`~protocol_share.errors.MalformedMail` (``MALFORMED_MAIL``, also a
      :class:`~protocol_share.errors.CorruptPackage`): not an e-mail, or an attachment whose
      encoding is broken.

    Arguments of the wrong type raise :class:`~protocol_share.errors.InvalidInput`.

        >>> from datetime import datetime, timezone
        >>> from protocol_share import TORHOUT
        >>> sent = package_message(TORHOUT, archive=b"7z\\xbc\\xaf\\x27\\x1c...",
        ...                        filename="verwijzing-20240502-0a1b2c3d.7z",
        ...                        at=datetime(2024, 5, 2, 10, tzinfo=timezone.utc))
        >>> received = archive_from_email(sent.as_bytes())
        >>> received
        MailedArchive(filename='verwijzing-20240502-0a1b2c3d.7z')
        >>> received.archive[:2]
        b'7z'
    """
    max_mail_size = _limit(max_mail_size, "max_mail_size")
    max_archive_size = _limit(max_archive_size, "max_archive_size")
    if isinstance(mail, bytes | bytearray | memoryview):
        raw = bytes(mail)
        if len(raw) > max_mail_size:
            raise MailTooLarge("the e-mail is larger than max_mail_size")
        message = _parse(raw)
    elif isinstance(mail, Message):
        message = mail
    else:
        raise InvalidInput.single(
            "arguments", "mail", "WRONG_TYPE", "must be an EmailMessage or the bytes of an .eml"
        )
    attachments = _attachments(message)
    if not attachments:
        raise NoArchiveAttached("the e-mail has no attachment")
    if len(attachments) > 1:
        raise SeveralAttachments(f"the e-mail has {len(attachments)} attachments, not one")
    return _archive(attachments[0], max_archive_size)


def _limit(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidInput.single("arguments", name, "INVALID_LIMIT", "must be a positive int")
    return value


def _parse(raw: bytes) -> Message:
    # The parser recurses into every multipart and message/* part: count the places that
    # can open one before parsing, so that nesting is bounded before it is walked.
    lowered = raw.lower()
    if lowered.count(b"boundary") + lowered.count(b"message/") > _MAX_PARTS:
        raise MailTooLarge("the e-mail has too many parts, or parts nested too deep")
    try:
        return BytesParser(policy=policy.default).parsebytes(raw)
    except (RecursionError, ValueError, LookupError, TypeError, IndexError):
        pass  # raised below, outside the except block: no parser error rides along
    raise MalformedMail("the e-mail cannot be read")


def _attachments(message: Message) -> list[Message]:
    # Walk the MIME tree without recursion, bounded in parts and depth before any decoding.
    found: list[Message] = []
    stack: list[tuple[Message, int]] = [(message, 0)]
    parts = 0
    while stack:
        part, depth = stack.pop()
        parts += 1
        if parts > _MAX_PARTS or depth > _MAX_DEPTH:
            raise MailTooLarge("the e-mail has too many parts, or parts nested too deep")
        if part.is_multipart():
            children = part.get_payload()
            if not isinstance(children, list) or not all(
                isinstance(child, Message) for child in children
            ):
                raise MalformedMail("a multipart part of the e-mail holds no parts")
            stack.extend(
                (child, depth + 1) for child in reversed(children) if isinstance(child, Message)
            )
        elif _is_attachment(part):
            found.append(part)
    return found


def _is_attachment(part: Message) -> bool:
    # The text of the message is not an attachment; a named part, or anything not text, is.
    if part.get_filename() is not None or part.get_content_disposition() == "attachment":
        return True
    return part.get_content_maintype() != "text"


def _archive(part: Message, max_archive_size: int) -> MailedArchive:
    if part.get_content_type() not in _ARCHIVE_TYPES:
        raise NotAnArchive("the attachment is not of a 7z archive's type")
    filename = part.get_filename()
    if not isinstance(filename, str) or not _ARCHIVE_NAME.fullmatch(filename):
        raise NotAnArchive("the attachment's name is not a plain .7z file name")
    encoded = part.get_payload()
    if not isinstance(encoded, str):
        raise MalformedMail("the attachment holds no data")
    # base64 grows data by 4/3; quoted-printable by at most 3: bound before decoding.
    if len(encoded) > max_archive_size * 3 + 1024:
        raise MailTooLarge("the attachment is larger than max_archive_size")
    try:
        data = part.get_payload(decode=True)
        broken = False
    except (ValueError, TypeError, LookupError):
        broken = True
    if broken:
        raise MalformedMail("the attachment's encoding is broken")
    if not isinstance(data, bytes) or part.defects:
        # Python's decoder hands back the encoded text, with a defect noted, when the
        # base64 is broken: any defect of the attachment is a refusal.
        raise MalformedMail("the attachment's encoding is broken")
    if len(data) > max_archive_size:
        raise MailTooLarge("the attachment is larger than max_archive_size")
    if not data.startswith(_SEVEN_ZIP_SIGNATURE):
        raise NotAnArchive("the attachment is not a 7z archive")
    return MailedArchive(archive=data, filename=filename)
