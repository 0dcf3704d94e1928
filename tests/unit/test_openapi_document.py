"""The OpenAPI document on its own: valid 3.1, and in step with the code.

The document is generated from the code's constants; these tests check it the other
way round too, through the parsers' behaviour at every documented limit, so a limit
changed in one place and not the other fails here. Served, and run through
schemathesis: tests/app/test_openapi.py.
"""

from __future__ import annotations

import copy
import json
import math
from typing import Any

import pytest
from openapi_check import DOCUMENT
from openapi_spec_validator import OpenAPIV31SpecValidator
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError
from referencing.exceptions import Unresolvable

from webapp.api.body import (
    EXAMPLE_BODY,
    FIELDS,
    MAX_BODY_BYTES,
    MAX_INPUTS,
    REQUIRED,
    parse_body,
)
from webapp.api.openapi import NEURON_PATH
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
    trace = forward(**{**EXAMPLE_BODY, "activation": ACTIVATIONS[EXAMPLE_BODY["activation"]]})
    assert SCHEMAS["NeuronResult"]["required"] == list(trace_json(trace))
    lesson = parse_lesson({}).lesson()
    assert SCHEMAS["LessonResult"]["required"] == list(
        lesson_json(lesson, share_url="s", embed_url="e")
    )
    thresholds = SCHEMAS["NeuronResult"]["properties"]["threshold"]["enum"]
    assert set(thresholds) == {a.threshold for a in ACTIVATIONS.values()}


def test_the_documented_size_limit_is_the_views():
    post = DOCUMENT["paths"][NEURON_PATH]["post"]
    assert f"{MAX_BODY_BYTES:,} bytes" in post["responses"]["413"]["description"]
    assert set(post["responses"]) == {"200", "400", "405", "413", "415"}
