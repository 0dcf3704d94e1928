"""A hostile-input battery through HTTP: every bad value is a 400 naming its field.

Each case is its own test. The lesson page, the widget and the JSON API share one
parser, so every case is sent to all three: the page and the widget must answer 400
with the message next to the field (``id="<field>-error"``) and echo no markup; the
API must answer 400 with ``errors`` naming exactly that field. Never a 500.

The page and the widget get the battery in English, German and Spanish. A decimal comma
(``4,5``) is valid in German and Spanish, so there it is left out and the comma's own
malformed forms (``4,5,6``, ``1.000,5``) come in.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from html_checks import inline_problems
from markupsafe import escape

NUMBER_FIELDS = ("height", "weight", "w1", "w2", "b")
CHOICE_FIELDS = ("height_unit", "weight_unit", "activation")
LONG = "9" * 10_000

# Bad for every number, whatever its range.
BAD_NUMBERS = [
    "",
    " ",
    "   ",
    "nan",
    "NaN",
    "-nan",
    "inf",
    "-inf",
    "+inf",
    "Infinity",
    "-Infinity",
    "1e309",
    "-1e309",
    "1e99999",
    "٤",  # Arabic-Indic four
    "४",  # Devanagari four
    "１",  # fullwidth one
    "4\u00a0",  # no-break space
    "\u20034",  # em space
    "1_0",
    "1_000",
    "0x1",
    "0X1F",
    "0b1",
    "0o7",
    "4,5",
    "1,000",
    ",5",
    "1e",
    "e5",
    "1e+",
    ".",
    "+",
    "-",
    "--1",
    "+-1",
    "1..2",
    "1.2.3",
    "1 2",
    "\t1",
    "1\n",
    "1\x00",
    "1/2",
    "1%",
    "$1",
    "1j",
    "None",
    "null",
    "true",
    "[1]",
    "1;",
    LONG,
    "1" * 65,  # one over the 64-character cap
    "<script>alert(1)</script>",
    '"><script>alert(1)</script>',
    "<img src=x onerror=alert(1)>",
    '" onfocus="alert(1)" autofocus="',
    "' onmouseover='alert(1)",
    "{{ 7*7 }}",
    "{% print(1) %}",
    "${7*7}",
    "</textarea><b>x</b>",
    "&lt;script&gt;",
]
# Out of range for each field (limits are inclusive; default units ft and kg), and
# weights so large that z would overflow: the range rejects them first.
OUT_OF_RANGE = {
    "height": ["0", "-0", "-1", "10.000001", "11", "1e308", "0e5", "1e-160", "5e-324"],
    "weight": ["0", "-80", "700.0000001", "701", "1e308", "-1e-300"],
    "w1": ["1000000.0001", "-1000001", "1e7", "1e300", "-1.7976931348623157e308"],
    "w2": ["1000001", "-1e601", "1e300", "1.7976931348623157e308", "-2e6"],
    "b": ["1000000.5", "-1e7", "1e300", "-1e308", "9" * 40],
}
BAD_CHOICES = [
    "",
    " ",
    "0",
    "1",
    "-1",
    "nan",
    "null",
    "None",
    "true",
    "*",
    "..",
    "../etc/passwd",
    "\tx",
    "x\n",
    "x\x00",
    "ｆｔ",  # fullwidth
    "σ",
    "__class__",
    "__init__",
    "constructor",
    "toString",
    "keys",
    "[0]",
    "a,b",
    "a|b",
    "a;b",
    "a b",
    "%",
    LONG,
    "x" * 65,
    "<script>alert(1)</script>",
    '"><script>alert(1)</script>',
    "<img src=x onerror=alert(1)>",
    '" onfocus="alert(1)" autofocus="',
    "' onmouseover='alert(1)",
    "{{ 7*7 }}",
    "{% print(1) %}",
    "${7*7}",
    "</select><b>x</b>",
    "&lt;b&gt;",
]
# Near misses: right idea, wrong spelling (case, plural, other field's choice).
NEAR_MISSES = {
    "height_unit": ["FT", "Ft", "feet", "foot", "inch", "IN", "CM", "mm", "km", "M", "kg", "yd"],
    "weight_unit": ["KG", "Kg", "lbs", "LB", "pound", "kilo", "g", "st", "oz", "ft", "kgs"],
    "activation": [
        "Sigmoid",
        "SIGMOID",
        "sigmoid()",
        "softmax",
        "relu6",
        "leaky_relu",
        "Tanh",
        "ReLU",
        "identity",
        "heaviside",
        "gelu",
    ],
}
# Bad in German and Spanish too, where a decimal comma is fine.
BAD_WITH_A_COMMA = ["4,5,6", "1.000,5", "4,5e3", ",", "1,,5", "4, 5", ",5,", "0,5%", "1 000,5"]
LANGUAGES = ("en", "de", "es")
ERROR_PREFIX = {"en": "Error: ", "de": "Fehler: ", "es": "Error: "}
# Raw query strings: invalid UTF-8 escapes and a parameter given twice.
RAW_QUERIES = ["%ff", "%c3%28", "%80", "%e2%82", "1%ed%a0%80", "%f0%28%8c%bc", "%fe%fe%ff%ff"]


def _comma_decimal(value: str) -> bool:
    return re.fullmatch(r"[+-]?(?:[0-9]+,[0-9]*|,[0-9]+)", value.strip(" ")) is not None


def _cases(language: str = "en") -> list[tuple[str, str, str | None]]:
    """(field, raw query string, what the form shows back) for every case.

    Values are quoted here and the query is sent as is. A number field shows the
    value back as typed (trimmed, at most 64 characters), escaped.
    """
    cases: list[tuple[str, str, str | None]] = []
    numbers = BAD_NUMBERS
    if language != "en":
        numbers = [v for v in BAD_NUMBERS if not _comma_decimal(v)] + BAD_WITH_A_COMMA
    for field in NUMBER_FIELDS:
        for value in numbers + OUT_OF_RANGE[field]:
            shown = str(escape(value.strip(" ")[:64]))
            cases.append((field, f"{field}={quote(value, safe='')}", shown))
        cases += [(field, f"{field}={raw}", None) for raw in RAW_QUERIES]
        cases += [(field, f"{field}=1&{field}=1", None), (field, f"{field}=1&{field}=", None)]
    for field in CHOICE_FIELDS:
        values = BAD_CHOICES + NEAR_MISSES[field]
        cases += [(field, f"{field}={quote(value, safe='')}", None) for value in values]
        cases += [(field, f"{field}={raw}", None) for raw in RAW_QUERIES]
        ok = {"height_unit": "ft", "weight_unit": "kg", "activation": "tanh"}[field]
        cases += [(field, f"{field}={ok}&{field}={again}", None) for again in (ok, "")]
    return cases


CASES = _cases()
# (language, field, query, shown): the battery as the page and the widget get it.
PAGE_CASES = [(code, *case) for code in LANGUAGES for case in _cases(code)]
# The battery shares module_client: bad input never sets a cookie, and a fresh app per
# case would spend most of the run compiling templates.


_ERROR_ID = re.compile(r'id="([a-z0-9_]+)-error"')


def _ids() -> list[str]:
    return [f"{field}:{query[:40]}" for field, query, _ in CASES]


def _page_ids() -> list[str]:
    return [f"{code}:{field}:{query[:40]}" for code, field, query, _ in PAGE_CASES]


def _in(code: str, query: str) -> str:
    return query if code == "en" else f"{query}&lang={code}"


def test_the_battery_is_big_enough():
    for field in NUMBER_FIELDS + CHOICE_FIELDS:
        assert sum(1 for name, _, _ in CASES if name == field) >= 40, field


def _assert_no_echoed_markup(html: str) -> None:
    assert inline_problems(html) == []
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>x</b>" not in html
    assert LONG not in html  # a huge value is never echoed back whole


def test_the_battery_is_big_enough_in_every_language():
    for code in LANGUAGES:
        assert sum(1 for c, *_ in PAGE_CASES if c == code) >= 40 * 8, code
        comma = [q for c, f, q, _ in PAGE_CASES if c == code and q == f"{f}=4%2C5"]
        assert len(comma) == (len(NUMBER_FIELDS) if code == "en" else 0), code


@pytest.mark.parametrize(("code", "field", "query", "shown"), PAGE_CASES, ids=_page_ids())
def test_the_page_answers_400_with_the_fields_message(module_client, code, field, query, shown):
    response = module_client.get(f"/?{_in(code, query)}")
    assert response.status_code == 400
    assert "Set-Cookie" not in response.headers
    html = response.get_data(as_text=True)
    assert f'<html lang="{code}"' in html
    assert set(_ERROR_ID.findall(html)) == {field}
    message = re.search(rf'<p class="field-error" id="{field}-error">(.*?)</p>', html, re.S)
    assert message is not None and f"{ERROR_PREFIX[code]}</span>" in message.group(1)
    assert message.group(1).split("</span>", 1)[1].strip()
    assert f'aria-describedby="{field}-error' in html
    if shown is not None:  # the learner's input comes back, escaped, to be corrected
        assert f'id="{field}" name="{field}" type="text" value="{shown}"' in html
    _assert_no_echoed_markup(html)


@pytest.mark.parametrize(("code", "field", "query", "shown"), PAGE_CASES, ids=_page_ids())
def test_the_widget_answers_400_with_the_fields_message(module_client, code, field, query, shown):
    response = module_client.get(f"/embed?{_in(code, query)}")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert set(_ERROR_ID.findall(html)) == {field}
    _assert_no_echoed_markup(html)


@pytest.mark.parametrize(("field", "query", "shown"), CASES, ids=_ids())
def test_the_api_answers_400_naming_the_field(module_client, field, query, shown):
    response = module_client.get(f"/api/v1/neuron?{query}")
    assert response.status_code == 400
    assert response.is_json
    errors = response.get_json()["errors"]
    assert set(errors) == {field}
    assert errors[field]
    assert LONG not in response.get_data(as_text=True)
