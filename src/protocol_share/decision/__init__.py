"""The decision: may this referral be sent (recital C, art. 3 to 6, 11), may the OCMW pass
it on (art. 4)? Every rule evaluated, every failure returned, default deny.

- :mod:`._consent`: :class:`Consent` (recital C, C-6, C-7).
- :mod:`._referral`: :class:`Sender`, :class:`Recipient`, :class:`Referral`, :class:`OnwardShare`.
- :mod:`._decision`: :class:`Decision` and :class:`Reason`.
- :mod:`._table`: a rule table's machinery: the row, evaluation, the table as Markdown.
- :mod:`._rules`: the referral rules and :func:`check_referral`.
- :mod:`._onward`: the article 4 rules and :func:`check_onward_share`.
"""

from protocol_share.decision._consent import (
    ALL_TOPICS,
    DPV_CONTEXT,
    Consent,
    ConsentMethod,
    Identifier,
    Topic,
    dpv_record,
    kantara_receipt,
)
from protocol_share.decision._decision import (
    REASON_CODES,
    REASONS,
    Decision,
    Reason,
)
from protocol_share.decision._referral import (
    OnwardShare,
    Recipient,
    Referral,
    Role,
    Sender,
)
from protocol_share.decision._rules import (
    ONWARD_RULES,
    REFERRAL_RULES,
    check_onward_share,
    check_referral,
)
from protocol_share.decision._table import (
    Moment,
    Rule,
    RuleGroup,
    evaluate,
    in_force,
    make_rule,
    rules_for_article,
    rules_markdown,
)

__all__ = [
    "ALL_TOPICS",
    "DPV_CONTEXT",
    "ONWARD_RULES",
    "REASONS",
    "REASON_CODES",
    "REFERRAL_RULES",
    "Consent",
    "ConsentMethod",
    "Decision",
    "Identifier",
    "Moment",
    "OnwardShare",
    "Reason",
    "Recipient",
    "Referral",
    "Role",
    "Rule",
    "RuleGroup",
    "Sender",
    "Topic",
    "check_onward_share",
    "check_referral",
    "dpv_record",
    "evaluate",
    "in_force",
    "kantara_receipt",
    "make_rule",
    "rules_for_article",
    "rules_markdown",
]
