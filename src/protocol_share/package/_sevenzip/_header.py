"""Decrypting and decompressing the encoded header, with the caller's key (A6-2)."""

from __future__ import annotations

import lzma
import zlib

from protocol_share.package._sevenzip import _coders
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

__all__ = ["NotDecoded", "decode_header", "header_coders"]


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
            _coders.aes_parameters(coder.properties)
        elif coder.method in (LZMA, LZMA2):
            _coders.check_lzma(coder)
        elif coder.method != COPY:
            raise RefusedCoder("a header coder other than AES, LZMA, LZMA2 or copy")
    return [folder.coders[number] for number in order]


def _decompress(chunk: bytes, coder: Coder, out_size: int) -> bytes | None:
    # None when lzma fails: the caller raises, outside this except block, so that no
    # library error rides along as the raised one's context.
    try:
        decoder = lzma.LZMADecompressor(
            lzma.FORMAT_RAW, filters=[_coders.lzma_filter(coder, out_size)]
        )
        return decoder.decompress(chunk, max_length=out_size)
    except (lzma.LZMAError, ValueError):
        return None


class NotDecoded(Exception):
    """The encoded header did not decode to its declared size and CRC: a wrong key, or a
    damaged encrypted header (7z cannot tell the two apart)."""


def decode_header(data: bytes, layout: Layout, key_for: _coders.KeyFor) -> bytes:
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
            chunk = _coders.aes_decrypt(coder, key_for, chunk)[:out_size]
        elif coder.method in (LZMA, LZMA2):
            decompressed = _decompress(chunk, coder, out_size)
            if decompressed is None:
                raise NotDecoded("the header does not decompress")
            chunk = decompressed
        if len(chunk) != out_size:
            raise NotDecoded("the header decodes to the wrong size")
    if folder.crc is not None and zlib.crc32(chunk) != folder.crc:
        raise NotDecoded("the header's CRC does not match")
    return chunk
