"""The Dutch labels of the notice vocabularies, by code, read from the catalogue (A7, A9).

Kept for callers that look a label up by code; the e-mails themselves ask
:func:`~protocol_share.locale.message` for the label in the language they are written in.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, get_args

from protocol_share.breach import Cause, Consequence, Measure
from protocol_share.fields import DataItem
from protocol_share.locale import labels
from protocol_share.notices import LegislationAspect, QualityKind, QualityMeasure, QualityOutcome

__all__ = [
    "ASPECT_NL",
    "CAUSE_NL",
    "CONSEQUENCE_NL",
    "DATA_ITEM_NL",
    "LOSS_NL",
    "MEASURE_NL",
    "QUALITY_KIND_NL",
    "QUALITY_MEASURE_NL",
    "QUALITY_OUTCOME_NL",
]

_LOSSES: Final = (
    "known_recipients",
    "unknown_recipients",
    "recoverable",
    "unrecoverable",
    "temporary",
    "permanent",
)

DATA_ITEM_NL: Final[Mapping[str, str]] = labels("data_item", list(DataItem), "nl")
"""Each article 3 data item (A3-1, A3-2), in Dutch."""
CAUSE_NL: Final[Mapping[str, str]] = labels("breach.cause", get_args(Cause), "nl")
"""Each breach cause (A9-1; GDPR art. 33(3)(a)), in Dutch."""
LOSS_NL: Final[Mapping[str, str]] = labels("breach.loss", _LOSSES, "nl")
"""Each loss of confidentiality, integrity or availability (GDPR art. 33(3)(a)), in Dutch."""
CONSEQUENCE_NL: Final[Mapping[str, str]] = labels("breach.consequence", get_args(Consequence), "nl")
"""Each likely consequence of a breach (GDPR art. 33(3)(c)), in Dutch."""
MEASURE_NL: Final[Mapping[str, str]] = labels("breach.measure", get_args(Measure), "nl")
"""Each measure taken or proposed after a breach (GDPR art. 33(3)(d)), in Dutch."""
QUALITY_KIND_NL: Final[Mapping[str, str]] = labels("quality.kind", get_args(QualityKind), "nl")
"""Each kind of data-quality problem (A7-1), in Dutch."""
QUALITY_OUTCOME_NL: Final[Mapping[str, str]] = labels(
    "quality.outcome", get_args(QualityOutcome), "nl"
)
"""Each outcome of Opgroeien's investigation (A7-2), in Dutch."""
QUALITY_MEASURE_NL: Final[Mapping[str, str]] = labels(
    "quality.measure", get_args(QualityMeasure), "nl"
)
"""Each measure Opgroeien took after a quality notice (A7-2), in Dutch."""
ASPECT_NL: Final[Mapping[str, str]] = labels(
    "legislation.aspect", get_args(LegislationAspect), "nl"
)
"""Each aspect of the protocol a change in the law can touch (A9-5), in Dutch."""
