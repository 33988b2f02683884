"""What the protocol sets for the register (A6-6; GDPR art. 30(1)(f), (g)): the security
measures, each with its clauses and DPV type, and the erasure terms (A3-4 to A3-6).

Their texts come from the catalogues (:mod:`protocol_share._text`), in Dutch and English.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final, Literal

from protocol_share._text import message
from protocol_share.protocol._parts import RetentionTerms

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


ErasureCase = Literal[
    "until_contact",
    "declined",
    "client_file",
    "unreachable",
    "file_to_open",
    "open_file",
    "consent_withdrawn",
]


@dataclass(frozen=True, slots=True)
class ErasureTerm:
    """One erasure term of GDPR art. 30(1)(f) (A3-4 to A3-6, C-7): the ``case`` it covers,
    its clause, its text in Dutch and English, and its period where it has one.

    ``reading`` is true for a term that is the library's reading where the protocol is
    silent (``docs/readings.md``), not the protocol's text: deleting what a client declined
    (clause ``GDPR art. 5(1)(e)``), every review term, what a withdrawal of consent deletes.
    """

    case: ErasureCase
    clause: str
    text_nl: str
    text_en: str
    years_after_closing: int | None = None
    review_after_days: int | None = None
    reading: bool = True


def _term(case: ErasureCase, clause: str, *, reading: bool = True, **values: int) -> ErasureTerm:
    key = f"register.erasure.{case}"
    nl, en = message(key, "nl", **values), message(key, "en", **values)
    years, days = values.get("years"), values.get("days")
    return ErasureTerm(
        case, clause, nl, en, years_after_closing=years, review_after_days=days, reading=reading
    )


def erasure_terms(retention: RetentionTerms) -> tuple[ErasureTerm, ...]:
    """The erasure terms of GDPR art. 30(1)(f), one per case, each with its clause and its
    Dutch and English text (A3-4 to A3-6, C-7): until contact (reviewed after
    ``contact_review_days``), declined, the client file's years, unreachable, a file to
    open, an open file, and a withdrawal of consent."""
    return (
        _term("until_contact", "A3-4", days=retention.contact_review_days),
        _term("declined", "GDPR art. 5(1)(e)"),
        _term("client_file", "A3-6", reading=False, years=retention.client_file_years),
        _term("unreachable", "A3-4", days=retention.unreachable_review_days),
        _term("file_to_open", "A3-5", days=retention.file_to_open_review_days),
        _term("open_file", "A3-6", days=retention.open_file_review_days),
        _term("consent_withdrawn", "C-7"),
    )


def erasure_json(retention: RetentionTerms) -> dict[str, Any]:
    """The erasure terms as JSON data, by case (A3-4 to A3-6, C-7; GDPR art. 30(1)(f))."""
    record: dict[str, Any] = {}
    for term in erasure_terms(retention):
        entry: dict[str, Any] = {"clause": term.clause}
        if term.years_after_closing is not None:
            entry["years_after_closing"] = term.years_after_closing
        if term.review_after_days is not None:
            entry["review_after_days"] = term.review_after_days
        record[term.case] = entry | {
            "reading": term.reading,
            "nl": term.text_nl,
            "en": term.text_en,
        }
    return record
