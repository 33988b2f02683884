"""The breach notice itself: GDPR art. 33(3) content, one phase of it (A9-1 to A9-4).

A :class:`BreachNotice` holds what GDPR art. 33(3) asks of a notification: the nature of
the breach (which of confidentiality, integrity and availability was lost, and how), the
data items and the approximate numbers of data subjects and records, the likely
consequences, the measures taken or proposed, and the contact point (the reporting
party's DPO, from the protocol, A9-4). It records when the reporting party became aware
(the 72-hour clock of art. 33(1) starts then) and whether the breach affects both
parties: only then does A9-1 require notifying the other party, via the DPOs. Information
may follow in phases (art. 33(4)): :meth:`BreachNotice.supplement` returns the next phase.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, ClassVar, Literal, Self

from pydantic import AfterValidator, Field, model_validator

from protocol_share._model import FrozenModel, field_error, require_type
from protocol_share._time import Instant, as_utc, require_aware, require_instants
from protocol_share.clientdata._fields import DataItem, check_free_text
from protocol_share.decision._consent import Identifier
from protocol_share.errors import InvalidInput
from protocol_share.notices._breach_severity import (
    REFERRAL_CONTEXT_RAISE,
    EaseOfIdentification,
    LossOfAvailability,
    LossOfConfidentiality,
    LossOfIntegrity,
    Severity,
    enisa_severity,
)
from protocol_share.protocol._parts import Party
from protocol_share.protocol._protocol import Protocol
from protocol_share.protocol._torhout import TORHOUT

__all__ = [
    "BreachNotice",
    "Cause",
    "Consequence",
    "Measure",
    "notifying_party",
    "other_party",
]

Cause = Literal[
    "misdirected_email",
    "lost_or_stolen_device",
    "unauthorised_access",
    "hacking",
    "malware",
    "wrong_password_sharing",
    "human_error",
    "software_error",
    "other",
]
Consequence = Literal[
    "disclosure_of_social_situation",
    "stigmatisation",
    "unwanted_contact",
    "phishing",
    "identity_fraud",
    "loss_of_trust_in_assistance",
    "delay_of_assistance",
    "loss_of_control_over_data",
]
Measure = Literal[
    "deletion_requested",
    "deletion_confirmed",
    "password_changed",
    "access_revoked",
    "device_wiped",
    "data_restored",
    "mailbox_secured",
    "staff_instructed",
    "procedure_adjusted",
    "security_measures_reviewed",
    "police_report_filed",
    "data_subjects_informed",
]

FreeText = Annotated[str, Field(min_length=1, max_length=4000), AfterValidator(check_free_text)]
"""Free text for the breach register; never copied into an e-mail."""


class BreachNotice(FrozenModel):
    """A personal-data breach notice: GDPR art. 33(3) content, one phase of it (A9-1 to A9-4).

    ``reporter`` is the party that became aware and reports (``sender``: Opgroeien regie,
    ``recipient``: the OCMW); ``aware_at`` when it became aware; ``issued_at`` when this
    phase was drawn up; ``phase`` counts the supplements (art. 33(4)). The nature of the
    breach is the loss of ``confidentiality``, ``integrity`` and ``availability`` on the
    ENISA scales (at least one), its ``cause`` and whether it was ``malicious``.
    ``data_items``, ``data_subjects`` and ``records`` are the categories and approximate
    numbers; ``consequences``, ``measures_taken`` and ``measures_proposed`` are codes.
    ``both_parties_affected`` decides whether A9-1 requires telling the other party.
    ``encrypted`` and ``key_compromised`` decide the art. 34(3)(a) exemption.
    ``context_raise`` is the ENISA context adjustment of the data's DPC this assessment
    makes (default :data:`REFERRAL_CONTEXT_RAISE`); every assessment of the notice (its
    :meth:`severity`, :func:`authority_status`, the register record, the e-mail, the CLI)
    uses it. ``not_notifying_reasons`` documents the controller's decision not to notify
    the supervisory authority because the breach is unlikely to result in a risk (GDPR
    art. 33(1) and 33(5)): such a breach is never overdue.
    ``facts``, ``delay_reasons``, ``not_notifying_reasons`` and ``referral_ids`` are for the
    register, not e-mails.
    """

    notice_id: Identifier
    reporter: Literal["sender", "recipient"]
    phase: Annotated[int, Field(ge=1, le=99)] = 1
    aware_at: Instant
    occurred_at: Instant | None = None
    issued_at: Instant
    cause: Cause
    confidentiality: LossOfConfidentiality = "none"
    integrity: LossOfIntegrity = "none"
    availability: LossOfAvailability = "none"
    malicious: bool = False
    data_items: Annotated[frozenset[DataItem], Field(min_length=1)]
    data_subjects: Annotated[int, Field(ge=0, le=10_000_000)]
    records: Annotated[int, Field(ge=0, le=100_000_000)]
    counts_approximate: bool = True
    consequences: frozenset[Consequence] = frozenset()
    measures_taken: frozenset[Measure] = frozenset()
    measures_proposed: frozenset[Measure] = frozenset()
    both_parties_affected: bool
    joint_consultation: bool = False
    encrypted: bool = False
    key_compromised: bool = False
    ease_of_identification: EaseOfIdentification = "maximum"
    context_raise: Annotated[int, Field(ge=-3, le=3)] = REFERRAL_CONTEXT_RAISE
    authority_notified_at: Instant | None = None
    not_notifying_reasons: FreeText | None = None
    other_party_notified_at: Instant | None = None
    delay_reasons: FreeText | None = None
    facts: FreeText | None = None
    referral_ids: tuple[Identifier, ...] = ()
    changed: frozenset[str] = frozenset()

    _personal_fields: ClassVar[frozenset[str]] = frozenset(
        {"facts", "delay_reasons", "not_notifying_reasons"}
    )

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if (self.confidentiality, self.integrity, self.availability) == ("none", "none", "none"):
            raise field_error(
                "BreachNotice",
                "confidentiality",
                "NO_LOSS",
                "a breach loses confidentiality, integrity or availability (GDPR art. 4(12))",
            )
        aware = as_utc(self.aware_at)
        if self.occurred_at is not None and as_utc(self.occurred_at) > aware:
            raise field_error(
                "BreachNotice",
                "occurred_at",
                "OCCURRED_AFTER_AWARE",
                "a breach cannot occur after the reporting party became aware of it",
            )
        if as_utc(self.issued_at) < aware:
            raise field_error(
                "BreachNotice",
                "issued_at",
                "ISSUED_BEFORE_AWARE",
                "a notice cannot be issued before the reporting party became aware",
            )
        for name in ("authority_notified_at", "other_party_notified_at"):
            value = getattr(self, name)
            if value is not None and as_utc(value) < aware:
                raise field_error(
                    "BreachNotice",
                    name,
                    "NOTIFIED_BEFORE_AWARE",
                    "a notification cannot precede awareness of the breach",
                )
        if self.not_notifying_reasons is not None and self.authority_notified_at is not None:
            raise field_error(
                "BreachNotice",
                "not_notifying_reasons",
                "NOTIFIED_ANYWAY",
                "a decision not to notify the authority cannot stand beside its notification",
            )
        if self.key_compromised and not self.encrypted:
            raise field_error(
                "BreachNotice",
                "key_compromised",
                "NO_KEY",
                "only encrypted data have a key that can be compromised",
            )
        unknown = self.changed - set(type(self).model_fields)
        if unknown:
            raise field_error(
                "BreachNotice", "changed", "UNKNOWN_FIELD", "names a field the notice has not"
            )
        return self

    @property
    def nature(self) -> frozenset[str]:
        """Which security properties were lost: ``confidentiality``, ``integrity``,
        ``availability`` (GDPR art. 33(3)(a))."""
        losses = (
            ("confidentiality", self.confidentiality),
            ("integrity", self.integrity),
            ("availability", self.availability),
        )
        return frozenset(name for name, level in losses if level != "none")

    @property
    def other_party_must_be_notified(self) -> bool:
        """A9-1: the other party is notified, via the DPOs, when both parties are affected."""
        return self.both_parties_affected

    def severity(self, *, context_raise: int | None = None) -> Severity:
        """The ENISA severity of this breach and the art. 34 recommendation (A9-1), with the
        notice's own ``context_raise`` unless another is given."""
        return enisa_severity(
            context_raise=self.context_raise if context_raise is None else context_raise,
            ease_of_identification=self.ease_of_identification,
            confidentiality=self.confidentiality,
            integrity=self.integrity,
            availability=self.availability,
            malicious=self.malicious,
            encrypted=self.encrypted,
            key_compromised=self.key_compromised,
        )

    def supplement(self, *, at: datetime, **changes: Any) -> BreachNotice:
        """The next phase (GDPR art. 33(4)): this notice with ``changes``, issued ``at``.

        ``notice_id``, ``reporter`` and ``aware_at`` stay: the deadline runs from the first
        awareness. ``changed`` lists what this phase changed.
        """
        require_instants(self, "notice")
        fixed = {"notice_id", "reporter", "aware_at", "phase", "issued_at", "changed"}
        refused = sorted(set(changes) & fixed)
        if refused:
            raise InvalidInput.single(
                "BreachNotice.supplement",
                refused[0],
                "FIXED_FIELD",
                "a supplement cannot change the notice's identity, awareness or phase",
            )
        if as_utc(require_aware(at, "at")) < as_utc(self.issued_at):
            raise InvalidInput.single(
                "BreachNotice.supplement",
                "at",
                "SUPPLEMENT_BEFORE_NOTICE",
                "a supplement cannot be issued before the phase it supplements",
            )
        data = self.model_dump() | changes
        data.update(phase=self.phase + 1, issued_at=at, changed=frozenset(changes))
        return BreachNotice.model_validate(data)


def other_party(notice: BreachNotice, protocol: Protocol = TORHOUT) -> Party:
    """The party that is told (A9-1): the one that did not report."""
    protocol = require_type(protocol, Protocol, "protocol")
    return protocol.recipient if notice.reporter == "sender" else protocol.sender


def notifying_party(notice: BreachNotice, protocol: Protocol = TORHOUT) -> Party:
    """The party that reports; its DPO is the contact point (A9-4; GDPR art. 33(3)(b))."""
    protocol = require_type(protocol, Protocol, "protocol")
    return protocol.sender if notice.reporter == "sender" else protocol.recipient
