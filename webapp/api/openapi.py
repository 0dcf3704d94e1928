"""The API's OpenAPI 3.1 document, built from the code's own constants.

Parameter names, defaults, limits and choices come from example.py, params.py,
neuron.py and api_body.py, and the POST example is computed by the service, so the
description cannot drift from what the views accept and answer. No Flask here.
"""

from __future__ import annotations

import json
from typing import Any

from webapp.api import challenges_openapi
from webapp.api.body import (
    EXAMPLE_BODY,
    FIELDS,
    MAX_BODY_BYTES,
    MAX_INPUTS,
    REQUIRED,
    parse_body,
)
from webapp.api.check import ANSWER_FIELDS, EXAMPLE_ANSWERS, MAX_ABS_ANSWER, check_json
from webapp.api.openapi_blocks import (
    closed_object,
    error_response,
    json_content,
    not_allowed_response,
    ref,
)
from webapp.api.results import trace_json
from webapp.learning.descent import DEFAULTS as TRAINING_DEFAULTS
from webapp.learning.descent import LIMITS as TRAINING_LIMITS
from webapp.learning.params import INTEGERS as TRAINING_INTEGERS
from webapp.learning.params import LABELS as TRAINING_LABELS
from webapp.learning.params import ORDER as TRAINING_ORDER
from webapp.lesson.activations import ACTIVATIONS, DEFAULT_ACTIVATION
from webapp.lesson.labels import NOT_OBESE, OBESE
from webapp.lesson.neuron import Trace, forward
from webapp.lesson.params import (
    CHOICE_PARAMETERS,
    LABELS,
    LESSON_DEFAULTS,
    MAX_ABS_PARAMETER,
    MAX_RAW_LENGTH,
    PARAMETER_ORDER,
    choices,
)
from webapp.lesson.people import HOLDOUT_SIZE
from webapp.lesson.units import MAX_HEIGHT, MAX_WEIGHT
from webapp.practice.verdicts import VERDICTS

OPENAPI_VERSION = "3.1.0"
API_VERSION = "1.0.0"
NEURON_PATH = "/api/v1/neuron"
TRAIN_PATH = "/api/v1/train"
CHECK_PATH = "/api/v1/check"
DOCUMENT_PATH = "/api/v1/openapi.json"


def _limits(limits: dict[str, float]) -> str:
    return ", ".join(f"{limit:g} {unit}" for unit, limit in limits.items())


def _bounded(description: str) -> dict[str, Any]:
    return {
        "type": "number",
        "minimum": -MAX_ABS_PARAMETER,
        "maximum": MAX_ABS_PARAMETER,
        "description": description,
    }


def _query_parameters() -> list[dict[str, Any]]:
    """The lesson's query parameters, in the contract's order."""
    number_syntax = (
        f"ASCII decimal (`0.00001`, `1e-5`, `+4`, `.5`), at most {MAX_RAW_LENGTH} characters; "
        "no `nan`, `inf`, commas, underscores or hex."
    )
    schemas: dict[str, dict[str, Any]] = {
        "height": {
            "type": "number",
            "exclusiveMinimum": 0,
            "maximum": max(MAX_HEIGHT.values()),
            "description": "Height in `height_unit`: more than 0 and at most "
            f"{_limits(MAX_HEIGHT)} (inclusive, in the unit given); a height so near 0 "
            f"that BMI = kg / m² is not a finite number is refused. {number_syntax}",
        },
        "weight": {
            "type": "number",
            "exclusiveMinimum": 0,
            "maximum": max(MAX_WEIGHT.values()),
            "description": "Body weight in `weight_unit`: more than 0 and at most "
            f"{_limits(MAX_WEIGHT)} (inclusive, in the unit given). {number_syntax}",
        },
        "w1": _bounded(f"Weight on height in feet. {number_syntax}"),
        "w2": _bounded(f"Weight on weight in kg. {number_syntax}"),
        "b": _bounded(f"Bias. {number_syntax}"),
    }
    parameters = []
    for name in PARAMETER_ORDER:
        if name in CHOICE_PARAMETERS:
            schema: dict[str, Any] = {
                "type": "string",
                "enum": list(choices(name)),
                "default": LESSON_DEFAULTS[name],
            }
        else:
            schema = {**schemas[name], "default": float(LESSON_DEFAULTS[name])}
        parameters.append(
            {
                "name": name,
                "in": "query",
                "required": False,
                "description": LABELS[name] + ". " + schema.pop("description", ""),
                "schema": schema,
            }
        )
    return parameters


