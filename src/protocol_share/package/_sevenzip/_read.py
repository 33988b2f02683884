"""Reading what a 7z archive declares, before anything is decompressed (A6-2).

:func:`read_layout` parses the signature header and the next header; for an encoded header
only its clear description, which the caller checks before :func:`~._header.decode_header`
decrypts it and :func:`parse_header` reads it: folders, coders, pack and unpack sizes,
CRCs, member names, attributes. Every count and size is bounded by the bytes there.
"""

from __future__ import annotations

import struct
import zlib

from protocol_share.package._sevenzip._format import (
    DIRECTORY,
    MAX_CODERS,
    MAX_FOLDERS,
    MAX_MEMBERS,
    MAX_STREAMS,
    REPARSE_POINT,
    S_IFMT,
    S_IFREG,
    SIGNATURE,
    UNIX_EXTENSION,
    Coder,
    Folder,
    Id,
    Layout,
    Malformed,
    Member,
    Reader,
    Streams,
    Unsupported,
)

__all__ = ["check_coverage", "packed_span", "parse_header", "read_layout"]


def _pack_info(reader: Reader, streams: Streams) -> None:
    streams.pack_pos = reader.number()
    count = reader.count(MAX_FOLDERS * MAX_STREAMS, "packed streams")
    kind = reader.byte()
    if kind == Id.SIZE:
        streams.pack_sizes = [reader.number() for _ in range(count)]
        kind = reader.byte()
    else:
        raise Malformed("packed stream sizes are missing")
    if kind == Id.CRC:
        reader.digests(count)
        kind = reader.byte()
    if kind != Id.END:
        raise Malformed("unexpected property in the pack info")


def _folder(reader: Reader) -> Folder:
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


def _unpack_info(reader: Reader, streams: Streams) -> None:
    reader.expect(Id.FOLDER)
    count = reader.count(MAX_FOLDERS, "folders")
    if reader.byte() != 0:
        raise Unsupported("folders stored outside the header")
    streams.folders = [_folder(reader) for _ in range(count)]
    reader.expect(Id.CODERS_UNPACK_SIZE)
    for folder in streams.folders:
        outs = sum(c.num_out for c in folder.coders)
        folder.unpack_sizes = [reader.number() for _ in range(outs)]
    kind = reader.byte()
    if kind == Id.CRC:
        for folder, crc in zip(streams.folders, reader.digests(count), strict=True):
            folder.crc = crc
        kind = reader.byte()
    if kind != Id.END:
        raise Malformed("unexpected property in the unpack info")


def _substreams(reader: Reader, streams: Streams) -> None:
    folders = streams.folders
    counts = [1] * len(folders)
    kind = reader.byte()
    if kind == Id.NUM_UNPACK_STREAM:
        counts = [reader.count(MAX_MEMBERS, "members") for _ in folders]
        kind = reader.byte()
    sizes: list[int] = []
    has_sizes = kind == Id.SIZE
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
    if kind == Id.CRC:
        crcs = reader.digests(wanted)
        kind = reader.byte()
    if kind != Id.END:
        raise Malformed("unexpected property in the substreams info")
    known = iter(crcs)
    streams.substream_crcs = []
    for folder, count in zip(folders, counts, strict=True):
        if count == 1 and folder.crc is not None:
            streams.substream_crcs.append(folder.crc)
        else:
            streams.substream_crcs.extend(next(known, None) for _ in range(count))
    streams.substream_counts, streams.substream_sizes = counts, sizes


def _streams(reader: Reader) -> Streams:
    streams = Streams()
    kind = reader.byte()
    if kind == Id.PACK_INFO:
        _pack_info(reader, streams)
        kind = reader.byte()
    if kind == Id.UNPACK_INFO:
        _unpack_info(reader, streams)
        kind = reader.byte()
    if kind == Id.SUBSTREAMS:
        _substreams(reader, streams)
        kind = reader.byte()
    elif streams.folders:
        streams.substream_counts = [1] * len(streams.folders)
        streams.substream_sizes = [f.unpack_size for f in streams.folders]
        streams.substream_crcs = [f.crc for f in streams.folders]
    if kind != Id.END:
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
            name = _utf16(current)
            if name is None:
                raise Malformed("a member name is not valid UTF-16")
            names.append(name)
            current = bytearray()
        else:
            current += unit
    if current or len(names) != count:
        raise Malformed("member names and member count disagree")
    return names


def _utf16(raw: bytearray) -> str | None:
    # None when not UTF-16: the caller raises outside this except block (no codec error,
    # which quotes the bytes, as the raised one's context).
    try:
        return raw.decode("utf-16-le")
    except UnicodeDecodeError:
        return None


