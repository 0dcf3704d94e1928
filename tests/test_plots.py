"""The pictures: geometry against hand-computed values, then the SVGs on the page."""

from __future__ import annotations

import gzip
import math
import re
from html import unescape

import pytest

from webapp import create_app
from webapp.lesson import boundary
from webapp.lesson.activations import ACTIVATIONS
from webapp.lesson.neuron import activate, forward
from webapp.lesson.params import LESSON_DEFAULTS as DEFAULTS
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


# -- where the answer flips ---------------------------------------------------


@pytest.mark.parametrize("name", ACTS)
def test_z_star_is_where_each_activation_reaches_its_threshold(name):
    star = boundary.z_star(name)
    threshold = ACTIVATIONS[name].threshold
    assert float(activate(star, name)) >= threshold
    assert float(activate(star - 1e-9, name)) < threshold
    assert star == {"sigmoid": 0, "tanh": 0, "relu": 0.5, "step": 0, "linear": 0.5}[name]


def test_the_example_would_have_to_fall_by_its_own_z_to_flip():
    flip = boundary.decision_flip(lesson().trace)
    assert flip.direction == "fall"
    assert flip.by == pytest.approx(1.8008)
    assert flip.to_label == "Not Obese"


def test_relu_flips_at_half_and_a_not_obese_answer_must_rise():
    # z = 0.2·4 + 0.00001·80 − 1 = −0.1992; relu would need z ≥ 0.5: rise by 0.6992
    flip = boundary.decision_flip(lesson(b="-1", activation="relu").trace)
    assert (flip.direction, flip.z_star, flip.to_label) == ("rise", 0.5, "Obese")
    assert flip.by == pytest.approx(0.6992)


def test_no_weight_flips_the_example():
    # z = 0.8 + 0.00001·m + 1 ≥ 0 for every m > 0: Obese at any weight
    fw = boundary.flip_weight(4.0, 0.2, 0.00001, 1.0, "sigmoid")
    assert (fw.kind, fw.kg, fw.label) == ("always", None, "Obese")


def test_the_flip_weight_for_a_constructed_neuron():
    # 0.2·4 + 0.05·m − 5 = 0  ⇔  m = 4.2 / 0.05 = 84 kg
    fw = boundary.flip_weight(4.0, 0.2, 0.05, -5.0, "sigmoid")
    assert fw.kind == "from" and fw.kg == pytest.approx(84.0)
    assert forward((4.0, 84.0001), (0.2, 0.05), -5.0).decision
    assert not forward((4.0, 83.999), (0.2, 0.05), -5.0).decision
    # relu flips at z = 0.5: m = 4.7 / 0.05 = 94 kg
    assert boundary.flip_weight(4.0, 0.2, 0.05, -5.0, "relu").kg == pytest.approx(94.0)
    # step flips at z = 0 like sigmoid, and z = 0 itself already says Obese
    step = boundary.flip_weight(4.0, 0.2, 0.05, -5.0, "step")
    assert step.kind == "from" and step.kg == pytest.approx(84.0)


def test_a_negative_w2_means_heavier_reads_as_less_obese():
    # 0.2·4 − 0.05·m + 5 = 0  ⇔  m = 5.8 / 0.05 = 116 kg, Obese below it
    fw = boundary.flip_weight(4.0, 0.2, -0.05, 5.0, "sigmoid")
    assert (fw.kind, fw.heavier_less_obese) == ("up_to", True)
    assert fw.kg == pytest.approx(116.0)
    # so negative that the answer is Not Obese from the very first kilogram
    never = boundary.flip_weight(4.0, 0.2, -0.05, -1.0, "sigmoid")
    assert (never.kind, never.label, never.heavier_less_obese) == ("never", "Not Obese", True)


def test_flip_weights_out_of_range_or_without_effect():
    # 4.2 / 0.001 = 4200 kg, beyond the 700 kg limit
    assert boundary.flip_weight(4.0, 0.2, 0.001, -5.0, "sigmoid").kind == "never"
    no_effect = boundary.flip_weight(4.0, 0.2, 0.0, -5.0, "sigmoid")
    assert (no_effect.kind, no_effect.label) == ("no_effect", "Not Obese")
    assert boundary.flip_weight(4.0, 0.2, 0.0, 5.0, "sigmoid").label == "Obese"
    # a tiny w₂ sends m* to ±inf without an error
    assert boundary.flip_weight(4.0, 0.2, 1e-310, -5.0, "sigmoid").kind == "never"


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


def test_the_half_plane_clip_keeps_each_side():
    square = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)]
    plane = boundary.HalfPlane(1.0, 0.0, -0.25)  # x ≥ 0.25
    assert boundary.clip(square, plane) == [(0.25, 0.0), (1.0, 0.0), (1.0, 1.0), (0.25, 1.0)]
    assert sorted(boundary.clip(square, plane, keep_positive=False)) == sorted(
        [(0.0, 0.0), (0.25, 0.0), (0.25, 1.0), (0.0, 1.0)]
    )
    assert boundary.boundary_segment(1.0, 1.0, plane) == ((0.25, 0.0), (0.25, 1.0))


def test_no_boundary_line_when_neither_input_counts(client):
    # w₁ = w₂ = 0: there is no line, only one side; none may be drawn along an edge
    assert boundary.boundary_segment(1.0, 1.0, boundary.HalfPlane(0.0, 0.0, 0.0)) is None
    response = client.get("/?w1=0&w2=0&b=0&activation=step")
    assert response.status_code == 200
    assert 'class="bound"' not in response.get_data(as_text=True)


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
    assert lo <= trace.z <= hi and lo <= boundary.z_star(name) <= hi
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
    assert {row.label for row in rows} == {"Not Obese"}


