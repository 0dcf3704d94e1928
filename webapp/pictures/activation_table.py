"""The same z through every activation: one row per entry of the activation registry."""

from __future__ import annotations

from dataclasses import dataclass

from webapp.lesson.activations import ACTIVATIONS
from webapp.lesson.neuron import Trace, forward
from webapp.lesson.result import label_for


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
