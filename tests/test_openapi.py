"""The OpenAPI document: valid 3.1, in step with the code, and schemathesis finds nothing.

The document is generated from the code's constants; these tests check it the other
way round too, through the parsers' behaviour at every documented limit, so a limit
changed in one place and not the other fails here.
"""

from __future__ import annotations

import copy
import json
import math
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from flask import Flask
from openapi_check import DOCUMENT, strict_json, validate_answer
from openapi_spec_validator import OpenAPIV31SpecValidator, validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError
from referencing.exceptions import Unresolvable

from webapp import create_app
from webapp.api.body import (
    EXAMPLE_BODY,
    FIELDS,
    MAX_BODY_BYTES,
    MAX_INPUTS,
    REQUIRED,
    parse_body,
)
from webapp.api.openapi import DOCUMENT_PATH, NEURON_PATH, TRAIN_PATH, build_document
from webapp.api.results import lesson_json, trace_json
from webapp.lesson.activations import ACTIVATIONS, DEFAULT_ACTIVATION
from webapp.lesson.neuron import forward
from webapp.lesson.params import (
    CHOICE_PARAMETERS,
    MAX_ABS_PARAMETER,
    PARAMETER_ORDER,
    choices,
    parse_lesson,
)
from webapp.lesson.params import LESSON_DEFAULTS as DEFAULTS
from webapp.lesson.units import MAX_HEIGHT, MAX_WEIGHT

SCHEMAS = DOCUMENT["components"]["schemas"]
GET_PARAMETERS = {p["name"]: p for p in DOCUMENT["paths"][NEURON_PATH]["get"]["parameters"]}


def test_the_document_is_served_and_is_valid_openapi_3_1(client):
    response = client.get(DOCUMENT_PATH)
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    document = strict_json(response.get_data())
    assert document == build_document()
    assert document["openapi"].startswith("3.1.")
    validate(document)  # detects the version from the document
    OpenAPIV31SpecValidator(document).validate()
    validate_answer(response, DOCUMENT_PATH, "GET")
    assert set(document["paths"]) == {NEURON_PATH, TRAIN_PATH, DOCUMENT_PATH}
    assert set(document["paths"][NEURON_PATH]) == {"get", "post"}


BREAKAGES = {
    "no info": lambda d: d.pop("info"),
    "a path without /": lambda d: d["paths"].update({"api": {}}),
    "parameter in body": lambda d: get_operation(d)["parameters"][0].update({"in": "body"}),
    "unknown type": lambda d: get_operation(d)["parameters"][0]["schema"].update({"type": "numbr"}),
    "status 2000": lambda d: get_operation(d)["responses"].update({"2000": {"description": "x"}}),
    "no description": lambda d: get_operation(d)["responses"]["200"].pop("description"),
    "dangling $ref": lambda d: get_operation(d)["responses"]["200"]["content"]["application/json"][
        "schema"
    ].update({"$ref": "#/components/schemas/Nothing"}),
}


def get_operation(document: dict[str, Any]) -> dict[str, Any]:
    return document["paths"][NEURON_PATH]["get"]


@pytest.mark.parametrize("breakage", list(BREAKAGES.values()), ids=list(BREAKAGES))
def test_the_validator_would_notice_a_broken_document(breakage):
    document = copy.deepcopy(DOCUMENT)
    breakage(document)
    with pytest.raises((OpenAPIValidationError, Unresolvable)):
        OpenAPIV31SpecValidator(document).validate()


def test_the_answer_check_would_notice_a_drifted_answer(app):
    answer = trace_json(forward(**EXAMPLE_BODY))

    def respond(body: Any, status: int = 200):
        return app.response_class(json.dumps(body), status=status, mimetype="application/json")

    validate_answer(respond(answer), NEURON_PATH, "POST")
    for drifted in (
        {**answer, "extra": 1},
        {k: v for k, v in answer.items() if k != "z"},
        {**answer, "output": "0.85"},
        {**answer, "activation": "softmax"},
    ):
        with pytest.raises(AssertionError):
            validate_answer(respond(drifted), NEURON_PATH, "POST")
    with pytest.raises(AssertionError):  # an undocumented status
        validate_answer(respond({"errors": {"x": "m"}}, 422), NEURON_PATH, "POST")
    with pytest.raises(AssertionError):  # an error without a message
        validate_answer(respond({"errors": {}}, 400), NEURON_PATH, "POST")


