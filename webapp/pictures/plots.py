"""Geometry for the lesson's pictures: coordinates, path strings and placements.

Pure numpy and floats, no Flask and no markup: each function takes the lesson's
trace and returns plain data in an SVG viewBox's user units, rounded to one
decimal so the inline SVG stays small. The templates (_svg_*.html) draw it and
format every number shown with the ``fmt`` filter.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from webapp.lesson.activations import ACTIVATIONS, Activation
from webapp.lesson.bmi import WHO_OBESE_BMI
from webapp.lesson.boundary import (
    DecisionFlip,
    FlipWeight,
    HalfPlane,
    boundary_segment,
    clip,
    decision_flip,
    decision_half_plane,
    flip_weight,
    z_star,
)
from webapp.lesson.luck import LuckMeter, luck_meter
from webapp.lesson.neuron import Trace, forward
from webapp.lesson.numbers import fmt
from webapp.lesson.result import Lesson, label_for
from webapp.lesson.units import HEIGHT_UNITS, METRES_PER_FOOT, WEIGHT_UNITS

# Text is not measured on the server; this is a fair average advance for the
# page's sans-serif digits and letters, used only to keep labels inside a picture.
_CHAR_WIDTH = 0.6
WIDTH = 340  # every picture's viewBox width: about a phone's, so 14-unit text stays legible
FONT = 14.0


def r1(value: float) -> float | int:
    """A coordinate rounded to 1 decimal, as an int when whole (shorter markup)."""
    rounded = round(value, 1)
    whole = int(rounded)
    return whole if rounded == whole else rounded


def text_width(text: str, size: float) -> float:
    """An estimate of a label's width in user units."""
    return len(text) * size * _CHAR_WIDTH


@dataclass(frozen=True)
class Scale:
    """A linear map from data values to user units."""

    d0: float
    d1: float
    r0: float
    r1: float

    def __call__(self, value: float) -> float:
        return self.r0 + (value - self.d0) * (self.r1 - self.r0) / (self.d1 - self.d0)


@dataclass(frozen=True)
class Tick:
    pos: float | int  # user units along the axis
    value: float  # the data value it marks (the template formats it)


def nice_step(span: float, count: int = 5) -> float:
    """A round step (1, 2 or 5 × 10ⁿ) giving about ``count`` intervals over ``span``."""
    # A span of a subnormal (b = 5e-324) would make log10 fail: no axis needs
    # ticks finer than 1e-12 apart, and the numbers themselves are printed anyway.
    raw = max(span / count, 1e-12)
    magnitude = 10.0 ** math.floor(math.log10(raw))
    for m in (1.0, 2.0, 5.0, 10.0):
        if m * magnitude >= raw * (1 - 1e-9):
            return m * magnitude
    return 10.0 * magnitude  # pragma: no cover - the loop always returns


def ticks(lo: float, hi: float, scale: Scale, count: int = 5) -> tuple[Tick, ...]:
    """Round values between lo and hi, placed by ``scale``."""
    step = nice_step(hi - lo, count)
    first = math.ceil(lo / step - 1e-9)
    last = math.floor(hi / step + 1e-9)
    values = [k * step for k in range(first, last + 1)]
    return tuple(Tick(r1(scale(v)), 0.0 if v == 0 else v) for v in values)


def nice_ceiling(value: float, count: int = 5) -> float:
    """The smallest round number ≥ value for an axis that starts at 0."""
    step = nice_step(value, count)
    return math.ceil(value / step - 1e-9) * step


def polyline(points: list[tuple[float, float]]) -> str:
    """An SVG path through the points, consecutive duplicates dropped: 'M1 2L3 4 5 6'."""
    coords: list[str] = []
    last: tuple[float | int, float | int] | None = None
    for x, y in points:
        p = (r1(x), r1(y))
        if p != last:
            coords.append(f"{p[0]} {p[1]}")
            last = p
    if len(coords) == 1:
        coords.append(coords[0])
    return "M" + coords[0] + "L" + " ".join(coords[1:])


