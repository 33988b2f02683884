"""Checking a subject against a rule table: every rule evaluated, default deny (recital C,
art. 3 to 6, 11).

:func:`evaluate` runs any table; :func:`check_referral` runs
:data:`~protocol_share.decision._rules.REFERRAL_RULES` (may this referral be sent?) and
:func:`check_onward_share` runs :data:`~protocol_share.decision._onward.ONWARD_RULES`
(may the OCMW pass the data on, art. 4?).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TypeVar

from protocol_share._model import require_items, require_type, wrong_type
from protocol_share._time import BRUSSELS, require_aware, require_instants
from protocol_share.decision._decision import Decision
from protocol_share.decision._onward import ONWARD_RULES
from protocol_share.decision._referral import OnwardShare, Referral
from protocol_share.decision._rules import REFERRAL_RULES
from protocol_share.decision._table import Moment, Reason, Rule
from protocol_share.errors import InvalidInput
from protocol_share.protocol._protocol import Protocol
from protocol_share.protocol._torhout import TORHOUT

__all__ = ["check_onward_share", "check_referral", "evaluate"]

S = TypeVar("S")


def evaluate(
    rules: Sequence[Rule[S]], subject: S, protocol: Protocol = TORHOUT, *, at: datetime
) -> Decision:
    """Evaluate every rule of ``rules`` against ``subject`` at ``at``; default deny (docs/design.md).

    Every rule runs, whatever failed before it; the decision lists the reason of each rule
    that does not hold, in canonical order, so the order of the table never matters. A
    predicate that answers anything but ``True``, or raises, fails its rule. An empty table
    allows nothing: it raises :class:`InvalidInput` (``NO_RULES``).
    """
    table = require_items(rules, Rule, "rules")
    protocol = require_type(protocol, Protocol, "protocol")
    at = require_aware(at)
    if not table:
        raise InvalidInput.single("arguments", "rules", "NO_RULES", "an empty rule table")
    return _run(table, subject, protocol, at)


def _run(rules: Sequence[Rule[S]], subject: S, protocol: Protocol, at: datetime) -> Decision:
    # evaluate() with its arguments checked (``at`` by require_aware).
    moment = Moment(at.astimezone(UTC), at.astimezone(BRUSSELS).date())
    failed: list[Reason] = []
    for rule in rules:
        try:
            holds = rule.predicate(subject, protocol, moment) is True
        except Exception:  # default deny: a rule that cannot answer is not satisfied
            holds = False
        if not holds:
            failed.append(rule.reason)
    return Decision.of(failed)


def check_referral(referral: Referral, protocol: Protocol = TORHOUT, *, at: datetime) -> Decision:
    """May this referral be sent at ``at``? (C-1 to C-7, A3-3, A5-1, A6-1, A6-3, A11-1)

    Evaluates every rule of :data:`~protocol_share.decision._rules.REFERRAL_RULES`; allowed
    only when all hold (default deny). ``at`` must be timezone-aware (a naive one raises
    :class:`InvalidInput`); the protocol's dates are Europe/Brussels calendar dates.
    """
    if not isinstance(referral, Referral):
        raise wrong_type(referral, Referral, "referral")
    if not isinstance(protocol, Protocol):
        raise wrong_type(protocol, Protocol, "protocol")
    require_instants(referral, "referral")
    at = require_aware(at)
    return _run(REFERRAL_RULES, referral, protocol, at)


def check_onward_share(
    share: OnwardShare, protocol: Protocol = TORHOUT, *, at: datetime
) -> Decision:
    """May the OCMW pass the data on to this person at ``at``? (A4-1, A4-2, A11-1)

    Allowed for the OCMW's own social worker bound by professional secrecy (A4-1) and for
    an actor of the "geïntegreerd breed onthaal" partnership (A4-2); any other recipient is
    refused with a reason. Every rule of :data:`~protocol_share.decision._onward.ONWARD_RULES`
    is evaluated.
    """
    if not isinstance(share, OnwardShare):
        raise wrong_type(share, OnwardShare, "share")
    if not isinstance(protocol, Protocol):
        raise wrong_type(protocol, Protocol, "protocol")
    return evaluate(ONWARD_RULES, share, protocol, at=at)
