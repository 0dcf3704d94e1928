"""The activation curve: f over a z range that holds the learner's z, the point (z, ŷ),
the threshold and the Not Obese / Obese sides of z*."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from webapp.lesson.activations import Activation
from webapp.lesson.boundary import DecisionFlip, decision_flip
from webapp.lesson.labels import NOT_OBESE, OBESE
from webapp.lesson.neuron import Trace
from webapp.lesson.numbers import dot_rounded
from webapp.pictures.scale import (
    DOT_R,
    FONT,
    POINT_R,
    WIDTH,
    Label,
    Scale,
    Tick,
    below_axis,
    frame,
    left_of_axis,
    polyline,
    r1,
    rect_path,
    text_width,
    ticks,
)


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
    x_title: Label  # "z"
    y_title: Label  # "↑ ŷ = f(z)"
    z_range: tuple[float, float]
    flip: DecisionFlip
    dot_r: float = DOT_R
    point_r: float = POINT_R


_HEIGHT = 200
_CURVE_BOX = (42.0, 26.0, 332.0, 164.0)
_Y_TITLE_END = 88  # "↑ ŷ = f(z)" at the top left ends about here


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


def _point_label(px: float, py: float, text: str, font: float) -> Label:
    """(z, ŷ) above left of the point if it fits, else below right, else wherever fits."""
    x0, y0, x1, y1 = _CURVE_BOX
    tw = text_width(text, font)
    if px - 8 - tw >= x0 and py - 8 - font >= y0:
        return Label(r1(px - 8), r1(py - 8), "end")
    if px + 8 + tw <= x1 and py + 18 <= y1:
        return Label(r1(px + 8), r1(py + 18), "start")
    if px - 8 - tw >= x0:
        return Label(r1(px - 8), r1(min(py + 18, y1 - 4)), "end")
    return Label(r1(px + 8), r1(max(py - 8, y0 + font)), "start")


def _side_labels(star_x: float) -> tuple[Label | None, Label | None]:
    """The side labels above the plot, either side of z*, where they fit."""
    y = r1(_CURVE_BOX[1] - 8)
    # the longer of the two side labels ("← Not Obese" in English), at 12.5 units
    side_width = max(text_width(f"← {NOT_OBESE}", 12.5), text_width(f"{OBESE} →", 12.5))
    # "← Not Obese" must clear the axis title "ŷ = f(z)" at the top left
    neg = Label(r1(star_x - 5), y, "end") if star_x - 5 - side_width >= _Y_TITLE_END else None
    pos = Label(r1(star_x + 5), y, "start") if star_x + 5 + side_width <= WIDTH - 2 else None
    return neg, pos


def _y_ticks(act: Activation, f_lo: float, f_hi: float, sy: Scale) -> tuple[Tick, ...]:
    if not act.bounded:
        return ticks(f_lo, f_hi, sy, 4)
    # the ends of the range and the threshold: 0, 0.5, 1 or −1, 0, 1
    return tuple(Tick(r1(sy(v)), v) for v in sorted({f_lo, act.threshold, f_hi}))


@dataclass(frozen=True)
class _Plot:
    """What the curve draws from its activation and z range alone, not from z."""

    sx: Scale
    sy: Scale
    path: str
    dots: tuple[tuple[float | int, float | int, bool], ...]
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    axes: str


@lru_cache(maxsize=256)
def _plot(act: Activation, lo: float, hi: float) -> _Plot:
    """The curve, its scales and ticks. Kept: every z in [−w, w] gets the same range,
    so every fresh page of an activation draws the same curve."""
    zs = _curve_samples(act, lo, hi)
    f_lo, f_hi = _y_range(act, zs)
    pad = 0.06 * (f_hi - f_lo)
    x0, y0, x1, y1 = _CURVE_BOX
    sx, sy = Scale(lo, hi, x0, x1), Scale(f_lo - pad, f_hi + pad, y1, y0)
    path, dots = _curve_path(act, zs, sx, sy)
    x_ticks = below_axis(ticks(lo, hi, sx, 6), y1 + 16, right_edge=WIDTH - 16)
    y_ticks = left_of_axis(_y_ticks(act, f_lo, f_hi, sy), x0 - 6)
    axes = frame(_CURVE_BOX, x_ticks, y_ticks)
    return _Plot(sx, sy, path, dots, x_ticks, y_ticks, axes)


def activation_curve(trace: Trace, label_font: float = FONT) -> Curve:
    act = trace.activation
    lo, hi = _z_range(act, trace.z)
    plot = _plot(act, lo, hi)
    sx, sy = plot.sx, plot.sy
    x0, y0, x1, y1 = _CURVE_BOX
    px, py = sx(trace.z), sy(trace.output)
    star_x = sx(act.z_star)
    neg_label, pos_label = _side_labels(star_x)
    # as wide as the label the template writes, "(z, ŷ)" or "(z; ŷ)" beside a decimal comma
    point_text = f"({dot_rounded(trace.z)}, {dot_rounded(trace.output)})"
    return Curve(
        width=WIDTH,
        height=_HEIGHT,
        box=_CURVE_BOX,
        path=plot.path,
        axes=plot.axes,
        neg_region=rect_path(x0, y0, star_x, y1) if star_x > x0 else "",
        pos_region=rect_path(star_x, y0, x1, y1) if star_x < x1 else "",
        threshold_path=f"M{r1(x0)} {r1(sy(trace.threshold))}H{r1(x1)}",
        guides=f"M{r1(px)} {r1(y1)}V{r1(py)}H{r1(x0)}",
        dots=plot.dots,
        point=(r1(px), r1(py)),
        point_label=_point_label(px, py, point_text, label_font),
        threshold_y=r1(sy(trace.threshold)),
        star_x=r1(star_x),
        neg_label=neg_label,
        pos_label=pos_label,
        x_ticks=plot.x_ticks,
        y_ticks=plot.y_ticks,
        x_title=Label(r1(x1), _HEIGHT - 4, "end"),
        y_title=Label(4, 18, "start"),
        z_range=(lo, hi),
        flip=decision_flip(trace),
    )
