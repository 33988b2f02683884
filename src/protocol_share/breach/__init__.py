"""Article 9 and GDPR art. 33, 34: data breach notices, their deadline and their severity.

- :mod:`._notice`: :class:`BreachNotice`, the GDPR art. 33(3) content of one phase, and
  who reports to whom (:func:`notifying_party`, :func:`other_party`; A9-1, A9-4).
- :mod:`._authority`: :func:`authority_deadline` (72 elapsed hours after awareness) and
  :func:`authority_status`, the overdue check with the reasons of delay art. 33(1) asks.
- :mod:`._severity`: :func:`enisa_severity`, ENISA's 2013 method (SE = DPC x EI + CB)
  with the art. 34 advice and the 34(3)(a) exemption for encrypted data.
- :mod:`._register`: :func:`breach_register`, every notice as records (art. 33(5)).

Free text (``facts``, ``delay_reasons``) and affected referral ids belong in the register
only; the notice e-mail (:mod:`protocol_share.notice_mail`) carries codes, categories and
counts, never a client's data.

    >>> from datetime import datetime, timezone
    >>> notice = BreachNotice(
    ...     notice_id="lek-2025-01", reporter="recipient", cause="misdirected_email",
    ...     aware_at=datetime(2025, 3, 29, 22, tzinfo=timezone.utc),
    ...     issued_at=datetime(2025, 3, 30, 9, tzinfo=timezone.utc),
    ...     confidentiality="known_recipients", data_items={"name", "address"},
    ...     data_subjects=3, records=3, both_parties_affected=True,
    ... )
    >>> authority_deadline(notice).isoformat()  # 72 hours, across the change to summer time
    '2025-04-02T00:00:00+02:00'
    >>> severity = notice.severity()
    >>> severity.dpc, severity.score, severity.level, severity.tell_data_subjects
    (2, 2.25, 'medium', False)
"""

from protocol_share.breach._authority import (
    AUTHORITY_HOURS,
    AuthorityCode,
    AuthorityStatus,
    authority_deadline,
    authority_status,
)
from protocol_share.breach._notice import (
    BreachNotice,
    Cause,
    Consequence,
    Measure,
    notifying_party,
    other_party,
)
from protocol_share.breach._register import breach_register, breach_register_record
from protocol_share.breach._severity import (
    REFERRAL_CONTEXT_RAISE,
    DataCategory,
    EaseOfIdentification,
    LossOfAvailability,
    LossOfConfidentiality,
    LossOfIntegrity,
    Severity,
    SeverityLevel,
    enisa_severity,
)

__all__ = [
    "AUTHORITY_HOURS",
    "REFERRAL_CONTEXT_RAISE",
    "AuthorityCode",
    "AuthorityStatus",
    "BreachNotice",
    "Cause",
    "Consequence",
    "DataCategory",
    "EaseOfIdentification",
    "LossOfAvailability",
    "LossOfConfidentiality",
    "LossOfIntegrity",
    "Measure",
    "Severity",
    "SeverityLevel",
    "authority_deadline",
    "authority_status",
    "breach_register",
    "breach_register_record",
    "enisa_severity",
    "notifying_party",
    "other_party",
]
