"""The one strict parser for the contract's query parameters."""

from __future__ import annotations

import pytest

from webapp.lesson.activations import ACTIVATIONS
from webapp.lesson.params import parse_lesson, parse_number, query_string


def args(**values):
    return {name: [value] for name, value in values.items()}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0.00001", 0.00001),
        ("1e-5", 0.00001),
        ("+4", 4.0),
        ("4.", 4.0),
        (".5", 0.5),
        ("  4  ", 4.0),
        ("-2.5E+2", -250.0),
        ("0", 0.0),
        ("007", 7.0),
    ],
)
def test_numbers_the_contract_accepts(text, value):
    assert parse_number(text) == value


BAD_NUMBERS = [
    ("", "empty"),
    ("   ", "empty"),
    ("nan", "finite"),
    ("NaN", "finite"),
    ("inf", "finite"),
    ("-inf", "finite"),
    ("Infinity", "finite"),
    ("1e309", "too large"),
    ("-1e309", "too large"),
    ("٤", "digits 0–9"),
    ("１", "digits 0–9"),
    ("4\u00a0", "digits 0–9"),  # a non-ASCII space is not trimmed
    ("1_000", "underscores"),
    ("0x1", "hexadecimal"),
    ("0X1F", "hexadecimal"),
    ("4,5", "use a dot"),
    ("-0,25", "use a dot"),
    ("4,", "like 4."),
    ("1,000", "write 1000 for thousands, or 1.000 with a dot"),
    ("abc", "must be a number"),
    ("4 5", "must be a number"),
    ("1e", "must be a number"),
    ("e5", "must be a number"),
    (".", "must be a number"),
    ("+-4", "must be a number"),
    ("--4", "must be a number"),
    ("4..5", "must be a number"),
    ("1.2.3", "must be a number"),
    ("\t4", "must be a number"),
    ("4\n", "must be a number"),
    ("<script>alert(1)</script>", "must be a number"),
    ("{{ 7*7 }}", "must be a number"),
    ("'\"", "must be a number"),
    ("1" * 65, "too long"),
    ("1" * 10_000, "too long"),
]


@pytest.mark.parametrize(("text", "fragment"), BAD_NUMBERS)
def test_bad_numbers_get_a_clear_message(text, fragment):
    result = parse_lesson(args(height=text))
    assert set(result.errors) == {"height"}
    assert fragment in result.errors["height"]
    assert result.errors["height"].startswith("Height")
    assert "height" not in result.values


@pytest.mark.parametrize("name", ["height", "weight", "w1", "w2", "b"])
@pytest.mark.parametrize(("text", "fragment"), BAD_NUMBERS[::4])
def test_every_number_field_names_itself(name, text, fragment):
    result = parse_lesson(args(**{name: text}))
    assert list(result.errors) == [name]
    assert fragment in result.errors[name]


@pytest.mark.parametrize(
    ("given", "field", "fragment"),
    [
        ({"height": "0"}, "height", "more than 0 and at most 10 ft"),
        ({"height": "-4"}, "height", "more than 0"),
        ({"height": "10.0001"}, "height", "at most 10 ft"),
        ({"height": "121", "height_unit": "in"}, "height", "at most 120 in"),
        ({"height": "304.81", "height_unit": "cm"}, "height", "at most 304.8 cm"),
        ({"height": "3.05", "height_unit": "m"}, "height", "at most 3.048 m"),
        ({"weight": "700.01"}, "weight", "at most 700 kg"),
        ({"weight": "1543.25", "weight_unit": "lb"}, "weight", "at most 1543.24 lb"),
        ({"weight": "0"}, "weight", "more than 0"),
        ({"w1": "1000001"}, "w1", "between −1,000,000 and 1,000,000"),
        ({"w2": "-1e7"}, "w2", "between"),
        ({"b": "1e300"}, "b", "between"),
        ({"height_unit": "yd"}, "height_unit", "one of: ft, in, cm, m"),
        ({"height_unit": "FT"}, "height_unit", "one of"),
        ({"weight_unit": "stone"}, "weight_unit", "one of: kg, lb"),
        ({"activation": "softmax"}, "activation", "one of: sigmoid, tanh, relu, step, linear"),
        ({"activation": ""}, "activation", "one of"),
    ],
)
def test_out_of_range_and_unknown_choices(given, field, fragment):
    result = parse_lesson(args(**given))
    assert field in result.errors
    assert fragment in result.errors[field]


@pytest.mark.parametrize(
    "given",
    [
        {"height": "10"},
        {"height": "120", "height_unit": "in"},
        {"height": "304.8", "height_unit": "cm"},
        {"height": "3.048", "height_unit": "m"},
        {"weight": "700"},
        {"weight": "1543.24", "weight_unit": "lb"},
        {"w1": "-1000000", "w2": "1000000", "b": "1e6"},
    ],
)
def test_limits_are_inclusive(given):
    result = parse_lesson(args(**given))
    assert result.ok, result.errors


def test_a_parameter_given_twice_is_refused():
    result = parse_lesson({"height": ["4", "5"]})
    assert "more than once" in result.errors["height"]


def test_missing_parameters_take_defaults_and_unknown_ones_are_ignored():
    result = parse_lesson({"weight": ["90"], "utm_source": ["x"]})
    assert result.ok and result.given
    assert result.values == {
        "height": 4.0,
        "height_unit": "ft",
        "weight": 90.0,
        "weight_unit": "kg",
        "w1": 0.2,
        "w2": 0.00001,
        "b": 1.0,
        "activation": ACTIVATIONS["sigmoid"],  # the registry's own: it travels as the object
    }


def test_no_parameters_is_the_example():
    result = parse_lesson({"utm_source": ["x"]})
    assert result.ok and not result.given


def test_raw_values_are_kept_as_typed_and_long_ones_are_cut():
    result = parse_lesson(args(w2=" 1e-5 ", height="9" * 100))
    assert result.raw["w2"] == "1e-5"
    assert len(result.raw["height"]) == 64


def test_the_share_query_names_every_parameter_in_contract_order():
    result = parse_lesson(args(b="2", w2="0.00001"))
    assert query_string(result.raw) == (
        "height=4&height_unit=ft&weight=80&weight_unit=kg&w1=0.2&w2=0.00001&b=2&activation=sigmoid"
    )
    assert query_string({**result.raw, "height": "+4"}).startswith("height=%2B4&")


def test_first_error_follows_form_order():
    result = parse_lesson(args(b="x", height="y"))
    assert result.first_error == "height"
