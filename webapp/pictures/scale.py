"""The one shared toolkit for every picture: scales, round ticks, frames and labels.

Pure floats, no Flask and no markup. Every picture module (the lesson's and the
learning page's) maps its data with ``Scale``, marks its axes with ``Tick`` and writes
its coordinates through ``r1``: one decimal, an int when whole, so the inline SVG
stays small.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

# Text is not measured on the server; this is a fair average advance for the
# page's sans-serif digits and letters, used only to keep labels inside a picture.
_CHAR_WIDTH = 0.6
WIDTH = 340  # every picture's viewBox width: about a phone's, so 14-unit text stays legible
FONT = 14.0
TICK = 4  # the length of a tick mark
TICK_DY = 4  # lowers a y tick's number so it is centred on its mark
POINT_R = 5.5  # the learner's point
DOT_R = 3.5  # a smaller dot (the ends of a jump)


# ~280 coordinates a page, nine in ten the same on every page (frames, ticks, labels):
# a hit costs a sixth of round(value, 1). Equal numbers (5 and 5.0) give equal results.
@lru_cache(maxsize=4096)
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
class Label:
    """Where a text goes: its anchor point, how it is anchored, and an optional nudge."""

    x: float | int
    y: float | int
    anchor: str  # SVG text-anchor: start, middle or end
    dx: float | int = 0
    dy: float | int = 0


@dataclass(frozen=True)
class Tick:
    pos: float | int  # user units along the axis
    value: float  # the data value it marks (the template formats it)
    label: Label | None = None  # where its number is written (see below_axis, left_of_axis)


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


def below_axis(
    axis_ticks: tuple[Tick, ...], y: float, right_edge: float | None = None
) -> tuple[Tick, ...]:
    """An x axis's ticks with their numbers centred under them at ``y``; a number
    right of ``right_edge`` ends at its tick instead, so its last digit is not cut off."""

    def anchor(pos: float) -> str:
        return "end" if right_edge is not None and pos > right_edge else "middle"

    # Tick(…) rather than dataclasses.replace: a few times faster, and a page has ~30
    return tuple(Tick(t.pos, t.value, Label(t.pos, r1(y), anchor(t.pos))) for t in axis_ticks)


def left_of_axis(axis_ticks: tuple[Tick, ...], x: float) -> tuple[Tick, ...]:
    """A y axis's ticks with their numbers ending at ``x``, centred on each mark."""
    return tuple(Tick(t.pos, t.value, Label(r1(x), t.pos, "end", dy=TICK_DY)) for t in axis_ticks)


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
    d += "".join(f"M{t.pos} {r1(y1)}v{TICK}" for t in x_ticks)
    d += "".join(f"M{r1(x0)} {t.pos}h-{TICK}" for t in y_ticks)
    return d


def baseline(box: tuple[float, float, float, float], x_ticks=()) -> str:
    """The bottom axis alone with its tick marks, as one path."""
    x0, _, x1, y1 = box
    d = f"M{r1(x0)} {r1(y1)}H{r1(x1)}"
    return d + "".join(f"M{t.pos} {r1(y1)}v{TICK}" for t in x_ticks)


def rect_path(x0: float, y0: float, x1: float, y1: float) -> str:
    """A closed rectangle path between two corners."""
    return f"M{r1(x0)} {r1(y0)}H{r1(x1)}V{r1(y1)}H{r1(x0)}Z"


def sign_class(value: float) -> str:
    """pos, neg or zero: the class that colours and dashes a part by its sign."""
    return "pos" if value > 0 else "neg" if value < 0 else "zero"
