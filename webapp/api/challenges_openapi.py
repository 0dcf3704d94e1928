"""The challenges' part of the OpenAPI document: two paths and their schemas, built from
the challenge model's own constants. No Flask. Merged by webapp/api/openapi.py."""

from __future__ import annotations

from typing import Any

from webapp.api.openapi_blocks import (
    closed_object,
    error_response,
    json_content,
    not_allowed_response,
    ref,
)
from webapp.challenges.builtins import BUILTINS
from webapp.challenges.model import (
    MAX_LOCK_LENGTH,
    MAX_PEOPLE,
    MAX_PEOPLE_LENGTH,
    MAX_TITLE,
)
from webapp.lesson.activations import ACTIVATIONS
from webapp.lesson.params import LESSON_DEFAULTS, MAX_ABS_PARAMETER

CHALLENGES_PATH = "/api/v1/challenges"
CHALLENGE_PATH = "/api/v1/challenge"

_NUMBER = r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
_PERSON = rf" *{_NUMBER} *(?:cm|ft|in|m) *, *{_NUMBER} *(?:kg|lb) *(?:, *[01] *)?"
PEOPLE_PATTERN = rf"^{_PERSON}(?:;{_PERSON}){{0,{MAX_PEOPLE - 1}}}$"
_LOCK = rf" *(?:w1|w2|b) *(?:: *{_NUMBER} *)?"
LOCK_PATTERN = rf"^{_LOCK}(?:,{_LOCK}){{0,2}}$"
TITLE_PATTERN = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$"


def _query(name: str, description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
    }


def _bounded(name: str) -> dict[str, Any]:
    return _query(
        name,
        f"The learner's {name} (the lesson's number syntax and limits); ignored when locked.",
        {
            "type": "number",
            "minimum": -MAX_ABS_PARAMETER,
            "maximum": MAX_ABS_PARAMETER,
            "default": float(LESSON_DEFAULTS[name]),
        },
    )


def _parameters() -> list[dict[str, Any]]:
    return [
        _query(
            "name",
            "A built-in challenge (then people, title and lock must be left out).",
            {"type": "string", "enum": list(BUILTINS)},
        ),
        _query(
            "people",
            f"A teacher's own: 1–{MAX_PEOPLE} people, `;`-separated, each "
            "`height<unit>,weight<unit>[,label]` (label 1 obese, 0 not; without one, "
            "BMI ≥ 30 decides); heights and weights within the lesson's limits. Required "
            "unless name is given.",
            {"type": "string", "maxLength": MAX_PEOPLE_LENGTH, "pattern": PEOPLE_PATTERN},
        ),
        _query(
            "title",
            f"The challenge's title, at most {MAX_TITLE} characters, no control characters.",
            {"type": "string", "maxLength": MAX_TITLE, "pattern": TITLE_PATTERN},
        ),
        _query(
            "lock",
            "A comma list of w1, w2, b, each bare (locked at the lesson default) or "
            "`name:value` (abs ≤ 1,000,000), each named once.",
            {"type": "string", "maxLength": MAX_LOCK_LENGTH, "pattern": LOCK_PATTERN},
        ),
        *(_bounded(name) for name in ("w1", "w2", "b")),
        _query(
            "activation",
            "The learner's activation.",
            {"type": "string", "enum": list(ACTIVATIONS), "default": LESSON_DEFAULTS["activation"]},
        ),
    ]


def _person() -> dict[str, Any]:
    flag = {"type": "integer", "enum": [0, 1]}
    return closed_object(
        {
            "height_ft": {"type": "number", "exclusiveMinimum": 0},
            "weight_kg": {"type": "number", "minimum": 0},  # 5e-324 lb is 0.0 kg
            "label": {**flag, "description": "1 obese, 0 not."},
            "labelled_by": {"type": "string", "enum": ["bmi", "link"]},
            "z": {"type": "number"},
            "output": {"type": "number"},
            "predicted": {**flag, "description": "The neuron's label."},
            "right": {"type": "boolean"},
        },
        "One person and the neuron's verdict.",
    )


def _locked() -> dict[str, Any]:
    """The numbers a link fixes, by name."""
    return {
        "type": "object",
        "additionalProperties": {"type": "number"},
        "propertyNames": {"enum": ["w1", "w2", "b"]},
    }


def _uri() -> dict[str, str]:
    return {"type": "string", "format": "uri"}


def _challenge_result() -> dict[str, Any]:
    """One challenge and the learner's verdicts: /api/v1/challenge's answer."""
    number = {"type": "number"}
    return closed_object(
        {
            "name": {"type": ["string", "null"], "description": "The built-in's name."},
            "title": {"type": "string"},
            "people": {
                "type": "array",
                "items": _person(),
                "minItems": 1,
                "maxItems": MAX_PEOPLE,
            },
            "locked": {**_locked(), "description": "The numbers the link fixes."},
            "w1": number,
            "w2": number,
            "b": number,
            "activation": {"type": "string", "enum": list(ACTIVATIONS)},
            "right": {"type": "integer", "minimum": 0},
            "total": {"type": "integer", "minimum": 1},
            "solved": {"type": "boolean"},
            "separable": {
                "type": "boolean",
                "description": "Whether some w₁, w₂, b keeping the locked ones solve it.",
            },
            "share_url": _uri(),
            "embed_url": _uri(),
        },
        "One challenge and the learner's verdicts (locked values used where locked).",
    )


def _challenge_list() -> dict[str, Any]:
    """The built-ins, easiest first: /api/v1/challenges' answer."""
    builtin = closed_object(
        {
            "name": {"type": "string"},
            "title": {"type": "string"},
            "size": {"type": "integer", "minimum": 1, "maximum": MAX_PEOPLE},
            "separable": {"type": "boolean"},
            "locked": _locked(),
            "note": {"type": "string", "description": "The teacher's note."},
            "url": _uri(),
        },
        "One built-in; separable is computed (sigmoid).",
    )
    return closed_object(
        {"challenges": {"type": "array", "items": builtin}},
        "The built-in challenges, easiest first.",
    )


def schemas() -> dict[str, Any]:
    """ChallengeResult and ChallengeList, for components.schemas."""
    return {"ChallengeResult": _challenge_result(), "ChallengeList": _challenge_list()}


def paths() -> dict[str, Any]:
    """The two paths, for the document's paths."""
    return {
        CHALLENGES_PATH: {
            "get": {
                "operationId": "listChallenges",
                "summary": "The built-in find-the-weights challenges, easiest first.",
                "responses": {
                    "200": {
                        "description": "The built-ins.",
                        "content": json_content(ref("ChallengeList")),
                    },
                    "405": not_allowed_response(),
                },
            }
        },
        CHALLENGE_PATH: {
            "get": {
                "operationId": "getChallenge",
                "summary": "One challenge (a built-in or a teacher's) and the learner's verdicts.",
                "parameters": _parameters(),
                "responses": {
                    "200": {
                        "description": "Each person's z, output, label and verdict.",
                        "content": json_content(ref("ChallengeResult")),
                    },
                    "400": error_response("A message per invalid parameter."),
                    "405": not_allowed_response(),
                },
            }
        },
    }
