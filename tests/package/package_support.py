"""Shared by the package tests (and the package benchmark): a valid referral, the document and
the received referral for a given client, and tools to forge hostile archives.

The forging tools work on real archives: they decrypt a package's header with the
library's own parser, change bytes in it, and write it back encrypted, so every hostile
archive is one a sender who knows the password could really send.
"""

from __future__ import annotations

import secrets
import struct
import zlib
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from protocol_share import (
    TORHOUT,
    Address,
    ClientData,
    Consent,
    Recipient,
    Referral,
    Sender,
)
from protocol_share.package import _sevenzip as sz
from protocol_share.package._archive import PackageKey, seal
from protocol_share.package._package import ReceivedReferral
from protocol_share.package._payload import (
    DOCUMENT_NAME,
    TEXT_NAME,
    DocumentConsent,
    DocumentSender,
    ReferralDocument,
)
from protocol_share.package._sevenzip import _format as f

AT = datetime(2024, 5, 2, 10, 0, tzinfo=UTC)
PASSWORD = "Vlinder-Kast-42-zonnebloem"
NON_ASCII_PASSWORD = "Gegevensdeling-é-ß-Ω-Ж-ع-2024"
NON_BMP_PASSWORD = "sleutel-😀-𝔘𝔫𝔦𝔠𝔬𝔡𝔢-𠜎-42"

CLIENT = ClientData(
    first_name="Ségolène",
    last_name="D'Hondt-Van den Bossche",
    address=Address(
        street="Aartrijkestraat",
        house_number="11",
        box="B",
        postcode="8820",
        municipality="Torhout",
    ),
    phone="0470 12 34 56",
    email="segolene@example.be",
)
PERSONAL_VALUES = (
    "Ségolène",
    "D'Hondt",
    "Van den Bossche",
    "Aartrijkestraat",
    "470123456",
    "0470 12 34 56",
    "segolene@example.be",
)
"""Values of :data:`CLIENT` that must never appear in an error, subject or file name."""


def referral(**changes: Any) -> Referral:
    """A referral the Torhout protocol allows at :data:`AT`; ``changes`` override fields."""
    consent = Consent(
        consent_id="c-2024-0001",
        given_at=AT - timedelta(hours=2),
        method="verbal",
        information_notice="infofiche-ocmw-v1",
        explained={"data", "recipient", "purpose", "follow_up", "withdrawal"},
        recipient_kbo=TORHOUT.recipient.kbo,
        data_items={"name", "address", "phone", "email"},
        recorded_by="kg-torhout-017",
    )
    fields: dict[str, Any] = {
        "referral_id": "r-2024-0001",
        "client": CLIENT,
        "consent": consent,
        "sender": Sender(member_id="kg-torhout-017", team=TORHOUT.team),
        "recipient": Recipient(organisation_kbo=TORHOUT.recipient.kbo, mailbox=TORHOUT.mailbox),
        "assessed_appropriate": True,
        "created_at": AT - timedelta(hours=1),
    }
    fields.update(changes)
    return Referral(**fields)


def document_for(client: ClientData, *, at: datetime = AT) -> ReferralDocument:
    """``verwijzing.json`` for ``client``: referral ``r-1``, consent ``c-1``, TORHOUT's team,
    every instant ``at``."""
    return ReferralDocument(
        referral_id="r-1",
        created_at=at,
        sent_at=at,
        consent=DocumentConsent(consent_id="c-1", given_at=at),
        sender=DocumentSender(team=TORHOUT.team),
        client=client,
    )


def received_for(client: ClientData, *, at: datetime = AT) -> ReceivedReferral:
    """What ``open_package`` gives for :func:`document_for` of ``client`` (unsigned)."""
    return ReceivedReferral(
        referral_id="r-1",
        client=client,
        consent_id="c-1",
        consent_given_at=at,
        created_at=at,
        sent_at=at,
        sender_team=TORHOUT.team,
        schema_version=1,
    )


def sealed(members: dict[str, bytes], password: str | PackageKey = PASSWORD) -> bytes:
    """Any members in a package-shaped archive (AES-256, header encrypted)."""
    return seal(list(members.items()), PackageKey.of(password), mtime=AT)


KEY = PackageKey.derive(PASSWORD)
"""The key of :data:`PASSWORD`, derived once for the whole test session."""


def decoded_header(archive: bytes, password: str | PackageKey = KEY) -> bytes:
    """The decrypted, decompressed header of an archive the library wrote."""
    key = PackageKey.of(password)
    layout, _ = sz.read_layout(archive)
    return sz.decode_header(archive, layout, lambda p: key.key_for(p.cycles, p.salt))


