"""The API's service side without Flask (webapp.api.body and webapp.api.results): the
body parser and the JSON results. Through the test client: tests/app/test_api.py."""

from __future__ import annotations

import dataclasses
import json
import math

import pytest

from webapp.api.body import parse_body
from webapp.api.results import NonFiniteResult, lesson_json, trace_json
from webapp.lesson.neuron import forward
from webapp.lesson.params import parse_lesson

EXAMPLE = {"x": [4, 80], "w": [0.2, 0.00001], "b": 1}


def test_trace_json_refuses_non_finite_numbers():
    trace = forward([1.0], [1.0], 0.0)
    assert math.isfinite(trace_json(trace)["output"])
    for field, value in (("output", math.nan), ("z", math.inf), ("products", (-math.inf,))):
        with pytest.raises(NonFiniteResult):
            trace_json(dataclasses.replace(trace, **{field: value}))


def test_lesson_json_has_the_get_fields():
    lesson = parse_lesson({}).lesson()
    body = lesson_json(lesson, share_url="https://a/?q", embed_url="https://a/embed?q")
    assert {"label", "bmi", "share_url", "embed_url", "z", "output"} <= set(body)
    assert isinstance(body["bmi"], float)


def test_parse_body_without_flask():
    parsed = parse_body(json.dumps({**EXAMPLE, "activation": "relu"}).encode())
    assert parsed.errors == {}
    assert parsed.request is not None
    assert parsed.request.x == (4.0, 80.0) and parsed.request.activation.name == "relu"
    assert all(type(v) is float for v in (*parsed.request.x, *parsed.request.w, parsed.request.b))
    parsed = parse_body(b'{"x": [true], "w": [1], "b": 1}')
    assert parsed.request is None
    assert parsed.errors == {"x": "x[0] must be a number, not a boolean."}
