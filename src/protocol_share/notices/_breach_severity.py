"""The ENISA severity of a breach and the art. 34 advice (A9-1, A9-2; GDPR art. 34).

:func:`enisa_severity` follows ENISA's 2013 *Recommendations for a methodology of the
assessment of severity of personal data breaches*: SE = DPC x EI + CB, with the ENISA
scales and bands (low < 2 <= medium < 3 <= high < 4 <= very high). Names and contact
details are *simple data* (DPC 1), but the referral context raises it: that a family was
referred to the OCMW by a local team says something about its social situation. The
default raise is one step (:data:`REFERRAL_CONTEXT_RAISE`, DPC 2), ENISA's adjustment for
data that let one infer a person's (financial or social) situation; a host may pass another.
From the level follows a recommendation whether the data subjects must be told (art. 34:
high or very high), unless art. 34(3)(a) applies: the data were encrypted (the AES-256
package of A6-2) and the password was not compromised.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Final, Literal

from pydantic import Field

from protocol_share._model import FrozenModel
from protocol_share._text import Lang, message
from protocol_share.errors import InvalidInput

__all__ = [
    "REFERRAL_CONTEXT_RAISE",
    "DataCategory",
    "EaseOfIdentification",
    "LossOfAvailability",
    "LossOfConfidentiality",
    "LossOfIntegrity",
    "Severity",
    "SeverityLevel",
    "enisa_severity",
]

REFERRAL_CONTEXT_RAISE: Final = 1
"""How many steps the referral context raises the ENISA DPC of simple data (default 1)."""

LossOfConfidentiality = Literal["none", "known_recipients", "unknown_recipients"]
"""ENISA CB: no loss (0), disclosed to a known number of recipients (+0.25), to an
unknown number (+0.5)."""
LossOfIntegrity = Literal["none", "recoverable", "unrecoverable"]
"""ENISA CB: no loss (0), altered but recoverable (+0.25), altered and not recoverable (+0.5)."""
LossOfAvailability = Literal["none", "temporary", "permanent"]
"""ENISA CB: no loss (0), temporarily unavailable (+0.25), permanently lost (+0.5)."""
EaseOfIdentification = Literal["negligible", "limited", "significant", "maximum"]
"""ENISA EI: 0.25, 0.5, 0.75, 1. A name with an address identifies: ``maximum``."""
DataCategory = Literal["simple", "behavioural", "financial", "sensitive"]
"""ENISA's basic DPC: simple 1, behavioural 2, financial 3, sensitive 4."""
SeverityLevel = Literal["low", "medium", "high", "very_high"]

_DPC_BASE: Final = {"simple": 1, "behavioural": 2, "financial": 3, "sensitive": 4}
_EI: Final = {"negligible": 0.25, "limited": 0.5, "significant": 0.75, "maximum": 1.0}
_CONFIDENTIALITY: Final = {"none": 0.0, "known_recipients": 0.25, "unknown_recipients": 0.5}
_INTEGRITY: Final = {"none": 0.0, "recoverable": 0.25, "unrecoverable": 0.5}
_AVAILABILITY: Final = {"none": 0.0, "temporary": 0.25, "permanent": 0.5}
_MALICIOUS: Final = 0.5


@dataclass(frozen=True, slots=True)
class Severity:
    """An ENISA (2013) severity assessment (A9-1): ``score`` = ``dpc`` x ``ei`` + ``cb``, its ``level``.

    ``notify_authority`` advises a notification under GDPR art. 33 unless the level is
    low (the breach is then unlikely to result in a risk; it is still registered).
    ``tell_data_subjects`` advises telling the data subjects under art. 34 when the level
    is high or very high, unless ``exemption`` (``GDPR art. 34(3)(a)``) applies.
    """

    dpc: int
    ei: float
    cb: float
    score: float
    level: SeverityLevel
    notify_authority: bool
    tell_data_subjects: bool
    exemption: str | None
    message_en: str
    message_nl: str


class _SeverityInput(FrozenModel):
    category: DataCategory
    context_raise: Annotated[int, Field(ge=-3, le=3)]
    ease_of_identification: EaseOfIdentification
    confidentiality: LossOfConfidentiality
    integrity: LossOfIntegrity
    availability: LossOfAvailability
    malicious: bool
    encrypted: bool
    key_compromised: bool


def _level(score: float) -> SeverityLevel:
    if score < 2:
        return "low"
    if score < 3:
        return "medium"
    if score < 4:
        return "high"
    return "very_high"


def enisa_severity(
    *,
    category: DataCategory = "simple",
    context_raise: int = REFERRAL_CONTEXT_RAISE,
    ease_of_identification: EaseOfIdentification = "maximum",
    confidentiality: LossOfConfidentiality = "none",
    integrity: LossOfIntegrity = "none",
    availability: LossOfAvailability = "none",
    malicious: bool = False,
    encrypted: bool = False,
    key_compromised: bool = False,
) -> Severity:
    """ENISA severity SE = DPC x EI + CB and the GDPR art. 34 recommendation (A9-1, A9-2).

    DPC is the category's basic score (simple data, as names and contact details are: 1)
    raised by ``context_raise`` (default :data:`REFERRAL_CONTEXT_RAISE`: the referral
    reveals a family's social situation) and kept within 1 to 4. EI is 0.25 to 1; CB adds
    0 to 0.5 for each of confidentiality, integrity and availability, and 0.5 when the
    breach was malicious. Bands: low < 2 <= medium < 3 <= high < 4 <= very high.
    """
    args = _SeverityInput(
        category=category,
        context_raise=context_raise,
        ease_of_identification=ease_of_identification,
        confidentiality=confidentiality,
        integrity=integrity,
        availability=availability,
        malicious=malicious,
        encrypted=encrypted,
        key_compromised=key_compromised,
    )
    if args.key_compromised and not args.encrypted:
        raise InvalidInput.single(
            "arguments", "key_compromised", "NO_KEY", "only encrypted data have a key"
        )
    dpc = min(4, max(1, _DPC_BASE[args.category] + args.context_raise))
    ei = _EI[args.ease_of_identification]
    cb = (
        _CONFIDENTIALITY[args.confidentiality]
        + _INTEGRITY[args.integrity]
        + _AVAILABILITY[args.availability]
        + (_MALICIOUS if args.malicious else 0.0)
    )
    score = dpc * ei + cb
    level = _level(score)
    high = level in {"high", "very_high"}
    exempt = high and args.encrypted and not args.key_compromised
    tell = high and not exempt
    key = "severity.exempt" if exempt else "severity.tell" if tell else "severity.no_high_risk"
    formula = f"SE = {dpc} x {ei:g} + {cb:g} = {score:g}"

    def text(lang: Lang) -> str:
        return message(key, lang, formula=formula, level=message(f"severity.level.{level}", lang))

    return Severity(
        dpc=dpc,
        ei=ei,
        cb=cb,
        score=score,
        level=level,
        notify_authority=level != "low",
        tell_data_subjects=tell,
        exemption="GDPR art. 34(3)(a)" if exempt else None,
        message_en=text("en"),
        message_nl=text("nl"),
    )
