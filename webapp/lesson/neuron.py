"""The service layer: one artificial neuron, z = wᵀx + b and ŷ = f(z).

Pure numpy, no Flask. ``forward`` returns an immutable trace of every step so
that pages, pictures and the API all render the same computed numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

# exp() overflows float64 just above 709.78; stay clear of it so no step ever
# holds inf and numpy never warns.
_EXP_SAFE = 700.0


@dataclass(frozen=True)
class Activation:
    """An activation function with what a learner needs to know about it."""

    name: str
    title: str
    formula: str  # plain-text formula, for titles and the API
    output_range: str
    threshold: float
    # Returns the output and the named intermediate values, in order.
    compute: Callable[[float], tuple[float, tuple[tuple[str, float], ...]]]


def _sigmoid(z: float) -> tuple[float, tuple[tuple[str, float], ...]]:
    # 1 / (1 + e^(−z)) is accurate wherever e^(−z) is finite; for very negative
    # z the equivalent e^z / (1 + e^z) avoids the overflow.
    if z >= -_EXP_SAFE:
        exp_neg_z = float(np.exp(-z))
        denominator = 1.0 + exp_neg_z
        return 1.0 / denominator, (("exp_neg_z", exp_neg_z), ("denominator", denominator))
    exp_z = float(np.exp(z))
    denominator = 1.0 + exp_z
    return exp_z / denominator, (("exp_z", exp_z), ("denominator", denominator))


def _tanh(z: float) -> tuple[float, tuple[tuple[str, float], ...]]:
    output = float(np.tanh(z))
    if abs(z) > _EXP_SAFE / 2:
        # e^z and e^(−z) would overflow or underflow: tanh is saturated at ±1.
        return output, ()
    exp_z = float(np.exp(z))
    exp_neg_z = float(np.exp(-z))
    return output, (
        ("exp_z", exp_z),
        ("exp_neg_z", exp_neg_z),
        ("numerator", exp_z - exp_neg_z),
        ("denominator", exp_z + exp_neg_z),
    )


def _relu(z: float) -> tuple[float, tuple[tuple[str, float], ...]]:
    return float(np.maximum(0.0, z)), ()


def _step(z: float) -> tuple[float, tuple[tuple[str, float], ...]]:
    return (1.0 if z >= 0.0 else 0.0), ()


def _linear(z: float) -> tuple[float, tuple[tuple[str, float], ...]]:
    return float(z), ()


ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in (
        Activation("sigmoid", "Sigmoid", "σ(z) = 1 / (1 + e^(−z))", "(0, 1)", 0.5, _sigmoid),
        Activation(
            "tanh",
            "Hyperbolic tangent",
            "tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z))",
            "(−1, 1)",
            0.0,
            _tanh,
        ),
        Activation("relu", "ReLU", "relu(z) = max(0, z)", "[0, ∞)", 0.5, _relu),
        Activation("step", "Step", "step(z) = 1 if z ≥ 0, else 0", "{0, 1}", 0.5, _step),
        Activation("linear", "Linear (identity)", "f(z) = z", "(−∞, ∞)", 0.5, _linear),
    )
}
DEFAULT_ACTIVATION = "sigmoid"


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
    x: Sequence[float], w: Sequence[float], b: float, activation: str = DEFAULT_ACTIVATION
) -> Trace:
    """Run one neuron forward and record every step.

    Raises ValueError for mismatched lengths, no inputs, non-finite numbers or
    an unknown activation; callers validate first, this is the last guard.
    """
    act = ACTIVATIONS.get(activation)
    if act is None:
        raise ValueError(f"unknown activation {activation!r}")
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
    output, intermediates = act.compute(z)
    return Trace(
        x=tuple(xs.tolist()),
        w=tuple(ws.tolist()),
        b=float(b),
        activation=act,
        products=tuple(products.tolist()),
        weighted_sum=weighted_sum,
        z=z,
        intermediates=intermediates,
        output=output,
        threshold=act.threshold,
        decision=output >= act.threshold,
    )


def activate(z: np.ndarray | float, activation: str) -> np.ndarray:
    """Vectorised f(z) for pictures and simulations (no trace)."""
    zs = np.asarray(z, dtype=np.float64)
    if activation == "sigmoid":
        # Stable for any finite z: e^(−|z|) never overflows.
        e = np.exp(-np.abs(zs))
        return np.where(zs >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    if activation == "tanh":
        return np.tanh(zs)
    if activation == "relu":
        return np.maximum(0.0, zs)
    if activation == "step":
        return np.where(zs >= 0, 1.0, 0.0)
    if activation == "linear":
        return zs.copy()
    raise ValueError(f"unknown activation {activation!r}")
