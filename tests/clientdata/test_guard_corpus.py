"""The guard on corpora (A3-3): no false alarm on realistic values, no miss on any encoding.

The corpora come from ``protocol_share.strategies`` (``look_alike_corpus``,
``hidden_identifier_corpus``), seeded, so every run reads the same values: 100,000 realistic
values with digits (random UUIDs as ids, Belgian e-mail addresses with digits, one or two
phone numbers in every Belgian notation, addresses with box numbers, names in many
scripts) and 30,000 national, BIS, KBO and IBAN numbers written every way we know
(separators, digits of other scripts, invisible characters, cut over the address fields,
after a foreign calling code). The same generators run as hypothesis strategies, and a
part of each corpus goes through the models, to show the fields use the guard as tested.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import pytest
from hypothesis import given
from stdnum import iban
from stdnum.be import bis, nn, vat

from protocol_share import ClientData, InvalidInput, Sender
from protocol_share.clientdata import (
    FieldKind,
    address_identifier_kinds,
    forbidden_identifier_kinds,
)
from protocol_share.strategies import (
    FieldValues,
    bis_numbers,
    hidden_identifier_corpus,
    hidden_identifiers,
    ibans,
    kbo_numbers,
    look_alike_corpus,
    look_alikes,
    national_numbers,
)
from tests.clientdata.test_fields import CLIENT, MAX_LENGTHS

_KINDS: Mapping[str, FieldKind] = {"phone": "phone", "email": "email"}
_CLIENT: dict[str, Any] = {key: CLIENT[key] for key in ("first_name", "last_name", "address")}
_MAX_LENGTHS = {**MAX_LENGTHS, "id": 64}  # a member id, read as the sender's


def guard_finds(sample: FieldValues) -> frozenset[str]:
    """What the guard finds in the sample's fields, each read as its field is."""
    found: set[str] = set()
    for path, value in sample.fields.items():
        found |= forbidden_identifier_kinds(value, field=_KINDS.get(path, "text"))
    address = {path for path in sample.fields if path.startswith("address.")}
    if address:
        found |= address_identifier_kinds(
            sample.fields.get("address.street", "Markt"),
            sample.fields.get("address.house_number", "1"),
            sample.fields.get("address.box"),
        )
    return frozenset(found)


def refusals(sample: FieldValues) -> Iterator[tuple[str, InvalidInput]]:
    """Each error the models raise for the sample's fields, with the path its problems are
    counted under: ``""`` (their own) for the client's, ``"id"`` for an id as a member id."""
    data: dict[str, Any] = {**_CLIENT, "address": dict(_CLIENT["address"])}
    for path, value in sample.fields.items():
        head, _, tail = path.partition(".")
        if path == "id":
            continue
        if tail:
            data[head][tail] = value
        else:
            data[head] = value
    try:
        ClientData.model_validate(data)
    except InvalidInput as error:
        yield "", error
    if "id" in sample.fields:
        try:
            Sender(member_id=sample.fields["id"], team="lokaal team")
        except InvalidInput as error:
            yield "id", error


def model_codes(sample: FieldValues) -> dict[str, set[str]]:
    """The problems the models report for the sample's fields (an id as a member id)."""
    found: dict[str, set[str]] = {}
    for where, error in refusals(sample):
        for problem in error.problems:
            found.setdefault(where or problem.path, set()).add(problem.code)
    return found


# --- the generators make what they say -------------------------------------------------------


@given(national_numbers(), bis_numbers(), kbo_numbers(), ibans())
def test_generated_identifiers_are_valid_per_stdnum(
    national: str, bis_number: str, kbo: str, account: str
) -> None:
    assert nn.is_valid(national)
    assert bis.is_valid(bis_number)
    assert vat.is_valid(kbo)
    assert iban.is_valid(account)


def test_the_corpora_are_the_same_on_every_run() -> None:
    assert list(look_alike_corpus(50, seed=3)) == list(look_alike_corpus(50, seed=3))
    assert list(hidden_identifier_corpus(50, seed=3)) == list(hidden_identifier_corpus(50, seed=3))


# --- precision ---------------------------------------------------------------------------------


def test_no_false_alarm_in_100000_realistic_values() -> None:
    alarms = [sample for sample in look_alike_corpus(100_000, seed=10) if guard_finds(sample)]
    assert alarms == []


def test_the_corpus_holds_what_it_claims() -> None:
    counts: dict[str, int] = {}
    for sample in look_alike_corpus(10_000, seed=10):
        counts[sample.what] = counts.get(sample.what, 0) + 1
    assert set(counts) == {"uuid", "email", "phone", "address", "name", "id"}
    assert min(counts.values()) >= 500


@given(look_alikes())
def test_a_realistic_value_is_no_identifier(sample: FieldValues) -> None:
    assert guard_finds(sample) == frozenset()


def test_the_models_raise_no_false_alarm_on_realistic_values() -> None:
    for sample in look_alike_corpus(3_000, seed=11):
        for path, codes in model_codes(sample).items():
            assert "FORBIDDEN_IDENTIFIER" not in codes, (path, sample)


# --- recall ------------------------------------------------------------------------------------


def test_no_miss_in_30000_hidden_identifiers() -> None:
    misses = [
        sample
        for sample in hidden_identifier_corpus(30_000, seed=20)
        if sample.what not in guard_finds(sample)
    ]
    assert misses == []


@given(hidden_identifiers())
def test_a_hidden_identifier_is_found(sample: FieldValues) -> None:
    assert sample.what in guard_finds(sample)


@pytest.mark.parametrize("seed", [21, 22])
def test_the_models_refuse_every_hidden_identifier(seed: int) -> None:
    for sample in hidden_identifier_corpus(1_500, seed=seed):
        found = model_codes(sample)
        too_long = [
            path for path, value in sample.fields.items() if len(value) > _MAX_LENGTHS[path]
        ]
        if too_long:  # the field's own length code, never a scan first
            assert all(found[path] == {"TOO_LONG"} for path in too_long), sample
            continue
        forbidden = {path for path, codes in found.items() if "FORBIDDEN_IDENTIFIER" in codes}
        assert forbidden, sample
        assert forbidden <= {*sample.fields, "address.house_number"}, sample
