"""Builders: a referral from the host's facts, the protocol filling in what it fixes (A5-1)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from protocol_share import (
    ALL_TOPICS,
    TORHOUT,
    ClientData,
    InvalidInput,
    Protocol,
    build_consent,
    build_recipient,
    build_referral,
    build_sender,
    check_referral,
)
from protocol_share.examples import example_client
from protocol_share.strategies import client_data, moments

AT = datetime.fromisoformat("2026-03-02T10:30:00+01:00")
BRUGGE: Protocol = TORHOUT.replace(
    protocol_id="brugge-test",
    mailbox="sociaal.huis@brugge.be",
    team="lokaal team Kind en Gezin Brugge",
    postcodes=frozenset({"8000"}),
    municipality="Brugge",
)
CLIENT: dict[str, Any] = example_client().model_dump(
    mode="json", include={"first_name", "last_name", "address"}
)


def consent_facts(**changes: Any) -> dict[str, Any]:
    return {
        "consent_id": "c-1",
        "given_at": AT - timedelta(days=2),
        "method": "verbal",
        "information_notice": "infofiche-ocmw-v2",
        "explained": sorted(ALL_TOPICS),
        "data_items": ["name", "address"],
        "recorded_by": "kg-017",
        **changes,
    }


def build(**changes: Any) -> Any:
    facts: dict[str, Any] = {
        "referral_id": "r-1",
        "client": CLIENT,
        "consent": consent_facts(),
        "member_id": "kg-017",
        "assessed_appropriate": True,
        "at": AT,
        **changes,
    }
    protocol = facts.pop("protocol", TORHOUT)
    return build_referral(protocol, **facts)


def test_the_protocol_fills_in_recipient_team_roles_and_consent_scope() -> None:
    referral = build()
    assert referral.recipient.organisation_kbo == TORHOUT.recipient.kbo
    assert referral.recipient.mailbox == TORHOUT.mailbox
    assert referral.recipient.role == "social_worker"
    assert referral.recipient.professional_secrecy
    assert referral.sender.team == TORHOUT.team
    assert referral.sender.role == "local_team_member"
    assert referral.sender.professional_secrecy
    assert referral.consent.recipient_kbo == TORHOUT.recipient.kbo
    assert referral.created_at == AT
    assert check_referral(referral, TORHOUT, at=AT).allowed


def test_another_protocol_fills_in_its_own_facts() -> None:
    assert build_recipient(BRUGGE).mailbox == "sociaal.huis@brugge.be"
    assert build_sender(BRUGGE, member_id="kg-1").team == "lokaal team Kind en Gezin Brugge"


def test_every_problem_of_every_part_is_listed_at_once_without_values() -> None:
    with pytest.raises(InvalidInput) as caught:
        build(
            referral_id="r 1",
            client={**CLIENT, "last_name": "Peeters 85.07.30-033.28"},
            consent=consent_facts(method="telepathy"),
            member_id="",
            assessed_appropriate="yes",
            at=datetime(2026, 3, 2, 10, 30),
        )
    paths = {p.path: p.code for p in caught.value.problems}
    assert paths == {
        "at": "NAIVE_DATETIME",
        "referral_id": "STRING_PATTERN_MISMATCH",
        "client.last_name": "FORBIDDEN_IDENTIFIER",
        "consent.method": "LITERAL_ERROR",
        "member_id": "STRING_TOO_SHORT",
        "assessed_appropriate": "WRONG_TYPE",
    }
    assert "85" not in str(caught.value)
    assert "telepathy" not in str(caught.value)


def test_an_unknown_client_field_is_an_error_never_dropped() -> None:
    with pytest.raises(InvalidInput) as caught:
        build(client={**CLIENT, "national_number": "85073003328"})
    assert caught.value.codes == {"EXTRA_FORBIDDEN"}
    assert "85073003328" not in str(caught.value)


def test_built_models_and_uuids_are_accepted() -> None:
    consent = build_consent(**consent_facts())
    client = ClientData.model_validate(CLIENT)
    member = uuid.uuid4()
    referral = build(client=client, consent=consent, referral_id=member, member_id=member)
    assert referral.referral_id == referral.sender.member_id == str(member)


def test_a_consent_recorded_for_another_organisation_is_kept_and_refused_by_the_check() -> None:
    referral = build(consent=consent_facts(recipient_kbo="0207.123.407"))
    assert check_referral(referral, at=AT).codes == {"CONSENT_SCOPE_RECIPIENT"}


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"assessed_appropriate": False}, "NOT_ASSESSED"),
        ({"consent": consent_facts(explained=["data"])}, "CONSENT_NOT_INFORMED"),
        ({"consent": consent_facts(given_at=AT + timedelta(hours=1))}, "CONSENT_AFTER_TRANSFER"),
        ({"consent": consent_facts(data_items=["name"])}, "CONSENT_SCOPE_DATA"),
        (
            {"client": {**CLIENT, "address": {**CLIENT["address"], "postcode": "8000"}}},
            "NOT_RESIDENT",
        ),
    ],
)
def test_each_fact_that_breaks_a_rule_yields_exactly_its_code(
    changes: dict[str, Any], code: str
) -> None:
    assert check_referral(build(**changes), at=AT).codes == {code}


@pytest.mark.parametrize("protocol", [None, "TORHOUT"])
def test_the_protocol_must_be_a_protocol(protocol: Any) -> None:
    with pytest.raises(InvalidInput):
        build_recipient(protocol)


@st.composite
def host_facts(draw: st.DrawFn) -> dict[str, Any]:
    at = draw(moments())
    client = draw(client_data())
    given_ago = draw(st.integers(0, 90 * 24 * 3600))
    items = client.items | draw(st.sets(st.sampled_from(["phone", "email"])))
    return {
        "referral_id": draw(st.uuids() | st.from_regex(r"r-[0-9]{1,8}", fullmatch=True)),
        "client": draw(st.sampled_from([client, client.model_dump(exclude_none=True)])),
        "consent": consent_facts(
            given_at=(at.astimezone(UTC) - timedelta(seconds=given_ago)).astimezone(at.tzinfo),
            data_items=sorted(items),
            method=draw(st.sampled_from(["verbal", "written", "electronic"])),
        ),
        "member_id": draw(st.uuids() | st.from_regex(r"kg-[0-9]{1,4}", fullmatch=True)),
        "assessed_appropriate": True,
        "at": at,
    }


@given(host_facts())
def test_a_referral_built_from_valid_facts_is_allowed(facts: dict[str, Any]) -> None:
    # Law: valid facts + the protocol's fixed parts = a referral check_referral allows.
    referral = build_referral(TORHOUT, **facts)
    assert check_referral(referral, TORHOUT, at=facts["at"]).allowed


@given(host_facts(), st.sampled_from(["member_id", "referral_id", "method", "postcode"]))
def test_no_personal_value_reaches_a_builders_error(facts: dict[str, Any], where: str) -> None:
    # Law: whatever fact is wrong, the error names paths and codes, never the client's values.
    client = (
        ClientData.model_validate(facts["client"])
        if isinstance(facts["client"], dict)
        else facts["client"]
    )
    secret = f"{client.first_name} {client.last_name}"
    if where in ("member_id", "referral_id"):
        facts[where] = secret
    elif where == "method":
        facts["consent"] = {**facts["consent"], "method": secret}
    else:
        data = client.model_dump()
        data["address"]["postcode"] = secret
        facts["client"] = data
    with pytest.raises(InvalidInput) as caught:
        build_referral(TORHOUT, **facts)
    for text in (
        str(caught.value),
        repr(caught.value),
        *(p.message for p in caught.value.problems),
    ):
        assert client.first_name not in text
        assert client.last_name not in text
