"""How z adds up: a waterfall from the bias, + w₁x₁, + w₂x₂, to z, with z* marked."""

from __future__ import annotations

from dataclasses import dataclass

from webapp.lesson.neuron import Trace
from webapp.pictures.scale import WIDTH, Label, Scale, Tick, baseline, below_axis, r1, sign_class
from webapp.pictures.scale import ticks as axis_ticks


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
    name_label: Label  # "+ w₁x₁", left of the plot
    value_label: Label  # its number, right of the plot


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
    star_label: Label  # "flips at z = 0", above the plot
    ticks: tuple[Tick, ...]


_HEIGHT = 158
_MIN_BAR = 2.5
_WATERFALL_BOX = (58.0, 24.0, 262.0, 136.0)
_ROW = 28
_BAR_HEIGHT = 16
_TEXT_DY = 13  # a bar's texts sit on the bar's baseline


def _range(values: list[float]) -> tuple[float, float]:
    """The values' span padded by 4% each way (±1 if they are all one number)."""
    lo, hi = min(values), max(values)
    if hi - lo == 0:
        lo, hi = lo - 1, hi + 1
    pad = 0.04 * (hi - lo)
    return lo - pad, hi + pad


def _bar(i: int, step: tuple[str, float, float, float], sx: Scale) -> Bar:
    """Row i: one step from its start to its end, never thinner than _MIN_BAR."""
    name, value, start, end = step
    x0, y0, _, _ = _WATERFALL_BOX
    a, e = sx(start), sx(end)
    left, width = min(a, e), abs(e - a)
    widened = width < _MIN_BAR
    if widened:
        # Too small to see at this scale: draw the minimum, growing the way the step goes.
        width = _MIN_BAR
        left = a if value >= 0 else a - _MIN_BAR
    y = r1(y0 + 6 + i * _ROW)
    return Bar(
        name=name,
        value=value,
        x=r1(left),
        y=y,
        width=r1(width),
        sign=sign_class(value),
        end=r1(e),
        total=end,
        widened=widened,
        name_label=Label(r1(x0 - 6), y, "end", dy=_TEXT_DY),
        value_label=Label(WIDTH - 4, y, "end", dy=_TEXT_DY),
    )


def waterfall(trace: Trace) -> Waterfall:
    b, p1, p2 = trace.b, trace.products[0], trace.products[1]
    steps = (("b", b, 0.0, b), ("w1x1", p1, b, b + p1), ("w2x2", p2, b + p1, trace.z))
    steps += (("z", trace.z, 0.0, trace.z),)
    star = trace.activation.z_star
    lo, hi = _range([0.0, star] + [s[3] for s in steps])
    x0, y0, x1, y1 = _WATERFALL_BOX
    sx = Scale(lo, hi, x0, x1)
    bars = [_bar(i, step, sx) for i, step in enumerate(steps)]
    connectors = "".join(
        f"M{bar.end} {r1(bar.y + _BAR_HEIGHT)}V{r1(bar.y + _ROW)}" for bar in bars[:-1]
    )
    ticks = below_axis(axis_ticks(lo, hi, sx, 5), y1 + 16)
    return Waterfall(
        width=WIDTH,
        height=_HEIGHT,
        box=_WATERFALL_BOX,
        bars=tuple(bars),
        bar_height=_BAR_HEIGHT,
        connectors=connectors,
        axis=baseline(_WATERFALL_BOX, ticks),
        zero_x=r1(sx(0.0)),
        zero_path=f"M{r1(sx(0.0))} {r1(y0)}V{r1(y1)}",
        star_path=f"M{r1(sx(star))} {r1(y0 - 4)}V{r1(y1)}",
        star_x=r1(sx(star)),
        star=star,
        star_label=Label(r1(sx(star)), 13, "middle"),
        ticks=ticks,
    )
