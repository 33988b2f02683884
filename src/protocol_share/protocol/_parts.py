"""The parts of a protocol (recitals, art. 2 to 11, closing lines): its parties and their
representatives, the data items it lists, its legal bases and purposes, onward recipients,
the retention and consent terms, the supervisory authority, the signatures, and the signed
text's flaws as data (corrections, dangling references). :class:`~._protocol.Protocol`
holds them; each is frozen and checked as every free text is.
"""

from __future__ import annotations

import functools
from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError
from stdnum.be import vat
from stdnum.exceptions import ValidationError

from protocol_share._model import FrozenModel
from protocol_share.clientdata._fields import DataItem, OrganisationEmail, check_free_text
from protocol_share.protocol._clauses import CLAUSES
from protocol_share.protocol._signed_text import TextFlawCode

__all__ = [
    "ClauseId",
    "ComparedText",
    "ConsentTerms",
    "Correction",
    "DataItemSpec",
    "Kbo",
    "LegalBasis",
    "OnwardRecipient",
    "Party",
    "Purpose",
    "Representative",
    "RetentionTerms",
    "Signature",
    "SupervisoryAuthority",
    "Text",
    "TextFlaw",
]


@functools.lru_cache(maxsize=256)  # enterprise numbers are no personal data, and recur
def _kbo(value: str) -> str:
    try:
        compact: str = vat.validate(value)  # cleans once, then the length and mod-97 checks
    except ValidationError:
        compact = ""
    if not compact:
        raise PydanticCustomError(
            "INVALID_KBO", "is not a KBO enterprise number (ten digits, mod-97 check)"
        )
    return f"{compact[:4]}.{compact[4:7]}.{compact[7:]}"


Kbo = Annotated[str, AfterValidator(_kbo)]
"""A KBO enterprise number, checked (mod 97) and normalised to ``0212.175.523``."""
Text = Annotated[str, Field(min_length=1, max_length=2000), AfterValidator(check_free_text)]
"""A protocol's text (names, seats, titles, clauses): checked as every free text is
(:func:`~protocol_share.clientdata._fields.check_free_text`): no line break or other control
character (a party's name goes into e-mail headers), no forbidden identifier, not blank;
stripped and NFC-normalised."""
ComparedText = Text
"""Text the rules compare with other input (``team`` with ``Sender.team``): stripped and
NFC-normalised by the helper every free text uses, so a protocol written in NFD matches."""
_DOMAIN = r"^[A-Za-z0-9]([A-Za-z0-9\-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9\-]*[A-Za-z0-9])?)+$"
ClauseId = Annotated[str, Field(pattern=r"^(C|D|E|A\d+)-\d+$")]


class Representative(FrozenModel):
    """A person who represents a party in signing (preamble; D-1: the protocol as published)."""

    name: Text
    title: Text


class Party(FrozenModel):
    """A party to the protocol: name, KBO number, seat, representatives, DPO (recitals A, B, E, F; A9-4).

    ``email_domains`` are the domains the party's addresses may use; ``lint_protocol`` checks
    the mailbox and DPO address against them. ``dpo_advice_on`` is the date the party's DPO
    advised on the draft (E-1).
    """

    name: Text
    kbo: Kbo
    seat: Text
    representatives: tuple[Representative, ...] = ()
    dpo_email: OrganisationEmail
    dpo_advice_on: date | None = None
    email_domains: tuple[
        Annotated[str, Field(min_length=3, max_length=253, pattern=_DOMAIN)], ...
    ] = ()


class DataItemSpec(FrozenModel):
    """One data item the protocol lists, with its proportionality justification (A3-1, A3-2)."""

    item: DataItem
    clause: ClauseId
    justification_nl: Text
    justification_en: Text


class LegalBasis(FrozenModel):
    """A legal basis the protocol cites (recital C, A2-1, A2-4, preamble).

    ``role`` says what it grounds: the sharing itself, the original collection, the
    recipient's processing, or the duty to conclude a protocol.
    """

    role: Literal["sharing", "original_collection", "recipient_processing", "protocol"]
    title_nl: Text
    articles: tuple[Text, ...] = ()
    clause: ClauseId
    in_force_from: date | None = None
    """When the basis took effect, where the host records it (C-7: a consent to sharing
    under a basis cannot predate it); ``None`` when not recorded."""


