"""Article 6: the encrypted package, built and opened in memory, 7-Zip compatible.

- :func:`pack` (A6-1, A6-2, A6-3): asks :func:`~protocol_share.decision._check.check_referral`
  first and refuses with :class:`ReferralRefused` when it says no; then writes a 7-Zip
  archive, AES-256 with the header encrypted, holding ``verwijzing.json``,
  ``verwijzing.txt`` and, with a signing key, ``verwijzing.manifest.json``; and the e-mail
  that carries it to the protocol's mailbox, both texts in Dutch unless ``lang="en"``.
- :func:`open_package` (A6-2): opens and validates such an archive, refusing each kind of
  bad package with its own :class:`~protocol_share.errors.PackageError` subclass.
- :func:`generate_password` (A6-2): 25 characters, about 144 bits, none ambiguous.

A :class:`PackageKey` derives the 7-Zip key once; pass it as ``password`` to pack or open
a batch under one password.

    >>> password = generate_password()
    >>> len(password), check_password(password)
    (29, None)
"""

from __future__ import annotations

import hashlib
import math
import secrets
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from typing import ClassVar, Literal

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from protocol_share._model import FrozenModel, require_type
from protocol_share._text import Lang, check_lang
from protocol_share._time import Instant, local_date
from protocol_share.clientdata._fields import ClientData
from protocol_share.decision._check import check_referral
from protocol_share.decision._consent import Identifier
from protocol_share.decision._referral import Referral
from protocol_share.errors import InvalidInput, Problem, ReferralRefused, UnexpectedContent
from protocol_share.package._archive import (
    DEFAULT_MAX_ARCHIVE_SIZE,
    DEFAULT_MAX_CONTENT_SIZE,
    PackageKey,
    check_archive_time,
    seal,
    unseal,
)
from protocol_share.package._mail import package_message
from protocol_share.package._payload import (
    DOCUMENT_NAME,
    TEXT_NAME,
    DocumentConsent,
    DocumentSender,
    ReferralDocument,
    document_json,
    document_text,
    parse_document,
)
from protocol_share.package._signing import MANIFEST_NAME, public_keys, sign, verify
from protocol_share.protocol._protocol import Protocol
from protocol_share.protocol._torhout import TORHOUT

__all__ = [
    "PASSWORD_ALPHABET",
    "PHONE_ALPHABET",
    "Package",
    "PackageKey",
    "ReceivedReferral",
    "check_password",
    "generate_password",
    "open_package",
    "pack",
    "password_entropy",
]

PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # noqa: S105
"""55 characters: no 0/O/o, 1/l/I/i, which are easy to confuse when read out or typed."""
PHONE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
"""31 characters for passwords read out by phone: lower case only, none of 0/o, 1/l/i."""
MIN_PASSWORD_LENGTH = 12

PasswordStyle = Literal["phone", "digits", "mixed"]
# Each style: its alphabet, how many characters are drawn, and the group size between
# hyphens. Each gives at least the strength of "mixed", 25 x log2(55) ~ 144.5 bits.
_STYLES: Mapping[str, tuple[str, int, int]] = {
    "mixed": (PASSWORD_ALPHABET, 25, 5),
    "phone": (PHONE_ALPHABET, 30, 5),
    "digits": ("0123456789", 44, 4),
}


def _style(style: object) -> tuple[str, int, int]:
    if not isinstance(style, str) or style not in _STYLES:
        raise InvalidInput.single(
            "arguments", "style", "UNKNOWN_STYLE", "must be 'phone', 'digits' or 'mixed'"
        )
    return _STYLES[style]


def password_entropy(style: PasswordStyle = "mixed") -> float:
    """The strength in bits of a :func:`generate_password` of ``style`` (A6-2): the number
    of characters drawn times log2 of the alphabet's size (the hyphens add nothing).

        >>> {style: round(password_entropy(style), 1) for style in ("mixed", "phone", "digits")}
        {'mixed': 144.5, 'phone': 148.6, 'digits': 146.2}
    """
    alphabet, count, _ = _style(style)
    return count * math.log2(len(alphabet))


