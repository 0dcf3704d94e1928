"""Printable worksheets: problems of one level from a seed, with blanks, and their key.
No Flask. ``level`` 1–4, ``seed`` 0–4294967295, ``count`` 1–20; the same three give
the same sheet. Later problems on a sheet ask more steps (faded, as in practice).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from babel.numbers import format_decimal

from webapp.language import active, gettext, lazy_gettext, local_number, ngettext
from webapp.lesson.numbers import page_form
from webapp.practice.answers import LEVELS, ParsedAnswers
from webapp.practice.check import StepResult, attempt
from webapp.practice.problems import LEVEL_TITLES, MAX_SEED, Problem, problem

MAX_COUNT = 20
DEFAULTS = {"level": "1", "seed": "1", "count": "8"}
_LIMITS = {"level": (min(LEVELS), max(LEVELS)), "seed": (0, MAX_SEED), "count": (1, MAX_COUNT)}
_LABELS = {
    "level": lazy_gettext("The level"),
    "seed": lazy_gettext("The seed"),
    "count": lazy_gettext("The number of problems"),
}


@dataclass
class ParsedSheet:
    raw: dict[str, str] = field(default_factory=dict)
    values: dict[str, int] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)


def parse_sheet(args: Mapping[str, Sequence[str]]) -> ParsedSheet:
    """level, seed and count: whole numbers within their limits (missing: the default)."""
    result = ParsedSheet()
    for name, (low, high) in _LIMITS.items():
        values = list(args.get(name, ()))
        text = (values[0] if values else DEFAULTS[name]).strip(" ")[:12]
        result.raw[name] = text
        if len(values) > 1:
            result.errors[name] = gettext(
                "%(label)s was given more than once: give it once.", label=_LABELS[name]
            )
        elif not (text.isascii() and text.isdigit()) or not low <= int(text) <= high:
            result.errors[name] = gettext(
                "%(label)s must be a whole number from %(low)s to %(high)s.",
                label=_LABELS[name],
                low=low,
                high=format_decimal(high, locale=active().locale),
            )
        else:
            result.values[name] = int(text)
    return result


@dataclass(frozen=True)
class SheetProblem:
    number: int
    problem: Problem
    steps: tuple[StepResult, ...]  # every step shown, asked ones blank
    given: str  # the person and the neuron, in words


def _given(p: Problem) -> str:
    lesson = p.lesson
    return gettext(
        "%(person)s; w₁ = %(w1)s, w₂ = %(w2)s, b = %(b)s; activation %(formula)s.",
        person=local_number(lesson.person),
        w1=page_form(p.raw["w1"]),
        w2=page_form(p.raw["w2"]),
        b=page_form(p.raw["b"]),
        formula=lesson.trace.activation.translated_formula,
    )


@dataclass(frozen=True)
class Worksheet:
    level: int
    seed: int
    problems: tuple[SheetProblem, ...]

    @property
    def title(self) -> str:
        return gettext(
            "Level %(level)s: %(title)s", level=self.level, title=LEVEL_TITLES[self.level]
        )

    @property
    def meta(self) -> str:
        """The line under the title: name, seed, how many problems, what to do."""
        return ngettext(
            "Name: ____________________ · Seed %(seed)s, %(num)d problem. For each person the "
            "neuron computes z = wᵀx + b and ŷ = f(z); x₁ is the height in feet, x₂ the weight "
            "in kg. Fill in each blank (4 decimal places are plenty). The answer key is on its "
            "own page.",
            "Name: ____________________ · Seed %(seed)s, %(num)d problems. For each person the "
            "neuron computes z = wᵀx + b and ŷ = f(z); x₁ is the height in feet, x₂ the weight "
            "in kg. Fill in each blank (4 decimal places are plenty). The answer key is on its "
            "own page.",
            len(self.problems),
            seed=self.seed,
        )


def worksheet(level: int, seed: int, count: int) -> Worksheet:
    """The sheet: problem i from (seed, i), its stage rising across the sheet."""
    problems = []
    for i in range(count):
        stage = min(3 * i // count, 2)
        p = problem(level, seed * MAX_COUNT + i, stage)
        asked = attempt(p.lesson, ParsedAnswers(level=level, ask=p.ask))
        problems.append(SheetProblem(i + 1, p, asked.steps, _given(p)))
    return Worksheet(level, seed, tuple(problems))
