"""Article 6: the encrypted package, built and opened in memory, 7-Zip compatible.

- :mod:`._package`: :func:`pack`, :func:`open_package`, passwords.
- :mod:`._payload`: what travels inside: ``verwijzing.json`` and ``verwijzing.txt``.
- :mod:`._signing`: the optional signed manifest.
- :mod:`._mail`: the package e-mail, and the archive taken back out of a received one.
- :mod:`._archive`, :mod:`._kdf`, :mod:`._sevenzip`: the encrypted 7z layer, read by the
  library's own bounded decoder.
"""

from protocol_share.package._mail import MailedArchive, archive_from_email
from protocol_share.package._package import (
    Package,
    PackageKey,
    ReceivedReferral,
    check_password,
    generate_password,
    open_package,
    pack,
    password_entropy,
)

__all__ = [
    "MailedArchive",
    "Package",
    "PackageKey",
    "ReceivedReferral",
    "archive_from_email",
    "check_password",
    "generate_password",
    "open_package",
    "pack",
    "password_entropy",
]
