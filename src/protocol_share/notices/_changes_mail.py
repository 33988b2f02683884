"""The OCMW's change notices as e-mails: a change in the law (A9-5) or in its processors
(A9-6, A6-8, A6-9)."""

from __future__ import annotations

from email.message import EmailMessage
from typing import get_args

from protocol_share._text import Lang, message, short_date
from protocol_share._text._mail import letter, notice_arguments, notice_message
from protocol_share.notices._legislation import LegislationAspect, LegislationChangeNotice
from protocol_share.notices._processors import ProcessorChangeNotice
from protocol_share.protocol._protocol import Protocol
from protocol_share.protocol._torhout import TORHOUT

__all__ = ["legislation_change_email", "processor_change_email"]


def _to_opgroeien(
    subject_key: str,
    kind: str,
    notice: LegislationChangeNotice | ProcessorChangeNotice,
    protocol: Protocol,
    lang: Lang,
    lines: list[str],
) -> EmailMessage:
    # The OCMW tells Opgroeien at once (A9-5, A9-6): from its DPO to Opgroeien's.
    return notice_message(
        subject_key,
        lang,
        protocol,
        "recipient",
        lines=lines,
        sent_at=notice.given_at,
        msgid=f"{kind}.{notice.notice_id}",
        notice_id=notice.notice_id,
    )


def legislation_change_email(
    notice: LegislationChangeNotice, protocol: Protocol = TORHOUT, *, lang: Lang = "nl"
) -> EmailMessage:
    """The OCMW tells Opgroeien of a change in the law that affects the protocol, in Dutch
    unless ``lang="en"`` (A9-5)."""
    notice, protocol, lang = notice_arguments(notice, LegislationChangeNotice, protocol, lang)
    in_force = (
        short_date(notice.in_force_on, lang)
        if notice.in_force_on
        else message("mail.not_yet_known", lang)
    )
    aspects = ", ".join(
        message(f"legislation.aspect.{aspect}", lang)
        for aspect in get_args(LegislationAspect)
        if aspect in notice.affects
    )
    details = [
        message("mail.notice", lang, notice_id=notice.notice_id),
        message("legislation_mail.act", lang, legislation=notice.legislation),
        message("legislation_mail.in_force", lang, date=in_force),
        message("legislation_mail.affects", lang, aspects=aspects),
    ]
    intro = message("legislation_mail.intro", lang, recipient=protocol.recipient.name)
    lines = letter(lang, intro, details, [message("legislation_mail.proposal", lang)])
    return _to_opgroeien("legislation_mail.subject", "legislation", notice, protocol, lang, lines)


def processor_change_email(
    notice: ProcessorChangeNotice, protocol: Protocol = TORHOUT, *, lang: Lang = "nl"
) -> EmailMessage:
    """The OCMW tells Opgroeien of a change in its processors, in Dutch unless
    ``lang="en"`` (A9-6, A6-8, A6-9)."""
    notice, protocol, lang = notice_arguments(notice, ProcessorChangeNotice, protocol, lang)
    p = notice.processor
    agreement = (
        short_date(p.art28_agreement_on, lang)
        if p.art28_agreement_on
        else message("processor_mail.no_agreement", lang)
    )
    since = short_date(p.since, lang)
    details = [
        message("mail.notice", lang, notice_id=notice.notice_id),
        message(
            "processor_mail.change", lang, change=message(f"processor.change.{notice.change}", lang)
        ),
        message("processor_mail.processor_kbo", lang, name=p.name, kbo=p.kbo)
        if p.kbo
        else message("processor_mail.processor", lang, name=p.name),
        message("processor_mail.service", lang, service=p.service),
        message("processor_mail.country", lang, country=p.country),
        message("processor_mail.agreement", lang, agreement=agreement),
        message("processor_mail.period", lang, since=since, until=short_date(p.until, lang))
        if p.until
        else message("processor_mail.since", lang, since=since),
    ]
    intro = message("processor_mail.intro", lang, recipient=protocol.recipient.name)
    lines = letter(lang, intro, details)
    return _to_opgroeien("processor_mail.subject", "processor", notice, protocol, lang, lines)
