"""Gradient descent on the height/weight neuron (the service layer, no Flask)."""

from __future__ import annotations

import numpy as np
import pytest

from webapp.learning import descent
from webapp.learning.descent import (
    Scaling,
    accuracy,
    bce_loss,
    gradients,
    make_people,
    sigmoid,
    train,
    worked_step,
)


def test_the_same_seed_gives_the_same_people_and_the_same_training():
    a, b = make_people(300, 5), make_people(300, 5)
    assert np.array_equal(a.x, b.x) and np.array_equal(a.y, b.y)
    assert not np.array_equal(a.x, make_people(300, 6).x)
    first, second = train(0.5, 200, 300, 5), train(0.5, 200, 300, 5)
    assert first.w == second.w and first.b == second.b
    assert np.array_equal(first.loss, second.loss)


def test_people_are_plausible_and_labelled_by_the_bmi_rule():
    people = make_people(2000, 1)
    assert people.height_ft.min() >= 4.5 and people.height_ft.max() <= 6.9
    assert people.weight_kg.min() > 30 and people.weight_kg.max() < 250
    bmi = people.weight_kg / (people.height_ft * 0.3048) ** 2
    assert np.array_equal(people.y, (bmi >= 30).astype(float))
    assert 0.1 < people.y.mean() < 0.4  # both classes well represented


def test_the_gradient_matches_finite_differences():
    # the function the training loop runs, against the loss it minimises (summed: n × mean)
    people = make_people(200, 3)
    x = Scaling.fit(people.x).apply(people.x)
    x1, x2 = x[:, 0], x[:, 1]
    w, b = np.array([0.3, -0.7]), 0.2
    grad = gradients(x1 * w[0] + x2 * w[1] + b, x1, x2, people.y)
    h = 1e-6

    def loss(w_, b_):
        return len(people) * bce_loss(x @ w_ + b_, people.y)

    for i in range(2):
        step = np.zeros(2)
        step[i] = h
        numeric = (loss(w + step, b) - loss(w - step, b)) / (2 * h)
        assert grad[i] == pytest.approx(numeric, rel=1e-6, abs=1e-7)
    assert grad[2] == pytest.approx((loss(w, b + h) - loss(w, b - h)) / (2 * h), rel=1e-6)


def test_training_runs_the_tested_gradient(monkeypatch):
    # the loop steps by the gradient above, not by a copy of its own: count the calls and
    # check that the steps follow it
    calls = []

    def counted(*args):
        calls.append(args)
        return gradients(*args)

    monkeypatch.setattr(descent, "gradients", counted)
    result = train(0.5, 7, 50, 1)
    assert len(calls) == 7  # one per epoch
    monkeypatch.setattr(descent, "gradients", lambda z, x1, x2, y: (0.0, 0.0, 0.0))
    frozen = train(0.5, 7, 50, 1)
    assert frozen.w_scaled == (0.0, 0.0) and frozen.b_scaled == 0.0
    assert result.w_scaled != frozen.w_scaled


def test_bce_loss_is_stable_for_confident_predictions():
    z = np.array([-800.0, 800.0, 0.0])
    y = np.array([0.0, 1.0, 1.0])
    assert bce_loss(z, y) == pytest.approx(np.log(2) / 3)
    assert sigmoid(np.array([-800.0]))[0] == 0.0


def test_the_loss_falls():
    result = train(0.5, 300, 400, 2)
    assert result.loss[0] == pytest.approx(np.log(2))  # all-zero weights: σ = 0.5
    assert result.loss[-1] < 0.5 * result.loss[0]
    assert np.all(np.diff(result.loss) <= 1e-12)  # full-batch GD with a modest rate


def test_the_learned_neuron_beats_random_weights_on_held_out_people():
    result = train(0.5, 500, 500, 4)
    assert result.accuracy_holdout >= 0.9
    assert result.accuracy_holdout > result.random_accuracy_holdout + 0.1


def test_raw_weights_make_the_same_decisions_as_scaled_ones():
    people = make_people(300, 9)
    result = train(1.0, 200, 300, 9)
    scaling = Scaling.fit(people.x)
    z_scaled = scaling.apply(people.x) @ np.array(result.w_scaled) + result.b_scaled
    z_raw = people.x @ np.array(result.w) + result.b
    assert z_raw == pytest.approx(z_scaled, rel=1e-9, abs=1e-9)
    assert accuracy(people.x, people.y, np.array(result.w), result.b) == result.accuracy_train


def test_one_worked_step_for_the_lessons_person():
    step = worked_step((4.0, 80.0), 1.0, (0.2, 0.00001), 1.0, 0.1)
    y_hat = 1 / (1 + np.exp(-1.8008))
    assert step.y_hat == pytest.approx(y_hat)
    assert step.error == pytest.approx(y_hat - 1)
    assert step.grad_w == pytest.approx(((y_hat - 1) * 4, (y_hat - 1) * 80))
    assert step.grad_b == pytest.approx(y_hat - 1)
    assert step.new_w == pytest.approx(
        (0.2 - 0.1 * (y_hat - 1) * 4, 0.00001 - 0.1 * (y_hat - 1) * 80)
    )
    assert step.new_b == pytest.approx(1 - 0.1 * (y_hat - 1))
    assert step.new_y_hat > step.y_hat  # the step moved towards the right answer


def test_snapshots_start_untrained_and_end_at_the_learned_weights():
    result = train(0.5, 100, 200, 1)
    assert result.snapshots[0] == (0, 0.0, 0.0, 0.0)
    epoch, w1, w2, b = result.snapshots[-1]
    assert epoch == 100
    assert (w1, w2, b) == pytest.approx((*result.w, result.b))


def test_the_learning_plane_clips_the_boundary_to_its_box():
    from webapp.pictures.learning_charts import clipped_boundary

    assert clipped_boundary(0.0, 0.0, 0.0, (4.5, 6.9), (30, 180)) is None  # untrained: no line
    assert clipped_boundary(1.0, 0.0, -5.5, (4.5, 6.9), (30, 180)) == (5.5, 30, 5.5, 180)
    h0, m0, h1, m1 = clipped_boundary(-12.0, 0.41, 31.0, (4.5, 6.9), (30, 180))
    assert (h0, h1) == (4.5, 6.9)
    assert m0 == pytest.approx((12.0 * 4.5 - 31.0) / 0.41)
    assert m1 == pytest.approx((12.0 * 6.9 - 31.0) / 0.41)
    assert clipped_boundary(0.0, 1.0, -500.0, (4.5, 6.9), (30, 180)) is None  # misses the box
