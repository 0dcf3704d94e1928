"""Units, labels and the BMI check of the height/weight example."""

from __future__ import annotations

import numpy as np
import pytest

from webapp.lesson.activations import ACTIVATIONS
from webapp.lesson.bmi import who_class
from webapp.lesson.labels import NOT_OBESE, OBESE
from webapp.lesson.params import LESSON_DEFAULTS as DEFAULTS
from webapp.lesson.random_weights import draw_weights
from webapp.lesson.result import run_lesson
from webapp.lesson.units import to_feet, to_kg


@pytest.mark.parametrize(
    ("value", "unit", "feet"),
    [(4, "ft", 4.0), (48, "in", 4.0), (121.92, "cm", 4.0), (1.2192, "m", 4.0), (30.48, "cm", 1.0)],
)
def test_height_units_convert_to_feet(value, unit, feet):
    assert to_feet(value, unit) == pytest.approx(feet, rel=1e-15)


@pytest.mark.parametrize(("value", "unit", "kg"), [(80, "kg", 80.0), (1, "lb", 0.45359237)])
def test_weight_units_convert_to_kg(value, unit, kg):
    assert to_kg(value, unit) == pytest.approx(kg, rel=1e-15)


@pytest.mark.parametrize(
    ("bmi", "name"),
    [
        (18.4, "Underweight"),
        (18.5, "Normal weight"),
        (24.99, "Normal weight"),
        (25, "Overweight"),
        (29.99, "Overweight"),
        (30, "Obese"),
        (53.8, "Obese"),
    ],
)
def test_who_classes(bmi, name):
    assert who_class(bmi) == name


def lesson(**overrides):
    values = {
        "height": 4.0,
        "height_unit": "ft",
        "weight": 80.0,
        "weight_unit": "kg",
        "w1": 0.2,
        "w2": 0.00001,
        "b": 1.0,
        "activation": ACTIVATIONS["sigmoid"],
    }
    values.update(overrides)
    return run_lesson(raw=DEFAULTS, **values)


def test_the_example_is_obese_and_agrees_with_bmi():
    result = lesson()
    assert result.label is OBESE
    assert result.bmi.height_m == pytest.approx(1.2192)
    assert round(result.bmi.bmi, 1) == 53.8
    assert result.bmi.who_class == "Obese"
    assert result.bmi.agrees is True


def test_other_weights_can_call_the_same_person_not_obese():
    result = lesson(w1=-0.5)
    assert result.label is NOT_OBESE
    assert result.bmi.agrees is False


def test_units_are_converted_before_the_neuron():
    result = lesson(height=170.0, height_unit="cm", weight=176.0, weight_unit="lb")
    assert result.trace.x[0] == pytest.approx(170 / 30.48)
    assert result.trace.x[1] == pytest.approx(176 * 0.45359237)


def test_random_weights_have_a_sensible_scale():
    drawn = draw_weights(np.random.default_rng(1), 20_000)
    assert set(drawn) == {"w1", "w2", "b"}
    # each term moves z by a few units for a typical person (5.5 ft, 70 kg)
    assert 1.0 < np.std(drawn["w1"] * 5.5) < 4.0
    assert 1.0 < np.std(drawn["w2"] * 70) < 4.0
    assert 1.0 < np.std(drawn["b"]) < 4.0
