"""The package's one bounded decoder (A6-2): the coder allow-list, every decoder's bounds,
the archive ending where it ends, and member times 7z can hold.

Every archive here is forged as 7-Zip lays it out (:func:`forged`), around streams the
real encoders wrote (:mod:`lzma`, :mod:`bz2`, :mod:`pyppmd`), encrypted with the password:
what a sender who knows the password could send. Archives ``7zz`` writes with each coder
are in ``test_interop_7zz.py``.
"""

from __future__ import annotations

import bz2
import lzma
import struct
import zlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone

import pyppmd
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from protocol_share import (
    CorruptPackage,
    InvalidInput,
    PackageError,
    PackageTooLarge,
    ReceivedReferral,
    UnsupportedCoder,
    open_package,
    pack,
)
from protocol_share.package import _sevenzip as sz
from protocol_share.package._archive import MAX_DECODER_MEMORY, seal, unseal
from protocol_share.package._payload import DOCUMENT_NAME, TEXT_NAME
from protocol_share.package._sevenzip import _format as f
from tests.package.package_support import AT, KEY, PERSONAL_VALUES, forged, referral

PACKAGE = pack(referral(), password=KEY, at=AT)
RECEIVED = open_package(PACKAGE.archive, password=KEY)
SIGNER = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
SIGNED = pack(referral(), password=KEY, at=AT, signing_key=SIGNER)


NAMES = {DOCUMENT_NAME, TEXT_NAME}


def _members() -> list[tuple[str, bytes]]:
    found = unseal(PACKAGE.archive, KEY, names=NAMES, required=set())
    return [(DOCUMENT_NAME, found[DOCUMENT_NAME]), (TEXT_NAME, found[TEXT_NAME])]


MEMBERS = _members()
CONTENT = b"".join(data for _, data in MEMBERS)

Coders = list[tuple[bytes, bytes]]
LZMA2_PROPERTY = b"\x10"  # a 1 MiB dictionary: preset 1's
LZMA_PROPERTIES = bytes([93]) + (1 << 20).to_bytes(4, "little")  # lc 3, lp 0, pb 2; 1 MiB


def _lzma(data: bytes, *filters: dict[str, int]) -> bytes:
    chain = [*filters, {"id": lzma.FILTER_LZMA2, "preset": 1}]
    return lzma.compress(data, format=lzma.FORMAT_RAW, filters=chain)


def _ppmd(data: bytes, properties: bytes) -> bytes:
    order, memory = properties[0], int.from_bytes(properties[1:5], "little")
    encoder = pyppmd.Ppmd7Encoder(order, memory)
    return bytes(encoder.encode(data) + encoder.flush(endmark=False))


def _stored_x86(data: bytes) -> bytes:
    """``data`` through the x86 BCJ encoder alone (what 7-Zip's BCJ writes)."""
    chain = [{"id": lzma.FILTER_X86}, {"id": lzma.FILTER_LZMA2, "preset": 0}]
    encoded = lzma.compress(data, format=lzma.FORMAT_RAW, filters=chain)
    decoded = lzma.LZMADecompressor(lzma.FORMAT_RAW, filters=[{"id": lzma.FILTER_LZMA2}])
    return decoded.decompress(encoded)


PPMD_PROPERTIES = bytes([6]) + (1 << 20).to_bytes(4, "little")
ENCODERS: dict[str, Callable[[bytes], tuple[bytes, Coders]]] = {
    "LZMA2": lambda d: (_lzma(d), [(f.LZMA2, LZMA2_PROPERTY)]),
    "LZMA": lambda d: (
        lzma.compress(d, format=lzma.FORMAT_RAW, filters=[{"id": lzma.FILTER_LZMA1, "preset": 1}]),
        [(f.LZMA, LZMA_PROPERTIES)],
    ),
    "BZip2": lambda d: (bz2.compress(d, 9), [(f.BZIP2, b"")]),
    "Copy": lambda d: (d, [(f.COPY, b"")]),
    "BCJ over LZMA2": lambda d: (
        _lzma(d, {"id": lzma.FILTER_X86}),
        [(f.LZMA2, LZMA2_PROPERTY), (f.BCJ, b"")],
    ),
    "Delta over LZMA2": lambda d: (
        _lzma(d, {"id": lzma.FILTER_DELTA, "dist": 4}),
        [(f.LZMA2, LZMA2_PROPERTY), (f.DELTA, b"\x03")],
    ),
    "BCJ over BZip2": lambda d: (bz2.compress(_stored_x86(d)), [(f.BZIP2, b""), (f.BCJ, b"")]),
    "Delta over Copy": lambda d: (_delta(d, 2), [(f.COPY, b""), (f.DELTA, b"\x01")]),
}


