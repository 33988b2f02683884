"""The notices as e-mails, in Dutch or English, built and never sent (A6-7, A7, A8-1, A9, A11).

Every message goes from one party's DPO to the other's, the contacts A9-4 names
(``protocol.sender.dpo_email``, ``protocol.recipient.dpo_email``), unless the caller gives
another address where the protocol names none. The messages carry codes, categories,
counts, dates and ids of notices; never a client's data. A breach notice's free text
(``facts``, ``delay_reasons``) and the ids of affected referrals stay in the breach register.
Subjects name the notice kind, its id and the protocol, nothing personal. Every function
writes Dutch unless called with ``lang="en"``; the texts live in :mod:`protocol_share.locale`
and every e-mail is built by :func:`protocol_share.mail.notice_message`.

- :mod:`._breach`: :func:`breach_notice_email` (A9-1 to A9-4; GDPR art. 33(3)).
- :mod:`._quality`: :func:`quality_notice_email` (A7-1), :func:`quality_answer_email` (A7-2).
- :mod:`._termination`: :func:`termination_email` (A8-1, A11-2, A11-3).
- :mod:`._changes`: :func:`legislation_change_email` (A9-5), :func:`processor_change_email` (A9-6).
- :mod:`._evidence`: :func:`evidence_email` (A6-7).

    >>> from datetime import datetime, timezone
    >>> from protocol_share.breach import BreachNotice
    >>> notice = BreachNotice(
    ...     notice_id="lek-2025-01", reporter="recipient", cause="misdirected_email",
    ...     aware_at=datetime(2025, 3, 29, 22, tzinfo=timezone.utc),
    ...     issued_at=datetime(2025, 3, 30, 9, tzinfo=timezone.utc),
    ...     confidentiality="known_recipients", data_items={"name", "address"},
    ...     data_subjects=3, records=3, both_parties_affected=True,
    ... )
    >>> message = breach_notice_email(notice)
    >>> message["To"], message["Subject"]
    ('DPO Opgroeien regie <dpo@opgroeien.be>', 'Melding gegevenslek lek-2025-01 (fase 1) - protocol opgroeien-regie-ocmw-torhout-2024')
    >>> breach_notice_email(notice, lang="en")["Subject"]
    'Data breach notice lek-2025-01 (phase 1) - protocol opgroeien-regie-ocmw-torhout-2024'
"""

from protocol_share.notice_mail._breach import breach_notice_email
from protocol_share.notice_mail._changes import legislation_change_email, processor_change_email
from protocol_share.notice_mail._evidence import evidence_email
from protocol_share.notice_mail._quality import quality_answer_email, quality_notice_email
from protocol_share.notice_mail._termination import termination_email

__all__ = [
    "breach_notice_email",
    "evidence_email",
    "legislation_change_email",
    "processor_change_email",
    "quality_answer_email",
    "quality_notice_email",
    "termination_email",
]
