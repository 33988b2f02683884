"""The transfer decision, side by side with the same rules as a Cedar policy (cedarpy).

Run from the repository root (one command, both measurements, one run):

    python benchmarks/bench_decision.py [--documents 4000] [--repeat 7] [--seed 3]

1. Rules alone: ``check_referral`` on referrals validated beforehand, against cedarpy with
   its policy set and each referral's entities parsed beforehand (its fastest use).
2. From JSON: parse, validate and check each of thousands of distinct documents, against
   cedarpy with a parsed policy set and the entities passed per call. cedarpy is timed
   twice: the call alone (entity lists built beforehand), and the call plus turning the
   JSON document into its request and entities (the same start as ours).

3. The forbidden-identifier guard (A3-3) alone, on distinct random UUIDs and on distinct
   120-character streets (budget: 10 us each), and a referral with a 2 MB street, refused
   by the street's length rule (budget: 20 times one normal referral's parse).

The documents are what a case-management system sends: every id (referral, consent, team
member) a random UUID, every client with a phone number (Belgian notations, national and
international) and an e-mail address (often with digits). Before timing, every document is
decided both ways and the codes must agree. Timings are per call, the best of ``--repeat``
rounds over all documents; each round runs every measurement of a table once, in turn, so
that a shared machine's drift slows both sides of a ratio alike.
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import random
import sys
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import cedarpy

from protocol_share import TORHOUT, Decision, InvalidInput, Protocol, Referral, check_referral
from protocol_share.clientdata import forbidden_identifier_kinds
from protocol_share.decision._rules import consent_floor
from protocol_share.strategies._look_alikes import email_address

BRUSSELS = ZoneInfo("Europe/Brussels")
AT = datetime(2026, 11, 28, 10, 0, tzinfo=BRUSSELS)
POLICY_PATH = Path(__file__).with_name("decision.cedar")
TOPICS = ["data", "recipient", "purpose", "follow_up", "withdrawal"]

FIRST_NAMES = (
    "An", "Jan", "Ségolène", "Noël", "Zoë", "Lieselotte", "Mohamed", "Fatima-Zahra", "Aïcha",
    "Oleksandr", "Ольга", "محمد", "Γιώργος", "Łukasz", "Şükrü", "Ines", "Wout", "Marie-Claire",
)  # fmt: skip
LAST_NAMES = (
    "Peeters", "Janssens", "D'Hondt-Van den Bossche", "Vandenberghe", "De Smet", "Van Damme",
    "El Idrissi", "Öztürk", "Kowalska", "Шевченко", "الحسني", "Παπαδόπουλος", "Claeys", "Dewulf",
)  # fmt: skip
STREETS = (
    "Aartrijkestraat", "Markt", "Zuidstraat", "Noordstraat", "Oostendestraat", "Ieperstraat",
    "Rijselstraat", "Sint-Henricusstraat", "Bruggestraat", "Lichterveldestraat", "Burg",
)  # fmt: skip
MOBILE_PREFIXES = ("470", "471", "472", "475", "476", "477", "478", "479", "486", "495")
VIOLATIONS = (
    "withdrawn",
    "consent_after",
    "consent_too_old",
    "other_postcode",
    "topic_missing",
    "sender_no_secrecy",
    "wrong_mailbox",
    "unconsented_item",
    "not_assessed",
    "created_after",
)


# --- documents ---------------------------------------------------------------------------


def _phone(rng: random.Random) -> str:
    prefix, rest = rng.choice(MOBILE_PREFIXES), f"{rng.randrange(1_000_000):06d}"
    landline = f"{rng.randrange(200_000, 1_000_000)}"
    return rng.choice(
        (
            f"0{prefix} {rest[:2]} {rest[2:4]} {rest[4:]}",
            f"0{prefix}/{rest[:2]}.{rest[2:4]}.{rest[4:]}",
            f"0{prefix}{rest}",
            f"+32 {prefix} {rest[:2]} {rest[2:4]} {rest[4:]}",
            f"+32{prefix}{rest}",
            f"0032 {prefix} {rest[:2]} {rest[2:4]} {rest[4:]}",
            f"+32 (0){prefix} {rest[:2]} {rest[2:4]} {rest[4:]}",  # phonenumbers' long way
            f"(0{prefix}) {rest[:3]} {rest[3:]}",  # phonenumbers' long way
            f"050 {landline[:2]} {landline[2:4]} {landline[4:]}",
            f"050/{landline}",
        )
    )


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def make_document(rng: random.Random, index: int, violation: str | None) -> dict[str, Any]:
    """One referral as a JSON-ready dict: distinct ids, times and contact details."""
    given = AT - timedelta(days=rng.randrange(1, 60), seconds=rng.randrange(86_400))
    client: dict[str, Any] = {
        "first_name": rng.choice(FIRST_NAMES),
        "last_name": rng.choice(LAST_NAMES),
        "address": {
            "street": rng.choice(STREETS),
            "house_number": str(rng.randrange(1, 250)),
            "postcode": "8820",
            "municipality": "Torhout",
        },
    }
    if rng.random() < 0.2:
        client["address"]["box"] = str(rng.randrange(1, 20))
    client["phone"], client["email"] = _phone(rng), email_address(rng)
    items = ["name", "address", "phone", "email"]
    consent: dict[str, Any] = {
        "consent_id": _uuid(rng),
        "given_at": given.isoformat(),
        "method": rng.choice(("verbal", "written", "electronic")),
        "information_notice": "infofiche-ocmw-torhout-v2",
        "explained": list(TOPICS),
        "recipient_kbo": "0212.175.523",
        "data_items": list(items),
        "recorded_by": _uuid(rng),
    }
    document: dict[str, Any] = {
        "referral_id": _uuid(rng),
        "client": client,
        "consent": consent,
        "sender": {"member_id": consent["recorded_by"], "team": TORHOUT.team},
        "recipient": {"organisation_kbo": "0212 175 523", "mailbox": TORHOUT.mailbox},
        "assessed_appropriate": True,
        "created_at": (given + timedelta(hours=1)).isoformat(),
    }
    if violation == "withdrawn":
        consent["withdrawn_at"] = (given + timedelta(days=1)).isoformat()
    elif violation == "consent_after":
        consent["given_at"] = (AT + timedelta(hours=2)).isoformat()
    elif violation == "consent_too_old":
        consent["given_at"] = (AT - timedelta(days=rng.randrange(92, 700))).isoformat()
    elif violation == "other_postcode":
        client["address"]["postcode"] = "8000"
    elif violation == "topic_missing":
        consent["explained"] = TOPICS[:-1]
    elif violation == "sender_no_secrecy":
        document["sender"]["professional_secrecy"] = False
    elif violation == "wrong_mailbox":
        document["recipient"]["mailbox"] = "onthaal@torhout.be"
    elif violation == "unconsented_item":
        consent["data_items"] = ["name", "address", rng.choice(("phone", "email"))]
    elif violation == "not_assessed":
        document["assessed_appropriate"] = False
    elif violation == "created_after":
        document["created_at"] = (AT + timedelta(days=rng.randrange(1, 400))).isoformat()
    return document


def make_documents(count: int, seed: int) -> list[str]:
    """``count`` distinct referral documents as JSON text; about one in four breaks a rule."""
    rng = random.Random(seed)
    documents = []
    for index in range(count):
        violation = rng.choice(VIOLATIONS) if rng.random() < 0.25 else None
        documents.append(json.dumps(make_document(rng, index, violation), ensure_ascii=False))
    if len(set(documents)) != count:
        raise SystemExit("documents are not distinct")
    return documents


# --- the Cedar side -----------------------------------------------------------------------


def _epoch(text: str) -> int:
    return int(datetime.fromisoformat(text).timestamp())


def _brussels_day(text: str) -> date:
    return datetime.fromisoformat(text).astimezone(BRUSSELS).date()


def _yyyymmdd(day: date) -> int:
    return day.year * 10_000 + day.month * 100 + day.day


def cedar_protocol(protocol: Protocol) -> dict[str, Any]:
    """The protocol as a Cedar entity (built once)."""
    attrs: dict[str, Any] = {
        "team": protocol.team,
        "recipient_kbo": protocol.recipient.kbo,
        "mailbox": protocol.mailbox.casefold(),
        "postcodes": sorted(protocol.postcodes),
        "allowed_items": sorted(str(spec.item) for spec in protocol.data_items),
        "in_force_from": _yyyymmdd(protocol.in_force_from),
        "consent_floor": _yyyymmdd(consent_floor(protocol)),
        "consent_max_age_days": protocol.consent.max_age_days,
    }
    if protocol.ends_on is not None:
        attrs["ends_on"] = _yyyymmdd(protocol.ends_on)
    return {"uid": {"type": "Protocol", "id": protocol.protocol_id}, "attrs": attrs, "parents": []}


def _kbo(value: str) -> str:
    digits = "".join(ch for ch in value if ch.isdigit())
    return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"


def cedar_request(
    data: dict[str, Any], protocol_entity: dict[str, Any], at: datetime
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A parsed referral document as a Cedar request and its entities.

    Only reshaping: Cedar validates nothing about the values (names, phone, e-mail).
    """
    client, consent = data["client"], data["consent"]
    sender, recipient = data["sender"], data["recipient"]
    referral_id = data["referral_id"]
    items = ["name", "address"]
    if client.get("phone") is not None:
        items.append("phone")
    if client.get("email") is not None:
        items.append("email")
    consent_attrs: dict[str, Any] = {
        "explained": consent["explained"],
        "recipient_kbo": _kbo(consent["recipient_kbo"]),
        "data_items": consent["data_items"],
        "given_at": _epoch(consent["given_at"]),
        "given_on": _yyyymmdd(_brussels_day(consent["given_at"])),
        "given_day": _brussels_day(consent["given_at"]).toordinal(),
    }
    if consent.get("withdrawn_at") is not None:
        consent_attrs["withdrawn_at"] = _epoch(consent["withdrawn_at"])
    entities = [
        protocol_entity,
        {
            "uid": {"type": "Sender", "id": sender["member_id"]},
            "attrs": {
                "team": sender["team"],
                "role": sender.get("role", "local_team_member"),
                "professional_secrecy": sender.get("professional_secrecy", True),
            },
            "parents": [],
        },
        {
            "uid": {"type": "Consent", "id": consent["consent_id"]},
            "attrs": consent_attrs,
            "parents": [],
        },
        {
            "uid": {"type": "Recipient", "id": referral_id},
            "attrs": {
                "organisation_kbo": _kbo(recipient["organisation_kbo"]),
                "mailbox": recipient["mailbox"].casefold(),
                "role": recipient.get("role", "social_worker"),
                "professional_secrecy": recipient.get("professional_secrecy", True),
            },
            "parents": [],
        },
        {
            "uid": {"type": "Referral", "id": referral_id},
            "attrs": {
                "protocol": {"__entity": protocol_entity["uid"]},
                "consent": {"__entity": {"type": "Consent", "id": consent["consent_id"]}},
                "recipient": {"__entity": {"type": "Recipient", "id": referral_id}},
                "items": items,
                "postcode": client["address"]["postcode"],
                "country": client["address"].get("country", "BE"),
                "assessed_appropriate": data["assessed_appropriate"],
                "created_at": _epoch(data["created_at"]),
                "holds_forbidden_identifier": False,  # Cedar cannot compute it: given
            },
            "parents": [],
        },
    ]
    request = {
        "principal": {"type": "Sender", "id": sender["member_id"]},
        "action": {"type": "Action", "id": "refer"},
        "resource": {"type": "Referral", "id": referral_id},
        "context": {
            "at": int(at.timestamp()),
            "today": _yyyymmdd(at.astimezone(BRUSSELS).date()),
            "day": at.astimezone(BRUSSELS).date().toordinal(),
        },
    }
    return request, entities


