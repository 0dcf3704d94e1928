"""The steps predict mode asks about, for one lesson: names, symbols and the three hints.

No Flask. The names are the answers' query names without their ``a_`` prefix: ``p1``,
``p2``, ``sum``, ``z``, the activation's own intermediates (from the registry: e.g.
``exp_neg_z``, ``denominator``), ``y``, ``label``; practice adds ``bmi``, ``agrees``,
``flip_b`` and ``flip_w2``. Each step's formula, its numbers substituted and the worked
step are made from one text (``{name}`` for an earlier value), so no step, and no
activation, has hints of its own to keep in line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from webapp.lesson.boundary import decision_flip
from webapp.lesson.numbers import fmt, minus
from webapp.lesson.result import NEGATIVE_LABEL, POSITIVE_LABEL, Lesson

NUMBER, LABEL, AGREES, FLIP = "number", "label", "agrees", "flip"
# The steps the plain predict mode asks about (intermediates go before "y").
FORWARD = ("p1", "p2", "sum", "z")
PRACTICE_ONLY = ("bmi", "agrees", "flip_b", "flip_w2")
CHOICES: dict[str, dict[str, str]] = {
    LABEL: {"obese": POSITIVE_LABEL, "not_obese": NEGATIVE_LABEL},
    AGREES: {"yes": "Yes, it agrees with the BMI rule", "no": "No, it disagrees"},
}
_SYMBOLS = {
    "w1": "w₁",
    "w2": "w₂",
    "x1": "x₁",
    "x2": "x₂",
    "b": "b",
    "p1": "w₁x₁",
    "p2": "w₂x₂",
    "sum": "wᵀx",
    "z": "z",
    "y": "ŷ",
}
_TEXTS = {"p1": "{w1} × {x1}", "p2": "{w2} × {x2}", "sum": "{p1} + {p2}", "z": "{sum} + {b}"}
_NAME = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Step:
    """One step a learner can be asked: what it is, how it is worked, its exact value."""

    name: str
    kind: str  # number, label, agrees or flip
    symbol: str  # "w₁x₁", "e^(−z)", "ŷ"
    question: str  # what the learner is asked, in words
    formula: str  # first hint
    substituted: str  # second hint: the numbers put in
    worked: str  # the worked step, ending in its value
    exact: float | bool  # the value (the flip steps: the value where the answer flips)

    @property
    def field(self) -> str:
        """The query name of its answer."""
        return f"a_{self.name}"

    @property
    def choices(self) -> dict[str, str]:
        return CHOICES.get(self.kind, {})


def _values(lesson: Lesson) -> dict[str, str]:
    """Every earlier value as shown: typed numbers as typed, computed ones rounded."""
    t = lesson.trace
    values = {
        "w1": lesson.raw["w1"],
        "w2": lesson.raw["w2"],
        "b": lesson.raw["b"],
        "x1": lesson.raw["height"] if lesson.height_unit == "ft" else fmt(t.x[0]),
        "x2": lesson.raw["weight"] if lesson.weight_unit == "kg" else fmt(t.x[1]),
        "p1": fmt(t.products[0]),
        "p2": fmt(t.products[1]),
        "sum": fmt(t.weighted_sum),
        "z": fmt(t.z),
        "y": fmt(t.output),
    }
    values.update((name, fmt(value)) for name, value in t.intermediates)
    return values


def _fill(text: str, values: dict[str, str], *, numbers: bool, start: bool = True) -> str:
    """The text with each ``{name}`` as its symbol, or as its number (negative ones in
    parentheses unless the text starts with them)."""

    def one(match: re.Match[str]) -> str:
        value = values[match.group(1)]
        if not numbers:
            return value
        shown = minus(value.lstrip("+"))
        at_start = start and match.start() == 0
        return f"({shown})" if shown.startswith("−") and not at_start else shown

    return _NAME.sub(one, text)


def _text_for(lesson: Lesson, name: str) -> str | None:
    """The worked text of a forward step, or None if this trace has no such step."""
    if name in _TEXTS:
        return _TEXTS[name]
    available = {"z", *(n for n, _ in lesson.trace.intermediates)}
    key = "output" if name == "y" else name
    for text in lesson.trace.activation.worked_text.get(key, ()):
        if set(_NAME.findall(text)) <= available:
            return text
    return None


def _number_step(lesson: Lesson, name: str, symbols: dict[str, str], exact: float) -> Step:
    values = _values(lesson)
    text = _text_for(lesson, name) or lesson.trace.activation.formula
    symbol = symbols[name]
    by_symbols = _fill(text, symbols, numbers=False)
    formula = f"{symbol} = {by_symbols}" if by_symbols != symbol else f"{symbol}, with z above"
    if name == "y":
        formula = f"ŷ = {lesson.trace.activation.formula}"
    by_numbers = _fill(text, values, numbers=True)
    substituted = f"{symbol} = {by_numbers}"
    done = by_numbers == minus(values[name])
    return Step(
        name=name,
        kind=NUMBER,
        symbol=symbol,
        question=f"What is {symbol}?",
        formula=formula,
        substituted=substituted,
        worked=substituted if done else f"{substituted} = {minus(values[name])}",
        exact=exact,
    )


def forward_steps(lesson: Lesson) -> list[Step]:
    """The steps of the forward pass and the decision, in order."""
    t = lesson.trace
    labels = dict(t.activation.intermediate_labels)
    symbols = {**_SYMBOLS, **{n: labels.get(n, n) for n, _ in t.intermediates}}
    exact = {"p1": t.products[0], "p2": t.products[1], "sum": t.weighted_sum, "z": t.z}
    steps = [_number_step(lesson, name, symbols, exact[name]) for name in FORWARD]
    steps += [_number_step(lesson, name, symbols, value) for name, value in t.intermediates]
    steps.append(_number_step(lesson, "y", symbols, t.output))
    steps.append(_label_step(lesson))
    return steps


def _label_step(lesson: Lesson) -> Step:
    t = lesson.trace
    sign = "≥" if t.decision else "<"
    return Step(
        name="label",
        kind=LABEL,
        symbol="label",
        question="What does the neuron say?",
        formula=f"Obese when ŷ ≥ the threshold {fmt(t.threshold)}, else Not Obese",
        substituted=f"ŷ = {minus(fmt(t.output))} {sign} {fmt(t.threshold)}",
        worked=f"ŷ = {minus(fmt(t.output))} {sign} {fmt(t.threshold)}, so: {lesson.label}",
        exact=t.decision,
    )


def practice_steps(lesson: Lesson) -> list[Step]:
    """Practice's extra steps: the BMI check, luck, and the two reverse problems."""
    bmi = lesson.bmi
    bmi_text = f"{fmt(lesson.weight_kg)} / {fmt(bmi.height_m)}²"
    return [
        Step(
            name="bmi",
            kind=NUMBER,
            symbol="BMI",
            question="What is this person's BMI (to 2 decimal places)?",
            formula="BMI = kg / m² (1 ft = 0.3048 m)",
            substituted=f"BMI = {bmi_text}",
            worked=f"BMI = {bmi_text} = {fmt(bmi.bmi, 2)} ({bmi.who_class})",
            exact=bmi.bmi,
        ),
        Step(
            name="agrees",
            kind=AGREES,
            symbol="agrees",
            question="Is the neuron right by the BMI rule (BMI ≥ 30 is obese)?",
            formula="Right when the neuron's label is the BMI rule's label",
            substituted=f"neuron: {lesson.label}; BMI {fmt(bmi.bmi, 1)}: {bmi.who_class}",
            worked=(
                "It agrees, but only by luck: these weights were never learned."
                if bmi.agrees
                else "It disagrees, and no surprise: these weights were never learned."
            ),
            exact=bmi.agrees,
        ),
        *_flip_steps(lesson),
    ]


