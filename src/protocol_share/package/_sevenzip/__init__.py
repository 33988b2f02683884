"""The 7z container, read strictly and written plainly, in memory (A6-2).

- :mod:`._read`: :func:`read_layout` and :func:`parse_header` parse what an archive
  declares before anything is decompressed; every count and size is bounded by the bytes
  there. Nothing here decompresses member content: that is py7zr's job, after the caller
  has judged the declared layout.
- :mod:`._header`: :func:`decode_header` decrypts and decompresses the encoded header.
- :mod:`._write`: :func:`write_archive` writes what ``7z a -p -mhe=on`` writes.
- :mod:`._format`: ids, limits, errors, bounded reads and the layout's data classes.

Errors are :class:`Malformed` (the bytes do not follow the format), :class:`Unsupported`
(valid 7z, but a feature a package never needs) and :class:`NotDecoded` (the encrypted
header does not decode: a wrong key); the caller turns them into package errors. The
format: 7-Zip's ``DOC/7zFormat.txt``.
"""

from protocol_share.package._sevenzip._format import (
    AES,
    COPY,
    LZMA,
    LZMA2,
    MAX_HEADER_SIZE,
    PPMD,
    Coder,
    Folder,
    Layout,
    Malformed,
    Member,
    OverLimit,
    Streams,
    TooManyMembers,
    Unsupported,
    encode_number,
)
from protocol_share.package._sevenzip._header import (
    AesParameters,
    KeyFor,
    NotDecoded,
    aes_parameters,
    decode_header,
    header_coders,
)
from protocol_share.package._sevenzip._read import packed_span, parse_header, read_layout
from protocol_share.package._sevenzip._write import assemble, write_archive

__all__ = [
    "AES",
    "COPY",
    "LZMA",
    "LZMA2",
    "MAX_HEADER_SIZE",
    "PPMD",
    "AesParameters",
    "Coder",
    "Folder",
    "KeyFor",
    "Layout",
    "Malformed",
    "Member",
    "NotDecoded",
    "OverLimit",
    "Streams",
    "TooManyMembers",
    "Unsupported",
    "aes_parameters",
    "assemble",
    "decode_header",
    "encode_number",
    "header_coders",
    "packed_span",
    "parse_header",
    "read_layout",
    "write_archive",
]