def cedar_codes(result: cedarpy.AuthzResult) -> frozenset[str]:
    """The reason codes of a Cedar answer: the @id of every forbid that applied."""
    if result.diagnostics.errors:
        raise SystemExit(f"cedar evaluation error: {result.diagnostics.errors}")
    if result.allowed:
        return frozenset()
    codes = frozenset(result.diagnostics.id_annotations_by_reason.values()) - {"allow"}
    return codes or frozenset({"<default deny>"})


# --- timing -------------------------------------------------------------------------------


def side_by_side(
    measurements: Mapping[str, tuple[Callable[[Any], object], Sequence[Any]]], repeat: int
) -> dict[str, float]:
    """For each named ``(call, inputs)``, the best mean seconds per call over ``repeat``
    rounds; each round runs every measurement once, in turn. A machine whose speed drifts
    (a shared host) then slows every side of a ratio alike, where measuring one side after
    the other would credit the drift to whichever side ran in the slower minute."""
    best = dict.fromkeys(measurements, float("inf"))
    for _ in range(repeat):
        for name, (call, inputs) in measurements.items():
            gc.collect()
            start = time.perf_counter()
            for item in inputs:
                call(item)
            best[name] = min(best[name], (time.perf_counter() - start) / len(inputs))
    return best


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=4000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args(argv)

    protocol, at = TORHOUT, AT
    documents = make_documents(args.documents, args.seed)
    policies = cedarpy.PolicySet.from_str(POLICY_PATH.read_text(encoding="utf-8"))
    protocol_entity = cedar_protocol(protocol)

    # Inputs prepared outside the timed loops.
    referrals = [Referral.model_validate_json(text) for text in documents]
    requests = [cedar_request(json.loads(text), protocol_entity, at) for text in documents]
    handles = [cedarpy.Entities.from_json_str(json.dumps(ents)) for _, ents in requests]
    parsed_requests = [
        (request, handle) for (request, _), handle in zip(requests, handles, strict=True)
    ]

    # Both sides must give the same answer on every document.
    allowed = 0
    for text, referral, (request, entities) in zip(documents, referrals, requests, strict=True):
        ours: Decision = check_referral(referral, protocol, at=at)
        theirs = cedar_codes(cedarpy.is_authorized(request, policies, entities))
        from_json = check_referral(Referral.model_validate_json(text), protocol, at=at)
        if ours.codes != theirs or from_json != ours:
            raise SystemExit(f"disagreement on {referral.referral_id}: {ours.codes} vs {theirs}")
        allowed += ours.allowed

    def ours_rules(referral: Referral) -> Decision:
        return check_referral(referral, protocol, at=at)

    def cedar_rules(prepared: tuple[dict[str, Any], cedarpy.Entities]) -> object:
        return cedarpy.is_authorized(prepared[0], policies, prepared[1])

    def ours_json(text: str) -> Decision:
        return check_referral(Referral.model_validate_json(text), protocol, at=at)

    def cedar_call(prepared: tuple[dict[str, Any], list[dict[str, Any]]]) -> object:
        return cedarpy.is_authorized(prepared[0], policies, prepared[1])

    def cedar_json(text: str) -> object:
        request, entities = cedar_request(json.loads(text), protocol_entity, at)
        return cedarpy.is_authorized(request, policies, entities)

    best = side_by_side(
        {
            "ours, rules": (ours_rules, referrals),
            "cedar, rules": (cedar_rules, parsed_requests),
            "ours, from JSON": (ours_json, documents),
            "cedar, call": (cedar_call, requests),
            "cedar, from JSON": (cedar_json, documents),
        },
        args.repeat,
    )
    j_ours = best["ours, from JSON"]
    rows = [
        (
            "rules alone",
            "pre-parsed policy + entities",
            best["ours, rules"],
            best["cedar, rules"],
            5.0,
        ),
        ("from JSON", "entities passed per call", j_ours, best["cedar, call"], 1.5),
        ("from JSON", "same + JSON to entities", j_ours, best["cedar, from JSON"], 1.5),
    ]

    phones = sum('"phone"' in text for text in documents)
    emails = sum('"email"' in text for text in documents)
    print(
        f"Decision benchmark: {len(documents)} distinct documents, {allowed} allowed, "
        f"{len(documents) - allowed} refused; {phones} with a phone, {emails} with an e-mail "
        f"(plus the recipient mailbox in each)"
    )
    print(
        f"Python {platform.python_version()}, cedarpy {cedarpy_version()}, "
        f"best of {args.repeat} rounds side by side, per call; answers agree on every document"
    )
    print()
    print(f"{'measurement':<12} {'cedarpy use':<30} {'ours':>9} {'cedarpy':>9} {'ratio':>7} target")
    ok = True
    for name, use, ours_s, cedar_s, target in rows:
        ratio = cedar_s / ours_s
        met = ratio >= target
        ok &= met
        print(
            f"{name:<12} {use:<30} {ours_s * 1e6:>6.1f} us {cedar_s * 1e6:>6.1f} us "
            f"{ratio:>6.2f}x >= {target:g}x {'met' if met else 'NOT met'}"
        )
    print()
    ok &= guard_benchmark(documents, args.repeat, args.seed)
    return 0 if ok else 1


