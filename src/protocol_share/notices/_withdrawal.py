"""Withdrawal of consent after the transfer (C-7, A5-1; GDPR art. 7(3), 17(1)(b)): Opgroeien
tells the OCMW, and the OCMW records it as the ``consent_withdrawn`` step of its retention
case.

The transfer rests on the client's consent (C-7, A5-1). A consent withdrawn at or before
the transfer is no notice: the transfer was refused (``CONSENT_WITHDRAWN``). One withdrawn
later does not undo the transfer (GDPR art. 7(3)), but the referral then has no ground left
(GDPR art. 17(1)(b)): the OCMW deletes it, unless it already opened a client file, which it
keeps under its own legal basis (A2-4) and archiving term (A3-6). The notice names the
referral and the consent by their ids, never the client.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Self

from pydantic import model_validator

from protocol_share._model import FrozenModel, field_error, require_type
from protocol_share._time import Instant, as_utc, require_aware, require_instants
from protocol_share.decision._consent import Consent, Identifier
from protocol_share.errors import InvalidInput
from protocol_share.retention._lifecycle import RetentionCase

__all__ = ["WithdrawalNotice", "withdrawal_notice"]


class WithdrawalNotice(FrozenModel):
    """Opgroeien tells the OCMW that the client withdrew consent after the transfer (C-7,
    A5-1; GDPR art. 7(3)).

    Which referral (``referral_id``, the id the package carried) and which consent
    (``consent_id``); when the referral was sent (``sent_at``, the package's ``sent_at``),
    when the client withdrew consent (``withdrawn_at``: after the transfer, else
    ``WITHDRAWN_BEFORE_TRANSFER``) and when the OCMW was told (``notified_at``: not before
    the withdrawal, else ``NOTIFIED_BEFORE_WITHDRAWN``). Every moment is aware; the notice
    names no client. :meth:`apply` records it in the OCMW's retention case; the decision
    that follows deletes a referral no client file was opened for (C-7) and keeps an OCMW
    client file (A2-4, A3-6).

        >>> from datetime import datetime
        >>> from zoneinfo import ZoneInfo
        >>> bxl = ZoneInfo("Europe/Brussels")
        >>> notice = WithdrawalNotice(
        ...     notice_id="intr-2025-01", referral_id="ref-2025-0042", consent_id="tst-2025-0042",
        ...     sent_at=datetime(2025, 3, 3, 10, tzinfo=bxl),
        ...     withdrawn_at=datetime(2025, 3, 10, 14, tzinfo=bxl),
        ...     notified_at=datetime(2025, 3, 10, 16, tzinfo=bxl),
        ... )
        >>> notice.delay
        datetime.timedelta(seconds=7200)
    """

    notice_id: Identifier
    referral_id: Identifier
    consent_id: Identifier
    sent_at: Instant
    withdrawn_at: Instant
    notified_at: Instant

    @model_validator(mode="after")
    def _in_order(self) -> Self:
        if as_utc(self.withdrawn_at) <= as_utc(self.sent_at):
            raise field_error(
                "WithdrawalNotice",
                "withdrawn_at",
                "WITHDRAWN_BEFORE_TRANSFER",
                "a consent withdrawn at or before the transfer made the transfer unlawful "
                "(CONSENT_WITHDRAWN); this notice is for a withdrawal after it",
            )
        if as_utc(self.notified_at) < as_utc(self.withdrawn_at):
            raise field_error(
                "WithdrawalNotice",
                "notified_at",
                "NOTIFIED_BEFORE_WITHDRAWN",
                "a withdrawal cannot be notified before it happened",
            )
        return self

    @property
    def delay(self) -> timedelta:
        """How long after the withdrawal the OCMW was told (C-7; elapsed time)."""
        return as_utc(self.notified_at) - as_utc(self.withdrawn_at)

    def apply(self, case: RetentionCase, *, at: datetime) -> RetentionCase:
        """The OCMW records this notice in ``case``, the retention case of the referral it
        names, as the ``consent_withdrawn`` step at ``at`` (C-7; A2-4, A3-4 to A3-6).

        ``at`` is when the OCMW took note: aware, not before ``notified_at``
        (``AT_BEFORE_NOTICE``) nor before the case's latest step (``STEP_BEFORE_PREVIOUS``).
        The host finds the case by ``referral_id``; the case's own id may be another.
        :func:`~protocol_share.retention_decision` then says what follows: **delete** a
        referral no client file was opened for (``DELETE_CONSENT_WITHDRAWN``, C-7), **keep**
        an open client file under the OCMW's own legal basis (``KEEP_FILE_AFTER_WITHDRAWAL``,
        A2-4) and a closed one until its term ends (``KEEP_AFTER_CLOSING``, A3-6). A case
        already to be deleted (declined, a review decided, withdrawn before) takes no step:
        :class:`~protocol_share.retention.ImpossibleStep`.

            >>> from datetime import datetime
            >>> from zoneinfo import ZoneInfo
            >>> from protocol_share import RetentionCase, retention_decision
            >>> from protocol_share.examples import example_withdrawal_notice
            >>> bxl = ZoneInfo("Europe/Brussels")
            >>> notice = example_withdrawal_notice(sent_at=datetime(2025, 3, 3, 10, tzinfo=bxl))
            >>> case = RetentionCase.received(datetime(2025, 3, 3, 11, tzinfo=bxl))
            >>> noted = datetime(2025, 3, 11, 9, tzinfo=bxl)
            >>> retention_decision(notice.apply(case, at=noted), at=noted).code
            'DELETE_CONSENT_WITHDRAWN'
        """
        case = require_type(case, RetentionCase, "case")
        notice = require_instants(self, "notice")
        at = require_aware(at, "at")
        if as_utc(at) < as_utc(notice.notified_at):
            raise InvalidInput.single(
                "arguments",
                "at",
                "AT_BEFORE_NOTICE",
                "a notice cannot be applied before it was given",
            )
        return case.consent_withdrawn(at)


def withdrawal_notice(
    consent: Consent,
    *,
    notice_id: str,
    referral_id: str,
    sent_at: datetime,
    at: datetime,
) -> WithdrawalNotice:
    """Opgroeien's notice at ``at`` that the client withdrew ``consent`` after the referral
    ``referral_id`` was sent at ``sent_at`` (C-7, A5-1; GDPR art. 7(3)).

    ``consent`` is the withdrawn record (:meth:`Consent.withdraw`); one not withdrawn is
    ``CONSENT_NOT_WITHDRAWN``, one withdrawn after ``at`` is ``NOTIFIED_BEFORE_WITHDRAWN``,
    one withdrawn at or before ``sent_at`` is ``WITHDRAWN_BEFORE_TRANSFER``
    (:class:`~protocol_share.errors.InvalidInput`).

        >>> from protocol_share.examples import example_consent
        >>> from datetime import datetime, timezone
        >>> sent = datetime(2025, 3, 3, 9, tzinfo=timezone.utc)
        >>> consent = example_consent(at=sent).withdraw(datetime(2025, 3, 10, tzinfo=timezone.utc))
        >>> notice = withdrawal_notice(consent, notice_id="intr-1", referral_id="ref-1",
        ...                            sent_at=sent, at=datetime(2025, 3, 10, 9, tzinfo=timezone.utc))
        >>> notice.consent_id == consent.consent_id, notice.delay.seconds
        (True, 32400)
    """
    consent = require_type(consent, Consent, "consent")
    at = require_aware(at, "at")
    if consent.withdrawn_at is None:
        raise InvalidInput.single(
            "arguments",
            "consent",
            "CONSENT_NOT_WITHDRAWN",
            "record the withdrawal first (Consent.withdraw)",
        )
    return WithdrawalNotice(
        notice_id=notice_id,
        referral_id=referral_id,
        consent_id=consent.consent_id,
        sent_at=sent_at,
        withdrawn_at=consent.withdrawn_at,
        notified_at=at,
    )