def reheader(
    archive: bytes, edit: Callable[[bytes], bytes], password: str | PackageKey = KEY
) -> bytes:
    """The archive with its (decrypted) header changed by ``edit``, encrypted again."""
    key = PackageKey.of(password)
    layout, _ = sz.read_layout(archive)
    header = sz.decode_header(archive, layout, lambda p: key.key_for(p.cycles, p.salt))
    sz.parse_header(header, layout)
    assert layout.main is not None
    end = 32 + layout.main.pack_pos + sum(layout.main.pack_sizes)
    return sz.assemble(
        archive[32:end],
        edit(header),
        key=key.key_for(19, b""),
        cycles=19,
        iv=secrets.token_bytes(16),
    )


def replace_once(old: bytes, new: bytes) -> Callable[[bytes], bytes]:
    """An ``edit`` for :func:`reheader` replacing ``old`` (which must occur once) by ``new``."""

    def edit(header: bytes) -> bytes:
        assert header.count(old) == 1, "the bytes to replace must occur exactly once"
        return header.replace(old, new)

    return edit


def utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


OUR_ATTRIBUTES = struct.pack("<I", 0x20 | 0x8000 | (0o100600 << 16))
"""The attributes the library writes for each member (regular file, rw for the owner)."""


def minimal_members(document: bytes) -> dict[str, bytes]:
    return {DOCUMENT_NAME: document, TEXT_NAME: b"tekst\r\n"}


def forged(
    stream: bytes,
    coders: Sequence[tuple[bytes, bytes]],
    sizes: Sequence[int],
    members: Sequence[tuple[str, bytes]] | Sequence[tuple[str, int, int]],
    key: PackageKey = KEY,
) -> bytes:
    """A package-shaped archive whose one folder is AES-256 over ``stream``, then
    ``coders`` (method id, properties) in decoding order, each declaring it writes
    ``sizes[i]`` bytes. ``members`` are (name, content) or, to lie, (name, size, CRC).

    Built as 7-Zip lays it out (coders in decoding order, each reading the one before),
    so that any coder, allowed or not, with any properties, can be put before the decoder.
    """
    listed = [
        (item[0], len(item[1]), zlib.crc32(item[1])) if len(item) == 2 else item for item in members
    ]
    iv = secrets.token_bytes(16)
    aes_key = key.key_for(19, b"")
    padded = stream + bytes(-len(stream) % 16)
    encryptor = Cipher(algorithms.AES(aes_key), modes.CBC(iv)).encryptor()
    packed = encryptor.update(padded) + encryptor.finalize()
    number = f.encode_number
    aes_properties = bytes([19 | 0x40, len(iv) - 1]) + iv
    folder = number(1 + len(coders))
    folder += bytes([0x20 | len(f.AES)]) + f.AES + number(len(aes_properties)) + aes_properties
    for method, properties in coders:
        flags = len(method) | (0x20 if properties else 0)
        folder += bytes([flags]) + method
        if properties:
            folder += number(len(properties)) + properties
    for index in range(1, 1 + len(coders)):
        folder += number(index) + number(index - 1)
    header = bytearray([f.Id.HEADER, f.Id.MAIN_STREAMS, f.Id.PACK_INFO]) + number(0) + number(1)
    header += bytes([f.Id.SIZE]) + number(len(packed)) + bytes([f.Id.END])
    header += bytes([f.Id.UNPACK_INFO, f.Id.FOLDER]) + number(1) + b"\x00" + folder
    header += bytes([f.Id.CODERS_UNPACK_SIZE]) + number(len(stream))
    header += b"".join(number(size) for size in sizes) + bytes([f.Id.END])
    header += bytes([f.Id.SUBSTREAMS, f.Id.NUM_UNPACK_STREAM]) + number(len(listed))
    header += bytes([f.Id.SIZE]) + b"".join(number(size) for _, size, _ in listed[:-1])
    header += bytes([f.Id.CRC, 1]) + b"".join(struct.pack("<I", crc) for _, _, crc in listed)
    header += bytes([f.Id.END, f.Id.END, f.Id.FILES_INFO]) + number(len(listed))
    names = b"\x00" + b"".join(name.encode("utf-16-le") + b"\x00\x00" for name, _, _ in listed)
    header += bytes([f.Id.NAME]) + number(len(names)) + names
    attributes = b"\x01\x00" + OUR_ATTRIBUTES * len(listed)
    header += bytes([f.Id.WIN_ATTRIBUTES]) + number(len(attributes)) + attributes
    header += bytes([f.Id.END, f.Id.END])
    return sz.assemble(packed, bytes(header), key=aes_key, cycles=19, iv=secrets.token_bytes(16))
