"""One learner's question and the neuron's whole answer: the ``Lesson``. No Flask.

The lesson converts the person to the neuron's features (feet, kilograms), runs the
neuron, names its answer and checks it against the BMI rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from webapp.language import local_number
from webapp.lesson.activations import Activation
from webapp.lesson.bmi import BmiCheck, bmi_check
from webapp.lesson.labels import Label, label_for
from webapp.lesson.neuron import Trace, forward
from webapp.lesson.numbers import page_rounded
from webapp.lesson.units import HEIGHT_UNITS, WEIGHT_UNITS, to_feet, to_kg


@dataclass(frozen=True)
class Lesson:
    """One learner's question and the neuron's full answer."""

    raw: dict[str, str]  # the parameters as typed (trimmed), contract order
    height: float
    height_unit: str
    weight: float
    weight_unit: str
    trace: Trace
    label: Label  # the neuron's answer
    bmi: BmiCheck

    @property
    def height_ft(self) -> float:
        return self.trace.x[0]

    @property
    def weight_kg(self) -> float:
        return self.trace.x[1]

    @property
    def feet_divisor(self) -> float:
        """How many of the learner's height unit make a foot (12 for inches)."""
        return HEIGHT_UNITS[self.height_unit]

    @property
    def kg_factor(self) -> float:
        """Kilograms in one of the learner's weight unit (0.45359237 for pounds)."""
        return WEIGHT_UNITS[self.weight_unit]

    @property
    def person(self) -> str:
        """The person as typed: "4 ft, 80 kg" (in the page's language: "1,8 m, 80,5 kg")."""
        height, weight = local_number(self.raw["height"]), local_number(self.raw["weight"])
        return f"{height} {self.height_unit}, {weight} {self.weight_unit}"

    @property
    def output_text(self) -> str:
        """The neuron's output in one symbol convention: "σ(z) = 0.8582"."""
        return f"{self.trace.activation.symbol}(z) = {page_rounded(self.trace.output)}"

    @property
    def summary(self) -> str:
        """The result line for titles, link previews and oEmbed:
        "4 ft, 80 kg → σ(z) = 0.8582: Obese"."""
        return f"{self.person} → {self.output_text}: {self.label}"


def run_lesson(
    *,
    height: float,
    height_unit: str,
    weight: float,
    weight_unit: str,
    w1: float,
    w2: float,
    b: float,
    activation: Activation,
    raw: dict[str, str],
) -> Lesson:
    """Convert units, run the neuron and check it against BMI."""
    x = (to_feet(height, height_unit), to_kg(weight, weight_unit))
    trace = forward(x, (w1, w2), b, activation)
    return Lesson(
        raw=dict(raw),
        height=height,
        height_unit=height_unit,
        weight=weight,
        weight_unit=weight_unit,
        trace=trace,
        label=label_for(trace.decision),
        bmi=bmi_check(x[0], x[1], trace.decision),
    )
