"""Writing what 7-Zip writes for ``7z a -p -mhe=on``, in memory (A6-2).

One solid folder (LZMA2, then AES-256-CBC) and an AES-encrypted header, so names, sizes
and times are hidden. Member times are the caller's, never the clock.
"""

from __future__ import annotations

import lzma
import struct
import zlib
from collections.abc import Sequence
from datetime import datetime

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from protocol_share.package._sevenzip._format import (
    AES,
    AES_BLOCK,
    FILETIME_EPOCH,
    LZMA2,
    S_IFREG,
    SIGNATURE,
    UNIX_EXTENSION,
    Id,
    encode_number,
)

__all__ = ["assemble", "write_archive"]


def _aes_coder(cycles: int, iv: bytes) -> bytes:
    properties = bytes([cycles | 0x40, len(iv) - 1]) + iv
    return b"\x24" + AES + encode_number(len(properties)) + properties


def _encrypt(key: bytes, iv: bytes, plain: bytes) -> bytes:
    padded = plain + bytes(-len(plain) % AES_BLOCK)
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return encryptor.update(padded) + encryptor.finalize()


def _filetime(moment: datetime) -> int:
    return FILETIME_EPOCH + round(moment.timestamp() * 10_000_000)


def _lzma2_dict_property(dict_size: int) -> int:
    for value in range(40):
        if (2 | (value & 1)) << (value // 2 + 11) >= dict_size:
            return value
    return 40


def write_archive(
    members: Sequence[tuple[str, bytes]],
    *,
    key: bytes,
    cycles: int,
    ivs: tuple[bytes, bytes],
    mtime: datetime,
    preset: int = 1,
) -> bytes:
    """A 7z archive as ``7z a -p -mhe=on`` writes it: LZMA2 then AES-256, header encrypted.

    ``key`` is the 7-Zip key for ``cycles`` and an empty salt; ``ivs`` two fresh 16-byte
    IVs (content, header); every member gets ``mtime`` and read/write-for-owner attributes.
    """
    content = b"".join(data for _, data in members)
    dict_size = min(max(4096, 1 << max(len(content) - 1, 1).bit_length()), 1 << 20)
    lzma_filter = {"id": lzma.FILTER_LZMA2, "preset": preset, "dict_size": dict_size}
    compressed = lzma.compress(content, format=lzma.FORMAT_RAW, filters=[lzma_filter])
    packed = _encrypt(key, ivs[0], compressed)
    count = len(members)

    header = bytearray([Id.HEADER, Id.MAIN_STREAMS])
    header += bytes([Id.PACK_INFO]) + encode_number(0) + encode_number(1) + bytes([Id.SIZE])
    header += encode_number(len(packed)) + bytes([Id.END])
    header += bytes([Id.UNPACK_INFO, Id.FOLDER]) + encode_number(1) + b"\x00"
    header += encode_number(2) + _aes_coder(cycles, ivs[0])
    header += b"\x21" + LZMA2 + encode_number(1) + bytes([_lzma2_dict_property(dict_size)])
    header += encode_number(1) + encode_number(0)  # bind pair: LZMA2 reads what AES writes
    header += (
        bytes([Id.CODERS_UNPACK_SIZE])
        + encode_number(len(compressed))
        + encode_number(len(content))
    )
    header += bytes([Id.END, Id.SUBSTREAMS, Id.NUM_UNPACK_STREAM]) + encode_number(count)
    header += bytes([Id.SIZE]) + b"".join(encode_number(len(data)) for _, data in members[:-1])
    header += bytes([Id.CRC, 1]) + b"".join(struct.pack("<I", zlib.crc32(d)) for _, d in members)
    header += bytes([Id.END, Id.END, Id.FILES_INFO]) + encode_number(count)
    names = b"\x00" + b"".join(name.encode("utf-16-le") + b"\x00\x00" for name, _ in members)
    header += bytes([Id.NAME]) + encode_number(len(names)) + names
    times = b"\x01\x00" + struct.pack("<Q", _filetime(mtime)) * count
    header += bytes([Id.MTIME]) + encode_number(len(times)) + times
    attributes = 0x20 | UNIX_EXTENSION | (S_IFREG | 0o600) << 16
    attribute_block = b"\x01\x00" + struct.pack("<I", attributes) * count
    header += bytes([Id.WIN_ATTRIBUTES]) + encode_number(len(attribute_block)) + attribute_block
    header += bytes([Id.END, Id.END])

    return assemble(packed, bytes(header), key=key, cycles=cycles, iv=ivs[1])


def assemble(packed: bytes, header: bytes, *, key: bytes, cycles: int, iv: bytes) -> bytes:
    """An archive of already packed streams and their header: the header AES-encrypted
    (``iv``), described by a clear encoded header, after the signature header."""
    packed_header = _encrypt(key, iv, header)
    encoded = bytearray([Id.ENCODED_HEADER, Id.PACK_INFO]) + encode_number(len(packed))
    encoded += (
        encode_number(1) + bytes([Id.SIZE]) + encode_number(len(packed_header)) + bytes([Id.END])
    )
    encoded += bytes([Id.UNPACK_INFO, Id.FOLDER]) + encode_number(1) + b"\x00" + encode_number(1)
    encoded += _aes_coder(cycles, iv)
    encoded += bytes([Id.CODERS_UNPACK_SIZE]) + encode_number(len(header))
    encoded += bytes([Id.CRC, 1]) + struct.pack("<I", zlib.crc32(header)) + bytes([Id.END, Id.END])

    next_offset = len(packed) + len(packed_header)
    start_header = struct.pack("<QQI", next_offset, len(encoded), zlib.crc32(encoded))
    signature = SIGNATURE + b"\x00\x04" + struct.pack("<I", zlib.crc32(start_header))
    return signature + start_header + packed + packed_header + bytes(encoded)
