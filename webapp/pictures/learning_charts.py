"""Geometry for the learning page's pictures: loss and accuracy curves, and the
learned boundary moving towards the BMI = 30 curve. Pure numpy, no Flask: it
returns coordinates and texts; templates draw the SVG.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from webapp.learning.descent import People, Training
from webapp.lesson.bmi import WHO_OBESE_BMI
from webapp.lesson.boundary import HalfPlane
from webapp.lesson.boundary import boundary_segment as shared_boundary_segment
from webapp.lesson.numbers import fmt
from webapp.lesson.units import METRES_PER_FOOT
from webapp.pictures.scale import Scale

WIDTH, HEIGHT = 320, 200
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 34
PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
MAX_PEOPLE_SHOWN = 120
PLANE_HEIGHT_FT = (4.5, 6.9)
PLANE_WEIGHT_KG = (30.0, 180.0)


@dataclass(frozen=True)
class Tick:
    pos: float  # pixel position along the axis
    text: str


@dataclass(frozen=True)
class Chart:
    """A small chart: its ticks and its paths, all in SVG pixels."""

    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    x_label: str
    y_label: str


def _scale(domain: tuple[float, float], pixels: tuple[float, float]) -> Scale:
    return Scale(domain[0], domain[1], pixels[0], pixels[1])


def _points(xs: np.ndarray, ys: np.ndarray) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in zip(xs, ys, strict=True))


def _ticks(domain: tuple[float, float], count: int, to_pixels, places: int = 4) -> tuple[Tick, ...]:
    values = np.linspace(domain[0], domain[1], count)
    return tuple(Tick(float(to_pixels(v)), fmt(float(v), places)) for v in values)


@dataclass(frozen=True)
class Curve:
    chart: Chart
    points: str  # an SVG polyline
    last: tuple[float, float]  # the final point, marked


def loss_curve(training: Training) -> Curve:
    """Mean loss against epoch, from 0 to the largest loss seen."""
    top = max(float(training.loss.max()), 0.1)
    sx = _scale((0, training.epochs), (LEFT, LEFT + PLOT_W))
    sy = _scale((0, top), (TOP + PLOT_H, TOP))
    xs, ys = sx(training.recorded_epochs), sy(training.loss)
    chart = Chart(
        _ticks((0, training.epochs), 3, sx, 0), _ticks((0, top), 3, sy, 2), "epoch", "loss"
    )
    return Curve(chart, _points(xs, ys), (float(xs[-1]), float(ys[-1])))


def accuracy_curve(training: Training) -> Curve:
    """Training accuracy (%) against epoch, on a fixed 0–100 % axis."""
    sx = _scale((0, training.epochs), (LEFT, LEFT + PLOT_W))
    sy = _scale((0, 100), (TOP + PLOT_H, TOP))
    xs, ys = sx(training.recorded_epochs), sy(training.train_accuracy * 100)
    chart = Chart(
        _ticks((0, training.epochs), 3, sx, 0), _ticks((0, 100), 3, sy, 0), "epoch", "accuracy %"
    )
    return Curve(chart, _points(xs, ys), (float(xs[-1]), float(ys[-1])))


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
    shown: int  # how many people are drawn


def boundary_segment(
    w1: float, w2: float, b: float, heights: tuple[float, float], weights: tuple[float, float]
) -> tuple[float, float, float, float] | None:
    """The part of the line w₁·h + w₂·m + b = 0 inside the box, or None if it misses it.

    The lesson's plane picture has the clipping already (boundary.boundary_segment, for a
    box from the origin): shift this box to the origin, clip, and shift back.
    """
    (h0, h1), (m0, m1) = heights, weights
    shifted = HalfPlane(w1, w2, b + w1 * h0 + w2 * m0)
    segment = shared_boundary_segment(h1 - h0, m1 - m0, shifted)
    if segment is None:
        return None
    (ha, ma), (hb, mb) = sorted(segment)
    return ha + h0, ma + m0, hb + h0, mb + m0


def plane(people: People, training: Training) -> Plane:
    """People in the height/weight plane, the BMI = 30 curve and the moving boundary."""
    sx = _scale(PLANE_HEIGHT_FT, (LEFT, LEFT + PLOT_W))
    sy = _scale(PLANE_WEIGHT_KG, (TOP + PLOT_H, TOP))
    shown = min(len(people), MAX_PEOPLE_SHOWN)
    px = sx(people.height_ft[:shown])
    py = sy(np.clip(people.weight_kg[:shown], *PLANE_WEIGHT_KG))
    obese = people.y[:shown] == 1.0
    heights = np.linspace(*PLANE_HEIGHT_FT, 25)
    curve_kg = WHO_OBESE_BMI * (heights * METRES_PER_FOOT) ** 2
    inside = curve_kg <= PLANE_WEIGHT_KG[1]
    boundaries = []
    for index, (epoch, w1, w2, b) in enumerate(training.snapshots):
        segment = boundary_segment(w1, w2, b, PLANE_HEIGHT_FT, PLANE_WEIGHT_KG)
        if segment is None:
            continue
        ha, ma, hb, mb = segment
        boundaries.append(
            Boundary(
                epoch,
                round(float(sx(ha)), 1),
                round(float(sy(ma)), 1),
                round(float(sx(hb)), 1),
                round(float(sy(mb)), 1),
                index == len(training.snapshots) - 1,
            )
        )
    chart = Chart(
        _ticks(PLANE_HEIGHT_FT, 4, sx, 1), _ticks(PLANE_WEIGHT_KG, 4, sy, 0), "height (ft)", "kg"
    )
    return Plane(
        chart,
        tuple(zip(np.round(px[obese], 1).tolist(), np.round(py[obese], 1).tolist(), strict=True)),
        tuple(zip(np.round(px[~obese], 1).tolist(), np.round(py[~obese], 1).tolist(), strict=True)),
        _points(sx(heights[inside]), sy(curve_kg[inside])),
        tuple(boundaries),
        shown,
    )
