"""Recital C (C-6, C-7): the client's informed consent, scoped and withdrawable.

Shaped after ISO/IEC TS 27560 consent records: who gave it and when, how, which
information notice the client received and which topics were explained, which recipient
organisation and which data items it covers, who recorded it, and when it was withdrawn.

    >>> from datetime import datetime, timezone
    >>> consent = Consent(
    ...     consent_id="c-2024-0001", given_at=datetime(2024, 5, 2, 10, tzinfo=timezone.utc),
    ...     method="verbal", information_notice="infofiche-ocmw-v1",
    ...     explained={"data", "recipient", "purpose", "follow_up", "withdrawal"},
    ...     recipient_kbo="0212175523", data_items={"name", "address", "phone"},
    ...     recorded_by="kg-torhout-017",
    ... )
    >>> consent.fully_informed, consent.recipient_kbo
    (True, '0212.175.523')
    >>> consent.withdraw(datetime(2024, 5, 3, tzinfo=timezone.utc)).withdrawn_at.day
    3

Two exports carry a consent to other systems: :func:`kantara_receipt`, a Kantara Consent
Receipt v1.1-shaped dict for the client, and :func:`dpv_record`, a JSON-LD record in the
W3C Data Privacy Vocabulary (``dpv:Consent`` over ``pd:Name``, ``pd:PhysicalAddress``,
``pd:TelephoneNumber`` and ``pd:EmailAddress``). Neither holds a personal value: the
consent record names data items, not data.

    >>> receipt = kantara_receipt(consent, policy_url="https://www.opgroeien.be/privacy",
    ...                           controller_phone="02 533 12 11")
    >>> receipt["version"], receipt["consentTimestamp"], receipt["sensitive"]
    ('KI-CR-v1.1.0', 1714644000, False)
    >>> receipt["services"][0]["purposes"][0]["thirdPartyName"]
    'OCMW Torhout'
    >>> record = dpv_record(consent)
    >>> record["@type"], [item["@id"] for item in record["dpv:hasPersonalData"]]
    ('dpv:Consent', ['pd:Name', 'pd:PhysicalAddress', 'pd:TelephoneNumber'])
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Mapping
from datetime import date, datetime
from typing import Annotated, Any, Literal, Self

from pydantic import AfterValidator, BeforeValidator, Field, model_validator

from protocol_share._model import FrozenModel, field_error, require_type
from protocol_share._text import in_lang, message
from protocol_share._time import BRUSSELS, Instant, as_utc, require_aware, require_instants
from protocol_share.clientdata._dpv import DPV_CONTEXT, DPV_PERSONAL_DATA
from protocol_share.clientdata._fields import DataItem, Phone, check_no_identifier
from protocol_share.clientdata._screening import Screened, keep_mark
from protocol_share.errors import InvalidInput
from protocol_share.protocol._parts import Kbo
from protocol_share.protocol._protocol import Protocol
from protocol_share.protocol._torhout import TORHOUT

__all__ = [
    "ALL_TOPICS",
    "Consent",
    "ConsentMethod",
    "Identifier",
    "Topic",
    "dpv_record",
    "kantara_receipt",
]

ConsentMethod = Literal["verbal", "written", "electronic"]
Topic = Literal["data", "recipient", "purpose", "follow_up", "withdrawal"]
ALL_TOPICS: frozenset[Topic] = frozenset(
    {"data", "recipient", "purpose", "follow_up", "withdrawal"}
)
"""What the client must have been told for consent to be informed (C-6): which data, to
whom, why, what happens next, and that consent can be withdrawn."""


def _canonical_id(value: object) -> object:
    # A host's UUID becomes its canonical text (lower case, hyphenated); a str stays as it is.
    return str(value) if isinstance(value, uuid.UUID) else value


# The pattern leaves nothing for check_free_text to tidy (ASCII, no space, not empty): the
# guard alone follows it.
Identifier = Annotated[
    str,
    Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._:\-]*$"),
    BeforeValidator(_canonical_id),
    AfterValidator(check_no_identifier),
]
"""An opaque id (referral, consent, team member): no spaces, and no forbidden identifier;
a ``uuid.UUID`` is accepted and kept as its canonical lower-case string."""


class Consent(Screened):
    """The client's consent to this sharing (C-6, C-7; GDPR art. 7), after ISO/IEC TS 27560.

    ``explained`` lists the topics the client was told about; consent is *informed* only
    when all of :data:`ALL_TOPICS` are there. ``withdrawn_at`` is set by :meth:`withdraw`.
    """

    consent_id: Identifier
    given_at: Instant
    given_by: Literal["client", "legal_representative"] = "client"
    method: ConsentMethod
    information_notice: Identifier
    explained: frozenset[Topic]
    recipient_kbo: Kbo
    data_items: Annotated[frozenset[DataItem], Field(min_length=1)]
    recorded_by: Identifier
    withdrawn_at: Instant | None = None

    @model_validator(mode="after")
    def _withdrawn_after_given(self) -> Self:
        # Instants in UTC: one zone's datetimes compare by wall clock (the autumn fold).
        if self.withdrawn_at is not None and as_utc(self.withdrawn_at) < as_utc(self.given_at):
            raise field_error(
                "Consent",
                "withdrawn_at",
                "WITHDRAWAL_BEFORE_CONSENT",
                "a consent cannot be withdrawn before it was given",
            )
        _ = self.given_on  # derived once, here, rather than on every decision
        return self

    @functools.cached_property
    def given_on(self) -> date:
        """The Europe/Brussels calendar day on which the consent was given (C-7, A5-1: its age
        and the protocol's start are counted in Brussels days); derived once per record."""
        return self.given_at.astimezone(BRUSSELS).date()

    @property
    def fully_informed(self) -> bool:
        """Whether every topic of :data:`ALL_TOPICS` was explained (C-6)."""
        return self.explained >= ALL_TOPICS

    def is_withdrawn_at(self, at: datetime) -> bool:
        """Whether the consent was withdrawn at or before ``at`` (C-7); instants compared in UTC.

        ``at`` must be a timezone-aware datetime; anything else raises :class:`InvalidInput`
        (``NAIVE_DATETIME``, ``WRONG_TYPE``).
        """
        at_utc = as_utc(require_aware(at))
        require_instants(self, "consent")
        return self.withdrawn_at is not None and as_utc(self.withdrawn_at) <= at_utc

    def withdraw(self, at: datetime) -> Consent:
        """A new record, withdrawn at ``at`` (C-7, GDPR art. 7(3)); an earlier withdrawal stands.

        Raises :class:`InvalidInput` (``WITHDRAWAL_BEFORE_CONSENT``) when ``at`` precedes
        ``given_at``, and for a naive ``at``.
        """
        at = require_aware(at)
        require_instants(self, "consent")
        at_utc = as_utc(at)
        if at_utc < as_utc(self.given_at):
            raise InvalidInput.single(
                "arguments",
                "at",
                "WITHDRAWAL_BEFORE_CONSENT",
                "a consent cannot be withdrawn before it was given",
            )
        if self.withdrawn_at is not None and as_utc(self.withdrawn_at) <= at_utc:
            return self
        withdrawn = self.model_copy(update={"withdrawn_at": at})
        keep_mark(self, withdrawn)  # only a datetime changed: the texts were screened
        return withdrawn


# --- exports ---------------------------------------------------------------------------------

_ORDER: tuple[DataItem, ...] = (DataItem.NAME, DataItem.ADDRESS, DataItem.PHONE, DataItem.EMAIL)

_KANTARA_PII: Mapping[DataItem, str] = {
    DataItem.NAME: "1 - Biographical",
    DataItem.ADDRESS: "2 - Contact",
    DataItem.PHONE: "2 - Contact",
    DataItem.EMAIL: "2 - Contact",
}


class _ReceiptIssuer(FrozenModel):
    policy_url: Annotated[str, Field(pattern=r"^https://[^\s/]+\.[^\s]+$", max_length=2000)]
    controller_phone: Phone
    language: Literal["nl", "en"]


def _items(consent: Consent) -> list[DataItem]:
    return [item for item in _ORDER if item in consent.data_items]


def _urn(protocol: Protocol, consent: Consent) -> str:
    return f"urn:protocol-share:{protocol.protocol_id}:consent:{consent.consent_id}"


def kantara_receipt(
    consent: Consent,
    protocol: Protocol = TORHOUT,
    *,
    policy_url: str,
    controller_phone: str,
    language: Literal["nl", "en"] = "nl",
) -> dict[str, Any]:
    """The consent as a Kantara Consent Receipt v1.1-shaped dict (C-6, C-7; GDPR art. 7(1)).

    The PII controller is the sender (Opgroeien regie, which asks the consent and shares);
    the recipient organisation is the third party of the one purpose (C-2). The signed
    protocol gives neither a privacy-policy URL nor a telephone number, so the caller
    passes ``policy_url`` (https) and ``controller_phone`` (kept as E.164); they are
    validated and raise :class:`InvalidInput`. The receipt id is derived from the protocol
    and consent ids (a name-based UUID), never random. ``piiPrincipalId`` is a pseudonym
    (the consent's URN), since the record names no client. ``sensitive`` is false and
    ``spiCat`` empty: article 3 shares no special-category data (A3-3).
    """
    consent = require_type(consent, Consent, "consent")
    protocol = require_type(protocol, Protocol, "protocol")
    require_instants(consent, "consent")
    issuer = _ReceiptIssuer(
        policy_url=policy_url, controller_phone=controller_phone, language=language
    )
    lang = issuer.language
    service = message("consent.receipt.service", lang)
    purpose = next((p for p in protocol.purposes if p.clause == "C-2"), None)
    purpose_text = service if purpose is None else in_lang(lang, purpose.text_nl, purpose.text_en)
    categories = sorted({_KANTARA_PII[item] for item in _items(consent)})
    urn = _urn(protocol, consent)
    return {
        "version": "KI-CR-v1.1.0",
        "jurisdiction": "BE",
        "consentTimestamp": int(consent.given_at.timestamp()),
        "collectionMethod": message(f"consent.receipt.method.{consent.method}", lang),
        "consentReceiptID": str(uuid.uuid5(uuid.NAMESPACE_URL, urn)),
        "language": issuer.language,
        "piiPrincipalId": urn,
        "piiControllers": [
            {
                "piiController": protocol.sender.name,
                "onBehalf": False,
                "contact": message("consent.receipt.contact", lang),
                "address": {"streetAddress": protocol.sender.seat, "addressCountry": "BE"},
                "email": protocol.sender.dpo_email,
                "phone": issuer.controller_phone,
            }
        ],
        "policyUrl": issuer.policy_url,
        "services": [
            {
                "service": service,
                "purposes": [
                    {
                        "purpose": purpose_text,
                        "purposeCategory": [message("consent.receipt.category", lang)],
                        "consentType": "EXPLICIT",
                        "piiCategory": categories,
                        "primaryPurpose": True,
                        "termination": message("consent.receipt.termination", lang),
                        "thirdPartyDisclosure": True,
                        "thirdPartyName": protocol.recipient.name,
                    }
                ],
            }
        ],
        "sensitive": False,
        "spiCat": [],
    }


def _literal_time(moment: datetime) -> dict[str, str]:
    return {"@value": moment.isoformat(), "@type": "xsd:dateTime"}


def dpv_record(consent: Consent, protocol: Protocol = TORHOUT) -> dict[str, Any]:
    """The consent as a JSON-LD record in the W3C Data Privacy Vocabulary (C-6, C-7, A3-1, A3-2).

    A ``dpv:Consent`` with its status (``dpv:ConsentGiven``, or ``dpv:ConsentWithdrawn``
    once withdrawn), when and how it was indicated and by whom (the data subject or a
    guardian), the notice shown, the topics explained (``ps:explained``), the personal
    data it covers (``pd:Name``, ``pd:PhysicalAddress``, ``pd:TelephoneNumber``,
    ``pd:EmailAddress``), the purpose (C-2), the controller and the recipient. The context
    is inline (:data:`DPV_CONTEXT`), so no JSON-LD processor fetches anything.
    """
    consent = require_type(consent, Consent, "consent")
    protocol = require_type(protocol, Protocol, "protocol")
    require_instants(consent, "consent")
    withdrawn = consent.withdrawn_at is not None
    events: list[dict[str, Any]] = [
        {"@type": "dpv:ConsentGiven", "dct:date": _literal_time(consent.given_at)}
    ]
    if consent.withdrawn_at is not None:
        events.append(
            {"@type": "dpv:ConsentWithdrawn", "dct:date": _literal_time(consent.withdrawn_at)}
        )
    purposes = [
        {
            "@id": f"urn:protocol-share:{protocol.protocol_id}:purpose:{p.clause}",
            "@type": "dpv:Purpose",
            "dct:description": [
                {"@value": p.text_nl, "@language": "nl"},
                {"@value": p.text_en, "@language": "en"},
            ],
        }
        for p in protocol.purposes
        if p.clause == "C-2"
    ]
    recipient: dict[str, Any] = {
        "@id": f"urn:kbo:{consent.recipient_kbo.replace('.', '')}",
        "@type": "dpv:Recipient",
    }
    if consent.recipient_kbo == protocol.recipient.kbo:
        recipient["dpv:hasName"] = protocol.recipient.name
    return {
        "@context": dict(DPV_CONTEXT),
        "@id": _urn(protocol, consent),
        "@type": "dpv:Consent",
        "dpv:hasIdentifier": consent.consent_id,
        "dpv:hasConsentStatus": {
            "@id": "dpv:ConsentWithdrawn" if withdrawn else "dpv:ConsentGiven"
        },
        "dpv:isIndicatedAtTime": _literal_time(consent.given_at),
        "dpv:hasIndicationMethod": consent.method,
        "dpv:isIndicatedBy": {
            "@id": "dpv:DataSubject"
            if consent.given_by == "client"
            else "dpv:GuardianOfDataSubject"
        },
        "dpv:hasNotice": {
            "@id": f"urn:protocol-share:{protocol.protocol_id}:notice:{consent.information_notice}"
        },
        "ps:explained": sorted(consent.explained),
        "dpv:hasPersonalData": [{"@id": DPV_PERSONAL_DATA[item]} for item in _items(consent)],
        "dpv:hasPurpose": purposes,
        "dpv:hasDataController": {
            "@id": f"urn:kbo:{protocol.sender.kbo.replace('.', '')}",
            "@type": "dpv:DataController",
            "dpv:hasName": protocol.sender.name,
        },
        "dpv:hasRecipient": recipient,
        "dpv:hasJurisdiction": "BE",
        "dct:creator": consent.recorded_by,
        "dct:hasPart": events,
    }