def _vector(description: str, *, bounded: bool) -> dict[str, Any]:
    items: dict[str, Any] = _bounded("") if bounded else {"type": "number"}
    items.pop("description", None)
    return {
        "type": "array",
        "items": items,
        "minItems": 1,
        "maxItems": MAX_INPUTS,
        "description": description,
    }


def _intermediates_prose() -> str:
    """Each registered activation's intermediate values: "tanh: `exp_z` (e^z), …"."""

    def named(labels: dict[str, str]) -> str:
        return ", ".join(f"`{name}` ({label})" for name, label in labels.items()) or "none"

    return "; ".join(
        f"{a.name}: {named(dict(a.intermediate_labels))}" for a in ACTIVATIONS.values()
    )


def _trace_properties() -> dict[str, Any]:
    """The contract's JSON result fields, shared by both answers."""
    thresholds = sorted({a.threshold for a in ACTIVATIONS.values()})
    return {
        "x": _vector("Inputs x₁ … xₙ (for GET: height in feet, weight in kg).", bounded=False),
        "w": _vector("Weights w₁ … wₙ.", bounded=False),
        "b": {"type": "number", "description": "Bias."},
        "activation": {"type": "string", "enum": list(ACTIVATIONS)},
        "formula": {"type": "string", "description": "The activation function, as text."},
        "output_range": {"type": "string", "description": "The activation's range."},
        "products": _vector("The products wᵢ·xᵢ.", bounded=False),
        "weighted_sum": {"type": "number", "description": "wᵀx = Σ wᵢ·xᵢ."},
        "z": {"type": "number", "description": "z = wᵀx + b."},
        "intermediates": {
            "type": "object",
            "additionalProperties": {"type": "number"},
            "description": "The activation's own steps, by name (which appear can depend "
            f"on z, e.g. sigmoid works very negative z through e^z): {_intermediates_prose()}.",
        },
        "output": {"type": "number", "description": "ŷ = f(z)."},
        "threshold": {
            "type": "number",
            "enum": thresholds,
            "description": "The activation's decision threshold: "
            + ", ".join(f"{a.name} {a.threshold:g}" for a in ACTIVATIONS.values())
            + ".",
        },
        "decision": {"type": "boolean", "description": "output ≥ threshold."},
    }


def _lesson_properties() -> dict[str, Any]:
    return {
        "parameters": closed_object(
            {name: {"type": "string"} for name in PARAMETER_ORDER},
            "Every parameter as understood (defaults filled in, as typed), as in share_url.",
        ),
        **_trace_properties(),
        "label": {"type": "string", "enum": [OBESE.english, NOT_OBESE.english]},
        "bmi": {"type": "number", "minimum": 0, "description": "kg / m² (0 when it underflows)."},
        "bmi_check": closed_object(
            {
                "height_m": {"type": "number", "exclusiveMinimum": 0},
                "who_class": {"type": "string", "description": "The WHO's adult BMI class."},
                "obese": {"type": "boolean", "description": "BMI ≥ 30."},
                "agrees": {"type": "boolean", "description": "Whether the label matches."},
            },
            "The ground truth the neuron's guess can be checked against.",
        ),
        "share_url": {"type": "string", "format": "uri", "description": "The lesson page."},
        "embed_url": {"type": "string", "format": "uri", "description": "The embed widget."},
    }


def _request_schema() -> dict[str, Any]:
    properties: dict[str, Any] = {
        "x": _vector("Inputs x₁ … xₙ.", bounded=True),
        "w": _vector("Weights, one per input (the same length as x).", bounded=True),
        "b": _bounded("Bias."),
        "activation": {
            "type": "string",
            "enum": list(ACTIVATIONS),
            "default": DEFAULT_ACTIVATION,
        },
    }
    assert tuple(properties) == FIELDS
    return {
        "type": "object",
        "properties": properties,
        "required": list(REQUIRED),
        "additionalProperties": False,
        "description": "Unknown fields are refused; a field given twice is refused.",
    }


def _check_request_schema() -> dict[str, Any]:
    number_or_blank = {
        "type": ["number", "null"],
        "minimum": -MAX_ABS_ANSWER,
        "maximum": MAX_ABS_ANSWER,
    }
    answers = {
        "type": "object",
        "description": "Any of the learner's answers; null (or leaving one out) is blank.",
        "properties": {
            "products": {
                "type": "array",
                "items": number_or_blank,
                "minItems": 1,
                "maxItems": MAX_INPUTS,
                "description": "w₁x₁ … wₙxₙ: one per input (the same length as x).",
            },
            "weighted_sum": {**number_or_blank, "description": "wᵀx."},
            "z": {**number_or_blank, "description": "z = wᵀx + b."},
            "output": {**number_or_blank, "description": "ŷ = f(z)."},
            "decision": {"type": ["boolean", "null"], "description": "ŷ ≥ the threshold."},
        },
        "additionalProperties": False,
    }
    assert tuple(answers["properties"]) == ANSWER_FIELDS
    request = _request_schema()
    return {
        **request,
        "properties": {**request["properties"], "answers": answers},
        "required": [*request["required"], "answers"],
    }


