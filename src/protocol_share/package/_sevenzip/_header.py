"""Decrypting and decompressing the encoded header, with the caller's key (A6-2)."""

from __future__ import annotations

import lzma
import zlib
from collections.abc import Callable
from dataclasses import dataclass

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from protocol_share.package._sevenzip._format import (
    AES,
    AES_BLOCK,
    COPY,
    LZMA,
    LZMA2,
    MAX_HEADER_SIZE,
    Coder,
    Layout,
    Malformed,
    OverLimit,
    RefusedCoder,
)
from protocol_share.package._sevenzip._read import packed_span

__all__ = [
    "AesParameters",
    "KeyFor",
    "NotDecoded",
    "aes_parameters",
    "decode_header",
    "header_coders",
]


@dataclass(frozen=True, slots=True)
class AesParameters:
    """The key-derivation strength, salt and initialisation vector of one AES coder."""

    cycles: int
    salt: bytes
    iv: bytes


def aes_parameters(properties: bytes) -> AesParameters:
    """Decode 7-Zip's AES coder properties (cycles, salt, IV zero-padded to 16 bytes)."""
    if not properties:
        raise Malformed("AES coder without properties")
    first = properties[0]
    cycles = first & 0x3F
    if not first & 0xC0:
        if len(properties) != 1:
            raise Malformed("AES coder properties of the wrong size")
        return AesParameters(cycles, b"", bytes(16))
    if len(properties) < 2:
        raise Malformed("AES coder properties of the wrong size")
    second = properties[1]
    salt_size = (first >> 7 & 1) + (second >> 4)
    iv_size = (first >> 6 & 1) + (second & 0x0F)
    if len(properties) != 2 + salt_size + iv_size:
        raise Malformed("AES coder properties of the wrong size")
    salt = properties[2 : 2 + salt_size]
    iv = properties[2 + salt_size :]
    return AesParameters(cycles, salt, iv + bytes(16 - len(iv)))


KeyFor = Callable[[AesParameters], bytes]


def _lzma_filter(coder: Coder, unpack_size: int) -> dict[str, int]:
    # A dictionary larger than the output is never needed to decode it.
    need = max(4096, unpack_size)
    if coder.method == LZMA:
        if len(coder.properties) != 5 or coder.properties[0] >= 9 * 5 * 5:
            raise Malformed("LZMA coder properties of the wrong size")
        value = coder.properties[0]
        declared = int.from_bytes(coder.properties[1:5], "little")
        return {
            "id": lzma.FILTER_LZMA1,
            "lc": value % 9,
            "lp": value // 9 % 5,
            "pb": value // 45,
            "dict_size": max(4096, min(declared, need)),
        }
    if len(coder.properties) != 1 or coder.properties[0] > 40:
        raise Malformed("LZMA2 coder properties of the wrong size")
    return {"id": lzma.FILTER_LZMA2, "dict_size": need}


def header_coders(layout: Layout) -> list[Coder]:
    """The encoded header's coders in decoding order, checked before any key is used."""
    streams = layout.header_streams
    if streams is None:
        raise Malformed("no encoded header")
    folder = streams.folders[0]
    if folder.unpack_size > MAX_HEADER_SIZE:
        raise OverLimit("a header over the size limit")
    order = folder.chain()
    for number in order:
        coder = folder.coders[number]
        if folder.unpack_sizes[folder.first_out(number)] > 2 * MAX_HEADER_SIZE:
            raise OverLimit("a header over the size limit")
        if coder.method == AES:
            aes_parameters(coder.properties)
        elif coder.method in (LZMA, LZMA2):
            _lzma_filter(coder, 0)
        elif coder.method != COPY:
            raise RefusedCoder("a header coder other than AES, LZMA, LZMA2 or copy")
    return [folder.coders[number] for number in order]


class NotDecoded(Exception):
    """The encoded header did not decode to its declared size and CRC: a wrong key, or a
    damaged encrypted header (7z cannot tell the two apart)."""


def decode_header(data: bytes, layout: Layout, key_for: KeyFor) -> bytes:
    """Decrypt and decompress the encoded header; check its declared size and CRC.

    Structural problems raise :class:`Malformed` or :class:`Unsupported` before any key is
    asked for; a failure after decryption raises :class:`NotDecoded`. A header without CRC
    (py7zr writes none) is checked only by its size here, and by parsing it after. Returns
    the decoded header, which :func:`parse_header` reads.
    """
    coders = header_coders(layout)
    streams = layout.header_streams
    if streams is None:
        raise Malformed("no encoded header")
    folder = streams.folders[0]
    start, end = packed_span(len(data), streams, 0)
    chunk = data[start:end]
    for step, (number, coder) in enumerate(zip(folder.chain(), coders, strict=True)):
        out_size = folder.unpack_sizes[folder.first_out(number)]
        if coder.method == AES:
            if len(chunk) % AES_BLOCK:
                if step == 0:
                    raise Malformed("encrypted data is not a whole number of AES blocks")
                raise NotDecoded("encrypted data is not a whole number of AES blocks")
            parameters = aes_parameters(coder.properties)
            decryptor = Cipher(algorithms.AES(key_for(parameters)), modes.CBC(parameters.iv))
            chunk = decryptor.decryptor().update(chunk)[:out_size]
        elif coder.method in (LZMA, LZMA2):
            try:
                decoder = lzma.LZMADecompressor(
                    lzma.FORMAT_RAW, filters=[_lzma_filter(coder, out_size)]
                )
                chunk = decoder.decompress(chunk, max_length=out_size)
            except (lzma.LZMAError, ValueError):
                raise NotDecoded("the header does not decompress") from None
        if len(chunk) != out_size:
            raise NotDecoded("the header decodes to the wrong size")
    if folder.crc is not None and zlib.crc32(chunk) != folder.crc:
        raise NotDecoded("the header's CRC does not match")
    return chunk
