"""The pictures' geometry (webapp.pictures) against hand-computed values. Where the
answer flips: tests/unit/test_boundary.py; the SVGs on the pages:
tests/app/test_pictures_pages.py."""

from __future__ import annotations

import math
import re

import pytest

from webapp.lesson.activations import ACTIVATIONS
from webapp.lesson.params import parse_lesson
from webapp.pictures import scale
from webapp.pictures.activation_curve import activation_curve
from webapp.pictures.activation_table import activation_table
from webapp.pictures.decision_plane import decision_plane
from webapp.pictures.neuron_diagram import neuron_diagram
from webapp.pictures.waterfall import waterfall

ACTS = list(ACTIVATIONS)


def lesson(**params: str):
    parsed = parse_lesson({name: [value] for name, value in params.items()})
    assert parsed.ok, parsed.errors
    return parsed.lesson()


# -- small helpers ------------------------------------------------------------


def test_coordinates_are_rounded_to_one_decimal_and_whole_ones_are_ints():
    assert scale.r1(12.04) == 12 and isinstance(scale.r1(12.04), int)
    assert scale.r1(12.06) == 12.1
    assert scale.r1(-0.04) == 0


@pytest.mark.parametrize(
    ("span", "count", "step"),
    [(12, 6, 2), (12, 5, 5), (8, 4, 2), (243.84, 5, 50), (1.12, 5, 0.5), (7e6, 5, 2e6)],
)
def test_nice_steps_are_1_2_or_5_and_give_at_most_count_intervals(span, count, step):
    assert scale.nice_step(span, count) == pytest.approx(step)


def test_ticks_fall_on_round_values_inside_the_range():
    z_scale = scale.Scale(-6.0, 6.0, 42.0, 332.0)
    ticks = scale.ticks(-6.0, 6.0, z_scale, 6)
    assert [t.value for t in ticks] == [-6, -4, -2, 0, 2, 4, 6]
    assert ticks[0].pos == 42 and ticks[-1].pos == 332 and ticks[3].pos == 187


def test_polyline_drops_repeated_points():
    assert scale.polyline([(0, 0), (0.01, 0.02), (10, 5.55)]) == "M0 0L10 5.5"


# -- the decision plane -------------------------------------------------------


def test_the_example_is_obese_everywhere_in_the_picture():
    plane = decision_plane(lesson())
    assert plane.line is None and plane.line_path == ""
    assert plane.everywhere == "Obese"
    assert plane.neg_region == "" and plane.pos_region.endswith("Z")
    assert (plane.x_max, plane.y_max) == (8, 200)


def test_the_boundary_line_in_feet_and_kilograms():
    # 0.2·h + 0.05·m − 5 = 0: at h = 0, m = 100; at h = 8, m = (5 − 1.6) / 0.05 = 68
    plane = decision_plane(lesson(w2="0.05", b="-5"))
    ends = sorted(plane.line)
    assert ends[0] == pytest.approx((0.0, 100.0))
    assert ends[1] == pytest.approx((8.0, 68.0))
    assert plane.flip.kind == "from" and plane.flip_in_unit == pytest.approx(84.0)
    assert plane.who_kg == pytest.approx(30 * (4 * 0.3048) ** 2)  # 44.59 kg
    assert plane.everywhere is None and plane.pos_region and plane.neg_region


def test_the_boundary_line_in_the_learners_units():
    # axes 0–250 cm and 0–400 lb; 250 cm = 250/30.48 ft
    plane = decision_plane(
        lesson(height="170", height_unit="cm", weight="176", weight_unit="lb", w2="0.05", b="-5")
    )
    assert (plane.x_max, plane.y_max) == (250, 400)
    kg_per_lb = 0.45359237
    at_250 = (5 - 0.2 * 250 / 30.48) / 0.05 / kg_per_lb
    ends = sorted(plane.line)
    assert ends[0] == pytest.approx((0.0, 100 / kg_per_lb))
    assert ends[1] == pytest.approx((250.0, at_250))
    # 170 cm = 5.5774 ft: m* = (5 − 1.11549) / 0.05 = 77.69 kg = 171.28 lb
    assert plane.flip_in_unit == pytest.approx((5 - 0.2 * 170 / 30.48) / 0.05 / kg_per_lb)