def _check_result_schema() -> dict[str, Any]:
    verdict = {"type": "string", "enum": list(VERDICTS)}
    verdicts = {
        "type": "object",
        "description": "A verdict per answer given: right (within 0.05 % or 0.00005, "
        "whichever is larger), carried (right from the learner's own earlier answers), "
        "wrong, or blank (null).",
        "properties": {
            "products": {"type": "array", "items": verdict},
            **{name: verdict for name in ANSWER_FIELDS if name != "products"},
        },
        "additionalProperties": False,
    }
    expected = closed_object(
        {
            "products": _numbers("The products wᵢ·xᵢ."),
            "weighted_sum": {"type": "number"},
            "z": {"type": "number"},
            "output": {"type": "number"},
            "decision": {"type": "boolean"},
        },
        "The exact values, full precision.",
    )
    count = {"type": "integer", "minimum": 0}
    return closed_object(
        {"verdicts": verdicts, "right": count, "total": count, "expected": expected},
        "The verdicts; right of total answers given (each product counts).",
    )


def _check_path() -> dict[str, Any]:
    example = {**EXAMPLE_BODY, "answers": EXAMPLE_ANSWERS}
    checked = check_json(_example_trace(), EXAMPLE_ANSWERS)
    return {
        "post": {
            "operationId": "checkAnswers",
            "summary": "Check a learner's answers for any neuron, step by step.",
            "requestBody": {
                "required": True,
                "content": json_content(ref("CheckRequest"), example=example),
            },
            "responses": {
                "200": {
                    "description": "A verdict per answer and the exact values.",
                    "content": json_content(ref("CheckResult"), example=checked),
                },
                "400": error_response(
                    "A message per invalid field (answers.<name> for an answer)."
                ),
                "405": not_allowed_response(),
                "413": error_response(f"The body is larger than {MAX_BODY_BYTES:,} bytes."),
                "415": error_response("The body is not sent as application/json."),
            },
        }
    }


def _training_parameters() -> list[dict[str, Any]]:
    """The learning page's query parameters: lr, epochs, n, seed."""
    parameters = []
    for name in TRAINING_ORDER:
        low, high = TRAINING_LIMITS[name]
        kind = "integer" if name in TRAINING_INTEGERS else "number"
        parameters.append(
            {
                "name": name,
                "in": "query",
                "required": False,
                "description": f"{TRAINING_LABELS[name]}, {low:g} to {high:g} (inclusive).",
                "schema": {
                    "type": kind,
                    "minimum": low,
                    "maximum": high,
                    "default": TRAINING_DEFAULTS[name],
                },
            }
        )
    return parameters


def _numbers(description: str) -> dict[str, Any]:
    return {"type": "array", "items": {"type": "number"}, "description": description}


def _accuracy(description: str) -> dict[str, Any]:
    share = {"type": "number", "minimum": 0, "maximum": 1}
    return closed_object({"train": share, "holdout": share}, description)


def _training_schema() -> dict[str, Any]:
    pair = {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2}
    return closed_object(
        {
            "parameters": closed_object(
                {name: {"type": "string"} for name in TRAINING_ORDER},
                "Every parameter as understood (defaults filled in, as typed).",
            ),
            "w": {**pair, "description": "Learned weights on height (ft) and weight (kg)."},
            "b": {"type": "number", "description": "Learned bias, on raw features."},
            "scaling": closed_object(
                {"mean": pair, "sd": pair}, "Standardisation used: x̃ = (x − mean) / sd."
            ),
            "w_scaled": {**pair, "description": "Learned weights on standardised features."},
            "b_scaled": {"type": "number"},
            "epochs_recorded": {
                "type": "array",
                "items": {"type": "integer", "minimum": 0},
                "description": "The epochs at which loss and train_accuracy are sampled.",
            },
            "loss": _numbers("Mean binary cross-entropy at those epochs."),
            "train_accuracy": _numbers("Training accuracy at those epochs."),
            "final_loss": {"type": "number", "minimum": 0},
            "accuracy": _accuracy(
                f"Share labelled like the BMI rule: training people, {HOLDOUT_SIZE} held-out."
            ),
            "random": closed_object(
                {"w": pair, "b": {"type": "number"}, "accuracy": _accuracy("The same, random.")},
                "One random draw of weights, as the lesson's control makes, for comparison.",
            ),
            "lesson_url": {
                "type": "string",
                "format": "uri",
                "description": "The lesson page for its example person with the learned weights.",
            },
        },
        "Gradient descent on the binary cross-entropy, full batch, standardised features.",
    )


