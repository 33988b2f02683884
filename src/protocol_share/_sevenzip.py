"""The 7z container, read strictly and written plainly, in memory (A6-2).

Reading: :func:`read_layout` parses what a 7z archive declares before anything is
decompressed: the signature header, the (clear) description of the encoded header, and,
once :func:`decode_header` has decrypted and checked it, the header itself: folders,
coders, pack and unpack sizes, CRCs, member names, attributes. Every count and size is
bounded by the bytes actually there. Nothing here decompresses member content; that is
py7zr's job, after the caller has judged the declared layout.

Writing: :func:`write_archive` writes what 7-Zip writes for ``7z a -p -mhe=on``: one solid
folder (LZMA2, then AES-256-CBC), and an AES-encrypted header, so names, sizes and times
are hidden. Member times are the caller's, never the clock.

Errors are :class:`Malformed` (the bytes do not follow the format) and :class:`Unsupported`
(valid 7z, but a feature a package never needs); the caller turns them into package errors.
The format: 7-Zip's ``DOC/7zFormat.txt``.
"""

from __future__ import annotations

import lzma
import struct
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

__all__ = [
    "AES",
    "COPY",
    "LZMA",
    "LZMA2",
    "PPMD",
    "Coder",
    "Folder",
    "Layout",
    "Malformed",
    "Member",
    "NotDecoded",
    "OverLimit",
    "TooManyMembers",
    "Unsupported",
    "aes_parameters",
    "assemble",
    "decode_header",
    "header_coders",
    "packed_span",
    "parse_header",
    "read_layout",
    "write_archive",
]

SIGNATURE = b"7z\xbc\xaf\x27\x1c"
AES = bytes.fromhex("06f10701")
LZMA = bytes.fromhex("030101")
LZMA2 = bytes.fromhex("21")
PPMD = bytes.fromhex("030401")
COPY = bytes.fromhex("00")

# property ids (7zFormat.txt)
_END, _HEADER, _ARCHIVE_PROPERTIES, _ADDITIONAL_STREAMS = 0x00, 0x01, 0x02, 0x03
_MAIN_STREAMS, _FILES_INFO, _PACK_INFO, _UNPACK_INFO = 0x04, 0x05, 0x06, 0x07
_SUBSTREAMS, _SIZE, _CRC, _FOLDER = 0x08, 0x09, 0x0A, 0x0B
_CODERS_UNPACK_SIZE, _NUM_UNPACK_STREAM, _EMPTY_STREAM, _EMPTY_FILE = 0x0C, 0x0D, 0x0E, 0x0F
_ANTI, _NAME, _MTIME, _WIN_ATTRIBUTES, _ENCODED_HEADER = 0x10, 0x11, 0x14, 0x15, 0x17

MAX_FOLDERS = 16
MAX_CODERS = 4
MAX_STREAMS = 4
MAX_MEMBERS = 64
MAX_HEADER_SIZE = 64 * 1024
"""The largest decoded header accepted; a package's header is a few hundred bytes."""

_FILETIME_EPOCH = 116_444_736_000_000_000  # 1970-01-01 in 100 ns steps since 1601-01-01
_AES_BLOCK = 16


class Malformed(Exception):
    """The bytes do not follow the 7z format (or its CRCs do not match)."""


class Unsupported(Exception):
    """Valid 7z, but a feature a package never needs (external streams, exotic coders)."""


class OverLimit(Unsupported):
    """A declared size over this module's limits (the decoded header)."""


class TooManyMembers(Unsupported):
    """More members than any package holds."""


# -- reading primitives -----------------------------------------------------------------


