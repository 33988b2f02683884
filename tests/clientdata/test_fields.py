"""Article 3 models: ClientData, Address, DataItem (A3-1, A3-2, A3-3)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from protocol_share import Address, ClientData, DataItem, InvalidInput, ProtocolShareError
from protocol_share.strategies import client_data
from tests.clientdata.identifiers_strategies import bis_numbers, formatted, national_numbers

ADDRESS: dict[str, Any] = {
    "street": "Aartrijkestraat",
    "house_number": "11",
    "postcode": "8820",
    "municipality": "Torhout",
}
CLIENT: dict[str, Any] = {
    "first_name": "An",
    "last_name": "Peeters",
    "address": ADDRESS,
    "phone": "0470 12 34 56",
    "email": "an.peeters@example.be",
}
TEXT_FIELDS = (
    "first_name",
    "last_name",
    "phone",
    "email",
    "address.street",
    "address.house_number",
    "address.postcode",
    "address.municipality",
    "address.box",
)


MAX_LENGTHS = {
    "first_name": 100,
    "last_name": 100,
    "phone": 40,
    "email": 254,
    "address.street": 120,
    "address.house_number": 16,
    "address.postcode": 10,
    "address.municipality": 80,
    "address.box": 25,
}


def with_value(path: str, value: object) -> dict[str, Any]:
    """CLIENT with one (possibly nested) field replaced."""
    data = {**CLIENT, "address": dict(ADDRESS)}
    head, _, tail = path.partition(".")
    if tail:
        data[head][tail] = value
    else:
        data[head] = value
    return data


def problems_of(data: dict[str, Any]) -> dict[str, set[str]]:
    with pytest.raises(InvalidInput) as caught:
        ClientData.model_validate(data)
    found: dict[str, set[str]] = {}
    for problem in caught.value.problems:
        found.setdefault(problem.path, set()).add(problem.code)
    return found


@pytest.mark.parametrize(
    "name",
    ["Ségolène", "D'Hondt-Van den Bossche", "محمد", "Ольга", "Παπαδόπουλος", "O’Neill", "Ngũgĩ"],
)
def test_names_of_any_script_are_accepted(name: str) -> None:
    client = ClientData.model_validate({**CLIENT, "first_name": name, "last_name": name})
    assert client.first_name == name


@pytest.mark.parametrize("name", ["J4n", "An3", "٣", "@n", "-An", "An\u200b", "  ", "x" * 101])
def test_names_with_digits_symbols_or_bad_length_are_refused(name: str) -> None:
    assert "first_name" in problems_of({**CLIENT, "first_name": name})


@given(client_data())
def test_valid_client_data_round_trips_through_json_unchanged(client: ClientData) -> None:
    assert ClientData.model_validate_json(client.model_dump_json()) == client


@pytest.mark.parametrize(
    ("first", "last"),
    [("Ségolène", "D'Hondt-Van den Bossche"), ("فاطمة", "الحسني"), ("Дмитро", "Шевченко")],
)
def test_unicode_names_round_trip(first: str, last: str) -> None:
    client = ClientData.model_validate({**CLIENT, "first_name": first, "last_name": last})
    again = ClientData.model_validate_json(client.model_dump_json())
    assert (again.first_name, again.last_name) == (first, last)
    assert again == client


@pytest.mark.parametrize(
    ("written", "e164"),
    [
        ("0470 12 34 56", "+32470123456"),
        ("+32 470/12.34.56", "+32470123456"),
        ("0032470123456", "+32470123456"),
        ("050 21 21 21", "+3250212121"),
        ("+33 1 42 68 53 00", "+33142685300"),
    ],
)
def test_phone_numbers_are_kept_as_e164(written: str, e164: str) -> None:
    assert ClientData.model_validate({**CLIENT, "phone": written}).phone == e164


@pytest.mark.parametrize("phone", ["12", "0470 12 34", "not a number", "+32 0"])
def test_invalid_phone_numbers_are_refused(phone: str) -> None:
    assert problems_of(with_value("phone", phone)) == {"phone": {"INVALID_PHONE"}}


@pytest.mark.parametrize("email", ["an@", "an peeters@example.be", "@example.be", "an@@x.be"])
def test_invalid_email_addresses_are_refused(email: str) -> None:
    assert problems_of(with_value("email", email)) == {"email": {"INVALID_EMAIL"}}


def test_email_is_checked_without_network_lookup() -> None:
    # A domain that cannot resolve is fine: syntax only, no DNS (A3-2).
    client = ClientData.model_validate(with_value("email", "an@nonexistent-domain.example"))
    assert client.email == "an@nonexistent-domain.example"


@pytest.mark.parametrize("postcode", ["882", "88200", "0820", "88a0", "8820 "])
def test_belgian_postcode_is_four_digits(postcode: str) -> None:
    if postcode.strip() == "8820":
        assert ClientData.model_validate(with_value("address.postcode", postcode))
    else:
        assert "address.postcode" in problems_of(with_value("address.postcode", postcode))


def test_foreign_postcodes_follow_their_country() -> None:
    lille = {"street": "Rue de Lille", "postcode": "59000", "municipality": "Lille"}
    assert Address(**ADDRESS | lille, country="FR").postcode == "59000"


def test_unknown_fields_are_refused_not_dropped() -> None:
    assert problems_of({**CLIENT, "national_number": "x"}) == {
        "national_number": {"EXTRA_FORBIDDEN"}
    }


@pytest.mark.parametrize(
    ("key", "path"),
    [
        ("Jan Peeters 85073003328", "<extra field>"),
        ("address.Lore", "<extra field>"),
        ("Notes", "<extra field>"),
        ("notes", "notes"),  # shaped like a field name: named, to help the host
    ],
)
def test_an_unknown_key_is_named_only_when_shaped_like_a_field_name(key: str, path: str) -> None:
    assert problems_of({**CLIENT, key: 1}) == {path: {"EXTRA_FORBIDDEN"}}
    nested = {**CLIENT, "address": {**ADDRESS, key: 1}}
    assert problems_of(nested) == {f"address.{path}": {"EXTRA_FORBIDDEN"}}


def test_every_problem_is_listed_at_once() -> None:
    found = problems_of(
        {
            "first_name": "1",
            "last_name": "",
            "address": {**ADDRESS, "postcode": "1"},
            "phone": "2",
            "email": "3",
        }
    )
    assert set(found) == {"first_name", "last_name", "address.postcode", "phone", "email"}


def test_items_lists_what_is_present() -> None:
    minimal = ClientData.model_validate({k: v for k, v in CLIENT.items() if k != "email"})
    assert minimal.items == {DataItem.NAME, DataItem.ADDRESS, DataItem.PHONE}


@given(client=client_data())
def test_items_names_exactly_the_fields_given_and_is_shared_not_rebuilt(client: ClientData) -> None:
    expected = {DataItem.NAME, DataItem.ADDRESS}
    expected |= {DataItem.PHONE} if client.phone is not None else set()
    expected |= {DataItem.EMAIL} if client.email is not None else set()
    assert client.items == expected
    assert client.items is client.items  # one of four shared sets, not a new one per call
    assert isinstance(client.items, frozenset)


def test_models_are_frozen() -> None:
    client = ClientData.model_validate(CLIENT)
    with pytest.raises(ValueError, match="frozen"):
        client.first_name = "Bo"  # type: ignore[misc]


def test_construction_errors_are_protocol_share_errors_and_value_errors() -> None:
    with pytest.raises(ProtocolShareError) as caught:
        Address(street="", house_number="1", postcode="8820", municipality="Torhout")
    assert isinstance(caught.value, ValueError)


@given(
    st.sampled_from(TEXT_FIELDS),
    formatted(st.one_of(national_numbers(), bis_numbers())),
    st.sampled_from(("{}", "nr {}", "{}@example.be")),
)
def test_national_and_bis_numbers_are_caught_in_every_field(
    path: str, number: str, shape: str
) -> None:
    value = shape.format(number)
    found = problems_of(with_value(path, value))
    assert found[path] == (
        {"TOO_LONG"} if len(value) > MAX_LENGTHS[path] else {"FORBIDDEN_IDENTIFIER"}
    )


@pytest.mark.parametrize("path", TEXT_FIELDS)
@pytest.mark.parametrize("value", ["BE71 0961 2345 6769", "BE 0212.175.523"])
def test_iban_and_kbo_are_caught_in_every_field_long_enough(path: str, value: str) -> None:
    found = problems_of(with_value(path, value))
    assert found[path] == (
        {"TOO_LONG"} if len(value) > MAX_LENGTHS[path] else {"FORBIDDEN_IDENTIFIER"}
    )


@pytest.mark.parametrize("path", TEXT_FIELDS)
def test_an_oversized_field_gets_its_length_code_not_a_guard_scan(path: str) -> None:
    # Two megabytes of IBAN-shaped text: refused by the field's length rule, unread.
    found = problems_of(with_value(path, "BE71 0961 2345 6769 " * 100_000))
    assert found[path] == {"TOO_LONG"}


@pytest.mark.parametrize(
    ("street", "house_number", "box"),
    [
        ("Kerkstraat 850730", "033-28", None),
        ("Kerkstraat 85.07.30", "033/28", None),
        ("Kerkstraat 8507300", "3328", None),
        ("Kerkstraat", "85073", "003328"),
        ("Kerkstraat 85.07.30-033", "28", None),
    ],
)
def test_an_identifier_cut_over_street_house_number_and_box_is_caught(
    street: str, house_number: str, box: str | None
) -> None:
    address = {**ADDRESS, "street": street, "house_number": house_number, "box": box}
    assert problems_of({**CLIENT, "address": address}) == {
        "address.house_number": {"FORBIDDEN_IDENTIFIER"}
    }


def test_a_national_phone_number_is_not_mistaken_for_a_kbo_number() -> None:
    # 0212175523 passes the KBO check, yet it is a valid Brussels-region phone number.
    client = ClientData.model_validate(with_value("phone", "02 217 55 23"))
    assert client.phone == "+3222175523"


@given(
    st.sampled_from(TEXT_FIELDS),
    st.text(min_size=1, max_size=30).map(lambda text: f"{text}Жξ"),
    st.sampled_from(((), ("",), ("address",))),
    st.text(max_size=30).map(lambda text: f"{text}Жξ"),
)
def test_no_personal_value_in_any_error_message_or_repr(
    path: str, value: str, where: tuple[str, ...], key: str
) -> None:
    data = with_value(path, value)
    if where:  # an unknown key, at the top or inside the address, holding personal data
        (data[where[0]] if where[0] else data)[key] = value
    try:
        client = ClientData.model_validate(data)
    except InvalidInput as error:
        shown = [str(error), repr(error), *map(str, error.problems)]
    else:
        shown = [repr(client), str(client), repr(client.address), str(client.address)]
    for text in shown:
        assert "Жξ" not in text
        assert value not in text
        assert key not in text


@given(client_data())
def test_repr_and_str_of_valid_client_data_name_no_value(client: ClientData) -> None:
    values = [client.first_name, client.last_name, client.address.street, client.phone]
    shown = repr(client) + str(client) + repr(client.address)
    for value in filter(None, values):
        assert value not in shown


@pytest.mark.parametrize("country", ["BE", "NL", "FR", "DE", "XK"])
def test_a_country_is_a_known_alpha_2_code(country: str) -> None:
    address = {**ADDRESS, "postcode": "1234", "country": country}
    assert ClientData.model_validate({**CLIENT, "address": address}).address.country == country


@pytest.mark.parametrize("country", ["XX", "ZZ", "AA", "be", "BEL", "001", "EU"])
def test_an_unknown_country_code_is_refused(country: str) -> None:
    address = {**ADDRESS, "postcode": "1234", "country": country}
    assert problems_of({**CLIENT, "address": address}) == {"address.country": {"INVALID_COUNTRY"}}


# --- Belgian house numbers with their box (issue 13) --------------------------------------


@pytest.mark.parametrize(
    ("written", "number", "box"),
    [
        ("12 bus 3", "12", "3"),
        ("12/3", "12", "3"),
        ("12 / 3", "12", "3"),
        ("12 b 3", "12", "3"),
        ("12 bte 3", "12", "3"),
        ("12 bte. 3", "12", "3"),
        ("12, bus 3", "12", "3"),
        ("12 BUS A1", "12", "A1"),
        ("12A bus 3", "12A", "3"),
        ("12-14 bus 2", "12-14", "2"),
        ("12A", "12A", None),
        ("12-14", "12-14", None),
        ("12 b", "12 b", None),
    ],
)
def test_a_box_written_in_the_house_number_is_split_off(
    written: str, number: str, box: str | None
) -> None:
    address = Address(**{**ADDRESS, "house_number": written})
    assert (address.house_number, address.box) == (number, box)


@pytest.mark.parametrize("box", ["bus 3", "Bus 3", "bte 3", "b 3", "/3", "3"])
def test_a_box_given_with_its_marker_keeps_only_the_box(box: str) -> None:
    assert Address(**{**ADDRESS, "box": box}).box == "3"


def test_a_box_that_differs_from_the_one_in_the_number_is_a_conflict() -> None:
    with pytest.raises(InvalidInput) as caught:
        Address(**{**ADDRESS, "house_number": "12 bus 3", "box": "4"})
    assert [(p.path, p.code) for p in caught.value.problems] == [("box", "BOX_CONFLICT")]
    same = Address(**{**ADDRESS, "house_number": "12 bus 3", "box": "bus 3"})
    assert (same.house_number, same.box) == ("12", "3")


@pytest.mark.parametrize(("field", "value"), [("house_number", "12 bus"), ("box", "bus")])
def test_a_marker_without_its_box_is_refused(field: str, value: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        Address(**{**ADDRESS, field: value})
    assert caught.value.problems[0].path == field


_MARKS = st.sampled_from([" bus ", "/", " / ", " b ", " bte ", " bte. ", ", bus ", " BUS "])
_NUMBERS = st.builds(
    lambda n, suffix: f"{n}{suffix}",
    st.integers(1, 99999),
    st.sampled_from(["", "A", "b", "bis", "-7", " A"]),
)
_BOXES = st.from_regex(r"[1-9][0-9]{0,3}|[A-Z][0-9]{0,2}|[0-9]\.[0-9]{1,2}", fullmatch=True)


@given(_NUMBERS, _MARKS, _BOXES)
def test_house_number_parsing_round_trips(number: str, mark: str, box: str) -> None:
    # Law: number + any Belgian box marker + box parses back to (number, box), and the
    # Dutch text of the address names the box once ("12 bus 3", never "bus bus 3").
    address = Address(**{**ADDRESS, "house_number": f"{number}{mark}{box}"})
    assert (address.house_number, address.box) == (number, box)
    again = Address(**{**ADDRESS, "house_number": address.house_number, "box": f"bus {box}"})
    assert again == address
    assert Address.model_validate_json(address.model_dump_json()) == address
