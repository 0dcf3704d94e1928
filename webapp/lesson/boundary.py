"""Where the neuron's answer flips: in z, in weight for a given height, and in the plane.

Every activation here is non-decreasing, so "output ≥ threshold" is the same as
"z ≥ z*" for one number z*, the z where f reaches its threshold. That turns the
decision into a straight line in the height/weight plane,

    w₁·h + w₂·m + b = z*        (h in ft, m in kg),

which this module clips to a picture's rectangle. Pure floats, no Flask, no drawing.
"""

from __future__ import annotations

from dataclasses import dataclass

from webapp.lesson.activations import Activation
from webapp.lesson.labels import NOT_OBESE, OBESE, Label, label_for
from webapp.lesson.neuron import Trace
from webapp.lesson.units import MAX_WEIGHT

Point = tuple[float, float]


@dataclass(frozen=True)
class DecisionFlip:
    """How far z is from changing the answer."""

    z: float
    z_star: float
    direction: str  # "fall" (the answer is positive now) or "rise"
    by: float  # |z − z*|: to flip, z must fall by more than this, or rise by this
    to_label: Label


def decision_flip(trace: Trace) -> DecisionFlip:
    """The distance from this trace's z to the other answer."""
    star = trace.activation.z_star
    if trace.decision:
        return DecisionFlip(trace.z, star, "fall", abs(trace.z - star), NOT_OBESE)
    return DecisionFlip(trace.z, star, "rise", abs(star - trace.z), OBESE)


@dataclass(frozen=True)
class FlipWeight:
    """What the neuron says across all weights (0, 700 kg] at one height.

    kind: "from" (positive label from ``kg`` up), "up_to" (positive up to ``kg``,
    only when w₂ < 0), "always" / "never" (the positive label at every weight in
    range, or at none), "no_effect" (w₂ = 0: weight plays no part).
    """

    kind: str
    kg: float | None
    label: Label  # the answer at this height when it does not depend on weight
    heavier_lowers_z: bool  # w₂ < 0: more weight lowers z, towards the negative label
    max_kg: float = MAX_WEIGHT["kg"]


def flip_weight(
    height_ft: float, w1: float, w2: float, b: float, activation: Activation
) -> FlipWeight:
    """The weight at which the answer flips for this height, if one in range does.

    Solves w₁·h + w₂·m + b = z* for m. Obese means z ≥ z*, so with w₂ > 0 the
    neuron says Obese from m* up, with w₂ < 0 from m* down.
    """
    star = activation.z_star
    rest = w1 * height_ft + b  # z without the weight term
    max_kg = MAX_WEIGHT["kg"]
    if w2 == 0:
        label = label_for(rest >= star)
        return FlipWeight("no_effect", None, label, False)
    m = (star - rest) / w2  # may be ±inf for a tiny w₂: the comparisons still hold
    if w2 > 0:
        if m <= 0:
            return FlipWeight("always", None, OBESE, False)
        if m > max_kg:
            return FlipWeight("never", None, NOT_OBESE, False)
        return FlipWeight("from", m, OBESE, False)
    if m >= max_kg:
        return FlipWeight("always", None, OBESE, True)
    if m <= 0:
        return FlipWeight("never", None, NOT_OBESE, True)
    return FlipWeight("up_to", m, OBESE, True)


@dataclass(frozen=True)
class HalfPlane:
    """The positive region a·x + b·y + c ≥ 0 in a picture's own units."""

    a: float
    b: float
    c: float

    def value(self, p: Point) -> float:
        return self.a * p[0] + self.b * p[1] + self.c


def decision_half_plane(
    w1: float, w2: float, b: float, activation: Activation, feet_per_x: float, kg_per_y: float
) -> HalfPlane:
    """The neuron's positive region for axes in any units.

    ``feet_per_x`` and ``kg_per_y`` convert one unit of the picture's axes to the
    neuron's features, so the picture can be drawn in the learner's units.
    """
    return HalfPlane(w1 * feet_per_x, w2 * kg_per_y, b - activation.z_star)


def clip(polygon: list[Point], plane: HalfPlane, *, keep_positive: bool = True) -> list[Point]:
    """The part of a convex polygon on one side of the line (Sutherland–Hodgman)."""
    sign = 1.0 if keep_positive else -1.0

    def inside(p: Point) -> bool:
        v = sign * plane.value(p)
        return v >= 0 if keep_positive else v > 0

    out: list[Point] = []
    for i, current in enumerate(polygon):
        previous = polygon[i - 1]
        if inside(current):
            if not inside(previous):
                out.append(_crossing(previous, current, plane))
            out.append(current)
        elif inside(previous):
            out.append(_crossing(previous, current, plane))
    return out


def boundary_segment(width: float, height: float, plane: HalfPlane) -> tuple[Point, Point] | None:
    """Where the line a·x + b·y + c = 0 crosses the rectangle [0, width] × [0, height]."""
    if plane.a == 0 and plane.b == 0:
        return None  # no line at all: the whole picture is on one side (or on "it")
    corners = [(0.0, 0.0), (width, 0.0), (width, height), (0.0, height)]
    values = [plane.value(p) for p in corners]
    points: list[Point] = []
    for i in range(4):
        p, q = corners[i], corners[(i + 1) % 4]
        vp, vq = values[i], values[(i + 1) % 4]
        if vp == 0:
            candidates = [p]
        elif (vp < 0) != (vq < 0) and vq != 0:
            candidates = [_crossing(p, q, plane)]
        else:
            candidates = []
        for c in candidates:
            if all(abs(c[0] - d[0]) + abs(c[1] - d[1]) > 1e-9 * (width + height) for d in points):
                points.append(c)
    if len(points) < 2:
        return None
    return points[0], points[1]


def _crossing(p: Point, q: Point, plane: HalfPlane) -> Point:
    vp, vq = plane.value(p), plane.value(q)
    t = vp / (vp - vq)
    return (p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1]))