def frame(box: tuple[float, float, float, float], x_ticks=(), y_ticks=()) -> str:
    """The left and bottom axes with tick marks, as one path."""
    x0, y0, x1, y1 = box
    d = f"M{r1(x0)} {r1(y0)}V{r1(y1)}H{r1(x1)}"
    d += "".join(f"M{t.pos} {r1(y1)}v4" for t in x_ticks)
    d += "".join(f"M{r1(x0)} {t.pos}h-4" for t in y_ticks)
    return d


def rect_path(x0: float, y0: float, x1: float, y1: float) -> str:
    """A closed rectangle path between two corners."""
    return f"M{r1(x0)} {r1(y0)}H{r1(x1)}V{r1(y1)}H{r1(x0)}Z"


def _sign(value: float) -> str:
    return "pos" if value > 0 else "neg" if value < 0 else "zero"


@dataclass(frozen=True)
class Label:
    x: float | int
    y: float | int
    anchor: str  # SVG text-anchor: start, middle or end


# -- The neuron diagram -------------------------------------------------------


@dataclass(frozen=True)
class Wire:
    """One contribution's way into Σ: its path, thickness and sign."""

    path: str
    width: float | int  # stroke width grows with |contribution|
    sign: str  # pos, neg or zero: the class (colour and dash pattern)


@dataclass(frozen=True)
class NeuronDiagram:
    """Top to bottom: x₁ and x₂, each wire through its weight into Σ (the bias from
    the left), then z, f and ŷ. Labels sit on the wires, so nothing needs rotating."""

    width: int
    height: int
    wires: tuple[Wire, Wire, Wire]  # x₁ → Σ, x₂ → Σ, b → Σ
    contributions: tuple[float, float, float]  # w₁x₁, w₂x₂, b


_SUM = (170.0, 190.0)
_SUM_R = 26.0
_INPUT_X = (80.0, 260.0)  # the centres of the x₁ and x₂ boxes
_INPUT_BOTTOM = 50.0
_BEND_Y = 132.0  # where each wire turns towards Σ
# The wire stops for each label written across it ("× w₁ = 0.2", then "+0.8").
_GAPS = ((66.0, 88.0), (102.0, 124.0))
_BIAS_FROM = 86.0  # the right edge of the bias box, level with Σ


def _edge_width(value: float, biggest: float) -> float | int:
    """1 to 8 units: thickness in proportion to the contribution's size."""
    if biggest == 0 or value == 0:
        return 1
    return r1(1.5 + 6.5 * abs(value) / biggest)


def neuron_diagram(trace: Trace) -> NeuronDiagram:
    contributions = (trace.products[0], trace.products[1], trace.b)
    biggest = max(abs(c) for c in contributions)
    wires = []
    for x, c in zip(_INPUT_X, contributions[:2], strict=True):
        dx, dy = _SUM[0] - x, _SUM[1] - _BEND_Y
        length = math.hypot(dx, dy)
        ex, ey = _SUM[0] - dx / length * _SUM_R, _SUM[1] - dy / length * _SUM_R
        path = f"M{r1(x)} {r1(_INPUT_BOTTOM)}"
        path += "".join(f"V{r1(top)}M{r1(x)} {r1(bottom)}" for top, bottom in _GAPS)
        path += f"V{r1(_BEND_Y)}L{r1(ex)} {r1(ey)}"
        wires.append(Wire(path, _edge_width(c, biggest), _sign(c)))
    bias = f"M{r1(_BIAS_FROM)} {r1(_SUM[1])}H{r1(_SUM[0] - _SUM_R)}"
    wires.append(Wire(bias, _edge_width(trace.b, biggest), _sign(trace.b)))
    return NeuronDiagram(WIDTH, 336, (wires[0], wires[1], wires[2]), contributions)


# -- The activation curve -----------------------------------------------------


@dataclass(frozen=True)
class Curve:
    width: int
    height: int
    box: tuple[float, float, float, float]  # x0, y0 (top), x1, y1 (bottom)
    path: str  # the curve f(z)
    axes: str
    neg_region: str  # z < z*: the neuron says Not Obese
    pos_region: str
    threshold_path: str  # the horizontal line ŷ = threshold
    guides: str  # dotted lines from the point to both axes
    dots: tuple[tuple[float | int, float | int, bool], ...]  # step's jump: (x, y, filled)
    point: tuple[float | int, float | int]  # (z, ŷ)
    point_label: Label
    threshold_y: float | int
    star_x: float | int  # the z where the answer flips
    neg_label: Label | None  # "← Not Obese" above the plot, if there is room
    pos_label: Label | None
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    z_range: tuple[float, float]
    flip: DecisionFlip


