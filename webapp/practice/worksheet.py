"""Printable worksheets: problems of one level from a seed, with blanks, and their key.
No Flask. ``level`` 1–4, ``seed`` 0–4294967295, ``count`` 1–20; the same three give
the same sheet. Later problems on a sheet ask more steps (faded, as in practice).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from webapp.practice.answers import LEVELS, ParsedAnswers
from webapp.practice.check import StepResult, attempt
from webapp.practice.problems import LEVEL_TITLES, MAX_SEED, Problem, problem

MAX_COUNT = 20
DEFAULTS = {"level": "1", "seed": "1", "count": "8"}
_LIMITS = {"level": (min(LEVELS), max(LEVELS)), "seed": (0, MAX_SEED), "count": (1, MAX_COUNT)}
_LABELS = {"level": "The level", "seed": "The seed", "count": "The number of problems"}


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
            result.errors[name] = f"{_LABELS[name]} was given more than once: give it once."
        elif not (text.isascii() and text.isdigit()) or not low <= int(text) <= high:
            result.errors[name] = f"{_LABELS[name]} must be a whole number from {low} to {high:,}."
        else:
            result.values[name] = int(text)
    return result


@dataclass(frozen=True)
class SheetProblem:
    number: int
    problem: Problem
    steps: tuple[StepResult, ...]  # every step shown, asked ones blank


@dataclass(frozen=True)
class Worksheet:
    level: int
    seed: int
    problems: tuple[SheetProblem, ...]

    @property
    def title(self) -> str:
        return f"Level {self.level}: {LEVEL_TITLES[self.level]}"


def worksheet(level: int, seed: int, count: int) -> Worksheet:
    """The sheet: problem i from (seed, i), its stage rising across the sheet."""
    problems = []
    for i in range(count):
        stage = min(3 * i // count, 2)
        p = problem(level, seed * MAX_COUNT + i, stage)
        shown = attempt(p.lesson, ParsedAnswers(level=level, ask=p.ask))
        problems.append(SheetProblem(i + 1, p, shown.steps))
    return Worksheet(level, seed, tuple(problems))