# -- on the page --------------------------------------------------------------


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """One app for the page tests, so its templates are compiled once."""
    app = create_app({"TESTING": True, "SECRET_KEY": "test-secret-key-not-for-production"})
    app.instance_path = str(tmp_path_factory.mktemp("instance"))
    return app.test_client()


RESULTS = [
    "",
    "?" + "&".join(f"{k}={v}" for k, v in DEFAULTS.items()),
    "?height=170&height_unit=cm&weight=176&weight_unit=lb&w2=0.05&b=-5&activation=tanh",
    "?height=66&height_unit=in&weight=150&weight_unit=lb&w1=0.1&w2=-0.02&activation=step",
    "?height=1.7&height_unit=m&weight=90&w1=-0.3&w2=0.02&b=-1.5&activation=relu",
    "?height=10&weight=1543.24&weight_unit=lb&w1=-1000000&w2=1000000&b=-1000000&activation=linear",
    "?height=0.001&weight=0.001&w1=0&w2=0&b=0&activation=sigmoid",
]


def svgs(page: str) -> list[str]:
    return re.findall(r"<svg\b.*?</svg>", page, re.S)


@pytest.mark.parametrize("query", RESULTS)
def test_every_picture_is_an_image_with_a_title_and_description(pages, query):
    response = pages.get("/" + query)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    pictures = [s for s in svgs(page) if 'class="pic' in s]
    assert len(pictures) == 5  # neuron, waterfall, curve, plane, luck meter
    for svg in pictures:
        head = svg[: svg.index(">")]
        assert 'role="img"' in head and 'viewBox="0 0 340 ' in head
        title_id, desc_id = re.search(r'aria-labelledby="([\w-]+) ([\w-]+)"', head).groups()
        title = re.search(rf'<title id="{title_id}">([^<]+)</title>', svg)
        desc = re.search(rf'<desc id="{desc_id}">([^<]+)</desc>', svg)
        assert title and desc, head
        assert re.search(r"\d", desc.group(1)), "the description states the numbers"
        assert " style=" not in svg  # the CSP forbids inline styles
        assert re.search(r"\d\.\d\d", re.sub(r"<(title|desc|text)\b.*?</\1>", "", svg)) is None


def test_the_pictures_say_what_flips_the_answer(pages):
    response = pages.get("/?w2=0.05&b=-5")
    assert response.status_code == 200
    page = unescape(response.get_data(as_text=True))
    # z = 0.8 + 4 − 5 = −0.2: Not Obese at 80 kg, Obese from 84 kg
    assert "Obese from 84 kg" in page
    assert "z would have to rise by 0.2, to 0, to flip the answer to Obese" in page
    assert "The BMI rule says Obese from 44.6 kg at this height." in page
    example = unescape(pages.get("/").get_data(as_text=True))
    assert "no weight in range flips it" in example
    assert "z would have to fall by more than 1.8008" in example
    assert "w₂x₂ = 0.0008 is too small to see" in example


def test_a_negative_w2_is_explained(pages):
    response = pages.get("/?w2=-0.05&b=5")
    assert response.status_code == 200
    page = unescape(response.get_data(as_text=True))
    assert "Obese up to 116 kg" in page and "a heavier person is less obese" in page


def test_the_table_of_all_five_activations_is_on_the_page(pages):
    response = pages.get("/?b=-1")
    assert response.status_code == 200
    page = unescape(response.get_data(as_text=True))
    table = re.search(r'<table class="acts">.*?</table>', page, re.S).group(0)
    for title in ("Sigmoid", "Hyperbolic tangent", "ReLU", "Step", "Linear (identity)"):
        assert f'<th scope="row">{title}' in table
    assert "−0.1992" in table and "−0.1966" in table  # linear and tanh
    assert table.count("Not Obese") == 5


@pytest.mark.parametrize(
    "query",
    [*RESULTS]
    + [f"?activation={name}&height=180&height_unit=cm&weight=200&weight_unit=lb" for name in ACTS],
)
def test_the_result_page_stays_within_14_kb_gzipped(pages, query):
    response = pages.get("/" + query)
    assert response.status_code == 200
    size = len(gzip.compress(response.get_data(), compresslevel=6))
    assert size <= 14 * 1024, f"{query}: {size} bytes gzipped"


def test_the_widget_shows_the_two_core_pictures(pages):
    response = pages.get("/embed?w2=0.05&b=-5")
    assert response.status_code == 200
    pictures = [s for s in svgs(response.get_data(as_text=True)) if 'class="pic' in s]
    assert len(pictures) == 2
    assert 'aria-labelledby="nd-t nd-d"' in pictures[0]
    assert 'aria-labelledby="ac-t ac-d"' in pictures[1]


@pytest.mark.parametrize("b", ["5e-324", "-5e-324", "1e-300"])
def test_subnormal_and_tiny_values_still_draw(client, b):
    # found by hypothesis: a span of 5e-324 made the tick step's log10 fail (a 500)
    response = client.get(f"/?height=1&height_unit=cm&weight=1&w1=0&w2=0&b={b}&activation=linear")
    assert response.status_code == 200
    assert response.get_data(as_text=True).count('role="img"') >= 4
