"""The notification to the supervisory authority: its deadline and where it stands (A9-1;
GDPR art. 33(1)).

:func:`authority_deadline` is 72 hours after awareness (elapsed hours, so a night of
daylight-saving change counts as it lasts); :func:`authority_status` says whether the
notification to the supervisory authority (``protocol.supervisory_authority``, default
the Vlaamse Toezichtcommissie) is due, overdue, or was late, and asks for the reasons of
the delay that art. 33(1) requires with a late notification.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final, Literal

from protocol_share._model import require_type
from protocol_share._text import Lang, message, short_moment
from protocol_share._time import BRUSSELS, as_utc, later, require_aware, require_instants
from protocol_share.errors import InvalidInput
from protocol_share.notices._breach import BreachNotice
from protocol_share.protocol._parts import SupervisoryAuthority
from protocol_share.protocol._protocol import Protocol
from protocol_share.protocol._torhout import TORHOUT

__all__ = [
    "AUTHORITY_HOURS",
    "AuthorityCode",
    "AuthorityStatus",
    "authority_deadline",
    "authority_status",
]

AUTHORITY_HOURS: Final = 72
"""GDPR art. 33(1): notify the supervisory authority within 72 hours of becoming aware."""
_WINDOW: Final = timedelta(hours=AUTHORITY_HOURS)

AuthorityCode = Literal[
    "DUE",
    "OVERDUE_GIVE_REASONS",
    "NOTIFIED_IN_TIME",
    "LATE_WITH_REASONS",
    "LATE_GIVE_REASONS",
    "NOT_REQUIRED_DOCUMENT_DECISION",
    "NOT_NOTIFYING_DOCUMENTED",
]


def authority_deadline(notice: BreachNotice) -> datetime:
    """When the supervisory authority must have been notified: 72 hours after the reporting
    party became aware (GDPR art. 33(1); A9-1). Elapsed hours, shown in Europe/Brussels."""
    notice = require_type(notice, BreachNotice, "notice")
    aware_at = require_instants(notice, "notice").aware_at
    return later(aware_at, _WINDOW, "notice.aware_at").astimezone(BRUSSELS)


@dataclass(frozen=True, slots=True)
class AuthorityStatus:
    """Where the notification to the supervisory authority stands at a moment (A9-1; GDPR art. 33(1)).

    ``code``: ``DUE`` (not yet notified, deadline ahead), ``OVERDUE_GIVE_REASONS`` (not
    notified, deadline passed: notify now, with the reasons of the delay),
    ``NOTIFIED_IN_TIME``, ``LATE_WITH_REASONS`` or ``LATE_GIVE_REASONS`` (notified late,
    reasons still missing), ``NOT_NOTIFYING_DOCUMENTED`` (the controller documented its
    decision not to notify, art. 33(5)) or ``NOT_REQUIRED_DOCUMENT_DECISION`` (not
    notified, and the notice's own assessment rates the breach unlikely to result in a
    risk: art. 33(1) asks for no notification; document the decision). Neither of the
    last two is ever overdue. ``recommended`` is the ENISA-based advice whether to notify
    at all; the controller decides, and every breach is registered either way (art. 33(5)).
    """

    authority: SupervisoryAuthority
    deadline: datetime
    code: AuthorityCode
    overdue: bool
    reasons_of_delay_needed: bool
    remaining: timedelta
    recommended: bool
    message_en: str
    message_nl: str


def _code(notice: BreachNotice, now: datetime, due: datetime, recommended: bool) -> AuthorityCode:
    notified = notice.authority_notified_at
    if notified is None:
        if notice.not_notifying_reasons is not None:
            return "NOT_NOTIFYING_DOCUMENTED"
        if not recommended:
            return "NOT_REQUIRED_DOCUMENT_DECISION"
        return "DUE" if now <= due else "OVERDUE_GIVE_REASONS"
    if as_utc(notified) <= due:
        return "NOTIFIED_IN_TIME"
    return "LATE_WITH_REASONS" if notice.delay_reasons is not None else "LATE_GIVE_REASONS"


def authority_status(
    notice: BreachNotice, protocol: Protocol = TORHOUT, *, at: datetime
) -> AuthorityStatus:
    """The overdue check: is the notification to ``protocol.supervisory_authority`` due,
    overdue or late at ``at``, and are reasons of delay needed (GDPR art. 33(1); A9-1)?"""
    notice = require_type(notice, BreachNotice, "notice")
    protocol = require_type(protocol, Protocol, "protocol")
    now = as_utc(require_aware(at, "at"))
    require_instants(notice, "notice")
    if now < as_utc(notice.aware_at):
        raise InvalidInput.single(
            "arguments", "at", "AT_BEFORE_AWARE", "the check must be at or after awareness"
        )
    deadline = authority_deadline(notice)
    due = as_utc(deadline)
    recommended = notice.severity().notify_authority
    code = _code(notice, now, due, recommended)
    authority = protocol.supervisory_authority

    def text(lang: Lang) -> str:
        moment = short_moment(deadline, lang)
        return message(f"authority.status.{code}", lang, name=authority.short_name, deadline=moment)

    return AuthorityStatus(
        authority=authority,
        deadline=deadline,
        code=code,
        overdue=code == "OVERDUE_GIVE_REASONS",
        reasons_of_delay_needed=code in {"OVERDUE_GIVE_REASONS", "LATE_GIVE_REASONS"},
        remaining=max(due - now, timedelta(0)),
        recommended=recommended,
        message_en=text("en"),
        message_nl=text("nl"),
    )
