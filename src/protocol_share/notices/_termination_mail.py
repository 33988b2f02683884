"""The written notice that ends the protocol (A8-1, A11-2, A11-3), as an e-mail.

A registered letter may be what the parties require as "in writing"; this text serves for
both.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from email.message import EmailMessage

from protocol_share._text import Lang, message, short_date, short_moment
from protocol_share._text._mail import letter, notice_arguments, notice_message
from protocol_share.notices._termination import TerminationNotice
from protocol_share.protocol._protocol import Protocol
from protocol_share.protocol._torhout import TORHOUT

__all__ = ["termination_email"]


def termination_email(
    notice: TerminationNotice,
    protocol: Protocol = TORHOUT,
    *,
    sent_at: datetime,
    lang: Lang = "nl",
) -> EmailMessage:
    """The written notice that ends the protocol, in Dutch unless ``lang="en"`` (A8-1,
    A11-2, A11-3).

    It states the ground, the clause and the end date, and that data already received stay
    under their retention terms (A3-4 to A3-6). A registered letter may be what the parties
    require as "in writing"; this text serves for both.
    """
    notice, protocol, lang = notice_arguments(notice, TerminationNotice, protocol, lang)
    sender = protocol.sender if notice.given_by == "sender" else protocol.recipient
    conjunction = f" {message('mail.and', lang)} "
    ground = message(
        f"termination.ground.{notice.ground}",
        lang,
        what=conjunction.join(
            message(f"termination.breached.{b}", lang) for b in sorted(notice.breached)
        ),
        months=protocol.notice_months,
        basis=notice.lapsed_basis,
    )
    details = [
        ground,
        message(
            "termination_mail.reference",
            lang,
            notice_id=notice.notice_id,
            date=short_date(notice.given_on, lang),
        ),
        _ends(notice, protocol, lang),
        message("termination_mail.retention", lang),
    ]
    regarding = message("termination_mail.regarding", lang, title=protocol.title)
    return notice_message(
        "termination_mail.subject",
        lang,
        protocol,
        notice.given_by,
        lines=letter(lang, regarding, details, [message("mail.regards", lang), sender.name]),
        sent_at=sent_at,
        msgid=f"termination.{notice.notice_id}",
        clause=notice.clause,
    )


def _ends(notice: TerminationNotice, protocol: Protocol, lang: Lang) -> str:
    # A8-1 takes effect at the instant given; otherwise from 00:00 on the first day out of
    # force, the last day of a notice period included (A11-2).
    if notice.given_at is not None:
        return message("termination_mail.ends_at", lang, moment=short_moment(notice.given_at, lang))
    ends_on = notice.ends_on(protocol)
    return message(
        "termination_mail.ends",
        lang,
        last=short_date(ends_on - timedelta(days=1), lang),
        date=short_date(ends_on, lang),
    )
