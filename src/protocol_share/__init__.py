"""protocol-share: the Opgroeien regie -> OCMW data-sharing protocol as executable rules.

The package re-exports the public names; it defines nothing itself (DESIGN.md).
"""

from protocol_share._version import __version__
from protocol_share.consent import ALL_TOPICS, Consent
from protocol_share.decision import REASON_CODES, REASONS, Decision, Reason
from protocol_share.errors import (
    CorruptPackage,
    HeadersNotEncrypted,
    InvalidInput,
    LifecycleError,
    NotEncrypted,
    PackageError,
    PackageTooLarge,
    Problem,
    ProtocolShareError,
    ReferralRefused,
    SignatureInvalid,
    UnexpectedContent,
    WrongPassword,
)
from protocol_share.fields import Address, ClientData, DataItem
from protocol_share.identifiers import forbidden_identifier_kinds
from protocol_share.lint import Finding, lint_protocol
from protocol_share.minimise import Minimised, minimise
from protocol_share.protocol import (
    Correction,
    DataItemSpec,
    LegalBasis,
    OnwardRecipient,
    Party,
    Protocol,
    Purpose,
    Representative,
    RetentionTerms,
    Signature,
    SupervisoryAuthority,
)
from protocol_share.referral import OnwardShare, Recipient, Referral, Sender
from protocol_share.rules import (
    ONWARD_RULES,
    REFERRAL_RULES,
    Rule,
    check_onward_share,
    check_referral,
    rules_markdown,
)
from protocol_share.torhout import TORHOUT

__all__ = [
    "ALL_TOPICS",
    "ONWARD_RULES",
    "REASONS",
    "REASON_CODES",
    "REFERRAL_RULES",
    "TORHOUT",
    "Address",
    "ClientData",
    "Consent",
    "Correction",
    "CorruptPackage",
    "DataItem",
    "DataItemSpec",
    "Decision",
    "Finding",
    "HeadersNotEncrypted",
    "InvalidInput",
    "LegalBasis",
    "LifecycleError",
    "Minimised",
    "NotEncrypted",
    "OnwardRecipient",
    "OnwardShare",
    "PackageError",
    "PackageTooLarge",
    "Party",
    "Problem",
    "Protocol",
    "ProtocolShareError",
    "Purpose",
    "Reason",
    "Recipient",
    "Referral",
    "ReferralRefused",
    "Representative",
    "RetentionTerms",
    "Rule",
    "Sender",
    "Signature",
    "SignatureInvalid",
    "SupervisoryAuthority",
    "UnexpectedContent",
    "WrongPassword",
    "__version__",
    "check_onward_share",
    "check_referral",
    "forbidden_identifier_kinds",
    "lint_protocol",
    "minimise",
    "rules_markdown",
]
