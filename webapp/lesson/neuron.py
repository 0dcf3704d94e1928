"""The service layer: one artificial neuron, z = wᵀx + b and ŷ = f(z).

Pure numpy, no Flask. ``forward`` returns an immutable trace of every step so
that pages, pictures and the API all render the same computed numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from webapp.lesson.activations import SIGMOID, Activation


@dataclass(frozen=True)
class Trace:
    """Every step of one forward pass, as plain Python floats."""

    x: tuple[float, ...]
    w: tuple[float, ...]
    b: float
    activation: Activation
    products: tuple[float, ...]  # wᵢ·xᵢ
    weighted_sum: float  # wᵀx
    z: float  # wᵀx + b
    intermediates: tuple[tuple[str, float], ...]  # the activation's own steps
    output: float  # ŷ = f(z)
    threshold: float
    decision: bool  # output ≥ threshold

    def intermediate(self, name: str) -> float | None:
        """The named intermediate value, or None if this activation has none."""
        return dict(self.intermediates).get(name)


def forward(
    x: Sequence[float], w: Sequence[float], b: float, activation: Activation = SIGMOID
) -> Trace:
    """Run one neuron forward and record every step.

    Raises ValueError for mismatched lengths, no inputs or non-finite numbers;
    callers validate first, this is the last guard.
    """
    xs = np.asarray(x, dtype=np.float64)
    ws = np.asarray(w, dtype=np.float64)
    if xs.ndim != 1 or xs.shape != ws.shape or xs.size == 0:
        raise ValueError("x and w must be non-empty vectors of the same length")
    if not (np.isfinite(xs).all() and np.isfinite(ws).all() and np.isfinite(b)):
        raise ValueError("x, w and b must be finite")
    with np.errstate(over="ignore", invalid="ignore"):  # checked just below
        products = ws * xs
        weighted_sum = float(np.sum(products))
        z = weighted_sum + float(b)
    if not (np.isfinite(products).all() and np.isfinite(z)):
        raise ValueError("z is too large to compute")
    output, intermediates = activation.worked(z)
    return Trace(
        x=tuple(xs.tolist()),
        w=tuple(ws.tolist()),
        b=float(b),
        activation=activation,
        products=tuple(products.tolist()),
        weighted_sum=weighted_sum,
        z=z,
        intermediates=intermediates,
        output=output,
        threshold=activation.threshold,
        decision=output >= activation.threshold,
    )
