"""Who this neuron calls Obese: the height/weight plane in the learner's units, the two
regions, the boundary line, the WHO's BMI = 30 curve, the learner's point and the
weight that flips the answer at this height."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from webapp.lesson.activations import Activation
from webapp.lesson.bmi import WHO_OBESE_BMI
from webapp.lesson.boundary import (
    FlipWeight,
    HalfPlane,
    boundary_segment,
    clip,
    decision_half_plane,
    flip_weight,
)
from webapp.lesson.labels import NOT_OBESE, OBESE, label_for
from webapp.lesson.result import Lesson
from webapp.lesson.units import HEIGHT_UNITS, METRES_PER_FOOT, WEIGHT_UNITS
from webapp.pictures.scale import (
    FONT,
    POINT_R,
    WIDTH,
    Label,
    Scale,
    Tick,
    below_axis,
    frame,
    left_of_axis,
    nice_ceiling,
    polyline,
    r1,
    text_width,
    ticks,
)

Point = tuple[float, float]
Segment = tuple[Point, Point]


@dataclass(frozen=True)
class BoundaryPlot:
    width: int
    height: int
    box: tuple[float, float, float, float]
    height_unit: str
    weight_unit: str
    x_max: float  # axes run from 0 to these, in the learner's units
    y_max: float
    pos_region: str  # path of the area the neuron calls Obese ("" if none)
    neg_region: str
    pos_label: Label | None
    neg_label: Label | None
    line: Segment | None  # data units
    line_path: str
    axes: str
    who_path: str  # BMI = 30, a parabola drawn as one exact quadratic Bézier
    who_label: Label
    point: tuple[float | int, float | int]
    point_label: Label
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    x_title: Label  # "height, ft →"
    y_title: Label  # "↑ weight, kg"
    flip: FlipWeight
    flip_in_unit: float | None  # the flip weight in the learner's weight unit
    who_kg: float  # the weight where BMI reaches 30 at this height
    who_in_unit: float
    max_in_unit: float  # the top of the weight range (700 kg) in the learner's unit
    everywhere: str | None  # a label if the whole picture is one region
    flip_label: str  # flip.label, the answer at every weight, in the page's language
    point_r: float = POINT_R


_HEIGHT = 262
_PLANE_BOX = (50.0, 26.0, 330.0, 224.0)
# The axes cover ordinary people at least: up to 8 ft and 160 kg.
_MIN_HEIGHT_FT = 8.0
_MIN_WEIGHT_KG = 160.0
# "you" tries these spots beside the point, nearest first: (dy, dx either way).
_YOU_SPOTS = ((-8, 8), (20, 8), (5, 10), (-20, 14), (32, 14))
_YOU_HALF_WIDTH, _YOU_HALF_HEIGHT = 15, 7  # "you" in bold is about 30 × 13 units
_YOU_CLEARANCE = 6.0  # enough room between "you" and a line
_REGION_HALF_WIDTH = 40.0  # "Obese" / "Not Obese" stay this far inside the plot's sides


@dataclass(frozen=True)
class _Axes:
    """The plane's ranges in the learner's units, and their scales."""

    feet_per_x: float
    kg_per_y: float
    x_max: float
    y_max: float
    sx: Scale
    sy: Scale

    def screen(self, points: list[Point]) -> list[Point]:
        return [(self.sx(x), self.sy(y)) for x, y in points]


def _axes(lesson: Lesson) -> _Axes:
    """From 0 to a round number past the person and past ordinary people."""
    feet_per_x = 1 / HEIGHT_UNITS[lesson.height_unit]
    kg_per_y = WEIGHT_UNITS[lesson.weight_unit]
    hx, my = lesson.height_ft / feet_per_x, lesson.weight_kg / kg_per_y
    x_max = nice_ceiling(max(_MIN_HEIGHT_FT / feet_per_x, hx * 1.1))
    y_max = nice_ceiling(max(_MIN_WEIGHT_KG / kg_per_y, my * 1.15))
    x0, y0, x1, y1 = _PLANE_BOX
    return _Axes(
        feet_per_x, kg_per_y, x_max, y_max, Scale(0.0, x_max, x0, x1), Scale(0.0, y_max, y1, y0)
    )


@dataclass(frozen=True)
class _Regions:
    pos: tuple[Point, ...]  # data units: where the neuron says Obese
    neg: tuple[Point, ...]
    segment: Segment | None  # the boundary line inside the picture
    everywhere: bool | None  # the neuron's one answer if it fills the picture


def _area(points: Sequence[Point]) -> float:
    """A simple polygon's area (shoelace); 0 for fewer than three points."""
    pairs = zip(points, points[1:] + points[:1], strict=True)
    return abs(sum(xa * yb - xb * ya for (xa, ya), (xb, yb) in pairs)) / 2


