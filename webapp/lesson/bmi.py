"""The ground truth a learner can check the neuron against: BMI = kg / m², and the
WHO's adult classes (obese from BMI 30). No Flask."""

from __future__ import annotations

from dataclasses import dataclass

from babel.support import LazyProxy

from webapp.language import pgettext
from webapp.lesson.units import METRES_PER_FOOT

WHO_OBESE_BMI = 30.0


def _class_name(name: str) -> str:
    """A class's name in the active language (the context tells the class "Obese"
    from the neuron's label "Obese")."""
    return {
        "Underweight": pgettext("BMI class", "Underweight"),
        "Normal weight": pgettext("BMI class", "Normal weight"),
        "Overweight": pgettext("BMI class", "Overweight"),
        "Obese": pgettext("BMI class", "Obese"),
    }[name]


def _class(name: str) -> str:
    # Lazy, so a page shows it in its language; str() it for JSON (English in the API).
    return LazyProxy(_class_name, name, enable_cache=False)  # type: ignore[return-value]


def who_class(bmi: float) -> str:
    """The WHO's adult BMI class (lazy: read in the language of the page that shows it)."""
    if bmi < 18.5:
        return _class("Underweight")
    if bmi < 25:
        return _class("Normal weight")
    if bmi < WHO_OBESE_BMI:
        return _class("Overweight")
    return _class("Obese")


@dataclass(frozen=True)
class BmiCheck:
    height_m: float
    bmi: float
    who_class: str
    obese: bool  # the ground truth the neuron is checked against
    agrees: bool  # whether the neuron's label matches it
    threshold: float = WHO_OBESE_BMI  # obese from this BMI on


def bmi_check(height_ft: float, weight_kg: float, neuron_says_obese: bool) -> BmiCheck:
    height_m = height_ft * METRES_PER_FOOT
    bmi = weight_kg / (height_m * height_m)
    obese = bmi >= WHO_OBESE_BMI
    return BmiCheck(height_m, bmi, who_class(bmi), obese, obese == neuron_says_obese)