def _delta(data: bytes, distance: int) -> bytes:
    out = bytearray(data)
    for index in range(len(data) - 1, distance - 1, -1):
        out[index] = (data[index] - data[index - distance]) & 0xFF
    return bytes(out)


def archive_of(
    name: str, members: list[tuple[str, bytes]] | None = None, *, lie: int | None = None
) -> bytes:
    """``members`` (the package's own by default) in one folder coded by ``ENCODERS[name]``;
    with ``lie``, the last member declares ``lie`` bytes and the folder sizes follow."""
    members = MEMBERS if members is None else members
    content = b"".join(data for _, data in members)
    stream, coders = ENCODERS[name](content)
    if lie is None:
        return forged(stream, coders, [len(content)] * len(coders), members)
    declared = [*((n, len(d), zlib.crc32(d)) for n, d in members[:-1])]
    declared.append((members[-1][0], lie, zlib.crc32(members[-1][1][:lie])))
    total = sum(size for _, size, _ in declared)
    return forged(stream, coders, [total] * len(coders), declared)


def refused(archive: bytes | bytearray | memoryview, **kwargs: object) -> PackageError:
    kwargs.setdefault("password", KEY)
    with pytest.raises(PackageError) as caught:
        open_package(archive, **kwargs)  # type: ignore[arg-type]
    for value in PERSONAL_VALUES:
        assert value not in str(caught.value)
    assert caught.value.__cause__ is None
    assert caught.value.__context__ is None
    return caught.value


# -- every allowed coder decodes, with the library's own decoder ----------------------


@pytest.mark.parametrize("name", list(ENCODERS))
def test_every_allowed_coder_opens_with_the_librarys_own_decoder(name: str) -> None:
    assert open_package(archive_of(name), password=KEY) == RECEIVED


@given(data=st.binary(max_size=3000), name=st.sampled_from(list(ENCODERS)))
@settings(max_examples=60, deadline=None)
def test_any_content_round_trips_through_every_allowed_coder(data: bytes, name: str) -> None:
    members = [(DOCUMENT_NAME, data), (TEXT_NAME, b"tekst")]
    opened = unseal(archive_of(name, members), KEY, names=NAMES, required=())
    assert opened == dict(members)


@given(
    stream=st.binary(max_size=600),
    name=st.sampled_from(list(ENCODERS)),
    declared=st.integers(0, 4096),
)
@settings(max_examples=200, deadline=None)
def test_any_stream_under_any_allowed_coder_is_a_package_error_or_opens(
    stream: bytes, name: str, declared: int
) -> None:
    """Garbage for each decoder (and any declared size): a typed refusal, never a raw
    lzma, bz2, PPMd or other error."""
    _, coders = ENCODERS[name](b"")
    members = [(DOCUMENT_NAME, declared, 0), (TEXT_NAME, 0, 0)]
    archive = forged(stream, coders, [declared] * len(coders), members)
    outcome: object
    try:
        outcome = open_package(archive, password=KEY)
    except PackageError as error:
        outcome = error.__cause__
    assert outcome is None or isinstance(outcome, ReceivedReferral)


# -- bombs: each allowed coder ---------------------------------------------------------

BOMB = 4 << 20  # zeros: four times the default content limit


@pytest.mark.parametrize("name", list(ENCODERS))
def test_each_allowed_coders_bomb_is_refused_by_its_declared_size(name: str) -> None:
    members = [MEMBERS[0], (TEXT_NAME, bytes(BOMB))]
    error = refused(archive_of(name, members), max_archive_size=8 << 20)
    assert type(error) is PackageTooLarge
    assert "declared" in str(error)


UNENDED = {"LZMA"}
"""Coders 7-Zip writes without an end marker: the declared size is their only end."""


