"""Whether any w₁, w₂, b within the lesson's limits, keeping the locked ones, classify
every person of a challenge right: an exact small linear program.

Person i is right when s_i·(w₁h_i + w₂m_i + b − z*) is ≥ 0 (obese, s = +1) or > 0
(not obese, s = −1). The largest margin t with s_i·(…) ≥ t for all i over the free
numbers, each within ±1,000,000, is a linear program in at most four unknowns. Its
optimum lies at a vertex where as many constraints as unknowns hold with equality, so
with 12 people and 6 bounds it is found exactly by trying every such set of
constraints (at most C(19, 4) = 3,876 small solves, vectorised). Separable when the
best margin is positive. No Flask, no solver library.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import combinations

import numpy as np

from webapp.challenges.model import WEIGHTS, Challenge
from webapp.lesson.activations import SIGMOID, Activation
from webapp.lesson.params import MAX_ABS_PARAMETER

# Margins reach 10⁹ (700 kg × 1,000,000); rounding is far below this, and a real
# margin of a link's own numbers far above it.
_TOLERANCE = 1e-6


def best_margin(
    points: tuple[tuple[float, float], ...],
    labels: tuple[bool, ...],
    locked: tuple[tuple[str, float], ...],
    star: float,
) -> float:
    """The largest t such that every person is on their side by at least t."""
    fixed = dict(locked)
    free = [name for name in WEIGHTS if name not in fixed]
    x = np.array([[h, m, 1.0] for h, m in points])
    sign = np.where(np.array(labels), 1.0, -1.0)
    column = {name: k for k, name in enumerate(WEIGHTS)}
    constant = sign * (sum(x[:, column[n]] * v for n, v in fixed.items()) - star)
    if not free:
        return float(np.min(constant))
    a = sign[:, None] * x[:, [column[n] for n in free]]
    k = len(free)
    # Rows of G·(v, t) ≤ q: −a·v + t ≤ constant, and ±v_j ≤ limit.
    g = np.vstack([np.hstack([-a, np.ones((len(a), 1))]), _bounds(k)])
    q = np.concatenate([constant, np.full(2 * k, MAX_ABS_PARAMETER)])
    picks = np.array(list(combinations(range(len(g)), k + 1)))
    systems, targets = g[picks], q[picks]
    usable = np.abs(np.linalg.det(systems)) > 1e-12
    vertices = np.linalg.solve(systems[usable], targets[usable][..., None])[..., 0]
    slack = vertices @ g.T - q  # ≤ 0 where a vertex keeps every constraint
    scale = 1.0 + np.abs(q) + np.abs(vertices) @ np.abs(g).T
    feasible = np.all(slack <= 1e-9 * scale, axis=1)
    return float(np.max(vertices[feasible, -1])) if feasible.any() else -np.inf


def _bounds(k: int) -> np.ndarray:
    eye = np.eye(k)
    return np.hstack([np.vstack([eye, -eye]), np.zeros((2 * k, 1))])


@lru_cache(maxsize=256)
def _separable(points, labels, locked, star) -> bool:
    margin = best_margin(points, labels, locked, star)
    if len(locked) == len(WEIGHTS):
        # Nothing free: the rule itself (obese at z ≥ z*, so 0 is right for them).
        x = np.array([[h, m, 1.0] for h, m in points]) @ np.array([v for _, v in locked])
        return bool(np.all((x - star >= 0) == np.array(labels)))
    return margin > _TOLERANCE


def separable(challenge: Challenge, activation: Activation = SIGMOID) -> bool:
    """Whether some w₁, w₂, b that keep the locked values classify everyone right."""
    return _separable(
        tuple((p.height_ft, p.weight_kg) for p in challenge.people),
        tuple(p.label for p in challenge.people),
        tuple(challenge.locked_values.items()),
        activation.z_star,
    )
