"""The service layer against independently computed values."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

from webapp.lesson.activations import ACTIVATIONS, lookup
from webapp.lesson.neuron import forward


def test_the_lesson_example_exactly():
    t = forward([4, 80], [0.2, 0.00001], 1, ACTIVATIONS["sigmoid"])
    assert t.products == pytest.approx((0.8, 0.0008), rel=1e-15)
    assert t.weighted_sum == pytest.approx(0.8008, rel=1e-15)
    assert t.z == pytest.approx(1.8008, rel=1e-15)
    exp_neg_z = math.exp(-1.8008)
    assert t.intermediate("exp_neg_z") == pytest.approx(exp_neg_z, rel=1e-15)
    assert t.intermediate("denominator") == pytest.approx(1 + exp_neg_z, rel=1e-15)
    assert t.output == pytest.approx(1 / (1 + exp_neg_z), rel=1e-15)
    assert round(t.output, 4) == 0.8582  # not the 0.71 that published versions print
    assert t.threshold == 0.5
    assert t.decision is True


def test_sigmoid_of_zero_is_one_half():
    t = forward([0.0], [1.0], 0.0)
    assert t.output == 0.5
    assert t.decision is True  # 0.5 ≥ 0.5: the boundary belongs to the positive class


@pytest.mark.parametrize("z", [1000.0, -1000.0, 709.9, -709.9, 1e15, -1e15])
def test_sigmoid_is_stable_at_extreme_z(z):
    # pytest runs with warnings as errors, so an overflow warning fails here.
    t = forward([1.0], [z], 0.0)
    assert math.isfinite(t.output)
    assert 0.0 <= t.output <= 1.0
    assert all(math.isfinite(v) for _, v in t.intermediates)
    assert (t.output > 0.5) == (z > 0)


def test_sigmoid_negative_z_uses_the_overflow_free_form():
    t = forward([1.0], [-1000.0], 0.0)
    assert t.intermediate("exp_neg_z") is None
    assert t.intermediate("exp_z") == 0.0
    assert t.output == 0.0
    t = forward([1.0], [-710.0], 0.0)
    assert t.output == pytest.approx(math.exp(-710.0), rel=1e-12)


@pytest.mark.parametrize(
    ("name", "z", "expected"),
    [
        ("sigmoid", 2.0, 1 / (1 + math.exp(-2.0))),
        ("sigmoid", -3.0, 1 / (1 + math.exp(3.0))),
        ("tanh", 0.5, math.tanh(0.5)),
        ("tanh", -2.0, math.tanh(-2.0)),
        ("tanh", 1000.0, 1.0),
        ("relu", 1.5, 1.5),
        ("relu", -1.5, 0.0),
        ("step", 0.0, 1.0),
        ("step", -1e-9, 0.0),
        ("linear", -2.25, -2.25),
    ],
)
def test_every_activation(name, z, expected):
    t = forward([1.0], [z], 0.0, ACTIVATIONS[name])
    assert t.output == pytest.approx(expected, rel=1e-14, abs=1e-300)
    assert t.threshold == ACTIVATIONS[name].threshold
    assert t.decision is (t.output >= t.threshold)


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_the_threshold_splits_z_once_from_not_obese_to_obese(name):
    # Every activation rises with z, so output ≥ threshold holds from one z upwards: far
    # below it the answer is Not Obese, far above it Obese, and it flips exactly once.
    # (Where it flips, z*, is checked in test_boundary.py.)
    zs = np.linspace(-20.0, 20.0, 4001)
    decisions = [forward([1.0], [float(z)], 0.0, ACTIVATIONS[name]).decision for z in zs]
    flip = decisions.index(True)
    assert flip > 0
    assert all(decisions[flip:]) and not any(decisions[:flip])


def test_tanh_intermediates_are_the_exponentials():
    t = forward([1.0], [0.75], 0.0, ACTIVATIONS["tanh"])
    ez, emz = math.exp(0.75), math.exp(-0.75)
    assert t.intermediate("exp_z") == pytest.approx(ez)
    assert t.intermediate("exp_neg_z") == pytest.approx(emz)
    assert t.intermediate("numerator") == pytest.approx(ez - emz)
    assert t.intermediate("denominator") == pytest.approx(ez + emz)
    assert t.intermediate("numerator") / t.intermediate("denominator") == pytest.approx(t.output)


def test_any_number_of_inputs():
    rng = np.random.default_rng(7)
    x, w = rng.normal(size=1000), rng.normal(size=1000)
    t = forward(x, w, 0.5, ACTIVATIONS["linear"])
    assert len(t.products) == 1000
    assert t.z == pytest.approx(float(np.dot(w, x)) + 0.5, rel=1e-12)


def test_the_trace_is_immutable():
    t = forward([4, 80], [0.2, 0.00001], 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        t.z = 0.0  # type: ignore[misc]
    assert isinstance(t.x, tuple) and isinstance(t.products, tuple)


@pytest.mark.parametrize(
    ("x", "w", "b", "activation"),
    [
        ([], [], 0.0, "sigmoid"),
        ([1.0, 2.0], [1.0], 0.0, "sigmoid"),
        ([float("nan")], [1.0], 0.0, "sigmoid"),
        ([1.0], [float("inf")], 0.0, "sigmoid"),
        ([1.0], [1.0], float("nan"), "sigmoid"),
        ([1e308, 1e308], [10.0, 10.0], 0.0, "linear"),
    ],
)
def test_forward_refuses_what_it_cannot_compute(x, w, b, activation):
    with pytest.raises(ValueError):
        forward(x, w, b, ACTIVATIONS[activation])


def test_an_unknown_name_is_refused_where_names_are_looked_up():
    assert lookup("tanh") is ACTIVATIONS["tanh"]
    with pytest.raises(ValueError, match="softmax"):
        lookup("softmax")


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_vectorised_activation_matches_the_trace(name):
    zs = np.array([-800.0, -3.0, -0.5, 0.0, 0.5, 3.0, 800.0])
    act = ACTIVATIONS[name]
    expected = [forward([1.0], [z], 0.0, act).output for z in zs]
    assert act(zs).tolist() == pytest.approx(expected, rel=1e-15, abs=0)
