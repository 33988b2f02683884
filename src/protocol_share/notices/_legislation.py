"""A change in the law that touches the protocol (A9-5): the OCMW tells Opgroeien at once."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field

from protocol_share._model import FrozenModel
from protocol_share._time import Instant
from protocol_share.decision._consent import Identifier
from protocol_share.notices._text import Title

__all__ = ["LegislationAspect", "LegislationChangeNotice"]

LegislationAspect = Literal[
    "purpose",
    "proportionality",
    "frequency",
    "duration",
    "legal_basis",
    "data_items",
    "recipients",
    "other",
]


class LegislationChangeNotice(FrozenModel):
    """The OCMW tells Opgroeien at once of a change in the law that affects the protocol (A9-5).

    ``legislation`` names the act; ``affects`` what of the protocol it touches (purpose,
    proportionality, frequency, duration, ...); ``in_force_on`` when it applies.
    """

    notice_id: Identifier
    given_at: Instant
    legislation: Title
    in_force_on: date | None = None
    affects: Annotated[frozenset[LegislationAspect], Field(min_length=1)]
