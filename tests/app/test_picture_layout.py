"""Where the pictures' geometry lives: every coordinate is computed in webapp/pictures/,
the templates only print it; and the learning charts' points stay inside their frame."""

from __future__ import annotations

import ast
import math
import re
from collections import defaultdict
from pathlib import Path

import pytest

from webapp.learning.descent import make_people, train
from webapp.lesson.params import parse_lesson
from webapp.pictures import PICTURES, pictures, scale
from webapp.pictures.activation_curve import activation_curve
from webapp.pictures.decision_plane import decision_plane
from webapp.pictures.learning_charts import AXIS_Y, accuracy_curve, loss_curve, plane
from webapp.pictures.luck_chart import luck_chart
from webapp.pictures.neuron_diagram import neuron_diagram

ROOT = Path(__file__).resolve().parents[2]
PICTURE_CODE = sorted((ROOT / "webapp" / "pictures").glob("*.py"))
TEMPLATES = [
    *sorted((ROOT / "templates" / "pictures").glob("*.html")),
    ROOT / "templates" / "learn" / "_charts.html",
    ROOT / "templates" / "macros" / "pictures.html",
]
GEOMETRY = {
    *("x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "dx", "dy"),
    *("width", "height", "d", "points", "viewBox", "stroke-width", "transform"),
}


def lesson(**params: str):
    parsed = parse_lesson({name: [value] for name, value in params.items()})
    assert parsed.ok, parsed.errors
    return parsed.lesson()


def template_text(path: Path) -> str:
    """The template without its comments and its fill patterns (a hatching's tile size
    is a texture, not a position)."""
    text = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S)
    return re.sub(r"<defs>.*?</defs>", "", text, flags=re.S)


# -- the templates only print --------------------------------------------------


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_templates_take_every_coordinate_from_python(path):
    for name, value in re.findall(r'\s([\w-]+)="([^"]*)"', template_text(path)):
        if name not in GEOMETRY:
            continue
        expressions = re.findall(r"\{\{(.*?)\}\}", value)
        literal = re.sub(r"\{\{.*?\}\}", "", value)
        if name == "viewBox":
            literal = literal.removeprefix("0 0 ")  # every picture's origin
        assert not re.search(r"\d", literal), f'{path.name}: {name}="{value}"'
        for expression in expressions:  # no number chosen in the template either
            assert not re.search(r"\d", re.sub(r"\[\d+\]", "", expression)), f"{path.name}: {value}"


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_templates_do_no_arithmetic(path):
    for tag in re.findall(r"\{\{.*?\}\}|\{%.*?%\}", template_text(path), flags=re.S):
        code = re.sub(r"'[^']*'|\"[^\"]*\"", "''", tag[2:-2]).strip("-+ ")
        assert not re.search(r"[-+*/]|\bround\b", code), f"{path.name}: {tag}"


# -- the neuron diagram --------------------------------------------------------


def test_the_neuron_diagram_places_every_part():
    d = neuron_diagram(lesson().trace)
    for i, wire in zip(d.inputs, d.wires[:2], strict=True):
        centre = scale.r1(i.box.x + i.box.width / 2)
        assert i.name.x == i.value.x == i.weight.x == i.product.x == centre
        assert wire.path.startswith(f"M{centre} {i.box.y + i.box.height}V")
        ex, ey = map(float, wire.path.rsplit("L", 1)[1].split())
        assert math.hypot(ex - d.sum.cx, ey - d.sum.cy) == pytest.approx(d.sum.r, abs=0.1)
        # each text sits in the gap its wire leaves for it
        gaps = re.findall(r"V([\d.]+)M[\d.]+ ([\d.]+)", wire.path)
        for label, (top, bottom) in zip((i.weight, i.product), gaps, strict=True):
            assert float(top) < label.y < float(bottom)
    assert d.wires[2].path == f"M{d.bias.x + d.bias.width} {d.sum.cy}H{d.sum.cx - d.sum.r}"
    assert d.bias.y + d.bias.height / 2 == d.sum.cy
    # Σ's arrow runs from its rim down to f, f's across to the answer
    assert d.to_f.path.startswith(f"M{d.sum.cx} {d.sum.cy + d.sum.r}V")
    assert d.to_f.head.startswith(f"M{d.f.cx} {d.f.cy - d.f.r - 1}l")
    assert d.to_answer.path.startswith(f"M{d.f.cx + d.f.r} {d.f.cy}H")
    tip = float(re.match(r"M([\d.]+) ", d.to_answer.head).group(1))
    assert tip < d.pill.x == d.output_label.x == d.reason.x
    assert d.pill_label.x == d.pill.x + d.pill.width / 2
    assert d.f_big and d.f_label.y == d.f.cy + 7  # σ: one large letter


def test_the_neuron_diagram_fits_its_answer_and_its_symbol():
    obese = neuron_diagram(lesson().trace)
    not_obese = neuron_diagram(lesson(b="-5", activation="tanh").trace)
    assert not_obese.pill.width > obese.pill.width  # "Not Obese" is longer
    assert not_obese.pill_label.x == not_obese.pill.x + not_obese.pill.width / 2
    assert not not_obese.f_big and not_obese.f_label.y < obese.f_label.y


def test_the_neuron_svg_prints_the_diagrams_positions(client):
    page = client.get("/?b=-5").get_data(as_text=True)
    d = neuron_diagram(lesson(b="-5").trace)
    assert f'<circle class="node" cx="{d.sum.cx}" cy="{d.sum.cy}" r="{d.sum.r}"/>' in page
    assert f'<circle class="node" cx="{d.f.cx}" cy="{d.f.cy}" r="{d.f.r}"/>' in page
    pill = d.pill
    assert f'x="{pill.x}" y="{pill.y}" width="{pill.width}" height="{pill.height}"' in page
    assert f'<path class="head" d="{d.to_f.head}"/>' in page
    label = d.pill_label
    assert f'x="{label.x}" y="{label.y}">Not Obese</text>' in page


