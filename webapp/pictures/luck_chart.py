"""The luck meter's chart: a histogram of z for many random neurons, split at z*."""

from __future__ import annotations

from dataclasses import dataclass

from webapp.lesson.luck import LuckMeter, luck_meter
from webapp.lesson.result import Lesson
from webapp.pictures.scale import WIDTH, Label, Scale, Tick, baseline, below_axis, r1, ticks
from webapp.pictures.words import count as count_text


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
    neg_label: Label  # "← Not Obese", left of z*
    pos_label: Label  # "Obese →", right of z*
    yours_x: float | int | None  # this lesson's own z, if it is on the chart
    yours_path: str  # a triangle under the axis pointing up at it ("" if off the chart)
    axis: str
    ticks: tuple[Tick, ...]
    agree_left: bool  # whether the agreeing bars are left of z*
    mean_x: float | int

    @property
    def draws_text(self) -> str:
        """How many random neurons, written for people in the page's language (20,000)."""
        return count_text(self.meter.draws)

    @property
    def agree_text(self) -> str:
        """How many of them agree with the BMI rule, written the same way."""
        return count_text(self.meter.agree)


_HEIGHT = 148
_LUCK_BOX = (10.0, 18.0, 330.0, 118.0)
_SIDE_GAP = 4  # between z*'s line and the side labels


def _bars_path(bars: list[tuple[float, float]], bottom: float) -> str:
    """Bars as vertical strokes from the axis up: 'M12 118V40M25 118V31'."""
    base = r1(bottom)
    return "".join(f"M{r1(x)} {base}V{r1(top)}" for x, top in bars)


def _marker(x: float | int | None, y: float) -> str:
    """A small triangle with its tip at (x, y), pointing up."""
    return "" if x is None else f"M{x} {r1(y)}l5 8h-10z"


def luck_chart(lesson: Lesson) -> LuckChart:
    meter = luck_meter(lesson.height_ft, lesson.weight_kg, lesson.trace.activation)
    x0, y0, x1, y1 = _LUCK_BOX
    edges, counts = meter.edges, meter.counts
    sx = Scale(edges[0], edges[-1], x0, x1)
    top = max(counts) or 1
    sy = Scale(0.0, float(top), y1, y0)
    agree, disagree = [], []
    xs = [sx(edge) for edge in edges]  # each edge once: a bar's right is the next's left
    obese_from = meter.z_star - 1e-12 * max(1.0, abs(meter.z_star))
    for i, count in enumerate(counts):
        if count == 0:
            continue
        says_obese = edges[i] >= obese_from
        bar = ((xs[i] + xs[i + 1]) / 2, sy(count))
        (agree if says_obese == meter.bmi_obese else disagree).append(bar)
    z = lesson.trace.z
    yours = r1(sx(z)) if edges[0] <= z <= edges[-1] else None
    axis_ticks = below_axis(ticks(edges[0], edges[-1], sx, 6), y1 + 24)
    star_x = r1(sx(meter.z_star))
    return LuckChart(
        width=WIDTH,
        height=_HEIGHT,
        box=_LUCK_BOX,
        meter=meter,
        agree_path=_bars_path(agree, y1),
        disagree_path=_bars_path(disagree, y1),
        bar_width=r1((x1 - x0) / len(counts) - 1.5),
        star_x=star_x,
        star_path=f"M{star_x} {r1(y0 - 6)}V{r1(y1)}",
        neg_label=Label(star_x, r1(y0 - 6), "end", dx=-_SIDE_GAP),
        pos_label=Label(star_x, r1(y0 - 6), "start", dx=_SIDE_GAP),
        yours_x=yours,
        yours_path=_marker(yours, y1 + 3),
        axis=baseline(_LUCK_BOX, axis_ticks),
        ticks=axis_ticks,
        agree_left=not meter.bmi_obese,
        mean_x=r1(sx(0.0)),
    )
