"""minimise: keep only the protocol's data items, report every dropped path (A3-1 to A3-3)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from protocol_share import FLEMISH_EXPORT_FIELDS, TORHOUT, DataItem, InvalidInput, minimise
from protocol_share.examples import example_client
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


def _holds_data(value: Any) -> bool:
    if value is None or (isinstance(value, str) and not value.strip()):
        return False
    if isinstance(value, dict):
        return any(_holds_data(inner) for inner in value.values())
    if isinstance(value, list):
        return any(_holds_data(inner) for inner in value)
    return True


@given(client_data(), HOST_EXTRAS, ITEM_SUBSETS)
def test_minimise_keeps_only_allowed_items_and_reports_the_rest(
    client: Any, extras: dict[str, Any], items: frozenset[DataItem]
) -> None:
    record = {**client.model_dump(exclude_none=True), **extras}
    result = minimise(record, protocol_allowing(items))
    assert result.data.items <= items
    kept = result.data.model_dump(exclude_none=True)
    for key, value in record.items():
        reported = any(path == key or path.startswith(f"{key}.") for path in result.dropped)
        assert reported == (key not in kept and _holds_data(value)), key
    assert kept == {key: value for key, value in record.items() if key in kept}


def test_empty_values_are_not_reported_as_dropped() -> None:
    # Issue 13: an audit log of dropped paths must not read as if data had been removed.
    record = {**_record(), "phone": None, "email": "", "children": [], "notes": {}, "x": [None]}
    assert minimise(record).dropped == ()


def test_a_field_the_protocol_leaves_out_is_reported_only_with_a_value() -> None:
    without_email = protocol_allowing(frozenset({DataItem.NAME, DataItem.ADDRESS}))
    assert minimise({**_record(), "email": None}, without_email).dropped == ()
    assert minimise({**_record(), "email": "an@example.be"}, without_email).dropped == ("email",)


def test_extra_address_lines_are_dropped_by_dotted_path_with_their_keys_hidden() -> None:
    record = _record()
    record["address"] = {**record["address"], "line_2": "achterhuis", "geo": {"lat": 1.0}}
    assert minimise(record).dropped == ("address.*", "address.*.*")


def test_keys_below_the_first_level_never_reach_the_report() -> None:
    record = {
        **_record(),
        "children": {"Lore": {"born": 2019}, "Mats": [{"school": "De Regenboog"}]},
        "contacts": [{"Jan Peeters": "0470 12 34 56"}],
    }
    assert minimise(record).dropped == (
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
    """A host's record of the example client's name and address (a fresh dict each call)."""
    return example_client().model_dump(mode="json", include={"first_name", "last_name", "address"})


# --- a field map for exports with other field names (issue 13) ---------------------------

FLEMISH = {
    "voornaam": "An",
    "familienaam": "Peeters",
    "straat": "Markt",
    "huisnummer": "12",
    "bus": "3",
    "postcode": "8820",
    "gemeente": "Torhout",
    "telefoon": "050 12 34 56",
    "e-mail": "an@example.be",
}


def test_a_flemish_export_is_read_through_its_field_map() -> None:
    result = minimise({**FLEMISH, "rijksregisternummer": "x"}, field_map=FLEMISH_EXPORT_FIELDS)
    assert result.data.first_name == "An"
    assert result.data.last_name == "Peeters"
    assert (result.data.address.house_number, result.data.address.box) == ("12", "3")
    assert result.data.phone == "+3250123456"
    assert result.data.email == "an@example.be"
    assert result.dropped == ("rijksregisternummer",)


def test_dropped_paths_and_problems_use_the_hosts_names() -> None:
    without_email = protocol_allowing(frozenset({DataItem.NAME, DataItem.ADDRESS}))
    result = minimise(FLEMISH, without_email, field_map=FLEMISH_EXPORT_FIELDS)
    assert result.dropped == ("e-mail", "telefoon")
    with pytest.raises(InvalidInput) as caught:
        minimise({**FLEMISH, "huisnummer": "twaalf"}, field_map=FLEMISH_EXPORT_FIELDS)
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("huisnummer", "INVALID_HOUSE_NUMBER")
    ]


def test_a_nested_export_is_reached_by_dotted_keys() -> None:
    record = {
        "naam": {"voornaam": "An", "achternaam": "Peeters", "roepnaam": "Anneke"},
        "adres": {"straat": "Markt", "nr": "1", "pc": "8820", "gemeente": "Torhout"},
    }
    field_map = {
        "naam.voornaam": "first_name",
        "naam.achternaam": "last_name",
        "adres.straat": "address.street",
        "adres.nr": "address.house_number",
        "adres.pc": "address.postcode",
        "adres.gemeente": "address.municipality",
    }
    result = minimise(record, field_map=field_map)
    assert result.data.address.postcode == "8820"
    assert result.dropped == ("naam.*",)


def test_two_keys_with_values_for_one_field_are_a_conflict() -> None:
    record = {**FLEMISH, "achternaam": "Janssens"}
    with pytest.raises(InvalidInput) as caught:
        minimise(record, field_map=FLEMISH_EXPORT_FIELDS)
    assert caught.value.codes == {"FIELD_MAP_CONFLICT"}
    assert "Janssens" not in str(caught.value)
    # An empty duplicate is no conflict.
    assert minimise({**FLEMISH, "achternaam": ""}, field_map=FLEMISH_EXPORT_FIELDS).dropped == ()


@pytest.mark.parametrize("field_map", [{"voornaam": "given_name"}, {"voornaam": 1}, ["x"]])
def test_a_field_map_must_point_at_client_data_fields(field_map: Any) -> None:
    with pytest.raises(InvalidInput) as caught:
        minimise(FLEMISH, field_map=field_map)
    assert caught.value.codes <= {"UNKNOWN_FIELD", "WRONG_TYPE"}


@given(client_data())
def test_renaming_through_a_field_map_keeps_the_same_client(client: Any) -> None:
    # Law: minimise(rename(record), field_map=inverse) == minimise(record).
    reverse = {target: host for host, target in FLEMISH_EXPORT_FIELDS.items()}
    reverse["last_name"] = "familienaam"
    flat = client.model_dump(exclude_none=True)
    address = flat.pop("address")
    record = {reverse[key]: value for key, value in flat.items()}
    record |= {reverse[f"address.{key}"]: value for key, value in address.items()}
    assert (
        minimise(record, field_map=FLEMISH_EXPORT_FIELDS).data == minimise(client.model_dump()).data
    )