# --- The document against the code ---------------------------------------------------


def test_query_parameters_are_the_parsers():
    assert list(GET_PARAMETERS) == list(PARAMETER_ORDER)
    defaults = parse_lesson({}).values
    for name, parameter in GET_PARAMETERS.items():
        assert parameter["in"] == "query" and parameter["required"] is False
        schema = parameter["schema"]
        if name in CHOICE_PARAMETERS:
            assert schema["enum"] == list(choices(name))
        # the documented default, sent as text, means what sending nothing means
        parsed = parse_lesson({name: [str(schema["default"])]})
        assert parsed.ok, parsed.errors
        assert parsed.values[name] == defaults[name], name
        assert str(schema["default"]) == DEFAULTS[name] or float(DEFAULTS[name]) == float(
            schema["default"]
        )


def _accepted(name: str, value: float, **others: str) -> bool:
    args = {name: [repr(value)], **{k: [v] for k, v in others.items()}}
    return name not in parse_lesson(args).errors


@pytest.mark.parametrize(("name", "limits"), [("height", MAX_HEIGHT), ("weight", MAX_WEIGHT)])
def test_documented_body_limits_are_where_the_parser_draws_them(name, limits):
    schema = GET_PARAMETERS[name]["schema"]
    assert schema["exclusiveMinimum"] == 0
    assert schema["maximum"] == max(limits.values())
    unit_name = f"{name}_unit"
    assert GET_PARAMETERS[unit_name]["schema"]["enum"] == list(limits)
    for unit, limit in limits.items():
        assert f"{limit:g} {unit}" in GET_PARAMETERS[name]["description"]
        assert _accepted(name, limit, **{unit_name: unit})
        assert not _accepted(name, math.nextafter(limit, math.inf), **{unit_name: unit})
        assert not _accepted(name, 0.0, **{unit_name: unit})
        assert _accepted(name, limit / 1000, **{unit_name: unit})


@pytest.mark.parametrize("name", ["w1", "w2", "b"])
def test_documented_weight_limits_are_where_the_parser_draws_them(name):
    schema = GET_PARAMETERS[name]["schema"]
    assert (schema["minimum"], schema["maximum"]) == (-MAX_ABS_PARAMETER, MAX_ABS_PARAMETER)
    for limit in (-MAX_ABS_PARAMETER, MAX_ABS_PARAMETER):
        assert _accepted(name, limit)
        assert not _accepted(name, math.nextafter(limit, math.copysign(math.inf, limit)))


def _body_errors(**changes: Any) -> dict[str, str]:
    return parse_body(json.dumps({**EXAMPLE_BODY, **changes}).encode()).errors


def test_the_body_schema_is_the_body_parsers():
    schema = SCHEMAS["NeuronRequest"]
    assert tuple(schema["properties"]) == FIELDS
    assert schema["required"] == list(REQUIRED)
    assert schema["additionalProperties"] is False
    assert _body_errors(extra=1) != {}
    for name in REQUIRED:
        body = {k: v for k, v in EXAMPLE_BODY.items() if k != name}
        assert name in parse_body(json.dumps(body).encode()).errors
    activation = schema["properties"]["activation"]
    assert activation["enum"] == list(ACTIVATIONS)
    assert activation["default"] == DEFAULT_ACTIVATION
    for vector in ("x", "w"):
        prop = schema["properties"][vector]
        assert (prop["minItems"], prop["maxItems"]) == (1, MAX_INPUTS)
        items = prop["items"]
        assert (items["minimum"], items["maximum"]) == (-MAX_ABS_PARAMETER, MAX_ABS_PARAMETER)
    b = schema["properties"]["b"]
    assert (b["minimum"], b["maximum"]) == (-MAX_ABS_PARAMETER, MAX_ABS_PARAMETER)


