"""Article 6: the encrypted package, built and opened in memory, 7-Zip compatible.

- :mod:`._package`: :func:`pack`, :func:`open_package`, passwords.
- :mod:`._payload`: what travels inside: ``verwijzing.json`` and ``verwijzing.txt``.
- :mod:`._signing`: the optional signed manifest.
- :mod:`._mail`: the package e-mail.
- :mod:`._archive`, :mod:`._kdf`, :mod:`._sevenzip`: the encrypted 7z layer, read by the
  library's own bounded decoder.
"""

from protocol_share.package._archive import (
    DEFAULT_MAX_ARCHIVE_SIZE,
    DEFAULT_MAX_CONTENT_SIZE,
    MAX_DECODER_MEMORY,
    MAX_PASSWORD_LENGTH,
    seal,
    unseal,
)
from protocol_share.package._mail import (
    ARCHIVE_MIME,
    package_message,
)
from protocol_share.package._package import (
    PASSWORD_ALPHABET,
    Package,
    PackageKey,
    ReceivedReferral,
    check_password,
    generate_password,
    open_package,
    pack,
)
from protocol_share.package._payload import (
    DOCUMENT_NAME,
    SCHEMA,
    SCHEMA_VERSION,
    TEXT_NAME,
    DocumentConsent,
    DocumentSender,
    ReferralDocument,
    document_json,
    document_text,
    parse_document,
)
from protocol_share.package._signing import (
    MANIFEST_NAME,
    Manifest,
    key_id,
    public_keys,
    sign,
    verify,
)

__all__ = [
    "ARCHIVE_MIME",
    "DEFAULT_MAX_ARCHIVE_SIZE",
    "DEFAULT_MAX_CONTENT_SIZE",
    "DOCUMENT_NAME",
    "MANIFEST_NAME",
    "MAX_DECODER_MEMORY",
    "MAX_PASSWORD_LENGTH",
    "PASSWORD_ALPHABET",
    "SCHEMA",
    "SCHEMA_VERSION",
    "TEXT_NAME",
    "DocumentConsent",
    "DocumentSender",
    "Manifest",
    "Package",
    "PackageKey",
    "ReceivedReferral",
    "ReferralDocument",
    "check_password",
    "document_json",
    "document_text",
    "generate_password",
    "key_id",
    "open_package",
    "pack",
    "package_message",
    "parse_document",
    "public_keys",
    "seal",
    "sign",
    "unseal",
    "verify",
]
