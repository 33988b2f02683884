"""Decompression through py7zr, after the layout check, in memory (A6-2).

py7zr decodes every coder 7-Zip uses (LZMA2, LZMA, PPMd, BZip2, Deflate, BCJ ...) and
checks each member's CRC; this module hands it an archive whose declared layout has been
judged already, lends it the derived key (:func:`~protocol_share.package._kdf.lend_keys`), and
collects the members in memory, refusing any byte past a member's declared size. py7zr
raises lzma, struct, type, assertion and its own errors for bad input: every one becomes
a :class:`~protocol_share.errors.CorruptPackage`.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable, Mapping
from typing import Any

from protocol_share.errors import CorruptPackage, PackageTooLarge
from protocol_share.package import _kdf
from protocol_share.package import _sevenzip as sz

__all__ = ["decompress"]


def decompress(
    data: bytes,
    *,
    password: str,
    keys: dict[tuple[bytes, int, bytes], bytes],
    layout: sz.Layout,
    limit: int,
) -> dict[str, bytes]:
    """The members of an archive whose ``layout`` the caller has checked, decompressed by
    py7zr with ``max_extract_size=limit`` and the derived ``keys`` lent to it (A6-2).

    Raises :class:`PackageTooLarge` when a member decompresses past its declared size,
    :class:`CorruptPackage` for anything else py7zr raises, and when its view of the files
    or their sizes and CRCs differs from ``layout``.
    """
    import py7zr
    import py7zr.exceptions

    declared = {member.name: member for member in layout.members}
    collector, contents = _collector(declared)
    try:
        with (
            _kdf.lend_keys(keys),
            py7zr.SevenZipFile(
                io.BytesIO(data), mode="r", password=password, max_extract_size=limit
            ) as sevenzip,
        ):
            listed = {(info.filename, info.uncompressed) for info in sevenzip.list()}
            if listed != {(member.name, member.size) for member in layout.members}:
                raise CorruptPackage("py7zr and the layout check disagree on the archive's files")
            sevenzip.extractall(factory=collector)
    except _Overflow:
        raise PackageTooLarge("a file decompresses past its declared size") from None
    except py7zr.exceptions.DecompressionBombError:
        raise PackageTooLarge("the archive decompresses past the size limit") from None
    except CorruptPackage:
        raise
    except Exception as error:  # py7zr raises lzma, struct, type, assertion errors and more
        raise CorruptPackage(
            f"the archive's content does not decode ({type(error).__name__})"
        ) from None
    members = contents()
    for name, member in declared.items():
        content = members.get(name)
        if content is None or len(content) != member.size or zlib.crc32(content) != member.crc:
            raise CorruptPackage("a file's content does not match its declared size and CRC")
    return members


class _Overflow(Exception):
    pass


def _collector(declared: Mapping[str, sz.Member]) -> tuple[Any, Callable[[], dict[str, bytes]]]:
    """A py7zr writer factory keeping members in memory, refusing bytes past their size;
    and a function returning what it collected."""
    from py7zr.io import Py7zIO, WriterFactory

    class Sink(Py7zIO):
        def __init__(self, limit: int) -> None:
            self.limit = limit
            self.buffer = bytearray()

        def write(self, s: bytes | bytearray) -> int:
            if len(self.buffer) + len(s) > self.limit:
                raise _Overflow
            self.buffer += s
            return len(s)

        def read(self, size: int | None = None) -> bytes:
            return b""

        def seek(self, offset: int, whence: int = 0) -> int:
            return len(self.buffer)

        def flush(self) -> None:
            return None

        def size(self) -> int:
            return len(self.buffer)

    class Collector(WriterFactory):
        def __init__(self) -> None:
            self.sinks: dict[str, Sink] = {}

        def create(self, filename: str) -> Py7zIO:
            member = declared.get(filename)
            if member is None or filename in self.sinks:
                raise CorruptPackage("py7zr and the layout check disagree on the archive's files")
            sink = self.sinks[filename] = Sink(member.size)
            return sink

        def contents(self) -> dict[str, bytes]:
            return {name: bytes(sink.buffer) for name, sink in self.sinks.items()}

    collector = Collector()
    return collector, collector.contents