# -- ticks and labels ----------------------------------------------------------


def test_a_tick_number_at_the_right_edge_ends_at_its_tick():
    curve = activation_curve(lesson().trace)  # z from −6 to 6: the last tick at 332
    anchors = [t.label.anchor for t in curve.x_ticks]
    assert anchors == ["middle"] * (len(anchors) - 1) + ["end"]
    assert {t.label.y for t in curve.x_ticks} == {curve.box[3] + 16}
    for tick in curve.y_ticks:
        assert (tick.label.x, tick.label.y, tick.label.anchor) == (
            curve.box[0] - 6,
            tick.pos,
            "end",
        )
        assert tick.label.dy == scale.TICK_DY
    plane_ticks = decision_plane(lesson()).x_ticks  # 0–8 ft, the last at 330
    assert plane_ticks[-1].label.anchor == "end" and plane_ticks[0].label.anchor == "middle"


# -- the registry --------------------------------------------------------------


def test_every_registered_picture_is_drawn_on_first_use():
    example = lesson()
    p = pictures(example)
    assert set(PICTURES) == {
        "neuron",
        "waterfall",
        "curve",
        "table",
        "plane",
        "luck",
        "challenge_plane",
    }
    for name in PICTURES:
        assert getattr(p, name) is getattr(p, name)  # drawn once
    assert p.luck == luck_chart(example)
    with pytest.raises(AttributeError):
        p.histogram  # noqa: B018 - an unknown picture is an error, not None


# -- the learning charts -------------------------------------------------------


def pairs(points: str) -> list[tuple[float, float]]:
    return [tuple(map(float, p.split(","))) for p in points.split()]


@pytest.mark.parametrize(
    ("lr", "epochs", "n", "seed"),
    [
        (0.5, 300, 200, 1),  # the page's defaults
        (10.0, 60, 2000, 7),  # the largest step and the most people
        (0.0001, 1, 10, 0),  # one epoch of a tiny step, the fewest people
        (2.0, 900, 57, 12345),
        (0.05, 25, 500, 2**31 - 1),
    ],
)
def test_the_learning_charts_points_lie_inside_the_plot_on_or_above_the_axis(lr, epochs, n, seed):
    training = train(lr, epochs, n, seed)
    loss, accuracy = loss_curve(training), accuracy_curve(training)
    people = plane(make_people(n, seed), training)
    ends = [end for b in people.boundaries for end in ((b.x1, b.y1), (b.x2, b.y2))]
    drawn = [
        (loss.chart, [*pairs(loss.points), loss.last]),
        (accuracy.chart, [*pairs(accuracy.points), accuracy.last]),
        (
            people.chart,
            [*people.obese, *people.not_obese, *pairs(people.bmi_curve), *ends],
        ),
    ]
    for chart, points in drawn:
        assert chart.bottom == AXIS_Y
        assert chart.y_ticks[0].pos == chart.bottom  # the lowest value is on the axis
        assert chart.y_ticks[-1].pos == chart.top
        assert (chart.x_ticks[0].pos, chart.x_ticks[-1].pos) == (chart.left, chart.right)
        for x, y in points:
            assert chart.left <= x <= chart.right, (x, y)
            assert chart.top <= y <= chart.bottom, (x, y)


def test_the_learning_page_draws_its_axis_under_every_point(client):
    response = client.get("/learn?lr=2&epochs=400&n=300&seed=3")
    assert response.status_code == 200
    charts = re.findall(r'<svg[^>]*class="plot.*?</svg>', response.get_data(as_text=True), re.S)
    assert len(charts) == 3
    for svg in charts:
        axis = re.search(
            r'<g class="axis">\s*<line x1="[\d.]+" y1="([\d.]+)" x2="[\d.]+" y2="\1"/>', svg
        )
        axis_y = float(axis.group(1))
        assert axis_y == AXIS_Y
        ys = [float(y) for y in re.findall(r'cy="([\d.]+)"', svg)]
        for points in re.findall(r'<polyline[^>]*points="([^"]*)"', svg):
            ys += [y for _, y in pairs(points)]
        ys += [float(y) for y in re.findall(r'class="boundary[^"]*"[^>]*y[12]="([\d.]+)"', svg)]
        assert ys and max(ys) <= axis_y


# -- the code stays small ------------------------------------------------------


@pytest.mark.parametrize("path", PICTURE_CODE, ids=lambda p: p.name)
def test_no_picture_function_is_longer_than_60_lines(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            assert node.end_lineno - node.lineno < 60, f"{path.name}: {node.name}"


def test_no_run_of_six_lines_is_repeated_in_the_picture_code():
    runs = defaultdict(list)
    for path in PICTURE_CODE:
        text = path.read_text(encoding="utf-8")
        imports = {
            line
            for node in ast.walk(ast.parse(text))
            if isinstance(node, ast.Import | ast.ImportFrom)
            for line in range(node.lineno, node.end_lineno + 1)
        }
        lines = [
            (number, line.strip())
            for number, line in enumerate(text.splitlines(), 1)
            if number not in imports and line.strip() and not line.strip().startswith("#")
        ]
        lines = [(n, line) for n, line in lines if re.search(r"\w", line)]  # not ")" or "],"
        for k in range(len(lines) - 5):
            runs[tuple(line for _, line in lines[k : k + 6])].append(f"{path.name}:{lines[k][0]}")
    repeated = {run: where for run, where in runs.items() if len(where) > 1}
    assert not repeated, repeated
