"""The data-quality e-mails (A7-1, A7-2): the OCMW's notice and Opgroeien's answer.

They name the referral, the data item and what is wrong, never the wrong or the right
value: a corrected value comes in a new encrypted package (A6-2).
"""

from __future__ import annotations

from email.message import EmailMessage

from protocol_share._model import require_type
from protocol_share._text import Lang, check_lang, message, short_moment
from protocol_share._text._mail import bullets, letter, notice_address, notice_message
from protocol_share._time import require_instants
from protocol_share.notices._quality import QualityAnswer, QualityNotice
from protocol_share.protocol._protocol import Protocol
from protocol_share.protocol._torhout import TORHOUT

__all__ = ["quality_answer_email", "quality_notice_email"]


def quality_notice_email(
    notice: QualityNotice,
    protocol: Protocol = TORHOUT,
    *,
    to: str | None = None,
    lang: Lang = "nl",
) -> EmailMessage:
    """The OCMW's quality notice to Opgroeien, in Dutch unless ``lang="en"`` (A7-1): which
    referral, which data item, what is wrong, found by whom and when; never the value. To
    Opgroeien's DPO unless ``to`` names the address Opgroeien gave for such notices."""
    protocol = require_type(protocol, Protocol, "protocol")
    lang = check_lang(lang)
    require_instants(notice, "notice")
    intro = message(
        "quality_mail.intro",
        lang,
        recipient=protocol.recipient.name,
        kind=message(f"quality.kind.{notice.kind}", lang),
    )
    details = [
        message("mail.notice", lang, notice_id=notice.notice_id),
        message("quality_mail.referral", lang, referral_id=notice.referral_id),
        message("quality_mail.item", lang, item=message(f"data_item.{notice.data_item}", lang)),
        message(
            "quality_mail.found",
            lang,
            found_by=message(f"quality.found_by.{notice.found_by}", lang),
            moment=short_moment(notice.found_at, lang),
        ),
        "",
        message("quality_mail.request", lang),
    ]
    return notice_message(
        "quality_mail.subject",
        lang,
        notice_id=notice.notice_id,
        protocol_id=protocol.protocol_id,
        sender=protocol.recipient,
        to=notice_address(to, protocol.sender),
        sent_at=notice.notified_at,
        msgid=f"quality.{notice.notice_id}",
        lines=letter(lang, intro, details, [message("mail.no_personal_data", lang)]),
    )


def quality_answer_email(
    answer: QualityAnswer,
    protocol: Protocol = TORHOUT,
    *,
    to: str | None = None,
    lang: Lang = "nl",
) -> EmailMessage:
    """Opgroeien's answer to a quality notice, in Dutch unless ``lang="en"`` (A7-2):
    outcome and measures."""
    protocol = require_type(protocol, Protocol, "protocol")
    lang = check_lang(lang)
    require_instants(answer, "answer")
    intro = message(
        "quality_answer_mail.intro",
        lang,
        sender=protocol.sender.name,
        notice_id=answer.notice_id,
        referral_id=answer.referral_id,
    )
    details = [
        message("quality_mail.item", lang, item=message(f"data_item.{answer.data_item}", lang)),
        message(
            "quality_answer_mail.outcome",
            lang,
            outcome=message(f"quality.outcome.{answer.outcome}", lang),
        ),
        message("quality_answer_mail.measures", lang),
        bullets((message(f"quality.measure.{m}", lang) for m in sorted(answer.measures)), lang),
    ]
    return notice_message(
        "quality_answer_mail.subject",
        lang,
        notice_id=answer.notice_id,
        protocol_id=protocol.protocol_id,
        sender=protocol.sender,
        to=notice_address(to, protocol.recipient),
        sent_at=answer.answered_at,
        msgid=f"quality-answer.{answer.notice_id}",
        lines=letter(lang, intro, details, [message("mail.no_personal_data", lang)]),
    )
