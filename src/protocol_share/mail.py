"""E-mails, built here and never sent (A6-1, A6-3, A9-4): the package e-mail and the one
builder every notice e-mail (:mod:`protocol_share.notice_mail`) goes through.

:func:`package_message` addresses the protocol's mailbox and nobody else, attaches the
archive, and says that the password follows by another channel. Subject, body and
attachment name hold no personal data: no client value, no referral or consent id. The
``From`` header is left to the host's mail system, which knows the sender's address.
Texts come from the catalogues (:mod:`protocol_share.locale`): Dutch unless ``lang="en"``.

    >>> from datetime import datetime, timezone
    >>> from protocol_share import TORHOUT
    >>> message = package_message(TORHOUT, archive=b"7z...", filename="verwijzing-20240502-0a1b2c3d.7z",
    ...                           at=datetime(2024, 5, 2, 10, tzinfo=timezone.utc))
    >>> message["To"], message["Subject"]
    ('sociaal.huis@torhout.be', 'Beveiligde verwijzing voor OCMW Torhout')
    >>> "ander kanaal" in message.get_body().get_content()
    True
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from typing import Final

from pydantic import TypeAdapter

from protocol_share._time import BRUSSELS, require_aware
from protocol_share.errors import InvalidInput
from protocol_share.fields import Email
from protocol_share.locale import Lang, check_lang, long_moment, message
from protocol_share.payload import DOCUMENT_NAME, TEXT_NAME
from protocol_share.protocol import Party, Protocol

__all__ = [
    "ARCHIVE_MIME",
    "build_message",
    "bullets",
    "dpo_address",
    "letter",
    "notice_address",
    "notice_message",
    "package_message",
]

ARCHIVE_MIME = ("application", "x-7z-compressed")
_EMAIL: Final = TypeAdapter(Email)


def dpo_address(party: Party) -> str:
    """``DPO <party> <dpo e-mail>``: the contact A9-4 names for a party's notices."""
    return formataddr((f"DPO {party.name}", party.dpo_email))


def notice_address(to: str | None, default: Party) -> str:
    """The address a notice goes to (A9-4): ``to`` when the caller gives one (checked like
    :data:`~protocol_share.fields.Email`, else :class:`InvalidInput` ``INVALID_EMAIL``),
    otherwise the DPO of ``default``."""
    if to is None:
        return dpo_address(default)
    try:
        return _EMAIL.validate_python(to)
    except ValueError:
        raise InvalidInput.single(
            "arguments", "to", "INVALID_EMAIL", "is not a valid e-mail address"
        ) from None


def bullets(lines: Iterable[str], lang: Lang) -> str:
    """Indented ``- `` items, or one ``- none`` item in ``lang`` (A9-4 notice bodies)."""
    items = [f"  - {line}" for line in lines]
    return "\n".join(items) if items else f"  - {message('mail.none', lang)}"


def letter(
    lang: Lang, intro: str, details: Iterable[str], closing: Sequence[str] = ()
) -> list[str]:
    """The lines of a notice (A9-4): the greeting in ``lang``, ``intro``, the ``details``
    and, after a blank line, the ``closing`` lines if any."""
    lines = [message("mail.greeting", lang), "", intro, "", *details]
    return [*lines, "", *closing] if closing else lines


def build_message(
    *,
    to: str,
    subject: str,
    body: str,
    sent_at: datetime,
    lang: Lang,
    sender: Party | None = None,
    msgid: str | None = None,
) -> EmailMessage:
    """One plain-text e-mail (A6-1, A9-4): ``To``, ``Subject``, ``Date`` (``sent_at`` in
    Europe/Brussels), ``Content-Language``; with ``sender``, ``From`` its DPO and a
    ``Message-ID`` ``<msgid@domain of that DPO>``. Nothing is sent."""
    lang = check_lang(lang)
    email = EmailMessage()
    if sender is not None:
        email["From"] = dpo_address(sender)
    email["To"] = to
    email["Subject"] = subject
    email["Date"] = format_datetime(require_aware(sent_at, "sent_at").astimezone(BRUSSELS))
    if sender is not None and msgid is not None:
        domain = sender.dpo_email.rpartition("@")[2]
        email["Message-ID"] = f"<{msgid}@{domain}>"
    email.set_content(body, charset="utf-8")
    email["Content-Language"] = lang  # after set_content, which resets Content-* headers
    return email


def notice_message(
    subject_key: str,
    lang: Lang,
    /,
    *,
    lines: Sequence[str],
    sender: Party,
    to: str,
    sent_at: datetime,
    msgid: str,
    **subject_values: object,
) -> EmailMessage:
    """A notice from one party's DPO (A9-4): the subject ``subject_key`` from the catalogue
    of ``lang``, filled from ``subject_values``; ``lines`` are the body, one a line."""
    return build_message(
        to=to,
        subject=message(subject_key, lang, **subject_values),
        body="\n".join(lines) + "\n",
        sent_at=sent_at,
        lang=lang,
        sender=sender,
        msgid=msgid,
    )


def _wrapped(paragraphs: Iterable[str]) -> str:
    return "\n\n".join(
        "\n".join(textwrap.fill(line, 72, break_on_hyphens=False) for line in p.split("\n"))
        for p in paragraphs
    )


def package_message(
    protocol: Protocol, *, archive: bytes, filename: str, at: datetime, lang: Lang = "nl"
) -> EmailMessage:
    """The e-mail for one package, to ``protocol.mailbox`` only (A6-1, A6-3), dated ``at``,
    in ``lang`` (Dutch by default)."""
    at = require_aware(at)
    lang = check_lang(lang)
    recipient = protocol.recipient
    paragraphs = [
        message("package_mail.greeting", lang),
        message(
            "package_mail.attached",
            lang,
            recipient=recipient.name,
            moment=long_moment(at, lang),
            title=protocol.title,
        ),
        message("package_mail.archive", lang, filename=filename),
        message("package_mail.open", lang, text_name=TEXT_NAME, document_name=DOCUMENT_NAME),
        message("package_mail.care", lang, dpo_email=recipient.dpo_email),
        "\n".join([message("mail.regards", lang), protocol.team, protocol.sender.name]),
    ]
    email = build_message(
        to=protocol.mailbox,
        subject=message("package_mail.subject", lang, recipient=recipient.name),
        body=_wrapped(paragraphs) + "\n",
        sent_at=at,
        lang=lang,
    )
    email.add_attachment(
        archive, maintype=ARCHIVE_MIME[0], subtype=ARCHIVE_MIME[1], filename=filename
    )
    return email
