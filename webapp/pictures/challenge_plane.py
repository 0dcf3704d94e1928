"""A challenge's people in the height/weight plane, in real units: each person plotted
(their label by shape and fill, a ring when the neuron gets them wrong, their number
beside them), the neuron's boundary line and its Obese side, and the BMI = 30 curve.

Takes plain values (no challenge objects), so any page can draw a labelled set of people.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from webapp.lesson.activations import Activation
from webapp.lesson.bmi import WHO_OBESE_BMI
from webapp.lesson.boundary import HalfPlane, boundary_segment, clip, decision_half_plane
from webapp.lesson.labels import label_for
from webapp.lesson.units import HEIGHT_UNITS, METRES_PER_FOOT, WEIGHT_UNITS
from webapp.pictures.scale import (
    WIDTH,
    Label,
    Scale,
    Tick,
    below_axis,
    frame,
    left_of_axis,
    nice_step,
    polyline,
    r1,
    ticks,
)

Point = tuple[float, float]

_HEIGHT = 280
_BOX = (50.0, 26.0, 330.0, 240.0)
MARK = 6.0  # half the size of a person's mark
_LEAST_FT, _LEAST_KG = 1.5, 60.0  # the smallest ranges the axes show


@dataclass(frozen=True)
class PersonMark:
    """One person: where, their label (shape: square filled = obese, circle hollow =
    not), whether the neuron gets them right, and their number beside them."""

    index: int
    x: float | int
    y: float | int
    obese: bool
    right: bool
    square: str  # the path of an obese person's square ("" for a circle)
    number: Label


@dataclass(frozen=True)
class ChallengePlot:
    width: int
    height: int
    height_unit: str
    weight_unit: str
    x_range: tuple[float, float]  # in the units shown
    y_range: tuple[float, float]
    pos_region: str
    line_path: str
    line: tuple[Point, Point] | None  # data units
    who_path: str
    who_label: Label | None
    axes: str
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    x_title: Label
    y_title: Label
    people: tuple[PersonMark, ...]
    everywhere: str | None  # "Obese" or "Not Obese" when the line misses the picture
    mark_r: float = MARK
    ring_r: float = MARK * 1.9


def _span(values: list[float], pad: float, least: float) -> tuple[float, float]:
    """A round range around the values, at least ``least`` wide (so one person, or
    people of one height, still show the boundary and the BMI curve near them)."""
    lo, hi = min(values), max(values)
    margin = max((hi - lo) * pad, (least - (hi - lo)) / 2, 1e-9)
    step = nice_step(hi - lo + 2 * margin, 4)
    return (
        max(0.0, math.floor((lo - margin) / step) * step),
        math.ceil((hi + margin) / step) * step,
    )


@dataclass(frozen=True)
class _Axes:
    """The picture's ranges in the units shown, and their scales."""

    feet_per_x: float  # one unit across, in feet
    kg_per_y: float  # one unit up, in kilograms
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    sx: Scale
    sy: Scale

    @property
    def size(self) -> Point:
        """Width and height in the units shown."""
        return self.x_range[1] - self.x_range[0], self.y_range[1] - self.y_range[0]

    def data(self, points: Sequence[Point]) -> list[Point]:
        """Points measured from the picture's corner, in the units shown."""
        return [(px + self.x_range[0], py + self.y_range[0]) for px, py in points]

    def screen(self, points: Sequence[Point]) -> list[Point]:
        """Points measured from the picture's corner, on the screen."""
        return [(self.sx(x), self.sy(y)) for x, y in self.data(points)]


def _axes(
    people: Sequence[tuple[float, float, bool, bool]], height_unit: str, weight_unit: str
) -> _Axes:
    """Round ranges around everyone, in the learner's units."""
    feet_per_x, kg_per_y = 1 / HEIGHT_UNITS[height_unit], WEIGHT_UNITS[weight_unit]
    x_range = _span([p[0] / feet_per_x for p in people], 0.15, _LEAST_FT / feet_per_x)
    y_range = _span([p[1] / kg_per_y for p in people], 0.15, _LEAST_KG / kg_per_y)
    x0, y0, x1, y1 = _BOX
    sx, sy = Scale(*x_range, x0, x1), Scale(*y_range, y1, y0)
    return _Axes(feet_per_x, kg_per_y, x_range, y_range, sx, sy)


