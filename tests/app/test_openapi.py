"""The OpenAPI document as served: valid 3.1, what the API answers, and schemathesis finds
nothing. The document against the code, without Flask: tests/unit/test_openapi_document.py.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from flask import Flask
from openapi_check import DOCUMENT, strict_json, validate_answer
from openapi_spec_validator import OpenAPIV31SpecValidator, validate

from webapp.api.body import (
    EXAMPLE_BODY,
)
from webapp.api.challenges_openapi import CHALLENGE_PATH, CHALLENGES_PATH
from webapp.api.openapi import (
    CHECK_PATH,
    DOCUMENT_PATH,
    NEURON_PATH,
    TRAIN_PATH,
    build_document,
)
from webapp.api.results import trace_json
from webapp.challenges.model import ChallengeError, parse_lock, parse_people
from webapp.lesson.activations import ACTIVATIONS
from webapp.lesson.neuron import forward
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
    assert set(document["paths"]) == {
        NEURON_PATH,
        TRAIN_PATH,
        CHECK_PATH,
        DOCUMENT_PATH,
        CHALLENGES_PATH,
        CHALLENGE_PATH,
    }
    assert set(document["paths"][CHECK_PATH]) == {"post"}
    assert set(document["paths"][NEURON_PATH]) == {"get", "post"}


def test_the_answer_check_would_notice_a_drifted_answer(app):
    answer = trace_json(
        forward(**{**EXAMPLE_BODY, "activation": ACTIVATIONS[EXAMPLE_BODY["activation"]]})
    )

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


# --- The documented example, answered ------------------------------------------------


def test_the_documented_check_example_is_what_the_api_answers(client):
    post = DOCUMENT["paths"][CHECK_PATH]["post"]
    example = post["requestBody"]["content"]["application/json"]["example"]
    response = client.post(CHECK_PATH, json=example)
    answer = validate_answer(response, CHECK_PATH, "POST")
    assert response.status_code == 200
    assert answer == post["responses"]["200"]["content"]["application/json"]["example"]
    # the worked example's published slip z = 1.808 is wrong; its σ, 0.8592, is carried
    assert answer["verdicts"]["z"] == "wrong"
    assert answer["verdicts"]["output"] == "carried"


def test_the_documented_example_is_what_the_api_answers(client):
    post = DOCUMENT["paths"][NEURON_PATH]["post"]
    example = post["requestBody"]["content"]["application/json"]["example"]
    response = client.post(NEURON_PATH, json=example)
    answer = validate_answer(response, NEURON_PATH, "POST")
    assert response.status_code == 200
    assert answer == post["responses"]["200"]["content"]["application/json"]["example"]


# --- schemathesis against the app, in-process ----------------------------------------


def _respect(query: dict[str, Any], name: str, limits: dict[str, float]) -> None:
    """Keep a schema-valid height or weight inside its own unit's limit."""
    unit = query.get(f"{name}_unit", DEFAULTS[f"{name}_unit"])
    value = query.get(name, DEFAULTS[name])  # a missing one takes the default, in this unit
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


def respect_challenge_rules(query: dict[str, Any]) -> None:
    """A challenge is ``name`` or ``people`` (not both, not neither), and its people's
    heights and weights and its locked values keep the lesson's limits: rules a
    pattern cannot state. Valid data is made to follow them (never invalid data)."""
    if "name" in query:
        for key in ("people", "title", "lock"):
            query.pop(key, None)
        return
    people = query.get("people")
    if not isinstance(people, str) or parse_people_or_none(people) is None:
        query["people"] = "170cm,70kg;160cm,90kg,1"
    lock = query.get("lock")
    if isinstance(lock, str):
        try:
            parse_lock(lock)
        except ChallengeError:
            query["lock"] = "w1"


def parse_people_or_none(text: str) -> object:
    try:
        return parse_people(text)
    except ChallengeError:
        return None


def respect_cross_field_rules(case: Any) -> None:
    """Apply the rules that JSON Schema cannot state, so valid data really is valid.

    Three rules tie one field to another: a height's and a weight's limits depend on
    their units (and BMI = kg / m² must be finite, so a height cannot be 1e-300), and
    w must be as long as x. Schemathesis revalidates the case after this edit, so a
    case that is still invalid stays a negative one.
    """
    negative = case.meta is not None and case.meta.generation.mode.is_negative
    if isinstance(case.query, dict) and case.path == CHALLENGE_PATH and not negative:
        respect_challenge_rules(case.query)
    elif isinstance(case.query, dict):
        _respect(case.query, "height", MAX_HEIGHT)
        _respect(case.query, "weight", MAX_WEIGHT)
    body = case.body
    if isinstance(body, dict) and isinstance(body.get("x"), list):
        w = body.get("w")
        negative = case.meta is not None and case.meta.generation.mode.is_negative
        if isinstance(w, list) and body["x"] and w and not negative:  # never repair bad data
            n = min(len(body["x"]), len(w))
            body["x"], body["w"] = body["x"][:n], w[:n]
            answers = body.get("answers")
            if isinstance(answers, dict) and isinstance(answers.get("products"), list):
                # one answer per input, as x and w: pad with blanks or cut
                products = answers["products"][:n]
                answers["products"] = products + [None] * (n - len(products))


@pytest.fixture(scope="module")
def api_schema(module_app: Flask) -> Iterator[Any]:
    config = schemathesis.Config.from_dict(
        # Bounded: about 10 s of CPU. Deterministic, so CI runs the same cases.
        {"generation": {"max-examples": 50, "deterministic": True, "database": "none"}}
    )
    yield schemathesis.openapi.from_wsgi(DOCUMENT_PATH, module_app, config=config)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
def test_schemathesis_finds_no_server_error_and_no_schema_violation(case):
    """Every check: no 5xx, documented statuses, content types and headers, answers
    that match their schemas, valid data accepted, invalid data refused, 405s."""
    respect_cross_field_rules(case)
    # In-process WSGI calls do not undo Content-Encoding as an HTTP client would, so
    # ask for plain bytes; compressed answers are tested in tests/app/test_compression.py.
    case.call_and_validate(headers={"Accept-Encoding": "identity"})
