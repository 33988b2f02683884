"""What the protocol sets for the register (A6-6; GDPR art. 30(1)(f), (g)): the security
measures, each with its clauses and DPV type, and the erasure terms (A3-4 to A3-6).

Their texts come from the catalogues (:mod:`protocol_share._text`), in Dutch and English.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from protocol_share._text import texts
from protocol_share.protocol._protocol import RetentionTerms

__all__ = ["SECURITY_MEASURES", "SecurityMeasure", "erasure_terms"]


@dataclass(frozen=True, slots=True)
class SecurityMeasure:
    """A technical or organisational measure the protocol sets (GDPR art. 30(1)(g), art. 32)."""

    code: str
    clauses: tuple[str, ...]
    text_nl: str
    text_en: str
    dpv_type: str


def _measure(code: str, clauses: tuple[str, ...], dpv_type: str) -> SecurityMeasure:
    text = texts(f"register.measure.{code}")
    return SecurityMeasure(code, clauses, text.nl, text.en, dpv_type)


SECURITY_MEASURES: Final[tuple[SecurityMeasure, ...]] = (
    _measure("encryption_in_transfer", ("A6-2",), "dpv:EncryptionInTransfer"),
    _measure("single_mailbox", ("A6-1", "A6-3"), "dpv:InformationFlowControl"),
    _measure("professional_secrecy", ("C-1", "C-5", "A4-1"), "dpv:LegalMeasure"),
    _measure("data_minimisation", ("A3-1", "A3-2", "A3-3"), "dpv:TechnicalMeasure"),
    _measure("security_policy", ("A6-4",), "dpv:InformationSecurityPolicy"),
    _measure("security_plan", ("A6-4",), "dpv:SecurityProcedure"),
    _measure("processor_agreements", ("A6-8", "A6-9"), "dpv:ControllerProcessorAgreement"),
    _measure(
        "breach_procedure", ("A9-1", "A9-2", "A9-3", "A9-4"), "dpv:IncidentManagementProcedures"
    ),
)
"""The measures the protocol sets, each with its clauses and its DPV type."""


def erasure_terms(retention: RetentionTerms) -> dict[str, Any]:
    """The erasure terms of GDPR art. 30(1)(f), by case, each with its clause and its
    Dutch and English text (A3-4 to A3-6; the host's review period for unreachable clients)."""
    years, days = retention.client_file_years, retention.unreachable_review_days
    until_contact = texts("register.erasure.until_contact")
    declined = texts("register.erasure.declined")
    client_file = texts("register.erasure.client_file", years=years)
    unreachable = texts("register.erasure.unreachable", days=days)
    return {
        "until_contact": {"clause": "A3-4", "nl": until_contact.nl, "en": until_contact.en},
        "declined": {"clause": "A3-4", "nl": declined.nl, "en": declined.en},
        "client_file": {
            "clause": "A3-6",
            "years_after_closing": years,
            "nl": client_file.nl,
            "en": client_file.en,
        },
        "unreachable": {
            "clause": "A3-4",
            "review_after_days": days,
            "nl": unreachable.nl,
            "en": unreachable.en,
        },
    }