def generate_password(style: PasswordStyle = "mixed") -> str:
    """A fresh package password (A6-2), drawn with :mod:`secrets`, in hyphenated groups that
    are easy to read out over the phone, the other channel it travels by:

    - ``"mixed"`` (the default): five groups of five from :data:`PASSWORD_ALPHABET`
      (upper and lower case, digits): 25 x log2(55) ~ 144.5 bits.
    - ``"phone"``: six groups of five from :data:`PHONE_ALPHABET` (lower case and digits,
      no letter case to spell out): 30 x log2(31) ~ 148.6 bits.
    - ``"digits"``: eleven groups of four digits, read out as numbers: 44 x log2(10) ~
      146.2 bits.

    Every style is at least as strong as ``"mixed"`` (:func:`password_entropy`), and every
    password passes :func:`check_password`. An unknown style raises :class:`InvalidInput`.
    """
    alphabet, count, group = _style(style)
    while True:
        characters = "".join(secrets.choice(alphabet) for _ in range(count))
        password = "-".join(characters[i : i + group] for i in range(0, count, group))
        if len(set(characters)) >= 6:  # as check_password asks; all but never redrawn
            return password


def _character_class(character: str) -> str:
    category = unicodedata.category(character)
    if category == "Ll":
        return "lower"
    if category == "Lu":
        return "upper"
    if category == "Nd":
        return "digit"
    return "other"


def check_password(password: str) -> None:
    """Refuse an obviously weak package password (A6-2); ``None`` when it will do.

    Raises :class:`InvalidInput` with every problem: ``PASSWORD_TOO_SHORT`` (under 12
    characters), ``PASSWORD_ONE_CHARACTER_CLASS`` (only lower case, only upper case, only
    digits or only other characters), ``PASSWORD_REPETITIVE`` (fewer than 6 different
    characters). The messages never hold the password.
    """
    password = require_type(password, str, "password")
    problems = []
    if len(password) < MIN_PASSWORD_LENGTH:
        problems.append(
            Problem(
                "password",
                "PASSWORD_TOO_SHORT",
                f"must be at least {MIN_PASSWORD_LENGTH} characters",
            )
        )
    if len({_character_class(c) for c in password}) < 2:
        problems.append(
            Problem(
                "password",
                "PASSWORD_ONE_CHARACTER_CLASS",
                "must mix character classes (lower case, upper case, digits, others)",
            )
        )
    if len(set(password)) < 6:
        problems.append(
            Problem("password", "PASSWORD_REPETITIVE", "must hold at least 6 different characters")
        )
    if problems:
        raise InvalidInput("arguments", tuple(problems))


@dataclass(frozen=True, slots=True)
class Package:
    """A packed referral (A6-1 to A6-3): the archive, its file name, the e-mail carrying it.

    ``filename`` (``verwijzing-YYYYMMDD-<8 hex of the archive's SHA-256>.7z``) and the
    message's subject and body hold no personal data; the ``repr`` shows neither bytes nor
    message.
    """

    archive: bytes = field(repr=False)
    filename: str
    message: EmailMessage = field(repr=False)


class ReceivedReferral(FrozenModel):
    """A referral as the recipient opened it (A6-2): the client data (A3-1, A3-2), the
    referral and consent ids and dates, the sender's team, and ``signed_by``: the id of the
    trusted key that signed it, or ``None``. ``repr`` masks the client.
    """

    _personal_fields: ClassVar[frozenset[str]] = frozenset({"client"})

    referral_id: Identifier
    client: ClientData
    consent_id: Identifier
    consent_given_at: Instant
    created_at: Instant
    sent_at: Instant
    sender_team: str
    schema_version: int
    signed_by: str | None = None


def _filename(archive: bytes, at: datetime) -> str:
    digest = hashlib.sha256(archive).hexdigest()[:8]
    return f"verwijzing-{local_date(at):%Y%m%d}-{digest}.7z"


