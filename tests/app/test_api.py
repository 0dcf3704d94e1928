"""The JSON API through the Flask test client: status first, then content.

Every answer is also checked against the OpenAPI document (openapi_check), and the
numbers against an independent reference, mpmath at 50 digits. The body parser and the
results without Flask: tests/unit/test_api_results.py.
"""

from __future__ import annotations

import io
import json
import math
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import mpmath
import numpy as np
import pytest
from flask.testing import FlaskClient
from hypothesis import given, settings
from hypothesis import strategies as st
from openapi_check import strict_json, validate_answer

from webapp.api.body import MAX_BODY_BYTES, MAX_INPUTS
from webapp.api.results import trace_json
from webapp.lesson.activations import ACTIVATIONS
from webapp.lesson.neuron import forward
from webapp.lesson.params import MAX_ABS_PARAMETER, PARAMETER_ORDER, parse_lesson, query_string
from webapp.lesson.units import HEIGHT_UNITS, MAX_HEIGHT, MAX_WEIGHT, METRES_PER_FOOT, WEIGHT_UNITS

NEURON = "/api/v1/neuron"
EXAMPLE = {"x": [4, 80], "w": [0.2, 0.00001], "b": 1}


def get(client: FlaskClient, query: str = "") -> tuple[Any, Any]:
    """GET the lesson neuron; the answer must match the document."""
    response = client.get(f"{NEURON}?{query}" if query else NEURON)
    return response, validate_answer(response, NEURON, "GET")


def post(client: FlaskClient, body: Any = None, *, data: bytes | None = None, **kw: Any):
    """POST a neuron (a value to encode, or raw bytes); the answer must match the document."""
    if data is None:
        data = json.dumps(body).encode()
    kw.setdefault("content_type", "application/json")
    response = client.post(NEURON, data=data, **kw)
    return response, validate_answer(response, NEURON, "POST")


# --- GET: the lesson's neuron -------------------------------------------------------


def test_get_without_parameters_answers_the_worked_example(client):
    response, body = get(client)
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    expected = forward([4, 80], [0.2, 0.00001], 1, ACTIVATIONS["sigmoid"])
    # full precision: exactly the service's floats, not rounded ones
    assert body["x"] == [4.0, 80.0]
    assert body["w"] == [0.2, 0.00001]
    assert body["b"] == 1.0
    assert body["products"] == list(expected.products)
    assert body["weighted_sum"] == expected.weighted_sum
    assert body["z"] == expected.z
    assert body["output"] == expected.output
    assert body["intermediates"] == dict(expected.intermediates)
    assert round(body["z"], 4) == 1.8008 and round(body["output"], 4) == 0.8582
    assert body["output"] != round(body["output"], 4)  # not rounded
    assert body["activation"] == "sigmoid"
    assert body["threshold"] == 0.5 and body["decision"] is True
    assert body["label"] == "Obese"
    assert round(body["bmi"], 1) == 53.8
    assert body["bmi_check"] == {
        "height_m": 4 * METRES_PER_FOOT,
        "who_class": "Obese",
        "obese": True,
        "agrees": True,
    }
    assert list(body["parameters"]) == list(PARAMETER_ORDER)


def test_get_links_are_absolute_and_name_every_parameter(client):
    response, body = get(client, "height=170&height_unit=cm&weight=176&weight_unit=lb&w1=-0.3")
    assert response.status_code == 200
    share, embed = urlsplit(body["share_url"]), urlsplit(body["embed_url"])
    assert (share.scheme, share.netloc, share.path) == ("http", "localhost", "/")
    assert (embed.scheme, embed.netloc, embed.path) == ("http", "localhost", "/embed")
    names = [name for name, _ in parse_qsl(share.query)]
    assert names == list(PARAMETER_ORDER)
    assert share.query == embed.query == query_string(body["parameters"])
    assert dict(parse_qsl(share.query))["height"] == "170"
    # the link opens the same result on the page
    page = client.get(share.path + "?" + share.query)
    assert page.status_code == 200