_CURVE_BOX = (42.0, 26.0, 332.0, 164.0)


def _z_range(act: Activation, z: float) -> tuple[float, float]:
    """Where the interesting shape of f lies, grown to include z."""
    half = act.plot_half_width
    lo, hi = min(-half, z), max(half, z)
    pad = 0.08 * (hi - lo)
    if z <= -half:
        lo -= pad
    if z >= half:
        hi += pad
    return lo, hi


def _curve_samples(act: Activation, lo: float, hi: float) -> np.ndarray:
    """The z values to draw f through: its kinks and jumps, densely where it curves."""
    zs = np.linspace(lo, hi, 33 if act.smooth else 2)
    if act.smooth and hi - lo > 4 * act.plot_half_width:
        # when z stretches the range far out, the bend near 0 keeps points of its own
        zs = np.union1d(zs, np.arange(-6.0, 6.01, 0.75))
    zs = np.union1d(zs, [k for k in (*act.kinks, *act.jumps) if lo < k < hi])
    return zs[(zs >= lo) & (zs <= hi)]


def _y_range(act: Activation, zs: np.ndarray) -> tuple[float, float]:
    """The outputs f takes over the drawn z values (before padding)."""
    ys = act(zs)
    low, high = act.output_bounds
    return (float(ys.min()) if low is None else low, float(ys.max()) if high is None else high)


def _curve_path(
    act: Activation, zs: np.ndarray, sx: Scale, sy: Scale
) -> tuple[str, tuple[tuple[float | int, float | int, bool], ...]]:
    """f as one path, broken at each jump, with a hole and a dot where it jumps."""
    path, dots, start = "", [], 0
    for jump in [j for j in act.jumps if zs[0] < j < zs[-1]]:
        cut = int(np.searchsorted(zs, jump))
        left = np.append(zs[start:cut], jump)
        below = float(act(np.nextafter(jump, -np.inf)))
        ys = np.append(act(zs[start:cut]), below)
        path += polyline(list(zip(sx(left).tolist(), sy(ys).tolist(), strict=True)))
        dots += [
            (r1(sx(jump)), r1(sy(below)), False),
            (r1(sx(jump)), r1(sy(float(act(jump)))), True),
        ]
        start = cut
    rest = zs[start:]
    path += polyline(list(zip(sx(rest).tolist(), sy(act(rest)).tolist(), strict=True)))
    return path, tuple(dots)


