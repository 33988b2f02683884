"""Article 6: the encrypted package, built and opened in memory, 7-Zip compatible.

- :mod:`._package`: :func:`pack`, :func:`open_package`, passwords.
- :mod:`._payload`: what travels inside: ``verwijzing.json`` and ``verwijzing.txt``.
- :mod:`._signing`: the optional signed manifest.
- :mod:`._mail`: the package e-mail.
- :mod:`._archive`, :mod:`._kdf`, :mod:`._sevenzip`: the encrypted 7z layer, read by the
  library's own bounded decoder.
"""

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
    "Package",
    "PackageKey",
    "ReceivedReferral",
    "check_password",
    "generate_password",
    "open_package",
    "pack",
    "password_entropy",
]
