"""The encrypted 7z layer (A6-2): seal members into an archive, open one under limits.

:func:`seal` writes a 7-Zip archive, AES-256 with the header encrypted (``7z a -p -mhe=on``).
:func:`unseal` opens one, in this order, so that nothing is decompressed before it is
judged and every refusal is its own :class:`~protocol_share.errors.PackageError`:

1. the input size against ``max_archive_size`` (:class:`PackageTooLarge`);
2. the signature header and the header's clear description, the input ending exactly
   where the archive's next header ends (:class:`CorruptPackage`);
3. a header in clear is refused: :class:`HeadersNotEncrypted` when the content is
   encrypted, :class:`NotEncrypted` when it is not;
4. the encrypted header is decrypted with the key, its size and CRC checked
   (:class:`WrongPassword` when they fail: 7z has no MAC, so a damaged encrypted header
   looks the same);
5. the declared layout: the packed streams fill the archive without gap, every folder
   encrypted (:class:`NotEncrypted`), every coder on the allow-list
   (:class:`UnsupportedCoder`), exactly the expected members, no directory, link or path
   (:class:`UnexpectedContent`), declared sizes and decoder memory within the limits
   (:class:`PackageTooLarge`);
6. only then the library's own decoder (:mod:`._sevenzip._decode`) decrypts and
   decompresses each folder, never past its declared size, and checks every member's
   size and CRC; a failure there is :class:`CorruptPackage` (the password was proven right
   in step 4).

The key is derived once per :class:`PackageKey` (:mod:`._kdf`); no dependency is patched.
"""

from __future__ import annotations

import secrets
from collections.abc import Collection, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from protocol_share._model import require_type
from protocol_share._time import require_aware
from protocol_share.errors import (
    CorruptPackage,
    HeadersNotEncrypted,
    InvalidInput,
    NotEncrypted,
    PackageTooLarge,
    UnexpectedContent,
    UnsupportedCoder,
    WrongPassword,
)
from protocol_share.package import _kdf
from protocol_share.package import _sevenzip as sz

if TYPE_CHECKING:
    from protocol_share.errors import PackageError

__all__ = [
    "DEFAULT_MAX_ARCHIVE_SIZE",
    "DEFAULT_MAX_CONTENT_SIZE",
    "EARLIEST_TIME",
    "MAX_DECODER_MEMORY",
    "MAX_PASSWORD_LENGTH",
    "PackageKey",
    "check_archive_time",
    "seal",
    "unseal",
]

DEFAULT_MAX_ARCHIVE_SIZE = 1024 * 1024
DEFAULT_MAX_CONTENT_SIZE = 1024 * 1024
MAX_DECODER_MEMORY = 64 * 1024 * 1024
"""The largest LZMA dictionary an archive may declare (it is allocated no larger than the
output it serves in any case; PPMd, whose model would be the other, is refused)."""
EARLIEST_TIME = datetime(1601, 1, 1, tzinfo=UTC)
"""The earliest member time 7z can write (its FILETIME counts from 1601-01-01 UTC)."""
MAX_PASSWORD_LENGTH = 256
"""Longer passwords are refused: the key derivation hashes the password 2**19 times."""
COMPRESSION_PRESET = 1
"""LZMA2 preset for sealing: a package is a few kilobytes, a high preset only costs time."""


def _utf16(password: object) -> bytes:
    """A usable password, in 7-Zip's UTF-16LE; else :class:`InvalidInput` (no value named)."""
    password = require_type(password, str, "password")
    if not password:
        raise InvalidInput.single("arguments", "password", "EMPTY", "must not be empty")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise InvalidInput.single(
            "arguments",
            "password",
            "TOO_LONG",
            f"must be at most {MAX_PASSWORD_LENGTH} characters",
        )
    try:
        return password.encode("utf-16-le")
    except UnicodeEncodeError:
        pass  # raised below, outside the except block: the codec's error quotes the password
    raise InvalidInput.single(
        "arguments", "password", "NOT_ENCODABLE", "holds a lone surrogate character"
    )