def _attributes(data: bytes, count: int) -> list[int | None]:
    reader = Reader(data)
    defined = reader.defined(count)
    if reader.byte() != 0:
        raise Unsupported("attributes stored outside the header")
    return [reader.uint32() if flag else None for flag in defined]


def _is_directory(attributes: int | None) -> bool:
    if attributes is None:
        return False
    unix_dir = attributes & UNIX_EXTENSION and (attributes >> 16) & S_IFMT == 0o040000
    return bool(attributes & DIRECTORY or unix_dir)


def _is_link(attributes: int | None) -> bool:
    """A link, junction, device or anything but a regular file or directory."""
    if attributes is None:
        return False
    if attributes & REPARSE_POINT:
        return True
    if attributes & UNIX_EXTENSION:
        kind = (attributes >> 16) & S_IFMT
        return kind not in (S_IFREG, 0o040000, 0)
    return False


def _files(reader: Reader, main: Streams | None) -> list[Member]:
    count = reader.count(MAX_MEMBERS, "members")
    empty_stream = [False] * count
    empty_file: list[bool] = []
    anti: list[bool] = []
    names: list[str] | None = None
    attributes: list[int | None] = [None] * count
    while (kind := reader.number()) != Id.END:
        data = reader.take(reader.number())
        if kind == Id.EMPTY_STREAM:
            empty_stream = Reader(data).bits(count)
        elif kind == Id.EMPTY_FILE:
            empty_file = Reader(data).bits(sum(empty_stream))
        elif kind == Id.ANTI:
            anti = Reader(data).bits(sum(empty_stream))
        elif kind == Id.NAME:
            names = _names(data, count)
        elif kind == Id.WIN_ATTRIBUTES:
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


def _header(reader: Reader, layout: Layout) -> None:
    kind = reader.byte()
    if kind == Id.ARCHIVE_PROPERTIES:
        while reader.number() != Id.END:
            reader.take(reader.number())
        kind = reader.byte()
    if kind == Id.ADDITIONAL_STREAMS:
        raise Unsupported("additional streams")
    if kind == Id.MAIN_STREAMS:
        layout.main = _streams(reader)
        kind = reader.byte()
    if kind == Id.FILES_INFO:
        layout.members = _files(reader, layout.main)
        kind = reader.byte()
    elif layout.main is not None and layout.main.folders:
        raise Malformed("streams without members")
    if kind != Id.END:
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
    if start + next_size != len(data):
        # 7-Zip writes the next header last: bytes after it are covered by nothing.
        raise Malformed("bytes after the end of the archive")
    raw = data[start : start + next_size]
    if zlib.crc32(raw) != next_crc:
        raise Malformed("the header's CRC does not match")
    reader = Reader(raw)
    kind = reader.byte()
    if kind == Id.HEADER:
        layout = Layout(header_encoded=False, header_size=len(raw))
        _header(reader, layout)
    elif kind == Id.ENCODED_HEADER:
        layout = Layout(header_encoded=True, header_streams=_streams(reader))
        streams = layout.header_streams
        if streams is None or len(streams.folders) != 1 or len(streams.pack_sizes) != 1:
            raise Unsupported("an encoded header in more than one folder")
    else:
        raise Malformed("unknown header kind")
    if reader.remaining:
        raise Malformed("bytes after the end of the header")
    layout.next_header_at = start
    return layout, raw


def packed_span(data_length: int, streams: Streams, index: int) -> tuple[int, int]:
    """(start, end) of packed stream ``index`` in the archive; inside the data area."""
    start = 32 + streams.pack_pos + sum(streams.pack_sizes[:index])
    end = start + streams.pack_sizes[index]
    if end > data_length:
        raise Malformed("a packed stream runs past the end of the archive")
    return start, end


def check_coverage(layout: Layout) -> None:
    """The packed streams fill the bytes between the signature header and the next header
    exactly, without gap or overlap: no byte of the archive is covered by nothing."""
    spans = []
    for streams in (layout.header_streams, layout.main):
        if streams is not None:
            start = 32 + streams.pack_pos
            for size in streams.pack_sizes:
                spans.append((start, start + size))
                start += size
    position = 32
    for start, end in sorted(spans):
        if start != position:
            raise Malformed("bytes between the packed streams are covered by nothing")
        position = end
    if position != layout.next_header_at:
        raise Malformed("bytes before the header are covered by nothing")


def parse_header(decoded: bytes, layout: Layout) -> None:
    """Parse a decoded header into ``layout`` (main streams and members)."""
    reader = Reader(decoded)
    if reader.byte() != Id.HEADER:
        raise Malformed("the decoded header is not a header")
    _header(reader, layout)
    if reader.remaining:
        raise Malformed("bytes after the end of the header")
    layout.header_size = len(decoded)
