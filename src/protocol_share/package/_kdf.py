"""The 7-Zip AES key derivation, done once and fast, and lent to py7zr for one call (A6-2).

7-Zip derives its AES-256 key as SHA-256 over ``2**cycles`` rounds of ``salt + password +
counter`` (the password in UTF-16LE, the counter 8 bytes little-endian); ``cycles`` is 19,
the salt empty. :func:`derive_key` computes the same digest by hashing a block of 4096
prepared rounds at a time, rewriting only the counter bytes that change between blocks:
the hashing itself is the whole cost (about 40 MB of SHA-256 for a 34-character password).

py7zr derives the key again for every AES coder it meets, with a slower loop: twice per
archive (header and content). :func:`lend_keys` makes py7zr use a key derived here, for the
duration of one ``with`` block in the current thread or task only:

- at first use, ``py7zr.compressor.calculate_key`` (the name py7zr's AES coders call) is
  wrapped, once per process, and only for the py7zr versions in :data:`TESTED_PY7ZR`;
- outside a ``with lend_keys(...)`` block the wrapper calls py7zr's own function with the
  same arguments, so every other py7zr user in the process sees py7zr's behaviour, results
  and exceptions unchanged;
- inside the block it answers from the lent keys, and derives (with :func:`derive_key`,
  proven equal to the reference by a property test) and remembers any other salt;
- under an untested py7zr version nothing is wrapped: py7zr derives its keys itself, which
  is slower, never different.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

__all__ = [
    "CYCLES",
    "TESTED_PY7ZR",
    "derive_key",
    "hook_installed",
    "hookable",
    "lend_keys",
    "reference_key",
]

CYCLES = 19
"""The key-derivation strength 7-Zip (and py7zr) write: 2**19 SHA-256 rounds."""

TESTED_PY7ZR = frozenset({"1.1.3", "1.1.4"})
"""py7zr versions this module was tested against (the whole package suite, 7zz interop
included). ``pyproject.toml`` requires ``py7zr>=1.1.3,<1.2``: 1.1.3 is the first with
``max_extract_size``; 1.0.0 and 1.1.0 call ``calculate_key`` the same way but lack it."""

_BLOCK_BITS = 12
_BLOCK = 1 << _BLOCK_BITS
_COUNTER_BYTE0 = bytes(range(256)) * (_BLOCK // 256)
_COUNTER_BYTE1 = tuple(
    bytes((base | (i >> 8)) for i in range(_BLOCK)) for base in range(0, 256, _BLOCK // 256)
)

KeyFunction = Callable[[bytes, int, bytes, str], bytes]


def reference_key(password: bytes, cycles: int, salt: bytes = b"") -> bytes:
    """The 7-Zip key derivation written out plainly, one round at a time (slow; for tests)."""
    if cycles == 0x3F:
        return (salt + password + bytes(32))[:32]
    digest = hashlib.sha256()
    for counter in range(1 << cycles):
        digest.update(salt + password + counter.to_bytes(8, "little"))
    return digest.digest()


def derive_key(password: bytes, cycles: int = CYCLES, salt: bytes = b"") -> bytes:
    """The 7-Zip AES-256 key for ``password`` (UTF-16LE bytes), equal to :func:`reference_key`.

    Hashes blocks of 4096 prepared rounds; between blocks only counter bytes 1 to 7 change.
    ``cycles`` 0x3F is 7-Zip's "no hashing" case (the salted password, zero-padded).
    """
    if not 0 <= cycles <= 0x3F:
        raise ValueError("cycles out of range")
    if cycles == 0x3F:
        return (salt + password + bytes(32))[:32]
    prefix = salt + password
    step = len(prefix) + 8
    rounds = 1 << cycles
    block = min(rounds, _BLOCK)
    buffer = bytearray((prefix + bytes(8)) * block)
    at = len(prefix)
    buffer[at::step] = _COUNTER_BYTE0[:block]
    view = memoryview(buffer)
    digest = hashlib.sha256()
    high_bytes = bytes(6)
    for base in range(0, rounds, block):
        if block > 256:
            # byte 1 mixes the counter inside the block (bits 8-11) with the block's own bits.
            byte1 = _COUNTER_BYTE1[(base >> 8 & 0xFF) >> (_BLOCK_BITS - 8)]
            buffer[at + 1 :: step] = byte1[:block]
            high = (base >> 16).to_bytes(6, "little")
            for index in range(6):
                if high[index] != high_bytes[index]:
                    buffer[at + 2 + index :: step] = high[index : index + 1] * block
            high_bytes = high
        digest.update(view)
    return digest.digest()


class _Lent:
    """Keys lent to py7zr for one ``with`` block: (password, cycles, salt) -> key."""

    __slots__ = ("keys",)

    def __init__(self, keys: dict[tuple[bytes, int, bytes], bytes]) -> None:
        self.keys = keys

    def key(self, password: bytes, cycles: int, salt: bytes) -> bytes:
        entry = (password, cycles, salt)
        key = self.keys.get(entry)
        if key is None:
            key = self.keys[entry] = derive_key(password, cycles, salt)
        return key


_lent: ContextVar[_Lent | None] = ContextVar("protocol_share_7z_keys", default=None)
_install_lock = threading.Lock()
_installed: list[KeyFunction] = []  # py7zr's own function, once the wrapper is in place
_refused: list[str] = []  # the untested py7zr version, once seen


def _wrapper(original: KeyFunction) -> KeyFunction:
    def calculate_key(password: bytes, cycles: int, salt: bytes, digest: str) -> bytes:
        lent = _lent.get()
        if (
            lent is None
            or digest != "sha256"
            or type(password) is not bytes
            or type(salt) is not bytes
            or type(cycles) is not int
            or not 0 <= cycles <= 0x3F
        ):
            return original(password, cycles, salt, digest)
        return lent.key(password, cycles, salt)

    calculate_key.__wrapped__ = original  # type: ignore[attr-defined]
    calculate_key.__doc__ = original.__doc__
    return calculate_key


def _install() -> bool:
    if _installed:
        return True
    if _refused:
        return False
    with _install_lock:
        if _installed:
            return True
        import py7zr
        import py7zr.compressor

        version = str(getattr(py7zr, "__version__", ""))
        original: KeyFunction | None = getattr(py7zr.compressor, "calculate_key", None)
        if not hookable(version) or not callable(original):
            _refused.append(str(version))
            return False
        py7zr.compressor.calculate_key = _wrapper(original)  # type: ignore[attr-defined,assignment]
        _installed.append(original)
        return True


def hookable(version: str) -> bool:
    """Whether py7zr ``version`` is one this module may wrap (:data:`TESTED_PY7ZR`)."""
    return version in TESTED_PY7ZR


def hook_installed() -> bool:
    """Whether py7zr's key derivation is wrapped (only for :data:`TESTED_PY7ZR`)."""
    return bool(_installed)


@contextmanager
def lend_keys(keys: dict[tuple[bytes, int, bytes], bytes]) -> Iterator[None]:
    """Within the block, py7zr's AES coders in this thread/task take their keys from ``keys``.

    ``keys`` maps (UTF-16LE password, cycles, salt) to the derived key; keys derived inside
    the block for other salts are added to it, so a caller can keep them for the next call.
    """
    _install()
    token = _lent.set(_Lent(keys))
    try:
        yield
    finally:
        _lent.reset(token)
