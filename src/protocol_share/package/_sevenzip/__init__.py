"""The 7z container, read strictly and written plainly, in memory (A6-2).

- :mod:`._read`: :func:`read_layout` and :func:`parse_header` parse what an archive
  declares before anything is decompressed; every count and size is bounded by the bytes
  there, and the archive must end where its next header ends (:func:`check_coverage`:
  no byte is covered by nothing).
- :mod:`._header`: :func:`decode_header` decrypts and decompresses the encoded header.
- :mod:`._coders`: what both decode with: AES's parameters and decryption, the LZMA and
  LZMA2 dictionary (:func:`decoder_memory`) and raw filter.
- :mod:`._decode`: :func:`plan_folder` judges a folder's coders against the allow-list,
  :func:`decode_members` decodes the content within the declared sizes, after the caller
  has judged the declared layout.
- :mod:`._write`: :func:`write_archive` writes what ``7z a -p -mhe=on`` writes.
- :mod:`._format`: ids, limits, errors, bounded reads and the layout's data classes.

Errors are :class:`Malformed` (the bytes do not follow the format), :class:`Unsupported`
(valid 7z, but a feature a package never needs; :class:`RefusedCoder` for a coder outside
the allow-list) and :class:`NotDecoded` (the encrypted
header does not decode: a wrong key); the caller turns them into package errors. The
format: 7-Zip's ``DOC/7zFormat.txt``.
"""

from protocol_share.package._sevenzip._coders import (
    AesParameters,
    KeyFor,
    aes_parameters,
    decoder_memory,
)
from protocol_share.package._sevenzip._decode import (
    COMPRESSORS,
    FILTERS,
    Plan,
    decode_members,
    plan_folder,
)
from protocol_share.package._sevenzip._format import (
    AES,
    MAX_HEADER_SIZE,
    Coder,
    Folder,
    Layout,
    Malformed,
    Member,
    OverLimit,
    RefusedCoder,
    Streams,
    TooManyMembers,
    Unsupported,
    encode_number,
)
from protocol_share.package._sevenzip._header import NotDecoded, decode_header, header_coders
from protocol_share.package._sevenzip._read import (
    check_coverage,
    packed_span,
    parse_header,
    read_layout,
)
from protocol_share.package._sevenzip._write import assemble, write_archive

__all__ = [
    "AES",
    "COMPRESSORS",
    "FILTERS",
    "MAX_HEADER_SIZE",
    "AesParameters",
    "Coder",
    "Folder",
    "KeyFor",
    "Layout",
    "Malformed",
    "Member",
    "NotDecoded",
    "OverLimit",
    "Plan",
    "RefusedCoder",
    "Streams",
    "TooManyMembers",
    "Unsupported",
    "aes_parameters",
    "assemble",
    "check_coverage",
    "decode_header",
    "decode_members",
    "decoder_memory",
    "encode_number",
    "header_coders",
    "packed_span",
    "parse_header",
    "plan_folder",
    "read_layout",
    "write_archive",
]