def test_documented_body_limits_are_where_the_body_parser_draws_them():
    assert _body_errors() == {}
    for n, ok in ((MAX_INPUTS, True), (MAX_INPUTS + 1, False), (0, False)):
        assert (_body_errors(x=[1.0] * n, w=[1.0] * n) == {}) is ok, n
    for limit in (-MAX_ABS_PARAMETER, MAX_ABS_PARAMETER):
        beyond = math.nextafter(limit, math.copysign(math.inf, limit))
        assert _body_errors(b=limit) == {} and _body_errors(x=[limit, 1.0]) == {}
        assert "b" in _body_errors(b=beyond) and "x" in _body_errors(x=[beyond, 1.0])
    for activation in ACTIVATIONS:
        assert _body_errors(activation=activation) == {}
    assert "activation" in _body_errors(activation="softmax")


def test_the_result_schemas_list_exactly_the_fields_answered():
    trace = forward(**EXAMPLE_BODY)
    assert SCHEMAS["NeuronResult"]["required"] == list(trace_json(trace))
    lesson = parse_lesson({}).lesson()
    assert SCHEMAS["LessonResult"]["required"] == list(
        lesson_json(lesson, share_url="s", embed_url="e")
    )
    thresholds = SCHEMAS["NeuronResult"]["properties"]["threshold"]["enum"]
    assert set(thresholds) == {a.threshold for a in ACTIVATIONS.values()}


def test_the_documented_example_is_what_the_api_answers(client):
    post = DOCUMENT["paths"][NEURON_PATH]["post"]
    example = post["requestBody"]["content"]["application/json"]["example"]
    response = client.post(NEURON_PATH, json=example)
    answer = validate_answer(response, NEURON_PATH, "POST")
    assert response.status_code == 200
    assert answer == post["responses"]["200"]["content"]["application/json"]["example"]


def test_the_documented_size_limit_is_the_views():
    post = DOCUMENT["paths"][NEURON_PATH]["post"]
    assert f"{MAX_BODY_BYTES:,} bytes" in post["responses"]["413"]["description"]
    assert set(post["responses"]) == {"200", "400", "405", "413", "415"}


# --- schemathesis against the app, in-process ----------------------------------------


def _respect(query: dict[str, Any], name: str, limits: dict[str, float]) -> None:
    """Keep a schema-valid height or weight inside its own unit's limit."""
    unit = query.get(f"{name}_unit", DEFAULTS[f"{name}_unit"])
    value = query.get(name)
    if not isinstance(unit, str) or unit not in limits or isinstance(value, bool):
        return
    try:
        number = float(value)  # the coverage phase sends query values as text
    except (TypeError, ValueError):
        return
    typed = isinstance(value, (int, float))
    if name == "height" and 0 < number < 1e-100:
        query[name] = 1e-100 if typed else "1e-100"
    elif number > limits[unit]:
        query[name] = limits[unit] if typed else f"{limits[unit]:g}"


def respect_cross_field_rules(case: Any) -> None:
    """Apply the rules that JSON Schema cannot state, so valid data really is valid.

    Three rules tie one field to another: a height's and a weight's limits depend on
    their units (and BMI = kg / m² must be finite, so a height cannot be 1e-300), and
    w must be as long as x. Schemathesis revalidates the case after this edit, so a
    case that is still invalid stays a negative one.
    """
    if isinstance(case.query, dict):
        _respect(case.query, "height", MAX_HEIGHT)
        _respect(case.query, "weight", MAX_WEIGHT)
    body = case.body
    if isinstance(body, dict) and isinstance(body.get("x"), list):
        w = body.get("w")
        negative = case.meta is not None and case.meta.generation.mode.is_negative
        if isinstance(w, list) and body["x"] and w and not negative:  # never repair bad data
            n = min(len(body["x"]), len(w))
            body["x"], body["w"] = body["x"][:n], w[:n]


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory) -> Iterator[Any]:
    app: Flask = create_app({"TESTING": True, "SECRET_KEY": "test-secret-key-not-for-production"})
    app.instance_path = str(tmp_path_factory.mktemp("instance"))
    config = schemathesis.Config.from_dict(
        # Bounded: about 10 s of CPU. Deterministic, so CI runs the same cases.
        {"generation": {"max-examples": 50, "deterministic": True, "database": "none"}}
    )
    yield schemathesis.openapi.from_wsgi(DOCUMENT_PATH, app, config=config)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
def test_schemathesis_finds_no_server_error_and_no_schema_violation(case):
    """Every check: no 5xx, documented statuses, content types and headers, answers
    that match their schemas, valid data accepted, invalid data refused, 405s."""
    respect_cross_field_rules(case)
    case.call_and_validate()