STREET_PARTS = (
    "Koning Albert I-laan", "Sint-Jozefstraat", "Rue de l'Église", "residentie Ter Duinen",
    "ingang via de achterdeur", "appartement", "verdieping", "naast de bakkerij", "Burg",
    "tegenover de kerk", "Kasteel van Wijnendale", "hoek Zuidstraat", "Plein 1918", "bus",
    "Avenue du 21 Juillet", "Lichterveldestraat", "achter het station", "blok", "Markt",
)  # fmt: skip


def street(rng: random.Random) -> str:
    """A 120-character street line as people fill the field: words, numbers, a box."""
    parts: list[str] = []
    while len(", ".join(parts)) < 120:
        parts.append(rng.choice(STREET_PARTS))
        if rng.random() < 0.4:
            parts[-1] += " " + rng.choice(
                (str(rng.randrange(1, 250)), f"{rng.randrange(1, 250)}/{rng.randrange(1, 9)}",
                 f"{rng.randrange(1, 250)} bus {rng.randrange(1, 20)}", f"0.{rng.randrange(1, 9)}")
            )  # fmt: skip
    return ", ".join(parts)[:120]


def guard_benchmark(documents: Sequence[str], repeat: int, seed: int) -> bool:
    """The guard on distinct UUIDs and streets, and a 2 MB street refused by its length rule."""
    rng = random.Random(seed + 1)
    uuids = [_uuid(rng) for _ in documents]
    streets = [street(rng) for _ in documents]
    assert all(len(text) == 120 for text in streets)
    assert not any(map(forbidden_identifier_kinds, uuids + streets)), "a false alarm"
    oversized = json.loads(documents[0])
    oversized["client"]["address"]["street"] = "BE71 0961 2345 6769 " * 105_000  # 2.1 MB
    oversized_json = json.dumps(oversized)

    def refused(data: object) -> None:
        try:
            if isinstance(data, str):
                Referral.model_validate_json(data)
            else:
                Referral.model_validate(data)
        except InvalidInput as error:
            codes = {(p.path, p.code) for p in error.problems}
            if codes != {("client.address.street", "TOO_LONG")}:
                raise SystemExit(f"2 MB street: {codes}") from None
        else:
            raise SystemExit("2 MB street accepted")

    best = side_by_side(
        {
            "parse": (Referral.model_validate_json, documents),
            "uuid": (forbidden_identifier_kinds, uuids),
            "street": (forbidden_identifier_kinds, streets),
            "big": (refused, [oversized] * 50),
            "big JSON": (refused, [oversized_json] * 5),
        },
        repeat,
    )
    parse, g_uuid, g_street = best["parse"], best["uuid"], best["street"]
    big, big_json = best["big"], best["big JSON"]
    print(f"{'guard and bounds (A3-3)':<44} {'ours':>10} {'budget':>10} {'ratio':>7}")
    ok = True
    for name, ours, budget in (
        ("guard, a random UUID", g_uuid, 10e-6),
        ("guard, a 120-character street", g_street, 10e-6),
        ("2 MB street in a parsed referral: TOO_LONG", big, 20 * parse),
    ):
        met = ours <= budget
        ok &= met
        print(
            f"{name:<44} {ours * 1e6:>7.1f} us {budget * 1e6:>7.1f} us {ours / budget:>6.2f}x "
            f"<= 1x {'met' if met else 'NOT met'}"
        )
    print(
        f"{'  the same from its 2.1 MB of JSON text':<44} {big_json * 1e6:>7.0f} us "
        f"{'':>10} {big_json / parse:>6.1f} normal parses (json.loads reads the text)"
    )
    print(f"  (budget of the 2 MB row: 20 times one normal referral's parse, {parse * 1e6:.1f} us)")
    return ok


def cedarpy_version() -> str:
    from importlib.metadata import version

    return version("cedarpy")


if __name__ == "__main__":
    sys.exit(main())
