"""The e-mail that carries a package (A6-1, A6-3): built here, never sent.

:func:`package_message` addresses the protocol's mailbox and nobody else, attaches the
archive, and says in Dutch that the password follows by another channel. Subject, body and
attachment name hold no personal data: no client value, no referral or consent id. The
``From`` header is left to the host's mail system, which knows the sender's address.

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
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime

from protocol_share._time import BRUSSELS, require_aware
from protocol_share.payload import DOCUMENT_NAME, TEXT_NAME, dutch_moment
from protocol_share.protocol import Protocol

__all__ = ["ARCHIVE_MIME", "package_message"]

ARCHIVE_MIME = ("application", "x-7z-compressed")


def package_message(
    protocol: Protocol, *, archive: bytes, filename: str, at: datetime
) -> EmailMessage:
    """The e-mail for one package, to ``protocol.mailbox`` only (A6-1, A6-3), dated ``at``."""
    at = require_aware(at)
    recipient = protocol.recipient
    message = EmailMessage()
    message["To"] = protocol.mailbox
    message["Subject"] = f"Beveiligde verwijzing voor {recipient.name}"
    message["Date"] = format_datetime(at.astimezone(BRUSSELS))
    paragraphs = [
        "Beste collega,",
        f"In bijlage vindt u een verwijzing naar {recipient.name}, verstuurd op "
        f'{dutch_moment(at)} volgens het protocol "{protocol.title}" (artikel 6).',
        f"De bijlage {filename} is een 7-Zip-archief, versleuteld met AES-256. Het "
        "wachtwoord volgt via een ander kanaal (telefonisch of per sms); het staat nooit "
        "in een e-mail.",
        "Open de bijlage met 7-Zip (https://www.7-zip.org) of met software die het protocol "
        f"ondersteunt. Het archief bevat {TEXT_NAME} (om te lezen) en {DOCUMENT_NAME} "
        "(voor software).",
        "Bewaar de gegevens niet langer dan het protocol toelaat (artikel 3) en stuur dit "
        "bericht niet door. Kreeg u het per vergissing, verwijder het dan en verwittig de "
        f"afzender en de functionaris voor gegevensbescherming ({recipient.dpo_email}).",
        f"Met vriendelijke groeten,\n{protocol.team}\n{protocol.sender.name}",
    ]
    body = "\n\n".join(
        "\n".join(textwrap.fill(line, 72, break_on_hyphens=False) for line in p.split("\n"))
        for p in paragraphs
    )
    message.set_content(body + "\n")
    message.add_attachment(
        archive, maintype=ARCHIVE_MIME[0], subtype=ARCHIVE_MIME[1], filename=filename
    )
    return message
