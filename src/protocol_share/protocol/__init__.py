"""The protocol as data (recitals, articles 1 to 11): parties, scope, legal bases, terms,
when it is in force; the signed Torhout protocol (:data:`TORHOUT`); and :func:`lint_protocol`,
what is wrong or odd in a protocol a host loads.

- :mod:`._protocol`: :class:`Protocol`, when it is in force and how it ends.
- :mod:`._parts`: its parts (parties, data items, legal bases, terms, signatures, flaws).
- :mod:`._torhout`: :data:`TORHOUT`, every fact from the signed text.
- :mod:`._lint`: :func:`lint_protocol` and its :class:`Finding` (:mod:`._finding`).
- :mod:`._signed_text`: :func:`lint_signed_text`, the signed text's dangling references.
- :mod:`._clauses`: the clause register, :data:`CLAUSES` and :func:`clause` (``clauses.json``).
"""

from protocol_share.protocol._clauses import CLAUSES, Clause, clause
from protocol_share.protocol._lint import Finding, lint_protocol
from protocol_share.protocol._parts import (
    ConsentTerms,
    Correction,
    DataItemSpec,
    LegalBasis,
    OnwardRecipient,
    Party,
    Purpose,
    Representative,
    RetentionTerms,
    Signature,
    SupervisoryAuthority,
    TextFlaw,
)
from protocol_share.protocol._protocol import EndReason, Protocol, ProtocolStatus
from protocol_share.protocol._signed_text import (
    MAX_SIGNED_TEXT_CHARS,
    TEXT_FLAW_CODES,
    TextFlawCode,
    lint_signed_text,
)
from protocol_share.protocol._torhout import TORHOUT

__all__ = [
    "CLAUSES",
    "MAX_SIGNED_TEXT_CHARS",
    "TEXT_FLAW_CODES",
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
    "TextFlaw",
    "TextFlawCode",
    "clause",
    "lint_protocol",
    "lint_signed_text",
]
