"""The same z through every activation: one row per entry of the activation registry."""

from __future__ import annotations

from dataclasses import dataclass

from webapp.lesson.activations import ACTIVATIONS
from webapp.lesson.neuron import Trace, forward
from webapp.pictures.words import said


@dataclass(frozen=True)
class ActivationRow:
    name: str
    title: str
    formula: str
    output_range: str
    output: float
    threshold: float
    label: str  # the answer in the page's language
    chosen: bool
    obese: bool  # the answer itself, for the template's colour and sign


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
                said(other.decision),
                name == trace.activation.name,
                other.decision,
            )
        )
    return tuple(rows)
