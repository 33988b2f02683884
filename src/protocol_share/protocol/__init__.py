"""The protocol as data (recitals, articles 1 to 11): parties, scope, legal bases, terms,
when it is in force; the signed Torhout protocol (:data:`TORHOUT`); and :func:`lint_protocol`,
what is wrong or odd in a protocol a host loads.

- :mod:`._protocol`: :class:`Protocol` and its parts.
- :mod:`._torhout`: :data:`TORHOUT`, every fact from the signed text.
- :mod:`._lint`: :func:`lint_protocol` and its :class:`Finding`.
"""

from protocol_share.protocol._lint import (
    Finding,
    lint_protocol,
)
from protocol_share.protocol._protocol import (
    Correction,
    DataItemSpec,
    EndReason,
    Kbo,
    LegalBasis,
    OnwardRecipient,
    Party,
    Protocol,
    ProtocolStatus,
    Purpose,
    Representative,
    RetentionTerms,
    Signature,
    SupervisoryAuthority,
)
from protocol_share.protocol._torhout import (
    TORHOUT,
)

__all__ = [
    "TORHOUT",
    "Correction",
    "DataItemSpec",
    "EndReason",
    "Finding",
    "Kbo",
    "LegalBasis",
    "OnwardRecipient",
    "Party",
    "Protocol",
    "ProtocolStatus",
    "Purpose",
    "Representative",
    "RetentionTerms",
    "Signature",
    "SupervisoryAuthority",
    "lint_protocol",
]
