"""The coders a package may use, by their properties (A6-2): AES's key-derivation
parameters and decryption, and the LZMA and LZMA2 dictionary and raw :mod:`lzma` filter.

The encoded header (:mod:`._header`) and the content (:mod:`._decode`) decode through
these, so each is written once.
"""

from __future__ import annotations

import lzma
from collections.abc import Callable
from dataclasses import dataclass

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from protocol_share.package._sevenzip._format import LZMA, LZMA2, Coder, Malformed

__all__ = [
    "AesParameters",
    "KeyFor",
    "aes_decrypt",
    "aes_parameters",
    "check_lzma",
    "decoder_memory",
    "lzma_filter",
]


@dataclass(frozen=True, slots=True)
class AesParameters:
    """The key-derivation strength, salt and initialisation vector of one AES coder."""

    cycles: int
    salt: bytes
    iv: bytes


KeyFor = Callable[[AesParameters], bytes]
"""The caller's key for an AES coder's parameters (derived once per salt and strength)."""


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


def aes_decrypt(coder: Coder, key_for: KeyFor, data: bytes) -> bytes:
    """``data`` (a whole number of AES blocks, which the caller checks) decrypted with the
    key ``key_for`` gives for the AES ``coder``'s parameters (AES-256-CBC)."""
    parameters = aes_parameters(coder.properties)
    decryptor = Cipher(algorithms.AES(key_for(parameters)), modes.CBC(parameters.iv)).decryptor()
    return decryptor.update(data) + decryptor.finalize()


def check_lzma(coder: Coder) -> None:
    """Raise :class:`Malformed` for LZMA or LZMA2 properties 7-Zip never writes."""
    method, properties = coder.method, coder.properties
    if method == LZMA and (len(properties) != 5 or properties[0] >= 9 * 5 * 5):
        raise Malformed("LZMA coder properties of the wrong size")
    if method == LZMA2 and (len(properties) != 1 or properties[0] > 40):
        raise Malformed("LZMA2 coder properties of the wrong size")


def decoder_memory(coder: Coder) -> int:
    """The memory ``coder``'s properties ask the decoder to allocate: the LZMA or LZMA2
    dictionary; 0 for the others (BZip2's is bounded by its format)."""
    properties = coder.properties
    if coder.method == LZMA and len(properties) == 5:
        return int.from_bytes(properties[1:5], "little")
    if coder.method == LZMA2 and len(properties) == 1:
        value = min(properties[0], 40)
        return (2 | (value & 1)) << (value // 2 + 11)
    return 0


def lzma_filter(coder: Coder, size: int) -> dict[str, int]:
    """The raw :mod:`lzma` filter of an LZMA or LZMA2 ``coder`` whose output is ``size``
    bytes, its properties checked (:func:`check_lzma`). The dictionary is the one declared,
    but never larger than the output: a larger one is never needed to decode it."""
    check_lzma(coder)
    dict_size = max(4096, min(decoder_memory(coder), size))
    if coder.method == LZMA2:
        return {"id": lzma.FILTER_LZMA2, "dict_size": dict_size}
    value = coder.properties[0]
    return {
        "id": lzma.FILTER_LZMA1,
        "lc": value % 9,
        "lp": value // 9 % 5,
        "pb": value // 45,
        "dict_size": dict_size,
    }