def _term(value: float) -> str:
    """A number after a plus sign: negative ones in parentheses."""
    text = minus(fmt(value))
    return f"({text})" if text.startswith("−") else text


def _flip_steps(lesson: Lesson) -> list[Step]:
    t = lesson.trace
    flip = decision_flip(t)
    falls = flip.direction == "fall"
    sign = "<" if falls else "≥"
    b_star = flip.z_star - t.weighted_sum
    rest = t.products[0] + t.b
    w2_star = (flip.z_star - rest) / t.x[1]
    to = flip.to_label
    return [
        Step(
            name="flip_b",
            kind=FLIP,
            symbol="b",
            question=f"Give a bias b that makes the neuron say {to} for this person.",
            formula=f"{to} when z = wᵀx + b {sign} z* = {fmt(flip.z_star)}",
            substituted=f"{minus(fmt(t.weighted_sum))} + b {sign} {fmt(flip.z_star)}",
            worked=f"b {sign} {minus(fmt(b_star))}: any such b flips the answer",
            exact=b_star,
        ),
        Step(
            name="flip_w2",
            kind=FLIP,
            symbol="w₂",
            question=f"Give a weight w₂ that makes the neuron say {to} (w₁ and b stay).",
            formula=f"{to} when z = w₁x₁ + w₂x₂ + b {sign} z* = {fmt(flip.z_star)}",
            substituted=f"{minus(fmt(t.products[0]))} + w₂ × {fmt(t.x[1])} + "
            f"{_term(t.b)} {sign} {fmt(flip.z_star)}",
            worked=f"w₂ {sign} {minus(fmt(w2_star))}: any such w₂ flips the answer",
            exact=w2_star,
        ),
    ]


def all_steps(lesson: Lesson) -> dict[str, Step]:
    """Every step a page can ask about for this lesson, by name, in order."""
    return {step.name: step for step in (*forward_steps(lesson), *practice_steps(lesson))}
