"""E-mails, built here and never sent (A6-1, A9-4): the one plain-text builder that the
package e-mail (:mod:`protocol_share.package._package`) and every notice e-mail
(:mod:`protocol_share.notices`) go through, with the parts notices share (the DPO's address,
the greeting and bullets). Texts come from the catalogues: Dutch unless ``lang="en"``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from typing import Final, Literal, TypeVar

from pydantic import BaseModel, TypeAdapter

from protocol_share._model import require_type
from protocol_share._text import Lang, check_lang, message
from protocol_share._time import BRUSSELS, require_aware, require_instants
from protocol_share.clientdata._fields import Email
from protocol_share.errors import InvalidInput
from protocol_share.protocol._parts import Party
from protocol_share.protocol._protocol import Protocol

M = TypeVar("M", bound=BaseModel)

__all__ = [
    "Side",
    "build_message",
    "bullets",
    "dpo_address",
    "letter",
    "notice_address",
    "notice_arguments",
    "notice_message",
]

Side = Literal["sender", "recipient"]
"""A party by its side in the protocol: Opgroeien (``sender``) or the OCMW (``recipient``)."""

_EMAIL: Final = TypeAdapter(Email)


def dpo_address(party: Party) -> str:
    """``DPO <party> <dpo e-mail>``: the contact A9-4 names for a party's notices."""
    return formataddr((f"DPO {party.name}", party.dpo_email))


def notice_address(to: str | None, default: Party) -> str:
    """The address a notice goes to (A9-4): ``to`` when the caller gives one (checked like
    :data:`~protocol_share.clientdata._fields.Email`, else :class:`InvalidInput` ``INVALID_EMAIL``),
    otherwise the DPO of ``default``."""
    if to is None:
        return dpo_address(default)
    try:
        return _EMAIL.validate_python(to)
    except ValueError:
        pass
    raise InvalidInput.single("arguments", "to", "INVALID_EMAIL", "is not a valid e-mail address")


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
    msgid_party: Party | None = None,
) -> EmailMessage:
    """One plain-text e-mail (A6-1, A9-4): ``To``, ``Subject``, ``Date`` (``sent_at`` in
    Europe/Brussels), ``Content-Language``; with ``sender``, ``From`` its DPO and a
    ``Message-ID`` ``<msgid@domain of that DPO>``. Without ``sender`` (the package e-mail,
    whose ``From`` the host's mail system sets), ``msgid_party`` names the party whose
    DPO's domain the ``Message-ID`` takes. Nothing is sent."""
    lang = check_lang(lang)
    email = EmailMessage()
    injected = False
    try:
        if sender is not None:
            email["From"] = dpo_address(sender)
        email["To"] = to
        email["Subject"] = subject
    except ValueError:
        # Validated texts hold no line break; one that skipped validation (model_copy with
        # update, model_construct) would be a header injection. Raised outside the except
        # block: the email package's error quotes the header.
        injected = True
    if injected:
        raise InvalidInput.single(
            "arguments",
            "protocol",
            "CONTROL_CHARACTER",
            "a text of the protocol for an e-mail header holds a line break or control character",
        )
    email["Date"] = format_datetime(require_aware(sent_at, "sent_at").astimezone(BRUSSELS))
    party = sender if sender is not None else msgid_party
    if party is not None and msgid is not None:
        domain = party.dpo_email.rpartition("@")[2]
        email["Message-ID"] = f"<{msgid}@{domain}>"
    email.set_content(body, charset="utf-8")
    email["Content-Language"] = lang  # after set_content, which resets Content-* headers
    return email


def notice_arguments(
    notice: object, kind: type[M], protocol: object, lang: object, name: str = "notice"
) -> tuple[M, Protocol, Lang]:
    """A notice e-mail's arguments, checked (A9-4): ``notice`` (called ``name`` in an error)
    a ``kind`` whose instants are aware, ``protocol`` a :class:`Protocol`, ``lang`` a
    language of the catalogues; else :class:`InvalidInput` (``WRONG_TYPE``, ...)."""
    notice = require_type(notice, kind, name)
    checked = require_type(protocol, Protocol, "protocol"), check_lang(lang)
    require_instants(notice, name)
    return notice, *checked


def notice_message(
    subject_key: str,
    lang: Lang,
    protocol: Protocol,
    by: Side,
    /,
    *,
    lines: Sequence[str],
    sent_at: datetime,
    msgid: str,
    to: str | None = None,
    **subject_values: object,
) -> EmailMessage:
    """A notice from the DPO of the protocol's ``by`` party to the other party's DPO (A9-4),
    or to ``to`` where the caller gives it (:func:`notice_address`): the subject
    ``subject_key`` from the catalogue of ``lang``, filled with the protocol's id and
    ``subject_values``; ``lines`` are the body, one a line."""
    sender, other = (
        (protocol.sender, protocol.recipient)
        if by == "sender"
        else (protocol.recipient, protocol.sender)
    )
    return build_message(
        to=notice_address(to, other),
        subject=message(subject_key, lang, protocol_id=protocol.protocol_id, **subject_values),
        body="\n".join(lines) + "\n",
        sent_at=sent_at,
        lang=lang,
        sender=sender,
        msgid=msgid,
    )
