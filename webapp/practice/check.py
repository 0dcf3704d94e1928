"""One predict-mode attempt at one lesson: every step shown, its verdict, what to do next.

No Flask. The view parses the query (answers.py) and renders the ``Attempt``; the
verdict rule itself is verdicts.py.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from webapp.language import lazy_gettext
from webapp.lesson.neuron import forward
from webapp.lesson.result import Lesson
from webapp.practice import verdicts
from webapp.practice.answers import ParsedAnswers
from webapp.practice.steps import FLIP, Step, all_steps, forward_steps

# What the page says for each verdict (said in words, never by colour alone).
VERDICT_TEXT = {
    verdicts.RIGHT: lazy_gettext("right"),
    verdicts.CARRIED: lazy_gettext("right from your earlier answer"),
    verdicts.WRONG: lazy_gettext("not yet"),
    verdicts.BLANK: lazy_gettext("not answered"),
}


@dataclass(frozen=True)
class StepResult:
    step: Step
    asked: bool
    answer: str  # as typed ("" when blank)
    verdict: str | None  # None when not asked (the step is shown worked)
    gave_up: bool
    error: str | None

    @property
    def verdict_text(self) -> str:
        return str(VERDICT_TEXT.get(self.verdict or "", ""))

    @property
    def needs_work(self) -> bool:
        return self.asked and self.verdict != verdicts.RIGHT


@dataclass(frozen=True)
class Attempt:
    """The steps as shown, with verdicts once the answers were sent."""

    steps: tuple[StepResult, ...]
    checked: bool
    level: int | None

    @property
    def asked(self) -> tuple[StepResult, ...]:
        return tuple(s for s in self.steps if s.asked)

    @property
    def right(self) -> int:
        return sum(s.verdict == verdicts.RIGHT for s in self.asked)

    @property
    def total(self) -> int:
        return len(self.asked)

    @property
    def solved(self) -> bool:
        """Every step asked is right."""
        return self.checked and self.right == self.total

    @property
    def revealed(self) -> bool:
        """Every step asked is answered or given up: the whole lesson can be shown."""
        return self.checked and all(
            s.gave_up or s.verdict not in (None, verdicts.BLANK) for s in self.asked
        )

    @property
    def needing_work(self) -> tuple[StepResult, ...]:
        return tuple(s for s in self.asked if s.needs_work)


def default_ask(lesson: Lesson) -> tuple[str, ...]:
    """What plain predict mode asks: every step of the forward pass and the label."""
    return tuple(step.name for step in forward_steps(lesson))


def _forward_verdicts(lesson: Lesson, values: Mapping[str, float | bool]) -> dict[str, str]:
    t = lesson.trace
    names = [name for name, _ in t.intermediates]
    answers = verdicts.Answers(
        products=(_num(values, "p1"), _num(values, "p2")),
        weighted_sum=_num(values, "sum"),
        z=_num(values, "z"),
        intermediates={n: float(values[n]) for n in names if n in values},
        output=_num(values, "y"),
        decision=_bool(values, "label"),
    )
    checked = verdicts.check(t, answers)
    found = {
        "p1": checked.products[0],
        "p2": checked.products[1],
        "sum": checked.weighted_sum,
        "z": checked.z,
        "y": checked.output,
        "label": checked.decision,
    }
    found.update({n: checked.intermediates.get(n, verdicts.BLANK) for n in names})
    their_label = values.get("label", t.decision)
    their_obese = lesson.bmi.obese if "bmi" not in values else float(values["bmi"]) >= 30
    found["bmi"] = verdicts.number_verdict(_num(values, "bmi"), lesson.bmi.bmi, lesson.bmi.bmi)
    found["agrees"] = verdicts.choice_verdict(
        _bool(values, "agrees"), lesson.bmi.agrees, their_label == their_obese
    )
    return found


def _num(values: Mapping[str, float | bool], name: str) -> float | None:
    value = values.get(name)
    return None if value is None else float(value)


def _bool(values: Mapping[str, float | bool], name: str) -> bool | None:
    value = values.get(name)
    return None if value is None else bool(value)


def flips(lesson: Lesson, name: str, value: float) -> bool:
    """Whether this bias (flip_b) or weight w₂ (flip_w2) really changes the answer."""
    t = lesson.trace
    w = (t.w[0], value) if name == "flip_w2" else t.w
    b = value if name == "flip_b" else t.b
    try:
        return forward(t.x, w, b, t.activation).decision != t.decision
    except ValueError:  # too large to compute: it flips nothing
        return False


def attempt(lesson: Lesson, parsed: ParsedAnswers) -> Attempt:
    """The attempt as shown: the forward steps, then any practice step asked."""
    steps = all_steps(lesson)
    values = {n: v for n, v in parsed.values.items() if n in parsed.ask}
    found = _forward_verdicts(lesson, values)
    forward_names = [step.name for step in forward_steps(lesson)]
    asked_forward = [forward_names.index(n) for n in parsed.ask if n in forward_names]
    if asked_forward and len(asked_forward) == len(parsed.ask):
        # a later step worked would give the answer away (e^(−z) names z): stop at the last
        forward_names = forward_names[: max(asked_forward) + 1]
    results = [
        StepResult(
            step=step,
            asked=step.name in parsed.ask,
            answer=parsed.raw.get(step.name, ""),
            verdict=_verdict(lesson, step, values, found) if step.name in parsed.ask else None,
            gave_up=step.name in parsed.gave_up,
            error=parsed.errors.get(step.field),
        )
        for step in steps.values()
        if step.name in forward_names or step.name in parsed.ask  # practice steps if asked
    ]
    return Attempt(steps=tuple(results), checked=parsed.checked, level=parsed.level)


def _verdict(
    lesson: Lesson, step: Step, values: Mapping[str, float | bool], found: Mapping[str, str]
) -> str:
    if step.kind == FLIP:
        value = _num(values, step.name)
        if value is None:
            return verdicts.BLANK
        return (
            verdicts.RIGHT
            if math.isfinite(value) and flips(lesson, step.name, value)
            else (verdicts.WRONG)
        )
    return found[step.name]
