"""The OCMW hands Opgroeien its proof of A6-4 to A6-6 on request, as an e-mail (A6-7)."""

from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage

from protocol_share._text import Lang, message, short_date
from protocol_share._text._mail import bullets, letter, notice_arguments, notice_message
from protocol_share._time import BRUSSELS, require_aware
from protocol_share.notices._evidence import EvidenceChecklist, EvidenceItem
from protocol_share.protocol._protocol import Protocol
from protocol_share.protocol._torhout import TORHOUT

__all__ = ["evidence_email"]


def _item_line(item: EvidenceItem, lang: Lang) -> str:
    what = item.what_nl if lang == "nl" else item.what_en
    document = item.document or message("evidence_mail.not_available", lang)
    if item.dated is None:
        return message("evidence_mail.item", lang, what=what, clause=item.clause, document=document)
    return message(
        "evidence_mail.item_dated",
        lang,
        what=what,
        clause=item.clause,
        document=document,
        date=short_date(item.dated, lang),
    )


def evidence_email(
    checklist: EvidenceChecklist,
    protocol: Protocol = TORHOUT,
    *,
    sent_at: datetime,
    lang: Lang = "nl",
) -> EmailMessage:
    """The OCMW hands Opgroeien its proof of A6-4 to A6-6 on request, in Dutch unless
    ``lang="en"`` (A6-7)."""
    checklist, protocol, lang = notice_arguments(
        checklist, EvidenceChecklist, protocol, lang, "checklist"
    )
    sent_at = require_aware(sent_at, "sent_at")
    intro = message("evidence_mail.intro", lang, recipient=protocol.recipient.name)
    details = [
        bullets((_item_line(item, lang) for item in checklist.items), lang),
        message("evidence_mail.dpo", lang, email=checklist.dpo_email),
    ]
    msgid = f"evidence.{protocol.protocol_id}.{sent_at.astimezone(BRUSSELS):%Y%m%d%H%M}"
    lines = letter(lang, intro, details)
    return notice_message(
        "evidence_mail.subject",
        lang,
        protocol,
        "recipient",
        lines=lines,
        sent_at=sent_at,
        msgid=msgid,
    )
