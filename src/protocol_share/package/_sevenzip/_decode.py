"""The one bounded decoder of a package's content (A6-2).

A folder is decoded only after :func:`plan_folder` has judged its coders, in decoding
order, against the allow-list (anything else is :class:`RefusedCoder`, before a byte is
decoded):

1. AES-256-CBC (7-Zip's ``06F10701``), exactly once and first: :mod:`cryptography`;
2. one compressor: LZMA2 or LZMA (:mod:`lzma`, raw), BZip2 (:mod:`bz2`) or Copy;
3. at most one filter: BCJ (x86) or Delta, applied with :mod:`lzma`'s raw filters.

Every step decodes at most the size the folder declares for it (``max_length``), so
output and memory are bounded by the declared sizes, which the caller has checked
against its limits; decoder memory is bounded by :func:`~._coders.decoder_memory` (an LZMA
dictionary is never allocated larger than the output it serves; BZip2's is bounded by its
format).

PPMd, although 7-Zip offers it, is refused: the one PPMd7 decoder Python has (``pyppmd``,
which py7zr uses too) corrupts the heap or hangs when a stream runs out before its
declared size (found by fuzzing ``pyppmd`` 1.3.1: an abort within some 1500 short
inputs), and a sender who knows the password controls both. A step that yields
another size, or LZMA2 or BZip2 data that goes on past the declared size, is
:class:`Malformed`; so is every error a decoder raises.
"""

from __future__ import annotations

import bz2
import lzma
import zlib
from dataclasses import dataclass

from protocol_share.package._sevenzip._coders import (
    KeyFor,
    aes_decrypt,
    aes_parameters,
    check_lzma,
    lzma_filter,
)
from protocol_share.package._sevenzip._format import (
    AES,
    AES_BLOCK,
    BCJ,
    BZIP2,
    COPY,
    DELTA,
    LZMA,
    LZMA2,
    PPMD,
    Coder,
    Folder,
    Layout,
    Malformed,
    RefusedCoder,
    Streams,
)
from protocol_share.package._sevenzip._read import packed_span

__all__ = [
    "COMPRESSORS",
    "FILTERS",
    "REFUSED",
    "Plan",
    "decode_members",
    "plan_folder",
]

COMPRESSORS = {LZMA2: "LZMA2", LZMA: "LZMA", BZIP2: "BZip2", COPY: "Copy"}
"""The compressors a package's folder may use, by 7z method id."""
FILTERS = {BCJ: "BCJ", DELTA: "Delta"}
"""The filters a package's folder may use after its compressor, by 7z method id."""
REFUSED = {
    PPMD: "PPMd, whose only Python decoder is not memory-safe on a stream that ends early",
    bytes.fromhex("040108"): "Deflate, whose Python decoders do not bound their output",
    bytes.fromhex("040109"): "Deflate64, whose Python decoders do not bound their output",
    bytes.fromhex("04f71101"): "Zstd, not a 7-Zip method, its Python decoder unbounded",
    bytes.fromhex("0303011b"): "BCJ2, four streams, for executables",
}
"""Why some well-known coders are refused (the message names the reason, no value)."""
_STORED_CHUNK = 1 << 16  # the largest uncompressed LZMA2 chunk


def _name(method: bytes) -> str:
    known = COMPRESSORS.get(method) or FILTERS.get(method) or ("AES" if method == AES else None)
    return known or REFUSED.get(method) or f"method {method.hex() or 'without id'}"


@dataclass(frozen=True, slots=True)
class Plan:
    """A folder judged decodable: its AES coder, compressor and optional filter, and the
    size each of them declares it writes."""

    aes: Coder
    compressor: Coder
    filter: Coder | None
    aes_size: int
    size: int


def _check_properties(coder: Coder) -> None:
    method, properties = coder.method, coder.properties
    check_lzma(coder)
    if method in (BZIP2, COPY, BCJ) and properties:
        raise Malformed(f"{_name(method)} coder with properties")
    if method == DELTA and len(properties) != 1:
        raise Malformed("Delta coder properties of the wrong size")


def plan_folder(folder: Folder) -> Plan:
    """Judge ``folder``'s coders before anything is decoded (A6-2).

    Raises :class:`RefusedCoder` for a coder outside the allow-list or out of its place
    (AES first, then one compressor, then at most one filter), :class:`Malformed` for
    properties or sizes 7-Zip never writes.
    """
    for coder in folder.coders:
        if coder.method != AES and coder.method not in COMPRESSORS and coder.method not in FILTERS:
            raise RefusedCoder(f"a coder outside the allow-list ({_name(coder.method)})")
    order = folder.chain()
    coders = [folder.coders[number] for number in order]
    sizes = [folder.unpack_sizes[folder.first_out(number)] for number in order]
    if not 2 <= len(coders) <= 3 or coders[0].method != AES:
        raise RefusedCoder("a folder other than AES, one compressor and at most one filter")
    if coders[1].method not in COMPRESSORS:
        raise RefusedCoder(f"{_name(coders[1].method)} where a compressor belongs")
    if len(coders) == 3 and coders[2].method not in FILTERS:
        raise RefusedCoder(f"{_name(coders[2].method)} where a filter belongs")
    aes_parameters(coders[0].properties)
    for coder in coders[1:]:
        _check_properties(coder)
    if len(coders) == 3 and sizes[1] != sizes[2]:
        raise Malformed("a filter that changes the size of its data")
    if coders[1].method == COPY and sizes[0] != sizes[1]:
        raise Malformed("a copy that changes the size of its data")
    return Plan(coders[0], coders[1], coders[2] if len(coders) == 3 else None, sizes[0], sizes[-1])


