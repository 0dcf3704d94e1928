"""The API's JSON answers: a trace (POST) or a lesson (GET) as plain, finite data.

No Flask here. Numbers keep their full float64 precision (JSON writes the shortest
text that reads back as the same float); nothing is rounded. JSON has no NaN or
Infinity, and Python's encoder would write them anyway, so every number passes
through one check on the way out.
"""

from __future__ import annotations

import math
from typing import Any

from webapp.learning.descent import Training
from webapp.lesson.neuron import Trace
from webapp.lesson.result import Lesson


class NonFiniteResult(ValueError):
    """A computed value is not finite: it cannot be answered as JSON."""


def _finite(value: float, name: str) -> float:
    if not math.isfinite(value):
        raise NonFiniteResult(f"{name} is not finite")
    return value


def _finite_all(values: tuple[float, ...], name: str) -> list[float]:
    return [_finite(v, f"{name}[{i}]") for i, v in enumerate(values)]


def trace_json(trace: Trace) -> dict[str, Any]:
    """Every step of a forward pass, as the contract's JSON fields.

    Raises NonFiniteResult if any number is NaN or infinite (the service keeps them
    finite for valid input; this is the one place that makes sure).
    """
    act = trace.activation
    return {
        "x": _finite_all(trace.x, "x"),
        "w": _finite_all(trace.w, "w"),
        "b": _finite(trace.b, "b"),
        "activation": act.name,
        "formula": act.formula,
        "output_range": act.output_range,
        "products": _finite_all(trace.products, "products"),
        "weighted_sum": _finite(trace.weighted_sum, "weighted_sum"),
        "z": _finite(trace.z, "z"),
        "intermediates": {name: _finite(v, name) for name, v in trace.intermediates},
        "output": _finite(trace.output, "output"),
        "threshold": _finite(trace.threshold, "threshold"),
        "decision": trace.decision,
    }


def lesson_json(lesson: Lesson, *, share_url: str, embed_url: str) -> dict[str, Any]:
    """The height/weight neuron: the trace plus its meaning, the BMI check and links."""
    bmi = lesson.bmi
    return {
        "parameters": dict(lesson.raw),
        **trace_json(lesson.trace),
        "label": lesson.label.english,
        "bmi": _finite(bmi.bmi, "bmi"),
        "bmi_check": {
            "height_m": _finite(bmi.height_m, "height_m"),
            "who_class": str(bmi.who_class),
            "obese": bmi.obese,
            "agrees": bmi.agrees,
        },
        "share_url": share_url,
        "embed_url": embed_url,
    }


def training_json(
    training: Training, *, parameters: dict[str, str], lesson_url: str
) -> dict[str, Any]:
    """A training run: the learned weights (raw and standardised), the scaling, the
    loss and accuracy curves, and random weights scored on the same people."""
    return {
        "parameters": parameters,
        "w": _finite_all(training.w, "w"),
        "b": _finite(training.b, "b"),
        "scaling": {
            "mean": _finite_all(tuple(training.scaling.mean.tolist()), "mean"),
            "sd": _finite_all(tuple(training.scaling.sd.tolist()), "sd"),
        },
        "w_scaled": _finite_all(training.w_scaled, "w_scaled"),
        "b_scaled": _finite(training.b_scaled, "b_scaled"),
        "epochs_recorded": [int(e) for e in training.recorded_epochs],
        "loss": _finite_all(tuple(training.loss.tolist()), "loss"),
        "train_accuracy": _finite_all(tuple(training.train_accuracy.tolist()), "train_accuracy"),
        "final_loss": _finite(training.final_loss, "final_loss"),
        "accuracy": {"train": training.accuracy_train, "holdout": training.accuracy_holdout},
        "random": {
            "w": _finite_all(training.random_w, "random.w"),
            "b": _finite(training.random_b, "random.b"),
            "accuracy": {
                "train": training.random_accuracy_train,
                "holdout": training.random_accuracy_holdout,
            },
        },
        "lesson_url": lesson_url,
    }
