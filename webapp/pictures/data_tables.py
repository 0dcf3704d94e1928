"""Each picture's numbers as a table, for readers who cannot see the picture (WCAG 1.1.1)
or want the figures: built from the same dataclasses the pictures are drawn from, so the
table and the picture can never disagree. Python gives the rows; templates only print
them (a float cell through the pictures' number format, a string as it is).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from webapp.lesson.luck import LuckMeter
from webapp.lesson.numbers import fmt, minus
from webapp.lesson.result import Lesson, label_for
from webapp.pictures.activation_curve import Curve
from webapp.pictures.decision_plane import BoundaryPlot
from webapp.pictures.luck_chart import LuckChart
from webapp.pictures.waterfall import Waterfall

Cell = str | float


@dataclass(frozen=True)
class DataTable:
    """A table: a caption, column headings, and rows whose first cell heads the row."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def neuron_table(lesson: Lesson) -> DataTable:
    """The diagram's numbers: inputs, weights, products, bias, z, ŷ and the answer."""
    t, raw = lesson.trace, lesson.raw
    symbol = t.activation.symbol
    return DataTable(
        caption="The numbers on the neuron diagram",
        columns=("Quantity", "Value"),
        rows=(
            ("x₁, height (ft)", t.x[0]),
            ("w₁", raw["w1"]),
            ("w₁x₁", t.products[0]),
            ("x₂, weight (kg)", t.x[1]),
            ("w₂", raw["w2"]),
            ("w₂x₂", t.products[1]),
            ("b", raw["b"]),
            ("z = w₁x₁ + w₂x₂ + b", t.z),
            (f"ŷ = {symbol}(z)", t.output),
            ("Threshold", t.threshold),
            ("Answer", lesson.label),
        ),
    )


_STEP_NAMES = {"b": "Start at b", "w1x1": "Add w₁x₁", "w2x2": "Add w₂x₂"}


def waterfall_table(wf: Waterfall) -> DataTable:
    """The waterfall's bars: each step's size and the running total, then where it flips."""
    rows: list[tuple[Cell, ...]] = [
        (_STEP_NAMES[bar.name], bar.value, bar.total) for bar in wf.bars if bar.name in _STEP_NAMES
    ]
    rows.append(("The answer flips at z", "", wf.star))
    return DataTable(
        caption="How z adds up, step by step",
        columns=("Step", "Adds", "Running total"),
        rows=tuple(rows),
    )


def curve_table(lesson: Lesson, curve: Curve) -> DataTable:
    """The curve at its axis ticks, where it crosses the threshold, and at the learner's z."""
    act = lesson.trace.activation
    marked = {tick.value: "" for tick in curve.x_ticks}
    marked[act.z_star] = "crosses the threshold"
    marked[lesson.trace.z] = "your z"
    zs = np.array(sorted(marked), dtype=float)
    outputs = act.function(zs)
    rows = tuple(
        (_z_text(z), float(y), label_for(bool(y >= act.threshold)), marked[float(z)])
        for z, y in zip(zs, outputs, strict=True)
    )
    return DataTable(
        caption=f"The activation {act.title.lower()} at a few values of z",
        columns=("z", f"ŷ = {act.symbol}(z)", "Says", "Note"),
        rows=rows,
    )


def plane_table(lesson: Lesson, plane: BoundaryPlot) -> DataTable:
    """The plane's marked points in the learner's units: the boundary's ends, the
    learner, where the answer flips at this height, and where BMI reaches 30."""
    hu, wu = plane.height_unit, plane.weight_unit
    height = lesson.raw["height"]
    rows: list[tuple[Cell, ...]] = [("You", height, lesson.raw["weight"], lesson.label)]
    if plane.line is not None:
        for end, (x, y) in zip(("starts", "ends"), plane.line, strict=True):
            rows.append((f"The boundary line {end}", x, y, "the answer flips"))
    if plane.flip_in_unit is not None:
        rows.append(("The answer flips at your height", height, plane.flip_in_unit, ""))
    rows.append(("BMI = 30 at your height", height, plane.who_in_unit, "the WHO says Obese"))
    if plane.everywhere:
        rows.append(("Everywhere in the picture", "", "", f"the neuron says {plane.everywhere}"))
    return DataTable(
        caption="The points on the height and weight plane",
        columns=("Point", f"Height ({hu})", f"Weight ({wu})", "Note"),
        rows=tuple(rows),
    )


def luck_table(chart: LuckChart) -> DataTable:
    """The luck histogram's bars: each range of z, how many random neurons, what they say."""
    m = chart.meter

    def z(value: float) -> str:  # the chart's axis shows whole numbers: 2 places are plenty
        return _z_text(value, 2)

    rows: list[tuple[Cell, ...]] = []
    if m.below:
        rows.append((f"below {z(m.edges[0])}", f"{m.below:,}", _says(m, m.edges[0] - 1)))
    for left, right, count in zip(m.edges, m.edges[1:], m.counts, strict=False):
        rows.append((f"{z(left)} to {z(right)}", f"{count:,}", _says(m, left)))
    if m.above:
        rows.append((f"{z(m.edges[-1])} and above", f"{m.above:,}", _says(m, m.edges[-1])))
    return DataTable(
        caption=f"{m.draws:,} random neurons by their z",
        columns=("z", "Random neurons", "They say"),
        rows=tuple(rows),
    )


def _says(meter: LuckMeter, z: float) -> str:
    return label_for(z >= meter.z_star)


def _z_text(z: float, places: int = 4) -> str:
    return minus(fmt(float(z), places))
