"""The verdict on a learner's answer, with errors carried from earlier steps. No Flask.

Each answer is ``right`` (within 0.05 % of the exact value, or within 0.00005 of it,
whichever is larger), ``carried`` (not right, but within the same tolerance of what
the learner's own earlier answers give: their products → their wᵀx → their z → their
intermediates → their ŷ → their label), ``wrong``, or ``blank`` (not answered).

The rule works on any neuron (n products), so the page and ``POST /api/v1/check``
share it; a step the learner left blank takes, for the steps after it, the value
their own earlier answers give.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from webapp.lesson.neuron import Trace

RIGHT, CARRIED, WRONG, BLANK = "right", "carried", "wrong", "blank"
VERDICTS = (RIGHT, CARRIED, WRONG, BLANK)
RELATIVE_TOLERANCE = 0.0005  # 0.05 %
ABSOLUTE_TOLERANCE = 0.00005


def tolerance(exact: float) -> float:
    """How far an answer may be from ``exact`` and still be right."""
    return max(RELATIVE_TOLERANCE * abs(exact), ABSOLUTE_TOLERANCE)


def close(answer: float, exact: float) -> bool:
    """Whether ``answer`` is within the tolerance of ``exact`` (never for non-finite)."""
    if not (math.isfinite(answer) and math.isfinite(exact)):
        return False
    return abs(answer - exact) <= tolerance(exact)


def number_verdict(answer: float | None, exact: float, theirs: float) -> str:
    """The verdict on one number: against the exact value, then against the learner's own."""
    if answer is None:
        return BLANK
    if close(answer, exact):
        return RIGHT
    return CARRIED if close(answer, theirs) else WRONG


def choice_verdict(answer: bool | None, exact: bool, theirs: bool | None) -> str:
    """The verdict on a yes/no answer (the label, agreeing with BMI)."""
    if answer is None:
        return BLANK
    if answer == exact:
        return RIGHT
    return CARRIED if theirs is not None and answer == theirs else WRONG


@dataclass(frozen=True)
class Answers:
    """A learner's answers to a forward pass; None is blank."""

    products: tuple[float | None, ...] = ()
    weighted_sum: float | None = None
    z: float | None = None
    intermediates: Mapping[str, float] = field(default_factory=dict)
    output: float | None = None
    decision: bool | None = None


@dataclass(frozen=True)
class Checked:
    """The verdicts on ``Answers``, step by step, and the learner's own chain of values."""

    products: tuple[str, ...]
    weighted_sum: str
    z: str
    intermediates: dict[str, str]
    output: str
    decision: str
    their_z: float
    their_output: float


def _theirs(answer: float | None, fallback: float) -> float:
    return fallback if answer is None else answer


def check(trace: Trace, answers: Answers) -> Checked:
    """Every step's verdict. Products beyond the answers given are blank."""
    given = tuple(answers.products) + (None,) * (len(trace.products) - len(answers.products))
    products = tuple(
        number_verdict(a, exact, exact) for a, exact in zip(given, trace.products, strict=False)
    )
    their_products = [_theirs(a, exact) for a, exact in zip(given, trace.products, strict=False)]
    their_sum_expected = math.fsum(their_products)
    weighted_sum = number_verdict(answers.weighted_sum, trace.weighted_sum, their_sum_expected)
    their_sum = _theirs(answers.weighted_sum, their_sum_expected)
    their_z_expected = their_sum + trace.b
    z = number_verdict(answers.z, trace.z, their_z_expected)
    their_z = _theirs(answers.z, their_z_expected)
    their_output_expected, their_steps = trace.activation.worked_from(
        their_z, dict(answers.intermediates)
    )
    their_step_values = dict(their_steps)
    intermediates = {
        name: number_verdict(
            answers.intermediates.get(name), exact, their_step_values.get(name, math.nan)
        )
        for name, exact in trace.intermediates
        if name in answers.intermediates
    }
    output = number_verdict(answers.output, trace.output, their_output_expected)
    their_output = _theirs(answers.output, their_output_expected)
    their_decision = their_output >= trace.threshold if math.isfinite(their_output) else None
    decision = choice_verdict(answers.decision, trace.decision, their_decision)
    return Checked(
        products=products,
        weighted_sum=weighted_sum,
        z=z,
        intermediates=intermediates,
        output=output,
        decision=decision,
        their_z=their_z,
        their_output=their_output,
    )
