"""The protocol as data (recitals, articles 1 to 11): parties, scope, legal bases, terms,
when it is in force; the signed Torhout protocol (:data:`TORHOUT`); and :func:`lint_protocol`,
what is wrong or odd in a protocol a host loads.

- :mod:`._protocol`: :class:`Protocol` and its parts.
- :mod:`._torhout`: :data:`TORHOUT`, every fact from the signed text.
- :mod:`._lint`: :func:`lint_protocol` and its :class:`Finding`.
- :mod:`._clauses`: the clause register, :data:`CLAUSES` and :func:`clause` (``clauses.json``).
"""

from protocol_share.protocol._clauses import CLAUSES, Clause, clause
from protocol_share.protocol._lint import Finding, lint_protocol
from protocol_share.protocol._protocol import (
    ConsentTerms,
    Correction,
    DataItemSpec,
    EndReason,
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
from protocol_share.protocol._torhout import TORHOUT

__all__ = [
    "CLAUSES",
    "TORHOUT",
    "Clause",
    "ConsentTerms",
    "Correction",
    "DataItemSpec",
    "EndReason",
    "Finding",
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
    "clause",
    "lint_protocol",
]