def activation_curve(trace: Trace, label_font: float = FONT) -> Curve:
    act = trace.activation
    lo, hi = _z_range(act, trace.z)
    zs = _curve_samples(act, lo, hi)
    f_lo, f_hi = _y_range(act, zs)
    pad = 0.06 * (f_hi - f_lo)
    ylo, yhi = f_lo - pad, f_hi + pad
    x0, y0, x1, y1 = _CURVE_BOX
    sx = Scale(lo, hi, x0, x1)
    sy = Scale(ylo, yhi, y1, y0)
    star = act.z_star
    path, dots = _curve_path(act, zs, sx, sy)

    px, py = sx(trace.z), sy(trace.output)
    tw = text_width(f"({fmt(trace.z)}, {fmt(trace.output)})", label_font)
    if px - 8 - tw >= x0 and py - 8 - label_font >= y0:
        point_label = Label(r1(px - 8), r1(py - 8), "end")
    elif px + 8 + tw <= x1 and py + 18 <= y1:
        point_label = Label(r1(px + 8), r1(py + 18), "start")
    elif px - 8 - tw >= x0:
        point_label = Label(r1(px - 8), r1(min(py + 18, y1 - 4)), "end")
    else:
        point_label = Label(r1(px + 8), r1(max(py - 8, y0 + label_font)), "start")

    star_x = sx(star)
    word = text_width("← Not Obese", 12.5)
    # "← Not Obese" must clear the axis title "ŷ = f(z)" at the top left
    neg_label = Label(r1(star_x - 5), r1(y0 - 8), "end") if star_x - 5 - word >= 88 else None
    pos_label = (
        Label(r1(star_x + 5), r1(y0 - 8), "start") if star_x + 5 + word <= WIDTH - 2 else None
    )

    if not act.bounded:
        y_ticks = ticks(f_lo, f_hi, sy, 4)
    else:  # the ends of the range and the threshold: 0, 0.5, 1 or −1, 0, 1
        y_values = sorted({f_lo, trace.threshold, f_hi})
        y_ticks = tuple(Tick(r1(sy(v)), v) for v in y_values)
    x_ticks = ticks(lo, hi, sx, 6)
    return Curve(
        width=WIDTH,
        height=200,
        box=_CURVE_BOX,
        path=path,
        axes=frame(_CURVE_BOX, x_ticks, y_ticks),
        neg_region=rect_path(x0, y0, star_x, y1) if star_x > x0 else "",
        pos_region=rect_path(star_x, y0, x1, y1) if star_x < x1 else "",
        threshold_path=f"M{r1(x0)} {r1(sy(trace.threshold))}H{r1(x1)}",
        guides=f"M{r1(px)} {r1(y1)}V{r1(py)}H{r1(x0)}",
        dots=dots,
        point=(r1(px), r1(py)),
        point_label=point_label,
        threshold_y=r1(sy(trace.threshold)),
        star_x=r1(star_x),
        neg_label=neg_label,
        pos_label=pos_label,
        x_ticks=x_ticks,
        y_ticks=y_ticks,
        z_range=(lo, hi),
        flip=decision_flip(trace),
    )


# -- The contribution bar (a waterfall from b to z) ---------------------------


@dataclass(frozen=True)
class Bar:
    name: str  # b, w1x1, w2x2 or z
    value: float  # the step's size (for z: z itself)
    x: float | int
    y: float | int
    width: float | int  # at least _MIN_BAR, so a tiny contribution still shows
    sign: str
    end: float | int  # where the running total stands after this step (user units)
    total: float  # the running total after this step (data units)
    widened: bool  # drawn wider than its true size, so it can be seen


@dataclass(frozen=True)
class Waterfall:
    width: int
    height: int
    box: tuple[float, float, float, float]
    bars: tuple[Bar, ...]
    bar_height: int
    connectors: str  # dotted lines carrying each running total down to the next bar
    axis: str
    zero_x: float | int
    zero_path: str
    star_path: str  # where z reaches z* and the answer flips
    star_x: float | int
    star: float
    ticks: tuple[Tick, ...]


_MIN_BAR = 2.5
_WATERFALL_BOX = (58.0, 24.0, 262.0, 136.0)
_ROW = 28
_BAR_HEIGHT = 16


def waterfall(trace: Trace) -> Waterfall:
    b, p1, p2 = trace.b, trace.products[0], trace.products[1]
    steps = (("b", b, 0.0, b), ("w1x1", p1, b, b + p1), ("w2x2", p2, b + p1, trace.z))
    steps += (("z", trace.z, 0.0, trace.z),)
    star = z_star(trace.activation.name)
    values = [0.0, star] + [s[3] for s in steps]
    lo, hi = min(values), max(values)
    if hi - lo == 0:
        lo, hi = lo - 1, hi + 1
    pad = 0.04 * (hi - lo)
    lo, hi = lo - pad, hi + pad
    x0, y0, x1, y1 = _WATERFALL_BOX
    sx = Scale(lo, hi, x0, x1)
    bars = []
    for i, (name, value, start, end) in enumerate(steps):
        a, e = sx(start), sx(end)
        left, width = min(a, e), abs(e - a)
        widened = width < _MIN_BAR
        if widened:
            # Too small to see at this scale: draw the minimum, growing the way the step goes.
            width = _MIN_BAR
            left = a if value >= 0 else a - _MIN_BAR
        y = r1(y0 + 6 + i * _ROW)
        bars.append(Bar(name, value, r1(left), y, r1(width), _sign(value), r1(e), end, widened))
    connectors = "".join(
        f"M{bar.end} {r1(bar.y + _BAR_HEIGHT)}V{r1(bar.y + _ROW)}" for bar in bars[:-1]
    )
    axis_ticks = ticks(lo, hi, sx, 5)
    axis = f"M{r1(x0)} {r1(y1)}H{r1(x1)}" + "".join(f"M{t.pos} {r1(y1)}v4" for t in axis_ticks)
    return Waterfall(
        width=WIDTH,
        height=158,
        box=_WATERFALL_BOX,
        bars=tuple(bars),
        bar_height=_BAR_HEIGHT,
        connectors=connectors,
        axis=axis,
        zero_x=r1(sx(0.0)),
        zero_path=f"M{r1(sx(0.0))} {r1(y0)}V{r1(y1)}",
        star_path=f"M{r1(sx(star))} {r1(y0 - 4)}V{r1(y1)}",
        star_x=r1(sx(star)),
        star=star,
        ticks=axis_ticks,
    )