class _Reader:
    """Bounded reads over a buffer; running past its end is :class:`Malformed`."""

    __slots__ = ("data", "end", "pos")

    def __init__(self, data: bytes, pos: int = 0, end: int | None = None) -> None:
        self.data, self.pos = data, pos
        self.end = len(data) if end is None else end

    @property
    def remaining(self) -> int:
        return self.end - self.pos

    def take(self, size: int) -> bytes:
        if size < 0 or size > self.remaining:
            raise Malformed("a field runs past the end of its block")
        start = self.pos
        self.pos += size
        return self.data[start : self.pos]

    def byte(self) -> int:
        if self.pos >= self.end:
            raise Malformed("a field runs past the end of its block")
        value = self.data[self.pos]
        self.pos += 1
        return value

    def number(self) -> int:
        """7z's variable-length NUMBER: the first byte's leading ones count the extra bytes."""
        first = self.byte()
        mask = 0x80
        value = 0
        for index in range(8):
            if not first & mask:
                return value | (first & (mask - 1)) << (8 * index)
            value |= self.byte() << (8 * index)
            mask >>= 1
        return value

    def count(self, limit: int, what: str) -> int:
        """A NUMBER used as a count: at most ``limit`` and at most the bytes left."""
        value = self.number()
        if value > self.remaining + 1:
            raise Malformed(f"more {what} than the header has bytes for")
        if value > limit:
            raise (TooManyMembers if what == "members" else Unsupported)(f"too many {what}")
        return value

    def uint32(self) -> int:
        value: int = struct.unpack("<I", self.take(4))[0]
        return value

    def uint64(self) -> int:
        value: int = struct.unpack("<Q", self.take(8))[0]
        return value

    def bits(self, count: int) -> list[bool]:
        raw = self.take((count + 7) // 8)
        return [bool(raw[i // 8] & (0x80 >> (i % 8))) for i in range(count)]

    def defined(self, count: int) -> list[bool]:
        """7z's "all defined" byte, then a bit vector when not all are."""
        return [True] * count if self.byte() else self.bits(count)

    def digests(self, count: int) -> list[int | None]:
        defined = self.defined(count)
        return [self.uint32() if flag else None for flag in defined]

    def expect(self, property_id: int) -> None:
        if self.byte() != property_id:
            raise Malformed("unexpected property in the header")


# -- the layout -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Coder:
    """One coder of a folder: its method id, stream counts and properties."""

    method: bytes
    num_in: int
    num_out: int
    properties: bytes


@dataclass(slots=True)
class Folder:
    """A folder: coders joined by bind pairs; ``packed`` lists its packed in-streams."""

    coders: list[Coder]
    bind_pairs: list[tuple[int, int]]
    packed: list[int]
    unpack_sizes: list[int] = field(default_factory=list)
    crc: int | None = None

    @property
    def final_out(self) -> int:
        bound = {out_index for _, out_index in self.bind_pairs}
        return next(i for i in range(sum(c.num_out for c in self.coders)) if i not in bound)

    @property
    def unpack_size(self) -> int:
        return self.unpack_sizes[self.final_out]

    def coder_of_in(self, in_index: int) -> int:
        start = 0
        for number, coder in enumerate(self.coders):
            if in_index < start + coder.num_in:
                return number
            start += coder.num_in
        raise Malformed("a stream index points past the folder's coders")

    def first_in(self, coder_number: int) -> int:
        return sum(c.num_in for c in self.coders[:coder_number])

    def first_out(self, coder_number: int) -> int:
        return sum(c.num_out for c in self.coders[:coder_number])

    @property
    def encrypted(self) -> bool:
        """Whether every packed stream passes through an AES coder on its way out."""
        binds = {out_index: in_index for in_index, out_index in self.bind_pairs}

        def through_aes(in_index: int, seen: frozenset[int]) -> bool:
            number = self.coder_of_in(in_index)
            if self.coders[number].method == AES:
                return True
            if number in seen:
                return False
            first = self.first_out(number)
            outs = range(first, first + self.coders[number].num_out)
            return all(o in binds and through_aes(binds[o], seen | {number}) for o in outs)

        return all(through_aes(index, frozenset()) for index in self.packed)

    def chain(self) -> list[int]:
        """The coders, in decoding order, of a folder made of single-stream coders."""
        if len(self.packed) != 1 or any(c.num_in != 1 or c.num_out != 1 for c in self.coders):
            raise Unsupported("a folder with multi-stream coders")
        order = [self.coder_of_in(self.packed[0])]
        binds = {out_index: in_index for in_index, out_index in self.bind_pairs}
        while (out_index := self.first_out(order[-1])) in binds:
            following = self.coder_of_in(binds[out_index])
            if following in order:
                raise Malformed("the folder's coders form a loop")
            order.append(following)
        if len(order) != len(self.coders):
            raise Malformed("a coder is not on the folder's path")
        return order


@dataclass(slots=True)
class Streams:
    """Pack info, folders and substreams of one StreamsInfo block."""

    pack_pos: int = 0
    pack_sizes: list[int] = field(default_factory=list)
    folders: list[Folder] = field(default_factory=list)
    substream_counts: list[int] = field(default_factory=list)
    substream_sizes: list[int] = field(default_factory=list)
    substream_crcs: list[int | None] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Member:
    """One entry of the archive's file list, as declared."""

    name: str
    has_stream: bool
    is_directory: bool
    is_link: bool
    is_anti: bool
    size: int
    crc: int | None
    folder: int | None


@dataclass(slots=True)
class Layout:
    """What an archive declares: its header kind, streams and members (before any data)."""

    header_encoded: bool
    header_streams: Streams | None = None
    main: Streams | None = None
    members: list[Member] = field(default_factory=list)
    header_size: int = 0


def _pack_info(reader: _Reader, streams: Streams) -> None:
    streams.pack_pos = reader.number()
    count = reader.count(MAX_FOLDERS * MAX_STREAMS, "packed streams")
    kind = reader.byte()
    if kind == _SIZE:
        streams.pack_sizes = [reader.number() for _ in range(count)]
        kind = reader.byte()
    else:
        raise Malformed("packed stream sizes are missing")
    if kind == _CRC:
        reader.digests(count)
        kind = reader.byte()
    if kind != _END:
        raise Malformed("unexpected property in the pack info")


def _folder(reader: _Reader) -> Folder:
    coders = []
    for _ in range(reader.count(MAX_CODERS, "coders")):
        flags = reader.byte()
        if flags & 0xC0:
            raise Unsupported("alternative coder methods")
        method = reader.take(flags & 0x0F)
        num_in = num_out = 1
        if flags & 0x10:
            num_in = reader.count(MAX_STREAMS, "coder streams")
            num_out = reader.count(MAX_STREAMS, "coder streams")
        properties = reader.take(reader.count(256, "coder property bytes")) if flags & 0x20 else b""
        coders.append(Coder(method, num_in, num_out, properties))
    if not coders:
        raise Malformed("a folder without coders")
    total_in = sum(c.num_in for c in coders)
    total_out = sum(c.num_out for c in coders)
    if total_out < 1:
        raise Malformed("a folder without output")
    bind_pairs = [(reader.number(), reader.number()) for _ in range(total_out - 1)]
    ins = [pair[0] for pair in bind_pairs]
    outs = [pair[1] for pair in bind_pairs]
    if (
        len(set(ins)) != len(ins)
        or len(set(outs)) != len(outs)
        or any(i >= total_in for i in ins)
        or any(o >= total_out for o in outs)
    ):
        raise Malformed("a folder's bind pairs are inconsistent")
    num_packed = total_in - len(bind_pairs)
    if num_packed < 1:
        raise Malformed("a folder without packed stream")
    if num_packed == 1:
        packed = [next(i for i in range(total_in) if i not in ins)]
    else:
        packed = [reader.number() for _ in range(num_packed)]
        if len(set(packed)) != num_packed or any(i >= total_in or i in ins for i in packed):
            raise Malformed("a folder's packed streams are inconsistent")
    return Folder(coders, bind_pairs, packed)


def _unpack_info(reader: _Reader, streams: Streams) -> None:
    reader.expect(_FOLDER)
    count = reader.count(MAX_FOLDERS, "folders")
    if reader.byte() != 0:
        raise Unsupported("folders stored outside the header")
    streams.folders = [_folder(reader) for _ in range(count)]
    reader.expect(_CODERS_UNPACK_SIZE)
    for folder in streams.folders:
        outs = sum(c.num_out for c in folder.coders)
        folder.unpack_sizes = [reader.number() for _ in range(outs)]
    kind = reader.byte()
    if kind == _CRC:
        for folder, crc in zip(streams.folders, reader.digests(count), strict=True):
            folder.crc = crc
        kind = reader.byte()
    if kind != _END:
        raise Malformed("unexpected property in the unpack info")


def _substreams(reader: _Reader, streams: Streams) -> None:
    folders = streams.folders
    counts = [1] * len(folders)
    kind = reader.byte()
    if kind == _NUM_UNPACK_STREAM:
        counts = [reader.count(MAX_MEMBERS, "members") for _ in folders]
        kind = reader.byte()
    sizes: list[int] = []
    has_sizes = kind == _SIZE
    for folder, count in zip(folders, counts, strict=True):
        if count == 0:
            continue
        total = folder.unpack_size
        part = [reader.number() for _ in range(count - 1)] if has_sizes else []
        if not has_sizes and count > 1:
            raise Malformed("member sizes are missing")
        if sum(part) > total:
            raise Malformed("member sizes exceed their folder")
        sizes.extend([*part, total - sum(part)])
    if has_sizes:
        kind = reader.byte()
    crcs: list[int | None] = []
    wanted = sum(
        count
        for folder, count in zip(folders, counts, strict=True)
        if not (count == 1 and folder.crc is not None)
    )
    if kind == _CRC:
        crcs = reader.digests(wanted)
        kind = reader.byte()
    if kind != _END:
        raise Malformed("unexpected property in the substreams info")
    known = iter(crcs)
    streams.substream_crcs = []
    for folder, count in zip(folders, counts, strict=True):
        if count == 1 and folder.crc is not None:
            streams.substream_crcs.append(folder.crc)
        else:
            streams.substream_crcs.extend(next(known, None) for _ in range(count))
    streams.substream_counts, streams.substream_sizes = counts, sizes


def _streams(reader: _Reader) -> Streams:
    streams = Streams()
    kind = reader.byte()
    if kind == _PACK_INFO:
        _pack_info(reader, streams)
        kind = reader.byte()
    if kind == _UNPACK_INFO:
        _unpack_info(reader, streams)
        kind = reader.byte()
    if kind == _SUBSTREAMS:
        _substreams(reader, streams)
        kind = reader.byte()
    elif streams.folders:
        streams.substream_counts = [1] * len(streams.folders)
        streams.substream_sizes = [f.unpack_size for f in streams.folders]
        streams.substream_crcs = [f.crc for f in streams.folders]
    if kind != _END:
        raise Malformed("unexpected property in the streams info")
    if len(streams.pack_sizes) != sum(len(f.packed) for f in streams.folders):
        raise Malformed("packed streams and folders disagree")
    return streams


def _names(data: bytes, count: int) -> list[str]:
    if not data or data[0] != 0:
        raise Unsupported("member names stored outside the header")
    raw = data[1:]
    if len(raw) % 2:
        raise Malformed("member names are not UTF-16")
    units = [raw[i : i + 2] for i in range(0, len(raw), 2)]
    names, current = [], bytearray()
    for unit in units:
        if unit == b"\x00\x00":
            try:
                names.append(current.decode("utf-16-le"))
            except UnicodeDecodeError:
                raise Malformed("a member name is not valid UTF-16") from None
            current = bytearray()
        else:
            current += unit
    if current or len(names) != count:
        raise Malformed("member names and member count disagree")
    return names


def _attributes(data: bytes, count: int) -> list[int | None]:
    reader = _Reader(data)
    defined = reader.defined(count)
    if reader.byte() != 0:
        raise Unsupported("attributes stored outside the header")
    return [reader.uint32() if flag else None for flag in defined]


_DIRECTORY, _REPARSE_POINT, _UNIX_EXTENSION = 0x10, 0x400, 0x8000
_S_IFMT, _S_IFREG = 0o170000, 0o100000


def _is_directory(attributes: int | None) -> bool:
    if attributes is None:
        return False
    unix_dir = attributes & _UNIX_EXTENSION and (attributes >> 16) & _S_IFMT == 0o040000
    return bool(attributes & _DIRECTORY or unix_dir)


def _is_link(attributes: int | None) -> bool:
    """A link, junction, device or anything but a regular file or directory."""
    if attributes is None:
        return False
    if attributes & _REPARSE_POINT:
        return True
    if attributes & _UNIX_EXTENSION:
        kind = (attributes >> 16) & _S_IFMT
        return kind not in (_S_IFREG, 0o040000, 0)
    return False


def _files(reader: _Reader, main: Streams | None) -> list[Member]:
    count = reader.count(MAX_MEMBERS, "members")
    empty_stream = [False] * count
    empty_file: list[bool] = []
    anti: list[bool] = []
    names: list[str] | None = None
    attributes: list[int | None] = [None] * count
    while (kind := reader.number()) != _END:
        data = reader.take(reader.number())
        if kind == _EMPTY_STREAM:
            empty_stream = _Reader(data).bits(count)
        elif kind == _EMPTY_FILE:
            empty_file = _Reader(data).bits(sum(empty_stream))
        elif kind == _ANTI:
            anti = _Reader(data).bits(sum(empty_stream))
        elif kind == _NAME:
            names = _names(data, count)
        elif kind == _WIN_ATTRIBUTES:
            attributes = _attributes(data, count)
        # times, comments, start positions and padding carry nothing a package needs
    if names is None:
        raise Malformed("members without names")
    sizes = main.substream_sizes if main else []
    crcs = main.substream_crcs if main else []
    folder_of = [n for n, c in enumerate(main.substream_counts) for _ in range(c)] if main else []
    if sum(not flag for flag in empty_stream) != len(sizes):
        raise Malformed("members and streams disagree")
    members, stream, empty = [], 0, 0
    for index in range(count):
        is_anti = False
        if empty_stream[index]:
            is_dir = not (empty_file[empty] if empty < len(empty_file) else False)
            is_anti = anti[empty] if empty < len(anti) else False
            empty += 1
            size, crc, folder = 0, None, None
        else:
            is_dir = False
            size, crc, folder = sizes[stream], crcs[stream], folder_of[stream]
            stream += 1
        members.append(
            Member(
                name=names[index],
                has_stream=not empty_stream[index],
                is_directory=is_dir or _is_directory(attributes[index]),
                is_link=_is_link(attributes[index]),
                is_anti=is_anti,
                size=size,
                crc=crc,
                folder=folder,
            )
        )
    return members


def _header(reader: _Reader, layout: Layout) -> None:
    kind = reader.byte()
    if kind == _ARCHIVE_PROPERTIES:
        while reader.number() != _END:
            reader.take(reader.number())
        kind = reader.byte()
    if kind == _ADDITIONAL_STREAMS:
        raise Unsupported("additional streams")
    if kind == _MAIN_STREAMS:
        layout.main = _streams(reader)
        kind = reader.byte()
    if kind == _FILES_INFO:
        layout.members = _files(reader, layout.main)
        kind = reader.byte()
    elif layout.main is not None and layout.main.folders:
        raise Malformed("streams without members")
    if kind != _END:
        raise Malformed("unexpected property at the end of the header")


def read_layout(data: bytes) -> tuple[Layout, bytes]:
    """Parse the signature header and the next header; return the layout and its raw bytes.

    For an encoded header (``header_encoded``), the layout holds only ``header_streams``:
    the caller checks them, then calls :func:`decode_header`. A plain header is parsed whole.
    """
    if len(data) < 32 or data[:6] != SIGNATURE:
        raise Malformed("not a 7z archive")
    if data[6] != 0:
        raise Unsupported("a 7z major version other than 0")
    start_crc, next_offset, next_size, next_crc = struct.unpack("<IQQI", data[8:32])
    if zlib.crc32(data[12:32]) != start_crc:
        raise Malformed("the start header's CRC does not match")
    start = 32 + next_offset
    if next_size == 0 or next_offset > len(data) or next_size > len(data) - start:
        raise Malformed("the header lies outside the archive")
    raw = data[start : start + next_size]
    if zlib.crc32(raw) != next_crc:
        raise Malformed("the header's CRC does not match")
    reader = _Reader(raw)
    kind = reader.byte()
    if kind == _HEADER:
        layout = Layout(header_encoded=False, header_size=len(raw))
        _header(reader, layout)
    elif kind == _ENCODED_HEADER:
        layout = Layout(header_encoded=True, header_streams=_streams(reader))
        streams = layout.header_streams
        if streams is None or len(streams.folders) != 1 or len(streams.pack_sizes) != 1:
            raise Unsupported("an encoded header in more than one folder")
    else:
        raise Malformed("unknown header kind")
    if reader.remaining:
        raise Malformed("bytes after the end of the header")
    return layout, raw


def packed_span(data_length: int, streams: Streams, index: int) -> tuple[int, int]:
    """(start, end) of packed stream ``index`` in the archive; inside the data area."""
    start = 32 + streams.pack_pos + sum(streams.pack_sizes[:index])
    end = start + streams.pack_sizes[index]
    if end > data_length:
        raise Malformed("a packed stream runs past the end of the archive")
    return start, end


# -- decoding the header ----------------------------------------------------------------


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
            raise Unsupported("a header coder other than AES, LZMA, LZMA2 or copy")
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
            if len(chunk) % _AES_BLOCK:
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


def parse_header(decoded: bytes, layout: Layout) -> None:
    """Parse a decoded header into ``layout`` (main streams and members)."""
    reader = _Reader(decoded)
    if reader.byte() != _HEADER:
        raise Malformed("the decoded header is not a header")
    _header(reader, layout)
    if reader.remaining:
        raise Malformed("bytes after the end of the header")
    layout.header_size = len(decoded)


# -- writing --------------------------------------------------------------------------


def _number(value: int) -> bytes:
    for extra in range(8):
        if value < 1 << (7 * (extra + 1)):
            first = (0xFF << (8 - extra)) & 0xFF | value >> (8 * extra)
            return bytes([first]) + (value & ((1 << (8 * extra)) - 1)).to_bytes(extra, "little")
    return b"\xff" + value.to_bytes(8, "little")


def _aes_coder(cycles: int, iv: bytes) -> bytes:
    properties = bytes([cycles | 0x40, len(iv) - 1]) + iv
    return b"\x24" + AES + _number(len(properties)) + properties


def _encrypt(key: bytes, iv: bytes, plain: bytes) -> bytes:
    padded = plain + bytes(-len(plain) % _AES_BLOCK)
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return encryptor.update(padded) + encryptor.finalize()


def _filetime(moment: datetime) -> int:
    return _FILETIME_EPOCH + round(moment.timestamp() * 10_000_000)


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

    header = bytearray([_HEADER, _MAIN_STREAMS])
    header += bytes([_PACK_INFO]) + _number(0) + _number(1) + bytes([_SIZE])
    header += _number(len(packed)) + bytes([_END])
    header += bytes([_UNPACK_INFO, _FOLDER]) + _number(1) + b"\x00"
    header += _number(2) + _aes_coder(cycles, ivs[0])
    header += b"\x21" + LZMA2 + _number(1) + bytes([_lzma2_dict_property(dict_size)])
    header += _number(1) + _number(0)  # bind pair: LZMA2 reads what AES writes
    header += bytes([_CODERS_UNPACK_SIZE]) + _number(len(compressed)) + _number(len(content))
    header += bytes([_END, _SUBSTREAMS, _NUM_UNPACK_STREAM]) + _number(count)
    header += bytes([_SIZE]) + b"".join(_number(len(data)) for _, data in members[:-1])
    header += bytes([_CRC, 1]) + b"".join(struct.pack("<I", zlib.crc32(d)) for _, d in members)
    header += bytes([_END, _END, _FILES_INFO]) + _number(count)
    names = b"\x00" + b"".join(name.encode("utf-16-le") + b"\x00\x00" for name, _ in members)
    header += bytes([_NAME]) + _number(len(names)) + names
    times = b"\x01\x00" + struct.pack("<Q", _filetime(mtime)) * count
    header += bytes([_MTIME]) + _number(len(times)) + times
    attributes = 0x20 | _UNIX_EXTENSION | (_S_IFREG | 0o600) << 16
    attribute_block = b"\x01\x00" + struct.pack("<I", attributes) * count
    header += bytes([_WIN_ATTRIBUTES]) + _number(len(attribute_block)) + attribute_block
    header += bytes([_END, _END])

    return assemble(packed, bytes(header), key=key, cycles=cycles, iv=ivs[1])


def assemble(packed: bytes, header: bytes, *, key: bytes, cycles: int, iv: bytes) -> bytes:
    """An archive of already packed streams and their header: the header AES-encrypted
    (``iv``), described by a clear encoded header, after the signature header."""
    packed_header = _encrypt(key, iv, header)
    encoded = bytearray([_ENCODED_HEADER, _PACK_INFO]) + _number(len(packed))
    encoded += _number(1) + bytes([_SIZE]) + _number(len(packed_header)) + bytes([_END])
    encoded += bytes([_UNPACK_INFO, _FOLDER]) + _number(1) + b"\x00" + _number(1)
    encoded += _aes_coder(cycles, iv)
    encoded += bytes([_CODERS_UNPACK_SIZE]) + _number(len(header))
    encoded += bytes([_CRC, 1]) + struct.pack("<I", zlib.crc32(header)) + bytes([_END, _END])

    next_offset = len(packed) + len(packed_header)
    start_header = struct.pack("<QQI", next_offset, len(encoded), zlib.crc32(encoded))
    signature = SIGNATURE + b"\x00\x04" + struct.pack("<I", zlib.crc32(start_header))
    return signature + start_header + packed + packed_header + bytes(encoded)