class PackageKey:
    """A package password and its 7-Zip AES-256 key, derived once (A6-2).

    Deriving the key is the whole cost of sealing or opening a small archive (2**19
    SHA-256 rounds). Pass a :class:`PackageKey` instead of the password string to
    :func:`~protocol_share.pack` and :func:`~protocol_share.open_package` to derive it
    once for a batch. The ``repr`` never shows the password.

        >>> key = PackageKey.derive("correct horse battery staple")
        >>> key
        PackageKey(<redacted>)

    Build a key only with :meth:`derive` (or :meth:`of`), which checks the password:
    ``PackageKey(...)`` raises :class:`InvalidInput` (``USE_DERIVE``). A key is never
    pickled (it holds the password): pickling raises :class:`InvalidInput`
    (``NOT_PICKLED``), by design.
    """

    __slots__ = ("_keys", "_password", "_utf16")

    _password: str
    _utf16: bytes
    _keys: dict[tuple[bytes, int, bytes], bytes]

    def __init__(self, *args: object, **kwargs: object) -> None:
        raise InvalidInput.single(
            "PackageKey", "password", "USE_DERIVE", "build a key with PackageKey.derive(password)"
        )

    @classmethod
    def derive(cls, password: str) -> PackageKey:
        """Check ``password`` (a non-empty string of at most 256 characters) and derive its key (A6-2).

        Raises :class:`InvalidInput` (``WRONG_TYPE``, ``EMPTY``, ``TOO_LONG``,
        ``NOT_ENCODABLE`` for a lone surrogate), naming no value.
        """
        utf16 = _utf16(password)
        key = _kdf.derive_key(utf16, _kdf.CYCLES, b"")
        made = object.__new__(cls)
        made._password, made._utf16 = password, utf16
        made._keys = {(utf16, _kdf.CYCLES, b""): key}
        return made

    @classmethod
    def of(cls, password: str | PackageKey) -> PackageKey:
        """``password`` itself when it is a key already, else :meth:`derive` (A6-2)."""
        return password if isinstance(password, PackageKey) else cls.derive(password)

    @property
    def password(self) -> str:
        """The password (to hand to 7-Zip; never logged by this library)."""
        return self._password

    def key_for(self, cycles: int, salt: bytes) -> bytes:
        """The AES key for this password with 7-Zip's ``cycles`` and ``salt``, remembered (A6-2)."""
        entry = (self._utf16, cycles, salt)
        key = self._keys.get(entry)
        if key is None:
            key = self._keys[entry] = _kdf.derive_key(self._utf16, cycles, salt)
        return key

    def __repr__(self) -> str:
        return "PackageKey(<redacted>)"

    def __reduce__(self) -> Any:
        # Deliberate: a key holds the password and must not reach a file, cache or queue.
        raise InvalidInput.single(
            "PackageKey", "", "NOT_PICKLED", "a PackageKey holds a password and is never pickled"
        )


def check_archive_time(moment: object, name: str = "at") -> datetime:
    """``moment``, aware and within what a 7z member time can hold (A6-2); else
    :class:`InvalidInput` (``NAIVE_DATETIME``, ``OUT_OF_RANGE`` before 1601-01-01 UTC)."""
    moment = require_aware(moment, name)
    if moment < EARLIEST_TIME:
        raise InvalidInput.single(
            "arguments", name, "OUT_OF_RANGE", "lies before 1601, the start of 7z's time"
        )
    return moment


def seal(members: Sequence[tuple[str, bytes]], key: PackageKey, *, mtime: datetime) -> bytes:
    """A 7-Zip archive of ``members``: LZMA2 (low preset), AES-256, header encrypted (A6-2).

    Every member carries ``mtime`` (aware). Two fresh IVs come from :mod:`secrets`, so two
    archives of the same members differ; their content is the same.
    """
    check_archive_time(mtime, "mtime")
    return sz.write_archive(
        members,
        key=key.key_for(_kdf.CYCLES, b""),
        cycles=_kdf.CYCLES,
        ivs=(secrets.token_bytes(16), secrets.token_bytes(16)),
        mtime=mtime,
        preset=COMPRESSION_PRESET,
    )


def _as_bytes(archive: object, max_archive_size: int) -> bytes:
    """The archive as bytes, its size judged first: an oversized buffer is never copied."""
    if isinstance(archive, memoryview):
        size = archive.nbytes
    elif isinstance(archive, bytes | bytearray):
        size = len(archive)
    else:
        raise InvalidInput.single("arguments", "archive", "WRONG_TYPE", "must be bytes")
    if size > max_archive_size:
        raise PackageTooLarge("the archive is over the size limit")
    return archive if isinstance(archive, bytes) else bytes(archive)