@pytest.mark.parametrize("name", list(ENCODERS))
def test_each_allowed_coders_lying_bomb_is_cut_at_its_declared_size(name: str) -> None:
    """The header declares 7 bytes for the text; its stream holds 4 MiB: decoding stops
    at the declared size. A coder with an end marker must end there (else corrupt); one
    without (7-Zip's LZMA) yields exactly the declared bytes, nothing more."""
    members = [MEMBERS[0], (TEXT_NAME, bytes(BOMB))]
    archive = archive_of(name, members, lie=7)
    if name in UNENDED:
        opened = unseal(archive, KEY, names=NAMES, required=(), max_archive_size=8 << 20)
        assert opened == {DOCUMENT_NAME: MEMBERS[0][1], TEXT_NAME: bytes(7)}
    else:
        assert type(refused(archive, max_archive_size=8 << 20)) is CorruptPackage


# -- coders outside the allow-list: refused before anything is decoded ---------------

REFUSED_CODERS = {
    "Deflate": [(bytes.fromhex("040108"), b"")],
    "Deflate64": [(bytes.fromhex("040109"), b"")],
    "Zstd": [(bytes.fromhex("04f71101"), b"\x01\x05\x03")],
    "PPMd": [(f.PPMD, bytes([6]) + (1 << 20).to_bytes(4, "little"))],
    "Brotli": [(bytes.fromhex("04f71102"), b"\x01\x05\x03")],
    "LZ4": [(bytes.fromhex("04f71104"), b"\x01\x05\x03")],
    "ARM64 filter over LZMA2": [(f.LZMA2, LZMA2_PROPERTY), (bytes.fromhex("0a"), b"")],
    "ARM filter over LZMA2": [(f.LZMA2, LZMA2_PROPERTY), (bytes.fromhex("03030501"), b"")],
    "SPARC filter over LZMA2": [(f.LZMA2, LZMA2_PROPERTY), (bytes.fromhex("03030805"), b"")],
    "Swap4 over LZMA2": [(f.LZMA2, LZMA2_PROPERTY), (bytes.fromhex("020304"), b"")],
    "an unknown method": [(bytes.fromhex("7f7f7f"), b"")],
    "a filter alone": [(f.BCJ, b"")],
    "two compressors": [(f.LZMA2, LZMA2_PROPERTY), (f.LZMA2, LZMA2_PROPERTY)],
    "AES twice": [(sz.AES, b"\x13"), (f.LZMA2, LZMA2_PROPERTY)],
    "two filters": [(f.LZMA2, LZMA2_PROPERTY), (f.BCJ, b""), (f.DELTA, b"\x00")],
}


@pytest.mark.parametrize("name", list(REFUSED_CODERS))
def test_a_coder_outside_the_allow_list_is_refused_before_decoding(name: str) -> None:
    coders = REFUSED_CODERS[name]
    # the stream is garbage: had any decoder run, the refusal would be another one
    archive = forged(bytes(64), coders, [len(CONTENT)] * len(coders), MEMBERS)
    error = refused(archive)
    assert type(error) is UnsupportedCoder
    assert isinstance(error, CorruptPackage)
    assert "coder" in str(error)


def test_a_deflate_bomb_is_refused_as_an_unsupported_coder_not_decoded() -> None:
    raw = zlib.compressobj(9, zlib.DEFLATED, -15)
    stream = raw.compress(bytes(BOMB)) + raw.flush()
    archive = forged(stream, REFUSED_CODERS["Deflate"], [7], [(DOCUMENT_NAME, 7, 0)])
    assert type(refused(archive)) is UnsupportedCoder


# -- PPMd: refused in every property form, its model never allocated ------------------


@pytest.mark.parametrize(
    "properties",
    [
        PPMD_PROPERTIES,  # 7-Zip's 5-byte form, a 1 MiB model
        PPMD_PROPERTIES + b"\x00\x00",  # py7zr's 7-byte form
        bytes([6]) + (0xFFFF_FFFF).to_bytes(4, "little") + b"\x00\x00",  # 4 GiB, 7 bytes
        bytes([6]) + (0xFFFF_FFFF).to_bytes(4, "little"),  # 4 GiB, 5 bytes
        bytes([65]) + (1 << 20).to_bytes(4, "little"),  # order over 64
        bytes([6, 0, 0, 16]),  # four bytes
    ],
    ids=["5-byte", "7-byte", "4 GiB 7-byte", "4 GiB 5-byte", "order 65", "4 bytes"],
)
def test_ppmd_in_any_property_form_is_refused_before_its_model_is_allocated(
    properties: bytes,
) -> None:
    """A 7-byte property declaring 4 GiB passed the old 64 MiB check (it read 5-byte
    properties only) and aborted the process under a memory limit. PPMd is now refused
    unread: its one Python decoder corrupts memory on a stream that ends early."""
    stream = _ppmd(CONTENT, PPMD_PROPERTIES)
    archive = forged(stream, [(f.PPMD, properties)], [len(CONTENT)], MEMBERS)
    error = refused(archive)
    assert type(error) is UnsupportedCoder
    assert "PPMd" in str(error)