# -- The decision boundary in the height/weight plane -------------------------


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
    line: tuple[tuple[float, float], tuple[float, float]] | None  # data units
    line_path: str
    axes: str
    who_path: str  # BMI = 30, a parabola drawn as one exact quadratic Bézier
    who_label: Label
    point: tuple[float | int, float | int]
    point_label: Label
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    flip: FlipWeight
    flip_in_unit: float | None  # the flip weight in the learner's weight unit
    who_kg: float  # the weight where BMI reaches 30 at this height
    who_in_unit: float
    max_in_unit: float  # the top of the weight range (700 kg) in the learner's unit
    everywhere: str | None  # a label if the whole picture is one region


_PLANE_BOX = (50.0, 26.0, 330.0, 224.0)
# The axes cover ordinary people at least: up to 8 ft and 160 kg.
_MIN_HEIGHT_FT = 8.0
_MIN_WEIGHT_KG = 160.0


def _region_path(points: list[tuple[float, float]], sx: Scale, sy: Scale) -> str:
    if len(points) < 3:
        return ""
    return polyline([(sx(x), sy(y)) for x, y in points]) + "Z"


def _area(points: list[tuple[float, float]]) -> float:
    """A simple polygon's area (shoelace); 0 for fewer than three points."""
    pairs = zip(points, points[1:] + points[:1], strict=True)
    return abs(sum(xa * yb - xb * ya for (xa, ya), (xb, yb) in pairs)) / 2


def _centroid(points: list[tuple[float, float]]) -> tuple[float, float]:
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


