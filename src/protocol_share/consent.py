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
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal, Self

from pydantic import AfterValidator, AwareDatetime, Field, model_validator

from protocol_share._model import field_error
from protocol_share._screening import Screened, keep_mark
from protocol_share._time import require_aware
from protocol_share.errors import InvalidInput
from protocol_share.fields import DataItem, check_free_text
from protocol_share.protocol import Kbo

__all__ = ["ALL_TOPICS", "Consent", "ConsentMethod", "Identifier", "Topic"]

ConsentMethod = Literal["verbal", "written", "electronic"]
Topic = Literal["data", "recipient", "purpose", "follow_up", "withdrawal"]
ALL_TOPICS: frozenset[Topic] = frozenset(
    {"data", "recipient", "purpose", "follow_up", "withdrawal"}
)
"""What the client must have been told for consent to be informed (C-6): which data, to
whom, why, what happens next, and that consent can be withdrawn."""

Identifier = Annotated[
    str,
    Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._:\-]*$"),
    AfterValidator(check_free_text),
]
"""An opaque id (referral, consent, team member): no spaces, and no forbidden identifier."""


class Consent(Screened):
    """The client's consent to this sharing (C-6, C-7; GDPR art. 7), after ISO/IEC TS 27560.

    ``explained`` lists the topics the client was told about; consent is *informed* only
    when all of :data:`ALL_TOPICS` are there. ``withdrawn_at`` is set by :meth:`withdraw`.
    """

    consent_id: Identifier
    given_at: AwareDatetime
    given_by: Literal["client", "legal_representative"] = "client"
    method: ConsentMethod
    information_notice: Identifier
    explained: frozenset[Topic]
    recipient_kbo: Kbo
    data_items: Annotated[frozenset[DataItem], Field(min_length=1)]
    recorded_by: Identifier
    withdrawn_at: AwareDatetime | None = None

    @model_validator(mode="after")
    def _withdrawn_after_given(self) -> Self:
        if self.withdrawn_at is not None and self.withdrawn_at < self.given_at:
            raise field_error(
                "Consent",
                "withdrawn_at",
                "WITHDRAWAL_BEFORE_CONSENT",
                "a consent cannot be withdrawn before it was given",
            )
        return self

    @property
    def fully_informed(self) -> bool:
        """Whether every topic of :data:`ALL_TOPICS` was explained (C-6)."""
        return self.explained >= ALL_TOPICS

    def is_withdrawn_at(self, at: datetime) -> bool:
        """Whether the consent was withdrawn at or before ``at`` (C-7)."""
        return self.withdrawn_at is not None and self.withdrawn_at <= at

    def withdraw(self, at: datetime) -> Consent:
        """A new record, withdrawn at ``at`` (C-7, GDPR art. 7(3)); an earlier withdrawal stands.

        Raises :class:`InvalidInput` (``WITHDRAWAL_BEFORE_CONSENT``) when ``at`` precedes
        ``given_at``, and for a naive ``at``.
        """
        at = require_aware(at)
        if at < self.given_at:
            raise InvalidInput.single(
                "arguments",
                "at",
                "WITHDRAWAL_BEFORE_CONSENT",
                "a consent cannot be withdrawn before it was given",
            )
        if self.withdrawn_at is not None and self.withdrawn_at <= at:
            return self
        withdrawn = self.model_copy(update={"withdrawn_at": at})
        keep_mark(self, withdrawn)  # only a datetime changed: the texts were screened
        return withdrawn
