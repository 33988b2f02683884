"""The withdrawal notice (C-7; GDPR art. 7(3), 17(1)(b)) as an e-mail from Opgroeien to the OCMW.

It names the referral and the consent by their ids and says when the referral was sent and
when consent was withdrawn; never the client. It tells the OCMW what follows: delete the
referral's data unless a client file was opened, which is the OCMW's own (A2-4, A3-6).
"""

from __future__ import annotations

from email.message import EmailMessage

from protocol_share._text import Lang, message, short_moment
from protocol_share._text._mail import letter, notice_arguments, notice_message
from protocol_share.notices._withdrawal import WithdrawalNotice
from protocol_share.protocol._protocol import Protocol
from protocol_share.protocol._torhout import TORHOUT

__all__ = ["withdrawal_email"]


def withdrawal_email(
    notice: WithdrawalNotice,
    protocol: Protocol = TORHOUT,
    *,
    to: str | None = None,
    lang: Lang = "nl",
) -> EmailMessage:
    """Opgroeien's notice that the client withdrew consent after the transfer, in Dutch
    unless ``lang="en"`` (C-7, A5-1; GDPR art. 7(3), 17(1)(b)).

    The subject names the notice, the referral and the protocol by their ids; the body adds
    the consent's id, when the referral was sent and when consent was withdrawn, and what
    follows for the OCMW: delete the referral's data unless a client file was opened, which
    it keeps under its own legal basis (A2-4) and archiving term (A3-6). Dated
    ``notice.notified_at``; to the OCMW's DPO unless ``to`` names the address the OCMW gave
    for such notices (for instance ``protocol.mailbox``).

        >>> from datetime import datetime, timezone
        >>> from protocol_share.examples import example_withdrawal_notice
        >>> notice = example_withdrawal_notice(sent_at=datetime(2025, 3, 3, 9, tzinfo=timezone.utc))
        >>> email = withdrawal_email(notice)
        >>> email["From"], email["To"]
        ('DPO Opgroeien regie <dpo@opgroeien.be>', 'DPO OCMW Torhout <kurt.persyn@torhout.be>')
        >>> email["Subject"]
        'Intrekking toestemming example-intrekking-1 - verwijzing example-referral-1 - protocol opgroeien-regie-ocmw-torhout-2024'
    """
    notice, protocol, lang = notice_arguments(notice, WithdrawalNotice, protocol, lang)
    intro = message(
        "withdrawal_mail.intro", lang, sender=protocol.sender.name, referral_id=notice.referral_id
    )
    details = [
        message("mail.notice", lang, notice_id=notice.notice_id),
        message("withdrawal_mail.referral", lang, referral_id=notice.referral_id),
        message("withdrawal_mail.consent", lang, consent_id=notice.consent_id),
        message("withdrawal_mail.sent", lang, moment=short_moment(notice.sent_at, lang)),
        message("withdrawal_mail.withdrawn", lang, moment=short_moment(notice.withdrawn_at, lang)),
        "",
        message("withdrawal_mail.delete", lang),
        "",
        message("withdrawal_mail.keep", lang),
        "",
        message("withdrawal_mail.before", lang),
    ]
    return notice_message(
        "withdrawal_mail.subject",
        lang,
        protocol,
        "sender",
        lines=letter(
            lang,
            intro,
            details,
            [
                message("mail.no_personal_data", lang),
                "",
                message("mail.regards", lang),
                protocol.sender.name,
            ],
        ),
        sent_at=notice.notified_at,
        msgid=f"withdrawal.{notice.notice_id}",
        to=to,
        notice_id=notice.notice_id,
        referral_id=notice.referral_id,
    )
