"""The small parser for predict mode's own query: answers, the practice level, which steps
are asked, and the steps given up. No Flask; numbers go through the lesson's one parser.

- ``a_<step>``: an answer (``a_p1``, ``a_sum``, ``a_exp_neg_z``, ``a_y``, ``a_label`` …).
  Empty or missing is blank; a malformed number is a message for that field.
  ``a_label`` is ``obese`` or ``not_obese``; ``a_agrees`` is ``yes`` or ``no``.
- ``practice``: the practice level, 1 to 4 (a practice problem's link names it).
- ``ask``: the steps asked, ``-``-joined (``ask=p2-sum``); default: every forward step.
- ``give_up``: a step the learner gave up on (may repeat); its worked step is shown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from webapp.language import gettext, local_number
from webapp.lesson.labels import OBESE
from webapp.lesson.params import MAX_RAW_LENGTH, InvalidValue, parse_number
from webapp.practice.steps import FLIP, NUMBER, Step

LEVELS = (1, 2, 3, 4)
ASK_SEP = "-"
PREFIX = "a_"


@dataclass
class ParsedAnswers:
    """Predict mode's query, parsed against the steps this lesson has."""

    level: int | None = None
    ask: tuple[str, ...] = ()
    asked_explicitly: bool = False
    raw: dict[str, str] = field(default_factory=dict)  # step name → answer as typed
    values: dict[str, float | bool] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)  # field (a_z, ask …) → message
    checked: bool = False  # the answers' form was sent (any a_… present)
    gave_up: frozenset[str] = frozenset()

    @property
    def ok(self) -> bool:
        return not self.errors


def _one(args: Mapping[str, Sequence[str]], name: str, errors: dict[str, str]) -> str | None:
    values = list(args.get(name, ()))
    if len(values) > 1:
        errors[name] = gettext("%(name)s was given more than once: give it once.", name=name)
        return None
    return values[0].strip(" ")[:MAX_RAW_LENGTH] if values else None


def _level(args: Mapping[str, Sequence[str]], errors: dict[str, str]) -> int | None:
    text = _one(args, "practice", errors)
    if text is None:
        return None
    if text not in {str(level) for level in LEVELS}:
        errors["practice"] = gettext("The practice level must be 1, 2, 3 or 4.")
        return None
    return int(text)


def _ask(
    args: Mapping[str, Sequence[str]], steps: Mapping[str, Step], default: Sequence[str]
) -> tuple[tuple[str, ...], dict[str, str]]:
    errors: dict[str, str] = {}
    text = _one(args, "ask", errors)
    if text is None:
        return tuple(default), errors
    names = [name for name in text.split(ASK_SEP) if name]
    unknown = [name for name in names if name not in steps]
    if unknown or not names:
        errors["ask"] = (
            gettext(
                "ask names steps this neuron has, %(sep)s-joined: %(steps)s (not %(unknown)s).",
                sep=ASK_SEP,
                steps=", ".join(steps),
                unknown=", ".join(unknown),
            )
            if unknown
            else gettext(
                "ask names steps this neuron has, %(sep)s-joined: %(steps)s (not nothing).",
                sep=ASK_SEP,
                steps=", ".join(steps),
            )
        )
        return tuple(default), errors
    return tuple(name for name in steps if name in names), errors


def _answer(step: Step, text: str) -> float | bool:
    label = gettext("Your answer for %(symbol)s", symbol=step.symbol)
    if step.kind in (NUMBER, FLIP):
        return parse_number(text, label, local_number("0.8582"))
    if text not in step.choices:
        raise InvalidValue(
            gettext(
                "%(label)s must be one of: %(choices)s.",
                label=label,
                choices=", ".join(step.choices),
            )
        )
    return text in (OBESE.answer, "yes")  # True: obese, or agrees


def parse_answers(
    args: Mapping[str, Sequence[str]], steps: Mapping[str, Step], default: Sequence[str]
) -> ParsedAnswers:
    """Parse predict mode's parameters; ``default`` is what is asked without ``ask``."""
    result = ParsedAnswers()
    result.level = _level(args, result.errors)
    result.ask, ask_errors = _ask(args, steps, default)
    result.asked_explicitly = "ask" in args and not ask_errors
    result.errors.update(ask_errors)
    result.checked = any(name.startswith(PREFIX) for name in args)
    for name in result.ask:
        step = steps[name]
        text = _one(args, step.field, result.errors)
        if text is None:
            continue
        result.raw[name] = text
        if text:
            try:
                result.values[name] = _answer(step, text)
            except InvalidValue as error:
                result.errors[step.field] = str(error)
    result.gave_up = frozenset(name for name in args.get("give_up", ()) if name in result.ask)
    return result
