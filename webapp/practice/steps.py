"""The steps predict mode asks about, for one lesson: names, symbols and the three hints.

No Flask. The names are the answers' query names without their ``a_`` prefix: ``p1``,
``p2``, ``sum``, ``z``, the activation's own intermediates (from the registry: e.g.
``exp_neg_z``, ``denominator``), ``y``, ``label``; practice adds ``bmi``, ``agrees``,
``flip_b`` and ``flip_w2``. Each step's formula, its numbers substituted and the worked
step are made from one text (``{name}`` for an earlier value), so no step, and no
activation, has hints of its own to keep in line.

The texts are made per request, in the active language (webapp.language): numbers with
its decimal mark, words from its catalogue. The labels (webapp.lesson.labels), the BMI
classes and the activations' formulas (the registry) say themselves in that language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from webapp.language import gettext, lazy_gettext
from webapp.lesson.boundary import decision_flip
from webapp.lesson.labels import NOT_OBESE, OBESE
from webapp.lesson.luck import luck_verdict
from webapp.lesson.numbers import dot_rounded, page_form, page_rounded
from webapp.lesson.result import Lesson

NUMBER, LABEL, AGREES, FLIP = "number", "label", "agrees", "flip"
# The steps the plain predict mode asks about (intermediates go before "y").
FORWARD = ("p1", "p2", "sum", "z")
CHOICES: dict[str, dict[str, object]] = {  # answer value → what the option says
    LABEL: {label.answer: label for label in (OBESE, NOT_OBESE)},
    AGREES: {
        "yes": lazy_gettext("Yes, it agrees with the BMI rule"),
        "no": lazy_gettext("No, it disagrees"),
    },
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
    def choices(self) -> dict[str, object]:
        """A choice step's answer values, each with what its option says."""
        return CHOICES.get(self.kind, {})


def _values(lesson: Lesson) -> dict[str, str]:
    """Every earlier value as shown: typed numbers as typed, computed ones rounded."""
    t = lesson.trace
    values = {
        "w1": lesson.raw["w1"],
        "w2": lesson.raw["w2"],
        "b": lesson.raw["b"],
        "x1": lesson.raw["height"] if lesson.height_unit == "ft" else dot_rounded(t.x[0]),
        "x2": lesson.raw["weight"] if lesson.weight_unit == "kg" else dot_rounded(t.x[1]),
        "p1": dot_rounded(t.products[0]),
        "p2": dot_rounded(t.products[1]),
        "sum": dot_rounded(t.weighted_sum),
        "z": dot_rounded(t.z),
        "y": dot_rounded(t.output),
    }
    values.update((name, dot_rounded(value)) for name, value in t.intermediates)
    return values


def _fill(text: str, values: dict[str, str], *, numbers: bool, start: bool = True) -> str:
    """The text with each ``{name}`` as its symbol, or as its number (negative ones in
    parentheses unless the text starts with them)."""

    def one(match: re.Match[str]) -> str:
        value = values[match.group(1)]
        if not numbers:
            return value
        number = page_form(value.lstrip("+"))
        at_start = start and match.start() == 0
        return f"({number})" if number.startswith("−") and not at_start else number

    return _NAME.sub(one, text)


def _text_for(lesson: Lesson, name: str) -> str | None:
    """The worked text of a forward step, or None if this trace has no such step."""
    if name in _TEXTS:
        return _TEXTS[name]
    available = {"z", *(n for n, _ in lesson.trace.intermediates)}
    key = "output" if name == "y" else name
    for text in lesson.trace.activation.worked_text.get(key, ()):
        if set(_NAME.findall(text)) <= available:
            # the registry's text, in the page's language
            return lesson.trace.activation.worded_text(text)
    return None


def _number_step(lesson: Lesson, name: str, symbols: dict[str, str], exact: float) -> Step:
    values = _values(lesson)
    text = _text_for(lesson, name) or lesson.trace.activation.translated_formula
    symbol = symbols[name]
    by_symbols = _fill(text, symbols, numbers=False)
    formula = (
        f"{symbol} = {by_symbols}"
        if by_symbols != symbol
        else gettext("%(symbol)s, with z above", symbol=symbol)
    )
    if name == "y":
        formula = f"ŷ = {lesson.trace.activation.translated_formula}"
    by_numbers = _fill(text, values, numbers=True)
    substituted = f"{symbol} = {by_numbers}"
    done = by_numbers == page_form(values[name])
    return Step(
        name=name,
        kind=NUMBER,
        symbol=symbol,
        question=gettext("What is %(symbol)s?", symbol=symbol),
        formula=formula,
        substituted=substituted,
        worked=substituted if done else f"{substituted} = {page_form(values[name])}",
        exact=exact,
    )


