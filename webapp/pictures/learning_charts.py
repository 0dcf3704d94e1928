"""Geometry for the learning page's pictures: loss and accuracy curves, and the
learned boundary moving towards the BMI = 30 curve. Pure numpy, no Flask: it
returns coordinates; templates/learn/_charts.html only prints them.

The scales, ticks and labels are the lesson pictures' own (``scale.py``). Every
coordinate here is written as ``round(value, 1)``, as this page always printed them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from webapp.language import gettext
from webapp.learning.descent import Training
from webapp.lesson.bmi import WHO_OBESE_BMI
from webapp.lesson.boundary import HalfPlane, boundary_segment
from webapp.lesson.people import HEIGHT_RANGE_FT, People
from webapp.lesson.units import METRES_PER_FOOT
from webapp.pictures.scale import TICK, Label, Scale, Tick

WIDTH, HEIGHT = 320, 200
# The plot's margins: the bottom one holds the tick numbers (a line under the axis)
# and the axis title (at the foot of the picture).
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 46
PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
AXIS_Y = TOP + PLOT_H  # the x axis, exactly where the y scales put their lowest value
MAX_PEOPLE_SHOWN = 120
PLANE_HEIGHT_FT = HEIGHT_RANGE_FT  # every generated height fits across the plane
PLANE_WEIGHT_KG = (30.0, 180.0)
PERSON_R = 2.5  # one person's dot
DOT_R = 4  # a line chart's last point


def _px(value: float) -> float:
    """A pixel coordinate as this page writes it: one decimal, always a float."""
    return round(float(value), 1)


@dataclass(frozen=True)
class Chart:
    """A small chart's frame, all in SVG pixels: the axes run along ``left`` and
    ``bottom``; each tick has a mark and its number (``Tick.label``)."""

    width: int
    height: int
    left: int
    top: int
    right: int
    bottom: int  # the x axis: every point of the chart lies on or above it
    x_mark_to: int  # the x ticks' marks run from the axis down to here
    y_mark_from: int  # the y ticks' marks run from here right to the axis
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    x_places: int  # decimals of the tick numbers
    y_places: int
    x_label: str
    y_label: str
    x_title: Label  # where x_label is written


def _x_ticks(domain: tuple[float, float], count: int, sx: Scale) -> tuple[Tick, ...]:
    """Evenly spaced; the first number starts at its tick and the last ends at its."""
    values = np.linspace(domain[0], domain[1], count).tolist()
    anchors = ["start"] + ["middle"] * (count - 2) + ["end"]
    return tuple(
        Tick(_px(sx(v)), v, Label(_px(sx(v)), AXIS_Y + 16, anchor))
        for v, anchor in zip(values, anchors, strict=True)
    )


def _y_ticks(domain: tuple[float, float], count: int, sy: Scale) -> tuple[Tick, ...]:
    values = np.linspace(domain[0], domain[1], count).tolist()
    return tuple(Tick(_px(sy(v)), v, Label(LEFT - 7, _px(sy(v) + 4), "end")) for v in values)


def _chart(
    x: tuple[tuple[float, float], int, int],
    y: tuple[tuple[float, float], int, int],
    labels: tuple[str, str],
) -> tuple[Chart, Scale, Scale]:
    """A chart's frame and its scales; x and y are each (domain, tick count, decimals)."""
    (x_domain, x_count, x_places), (y_domain, y_count, y_places) = x, y
    sx = Scale(x_domain[0], x_domain[1], LEFT, LEFT + PLOT_W)
    sy = Scale(y_domain[0], y_domain[1], AXIS_Y, TOP)
    chart = Chart(
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        top=TOP,
        right=LEFT + PLOT_W,
        bottom=AXIS_Y,
        x_mark_to=AXIS_Y + TICK,
        y_mark_from=LEFT - TICK,
        x_ticks=_x_ticks(x_domain, x_count, sx),
        y_ticks=_y_ticks(y_domain, y_count, sy),
        x_places=x_places,
        y_places=y_places,
        x_label=labels[0],
        y_label=labels[1],
        x_title=Label(LEFT + PLOT_W // 2, HEIGHT - 6, "middle"),
    )
    return chart, sx, sy


def _points(xs: np.ndarray, ys: np.ndarray) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in zip(xs, ys, strict=True))


@dataclass(frozen=True)
class LineChart:
    chart: Chart
    points: str  # an SVG polyline
    last: tuple[float, float]  # the final point, marked
    dot_r: int = DOT_R


def _line_chart(chart: Chart, xs: np.ndarray, ys: np.ndarray) -> LineChart:
    return LineChart(chart, _points(xs, ys), (_px(xs[-1]), _px(ys[-1])))


