"""Random weights: what the "Random weights" control and the luck meter draw. No Flask.

Normal distributions scaled so that each term (w₁·height in ft, w₂·weight in kg, b)
moves z by a few units for typical people: heights of 4.5–6.5 ft, weights of 40–150 kg.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from webapp.lesson.numbers import significant

RANDOM_SCALE: dict[str, float] = {"w1": 0.4, "w2": 0.03, "b": 2.0}
# Four significant digits keep a share link readable; the link is the result.
SHOWN_DIGITS = 4


def draw_weights(rng: np.random.Generator, size: int | None = None) -> dict[str, np.ndarray]:
    """Draw random (w₁, w₂, b): one set, or ``size`` sets at once (vectorised)."""
    return {name: rng.normal(0.0, scale, size) for name, scale in RANDOM_SCALE.items()}


def with_random_weights(raw: Mapping[str, str], rng: np.random.Generator) -> dict[str, str]:
    """The parameters ``raw`` with w₁, w₂ and b replaced by a fresh random draw."""
    drawn = draw_weights(rng)
    return {**raw, **{name: significant(float(v), SHOWN_DIGITS) for name, v in drawn.items()}}