def test_the_who_curve_is_an_exact_parabola():
    plane = decision_plane(lesson())
    # BMI 30 at 8 ft: 30 · 2.4384² = 178.4 kg, below the top of the 200 kg axis
    start, control, end = re.fullmatch(
        r"M([\d.]+ [\d.]+)Q([\d.]+ [\d.]+) ([\d.]+ [\d.]+)", plane.who_path
    ).groups()
    x0, y0, x1, y1 = plane.box
    assert start == f"{scale.r1(x0)} {scale.r1(y1)}"
    assert control == f"{scale.r1((x0 + x1) / 2)} {scale.r1(y1)}"
    kg = 30 * (8 * 0.3048) ** 2
    assert end == f"{scale.r1(x1)} {scale.r1(y1 - kg / 200 * (y1 - y0))}"


# -- the other pictures -------------------------------------------------------


def test_the_curve_point_for_the_example():
    curve = activation_curve(lesson().trace)
    x0, y0, x1, y1 = curve.box
    assert curve.z_range == (-6.0, 6.0)
    z, y = 1.8008, 1 / (1 + math.exp(-1.8008))
    px = x0 + (z + 6) / 12 * (x1 - x0)
    py = y1 - (y + 0.06) / 1.12 * (y1 - y0)  # outputs 0–1, padded by 6% each way
    assert curve.point == (pytest.approx(px, abs=0.051), pytest.approx(py, abs=0.051))
    assert curve.star_x == scale.r1(x0 + 6 / 12 * (x1 - x0))
    assert curve.threshold_y == scale.r1(y1 - 0.56 / 1.12 * (y1 - y0))
    assert curve.path.count(" ") <= 2 * 60  # a compact curve


@pytest.mark.parametrize("name", ACTS)
@pytest.mark.parametrize("z_params", [{}, {"w1": "-1000000", "b": "-1000000"}, {"b": "1000000"}])
def test_the_curve_range_always_holds_z_and_the_flip(name, z_params):
    trace = lesson(activation=name, **z_params).trace
    curve = activation_curve(trace)
    lo, hi = curve.z_range
    assert lo <= trace.z <= hi and lo <= ACTIVATIONS[name].z_star <= hi
    x0, y0, x1, y1 = curve.box
    assert x0 <= curve.point[0] <= x1 and y0 <= curve.point[1] <= y1


def test_the_waterfall_keeps_a_tiny_contribution_visible():
    wf = waterfall(lesson().trace)
    b, p1, p2, z = wf.bars
    assert [bar.name for bar in wf.bars] == ["b", "w1x1", "w2x2", "z"]
    assert [bar.total for bar in wf.bars] == pytest.approx([1.0, 1.8, 1.8008, 1.8008])
    assert p2.value == pytest.approx(0.0008) and p2.widened and p2.width == 2.5
    assert not p1.widened and p1.width > 50
    assert z.x == b.x == wf.zero_x  # b and z both start at 0


def test_the_waterfall_goes_left_for_negative_steps():
    wf = waterfall(lesson(w1="-0.3", b="-1.5", activation="relu").trace)
    b, p1, _, z = wf.bars
    assert z.sign == "neg" and z.total == pytest.approx(-2.7 + 0.0008)
    assert b.sign == "neg" and b.x < wf.zero_x
    assert p1.sign == "neg" and p1.x + p1.width == pytest.approx(b.x, abs=0.11)
    assert wf.star == 0.5 and wf.star_x > wf.zero_x


def test_the_neuron_diagram_wires_scale_with_contributions():
    diagram = neuron_diagram(lesson().trace)
    x1_wire, x2_wire, bias = diagram.wires
    assert bias.width == 8  # b = 1 is the biggest contribution
    assert x1_wire.width == scale.r1(1.5 + 6.5 * 0.8)
    assert 1.5 <= x2_wire.width < 1.6  # 0.0008: thin, still there
    assert {w.sign for w in diagram.wires} == {"pos"}
    negative = neuron_diagram(lesson(w1="-0.2", w2="0").trace)
    assert [w.sign for w in negative.wires] == ["neg", "zero", "pos"]


def test_the_table_runs_the_same_z_through_every_activation():
    rows = activation_table(lesson(b="-1").trace)  # z = −0.1992
    by_name = {row.name: row for row in rows}
    assert list(by_name) == ACTS
    assert by_name["sigmoid"].chosen and not by_name["tanh"].chosen
    assert by_name["sigmoid"].output == pytest.approx(1 / (1 + math.exp(0.1992)))
    assert by_name["tanh"].output == pytest.approx(math.tanh(-0.1992))
    assert (by_name["relu"].output, by_name["step"].output) == (0, 0)
    assert by_name["linear"].output == pytest.approx(-0.1992)
    assert {row.label for row in rows} == {"Not Obese"}  # said, in English
