"""The OCMW's change notices as e-mails: a change in the law (A9-5) or in its processors
(A9-6, A6-8, A6-9)."""

from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage
from typing import get_args

from protocol_share._model import require_type
from protocol_share._text import Lang, check_lang, message, short_date
from protocol_share._text._mail import dpo_address, letter, notice_message
from protocol_share._time import require_instants
from protocol_share.notices._legislation import LegislationAspect, LegislationChangeNotice
from protocol_share.notices._processors import ProcessorChangeNotice
from protocol_share.protocol._protocol import Protocol
from protocol_share.protocol._torhout import TORHOUT

__all__ = ["legislation_change_email", "processor_change_email"]


def _to_opgroeien(
    subject_key: str,
    lang: Lang,
    *,
    notice_id: str,
    given_at: datetime,
    msgid: str,
    protocol: Protocol,
    lines: list[str],
) -> EmailMessage:
    # The OCMW tells Opgroeien at once (A9-5, A9-6): from its DPO to Opgroeien's.
    return notice_message(
        subject_key,
        lang,
        notice_id=notice_id,
        protocol_id=protocol.protocol_id,
        sender=protocol.recipient,
        to=dpo_address(protocol.sender),
        sent_at=given_at,
        msgid=msgid,
        lines=lines,
    )


def legislation_change_email(
    notice: LegislationChangeNotice, protocol: Protocol = TORHOUT, *, lang: Lang = "nl"
) -> EmailMessage:
    """The OCMW tells Opgroeien of a change in the law that affects the protocol, in Dutch
    unless ``lang="en"`` (A9-5)."""
    protocol = require_type(protocol, Protocol, "protocol")
    lang = check_lang(lang)
    require_instants(notice, "notice")
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
    return _to_opgroeien(
        "legislation_mail.subject",
        lang,
        notice_id=notice.notice_id,
        given_at=notice.given_at,
        msgid=f"legislation.{notice.notice_id}",
        protocol=protocol,
        lines=letter(lang, intro, details, [message("legislation_mail.proposal", lang)]),
    )


def processor_change_email(
    notice: ProcessorChangeNotice, protocol: Protocol = TORHOUT, *, lang: Lang = "nl"
) -> EmailMessage:
    """The OCMW tells Opgroeien of a change in its processors, in Dutch unless
    ``lang="en"`` (A9-6, A6-8, A6-9)."""
    protocol = require_type(protocol, Protocol, "protocol")
    lang = check_lang(lang)
    require_instants(notice, "notice")
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
    return _to_opgroeien(
        "processor_mail.subject",
        lang,
        notice_id=notice.notice_id,
        given_at=notice.given_at,
        msgid=f"processor.{notice.notice_id}",
        protocol=protocol,
        lines=letter(lang, intro, details),
    )
