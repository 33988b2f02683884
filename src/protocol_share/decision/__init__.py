"""The decision: may this referral be sent (recital C, art. 3 to 6, 11), may the OCMW pass
it on (art. 4)? Every rule evaluated, every failure returned, default deny.

- :mod:`._consent`: :class:`Consent` (recital C, C-6, C-7).
- :mod:`._referral`: :class:`Sender`, :class:`Recipient`, :class:`Referral`, :class:`OnwardShare`.
- :mod:`._table`: a rule table's row (code, clause, group, predicate) and its
  :class:`Reason`; the row both tables share; the table as Markdown.
- :mod:`._rules`: the referral rules, :data:`REFERRAL_RULES`.
- :mod:`._onward`: the article 4 rules, :data:`ONWARD_RULES`.
- :mod:`._decision`: :class:`Decision`; :data:`REASONS` read from the tables.
- :mod:`._check`: :func:`evaluate`, :func:`check_referral`, :func:`check_onward_share`.
- :mod:`._build`: :func:`build_referral` and its parts, from the host's facts (A5-1).
"""

from protocol_share.decision._build import (
    build_consent,
    build_recipient,
    build_referral,
    build_sender,
)
from protocol_share.decision._check import check_onward_share, check_referral, evaluate
from protocol_share.decision._consent import (
    ALL_TOPICS,
    Consent,
    ConsentMethod,
    Topic,
    dpv_record,
    kantara_receipt,
)
from protocol_share.decision._decision import REASON_CODES, REASONS, Decision, Reason
from protocol_share.decision._onward import ONWARD_RULES
from protocol_share.decision._referral import (
    DECREE_CHECKS,
    DecreeCheck,
    Locality,
    OnwardShare,
    Recipient,
    Referral,
    Sender,
)
from protocol_share.decision._rules import REFERRAL_RULES
from protocol_share.decision._table import Rule, RuleGroup, rules_for_article, rules_markdown

__all__ = [
    "ALL_TOPICS",
    "DECREE_CHECKS",
    "ONWARD_RULES",
    "REASONS",
    "REASON_CODES",
    "REFERRAL_RULES",
    "Consent",
    "ConsentMethod",
    "Decision",
    "DecreeCheck",
    "Locality",
    "OnwardShare",
    "Reason",
    "Recipient",
    "Referral",
    "Rule",
    "RuleGroup",
    "Sender",
    "Topic",
    "build_consent",
    "build_recipient",
    "build_referral",
    "build_sender",
    "check_onward_share",
    "check_referral",
    "dpv_record",
    "evaluate",
    "kantara_receipt",
    "rules_for_article",
    "rules_markdown",
]