def test_get_converts_units_like_the_page(client):
    response, body = get(client, "height=170&height_unit=cm&weight=176&weight_unit=lb")
    assert response.status_code == 200
    assert body["x"] == [170 / HEIGHT_UNITS["cm"], 176 * WEIGHT_UNITS["lb"]]
    assert body["parameters"]["height"] == "170"
    assert body["parameters"]["weight_unit"] == "lb"


@pytest.mark.parametrize(
    "query",
    [
        "height=nan",
        "height=4,5",
        "weight=0",
        "weight=701",
        "height=11",
        "w1=1e309",
        "w2=1_000",
        "b=0x10",
        "b=1000001",
        "activation=softmax",
        "height_unit=yd",
        "height=4&height=5",
        "height=" + "9" * 65,
        "height=&weight=&w1=abc&activation=",
    ],
)
def test_get_errors_come_from_the_same_parser_as_the_page(client, query):
    response, body = get(client, query)
    assert response.status_code == 400
    expected = parse_lesson(dict(_multi(query))).errors
    assert expected  # the case is really invalid
    assert body == {"errors": expected}
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def _multi(query: str) -> dict[str, list[str]]:
    args: dict[str, list[str]] = {}
    for name, value in parse_qsl(query, keep_blank_values=True):
        args.setdefault(name, []).append(value)
    return args


def test_get_ignores_unknown_parameters(client):
    response, body = get(client, "colour=blue&w1=0.5")
    assert response.status_code == 200
    assert body["w"][0] == 0.5


@pytest.mark.parametrize("height", ["5e-324", "1e-160", "1e-200"])
def test_get_refuses_a_height_too_small_for_a_finite_bmi(client, height):
    # BMI = kg / m² would divide by zero or overflow: a 400 naming height, never a 500.
    response, body = get(client, f"height={height}")
    assert response.status_code == 400
    assert list(body["errors"]) == ["height"]


@pytest.mark.parametrize("activation", list(ACTIVATIONS))
def test_get_every_activation(client, activation):
    response, body = get(client, f"activation={activation}&b=-3")
    assert response.status_code == 200
    act = ACTIVATIONS[activation]
    assert (body["activation"], body["formula"], body["output_range"]) == (
        act.name,
        act.formula,
        act.output_range,
    )
    assert body["threshold"] == act.threshold
    assert body["decision"] is (body["output"] >= act.threshold)
    assert body["label"] == ("Obese" if body["decision"] else "Not Obese")


def test_get_sets_no_cookie_and_head_works(client):
    response = client.get(NEURON + "?w1=1")
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    head = client.head(NEURON)
    assert head.status_code == 200
    assert head.get_data() == b""


# --- POST: any neuron ----------------------------------------------------------------


def test_post_the_example(client):
    # conftest enables CSRF: the API must not need a token
    response, body = post(client, {**EXAMPLE, "activation": "sigmoid"})
    assert response.status_code == 200
    assert body == trace_json(forward(**EXAMPLE))
    assert body["z"] == 0.8008000000000001 + 1  # full float precision
    assert round(body["output"], 4) == 0.8582
    assert set(body) >= {"x", "w", "b", "activation", "products", "weighted_sum", "z"}
    assert "label" not in body and "share_url" not in body
    assert "Set-Cookie" not in response.headers
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_post_activation_defaults_to_sigmoid(client):
    response, body = post(client, EXAMPLE)
    assert response.status_code == 200
    assert body["activation"] == "sigmoid"


@pytest.mark.parametrize("n", [1, 2, MAX_INPUTS])
def test_post_any_number_of_inputs(client, n):
    rng = np.random.default_rng(n)
    x, w = rng.normal(size=n).tolist(), rng.normal(size=n).tolist()
    response, body = post(client, {"x": x, "w": w, "b": 0.5, "activation": "tanh"})
    assert response.status_code == 200
    assert body["x"] == x and body["w"] == w
    assert len(body["products"]) == n
    assert body == trace_json(forward(x, w, 0.5, ACTIVATIONS["tanh"]))


def test_post_integers_and_the_limits_are_accepted(client):
    big = MAX_ABS_PARAMETER
    response, body = post(client, {"x": [big, -big, 0], "w": [big, big, -0.0], "b": -big})
    assert response.status_code == 200
    assert body["z"] == -big
    assert body["products"] == [big * big, -big * big, -0.0]


