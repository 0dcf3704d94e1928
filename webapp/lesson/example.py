"""The height/weight example: units, the lesson's defaults, labels and the BMI check.

No Flask here either: this module turns a learner's height and weight into the
neuron's features (feet, kilograms) and says what the output means.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from webapp.lesson.neuron import Trace, forward

METRES_PER_FOOT = 0.3048
KG_PER_POUND = 0.45359237

# How many of the unit make one foot (divide by it to get feet) — exact
# definitions, so 30.48 cm is exactly 1 ft.
HEIGHT_UNITS: dict[str, float] = {"ft": 1.0, "in": 12.0, "cm": 30.48, "m": 0.3048}
# Kilograms in one of the unit (multiply by it to get kilograms).
WEIGHT_UNITS: dict[str, float] = {"kg": 1.0, "lb": KG_PER_POUND}
HEIGHT_UNIT_NAMES = {"ft": "feet", "in": "inches", "cm": "centimetres", "m": "metres"}
WEIGHT_UNIT_NAMES = {"kg": "kilograms", "lb": "pounds"}

# Upper limits in the unit given (inclusive), as DESIGN.md fixes them.
MAX_HEIGHT: dict[str, float] = {"ft": 10.0, "in": 120.0, "cm": 304.8, "m": 3.048}
MAX_WEIGHT: dict[str, float] = {"kg": 700.0, "lb": 1543.24}
MAX_ABS_PARAMETER = 1_000_000.0

POSITIVE_LABEL = "Obese"
NEGATIVE_LABEL = "Not Obese"
WHO_OBESE_BMI = 30.0

# The lesson's example, as query-string text, in the contract's order. The
# strings are what share links carry, so a link made today keeps its meaning.
DEFAULTS: dict[str, str] = {
    "height": "4",
    "height_unit": "ft",
    "weight": "80",
    "weight_unit": "kg",
    "w1": "0.2",
    "w2": "0.00001",
    "b": "1",
    "activation": "sigmoid",
}
PARAMETER_ORDER: tuple[str, ...] = tuple(DEFAULTS)


# The "random weights" control draws from normal distributions scaled so that
# each term (w₁·height in ft, w₂·weight in kg, b) moves z by a few units for
# typical people: heights of 4.5–6.5 ft, weights of 40–150 kg.
RANDOM_SCALE: dict[str, float] = {"w1": 0.4, "w2": 0.03, "b": 2.0}


def draw_weights(rng: np.random.Generator, size: int | None = None) -> dict[str, np.ndarray]:
    """Draw random (w₁, w₂, b): one set, or ``size`` sets at once (vectorised)."""
    return {name: rng.normal(0.0, scale, size) for name, scale in RANDOM_SCALE.items()}


def to_feet(value: float, unit: str) -> float:
    """Height in the given unit → feet (the neuron's x₁)."""
    return value / HEIGHT_UNITS[unit]


def to_kg(value: float, unit: str) -> float:
    """Weight in the given unit → kilograms (the neuron's x₂)."""
    return value * WEIGHT_UNITS[unit]


def who_class(bmi: float) -> str:
    """The WHO's adult BMI class."""
    if bmi < 18.5:
        return "Underweight"
    if bmi < 25:
        return "Normal weight"
    if bmi < WHO_OBESE_BMI:
        return "Overweight"
    return "Obese"


@dataclass(frozen=True)
class BmiCheck:
    height_m: float
    bmi: float
    who_class: str
    obese: bool  # the ground truth the neuron is checked against
    agrees: bool  # whether the neuron's label matches it


@dataclass(frozen=True)
class Lesson:
    """One learner's question and the neuron's full answer."""

    raw: dict[str, str]  # the parameters as typed (trimmed), contract order
    height: float
    height_unit: str
    weight: float
    weight_unit: str
    trace: Trace
    label: str
    bmi: BmiCheck

    @property
    def height_ft(self) -> float:
        return self.trace.x[0]

    @property
    def weight_kg(self) -> float:
        return self.trace.x[1]


def label_for(decision: bool) -> str:
    return POSITIVE_LABEL if decision else NEGATIVE_LABEL


def bmi_check(height_ft: float, weight_kg: float, neuron_says_obese: bool) -> BmiCheck:
    height_m = height_ft * METRES_PER_FOOT
    bmi = weight_kg / (height_m * height_m)
    obese = bmi >= WHO_OBESE_BMI
    return BmiCheck(height_m, bmi, who_class(bmi), obese, obese == neuron_says_obese)


def run_lesson(
    *,
    height: float,
    height_unit: str,
    weight: float,
    weight_unit: str,
    w1: float,
    w2: float,
    b: float,
    activation: str,
    raw: dict[str, str],
) -> Lesson:
    """Convert units, run the neuron and check it against BMI."""
    x = (to_feet(height, height_unit), to_kg(weight, weight_unit))
    trace = forward(x, (w1, w2), b, activation)
    return Lesson(
        raw=dict(raw),
        height=height,
        height_unit=height_unit,
        weight=weight,
        weight_unit=weight_unit,
        trace=trace,
        label=label_for(trace.decision),
        bmi=bmi_check(x[0], x[1], trace.decision),
    )