def decision_plane(lesson: Lesson) -> BoundaryPlot:
    t = lesson.trace
    hu, wu = lesson.height_unit, lesson.weight_unit
    feet_per_x = 1 / HEIGHT_UNITS[hu]
    kg_per_y = WEIGHT_UNITS[wu]
    h_ft, m_kg = lesson.height_ft, lesson.weight_kg
    hx, my = h_ft / feet_per_x, m_kg / kg_per_y  # the person, in the learner's units

    x_max = nice_ceiling(max(_MIN_HEIGHT_FT / feet_per_x, hx * 1.1))
    y_max = nice_ceiling(max(_MIN_WEIGHT_KG / kg_per_y, my * 1.15))
    x0, y0, x1, y1 = _PLANE_BOX
    sx = Scale(0.0, x_max, x0, x1)
    sy = Scale(0.0, y_max, y1, y0)

    plane: HalfPlane = decision_half_plane(
        t.w[0], t.w[1], t.b, t.activation.name, feet_per_x, kg_per_y
    )
    rect = [(0.0, 0.0), (x_max, 0.0), (x_max, y_max), (0.0, y_max)]
    pos = clip(rect, plane, keep_positive=True)
    neg = clip(rect, plane, keep_positive=False)
    segment = boundary_segment(x_max, y_max, plane)
    everywhere = None
    # A line that only grazes a corner (too close to draw) leaves a sliver region:
    # then the other answer fills the picture.
    if len(pos) < 3 or (segment is None and _area(pos) < _area(neg)):
        everywhere = label_for(False)
    elif len(neg) < 3 or segment is None:
        everywhere = label_for(True)

    px, py = sx(hx), sy(my)

    def region_label(points: list[tuple[float, float]]) -> Label | None:
        """A spot well inside the region and away from the learner's point."""
        if len(points) < 3:
            return None
        screen = [(sx(x), sy(y)) for x, y in points]
        cx, cy = _centroid(screen)
        spots = [(cx, cy)] + [((cx + vx) / 2, (cy + vy) / 2) for vx, vy in screen]
        spots = [(min(max(x, x0 + 40), x1 - 40), min(max(y, y0 + 16), y1 - 6)) for x, y in spots]
        best = max(spots, key=lambda s: min(math.hypot(s[0] - px, s[1] - py), 60))
        return Label(r1(best[0]), r1(best[1]), "middle")

    # y = a·x² in the learner's units; a parabola from the origin to x = e is the
    # quadratic Bézier with control point (e/2, 0), and affine maps keep that.
    a = WHO_OBESE_BMI * (METRES_PER_FOOT * feet_per_x) ** 2 / kg_per_y
    end = min(x_max, math.sqrt(y_max / a))
    who_path = (
        f"M{r1(sx(0))} {r1(sy(0))}Q{r1(sx(end / 2))} {r1(sy(0))} {r1(sx(end))} {r1(sy(a * end**2))}"
    )
    # "BMI 30" just left of where the curve passes, a line below its end.
    label_y = max(sy(a * end**2) + 14, y0 + 12)
    curve_x = sx(math.sqrt((y1 - label_y) / (y1 - y0) * y_max / a))
    who_label = Label(r1(curve_x - 8), r1(label_y), "end")

    # "you" goes in whichever corner beside the point is clearest of the two lines.
    obstacles = [(sx(x), sy(a * x * x)) for x in np.linspace(0.0, end, 48).tolist()]
    if segment is not None:
        (ax, ay), (bx, by) = [(sx(x), sy(y)) for x, y in segment]
        obstacles += [(ax + (bx - ax) * k / 47, ay + (by - ay) * k / 47) for k in range(48)]
    # Nearest spots first; the first one whose text box clears both lines by 6 wins.
    candidates = [
        Label(r1(px + dx), r1(py + dy), "start" if dx > 0 else "end")
        for dy, reach in ((-8, 8), (20, 8), (5, 10), (-20, 14), (32, 14))
        for dx in (reach, -reach)
    ]

    def clearance(label: Label) -> float:
        """How far the label's text box (about 30 × 13) stays from the lines."""
        cx = label.x + (15 if label.anchor == "start" else -15)
        cy = label.y - 5
        if not (x0 + 16 <= cx <= x1 - 16 and y0 + 8 <= cy <= y1 - 8):
            return -1.0
        return min(
            (
                math.hypot(max(abs(cx - ox) - 15, 0), max(abs(cy - oy) - 7, 0))
                for ox, oy in obstacles
            ),
            default=99.0,
        )

    point_label = max(candidates, key=lambda label: min(clearance(label), 6.0))

    flip = flip_weight(h_ft, t.w[0], t.w[1], t.b, t.activation.name)
    who_kg = WHO_OBESE_BMI * (h_ft * METRES_PER_FOOT) ** 2
    x_ticks = ticks(0.0, x_max, sx, 4)
    y_ticks = ticks(0.0, y_max, sy, 4)
    line_path = ""
    if segment is not None:
        line_path = polyline([(sx(p[0]), sy(p[1])) for p in segment])
    return BoundaryPlot(
        width=WIDTH,
        height=262,
        box=_PLANE_BOX,
        height_unit=hu,
        weight_unit=wu,
        x_max=x_max,
        y_max=y_max,
        pos_region=_region_path(pos, sx, sy),
        neg_region=_region_path(neg, sx, sy),
        pos_label=region_label(pos),
        neg_label=region_label(neg),
        line=segment,
        line_path=line_path,
        axes=frame(_PLANE_BOX, x_ticks, y_ticks),
        who_path=who_path,
        who_label=who_label,
        point=(r1(px), r1(py)),
        point_label=point_label,
        x_ticks=x_ticks,
        y_ticks=y_ticks,
        flip=flip,
        flip_in_unit=None if flip.kg is None else flip.kg / kg_per_y,
        who_kg=who_kg,
        who_in_unit=who_kg / kg_per_y,
        max_in_unit=flip.max_kg / kg_per_y,
        everywhere=everywhere,
    )