def _decrypt(packed: bytes, plan: Plan, key_for: KeyFor) -> bytes:
    if len(packed) % AES_BLOCK or not len(packed) - AES_BLOCK < plan.aes_size <= len(packed):
        raise Malformed("encrypted data of another size than declared")
    return aes_decrypt(plan.aes, key_for, packed)[: plan.aes_size]


def _lzma(data: bytes, filters: list[dict[str, int]], size: int, *, end_marker: bool) -> bytes:
    decoder = lzma.LZMADecompressor(lzma.FORMAT_RAW, filters=filters)
    out = decoder.decompress(data, max_length=size)
    if len(out) != size:
        raise Malformed("the content decodes to less than its declared size")
    if end_marker:
        if not decoder.eof and (decoder.decompress(b"", max_length=1) or not decoder.eof):
            raise Malformed("the content does not end at its declared size")
        if decoder.unused_data:
            raise Malformed("bytes after the end of the content")
    return out


def _bzip2(data: bytes, size: int) -> bytes:
    out = bytearray()
    rest = data
    while True:  # BZip2 data may hold several streams, one after another (as pbzip2 writes)
        decoder = bz2.BZ2Decompressor()
        out += decoder.decompress(rest, max_length=size - len(out))
        if len(out) == size or not decoder.eof or not decoder.unused_data:
            break
        rest = decoder.unused_data
    if len(out) != size:
        raise Malformed("the content decodes to less than its declared size")
    if not decoder.eof and (decoder.decompress(b"", max_length=1) or not decoder.eof):
        raise Malformed("the content does not end at its declared size")
    if decoder.unused_data:
        raise Malformed("bytes after the end of the content")
    return bytes(out)


def _stored_lzma2(data: bytes) -> bytes:
    """``data`` as uncompressed LZMA2 chunks: so that :mod:`lzma` runs a filter alone."""
    chunks = bytearray()
    for start in range(0, len(data), _STORED_CHUNK):
        chunk = data[start : start + _STORED_CHUNK]
        chunks += bytes([1 if start == 0 else 2]) + (len(chunk) - 1).to_bytes(2, "big") + chunk
    return bytes(chunks + b"\x00")


def _filter(data: bytes, coder: Coder) -> bytes:
    if coder.method == BCJ:
        spec: dict[str, int] = {"id": lzma.FILTER_X86}
    else:
        spec = {"id": lzma.FILTER_DELTA, "dist": coder.properties[0] + 1}
    filters = [spec, {"id": lzma.FILTER_LZMA2, "dict_size": 4096}]
    return _lzma(_stored_lzma2(data), filters, len(data), end_marker=True)


def _decompress(plain: bytes, plan: Plan) -> bytes | None:
    # None when a decoder fails: the caller raises, outside this except block, so that no
    # decoder's error rides along as the raised one's context.
    compressor, size = plan.compressor, plan.size
    try:
        if compressor.method in (LZMA, LZMA2):
            lzma2 = compressor.method == LZMA2
            out = _lzma(plain, [lzma_filter(compressor, size)], size, end_marker=lzma2)
        elif compressor.method == BZIP2:
            out = _bzip2(plain, size)
        else:
            out = plain
        return out if plan.filter is None else _filter(out, plan.filter)
    except (lzma.LZMAError, OSError, ValueError, EOFError, MemoryError):
        return None


def _decode_folder(data: bytes, streams: Streams, index: int, key_for: KeyFor) -> bytes:
    folder = streams.folders[index]
    plan = plan_folder(folder)
    first = sum(len(f.packed) for f in streams.folders[:index])
    start, end = packed_span(len(data), streams, first)
    out = _decompress(_decrypt(data[start:end], plan, key_for), plan)
    if out is None:
        raise Malformed("the content does not decode")
    if len(out) != plan.size:
        raise Malformed("the content decodes to another size than declared")
    if folder.crc is not None and zlib.crc32(out) != folder.crc:
        raise Malformed("a folder's CRC does not match")
    return out


def decode_members(data: bytes, layout: Layout, key_for: KeyFor) -> dict[str, bytes]:
    """Decode every folder of a checked ``layout`` and split it into its members, each
    checked against its declared size and CRC (A6-2). Raises :class:`Malformed`."""
    main = layout.main
    if main is None:
        raise Malformed("no content")
    pieces: list[bytes] = []
    sizes = iter(main.substream_sizes)
    for index, count in enumerate(main.substream_counts):
        out = _decode_folder(data, main, index, key_for) if count else b""
        position = 0
        for _ in range(count):
            size = next(sizes)
            pieces.append(out[position : position + size])
            position += size
        if position != len(out):
            raise Malformed("a folder holds bytes no member claims")
    streams = iter(zip(pieces, main.substream_crcs, strict=True))
    members: dict[str, bytes] = {}
    for member in layout.members:
        if not member.has_stream:
            continue
        content, crc = next(streams)
        if len(content) != member.size or crc is None or zlib.crc32(content) != crc:
            raise Malformed("a file's content does not match its declared size and CRC")
        members[member.name] = content
    return members