def forward_steps(lesson: Lesson) -> list[Step]:
    """The steps of the forward pass and the decision, in order."""
    t = lesson.trace
    symbols = {**_SYMBOLS, **{n: t.activation.intermediate_label(n) for n, _ in t.intermediates}}
    exact = {"p1": t.products[0], "p2": t.products[1], "sum": t.weighted_sum, "z": t.z}
    steps = [_number_step(lesson, name, symbols, exact[name]) for name in FORWARD]
    steps += [_number_step(lesson, name, symbols, value) for name, value in t.intermediates]
    steps.append(_number_step(lesson, "y", symbols, t.output))
    steps.append(_label_step(lesson))
    return steps


def _label_step(lesson: Lesson) -> Step:
    t = lesson.trace
    substituted = (
        f"ŷ = {page_rounded(t.output)} {'≥' if t.decision else '<'} {page_rounded(t.threshold)}"
    )
    return Step(
        name="label",
        kind=LABEL,
        symbol=gettext("label"),
        question=gettext("What does the neuron say?"),
        formula=gettext(
            "Obese when ŷ ≥ the threshold %(threshold)s, else Not Obese",
            threshold=page_rounded(t.threshold),
        ),
        substituted=substituted,
        worked=gettext("%(compared)s, so: %(label)s", compared=substituted, label=lesson.label),
        exact=t.decision,
    )


def practice_steps(lesson: Lesson) -> list[Step]:
    """Practice's extra steps: the BMI check, luck, and the two reverse problems."""
    return [_bmi_step(lesson), _agrees_step(lesson), *_flip_steps(lesson)]


def _bmi_step(lesson: Lesson) -> Step:
    bmi = lesson.bmi
    numbers = {"kg": page_rounded(lesson.weight_kg), "m": page_rounded(bmi.height_m)}
    return Step(
        name="bmi",
        kind=NUMBER,
        symbol=gettext("BMI"),
        question=gettext("What is this person's BMI (to 2 decimal places)?"),
        formula=gettext("BMI = kg / m² (1 ft = %(metres)s m)", metres=page_form("0.3048")),
        substituted=gettext("BMI = %(kg)s / %(m)s²", **numbers),
        worked=gettext(
            "BMI = %(kg)s / %(m)s² = %(bmi)s (%(class)s)",
            **numbers,
            bmi=page_rounded(bmi.bmi, 2),
            **{"class": bmi.who_class},
        ),
        exact=bmi.bmi,
    )


def _agrees_step(lesson: Lesson) -> Step:
    bmi = lesson.bmi
    return Step(
        name="agrees",
        kind=AGREES,
        symbol=gettext("agrees"),
        question=gettext("Is the neuron right by the BMI rule (BMI ≥ 30 is obese)?"),
        formula=gettext("Right when the neuron's label is the BMI rule's label"),
        substituted=gettext(
            "neuron: %(label)s; BMI %(bmi)s: %(class)s",
            label=lesson.label,
            bmi=page_rounded(bmi.bmi, 1),
            **{"class": bmi.who_class},
        ),
        worked=luck_verdict(lesson).summary,
        exact=bmi.agrees,
    )


def _term(value: float) -> str:
    """A number after a plus sign: negative ones in parentheses."""
    text = page_rounded(value)
    return f"({text})" if text.startswith("−") else text


def _flip_steps(lesson: Lesson) -> list[Step]:
    t = lesson.trace
    flip = decision_flip(t)
    sign = "<" if flip.direction == "fall" else "≥"
    b_star = flip.z_star - t.weighted_sum
    w2_star = (flip.z_star - (t.products[0] + t.b)) / t.x[1]
    texts = {"label": flip.to_label, "sign": sign, "z_star": page_rounded(flip.z_star)}
    return [
        Step(
            name="flip_b",
            kind=FLIP,
            symbol="b",
            question=gettext(
                "Give a bias b that makes the neuron say %(label)s for this person.", **texts
            ),
            formula=gettext("%(label)s when z = wᵀx + b %(sign)s z* = %(z_star)s", **texts),
            substituted=f"{page_rounded(t.weighted_sum)} + b {sign} {texts['z_star']}",
            worked=gettext(
                "b %(sign)s %(value)s: any such b flips the answer",
                sign=sign,
                value=page_rounded(b_star),
            ),
            exact=b_star,
        ),
        Step(
            name="flip_w2",
            kind=FLIP,
            symbol="w₂",
            question=gettext(
                "Give a weight w₂ that makes the neuron say %(label)s (w₁ and b stay).", **texts
            ),
            formula=gettext("%(label)s when z = w₁x₁ + w₂x₂ + b %(sign)s z* = %(z_star)s", **texts),
            substituted=f"{page_rounded(t.products[0])} + w₂ × {page_rounded(t.x[1])} + "
            f"{_term(t.b)} {sign} {texts['z_star']}",
            worked=gettext(
                "w₂ %(sign)s %(value)s: any such w₂ flips the answer",
                sign=sign,
                value=page_rounded(w2_star),
            ),
            exact=w2_star,
        ),
    ]


def all_steps(lesson: Lesson) -> dict[str, Step]:
    """Every step a page can ask about for this lesson, by name, in order."""
    return {step.name: step for step in (*forward_steps(lesson), *practice_steps(lesson))}
