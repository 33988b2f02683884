"""The other notices the parties owe each other (A6-4 to A6-9, A7, A8-1, A9-5, A9-6, A11-2, A11-3).

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
- :class:`LegislationChangeNotice` (A9-5) and :class:`ProcessorChangeNotice` (A9-6): the OCMW
  tells Opgroeien at once of a change in the law that touches the protocol, or in its
  processors.
- :class:`ProcessorOverview` (A6-8, A6-9): each party's processors with the date of their
  GDPR art. 28 agreement; :meth:`~ProcessorOverview.findings` lists what breaks A6-8.
- :class:`EvidenceChecklist` (A6-4 to A6-7): the proof the OCMW hands Opgroeien on simple
  request: security policy, security plan, DPO, register entry.

    >>> from datetime import date
    >>> notice = TerminationNotice(notice_id="einde-1", ground="notice", given_by="recipient",
    ...                            given_on=date(2025, 8, 31))
    >>> notice.ends_on(), notice.clause
    (datetime.date(2026, 2, 28), 'A11-2')
"""

from protocol_share.notices._evidence import (
    EVIDENCE_ITEMS,
    EvidenceChecklist,
    EvidenceCode,
    EvidenceItem,
    evidence_checklist,
)
from protocol_share.notices._legislation import LegislationAspect, LegislationChangeNotice
from protocol_share.notices._processors import (
    EEA_COUNTRIES,
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
from protocol_share.notices._termination import TerminationGround, TerminationNotice

__all__ = [
    "EEA_COUNTRIES",
    "EVIDENCE_ITEMS",
    "EvidenceChecklist",
    "EvidenceCode",
    "EvidenceItem",
    "FindingCode",
    "LegislationAspect",
    "LegislationChangeNotice",
    "Processor",
    "ProcessorChangeNotice",
    "ProcessorFinding",
    "ProcessorOverview",
    "QualityAnswer",
    "QualityKind",
    "QualityMeasure",
    "QualityNotice",
    "QualityOutcome",
    "TerminationGround",
    "TerminationNotice",
    "evidence_checklist",
]
