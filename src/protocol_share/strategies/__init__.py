"""Hypothesis strategies for compliance suites: realistic, valid Belgian client data.

Requires the optional extra ``protocol-share[strategies]`` (hypothesis); importing
``protocol_share`` itself never imports hypothesis. Generated data is realistic (names in
several scripts, Torhout street names, Belgian phone notations) and never holds a real
national register number.

    >>> from hypothesis import given
    >>> from protocol_share import ClientData
    >>> @given(client_data())
    ... def test_round_trip(client):
    ...     assert ClientData.model_validate_json(client.model_dump_json()) == client
    >>> test_round_trip()
"""

from protocol_share.strategies._after_receipt import (
    breach_notices,
    retention_cases,
    withdrawal_notices,
)
from protocol_share.strategies._clients import (
    addresses,
    client_data,
    emails,
    national_register_numbers,
    person_names,
    phones,
)
from protocol_share.strategies._consents import consents
from protocol_share.strategies._hidden import (
    bis_numbers,
    hidden_identifier,
    hidden_identifier_corpus,
    hidden_identifiers,
    ibans,
    kbo_numbers,
    national_numbers,
)
from protocol_share.strategies._look_alikes import (
    FieldValues,
    look_alike,
    look_alike_corpus,
    look_alikes,
)
from protocol_share.strategies._moments import aware_datetimes, moments
from protocol_share.strategies._referrals import (
    INCOMPATIBLE_VIOLATIONS,
    REFERRAL_VIOLATIONS,
    referrals,
)

__all__ = [
    "INCOMPATIBLE_VIOLATIONS",
    "REFERRAL_VIOLATIONS",
    "FieldValues",
    "addresses",
    "aware_datetimes",
    "bis_numbers",
    "breach_notices",
    "client_data",
    "consents",
    "emails",
    "hidden_identifier",
    "hidden_identifier_corpus",
    "hidden_identifiers",
    "ibans",
    "kbo_numbers",
    "look_alike",
    "look_alike_corpus",
    "look_alikes",
    "moments",
    "national_numbers",
    "national_register_numbers",
    "person_names",
    "phones",
    "referrals",
    "retention_cases",
    "withdrawal_notices",
]
