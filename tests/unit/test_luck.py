"""The luck meter: seeded, drawn like the Random weights button, checked against the maths."""

from __future__ import annotations

import math
import time

import numpy as np
import pytest

from webapp.lesson import luck
from webapp.lesson.activations import ACTIVATIONS
from webapp.lesson.params import parse_lesson
from webapp.lesson.random_weights import draw_weights
from webapp.pictures.luck_chart import luck_chart

PEOPLE = [(4.0, 80.0), (5.5, 70.0), (6.2, 140.0), (0.5, 1.0), (10.0, 700.0)]
# What the lesson says the Random weights button draws, and the estimate below assumes:
# w₁ ~ N(0, 0.4²), w₂ ~ N(0, 0.03²), b ~ N(0, 2²).
SIGMOID = ACTIVATIONS["sigmoid"]
SCALES = {"w1": 0.4, "w2": 0.03, "b": 2.0}


def spread(height_ft: float, weight_kg: float) -> float:
    """σ of z = w₁h + w₂m + b: each term is normal with mean 0."""
    s = SCALES
    return math.sqrt((s["w1"] * height_ft) ** 2 + (s["w2"] * weight_kg) ** 2 + s["b"] ** 2)


def analytic_share(height_ft: float, weight_kg: float, name: str) -> float:
    """An independent estimate of what the meter measures: z is normal with mean 0 and
    σ = spread(h, m), so P(z ≥ z*) = 1 − Φ(z*/σ); the share on the BMI rule's side."""
    sigma = spread(height_ft, weight_kg)
    p_obese = 1 - 0.5 * (1 + math.erf(ACTIVATIONS[name].z_star / sigma / math.sqrt(2)))
    obese = weight_kg / (height_ft * 0.3048) ** 2 >= 30
    return p_obese if obese else 1 - p_obese


@pytest.mark.parametrize("name", list(ACTIVATIONS))
@pytest.mark.parametrize(("height_ft", "weight_kg"), PEOPLE)
def test_the_share_agrees_with_the_analytic_probability(height_ft, weight_kg, name):
    meter = luck.luck_meter(height_ft, weight_kg, ACTIVATIONS[name])
    expected = analytic_share(height_ft, weight_kg, name)
    standard_error = math.sqrt(expected * (1 - expected) / meter.draws)
    assert abs(meter.share - expected) <= 4 * standard_error, (meter.share, expected)
    assert meter.sigma == pytest.approx(spread(height_ft, weight_kg))


def test_the_figure_is_reproducible_and_uses_the_buttons_distribution():
    meter = luck.luck_meter.__wrapped__(4.0, 80.0, SIGMOID)  # uncached: computed afresh
    assert meter == luck.luck_meter.__wrapped__(4.0, 80.0, SIGMOID)
    # the same draws by hand: the seed, the button's own draw_weights, 20 000 sets
    drawn = draw_weights(np.random.default_rng(luck.SEED), luck.DRAWS)
    z = drawn["w1"] * 4.0 + drawn["w2"] * 80.0 + drawn["b"]
    assert meter.draws == len(z)  # every set drawn is counted
    assert meter.agree == int(np.count_nonzero(z >= 0))  # BMI 53.8: Obese
    assert meter.share == pytest.approx(0.49855)  # the fixed seed's figure


def test_the_button_draws_what_the_estimate_assumes():
    # draw_weights is what Random weights and the meter use: measure its distribution
    n = 200_000
    drawn = draw_weights(np.random.default_rng(11), n)
    assert set(drawn) == set(SCALES)
    for name, scale in SCALES.items():
        assert abs(drawn[name].mean()) < 4 * scale / math.sqrt(n), name  # 4 standard errors
        # the standard deviation's own standard error is about scale / √(2n), 0.16 %
        assert drawn[name].std() == pytest.approx(scale, rel=0.01), name


def test_sigmoid_tanh_and_step_are_a_coin_toss_for_anyone():
    # z* = 0 and z is symmetric around 0: exactly one half, whatever the person
    for name in ("sigmoid", "tanh", "step"):
        for height_ft, weight_kg in PEOPLE:
            assert analytic_share(height_ft, weight_kg, name) == pytest.approx(0.5)


def test_relu_and_linear_favour_not_obese_a_little():
    # z* = 0.5 > 0: for a small person (σ ≈ 2.06) P(z ≥ 0.5) = 1 − Φ(0.243) ≈ 0.404
    assert analytic_share(1.0, 10.0, "relu") == pytest.approx(0.4042, abs=1e-4)
    assert luck.luck_meter(1.0, 10.0, ACTIVATIONS["relu"]).share == pytest.approx(0.4042, abs=0.015)


def test_the_histogram_counts_every_draw_and_splits_at_z_star():
    for name in ("sigmoid", "relu"):
        meter = luck.luck_meter(5.5, 70.0, ACTIVATIONS[name])
        assert sum(meter.counts) + meter.below + meter.above == meter.draws
        assert len(meter.counts) == luck.BINS == len(meter.edges) - 1
        assert min(abs(edge - meter.z_star) for edge in meter.edges) < 1e-9
        width = meter.edges[1] - meter.edges[0]
        assert width == pytest.approx(7 * meter.sigma / luck.BINS)


def test_the_chart_puts_agreeing_bars_on_the_bmi_rules_side():
    obese = parse_lesson({}).lesson()  # BMI 53.8
    chart = luck_chart(obese)
    assert not chart.agree_left
    first_agree = float(chart.agree_path.split(" ")[0][1:])
    last_disagree = float(chart.disagree_path.rsplit("M", 1)[1].split(" ")[0])
    assert last_disagree < chart.star_x < first_agree
    slim = parse_lesson({"height": ["6"], "weight": ["60"]}).lesson()  # BMI 17.9
    assert luck_chart(slim).agree_left
    assert chart.yours_x is not None  # z = 1.8008 is well inside ±3.5σ


def test_it_is_fast_enough_for_every_page_view():
    luck.luck_meter.__wrapped__(4.0, 80.0, SIGMOID)  # the draws are made once per process
    timings = []
    for i in range(7):
        start = time.perf_counter()
        luck.luck_meter.__wrapped__(4.0 + i / 100, 80.0, SIGMOID)
        timings.append(time.perf_counter() - start)
    # about 1.5 ms on a quiet core; the bound leaves room for a busy test machine
    assert min(timings) < 0.010, timings
    start = time.perf_counter()
    luck.luck_meter(4.0, 80.0, SIGMOID)
    luck.luck_meter(4.0, 80.0, SIGMOID)
    assert time.perf_counter() - start < 0.010  # cached


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_neurons_say_obese_exactly_when_the_activation_does(name):
    # z ≥ z* stands in for f(z) ≥ threshold; at z* and a few ulps either side, and
    # across the band where f itself decides, the answer must be f's own.
    act = ACTIVATIONS[name]
    star = act.z_star
    down, up = [star], [star]
    for _ in range(5):  # z* and the five floats either side of it
        down.append(np.nextafter(down[-1], -np.inf))
        up.append(np.nextafter(up[-1], np.inf))
    z = np.array([*down, *up, *np.linspace(star - 1e-5, star + 1e-5, 2001)])
    z = np.concatenate([z, [-1e-300, 1e-300, -5e-324, 5e-324, -0.0, 0.0, -50.0, 50.0]])
    expected = act(z) >= act.threshold
    assert (luck._says_obese(z.copy(), act) == expected).all()