def _centroid(points: Sequence[Point]) -> Point:
    """The area centroid of a simple polygon (for placing its label)."""
    area = cx = cy = 0.0
    for (xa, ya), (xb, yb) in zip(points, points[1:] + points[:1], strict=True):
        cross = xa * yb - xb * ya
        area += cross
        cx += (xa + xb) * cross
        cy += (ya + yb) * cross
    if area == 0:
        return points[0]
    return cx / (3 * area), cy / (3 * area)


def _regions(ax: _Axes, w1: float, w2: float, b: float, act: Activation) -> _Regions:
    """The picture cut along the boundary line into its Obese and Not Obese parts."""
    plane: HalfPlane = decision_half_plane(w1, w2, b, act, ax.feet_per_x, ax.kg_per_y)
    rect = [(0.0, 0.0), (ax.x_max, 0.0), (ax.x_max, ax.y_max), (0.0, ax.y_max)]
    pos = clip(rect, plane, keep_positive=True)
    neg = clip(rect, plane, keep_positive=False)
    segment = boundary_segment(ax.x_max, ax.y_max, plane)
    everywhere = None
    # A line that only grazes a corner (too close to draw) leaves a sliver region:
    # then the other answer fills the picture.
    if len(pos) < 3 or (segment is None and _area(pos) < _area(neg)):
        everywhere = False
    elif len(neg) < 3 or segment is None:
        everywhere = True
    return _Regions(tuple(pos), tuple(neg), segment, everywhere)


def _region_path(points: Sequence[Point], ax: _Axes) -> str:
    if len(points) < 3:
        return ""
    return polyline(ax.screen(points)) + "Z"


def _region_label(points: Sequence[Point], ax: _Axes, you: Point, text: str) -> Label | None:
    """A spot well inside the region and away from the learner's point, far enough
    from the sides for ``text`` (longer in German and Spanish) to stay in the plot."""
    if len(points) < 3:
        return None
    x0, y0, x1, y1 = _PLANE_BOX
    half = max(_REGION_HALF_WIDTH, text_width(text, FONT) / 2)
    screen = ax.screen(points)
    cx, cy = _centroid(screen)
    spots = [(cx, cy)] + [((cx + vx) / 2, (cy + vy) / 2) for vx, vy in screen]
    spots = [(min(max(x, x0 + half), x1 - half), min(max(y, y0 + 16), y1 - 6)) for x, y in spots]
    best = max(spots, key=lambda s: min(math.hypot(s[0] - you[0], s[1] - you[1]), 60))
    return Label(r1(best[0]), r1(best[1]), "middle")


@dataclass(frozen=True)
class _WhoCurve:
    """BMI = 30 as weight = a·height² in the learner's units, drawn up to height ``end``."""

    a: float
    end: float
    path: str
    label: Label


def _who_curve(ax: _Axes) -> _WhoCurve:
    # y = a·x² in the learner's units; a parabola from the origin to x = e is the
    # quadratic Bézier with control point (e/2, 0), and affine maps keep that.
    _, y0, _, y1 = _PLANE_BOX
    sx, sy = ax.sx, ax.sy
    a = WHO_OBESE_BMI * (METRES_PER_FOOT * ax.feet_per_x) ** 2 / ax.kg_per_y
    end = min(ax.x_max, math.sqrt(ax.y_max / a))
    path = (
        f"M{r1(sx(0))} {r1(sy(0))}Q{r1(sx(end / 2))} {r1(sy(0))} {r1(sx(end))} {r1(sy(a * end**2))}"
    )
    # "BMI 30" just left of where the curve passes, a line below its end.
    label_y = max(sy(a * end**2) + 14, y0 + 12)
    curve_x = sx(math.sqrt((y1 - label_y) / (y1 - y0) * ax.y_max / a))
    return _WhoCurve(a, end, path, Label(r1(curve_x - 8), r1(label_y), "end"))


def _obstacles(ax: _Axes, who: _WhoCurve, segment: Segment | None) -> np.ndarray:
    """Points along the BMI curve and the boundary line, in user units: (x, y) rows."""
    points = ax.screen([(x, who.a * x * x) for x in np.linspace(0.0, who.end, 48).tolist()])
    if segment is not None:
        (px, py), (qx, qy) = ax.screen(list(segment))
        k = np.arange(48) / 47
        points += list(
            zip((px + (qx - px) * k).tolist(), (py + (qy - py) * k).tolist(), strict=True)
        )
    obstacles = np.array(points, dtype=float)
    obstacles.setflags(write=False)  # kept in _background's cache
    return obstacles


