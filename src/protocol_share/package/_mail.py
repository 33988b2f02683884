"""The package e-mail, built here and never sent (A6-1, A6-3).

:func:`package_message` addresses the protocol's mailbox and nobody else, attaches the
archive, and says that the password follows by another channel. Subject, body and
attachment name hold no personal data: no client value, no referral or consent id. The
``From`` header is left to the host's mail system, which knows the sender's address.
Texts come from the catalogues (:mod:`protocol_share._text`): Dutch unless ``lang="en"``.

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
from collections.abc import Iterable
from datetime import datetime
from email.message import EmailMessage

from protocol_share._text import Lang, check_lang, long_moment, message
from protocol_share._text._mail import build_message
from protocol_share._time import require_aware
from protocol_share.package._payload import DOCUMENT_NAME, TEXT_NAME
from protocol_share.protocol._protocol import Protocol

__all__ = ["ARCHIVE_MIME", "package_message"]

ARCHIVE_MIME = ("application", "x-7z-compressed")


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
