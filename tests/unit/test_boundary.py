"""Where the answer flips (webapp.lesson.boundary): z*, the flip in z and in kilograms,
and the half-plane clip the pictures draw with, against hand-computed values."""

from __future__ import annotations

import pytest

from webapp.lesson import boundary
from webapp.lesson.activations import ACTIVATIONS
from webapp.lesson.labels import NOT_OBESE, OBESE
from webapp.lesson.neuron import forward
from webapp.lesson.params import parse_lesson

SIGMOID, RELU, STEP = ACTIVATIONS["sigmoid"], ACTIVATIONS["relu"], ACTIVATIONS["step"]


def lesson(**params: str):
    parsed = parse_lesson({name: [value] for name, value in params.items()})
    assert parsed.ok, parsed.errors
    return parsed.lesson()


@pytest.mark.parametrize("act", ACTIVATIONS.values(), ids=list(ACTIVATIONS))
def test_z_star_is_where_each_activation_reaches_its_threshold(act):
    star, threshold = act.z_star, act.threshold
    assert float(act(star)) >= threshold
    assert float(act(star - 1e-9)) < threshold
    if act.name == "step":  # it jumps from 0 to 1 at z*, past the threshold
        assert float(act(star)) == 1.0
    else:  # the continuous ones sit exactly on their threshold at z*
        assert float(act(star)) == threshold
    # and the neuron's own decision flips there: Obese at z*, Not Obese just below
    assert forward([1.0], [star], 0.0, act).decision
    assert not forward([1.0], [star - 1e-9], 0.0, act).decision


def test_the_example_would_have_to_fall_by_its_own_z_to_flip():
    flip = boundary.decision_flip(lesson().trace)
    assert flip.direction == "fall"
    assert flip.by == pytest.approx(1.8008)
    assert flip.to_label == NOT_OBESE


def test_relu_flips_at_half_and_a_not_obese_answer_must_rise():
    # z = 0.2·4 + 0.00001·80 − 1 = −0.1992; relu would need z ≥ 0.5: rise by 0.6992
    flip = boundary.decision_flip(lesson(b="-1", activation="relu").trace)
    assert (flip.direction, flip.z_star, flip.to_label) == ("rise", 0.5, OBESE)
    assert flip.by == pytest.approx(0.6992)


def test_no_weight_flips_the_example():
    # z = 0.8 + 0.00001·m + 1 ≥ 0 for every m > 0: Obese at any weight
    fw = boundary.flip_weight(4.0, 0.2, 0.00001, 1.0, SIGMOID)
    assert (fw.kind, fw.kg, fw.label) == ("always", None, OBESE)


def test_the_flip_weight_for_a_constructed_neuron():
    # 0.2·4 + 0.05·m − 5 = 0  ⇔  m = 4.2 / 0.05 = 84 kg
    fw = boundary.flip_weight(4.0, 0.2, 0.05, -5.0, SIGMOID)
    assert fw.kind == "from" and fw.kg == pytest.approx(84.0)
    assert forward((4.0, 84.0001), (0.2, 0.05), -5.0).decision
    assert not forward((4.0, 83.999), (0.2, 0.05), -5.0).decision
    # relu flips at z = 0.5: m = 4.7 / 0.05 = 94 kg
    assert boundary.flip_weight(4.0, 0.2, 0.05, -5.0, RELU).kg == pytest.approx(94.0)
    # step flips at z = 0 like sigmoid, and z = 0 itself already says Obese
    step = boundary.flip_weight(4.0, 0.2, 0.05, -5.0, STEP)
    assert step.kind == "from" and step.kg == pytest.approx(84.0)


def test_a_negative_w2_means_heavier_reads_as_less_obese():
    # 0.2·4 − 0.05·m + 5 = 0  ⇔  m = 5.8 / 0.05 = 116 kg, Obese below it
    fw = boundary.flip_weight(4.0, 0.2, -0.05, 5.0, SIGMOID)
    assert (fw.kind, fw.heavier_lowers_z) == ("up_to", True)
    assert fw.kg == pytest.approx(116.0)
    # so negative that the answer is Not Obese from the very first kilogram
    never = boundary.flip_weight(4.0, 0.2, -0.05, -1.0, SIGMOID)
    assert (never.kind, never.label, never.heavier_lowers_z) == ("never", NOT_OBESE, True)


def test_flip_weights_out_of_range_or_without_effect():
    # 4.2 / 0.001 = 4200 kg, beyond the 700 kg limit
    assert boundary.flip_weight(4.0, 0.2, 0.001, -5.0, SIGMOID).kind == "never"
    no_effect = boundary.flip_weight(4.0, 0.2, 0.0, -5.0, SIGMOID)
    assert (no_effect.kind, no_effect.label) == ("no_effect", NOT_OBESE)
    assert boundary.flip_weight(4.0, 0.2, 0.0, 5.0, SIGMOID).label == OBESE
    # a tiny w₂ sends m* to ±inf without an error
    assert boundary.flip_weight(4.0, 0.2, 1e-310, -5.0, SIGMOID).kind == "never"


def test_the_half_plane_clip_keeps_each_side():
    square = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)]
    plane = boundary.HalfPlane(1.0, 0.0, -0.25)  # x ≥ 0.25
    assert boundary.clip(square, plane) == [(0.25, 0.0), (1.0, 0.0), (1.0, 1.0), (0.25, 1.0)]
    assert sorted(boundary.clip(square, plane, keep_positive=False)) == sorted(
        [(0.0, 0.0), (0.25, 0.0), (0.25, 1.0), (0.0, 1.0)]
    )
    assert boundary.boundary_segment(1.0, 1.0, plane) == ((0.25, 0.0), (0.25, 1.0))


def test_no_boundary_line_when_neither_input_counts():
    # w₁ = w₂ = 0: there is no line, only one side (the page: test_pictures_pages.py)
    assert boundary.boundary_segment(1.0, 1.0, boundary.HalfPlane(0.0, 0.0, 0.0)) is None
