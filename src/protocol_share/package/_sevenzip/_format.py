"""7z format primitives: ids, limits, errors, bounded reads, the layout's data classes (A6-2).

The format: 7-Zip's ``DOC/7zFormat.txt``.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from enum import IntEnum

__all__ = [
    "AES",
    "BCJ",
    "BZIP2",
    "COPY",
    "DELTA",
    "LZMA",
    "LZMA2",
    "MAX_HEADER_SIZE",
    "PPMD",
    "SIGNATURE",
    "Coder",
    "Folder",
    "Id",
    "Layout",
    "Malformed",
    "Member",
    "OverLimit",
    "Reader",
    "RefusedCoder",
    "Streams",
    "TooManyMembers",
    "Unsupported",
    "encode_number",
]

SIGNATURE = b"7z\xbc\xaf\x27\x1c"
AES = bytes.fromhex("06f10701")
LZMA = bytes.fromhex("030101")
LZMA2 = bytes.fromhex("21")
PPMD = bytes.fromhex("030401")
BZIP2 = bytes.fromhex("040202")
COPY = bytes.fromhex("00")
BCJ = bytes.fromhex("03030103")
DELTA = bytes.fromhex("03")


class Id(IntEnum):
    """The property ids of 7zFormat.txt that a header holds (7-Zip's ``NID``)."""

    END = 0x00
    HEADER = 0x01
    ARCHIVE_PROPERTIES = 0x02
    ADDITIONAL_STREAMS = 0x03
    MAIN_STREAMS = 0x04
    FILES_INFO = 0x05
    PACK_INFO = 0x06
    UNPACK_INFO = 0x07
    SUBSTREAMS = 0x08
    SIZE = 0x09
    CRC = 0x0A
    FOLDER = 0x0B
    CODERS_UNPACK_SIZE = 0x0C
    NUM_UNPACK_STREAM = 0x0D
    EMPTY_STREAM = 0x0E
    EMPTY_FILE = 0x0F
    ANTI = 0x10
    NAME = 0x11
    MTIME = 0x14
    WIN_ATTRIBUTES = 0x15
    ENCODED_HEADER = 0x17


MAX_FOLDERS = 16
MAX_CODERS = 4
MAX_STREAMS = 4
MAX_MEMBERS = 64
MAX_HEADER_SIZE = 64 * 1024
"""The largest decoded header accepted; a package's header is a few hundred bytes."""

FILETIME_EPOCH = 116_444_736_000_000_000  # 1970-01-01 in 100 ns steps since 1601-01-01
AES_BLOCK = 16
# member attributes: Windows bits, and the Unix mode in the high 16 bits after 0x8000
DIRECTORY, REPARSE_POINT, UNIX_EXTENSION = 0x10, 0x400, 0x8000
S_IFMT, S_IFREG = 0o170000, 0o100000


class Malformed(Exception):
    """The bytes do not follow the 7z format (or its CRCs do not match)."""


class Unsupported(Exception):
    """Valid 7z, but a feature a package never needs (external streams, exotic coders)."""


class RefusedCoder(Unsupported):
    """A coder (compression method or filter) outside the decoder's allow-list, or one in
    a place of the folder's chain where 7-Zip never puts it."""


class OverLimit(Unsupported):
    """A declared size over this module's limits (the decoded header)."""


class TooManyMembers(Unsupported):
    """More members than any package holds."""


class Reader:
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
            kind = {"members": TooManyMembers, "coders": RefusedCoder}.get(what, Unsupported)
            raise kind(f"too many {what}")
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


def encode_number(value: int) -> bytes:
    for extra in range(8):
        if value < 1 << (7 * (extra + 1)):
            first = (0xFF << (8 - extra)) & 0xFF | value >> (8 * extra)
            return bytes([first]) + (value & ((1 << (8 * extra)) - 1)).to_bytes(extra, "little")
    return b"\xff" + value.to_bytes(8, "little")


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
    next_header_at: int = 0
    """Where the next header starts: the packed streams must fill the bytes before it."""