def test_an_oversized_buffer_is_refused_by_its_size_without_being_copied() -> None:
    """A memoryview over a large mapping (a 1 GiB Copy "bomb" is a 1 GiB input) is judged
    by its length; a copy would spend the memory the limit is there to save."""
    huge = memoryview(bytearray(8 << 20))
    for archive in (huge, huge.cast("B", (len(huge) // 8, 8)), bytearray(huge)):
        error = refused(archive)
        assert type(error) is PackageTooLarge
        assert "archive is over" in str(error)
    assert open_package(memoryview(PACKAGE.archive), password=KEY) == RECEIVED


def test_an_lzma_dictionary_over_the_memory_limit_is_refused() -> None:
    stream, _ = ENCODERS["LZMA"](CONTENT)
    properties = bytes([93]) + (MAX_DECODER_MEMORY + 1).to_bytes(4, "little")
    archive = forged(stream, [(f.LZMA, properties)], [len(CONTENT)], MEMBERS)
    assert "memory" in str(refused(archive))


# -- the input ends where the archive ends --------------------------------------------


@pytest.mark.parametrize(
    "tail",
    [b"\x00", b"garbage after the archive", bytes(4096), SIGNED.archive],
    ids=["one zero byte", "text", "4 KiB of zeros", "a second archive"],
)
def test_bytes_after_the_archive_are_refused_as_corrupt(tail: bytes) -> None:
    assert type(refused(PACKAGE.archive + tail)) is CorruptPackage
    verified = refused(SIGNED.archive + tail, verify_with=SIGNER.public_key())
    assert type(verified) is CorruptPackage


@given(tail=st.binary(min_size=1, max_size=64))
@settings(max_examples=50, deadline=None)
def test_any_trailing_bytes_are_refused(tail: bytes) -> None:
    assert type(refused(PACKAGE.archive + tail)) is CorruptPackage


def test_bytes_between_the_packed_streams_and_the_header_are_refused() -> None:
    """Bytes inserted before the header, the offsets and CRCs made right again."""
    layout, raw = sz.read_layout(PACKAGE.archive)
    start = layout.next_header_at
    archive = PACKAGE.archive[:start] + b"hidden" + PACKAGE.archive[start:]
    start_header = struct.pack("<QQI", start - 32 + 6, len(raw), zlib.crc32(raw))
    archive = (
        archive[:8] + struct.pack("<I", zlib.crc32(start_header)) + start_header + archive[32:]
    )
    assert type(refused(archive)) is CorruptPackage


# -- member times --------------------------------------------------------------------


@pytest.mark.parametrize(
    "at",
    [
        datetime(1600, 12, 31, 23, 59, 59, tzinfo=UTC),
        datetime(1601, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=1))),
        datetime(1, 1, 2, tzinfo=UTC),
    ],
    ids=str,
)
def test_a_member_time_before_1601_is_refused_as_out_of_range(at: datetime) -> None:
    """7z's times count from 1601: before, ``pack`` and ``seal`` raised a raw struct.error."""
    with pytest.raises(InvalidInput) as caught:
        pack(referral(created_at=at - timedelta(hours=1)), password=KEY, at=at)
    assert caught.value.codes == {"OUT_OF_RANGE"}
    assert [problem.path for problem in caught.value.problems] == ["at"]
    with pytest.raises(InvalidInput) as caught:
        seal(MEMBERS, KEY, mtime=at)
    assert caught.value.codes == {"OUT_OF_RANGE"}


def test_the_first_moment_7z_can_hold_is_sealed_and_opened() -> None:
    at = datetime(1601, 1, 1, tzinfo=UTC)
    archive = seal(MEMBERS, KEY, mtime=at)
    assert unseal(archive, KEY, names=NAMES, required=()) == dict(MEMBERS)