def _limit(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidInput.single("arguments", name, "NOT_A_LIMIT", "must be a positive integer")
    return value


def _check_aes(coder: sz.Coder) -> sz.AesParameters:
    parameters = sz.aes_parameters(coder.properties)
    if parameters.cycles != _kdf.CYCLES:
        raise sz.Unsupported("a key derivation other than 7-Zip's 2**19 rounds")
    if len(parameters.salt) > 16 or len(coder.properties) > 2 + 16 + 16:
        raise sz.Malformed("AES coder properties of the wrong size")
    return parameters


def _reads_without_key(layout: sz.Layout, data: bytes) -> bool:
    """Whether an encoded header without AES decodes and parses (into ``layout``)."""
    try:
        sz.parse_header(sz.decode_header(data, layout, _no_key), layout)
    except (sz.Malformed, sz.Unsupported, sz.NotDecoded):
        return False
    return True


def _refuse_clear_header(layout: sz.Layout, data: bytes) -> None:
    """The header is readable without a password: say whether the content is encrypted."""
    unread = layout.header_encoded and not _reads_without_key(layout, data)
    folders = layout.main.folders if layout.main else []
    if unread or (folders and all(folder.encrypted for folder in folders)):
        raise HeadersNotEncrypted(
            "the archive's header (file names and sizes) is not encrypted (A6-2)"
        )
    raise NotEncrypted("the archive's content is not AES-256 encrypted (A6-2)")


def _no_key(parameters: sz.AesParameters) -> bytes:
    raise sz.Malformed("an encrypted header inside a clear one")


def _header_aes(layout: sz.Layout) -> list[sz.Coder]:
    if layout.header_streams is None:
        return []
    return [coder for coder in layout.header_streams.folders[0].coders if coder.method == sz.AES]


def _check_layout(
    layout: sz.Layout,
    data: bytes,
    names: Collection[str],
    required: Collection[str],
    max_content_size: int,
) -> None:
    main = layout.main
    if main is None or not main.folders:
        raise UnexpectedContent("the archive holds no file content")
    for folder in main.folders:
        if not folder.encrypted:
            raise NotEncrypted("part of the archive's content is not AES-256 encrypted (A6-2)")
    plans = [sz.plan_folder(folder) for folder in main.folders]  # the allow-list, first
    declared = sum(member.size for member in layout.members)
    if declared > max_content_size or any(
        size > max_content_size + len(data)
        for folder in main.folders
        for size in folder.unpack_sizes
    ):
        raise PackageTooLarge("the archive's declared content is over the size limit")
    salts = {_check_aes(coder).salt for coder in _header_aes(layout)}
    for plan in plans:
        salts.add(_check_aes(plan.aes).salt)
        if sz.decoder_memory(plan.compressor) > MAX_DECODER_MEMORY:
            raise PackageTooLarge("the archive asks for more decoder memory than allowed")
    if len(salts) > 1:
        # 7-Zip derives one key per archive (no salt); several would each cost a derivation.
        raise sz.Unsupported("more than one key derivation in the archive")
    for index in range(len(main.pack_sizes)):
        sz.packed_span(len(data), main, index)
    sz.check_coverage(layout)
    seen: set[str] = set()
    for member in layout.members:
        if member.is_link:
            raise UnexpectedContent("the archive holds a link")
        if member.is_directory:
            raise UnexpectedContent("the archive holds a directory")
        if any(mark in member.name for mark in ("/", "\\", "..", "\x00")) or ":" in member.name:
            raise UnexpectedContent("the archive holds a path, not a plain file name")
        if member.name not in names:
            raise UnexpectedContent("the archive holds a file other than the expected ones")
        if member.name in seen:
            raise UnexpectedContent("the archive holds the same file twice")
        if member.is_anti or not member.has_stream:
            raise UnexpectedContent("the archive holds an empty entry")
        if member.crc is None:
            raise CorruptPackage("a file in the archive has no CRC")
        seen.add(member.name)
    if not set(required) <= seen:
        raise UnexpectedContent("an expected file is missing from the archive")


def _open_header(data: bytes, password: str | PackageKey) -> tuple[sz.Layout, PackageKey]:
    """The archive's layout, its encrypted header decrypted and parsed; raises the 7z
    layer's errors (:class:`sz.NotDecoded` for the wrong key)."""
    layout, _ = sz.read_layout(data)
    if not layout.header_encoded or not any(
        coder.method == sz.AES for coder in sz.header_coders(layout)
    ):
        _refuse_clear_header(layout, data)
    salts = {_check_aes(coder).salt for coder in sz.header_coders(layout) if coder.method == sz.AES}
    if len(salts) > 1:
        raise sz.Unsupported("more than one key derivation in the header")
    key = PackageKey.of(password)  # derived only now: the header is encrypted and sound
    header_crc = layout.header_streams.folders[0].crc if layout.header_streams else None
    decoded = sz.decode_header(data, layout, lambda p: key.key_for(p.cycles, p.salt))
    if header_crc is not None:
        sz.parse_header(decoded, layout)
    elif not _parses(decoded, layout):
        # without a CRC, a header that does not parse is the wrong key's
        raise sz.NotDecoded("the header does not parse")
    return layout, key


def _parses(decoded: bytes, layout: sz.Layout) -> bool:
    try:
        sz.parse_header(decoded, layout)
    except (sz.Malformed, sz.Unsupported):
        return False
    return True


def _refusal(error: Exception) -> PackageError:
    """The package error for an error of the 7z layer; its message is the layer's own,
    which names no value. Built in an except block, raised after it, so that the 7z
    layer's error is neither its ``__cause__`` nor its ``__context__``."""
    if isinstance(error, sz.NotDecoded):
        return WrongPassword(
            "the password does not open the archive (or its encrypted header is damaged)"
        )
    if isinstance(error, sz.TooManyMembers):
        return UnexpectedContent("the archive holds more files than expected")
    if isinstance(error, sz.RefusedCoder):
        return UnsupportedCoder(f"the archive uses a coder the decoder refuses: {error}")
    if isinstance(error, sz.OverLimit):
        return PackageTooLarge("the archive's header is over the size limit")
    return CorruptPackage(f"not a readable 7z package: {error}")


_SZ_ERRORS = (sz.Malformed, sz.Unsupported, sz.NotDecoded)


def _inspect(
    data: bytes,
    password: str | PackageKey,
    names: Collection[str],
    required: Collection[str],
    max_content_size: int,
) -> tuple[sz.Layout, PackageKey]:
    refusal: PackageError | None = None
    try:
        layout, key = _open_header(data, password)
        _check_layout(layout, data, names, required, max_content_size)
    except _SZ_ERRORS as error:
        refusal = _refusal(error)
    if refusal is not None:
        raise refusal
    return layout, key


def unseal(
    archive: bytes | bytearray | memoryview,
    password: str | PackageKey,
    *,
    names: Collection[str],
    required: Collection[str],
    max_archive_size: int = DEFAULT_MAX_ARCHIVE_SIZE,
    max_content_size: int = DEFAULT_MAX_CONTENT_SIZE,
) -> dict[str, bytes]:
    """Open an encrypted 7z archive in memory; return its members by name (A6-2).

    ``names`` are the members allowed, ``required`` those that must be there. A password
    string is checked at once but its key derived only once the archive's encrypted header
    has passed the structural checks: junk is refused without the cost of a derivation.
    Raises a :class:`~protocol_share.errors.PackageError` subclass (see the module
    docstring), or :class:`InvalidInput` for arguments of the wrong type.
    """
    if not isinstance(password, PackageKey):
        _utf16(password)
    max_archive_size = _limit(max_archive_size, "max_archive_size")
    max_content_size = _limit(max_content_size, "max_content_size")
    data = _as_bytes(archive, max_archive_size)
    if not data:
        raise CorruptPackage("not a 7z archive: the input is empty")
    layout, key = _inspect(data, password, names, required, max_content_size)
    refusal: PackageError | None = None
    try:
        return sz.decode_members(data, layout, lambda p: key.key_for(p.cycles, p.salt))
    except (sz.Malformed, sz.Unsupported) as error:
        refusal = CorruptPackage(f"the archive's content does not decode: {error}")
    raise refusal
