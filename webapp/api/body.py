"""Validation of the API's POST body: any neuron of 1 to 1,000 inputs, as JSON.

No Flask here: ``parse_body`` takes the raw bytes and returns the typed request or a
message per field, so the rules can be tested (and documented) without a server.

Strict on purpose, like the query parser: numbers must be JSON numbers (not strings,
not booleans), finite (Python's json would accept ``NaN`` and ``Infinity``; we do not)
and no larger than the site's parameters allow. Unknown fields are refused rather than
ignored, so a typo such as ``"activaton"`` is not silently answered with a sigmoid.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from webapp.lesson.activations import ACTIVATIONS, DEFAULT_ACTIVATION, Activation, lookup
from webapp.lesson.params import MAX_ABS_PARAMETER

MAX_INPUTS = 1000
# 1,000 inputs and 1,000 weights of 25 characters each are about 50 KB; 256 KiB leaves
# room for any way of writing them and still refuses bulk uploads early.
MAX_BODY_BYTES = 256 * 1024
FIELDS: tuple[str, ...] = ("x", "w", "b", "activation")
REQUIRED: tuple[str, ...] = ("x", "w", "b")
EXAMPLE_BODY: dict[str, Any] = {"x": [4, 80], "w": [0.2, 0.00001], "b": 1, "activation": "sigmoid"}

_RANGE = "between −1,000,000 and 1,000,000"
_SHAPE = '{"x": [4, 80], "w": [0.2, 0.00001], "b": 1}'
_MAX_LISTED_NAMES = 5
_MAX_NAME_LENGTH = 32


@dataclass(frozen=True)
class NeuronRequest:
    """A valid POST body: the neuron to run."""

    x: tuple[float, ...]
    w: tuple[float, ...]
    b: float
    activation: Activation


@dataclass
class ParsedBody:
    """The outcome of parsing: the request, or a message per field."""

    request: NeuronRequest | None = None
    errors: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)  # the fields named in ``also``


class _NonFinite:
    """What a ``NaN``/``Infinity`` literal decodes to, so it is reported per field."""

    def __init__(self, text: str) -> None:
        self.text = text


class _Object(dict[str, Any]):
    """A decoded JSON object that remembers keys given more than once."""

    duplicates: frozenset[str] = frozenset()


def _object_pairs(pairs: list[tuple[str, Any]]) -> _Object:
    obj = _Object(pairs)
    if len(obj) != len(pairs):
        counts = Counter(name for name, _ in pairs)
        obj.duplicates = frozenset(name for name, count in counts.items() if count > 1)
    return obj


def decode_json(data: bytes) -> Any:
    """Decode JSON strictly enough for numbers; raises ValueError (or RecursionError).

    Integers decode as floats (the neuron computes in float64 anyway), which also keeps
    a 5,000-digit integer from tripping Python's int-conversion limit: it becomes inf
    and is reported as out of range.
    """
    return json.loads(
        data, parse_int=float, parse_constant=_NonFinite, object_pairs_hook=_object_pairs
    )


def _json_type(value: Any) -> str:
    """The JSON name of a decoded value's type, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "a number"


def _number_problem(value: Any, name: str) -> str | None:
    """Why a decoded value is not an acceptable number, or None if it is."""
    if isinstance(value, _NonFinite):
        return f"{name} is {value.text}: numbers must be finite ({_RANGE})."
    if type(value) is not float:  # bool is an int subclass; ints decode as float
        return f"{name} must be a number, not {_json_type(value)}."
    if not abs(value) <= MAX_ABS_PARAMETER:  # also false for inf, from 1e400
        return f"{name} must be {_RANGE}."
    return None


def _vector(value: Any, name: str, what: str) -> tuple[float, ...] | str:
    """A valid vector, or the message for the first problem with it."""
    if not isinstance(value, list):
        return f"{name} must be an array of numbers (the {what}), not {_json_type(value)}."
    if not value:
        return f"{name} is empty: give 1 to {MAX_INPUTS:,} numbers."
    if len(value) > MAX_INPUTS:
        return f"{name} has {len(value):,} numbers: give at most {MAX_INPUTS:,}."
    for i, item in enumerate(value):
        problem = _number_problem(item, f"{name}[{i}]")
        if problem:
            return problem
    return tuple(value)


