"""The 7-Zip AES key derivation, done once and fast (A6-2).

7-Zip derives its AES-256 key as SHA-256 over ``2**cycles`` rounds of ``salt + password +
counter`` (the password in UTF-16LE, the counter 8 bytes little-endian); ``cycles`` is 19,
the salt empty. :func:`derive_key` computes the same digest by hashing a block of 4096
prepared rounds at a time, rewriting only the counter bytes that change between blocks:
the hashing itself is the whole cost (about 40 MB of SHA-256 for a 34-character password).

The library's own reader and writer use the key derived here; no dependency's key
derivation is called or replaced.
"""

from __future__ import annotations

import hashlib

__all__ = [
    "CYCLES",
    "derive_key",
    "reference_key",
]

CYCLES = 19
"""The key-derivation strength 7-Zip (and py7zr) write: 2**19 SHA-256 rounds."""

_BLOCK_BITS = 12
_BLOCK = 1 << _BLOCK_BITS
_COUNTER_BYTE0 = bytes(range(256)) * (_BLOCK // 256)
_COUNTER_BYTE1 = tuple(
    bytes((base | (i >> 8)) for i in range(_BLOCK)) for base in range(0, 256, _BLOCK // 256)
)


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
