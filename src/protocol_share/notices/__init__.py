"""The notices the parties owe each other, each model beside its e-mail (A6-4 to A6-9, A7,
A8-1, A9, A11-2, A11-3).

Breaches:

Article 9 and GDPR art. 33, 34: data breach notices, their deadline and their severity.

- :mod:`._breach`: :class:`BreachNotice`, the GDPR art. 33(3) content of one phase, and
  who reports to whom (:func:`notifying_party`, :func:`other_party`; A9-1, A9-4).
- :mod:`._breach_authority`: :func:`authority_deadline` (72 elapsed hours after awareness) and
  :func:`authority_status`, the overdue check with the reasons of delay art. 33(1) asks.
- :mod:`._breach_severity`: :func:`enisa_severity`, ENISA's 2013 method (SE = DPC x EI + CB)
  with the art. 34 advice and the 34(3)(a) exemption for encrypted data.
- :mod:`._breach_register`: :func:`breach_register`, every notice as records (art. 33(5)).

Free text (``facts``, ``delay_reasons``) and affected referral ids belong in the register
only; the notice e-mail carries codes, categories and counts, never a client's data.

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

The other notices (C-7, A6-4 to A6-9, A7, A8-1, A9-5, A9-6, A11-2, A11-3):

- :class:`QualityNotice` (A7-1): the OCMW found a data item of a referral erroneous,
  inaccurate, incomplete, missing, outdated or excessive, itself or via the data subject,
  and tells Opgroeien at once; :class:`QualityAnswer` (A7-2): Opgroeien investigated, and
  its measures. A corrected value never travels in a notice: it comes in a new encrypted
  package (A6-2).
- :class:`TerminationNotice`: Opgroeien ends the protocol at once for processing in
  breach (A8-1, Opgroeien only); either party ends it in writing with the protocol's notice
  period (A11-2); it ends by law when no legal basis remains (A11-3). :meth:`~TerminationNotice.apply`
  returns the ended protocol. The end changes nothing for data already received: their
  retention runs on (:mod:`protocol_share.retention`).
- :class:`WithdrawalNotice` (C-7, A5-1): Opgroeien tells the OCMW that the client withdrew
  consent after the transfer (:func:`withdrawal_notice` builds it from the withdrawn
  consent); :meth:`~WithdrawalNotice.apply` records it as the ``consent_withdrawn`` step of
  the OCMW's retention case, after which a referral without a client file is deleted and an
  OCMW client file stays (A2-4, A3-6).
- :class:`LegislationChangeNotice` (A9-5) and :class:`ProcessorChangeNotice` (A9-6): the OCMW
  tells Opgroeien at once of a change in the law that touches the protocol, or in its
  processors.
- :class:`ProcessorOverview` (A6-8, A6-9): each party's processors with the date of their
  GDPR art. 28 agreement; :meth:`~ProcessorOverview.findings` lists what breaks A6-8.
- :class:`EvidenceChecklist` (A6-4 to A6-7): the proof the OCMW hands Opgroeien on simple
  request: security policy, security plan, DPO, register entry.

    >>> from datetime import date
    >>> ending = TerminationNotice(notice_id="einde-1", ground="notice", given_by="recipient",
    ...                            given_on=date(2025, 8, 31))
    >>> ending.ends_on(), ending.clause  # in force through 28 February
    (datetime.date(2026, 3, 1), 'A11-2')

The e-mails, in Dutch or English, built and never sent (A6-7, A7, A8-1, A9, A11):
every message goes from one party's DPO to the other's, the contacts A9-4 names
(``protocol.sender.dpo_email``, ``protocol.recipient.dpo_email``), unless the caller gives
another address where the protocol names none. The messages carry codes, categories,
counts, dates and ids of notices; never a client's data. A breach notice's free text
(``facts``, ``delay_reasons``) and the ids of affected referrals stay in the breach register.
Subjects name the notice kind, its id and the protocol, nothing personal. Every function
writes Dutch unless called with ``lang="en"``; the texts live in :mod:`protocol_share._text`
and every e-mail is built by :func:`protocol_share._text._mail.notice_message`.

- :mod:`._breach_mail`: :func:`breach_notice_email` (A9-1 to A9-4; GDPR art. 33(3)).
- :mod:`._quality_mail`: :func:`quality_notice_email` (A7-1), :func:`quality_answer_email` (A7-2).
- :mod:`._termination_mail`: :func:`termination_email` (A8-1, A11-2, A11-3).
- :mod:`._withdrawal_mail`: :func:`withdrawal_email` (C-7).
- :mod:`._changes_mail`: :func:`legislation_change_email` (A9-5), :func:`processor_change_email` (A9-6).
- :mod:`._evidence_mail`: :func:`evidence_email` (A6-7).

The breach notice above, as its e-mail:

    >>> message = breach_notice_email(notice)
    >>> message["To"], message["Subject"]
    ('DPO Opgroeien regie <dpo@opgroeien.be>', 'Melding gegevenslek lek-2025-01 (fase 1) - protocol opgroeien-regie-ocmw-torhout-2024')
    >>> breach_notice_email(notice, lang="en")["Subject"]
    'Data breach notice lek-2025-01 (phase 1) - protocol opgroeien-regie-ocmw-torhout-2024'
"""