def _short(name: str) -> str:
    return json.dumps(name if len(name) <= _MAX_NAME_LENGTH else name[:_MAX_NAME_LENGTH] + "…")


def _decode(data: bytes, errors: dict[str, str]) -> dict[str, Any] | None:
    """The body as a JSON object, or None with a message under "body"."""
    if not data.strip():
        errors["body"] = f"The body is empty: send a JSON object like {_SHAPE}."
        return None
    try:
        body = decode_json(data)
    except json.JSONDecodeError as error:
        errors["body"] = (
            f"The body is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}."
        )
        return None
    except (ValueError, RecursionError):  # undecodable bytes; absurdly deep nesting
        errors["body"] = f"The body is not valid JSON: send a JSON object like {_SHAPE}."
        return None
    if not isinstance(body, dict):
        errors["body"] = f"The body must be a JSON object like {_SHAPE}, not {_json_type(body)}."
        return None
    return body


def _check_names(body: dict[str, Any], errors: dict[str, str], also: tuple[str, ...]) -> None:
    """Unknown fields are refused (a typo is never silently answered), duplicates too."""
    known = (*FIELDS, *also)
    unknown = [name for name in body if name not in known]
    if unknown:
        listed = ", ".join(_short(name) for name in unknown[:_MAX_LISTED_NAMES])
        more = len(unknown) - _MAX_LISTED_NAMES
        errors["body"] = (
            f"Unknown field{'s' if len(unknown) > 1 else ''}: {listed}"
            f"{f' and {more:,} more' if more > 0 else ''}. "
            f"Send only {', '.join(known[:-1])} and {known[-1]}."
        )
    duplicates = getattr(body, "duplicates", frozenset())
    for name in known:
        if name in duplicates:
            errors[name] = f"{name} was given more than once: give it once."


def _vectors(body: dict[str, Any], errors: dict[str, str]) -> dict[str, tuple[float, ...]]:
    """x and w, each checked, and of the same length."""
    vectors: dict[str, tuple[float, ...]] = {}
    for name, what in (("x", "inputs"), ("w", "weights, one per input")):
        if name in errors:
            continue
        if name not in body:
            errors[name] = f"{name} is missing: give the {what} as an array of numbers."
            continue
        checked = _vector(body[name], name, what)
        if isinstance(checked, str):
            errors[name] = checked
        else:
            vectors[name] = checked
    if len(vectors) == 2 and len(vectors["x"]) != len(vectors["w"]):
        errors["w"] = (
            f"w has {len(vectors['w']):,} numbers but x has {len(vectors['x']):,}: "
            "give one weight per input."
        )
    return vectors


def _check_bias_and_activation(body: dict[str, Any], errors: dict[str, str]) -> None:
    if "b" not in errors:
        if "b" not in body:
            errors["b"] = "b is missing: give the bias as a number, like 1."
        elif problem := _number_problem(body["b"], "b"):
            errors["b"] = problem
    activation = body.get("activation", DEFAULT_ACTIVATION)
    if "activation" not in errors and not (
        isinstance(activation, str) and activation in ACTIVATIONS
    ):
        errors["activation"] = f"activation must be one of: {', '.join(ACTIVATIONS)}."


def parse_body(data: bytes, also: tuple[str, ...] = ()) -> ParsedBody:
    """Validate a POST body (the raw bytes): the neuron to run, or a message per field.

    ``also``: more fields the caller takes (``answers`` for /check), left in ``extra``
    for it to validate."""
    result = ParsedBody()
    body = _decode(data, result.errors)
    if body is None:
        return result
    _check_names(body, result.errors, also)
    result.extra = {name: body[name] for name in also if name in body}
    vectors = _vectors(body, result.errors)
    _check_bias_and_activation(body, result.errors)
    if not result.errors:
        activation = lookup(body.get("activation", DEFAULT_ACTIVATION))
        result.request = NeuronRequest(vectors["x"], vectors["w"], body["b"], activation)
    return result