# -- The same z through every activation --------------------------------------


@dataclass(frozen=True)
class ActivationRow:
    name: str
    title: str
    formula: str
    output_range: str
    output: float
    threshold: float
    label: str
    chosen: bool


def activation_table(trace: Trace) -> tuple[ActivationRow, ...]:
    rows = []
    for name, act in ACTIVATIONS.items():
        other = forward(trace.x, trace.w, trace.b, name)
        rows.append(
            ActivationRow(
                name,
                act.title,
                act.formula,
                act.output_range,
                other.output,
                act.threshold,
                label_for(other.decision),
                name == trace.activation.name,
            )
        )
    return tuple(rows)


# -- The luck meter's chart ---------------------------------------------------


@dataclass(frozen=True)
class LuckChart:
    width: int
    height: int
    box: tuple[float, float, float, float]
    meter: LuckMeter
    agree_path: str  # bars (thick vertical strokes) of neurons giving the BMI rule's answer
    disagree_path: str
    bar_width: float | int
    star_x: float | int
    star_path: str
    yours_x: float | int | None  # this lesson's own z, if it is on the chart
    axis: str
    ticks: tuple[Tick, ...]
    agree_left: bool  # whether the agreeing bars are left of z*
    mean_x: float | int


_LUCK_BOX = (10.0, 18.0, 330.0, 118.0)


def _bars_path(bars: list[tuple[float, float]], bottom: float) -> str:
    """Bars as vertical strokes from the axis up: 'M12 118V40M25 118V31'."""
    return "".join(f"M{r1(x)} {r1(bottom)}V{r1(top)}" for x, top in bars)


def luck_chart(lesson: Lesson) -> LuckChart:
    meter = luck_meter(lesson.height_ft, lesson.weight_kg, lesson.trace.activation.name)
    x0, y0, x1, y1 = _LUCK_BOX
    edges, counts = meter.edges, meter.counts
    sx = Scale(edges[0], edges[-1], x0, x1)
    top = max(counts) or 1
    sy = Scale(0.0, float(top), y1, y0)
    agree, disagree = [], []
    for left, right, count in zip(edges, edges[1:], counts, strict=False):
        if count == 0:
            continue
        says_obese = left >= meter.z_star - 1e-12 * max(1.0, abs(meter.z_star))
        bar = ((sx(left) + sx(right)) / 2, sy(count))
        (agree if says_obese == meter.bmi_obese else disagree).append(bar)
    z = lesson.trace.z
    yours = r1(sx(z)) if edges[0] <= z <= edges[-1] else None
    axis_ticks = ticks(edges[0], edges[-1], sx, 6)
    axis = f"M{r1(x0)} {r1(y1)}H{r1(x1)}" + "".join(f"M{t.pos} {r1(y1)}v4" for t in axis_ticks)
    return LuckChart(
        width=WIDTH,
        height=148,
        box=_LUCK_BOX,
        meter=meter,
        agree_path=_bars_path(agree, y1),
        disagree_path=_bars_path(disagree, y1),
        bar_width=r1((x1 - x0) / len(counts) - 1.5),
        star_x=r1(sx(meter.z_star)),
        star_path=f"M{r1(sx(meter.z_star))} {r1(y0 - 6)}V{r1(y1)}",
        yours_x=yours,
        axis=axis,
        ticks=axis_ticks,
        agree_left=not meter.bmi_obese,
        mean_x=r1(sx(0.0)),
    )


# -- Everything for one lesson ------------------------------------------------


@dataclass(frozen=True)
class Pictures:
    neuron: NeuronDiagram
    curve: Curve
    waterfall: Waterfall
    plane: BoundaryPlot
    table: tuple[ActivationRow, ...]


def pictures(lesson: Lesson) -> Pictures:
    """Every picture's geometry for one lesson."""
    t = lesson.trace
    return Pictures(
        neuron=neuron_diagram(t),
        curve=activation_curve(t),
        waterfall=waterfall(t),
        plane=decision_plane(lesson),
        table=activation_table(t),
    )
