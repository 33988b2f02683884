"""What the protocol sets for the register (A6-6; GDPR art. 30(1)(f), (g)): the security
measures, each with its clauses and DPV type, and the erasure terms (A3-4 to A3-6).

Their texts come from the catalogues (:mod:`protocol_share._text`), in Dutch and English.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final, Literal

from protocol_share._text import message
from protocol_share.protocol._protocol import RetentionTerms

__all__ = [
    "SECURITY_MEASURES",
    "ErasureCase",
    "ErasureTerm",
    "SecurityMeasure",
    "erasure_json",
    "erasure_terms",
]


@dataclass(frozen=True, slots=True)
class SecurityMeasure:
    """A technical or organisational measure the protocol sets (GDPR art. 30(1)(g), art. 32)."""

    code: str
    clauses: tuple[str, ...]
    text_nl: str
    text_en: str
    dpv_type: str


def _measure(code: str, clauses: tuple[str, ...], dpv_type: str) -> SecurityMeasure:
    key = f"register.measure.{code}"
    return SecurityMeasure(code, clauses, message(key, "nl"), message(key, "en"), dpv_type)


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


ErasureCase = Literal["until_contact", "declined", "client_file", "unreachable"]


@dataclass(frozen=True, slots=True)
class ErasureTerm:
    """One erasure term of GDPR art. 30(1)(f) (A3-4 to A3-6): the ``case`` it covers, its
    clause, its text in Dutch and English, and its period where it has one."""

    case: ErasureCase
    clause: str
    text_nl: str
    text_en: str
    years_after_closing: int | None = None
    review_after_days: int | None = None


def _term(case: ErasureCase, clause: str, **values: int) -> ErasureTerm:
    key = f"register.erasure.{case}"
    nl, en = message(key, "nl", **values), message(key, "en", **values)
    years, days = values.get("years"), values.get("days")
    return ErasureTerm(case, clause, nl, en, years_after_closing=years, review_after_days=days)


def erasure_terms(retention: RetentionTerms) -> tuple[ErasureTerm, ...]:
    """The erasure terms of GDPR art. 30(1)(f), one per case, each with its clause and its
    Dutch and English text (A3-4 to A3-6; the host's review period for unreachable clients)."""
    return (
        _term("until_contact", "A3-4"),
        _term("declined", "A3-4"),
        _term("client_file", "A3-6", years=retention.client_file_years),
        _term("unreachable", "A3-4", days=retention.unreachable_review_days),
    )


def erasure_json(retention: RetentionTerms) -> dict[str, Any]:
    """The erasure terms as JSON data, by case (A3-4 to A3-6; GDPR art. 30(1)(f))."""
    record: dict[str, Any] = {}
    for term in erasure_terms(retention):
        entry: dict[str, Any] = {"clause": term.clause}
        if term.years_after_closing is not None:
            entry["years_after_closing"] = term.years_after_closing
        if term.review_after_days is not None:
            entry["review_after_days"] = term.review_after_days
        record[term.case] = entry | {"nl": term.text_nl, "en": term.text_en}
    return record
