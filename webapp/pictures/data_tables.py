"""Each picture's numbers as a table, for readers who cannot see the picture (WCAG 1.1.1)
or want the figures: built from the same dataclasses the pictures are drawn from, so the
table and the picture can never disagree. Python gives the rows; templates only print
them (a float cell through the pictures' number format, a string as it is).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from webapp.language import active, gettext, lazy_gettext, pgettext
from webapp.lesson.labels import OBESE, label_for
from webapp.lesson.luck import LuckMeter
from webapp.lesson.numbers import page_form, page_rounded
from webapp.lesson.result import Lesson
from webapp.pictures.activation_curve import Curve
from webapp.pictures.decision_plane import BoundaryPlot
from webapp.pictures.luck_chart import LuckChart
from webapp.pictures.waterfall import Waterfall
from webapp.pictures.words import count

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
        caption=gettext("The numbers on the neuron diagram"),
        columns=(gettext("Quantity"), gettext("Value")),
        rows=(
            (gettext("x₁, height (ft)"), t.x[0]),
            ("w₁", page_form(raw["w1"])),
            ("w₁x₁", t.products[0]),
            (gettext("x₂, weight (kg)"), t.x[1]),
            ("w₂", page_form(raw["w2"])),
            ("w₂x₂", t.products[1]),
            ("b", page_form(raw["b"])),
            ("z = w₁x₁ + w₂x₂ + b", t.z),
            (f"ŷ = {symbol}(z)", t.output),
            (gettext("Threshold"), t.threshold),
            (gettext("Answer"), str(label_for(t.decision))),
        ),
    )


_STEP_NAMES = {
    "b": lazy_gettext("Start at b"),
    "w1x1": lazy_gettext("Add w₁x₁"),
    "w2x2": lazy_gettext("Add w₂x₂"),
}


def waterfall_table(wf: Waterfall) -> DataTable:
    """The waterfall's bars: each step's size and the running total, then where it flips."""
    rows: list[tuple[Cell, ...]] = [
        (str(_STEP_NAMES[bar.name]), bar.value, bar.total)
        for bar in wf.bars
        if bar.name in _STEP_NAMES
    ]
    rows.append((gettext("The answer flips at z"), "", wf.star))
    return DataTable(
        caption=gettext("How z adds up, step by step"),
        columns=(pgettext("waterfall table", "Step"), gettext("Adds"), gettext("Running total")),
        rows=tuple(rows),
    )


def curve_table(lesson: Lesson, curve: Curve) -> DataTable:
    """The curve at its axis ticks, where it crosses the threshold, and at the learner's z."""
    act = lesson.trace.activation
    marked = {tick.value: "" for tick in curve.x_ticks}
    marked[act.z_star] = gettext("crosses the threshold")
    marked[lesson.trace.z] = gettext("your z")
    zs = np.array(sorted(marked), dtype=float)
    outputs = act.function(zs)
    rows = tuple(
        (_z_text(z), float(y), str(label_for(bool(y >= act.threshold))), marked[float(z)])
        for z, y in zip(zs, outputs, strict=True)
    )
    return DataTable(
        caption=gettext(
            "The activation %(name)s at a few values of z", name=_in_sentence(str(act.title))
        ),
        columns=("z", f"ŷ = {act.symbol}(z)", gettext("Says"), gettext("Note")),
        rows=rows,
    )


def plane_table(lesson: Lesson, plane: BoundaryPlot) -> DataTable:
    """The plane's marked points in the learner's units: the boundary's ends, the
    learner, where the answer flips at this height, and where BMI reaches 30."""
    hu, wu = plane.height_unit, plane.weight_unit
    height = page_form(lesson.raw["height"])
    you = (gettext("You"), height, page_form(lesson.raw["weight"]), str(lesson.label))
    rows: list[tuple[Cell, ...]] = [you]
    if plane.line is not None:
        ends = (gettext("The boundary line starts"), gettext("The boundary line ends"))
        for end, (x, y) in zip(ends, plane.line, strict=True):
            rows.append((end, x, y, gettext("the answer flips")))
    if plane.flip_in_unit is not None:
        rows.append((gettext("The answer flips at your height"), height, plane.flip_in_unit, ""))
    rows.append((gettext("BMI = 30 at your height"), height, plane.who_in_unit, _who_says_obese()))
    if plane.everywhere:
        says = gettext("the neuron says %(label)s", label=plane.everywhere)
        rows.append((gettext("Everywhere in the picture"), "", "", says))
    return DataTable(
        caption=gettext("The points on the height and weight plane"),
        columns=(
            gettext("Point"),
            gettext("Height (%(unit)s)", unit=hu),
            gettext("Weight (%(unit)s)", unit=wu),
            gettext("Note"),
        ),
        rows=tuple(rows),
    )


def luck_table(chart: LuckChart) -> DataTable:
    """The luck histogram's bars: each range of z, how many random neurons, what they say."""
    m = chart.meter

    def z(value: float) -> str:  # the chart's axis shows whole numbers: 2 places are plenty
        return _z_text(value, 2)

    rows: list[tuple[Cell, ...]] = []
    if m.below:
        below = gettext("below %(z)s", z=z(m.edges[0]))
        rows.append((below, count(m.below), _says(m, m.edges[0] - 1)))
    for left, right, n in zip(m.edges, m.edges[1:], m.counts, strict=False):
        span = gettext("%(low)s to %(high)s", low=z(left), high=z(right))
        rows.append((span, count(n), _says(m, left)))
    if m.above:
        above = gettext("%(z)s and above", z=z(m.edges[-1]))
        rows.append((above, count(m.above), _says(m, m.edges[-1])))
    return DataTable(
        caption=gettext("%(draws)s random neurons by their z", draws=count(m.draws)),
        columns=("z", gettext("Random neurons"), gettext("They say")),
        rows=tuple(rows),
    )


def _says(meter: LuckMeter, z: float) -> str:
    return str(label_for(z >= meter.z_star))


def _z_text(z: float, places: int = 4) -> str:
    return page_rounded(z, places)


def _who_says_obese() -> str:
    return gettext("the WHO says %(label)s", label=OBESE)


def _in_sentence(title: str) -> str:
    """An activation's title inside a sentence: lower case ("the activation sigmoid"),
    except in a language that capitalises nouns, where it stays a noun as written
    (German: "die Aktivierung Sigmoid")."""
    return title if active().capitalises_nouns else title.lower()
