"""minimise: keep only the protocol's data items, report every dropped path (A3-1 to A3-3)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from protocol_share import TORHOUT, DataItem, InvalidInput, minimise
from protocol_share.strategies import client_data

HOST_EXTRAS = st.dictionaries(
    st.sampled_from(
        ("national_number", "children", "notes", "phone_2", "mobile", "iban", "birth_date", "x")
    ),
    st.recursive(
        st.none() | st.integers() | st.text(max_size=8),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
        max_leaves=6,
    ),
)
ITEM_SUBSETS = st.sets(st.sampled_from([DataItem.PHONE, DataItem.EMAIL])).map(
    lambda extra: frozenset({DataItem.NAME, DataItem.ADDRESS} | extra)
)


def protocol_allowing(items: frozenset[DataItem]) -> Any:
    specs = tuple(spec for spec in TORHOUT.data_items if spec.item in items)
    return TORHOUT.model_copy(update={"data_items": specs})


@given(client_data(), HOST_EXTRAS, ITEM_SUBSETS)
def test_minimise_keeps_only_allowed_items_and_reports_the_rest(
    client: Any, extras: dict[str, Any], items: frozenset[DataItem]
) -> None:
    record = {**client.model_dump(exclude_none=True), **extras}
    result = minimise(record, protocol_allowing(items))
    assert result.data.items <= items
    kept = result.data.model_dump(exclude_none=True)
    for key in record:
        reported = any(path == key or path.startswith(f"{key}.") for path in result.dropped)
        assert reported != (key in kept), key
    assert kept == {key: value for key, value in record.items() if key in kept}


def test_an_empty_container_is_reported_by_its_own_path() -> None:
    record = {**_record(), "children": [], "notes": {}}
    assert minimise(record).dropped == ("address.box", "children", "notes")


def test_extra_address_lines_are_dropped_by_dotted_path_with_their_keys_hidden() -> None:
    record = _record()
    record["address"] = {**record["address"], "line_2": "achterhuis", "geo": {"lat": 1.0}}
    assert minimise(record).dropped == ("address.*", "address.*.*", "address.box")


def test_keys_below_the_first_level_never_reach_the_report() -> None:
    record = {
        **_record(),
        "children": {"Lore": {"born": 2019}, "Mats": [{"school": "De Regenboog"}]},
        "contacts": [{"Jan Peeters": "0470 12 34 56"}],
    }
    assert minimise(record).dropped == (
        "address.box",
        "children.*.*",
        "children.*.0.*",
        "contacts.0.*",
    )


@given(HOST_EXTRAS.map(lambda extras: {"children": extras}))
def test_no_key_below_the_first_level_is_reported(extras: dict[str, Any]) -> None:
    result = minimise({**_record(), **extras})
    for path in result.dropped:
        head, *parts = path.split(".")
        if head == "address":
            continue
        for part in parts:
            assert part == "*" or part.isdigit(), path


def test_what_is_kept_must_still_be_valid_client_data() -> None:
    record = {**_record(), "last_name": "85.07.30-033.28"}
    with pytest.raises(InvalidInput) as caught:
        minimise(record)
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("last_name", "FORBIDDEN_IDENTIFIER")
    ]
    assert "85" not in str(caught.value)


def test_a_non_mapping_is_refused() -> None:
    with pytest.raises(InvalidInput):
        minimise(["first_name"])  # type: ignore[arg-type]


def _record() -> dict[str, Any]:
    return {
        "first_name": "An",
        "last_name": "Peeters",
        "address": {
            "street": "Markt",
            "house_number": "1",
            "postcode": "8820",
            "municipality": "Torhout",
            "box": None,
        },
    }
