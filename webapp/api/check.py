"""``POST /api/v1/check``: a learner's answers for any neuron, and their verdicts. No Flask.

The body is the neuron as ``POST /api/v1/neuron`` takes it (body.py) plus ``answers``,
an object with any of ``products`` (an array, one per input; ``null`` is blank),
``weighted_sum``, ``z``, ``output`` (numbers) and ``decision`` (a boolean). The verdicts
are predict mode's (webapp/practice/verdicts.py): right, carried, wrong or blank.
"""

from __future__ import annotations

import math
from typing import Any

from webapp.lesson.neuron import Trace
from webapp.practice import verdicts

MAX_ABS_ANSWER = 1e300  # any answer a learner could mean, and far from overflow
ANSWER_FIELDS = ("products", "weighted_sum", "z", "output", "decision")
EXAMPLE_ANSWERS: dict[str, Any] = {
    "products": [0.8, 0.0008],
    "weighted_sum": 0.8008,
    "z": 1.808,
    "output": 0.8592,
    "decision": True,
}


def _number(value: Any, name: str) -> float | str | None:
    """A finite number, None for null (blank), or the message."""
    if value is None:
        return None
    if type(value) is not float or not math.isfinite(value) or abs(value) > MAX_ABS_ANSWER:
        return f"{name} must be a number (at most 1e300 either way) or null."
    return value


def _products(value: Any, n: int) -> tuple[float | None, ...] | str:
    if not isinstance(value, list):
        return "answers.products must be an array of numbers (or null for blank)."
    if len(value) != n:
        return f"answers.products has {len(value):,} answers but x has {n:,}: give one per input."
    checked = [_number(item, f"answers.products[{i}]") for i, item in enumerate(value)]
    problem = next((c for c in checked if isinstance(c, str)), None)
    return problem if problem else tuple(c for c in checked if not isinstance(c, str))


def parse_answers(value: Any, n: int) -> tuple[dict[str, Any], dict[str, str]]:
    """The answers given, by field, or messages (keys ``answers`` or ``answers.<field>``)."""
    if not isinstance(value, dict):
        return {}, {"answers": "answers must be an object, like " + str(EXAMPLE_ANSWERS) + "."}
    unknown = [name for name in value if name not in ANSWER_FIELDS]
    if unknown:
        return {}, {"answers": f"answers takes only {', '.join(ANSWER_FIELDS)}."}
    given: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for name in value:
        if name == "products":
            checked: Any = _products(value[name], n)
        elif name == "decision":
            ok = value[name] is None or isinstance(value[name], bool)
            checked = value[name] if ok else "answers.decision must be true, false or null."
        else:
            checked = _number(value[name], f"answers.{name}")
        if isinstance(checked, str):
            errors[f"answers.{name}"] = checked
        else:
            given[name] = checked
    return given, errors


def check_json(trace: Trace, given: dict[str, Any]) -> dict[str, Any]:
    """The verdicts on the answers given, how many are right, and the exact values."""
    answers = verdicts.Answers(
        products=tuple(given.get("products", ())),
        weighted_sum=given.get("weighted_sum"),
        z=given.get("z"),
        output=given.get("output"),
        decision=given.get("decision"),
    )
    checked = verdicts.check(trace, answers)
    found: dict[str, Any] = {
        "products": list(checked.products),
        "weighted_sum": checked.weighted_sum,
        "z": checked.z,
        "output": checked.output,
        "decision": checked.decision,
    }
    answered = {name: found[name] for name in ANSWER_FIELDS if name in given}
    flat = [
        v for value in answered.values() for v in (value if isinstance(value, list) else [value])
    ]
    return {
        "verdicts": answered,
        "right": flat.count(verdicts.RIGHT),
        "total": len(flat),
        "expected": {
            "products": list(trace.products),
            "weighted_sum": trace.weighted_sum,
            "z": trace.z,
            "output": trace.output,
            "decision": trace.decision,
        },
    }