def _example_trace() -> Trace:
    """The POST example's answer: the example body through the body's own parser and
    the neuron, as the API would answer it."""
    request = parse_body(json.dumps(EXAMPLE_BODY).encode()).request
    assert request is not None, "the example body must be valid"
    return forward(request.x, request.w, request.b, request.activation)


_INFO = {
    "title": "Neuron Lab API",
    "version": API_VERSION,
    "summary": "One artificial neuron, z = wᵀx + b and ŷ = f(z), every step.",
    "description": (
        "Every number is given at full float64 precision; JSON never holds NaN "
        'or Infinity. Errors answer `{"errors": {"<field>": "<message>"}}`. '
        "Any origin may call the API (CORS `Access-Control-Allow-Origin: *`); it "
        "reads and sets no cookie."
    ),
}


def _neuron_path() -> dict[str, Any]:
    """GET (the lesson's neuron) and POST (any neuron) on /api/v1/neuron."""
    example_result = trace_json(_example_trace())
    return {
        "get": {
            "operationId": "getLessonNeuron",
            "summary": "The height/weight neuron of the lesson.",
            "description": "The same parameters as the lesson page; a missing one "
            "takes its default, unknown ones are ignored, one given twice is an error.",
            "parameters": _query_parameters(),
            "responses": {
                "200": {
                    "description": "Every step, its meaning and the links.",
                    "content": json_content(ref("LessonResult")),
                },
                "400": error_response("A message per invalid parameter."),
                "405": not_allowed_response(),
            },
        },
        "post": {
            "operationId": "postNeuron",
            "summary": f"Any neuron of 1 to {MAX_INPUTS:,} inputs.",
            "requestBody": {
                "required": True,
                "content": json_content(ref("NeuronRequest"), example=EXAMPLE_BODY),
            },
            "responses": {
                "200": {
                    "description": "Every step of the forward pass.",
                    "content": json_content(ref("NeuronResult"), example=example_result),
                },
                "400": error_response("A message per invalid field, or `body` for the whole."),
                "405": not_allowed_response(),
                "413": error_response(f"The body is larger than {MAX_BODY_BYTES:,} bytes."),
                "415": error_response("The body is not sent as application/json."),
            },
        },
    }


def _train_path() -> dict[str, Any]:
    return {
        "get": {
            "operationId": "trainNeuron",
            "summary": "Learn the weights by gradient descent, as the learning page.",
            "description": "People are generated from the seed (the same seed gives "
            "the same people), labelled by BMI ≥ 30; the answer is deterministic.",
            "parameters": _training_parameters(),
            "responses": {
                "200": {
                    "description": "The learned neuron and how it got there.",
                    "content": json_content(ref("TrainingResult")),
                },
                "400": error_response("A message per invalid parameter."),
                "405": not_allowed_response(),
            },
        }
    }


def _document_path() -> dict[str, Any]:
    return {
        "get": {
            "operationId": "getOpenApiDocument",
            "summary": "This document.",
            "responses": {
                "200": {
                    "description": "The OpenAPI 3.1 document.",
                    "content": json_content({"type": "object"}),
                },
                "405": not_allowed_response(),
            },
        }
    }


def _schemas() -> dict[str, Any]:
    return {
        "NeuronRequest": _request_schema(),
        "CheckRequest": _check_request_schema(),
        "CheckResult": _check_result_schema(),
        "TrainingResult": _training_schema(),
        "NeuronResult": closed_object(_trace_properties(), "A forward pass, every step."),
        "LessonResult": closed_object(
            _lesson_properties(), "The lesson's neuron, its label and the BMI check."
        ),
        "Errors": {
            "type": "object",
            "properties": {
                "errors": {
                    "type": "object",
                    "minProperties": 1,
                    "additionalProperties": {"type": "string"},
                    "description": "Field name (or `body`, `request`) → message.",
                }
            },
            "required": ["errors"],
            "additionalProperties": False,
        },
    }


def build_document() -> dict[str, Any]:
    """The OpenAPI 3.1 document for the API (built on each call: the registries may grow)."""
    return {
        "openapi": OPENAPI_VERSION,
        "info": _INFO,
        "servers": [{"url": "/"}],
        "paths": {
            NEURON_PATH: _neuron_path(),
            TRAIN_PATH: _train_path(),
            CHECK_PATH: _check_path(),
            DOCUMENT_PATH: _document_path(),
            **challenges_openapi.paths(),
        },
        "components": {"schemas": {**_schemas(), **challenges_openapi.schemas()}},
    }
