"""The breach notice e-mail between the DPOs (A9-1 to A9-4; GDPR art. 33(3)).

It carries the nature, data categories, approximate counts, likely consequences,
measures, the ENISA level, the authority's deadline and the art. 34 advice; never a
client's data, free text (``facts``, ``delay_reasons``) or referral ids: those stay in the
breach register.
"""

from __future__ import annotations

from email.message import EmailMessage

from protocol_share._text import Lang, message, short_moment
from protocol_share._text._mail import bullets, notice_arguments, notice_message
from protocol_share.clientdata._fields import DataItem
from protocol_share.notices._breach import BreachNotice, notifying_party, other_party
from protocol_share.notices._breach_authority import authority_status
from protocol_share.protocol._protocol import Protocol
from protocol_share.protocol._torhout import TORHOUT

__all__ = ["breach_notice_email"]


def _breach_lines(notice: BreachNotice, protocol: Protocol, lang: Lang) -> list[str]:
    reporter, other = notifying_party(notice, protocol), other_party(notice, protocol)
    severity = notice.severity()
    status = authority_status(notice, at=notice.issued_at, protocol=protocol)
    losses = [
        message(f"breach.loss.{level}", lang)
        for level in (notice.confidentiality, notice.integrity, notice.availability)
        if level != "none"
    ]
    precision = message(
        "breach_mail.approximate" if notice.counts_approximate else "breach_mail.exact", lang
    )
    why = "breach_mail.why_both" if notice.both_parties_affected else "breach_mail.why_own"
    if notice.phase > 1:
        phase = message("breach_mail.phase_next", lang, phase=notice.phase)
    else:
        phase = message("breach_mail.phase_first", lang)
    if severity.tell_data_subjects:
        advice = message("breach_mail.tell_yes", lang)
    elif severity.exemption:
        advice = message("breach_mail.tell_exempt", lang)
    else:
        advice = message("breach_mail.tell_no", lang)
    notified = notice.authority_notified_at
    if notified:
        state = message("breach_mail.authority_notified", lang, moment=short_moment(notified, lang))
    elif notice.not_notifying_reasons is not None:
        state = message("breach_mail.authority_decided_not", lang)
    elif status.recommended:
        state = message("breach_mail.authority_advised", lang)
    else:
        state = message("breach_mail.authority_not_required", lang)
    occurred = (
        short_moment(notice.occurred_at, lang)
        if notice.occurred_at
        else message("mail.not_yet_known", lang)
    )
    cause = message(f"breach.cause.{notice.cause}", lang)
    authority = status.authority
    lines = [
        message("breach_mail.greeting", lang),
        "",
        message("breach_mail.intro", lang, reporter=reporter.name, title=protocol.title),
        message(why, lang),
        phase,
        "",
        message("breach_mail.notice", lang, notice_id=notice.notice_id, phase=notice.phase),
        message(
            "breach_mail.aware",
            lang,
            reporter=reporter.name,
            moment=short_moment(notice.aware_at, lang),
        ),
        message("breach_mail.occurred", lang, moment=occurred),
        message(
            "breach_mail.cause_malicious" if notice.malicious else "breach_mail.cause",
            lang,
            cause=cause,
        ),
        message("breach_mail.nature", lang),
        bullets(losses, lang),
        message("breach_mail.categories", lang),
        bullets(
            (message(f"data_item.{item}", lang) for item in DataItem if item in notice.data_items),
            lang,
        ),
        message("breach_mail.data_subjects", lang, precision=precision, count=notice.data_subjects),
        message("breach_mail.records", lang, precision=precision, count=notice.records),
        message("breach_mail.consequences", lang),
        bullets(
            (message(f"breach.consequence.{c}", lang) for c in sorted(notice.consequences)), lang
        ),
        message("breach_mail.measures_taken", lang),
        bullets(
            (message(f"breach.measure.{m}", lang) for m in sorted(notice.measures_taken)), lang
        ),
        message("breach_mail.measures_proposed", lang),
        bullets(
            (message(f"breach.measure.{m}", lang) for m in sorted(notice.measures_proposed)), lang
        ),
        "",
        message(
            "breach_mail.severity",
            lang,
            level=message(f"severity.level.{severity.level}", lang),
            dpc=severity.dpc,
            ei=severity.ei,
            cb=severity.cb,
            score=severity.score,
        ),
        message(
            "breach_mail.authority",
            lang,
            authority=authority.name,
            short_name=authority.short_name,
            deadline=short_moment(status.deadline, lang),
            state=state,
        ),
        message("breach_mail.tell", lang, advice=advice),
        "",
    ]
    if notice.joint_consultation:
        lines.append(message("breach_mail.consult", lang))
    lines += [
        message("breach_mail.share", lang),
        message("breach_mail.contact", lang, reporter=reporter.name, email=reporter.dpo_email),
        message("breach_mail.addressee", lang, other=other.name),
        "",
        message("mail.no_personal_data", lang),
    ]
    return lines


def breach_notice_email(
    notice: BreachNotice, protocol: Protocol = TORHOUT, *, lang: Lang = "nl"
) -> EmailMessage:
    """The breach notice to the other party's DPO, in Dutch unless ``lang="en"`` (A9-1 to
    A9-4; GDPR art. 33(3)).

    From the reporting party's DPO to the other party's DPO (addresses from the protocol),
    dated ``notice.issued_at``. It carries the nature, data categories, approximate counts,
    likely consequences, measures, the ENISA level, the authority's deadline and the
    art. 34 advice; never a client's data, free text or referral ids.
    """
    notice, protocol, lang = notice_arguments(notice, BreachNotice, protocol, lang)
    return notice_message(
        "breach_mail.subject",
        lang,
        protocol,
        notice.reporter,
        lines=_breach_lines(notice, protocol, lang),
        sent_at=notice.issued_at,
        msgid=f"breach.{notice.notice_id}.{notice.phase}",
        notice_id=notice.notice_id,
        phase=notice.phase,
    )
