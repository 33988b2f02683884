"""The breach register a host keeps (A9-1 to A9-4; GDPR art. 33(5)).

:func:`breach_register` gives every notice, notified or not, as records a host stores.
Free text (``facts``, ``delay_reasons``) and affected referral ids belong in the register
only; the notice e-mail (:mod:`protocol_share.notices`) carries codes, categories and
counts, never a client's data.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from protocol_share._model import require_items, require_type
from protocol_share._time import as_utc
from protocol_share.notices._breach import BreachNotice, notifying_party, other_party
from protocol_share.notices._breach_authority import authority_status
from protocol_share.protocol._protocol import Protocol
from protocol_share.protocol._torhout import TORHOUT

__all__ = ["breach_register", "breach_register_record"]


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def breach_register_record(
    notice: BreachNotice, protocol: Protocol = TORHOUT, *, at: datetime
) -> dict[str, Any]:
    """One record of the breach register a host stores (GDPR art. 33(5); A9-1 to A9-4).

    Every notice is recorded, notified or not: the facts, effects and remedial action, the
    ENISA assessment, the deadline and where the authority's notification stands at ``at``,
    and whether the other party had to be and was told. JSON-ready.
    """
    notice = require_type(notice, BreachNotice, "notice")
    protocol = require_type(protocol, Protocol, "protocol")
    severity = notice.severity()
    status = authority_status(notice, at=at, protocol=protocol)
    return {
        "protocol_id": protocol.protocol_id,
        "notice_id": notice.notice_id,
        "phase": notice.phase,
        "changed": sorted(notice.changed),
        "reporter": notifying_party(notice, protocol).name,
        "aware_at": notice.aware_at.isoformat(),
        "occurred_at": _iso(notice.occurred_at),
        "issued_at": notice.issued_at.isoformat(),
        "recorded_at": at.isoformat(),
        "nature": sorted(notice.nature),
        "cause": notice.cause,
        "confidentiality": notice.confidentiality,
        "integrity": notice.integrity,
        "availability": notice.availability,
        "malicious": notice.malicious,
        "data_items": sorted(item.value for item in notice.data_items),
        "data_subjects": notice.data_subjects,
        "records": notice.records,
        "counts_approximate": notice.counts_approximate,
        "consequences": sorted(notice.consequences),
        "measures_taken": sorted(notice.measures_taken),
        "measures_proposed": sorted(notice.measures_proposed),
        "facts": notice.facts,
        "referral_ids": list(notice.referral_ids),
        "severity": {
            "method": "ENISA 2013",
            "dpc": severity.dpc,
            "ei": severity.ei,
            "cb": severity.cb,
            "score": severity.score,
            "level": severity.level,
            "context_raise": notice.context_raise,
        },
        "authority": {
            "name": status.authority.name,
            "short_name": status.authority.short_name,
            "deadline": status.deadline.isoformat(),
            "notified_at": _iso(notice.authority_notified_at),
            "status": status.code,
            "recommended": status.recommended,
            "delay_reasons": notice.delay_reasons,
            "not_notifying_reasons": notice.not_notifying_reasons,
        },
        "data_subjects_told": {
            "recommended": severity.tell_data_subjects,
            "exemption": severity.exemption,
        },
        "other_party": {
            "name": other_party(notice, protocol).name,
            "dpo_email": other_party(notice, protocol).dpo_email,
            "required": notice.other_party_must_be_notified,
            "notified_at": _iso(notice.other_party_notified_at),
        },
    }


def breach_register(
    notices: list[BreachNotice] | tuple[BreachNotice, ...],
    protocol: Protocol = TORHOUT,
    *,
    at: datetime,
) -> tuple[dict[str, Any], ...]:
    """The breach register: a record per notice and phase, oldest first (A9-1 to A9-4; GDPR art. 33(5))."""
    notices = require_items(notices, BreachNotice, "notices")
    protocol = require_type(protocol, Protocol, "protocol")
    ordered = sorted(notices, key=lambda n: (as_utc(n.aware_at), n.notice_id, n.phase))
    return tuple(breach_register_record(n, at=at, protocol=protocol) for n in ordered)