@dataclass(frozen=True)
class _Side:
    """Where the neuron says Obese in the picture, and its boundary line."""

    pos_region: str  # the Obese side's path ("" when it is not in the picture)
    line_path: str
    line: tuple[Point, Point] | None  # data units
    everywhere: str | None  # the one answer when the line misses the picture


def _side(ax: _Axes, w1: float, w2: float, b: float, activation: Activation) -> _Side:
    # The neuron's half-plane, moved so the picture's corner is the origin.
    whole = decision_half_plane(w1, w2, b, activation, ax.feet_per_x, ax.kg_per_y)
    plane = HalfPlane(whole.a, whole.b, whole.value((ax.x_range[0], ax.y_range[0])))
    w, h = ax.size
    pos = clip([(0.0, 0.0), (w, 0.0), (w, h), (0.0, h)], plane, keep_positive=True)
    region = polyline(ax.screen(pos)) + "Z" if len(pos) >= 3 else ""
    segment = boundary_segment(w, h, plane)
    if segment is None:
        return _Side(region, "", None, str(label_for(len(pos) >= 3)))
    start, end = ax.data(segment)
    return _Side(region, polyline(ax.screen(segment)), (start, end), None)


def _who(ax: _Axes) -> tuple[str, Label | None]:
    """BMI = 30 as y = a·x², drawn where it is inside the picture: one exact quadratic
    Bézier (control point where the tangents at the ends meet)."""
    sx, sy, x_range, y_range = ax.sx, ax.sy, ax.x_range, ax.y_range
    a = WHO_OBESE_BMI * (METRES_PER_FOOT * ax.feet_per_x) ** 2 / ax.kg_per_y
    lo = max(x_range[0], math.sqrt(y_range[0] / a))
    hi = min(x_range[1], math.sqrt(y_range[1] / a))
    if hi <= lo:
        return "", None
    mid = (lo + hi) / 2
    control_y = a * lo * lo + 2 * a * lo * (hi - lo) / 2
    path = (
        f"M{r1(sx(lo))} {r1(sy(a * lo * lo))}"
        f"Q{r1(sx(mid))} {r1(sy(control_y))} {r1(sx(hi))} {r1(sy(a * hi * hi))}"
    )
    return path, Label(r1(sx(hi) - 6), r1(sy(a * hi * hi) + 14), "end")


def _marks(people: Sequence[tuple[float, float, bool, bool]], ax: _Axes) -> tuple[PersonMark, ...]:
    marks = []
    for i, (height_ft, weight_kg, obese, right) in enumerate(people, start=1):
        x, y = ax.sx(height_ft / ax.feet_per_x), ax.sy(weight_kg / ax.kg_per_y)
        square = f"M{r1(x - MARK)} {r1(y - MARK)}h{2 * MARK:g}v{2 * MARK:g}h-{2 * MARK:g}Z"
        right_side = x < _BOX[2] - 24
        number = Label(
            r1(x + (10 if right_side else -10)), r1(y + 4), "start" if right_side else "end"
        )
        marks.append(PersonMark(i, r1(x), r1(y), obese, right, square if obese else "", number))
    return tuple(marks)


def challenge_plane(
    people: Sequence[tuple[float, float, bool, bool]],
    w1: float,
    w2: float,
    b: float,
    activation: Activation,
    height_unit: str = "ft",
    weight_unit: str = "kg",
) -> ChallengePlot:
    """The picture for (height ft, weight kg, obese, right) per person and one neuron."""
    ax = _axes(people, height_unit, weight_unit)
    side = _side(ax, w1, w2, b, activation)
    who_path, who_label = _who(ax)
    x0, _, x1, y1 = _BOX
    x_ticks = below_axis(ticks(*ax.x_range, ax.sx, 4), y1 + 17, right_edge=WIDTH - 16)
    y_ticks = left_of_axis(ticks(*ax.y_range, ax.sy, 4), x0 - 6)
    return ChallengePlot(
        width=WIDTH,
        height=_HEIGHT,
        height_unit=height_unit,
        weight_unit=weight_unit,
        x_range=ax.x_range,
        y_range=ax.y_range,
        pos_region=side.pos_region,
        line_path=side.line_path,
        line=side.line,
        who_path=who_path,
        who_label=who_label,
        axes=frame(_BOX, x_ticks, y_ticks),
        x_ticks=x_ticks,
        y_ticks=y_ticks,
        x_title=Label(r1(x1), _HEIGHT - 4, "end"),
        y_title=Label(4, 14, "start"),
        people=_marks(people, ax),
        everywhere=side.everywhere,
    )
