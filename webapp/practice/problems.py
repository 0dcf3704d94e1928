"""Practice problems: four levels, each a stream of fresh problems from a seeded
generator, early ones asking one step (the rest shown worked), later ones more. No Flask.

A problem is a lesson link (the 8 parameters, as typed) plus ``mode=predict``,
``practice=<level>`` and ``ask=<steps>``: it can be sent on like any share link.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from webapp.language import lazy_gettext
from webapp.lesson.activations import ACTIVATIONS
from webapp.lesson.numbers import significant
from webapp.lesson.params import LESSON_DEFAULTS, parse_lesson
from webapp.lesson.result import Lesson
from webapp.lesson.units import METRES_PER_FOOT
from webapp.practice.answers import ASK_SEP

# Shown in the page's language (lazy: str() them where a str is needed).
LEVEL_TITLES = {
    1: lazy_gettext("The products and their sum"),
    2: lazy_gettext("The bias and the activation"),
    3: lazy_gettext("The decision, the BMI check, and luck"),
    4: lazy_gettext("Reverse problems: what flips the answer"),
}
LEVEL_TEXTS = {
    1: lazy_gettext(
        "Multiply each input by its weight, then add the products: w₁x₁, w₂x₂ and wᵀx."
    ),
    2: lazy_gettext("Add the bias to get z, then work the activation (all five of them) to ŷ."),
    3: lazy_gettext(
        "Read the neuron's answer, work the BMI, and say whether the neuron was right."
    ),
    4: lazy_gettext("Find a bias, or a weight w₂, that makes the neuron change its mind."),
}
# How many problems of a level must be solved before each stage (faded examples).
STAGE_FROM = (0, 1, 3)
MAX_SEED = 2**32 - 1
# What a drawn problem can hold: its person, and its neuron's sizes (signs are drawn).
HEIGHT_FT = (4.6, 6.6)
BMI = (17.0, 42.0)
W1, W2, B = (0.05, 0.6), (0.001, 0.03), 2.5


def stage_for(solved: int) -> int:
    """The stage of the next problem after ``solved`` solved ones: 0, 1 or 2."""
    return sum(solved >= start for start in STAGE_FROM) - 1


def asked_for(level: int, stage: int, lesson: Lesson) -> tuple[str, ...]:
    """The steps a problem of this level and stage asks (the rest are shown worked)."""
    intermediates = tuple(name for name, _ in lesson.trace.intermediates)
    stages = {
        1: (("sum",), ("p2", "sum"), ("p1", "p2", "sum")),
        2: (("z",), ("z", "y"), ("z", *intermediates, "y")),
        3: (("label",), ("label", "bmi"), ("label", "bmi", "agrees")),
        4: (("flip_b",), ("flip_w2",), ("flip_b", "flip_w2")),
    }
    return stages[level][min(stage, 2)]


@dataclass(frozen=True)
class Problem:
    level: int
    seed: int
    stage: int
    lesson: Lesson
    ask: tuple[str, ...]

    @property
    def raw(self) -> dict[str, str]:
        return self.lesson.raw

    @property
    def extra(self) -> dict[str, str]:
        """What the share link names after the 8 parameters, in order."""
        return {"mode": "predict", "practice": str(self.level), "ask": ASK_SEP.join(self.ask)}


def _person(rng: np.random.Generator) -> dict[str, str]:
    height = rng.uniform(*HEIGHT_FT)
    bmi = rng.uniform(*BMI)
    kg = bmi * (height * METRES_PER_FOOT) ** 2
    return {"height": f"{height:.1f}", "weight": f"{kg:.0f}"}


def _neuron(rng: np.random.Generator, level: int, seed: int) -> dict[str, str]:
    names = list(ACTIVATIONS)
    if level == 1:
        activation = "sigmoid"
    elif level == 2:
        activation = names[seed % len(names)]
    else:
        activation = names[int(rng.integers(len(names)))]
    return {
        "w1": significant(float(rng.choice([-1, 1]) * rng.uniform(*W1)), 2),
        "w2": significant(float(rng.choice([-1, 1]) * rng.uniform(*W2)), 2),
        "b": f"{rng.uniform(-B, B):.1f}",
        "activation": activation,
    }


def problem(level: int, seed: int, stage: int) -> Problem:
    """The problem of ``level`` drawn from ``seed`` (the same seed, the same problem)."""
    rng = np.random.default_rng([level, seed])
    raw = {**LESSON_DEFAULTS, **_person(rng), **_neuron(rng, level, seed)}
    if raw["b"] == "-0.0":
        raw["b"] = "0.0"
    lesson = parse_lesson({name: [value] for name, value in raw.items()}).lesson()
    return Problem(level, seed, stage, lesson, asked_for(level, stage, lesson))


def _written_as_drawn(raw: dict[str, str]) -> bool:
    """Each number in the form the generator writes it (5.6, 120, -0.57, 0.0022, -0.4)."""
    try:
        numbers = {name: float(raw[name]) for name in ("height", "weight", "w1", "w2", "b")}
    except ValueError:
        return False
    return (
        raw["height"] == f"{numbers['height']:.1f}"
        and raw["weight"] == f"{numbers['weight']:.0f}"
        and raw["w1"] == significant(numbers["w1"], 2)
        and raw["w2"] == significant(numbers["w2"], 2)
        and raw["b"] == f"{numbers['b']:.1f}" != "-0.0"
    )


def _in_drawn_ranges(raw: dict[str, str]) -> bool:
    """Inside the ranges a problem is drawn from; the weight for some height within
    the shown one's rounding and a BMI in range, rounded to a kilogram."""
    height, kg = float(raw["height"]), float(raw["weight"])
    lightest = BMI[0] * ((height - 0.05) * METRES_PER_FOOT) ** 2
    heaviest = BMI[1] * ((height + 0.05) * METRES_PER_FOOT) ** 2
    return (
        HEIGHT_FT[0] <= height <= HEIGHT_FT[1]
        and lightest - 0.5 <= kg <= heaviest + 0.5
        and W1[0] <= abs(float(raw["w1"])) <= W1[1]
        and W2[0] <= abs(float(raw["w2"])) <= W2[1]
        and abs(float(raw["b"])) <= B
    )


def could_be_drawn(level: int, lesson: Lesson, ask: tuple[str, ...]) -> bool:
    """Whether ``problem(level, …)`` could have drawn this lesson and asked these steps:
    only the level's own problems count towards its progress (a hand-made one with
    w = b = 0 does not count for level 4)."""
    raw = lesson.raw
    units = (raw["height_unit"], raw["weight_unit"])
    return (
        units == (LESSON_DEFAULTS["height_unit"], LESSON_DEFAULTS["weight_unit"])
        and (level != 1 or raw["activation"] == "sigmoid")
        and _written_as_drawn(raw)
        and _in_drawn_ranges(raw)
        and ask in {asked_for(level, stage, lesson) for stage in range(len(STAGE_FROM))}
    )


def fresh_seed(rng: np.random.Generator) -> int:
    return int(rng.integers(0, MAX_SEED, endpoint=True))
