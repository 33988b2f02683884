"""A signed manifest inside the package: authenticity 7-Zip does not give (A6-2).

7-Zip's AES has no MAC: anyone who knows the password can write a package, and a package
altered in transit is caught only by CRC32. With a sender's Ed25519 key, :func:`sign`
adds ``verwijzing.manifest.json``: the SHA-256 of every other member, the key's id and an
Ed25519 signature over the canonical JSON of the rest. :func:`verify` refuses a manifest
that is missing (when a key is required), malformed, signed by another key, or that does
not match the members, each as :class:`~protocol_share.errors.SignatureInvalid`.

    >>> from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    >>> private = Ed25519PrivateKey.generate()
    >>> members = {"verwijzing.json": b"{}", "verwijzing.txt": b"tekst"}
    >>> manifest = sign(members, private)
    >>> verify({**members, MANIFEST_NAME: manifest}, [private.public_key()]) == key_id(private.public_key())
    True
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Collection, Mapping
from typing import Annotated, Final, Literal

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from pydantic import Field

from protocol_share._model import FrozenModel
from protocol_share.errors import InvalidInput, SignatureInvalid

__all__ = [
    "MANIFEST_NAME",
    "Manifest",
    "key_id",
    "public_keys",
    "sign",
    "verify",
]

MANIFEST_NAME: Final = "verwijzing.manifest.json"
_SCHEMA: Final = "protocol-share/manifest"

Hex = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


class Manifest(FrozenModel):
    """``verwijzing.manifest.json`` (A6-2): member digests, the signing key's id, the signature."""

    schema_: Literal["protocol-share/manifest"] = Field(default=_SCHEMA, alias="schema")
    schema_version: Literal[1] = 1
    algorithm: Literal["Ed25519"] = "Ed25519"
    key_id: Annotated[str, Field(pattern=r"^[0-9a-f]{32}$")]
    files: Annotated[dict[Annotated[str, Field(max_length=64)], Hex], Field(max_length=8)]
    signature: Annotated[str, Field(min_length=1, max_length=200)] = "-"


def key_id(public_key: Ed25519PublicKey) -> str:
    """The first 16 bytes (hex) of the raw public key's SHA-256 (A6-2): names a key, not a person."""
    raw = public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:32]


def _signed_bytes(manifest: Manifest) -> bytes:
    body = manifest.model_dump(by_alias=True, exclude={"signature"})
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def sign(members: Mapping[str, bytes], private_key: Ed25519PrivateKey) -> bytes:
    """The manifest for ``members``, signed with ``private_key`` (A6-2)."""
    if not isinstance(private_key, Ed25519PrivateKey):
        raise InvalidInput.single(
            "arguments", "signing_key", "NOT_AN_ED25519_KEY", "must be an Ed25519 private key"
        )
    unsigned = Manifest(
        key_id=key_id(private_key.public_key()),
        files={name: hashlib.sha256(data).hexdigest() for name, data in sorted(members.items())},
    )
    signature = private_key.sign(_signed_bytes(unsigned))
    signed = unsigned.model_copy(update={"signature": base64.b64encode(signature).decode()})
    return (signed.model_dump_json(indent=2, by_alias=True) + "\n").encode()


def public_keys(verify_with: object) -> tuple[Ed25519PublicKey, ...]:
    """``verify_with`` as a tuple of Ed25519 public keys (A6-2): one key, or a collection."""
    keys = (verify_with,) if isinstance(verify_with, Ed25519PublicKey) else verify_with
    if (
        isinstance(keys, str | bytes)
        or not isinstance(keys, Collection)
        or not keys
        or not all(isinstance(key, Ed25519PublicKey) for key in keys)
    ):
        raise InvalidInput.single(
            "arguments",
            "verify_with",
            "NOT_AN_ED25519_KEY",
            "must be an Ed25519 public key or a collection of them",
        )
    return tuple(keys)


def verify(members: Mapping[str, bytes], keys: Collection[Ed25519PublicKey]) -> str | None:
    """Check the manifest among ``members`` (A6-2); return the id of the key that signed it.

    With ``keys`` empty, a manifest is still checked against the members (integrity) but
    no signer is vouched for: the result is ``None``. With ``keys``, a missing manifest, one
    signed by a key not among them, or a bad signature raises :class:`SignatureInvalid`.
    """
    raw = members.get(MANIFEST_NAME)
    if raw is None:
        if keys:
            raise SignatureInvalid("the package is not signed, and a signature is required")
        return None
    try:
        manifest: Manifest | None = Manifest.model_validate_json(raw)
    except InvalidInput:
        manifest = None
    if manifest is None:
        raise SignatureInvalid("the package's manifest is malformed")
    others = {name: data for name, data in members.items() if name != MANIFEST_NAME}
    digests = {name: hashlib.sha256(data).hexdigest() for name, data in others.items()}
    if manifest.files != digests:
        raise SignatureInvalid("the package's content does not match its signed manifest")
    if not keys:
        return None
    signer = next((key for key in keys if key_id(key) == manifest.key_id), None)
    if signer is None:
        raise SignatureInvalid("the package is signed by a key that is not trusted here")
    try:
        signature = base64.b64decode(manifest.signature, validate=True)
        signer.verify(signature, _signed_bytes(manifest))
    except (InvalidSignature, ValueError):
        pass
    else:
        return manifest.key_id
    raise SignatureInvalid("the package's signature does not verify")
