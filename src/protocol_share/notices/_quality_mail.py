"""The data-quality e-mails (A7-1, A7-2): the OCMW's notice and Opgroeien's answer.

They name the referral, the data item and what is wrong, never the wrong or the right
value: a corrected value comes in a new encrypted package (A6-2).
"""

from __future__ import annotations

from email.message import EmailMessage

from protocol_share._text import Lang, message, short_moment
from protocol_share._text._mail import Side, bullets, letter, notice_arguments, notice_message
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
    notice, protocol, lang = notice_arguments(notice, QualityNotice, protocol, lang)
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
    return _quality_message(notice, protocol, lang, to, intro, details)


def quality_answer_email(
    answer: QualityAnswer,
    protocol: Protocol = TORHOUT,
    *,
    to: str | None = None,
    lang: Lang = "nl",
) -> EmailMessage:
    """Opgroeien's answer to a quality notice, in Dutch unless ``lang="en"`` (A7-2):
    outcome and measures."""
    answer, protocol, lang = notice_arguments(answer, QualityAnswer, protocol, lang, "answer")
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
    return _quality_message(answer, protocol, lang, to, intro, details)


def _quality_message(
    model: QualityNotice | QualityAnswer,
    protocol: Protocol,
    lang: Lang,
    to: str | None,
    intro: str,
    details: list[str],
) -> EmailMessage:
    # The notice goes from the OCMW to Opgroeien, the answer back; neither names a value.
    by: Side
    if isinstance(model, QualityNotice):
        subject, msgid = "quality_mail.subject", f"quality.{model.notice_id}"
        by, sent_at = "recipient", model.notified_at
    else:
        subject, msgid = "quality_answer_mail.subject", f"quality-answer.{model.notice_id}"
        by, sent_at = "sender", model.answered_at
    return notice_message(
        subject,
        lang,
        protocol,
        by,
        lines=letter(lang, intro, details, [message("mail.no_personal_data", lang)]),
        sent_at=sent_at,
        msgid=msgid,
        to=to,
        notice_id=model.notice_id,
    )