from protocol_share.notices._breach import (
    BreachNotice,
    Cause,
    Consequence,
    Measure,
)
from protocol_share.notices._breach_authority import (
    AUTHORITY_HOURS,
    AuthorityCode,
    AuthorityStatus,
    authority_deadline,
    authority_status,
)
from protocol_share.notices._breach_mail import (
    breach_notice_email,
)
from protocol_share.notices._breach_register import (
    breach_register,
    breach_register_record,
)
from protocol_share.notices._breach_severity import (
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
from protocol_share.notices._changes_mail import (
    legislation_change_email,
    processor_change_email,
)
from protocol_share.notices._evidence import (
    EvidenceChecklist,
    EvidenceCode,
    EvidenceItem,
    evidence_checklist,
)
from protocol_share.notices._evidence_mail import (
    evidence_email,
)
from protocol_share.notices._legislation import (
    LegislationAspect,
    LegislationChangeNotice,
)
from protocol_share.notices._processors import (
    FindingCode,
    Processor,
    ProcessorChangeNotice,
    ProcessorFinding,
    ProcessorOverview,
)
from protocol_share.notices._quality import (
    QualityAnswer,
    QualityKind,
    QualityMeasure,
    QualityNotice,
    QualityOutcome,
)
from protocol_share.notices._quality_mail import (
    quality_answer_email,
    quality_notice_email,
)
from protocol_share.notices._termination import (
    TerminationGround,
    TerminationNotice,
)
from protocol_share.notices._termination_mail import (
    termination_email,
)
from protocol_share.notices._withdrawal import (
    WithdrawalNotice,
    withdrawal_notice,
)
from protocol_share.notices._withdrawal_mail import (
    withdrawal_email,
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
    "EvidenceChecklist",
    "EvidenceCode",
    "EvidenceItem",
    "FindingCode",
    "LegislationAspect",
    "LegislationChangeNotice",
    "LossOfAvailability",
    "LossOfConfidentiality",
    "LossOfIntegrity",
    "Measure",
    "Processor",
    "ProcessorChangeNotice",
    "ProcessorFinding",
    "ProcessorOverview",
    "QualityAnswer",
    "QualityKind",
    "QualityMeasure",
    "QualityNotice",
    "QualityOutcome",
    "Severity",
    "SeverityLevel",
    "TerminationGround",
    "TerminationNotice",
    "WithdrawalNotice",
    "authority_deadline",
    "authority_status",
    "breach_notice_email",
    "breach_register",
    "breach_register_record",
    "enisa_severity",
    "evidence_checklist",
    "evidence_email",
    "legislation_change_email",
    "processor_change_email",
    "quality_answer_email",
    "quality_notice_email",
    "termination_email",
    "withdrawal_email",
    "withdrawal_notice",
]
