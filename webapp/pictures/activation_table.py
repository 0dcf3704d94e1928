"""The same z through every activation: one row per entry of the activation registry."""

from __future__ import annotations

from dataclasses import dataclass

from webapp.lesson.activations import ACTIVATIONS
from webapp.lesson.labels import label_for
from webapp.lesson.neuron import Trace


@dataclass(frozen=True)
class ActivationRow:
    name: str
    title: str
    formula: str  # in the page's language
    output_range: str
    output: float
    threshold: float
    label: str  # the answer in the page's language
    chosen: bool
    obese: bool  # the answer itself, for the template's colour and sign


def activation_table(trace: Trace) -> tuple[ActivationRow, ...]:
    rows = []
    for act in ACTIVATIONS.values():
        # The same x, w and b give the same z whatever the activation, so only f runs
        # again: what forward() would give, without redoing and rechecking wᵀx + b.
        output = act.worked(trace.z)[0]
        decision = output >= act.threshold
        rows.append(
            ActivationRow(
                act.name,
                act.title,
                act.translated_formula,
                act.output_range,
                output,
                act.threshold,
                str(label_for(decision)),
                act == trace.activation,
                decision,
            )
        )
    return tuple(rows)