def pack(
    referral: Referral,
    protocol: Protocol = TORHOUT,
    *,
    password: str | PackageKey,
    at: datetime,
    signing_key: Ed25519PrivateKey | None = None,
    lang: Lang = "nl",
) -> Package:
    """Pack a referral for the recipient's mailbox (A6-1, A6-2, A6-3), after the decision.

    Raises :class:`ReferralRefused` (with ``.decision``) when
    :func:`~protocol_share.decision._check.check_referral` says no: nothing is packed. Raises
    :class:`InvalidInput` for a weak password (:func:`check_password`), a naive ``at`` or
    arguments of the wrong type, and ``OUT_OF_RANGE`` for an ``at`` before 1601 (7z's
    member times start there). ``at`` is the moment of sending; it becomes ``sent_at``
    and the members' time in the archive. ``lang`` chooses the language of
    ``verwijzing.txt`` and of the e-mail: Dutch (the default, for the Flemish recipient)
    or English; ``verwijzing.json`` is the same either way.
    """
    at = check_archive_time(at)
    lang = check_lang(lang)
    referral = require_type(referral, Referral, "referral")
    protocol = require_type(protocol, Protocol, "protocol")
    check_password(password.password if isinstance(password, PackageKey) else password)
    if signing_key is not None and not isinstance(signing_key, Ed25519PrivateKey):
        raise InvalidInput.single(
            "arguments", "signing_key", "NOT_AN_ED25519_KEY", "must be an Ed25519 private key"
        )
    decision = check_referral(referral, protocol, at=at)
    if not decision.allowed:
        raise ReferralRefused(decision)
    key = PackageKey.of(password)
    document = ReferralDocument(
        referral_id=referral.referral_id,
        created_at=referral.created_at,
        sent_at=at,
        consent=DocumentConsent(
            consent_id=referral.consent.consent_id, given_at=referral.consent.given_at
        ),
        sender=DocumentSender(team=referral.sender.team),
        client=referral.client,
    )
    members = {
        DOCUMENT_NAME: document_json(document),
        TEXT_NAME: document_text(document, protocol, lang=lang),
    }
    if signing_key is not None:
        members[MANIFEST_NAME] = sign(members, signing_key)
    archive = seal(list(members.items()), key, mtime=at)
    filename = _filename(archive, at)
    message = package_message(protocol, archive=archive, filename=filename, at=at, lang=lang)
    return Package(archive=archive, filename=filename, message=message)


def open_package(
    archive: bytes | bytearray | memoryview,
    protocol: Protocol = TORHOUT,
    *,
    password: str | PackageKey,
    verify_with: Ed25519PublicKey | tuple[Ed25519PublicKey, ...] | None = None,
    max_archive_size: int = DEFAULT_MAX_ARCHIVE_SIZE,
    max_content_size: int = DEFAULT_MAX_CONTENT_SIZE,
) -> ReceivedReferral:
    """Open a package in memory and validate it (A6-2, A3-1 to A3-3); no disk is touched.

    ``archive`` is bytes, a bytearray or a memoryview (of a mapped file, say): its size is
    judged before anything is copied or read. Each refusal is its own
    :class:`~protocol_share.errors.PackageError`, with a message that names no personal
    data: :class:`CorruptPackage` (not 7z, truncated, damaged, bytes after the archive),
    :class:`UnsupportedCoder` (a coder outside the decoder's allow-list),
    :class:`NotEncrypted`, :class:`HeadersNotEncrypted`, :class:`WrongPassword`,
    :class:`UnexpectedContent` (other members, paths, links, directories; a document that
    fails the schema, extra fields included; a sender team or data item outside
    ``protocol``), :class:`PackageTooLarge` (over ``max_archive_size`` or, as declared,
    ``max_content_size``), :class:`SignatureInvalid` (with ``verify_with``: unsigned, or
    signed by another key, or altered).
    """
    protocol = require_type(protocol, Protocol, "protocol")
    keys = public_keys(verify_with) if verify_with is not None else ()
    members = unseal(
        archive,
        password,
        names={DOCUMENT_NAME, TEXT_NAME, MANIFEST_NAME},
        required={DOCUMENT_NAME, TEXT_NAME},
        max_archive_size=max_archive_size,
        max_content_size=max_content_size,
    )
    signed_by = verify(members, keys)
    try:
        members[TEXT_NAME].decode("utf-8")
        readable = True
    except UnicodeDecodeError:
        readable = False
    if not readable:
        raise UnexpectedContent(f"{TEXT_NAME} is not UTF-8 text")
    document = parse_document(members[DOCUMENT_NAME])
    if document.sender.team != protocol.team:
        raise UnexpectedContent("the package's sender team is not the protocol's team")
    if not document.client.items <= protocol.allowed_items:
        raise UnexpectedContent("the package holds a data item the protocol does not allow")
    return ReceivedReferral(
        referral_id=document.referral_id,
        client=document.client,
        consent_id=document.consent.consent_id,
        consent_given_at=document.consent.given_at,
        created_at=document.created_at,
        sent_at=document.sent_at,
        sender_team=document.sender.team,
        schema_version=document.schema_version,
        signed_by=signed_by,
    )