class Purpose(FrozenModel):
    """A purpose of processing (C-2, A2-1, A2-2), in Dutch and English."""

    clause: ClauseId
    text_nl: Text
    text_en: Text


class OnwardRecipient(FrozenModel):
    """A category of recipient the OCMW may pass the data to (A4-1, A4-2)."""

    kind: Literal["social_worker", "breed_onthaal_actor"]
    clause: ClauseId
    requires_professional_secrecy: bool
    description_nl: Text


class RetentionTerms(FrozenModel):
    """How long the recipient keeps the data, and when each case comes up for review (A3-4 to A3-6).

    ``client_file_years``: calendar years after a client file is closed (A3-6; 10 in the
    Torhout protocol). The protocol is silent on everything else; the review terms are the
    library's reading (``docs/readings.md``): A3-4 keeps the data *at least* until contact,
    so nothing is deleted before, but no case may sit undecided for ever (GDPR art.
    5(1)(e)). Each term counts days from the case's latest step; a review that keeps the
    data starts it again.

    - ``contact_review_days`` (30): a referral with no contact recorded yet;
    - ``unreachable_review_days`` (90): a client who could not be reached;
    - ``file_to_open_review_days`` (30): a client who wants help, no client file opened yet;
    - ``open_file_review_days`` (365): an open client file (is it still active?).
    """

    client_file_years: Annotated[int, Field(ge=1, le=100)] = 10
    unreachable_review_days: Annotated[int, Field(ge=1, le=3650)] = 90
    contact_review_days: Annotated[int, Field(ge=1, le=3650)] = 30
    file_to_open_review_days: Annotated[int, Field(ge=1, le=3650)] = 30
    open_file_review_days: Annotated[int, Field(ge=1, le=3650)] = 365


class ConsentTerms(FrozenModel):
    """How fresh the client's consent must be for a new referral (C-6, C-7, A5-1).

    ``max_age_days`` (90): a consent given more than that many days before the transfer
    (Brussels calendar days; the day of the consent not counted, the last day included) no
    longer counts. The protocol is silent; this is the library's reading
    (``docs/readings.md``): A5-1 ties each transfer to a judgment made "in consultation with
    and with the consent of the client", so the consent must speak of this referral, not of
    one long past. A consent given before the protocol entered into force is never enough,
    whatever its age (``CONSENT_BEFORE_PROTOCOL``).
    """

    max_age_days: Annotated[int, Field(ge=1, le=3650)] = 90


class SupervisoryAuthority(FrozenModel):
    """The data-protection authority that receives breach notices (A9-1; GDPR art. 33).

    Defaults to the Vlaamse Toezichtcommissie, competent for Flemish public bodies.
    """

    short_name: Text = "VTC"
    name: Text = "Vlaamse Toezichtcommissie voor de verwerking van persoonsgegevens"
    email: OrganisationEmail = "contact@toezichtcommissie.be"
    website: Text = "https://www.toezichtcommissie.be"


class Signature(FrozenModel):
    """Who signed for which party, and when, where the text records it (closing lines; D-1)."""

    party: Literal["sender", "recipient"]
    signatory: Text
    role: Text
    signed_on: date | None = None


class Correction(FrozenModel):
    """A flaw of the signed text and how this data handles it, openly (known flaws; e.g. A9-4):
    where, what the signed text says, what is used instead, and why, in Dutch and English."""

    path: Text
    signed_text: Text
    used: Text
    reason_nl: Text
    reason_en: Text


def _register_clause(value: str) -> str:
    if value not in CLAUSES:
        raise PydanticCustomError("UNKNOWN_CLAUSE", "is not an id of the clause register")
    return value


class TextFlaw(FrozenModel):
    """A cross-reference of the signed text that points to nothing, recorded as data (D-1).

    The model does not hold the signed text; a host that knows its flaws (found once with
    :func:`~protocol_share.protocol._signed_text.lint_signed_text`, or by reading) records
    them here, and ``lint_protocol`` reports each without the text. ``code`` is one of
    ``TEXT_FLAW_CODES``, ``clause`` the register clause it bears on, ``quote`` the reference
    as the text has it (``zie lager``, ``artikel 2, 2°``).
    """

    code: TextFlawCode
    clause: Annotated[str, AfterValidator(_register_clause)]
    quote: Text