@pytest.mark.parametrize("activation", list(ACTIVATIONS))
@pytest.mark.parametrize("sign", [1, -1])
def test_post_extreme_values_stay_finite(client, activation, sign):
    # 1,000 products of 10¹² each: z = ±10¹⁵, far past where e^z overflows.
    n = MAX_INPUTS
    body = {"x": [MAX_ABS_PARAMETER] * n, "w": [sign * MAX_ABS_PARAMETER] * n, "b": 0}
    response, answer = post(client, {**body, "activation": activation})
    assert response.status_code == 200
    assert answer["z"] == sign * 1e15
    assert all(math.isfinite(v) for v in answer["intermediates"].values())
    assert b"NaN" not in response.get_data() and b"Infinity" not in response.get_data()


# --- POST: hostile bodies ------------------------------------------------------------

HOSTILE = [
    # (id, raw body, the fields the errors must name)
    ("strings", b'{"x": ["4", "80"], "w": [0.2, 1], "b": 1}', {"x"}),
    ("booleans", b'{"x": [true, 80], "w": [0.2, 1], "b": false}', {"x", "b"}),
    ("nested arrays", b'{"x": [[4], [80]], "w": [0.2, 1], "b": 1}', {"x"}),
    ("null values", b'{"x": null, "w": [null], "b": null}', {"x", "w", "b"}),
    ("null body", b"null", {"body"}),
    ("array body", b"[4, 80]", {"body"}),
    ("string body", b'"x"', {"body"}),
    ("NaN literal", b'{"x": [NaN], "w": [1], "b": 1}', {"x"}),
    ("Infinity", b'{"x": [1], "w": [Infinity], "b": -Infinity}', {"w", "b"}),
    ("1e400", b'{"x": [1e400], "w": [1], "b": 1}', {"x"}),
    ("huge integer", b'{"x": [1' + b"0" * 5000 + b'], "w": [1], "b": 1}', {"x"}),
    ("over the limit", b'{"x": [1000000.5], "w": [1], "b": -1e7}', {"x", "b"}),
    ("empty arrays", b'{"x": [], "w": [], "b": 1}', {"x", "w"}),
    ("lengths differ", b'{"x": [1, 2], "w": [1], "b": 1}', {"w"}),
    ("missing fields", b"{}", {"x", "w", "b"}),
    ("unknown activation", b'{"x": [1], "w": [1], "b": 1, "activation": "soft"}', {"activation"}),
    ("activation array", b'{"x": [1], "w": [1], "b": 1, "activation": ["relu"]}', {"activation"}),
    ("activation null", b'{"x": [1], "w": [1], "b": 1, "activation": null}', {"activation"}),
    ("unknown field", b'{"x": [1], "w": [1], "b": 1, "activaton": "relu"}', {"body"}),
    ("duplicate field", b'{"x": [1], "w": [1], "b": 1, "b": 2}', {"b"}),
    ("object for x", b'{"x": {"0": 1}, "w": [1], "b": 1}', {"x"}),
    ("empty body", b"", {"body"}),
    ("whitespace body", b"  \n ", {"body"}),
    ("invalid JSON", b'{"x": [1, 2,], "w": [1, 2], "b": 1}', {"body"}),
    ("truncated JSON", b'{"x": [1, 2], "w"', {"body"}),
    ("not UTF-8", b'{"x": [1], "w": [1], "b": "\xff"}', {"body"}),
    ("deep nesting", b"[" * 200_000, {"body"}),
    ("deep nesting in x", b'{"x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", {"body"}),
]


@pytest.mark.parametrize(("data", "fields"), [h[1:] for h in HOSTILE], ids=[h[0] for h in HOSTILE])
def test_post_hostile_bodies_get_a_400_per_field(client, data, fields):
    response, body = post(client, data=data)
    assert response.status_code == 400
    assert set(body["errors"]) == fields
    assert all(isinstance(m, str) and m.endswith(".") for m in body["errors"].values())
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_post_1001_inputs_is_refused(client):
    n = MAX_INPUTS + 1
    response, body = post(client, {"x": [1.0] * n, "w": [1.0] * n, "b": 0})
    assert response.status_code == 400
    assert set(body["errors"]) == {"x", "w"}
    assert "1,001" in body["errors"]["x"] and "1,000" in body["errors"]["x"]


def test_post_messages_name_the_element(client):
    response, body = post(client, data=b'{"x": [1, 2, "3"], "w": [1, 2, 3], "b": 1}')
    assert response.status_code == 400
    assert body["errors"]["x"] == "x[2] must be a number, not a string."
    response, body = post(client, data=b'{"x": [1, NaN], "w": [1, 2], "b": 1}')
    assert response.status_code == 400
    assert body["errors"]["x"].startswith("x[1] is NaN")


def test_post_unknown_field_names_are_shortened_and_counted(client):
    names = {f"{'k' * 100}{i}": i for i in range(8)}
    response, body = post(client, {**EXAMPLE, **names})
    assert response.status_code == 400
    message = body["errors"]["body"]
    assert "and 3 more" in message
    assert len(message) < 400


@pytest.mark.parametrize(
    "content_type",
    [None, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data"],
)
def test_post_a_body_that_is_not_json_gets_a_415(client, content_type):
    data = json.dumps(EXAMPLE).encode()
    kw = {"content_type": content_type} if content_type else {}
    response = client.post(NEURON, data=data, **kw)
    body = validate_answer(response, NEURON, "POST")
    assert response.status_code == 415
    assert set(body["errors"]) == {"body"}


def test_post_json_with_a_charset_is_accepted(client):
    response, _ = post(client, EXAMPLE, content_type="application/json; charset=utf-8")
    assert response.status_code == 200


def test_post_a_body_over_the_limit_gets_a_413(client):
    data = b'{"x": [1], "w": [1], "b": 1}'
    exact = data[:-1] + b" " * (MAX_BODY_BYTES - len(data)) + b"}"
    assert len(exact) == MAX_BODY_BYTES
    response, _ = post(client, data=exact)
    assert response.status_code == 200
    response, body = post(client, data=exact + b" ")
    assert response.status_code == 413
    assert set(body["errors"]) == {"body"}


@pytest.mark.parametrize(("size", "status"), [(MAX_BODY_BYTES, 200), (MAX_BODY_BYTES + 1, 413)])
def test_post_a_chunked_body_is_bounded_too(client, size, status):
    # No Content-Length (as gunicorn passes a chunked request): the limit still holds.
    data = b'{"x": [1], "w": [1], "b": 1}'
    data = data[:-1] + b" " * (size - len(data)) + b"}"
    response = client.post(
        NEURON,
        input_stream=io.BytesIO(data),
        content_type="application/json",
        headers={"Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert response.status_code == status
    validate_answer(response, NEURON, "POST")


# --- Methods and CORS ----------------------------------------------------------------


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE"])
@pytest.mark.parametrize("path", [NEURON, "/api/v1/openapi.json"])
def test_other_methods_get_a_405_with_allow(client, method, path):
    response = client.open(path, method=method)
    body = validate_answer(response, path, method)
    assert response.status_code == 405
    allowed = {m.strip() for m in response.headers["Allow"].split(",")}
    assert {"GET", "HEAD", "OPTIONS"} <= allowed
    assert ("POST" in allowed) is (path == NEURON)
    assert set(body["errors"]) == {"request"}
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_cors_preflight_allows_any_origin_to_post_json(client):
    response = client.options(
        NEURON,
        headers={
            "Origin": "https://notebook.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    methods = {m.strip() for m in response.headers["Access-Control-Allow-Methods"].split(",")}
    assert {"GET", "POST"} <= methods
    assert response.headers["Access-Control-Allow-Headers"].lower() == "content-type"
    assert "Access-Control-Allow-Credentials" not in response.headers


def test_cors_is_only_for_the_api(client):
    response = client.get("/", headers={"Origin": "https://elsewhere.example"})
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response.headers
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert set(strict_json(response.get_data())["errors"]) == {"request"}


# --- Values against mpmath -----------------------------------------------------------

mpmath.mp.dps = 50
REL = 1e-12
TINY = 1e-300  # below this float64 is subnormal or zero: compare absolutely
# The property-based tests use module_app: Hypothesis refuses per-test fixtures.


def close(actual: float, reference: Any, *, scale: Any = None) -> bool:
    """|actual − reference| ≤ 1e-12 · (scale or |reference|), or ≤ 1e-300 absolutely."""
    bound = abs(mpmath.mpf(scale if scale is not None else reference)) * REL
    return abs(mpmath.mpf(actual) - reference) <= max(bound, TINY)


def reference_output(name: str, z: Any) -> Any:
    if name == "sigmoid":
        return 1 / (1 + mpmath.exp(-z))
    if name == "tanh":
        return mpmath.tanh(z)
    if name == "relu":
        return max(mpmath.mpf(0), z)
    if name == "step":
        return mpmath.mpf(1 if z >= 0 else 0)
    return z


def check_against_mpmath(answer: dict[str, Any], x: list[float], w: list[float], b: float):
    """Every step to 1e-12 against mpmath, each at the input the API used for it."""
    name = answer["activation"]
    terms = [mpmath.mpf(xi) * mpmath.mpf(wi) for xi, wi in zip(x, w, strict=True)]
    for got, exact in zip(answer["products"], terms, strict=True):
        assert close(got, exact), (got, exact)
    # A sum can cancel: its error is bounded by the size of the terms, not of the sum.
    size = mpmath.fsum(abs(t) for t in terms)
    assert close(answer["weighted_sum"], mpmath.fsum(terms), scale=size)
    assert close(answer["z"], mpmath.fsum(terms) + b, scale=size + abs(b))
    z = mpmath.mpf(answer["z"])  # the activation's steps, at the z the API computed
    assert close(answer["output"], reference_output(name, z)), (name, answer["output"])
    steps = answer["intermediates"]
    if "exp_neg_z" in steps:
        assert close(steps["exp_neg_z"], mpmath.exp(-z))
    if "exp_z" in steps:
        assert close(steps["exp_z"], mpmath.exp(z))
    if name == "sigmoid":
        assert set(steps) in ({"exp_neg_z", "denominator"}, {"exp_z", "denominator"})
        e = mpmath.exp(-z) if "exp_neg_z" in steps else mpmath.exp(z)
        assert close(steps["denominator"], 1 + e)
    if name == "tanh" and steps:
        both = mpmath.exp(z) + mpmath.exp(-z)
        assert close(steps["denominator"], both)
        # e^z − e^(−z) cancels near 0: the error is relative to the operands' size
        assert close(steps["numerator"], mpmath.exp(z) - mpmath.exp(-z), scale=both)
    if name in ("relu", "step", "linear"):
        assert steps == {}
    assert answer["decision"] is (answer["output"] >= ACTIVATIONS[name].threshold)


moderate = st.floats(-50, 50, allow_nan=False, allow_infinity=False)
bounded = st.floats(-MAX_ABS_PARAMETER, MAX_ABS_PARAMETER, allow_nan=False)


@settings(max_examples=60, deadline=None, database=None)
@given(
    n=st.integers(1, 12),
    data=st.data(),
    activation=st.sampled_from(list(ACTIVATIONS)),
    b=moderate,
)
def test_post_values_against_mpmath(module_app, n, data, activation, b):
    x = data.draw(st.lists(moderate, min_size=n, max_size=n))
    w = data.draw(st.lists(st.floats(-2, 2, allow_nan=False), min_size=n, max_size=n))
    response = module_app.test_client().post(
        NEURON, json={"x": x, "w": w, "b": b, "activation": activation}
    )
    answer = validate_answer(response, NEURON, "POST")
    assert response.status_code == 200
    check_against_mpmath(answer, x, w, b)


@settings(max_examples=40, deadline=None, database=None)
@given(
    x=st.lists(bounded, min_size=1, max_size=30),
    activation=st.sampled_from(list(ACTIVATIONS)),
    b=bounded,
    data=st.data(),
)
def test_post_values_against_mpmath_over_the_whole_range(module_app, x, activation, b, data):
    w = data.draw(st.lists(bounded, min_size=len(x), max_size=len(x)))
    response = module_app.test_client().post(
        NEURON, json={"x": x, "w": w, "b": b, "activation": activation}
    )
    answer = validate_answer(response, NEURON, "POST")
    assert response.status_code == 200
    check_against_mpmath(answer, x, w, b)


@pytest.mark.parametrize("activation", list(ACTIVATIONS))
def test_post_seeded_random_neurons_against_mpmath(client, activation):
    rng = np.random.default_rng(20240607)
    for _ in range(15):
        n = int(rng.integers(1, 200))
        scale = 10.0 ** rng.uniform(-3, 2)
        x = (rng.normal(size=n) * scale).tolist()
        w = rng.normal(size=n).tolist()
        b = float(rng.normal())
        response, answer = post(client, {"x": x, "w": w, "b": b, "activation": activation})
        assert response.status_code == 200
        check_against_mpmath(answer, x, w, b)


@settings(max_examples=40, deadline=None, database=None)
@given(
    height_unit=st.sampled_from(list(HEIGHT_UNITS)),
    weight_unit=st.sampled_from(list(WEIGHT_UNITS)),
    activation=st.sampled_from(list(ACTIVATIONS)),
    data=st.data(),
)
def test_get_values_against_mpmath(module_app, height_unit, weight_unit, activation, data):
    height = data.draw(st.floats(MAX_HEIGHT[height_unit] / 20, MAX_HEIGHT[height_unit]))
    weight = data.draw(st.floats(MAX_WEIGHT[weight_unit] / 100, MAX_WEIGHT[weight_unit]))
    w1, w2, b = (data.draw(st.floats(-3, 3)) for _ in range(3))
    query = {
        "height": repr(height),
        "height_unit": height_unit,
        "weight": repr(weight),
        "weight_unit": weight_unit,
        "w1": repr(w1),
        "w2": repr(w2),
        "b": repr(b),
        "activation": activation,
    }
    response = module_app.test_client().get(NEURON, query_string=query)
    answer = validate_answer(response, NEURON, "GET")
    assert response.status_code == 200
    feet = mpmath.mpf(height) / mpmath.mpf(HEIGHT_UNITS[height_unit])
    kg = mpmath.mpf(weight) * mpmath.mpf(WEIGHT_UNITS[weight_unit])
    assert close(answer["x"][0], feet) and close(answer["x"][1], kg)
    metres = feet * mpmath.mpf(METRES_PER_FOOT)
    assert close(answer["bmi_check"]["height_m"], metres)
    assert close(answer["bmi"], kg / metres**2)
    assert answer["bmi_check"]["obese"] is (answer["bmi"] >= 30)
    check_against_mpmath(answer, answer["x"], [w1, w2], b)


# --- The README's examples are real answers ------------------------------------------


def _readme_api_examples() -> tuple[list[str], list[Any]]:
    """The curl commands of docs/api.md that are followed by the JSON they answer."""
    guide = (Path(__file__).resolve().parents[2] / "docs" / "api.md").read_text(encoding="utf-8")
    pairs = re.findall(r"```sh\n(.*?)```\n```json\n(.*?)```", guide, re.S)
    return [command for command, _ in pairs], [json.loads(answer) for _, answer in pairs]


def test_the_readme_shows_what_the_api_answers(client):
    commands, answers = _readme_api_examples()
    assert len(commands) == len(answers) == 3
    get_url = re.search(r"curl '([^']+)'", commands[0])
    assert get_url is not None
    query = urlsplit(get_url.group(1)).query
    response, body = get(client, query)
    assert response.status_code == 200
    shown = json.loads(json.dumps(answers[0]).replace("127.0.0.1:8000", "localhost"))
    assert body == shown
    for command, answer, status in ((commands[1], answers[1], 200), (commands[2], answers[2], 400)):
        sent = re.search(r"-d '([^']+)'", command)
        assert sent is not None
        response, body = post(client, data=sent.group(1).encode())
        assert response.status_code == status
        assert body == answer