def loss_curve(training: Training) -> LineChart:
    """Mean loss against epoch, from 0 to the largest loss seen."""
    top = max(float(training.loss.max()), 0.1)
    labels = (gettext("epoch"), gettext("loss"))
    chart, sx, sy = _chart(((0, training.epochs), 3, 0), ((0, top), 3, 2), labels)
    return _line_chart(chart, sx(training.recorded_epochs), sy(training.loss))


def accuracy_curve(training: Training) -> LineChart:
    """Training accuracy (%) against epoch, on a fixed 0–100 % axis."""
    labels = (gettext("epoch"), gettext("accuracy %"))
    chart, sx, sy = _chart(((0, training.epochs), 3, 0), ((0, 100), 3, 0), labels)
    return _line_chart(chart, sx(training.recorded_epochs), sy(training.train_accuracy * 100))


@dataclass(frozen=True)
class Boundary:
    epoch: int
    x1: float
    y1: float
    x2: float
    y2: float
    final: bool


@dataclass(frozen=True)
class Plane:
    chart: Chart
    obese: tuple[tuple[float, float], ...]  # people the BMI rule calls obese
    not_obese: tuple[tuple[float, float], ...]
    bmi_curve: str  # polyline of weight = 30 · (height in m)²
    boundaries: tuple[Boundary, ...]  # the learned boundary at a few epochs
    drawn: int  # how many people are drawn (at most MAX_PEOPLE_SHOWN)
    heights: tuple[float, float] = PLANE_HEIGHT_FT  # the axes' ranges, for the description
    weights: tuple[float, float] = PLANE_WEIGHT_KG
    person_r: float = PERSON_R


def clipped_boundary(
    w1: float, w2: float, b: float, heights: tuple[float, float], weights: tuple[float, float]
) -> tuple[float, float, float, float] | None:
    """The part of the line w₁·h + w₂·m + b = 0 inside the box, or None if it misses it.

    lesson.boundary.boundary_segment clips to a box from the origin: shift this box
    to the origin, clip, and shift back.
    """
    (h0, h1), (m0, m1) = heights, weights
    shifted = HalfPlane(w1, w2, b + w1 * h0 + w2 * m0)
    segment = boundary_segment(h1 - h0, m1 - m0, shifted)
    if segment is None:
        return None
    (ha, ma), (hb, mb) = sorted(segment)
    return ha + h0, ma + m0, hb + h0, mb + m0


def _boundaries(training: Training, sx: Scale, sy: Scale) -> tuple[Boundary, ...]:
    """The learned boundary at each snapshot that crosses the plane; the last is final."""
    boundaries = []
    for index, (epoch, w1, w2, b) in enumerate(training.snapshots):
        segment = clipped_boundary(w1, w2, b, PLANE_HEIGHT_FT, PLANE_WEIGHT_KG)
        if segment is None:
            continue
        ha, ma, hb, mb = segment
        final = index == len(training.snapshots) - 1
        ends = _px(sx(ha)), _px(sy(ma)), _px(sx(hb)), _px(sy(mb))
        boundaries.append(Boundary(epoch, *ends, final))
    return tuple(boundaries)


def _dots(xs: np.ndarray, ys: np.ndarray) -> tuple[tuple[float, float], ...]:
    return tuple(zip(np.round(xs, 1).tolist(), np.round(ys, 1).tolist(), strict=True))


def plane(people: People, training: Training) -> Plane:
    """People in the height/weight plane, the BMI = 30 curve and the moving boundary."""
    labels = (gettext("height (ft)"), "kg")
    chart, sx, sy = _chart((PLANE_HEIGHT_FT, 4, 1), (PLANE_WEIGHT_KG, 4, 0), labels)
    drawn = min(len(people), MAX_PEOPLE_SHOWN)
    # Off-scale people are drawn at the edge of the plot, never outside it.
    px = sx(np.clip(people.height_ft[:drawn], *PLANE_HEIGHT_FT))
    py = sy(np.clip(people.weight_kg[:drawn], *PLANE_WEIGHT_KG))
    obese = people.y[:drawn] == 1.0
    heights = np.linspace(*PLANE_HEIGHT_FT, 25)
    curve_kg = WHO_OBESE_BMI * (heights * METRES_PER_FOOT) ** 2
    inside = curve_kg <= PLANE_WEIGHT_KG[1]
    return Plane(
        chart,
        _dots(px[obese], py[obese]),
        _dots(px[~obese], py[~obese]),
        _points(sx(heights[inside]), sy(curve_kg[inside])),
        _boundaries(training, sx, sy),
        drawn,
    )