def _clearances(labels: list[Label], obstacles: np.ndarray) -> np.ndarray:
    """How far each label's text box stays from the lines (−1 if it leaves the plot),
    for all candidate spots at once (this runs on every fresh page)."""
    x0, y0, x1, y1 = _PLANE_BOX
    sides = np.array(
        [_YOU_HALF_WIDTH if label.anchor == "start" else -_YOU_HALF_WIDTH for label in labels]
    )
    cx = np.array([label.x for label in labels], dtype=float) + sides
    cy = np.array([label.y for label in labels], dtype=float) - 5
    inside = (x0 + 16 <= cx) & (cx <= x1 - 16) & (y0 + 8 <= cy) & (cy <= y1 - 8)
    if not len(obstacles):
        return np.where(inside, 99.0, -1.0)
    ox, oy = obstacles.T
    dx = np.maximum(np.abs(cx[:, None] - ox) - _YOU_HALF_WIDTH, 0)
    dy = np.maximum(np.abs(cy[:, None] - oy) - _YOU_HALF_HEIGHT, 0)
    return np.where(inside, np.hypot(dx, dy).min(axis=1), -1.0)


def _you_label(you: Point, obstacles: np.ndarray) -> Label:
    """The "you" label in whichever spot beside the point is clearest of the two lines:
    the nearest spot whose text box clears both lines by _YOU_CLEARANCE wins."""
    px, py = you
    candidates = [
        Label(r1(px + dx), r1(py + dy), "start" if dx > 0 else "end")
        for dy, reach in _YOU_SPOTS
        for dx in (reach, -reach)
    ]
    scores = np.minimum(_clearances(candidates, obstacles), _YOU_CLEARANCE)
    return candidates[int(np.argmax(scores))]  # the first of the best, nearest first


def _flip(lesson: Lesson) -> FlipWeight:
    """The weight at which this neuron's answer flips, at the learner's height."""
    t = lesson.trace
    return flip_weight(lesson.height_ft, t.w[0], t.w[1], t.b, t.activation)


@dataclass(frozen=True)
class _Background:
    """What the plane draws from its axes and the neuron alone, not from the person."""

    regions: _Regions
    pos_path: str
    neg_path: str
    line_path: str
    who: _WhoCurve
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    axes: str
    obstacles: np.ndarray  # for the "you" label: points along the two lines


@lru_cache(maxsize=256)
def _background(ax: _Axes, w1: float, w2: float, b: float, act: Activation) -> _Background:
    """Kept per axes and neuron: every ordinary person gets the same axes, so every
    fresh page of one neuron draws the same regions, lines and ticks."""
    x0, _, _, y1 = _PLANE_BOX
    regions = _regions(ax, w1, w2, b, act)
    who = _who_curve(ax)
    x_ticks = below_axis(ticks(0.0, ax.x_max, ax.sx, 4), y1 + 17, right_edge=WIDTH - 16)
    y_ticks = left_of_axis(ticks(0.0, ax.y_max, ax.sy, 4), x0 - 6)
    segment = regions.segment
    return _Background(
        regions=regions,
        pos_path=_region_path(regions.pos, ax),
        neg_path=_region_path(regions.neg, ax),
        line_path="" if segment is None else polyline(ax.screen(list(segment))),
        who=who,
        x_ticks=x_ticks,
        y_ticks=y_ticks,
        axes=frame(_PLANE_BOX, x_ticks, y_ticks),
        obstacles=_obstacles(ax, who, segment),
    )


def decision_plane(lesson: Lesson) -> BoundaryPlot:
    ax = _axes(lesson)
    _, _, x1, _ = _PLANE_BOX
    t = lesson.trace
    bg = _background(ax, t.w[0], t.w[1], t.b, t.activation)
    regions = bg.regions
    you = (ax.sx(lesson.height_ft / ax.feet_per_x), ax.sy(lesson.weight_kg / ax.kg_per_y))
    flip = _flip(lesson)
    who_kg = WHO_OBESE_BMI * (lesson.height_ft * METRES_PER_FOOT) ** 2
    return BoundaryPlot(
        width=WIDTH,
        height=_HEIGHT,
        box=_PLANE_BOX,
        height_unit=lesson.height_unit,
        weight_unit=lesson.weight_unit,
        x_max=ax.x_max,
        y_max=ax.y_max,
        pos_region=bg.pos_path,
        neg_region=bg.neg_path,
        pos_label=_region_label(regions.pos, ax, you, str(OBESE)),
        neg_label=_region_label(regions.neg, ax, you, str(NOT_OBESE)),
        line=regions.segment,
        line_path=bg.line_path,
        axes=bg.axes,
        who_path=bg.who.path,
        who_label=bg.who.label,
        point=(r1(you[0]), r1(you[1])),
        point_label=_you_label(you, bg.obstacles),
        x_ticks=bg.x_ticks,
        y_ticks=bg.y_ticks,
        x_title=Label(r1(x1), _HEIGHT - 4, "end"),
        y_title=Label(4, 14, "start"),
        flip=flip,
        flip_in_unit=None if flip.kg is None else flip.kg / ax.kg_per_y,
        who_kg=who_kg,
        who_in_unit=who_kg / ax.kg_per_y,
        max_in_unit=flip.max_kg / ax.kg_per_y,
        everywhere=None if regions.everywhere is None else str(label_for(regions.everywhere)),
        flip_label=str(flip.label),
    )
