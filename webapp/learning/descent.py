"""The next lesson: the same neuron learns its weights by gradient descent.

Pure numpy, no Flask. A labelled set of people is generated deterministically from a
seed (webapp/lesson/people.py: heights and BMIs drawn from plausible adult
distributions, labelled by the WHO rule BMI ≥ 30), the features are standardised, and
a sigmoid neuron is trained on the binary cross-entropy loss with full-batch gradient
descent. The learned weights are converted back to raw feet and kilograms so they plug
straight into the lesson page.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import asdict, dataclass, field
from decimal import Decimal

import numpy as np

from webapp.lesson.activations import SIGMOID
from webapp.lesson.bmi import WHO_OBESE_BMI
from webapp.lesson.numbers import significant
from webapp.lesson.params import LESSON_DEFAULTS, parse_lesson
from webapp.lesson.people import (
    DEFAULT_SEED,
    HOLDOUT_SIZE,
    TYPICAL_BMI,
    TYPICAL_HEIGHT_CM,
    People,
    holdout_people,
    make_people,
)
from webapp.lesson.random_weights import draw_weights

# What the learning page accepts (inclusive): safe for a shared server.
LIMITS = {
    "lr": (0.0001, 10.0),
    "epochs": (1, 5000),
    "n": (10, 2000),
    "seed": (0, 2**31 - 1),
}
DEFAULTS = {"lr": 0.5, "epochs": 300, "n": 200, "seed": DEFAULT_SEED}


@dataclass(frozen=True)
class Population:
    """Who the made-up people are, in the words the learning page uses."""

    height_cm: float = TYPICAL_HEIGHT_CM
    bmi: float = TYPICAL_BMI
    obese_bmi: float = WHO_OBESE_BMI
    holdout: int = HOLDOUT_SIZE


POPULATION = Population()


@dataclass(frozen=True)
class Scaling:
    """Standardisation: x̃ = (x − mean) / sd, per feature."""

    mean: np.ndarray
    sd: np.ndarray

    @classmethod
    def fit(cls, x: np.ndarray) -> Scaling:
        sd = x.std(axis=0)
        return cls(x.mean(axis=0), np.where(sd > 0, sd, 1.0))

    def apply(self, x: np.ndarray) -> np.ndarray:
        return (x - self.mean) / self.sd

    def to_raw(self, v: np.ndarray, c: float) -> tuple[np.ndarray, float]:
        """Weights on scaled features → the same neuron on raw features.

        v·(x − μ)/s + c = (v/s)·x + (c − Σ vᵢμᵢ/sᵢ)
        """
        w = v / self.sd
        return w, float(c - np.sum(w * self.mean))


# The lesson's own sigmoid (stable for any finite z): one function, not a copy.
sigmoid = SIGMOID.function


def bce_loss(z: np.ndarray, y: np.ndarray) -> float:
    """Mean binary cross-entropy of σ(z) against y, computed from z so it never logs 0.

    −[y·log σ(z) + (1 − y)·log(1 − σ(z))] = log(1 + e^z) − y·z
    """
    return float(np.mean(np.logaddexp(0.0, z) - y * z))


def gradients(
    z: np.ndarray, x1: np.ndarray, x2: np.ndarray, y: np.ndarray
) -> tuple[float, float, float]:
    """The gradient of the summed BCE loss at z = w₁x₁ + w₂x₂ + b, over every person:
    ∂/∂w₁, ∂/∂w₂, ∂/∂b = Σ(ŷ − y)·x₁, Σ(ŷ − y)·x₂, Σ(ŷ − y). The mean loss's gradient is
    this ÷ n: training steps by lr ÷ n times it (one product per number)."""
    error = sigmoid(z) - y
    return float(error @ x1), float(error @ x2), float(error.sum())


def accuracy(x: np.ndarray, y: np.ndarray, w: np.ndarray, b: float) -> float:
    """Share of people the neuron labels like the BMI rule (σ(z) ≥ 0.5 ⇔ z ≥ 0)."""
    return float(np.mean((x @ w + b >= 0) == (y == 1.0)))


@dataclass(frozen=True)
class WorkedStep:
    """One gradient step for one person, every number kept for the page."""

    x: tuple[float, float]
    y: float
    w: tuple[float, float]
    b: float
    lr: float
    z: float
    y_hat: float
    error: float  # ŷ − y
    grad_w: tuple[float, float]
    grad_b: float
    new_w: tuple[float, float]
    new_b: float
    new_z: float
    new_y_hat: float

    @property
    def step_ratio(self) -> float:
        """How many times the step on w₂ is the step on w₁: the same error ŷ − y times
        x₂ instead of x₁ (80 kg against 4 ft: 20)."""
        return self.x[1] / self.x[0]

    @property
    def new_y_hat_places(self) -> int | None:
        """When the new ŷ is so close to 1 (or 0) that four places would show 1 (or 0):
        how many 9s (0s) follow the point before any other digit, for σ never reaches
        either. None when four places show it as it is."""
        return places_at_bound(self.new_z)


# σ(z) within this of 0 or 1 shows as 0 or 1 to four places.
_SHOWN_AT_BOUND = Decimal("0.00005")


def places_at_bound(z: float) -> int | None:
    """For σ(z) that four places would show as 1 (z > 0) or 0: the 9s (0s) after the
    point before its first other digit. Worked with ``decimal``, whose exponent has room
    where a float's 1 − σ(z) is 0."""
    gap = 1 / (1 + Decimal(abs(z)).exp())  # σ(z)'s distance from its nearer bound
    if gap >= _SHOWN_AT_BOUND:
        return None
    return -gap.adjusted() - 1


def worked_step(
    x: tuple[float, float], y: float, w: tuple[float, float], b: float, lr: float
) -> WorkedStep:
    """One step of gradient descent on one person's loss, in raw units."""
    xs, ws = np.array(x, dtype=float), np.array(w, dtype=float)
    z = float(xs @ ws + b)
    y_hat = float(sigmoid(np.array(z)))
    error = y_hat - y
    grad_w = error * xs
    new_w = ws - lr * grad_w
    new_b = b - lr * error
    new_z = float(xs @ new_w + new_b)
    new_y_hat = float(sigmoid(np.array(new_z)))
    return WorkedStep(
        x=(float(xs[0]), float(xs[1])),
        y=y,
        w=(float(ws[0]), float(ws[1])),
        b=b,
        lr=lr,
        z=z,
        y_hat=y_hat,
        error=error,
        grad_w=(float(grad_w[0]), float(grad_w[1])),
        grad_b=error,
        new_w=(float(new_w[0]), float(new_w[1])),
        new_b=float(new_b),
        new_z=new_z,
        new_y_hat=new_y_hat,
    )


@dataclass(frozen=True)
class Training:
    """The outcome of training, with its history for the pictures."""

    lr: float
    epochs: int
    n: int
    seed: int
    scaling: Scaling
    w: tuple[float, float]  # learned, on raw features (ft, kg)
    b: float
    w_scaled: tuple[float, float]  # learned, on standardised features
    b_scaled: float
    recorded_epochs: np.ndarray  # the epochs the curves below are sampled at
    loss: np.ndarray  # mean BCE loss at those epochs (before that epoch's update)
    train_accuracy: np.ndarray  # training accuracy at those epochs
    snapshots: tuple[tuple[int, float, float, float], ...]  # (epoch, w1, w2, b) raw
    final_loss: float
    accuracy_train: float
    accuracy_holdout: float
    random_w: tuple[float, float]  # one random draw, as the lesson's control makes
    random_b: float
    random_accuracy_train: float
    random_accuracy_holdout: float


def _snapshot_epochs(epochs: int, count: int = 6) -> set[int]:
    """Epochs to remember the boundary at: spread geometrically, so early moves show."""
    marks = np.unique(np.round(np.geomspace(1, epochs, count - 1)).astype(int))
    return {0, *marks.tolist()}


def _recorded_epochs(epochs: int, count: int = 80) -> np.ndarray:
    """Epochs at which loss and accuracy are recorded for the curves (≤ ``count``)."""
    return np.unique(np.round(np.linspace(0, epochs, min(count, epochs + 1))).astype(int))


@dataclass
class _Descent:
    """Gradient descent's state and what it records on the way."""

    v: list[float]  # weights on the standardised features
    c: float = 0.0
    loss: list[float] = field(default_factory=list)
    accuracy: list[float] = field(default_factory=list)
    snapshots: list[tuple[int, float, float, float]] = field(default_factory=list)


def _descend(people: People, scaling: Scaling, lr: float, epochs: int) -> _Descent:
    """Full-batch gradient descent on the standardised features.

    The loop is the hot path (1,000 people × 1,000 epochs well under 100 ms): the
    two features are kept as separate contiguous vectors, and the loss, which
    needs a log, is only evaluated at the epochs the curves show.
    """
    scaled = scaling.apply(people.x)
    x1, x2 = np.ascontiguousarray(scaled[:, 0]), np.ascontiguousarray(scaled[:, 1])
    y, state = people.y, _Descent(v=[0.0, 0.0])
    record, keep = set(_recorded_epochs(epochs).tolist()), _snapshot_epochs(epochs)
    step = lr / len(people)
    for epoch in range(epochs + 1):
        z = x1 * state.v[0] + x2 * state.v[1] + state.c
        if epoch in record:
            state.loss.append(bce_loss(z, y))
            state.accuracy.append(float(np.mean((z >= 0) == (y == 1.0))))
        if epoch in keep:
            w_raw, b_raw = scaling.to_raw(np.array(state.v), state.c)
            state.snapshots.append((epoch, float(w_raw[0]), float(w_raw[1]), b_raw))
        if epoch == epochs:
            return state
        grad_w1, grad_w2, grad_b = gradients(z, x1, x2, y)
        state.v[0] -= step * grad_w1
        state.v[1] -= step * grad_w2
        state.c -= step * grad_b
    return state  # pragma: no cover - the loop returns at the last epoch


def train(lr: float, epochs: int, n: int, seed: int) -> Training:
    """Train the height/weight neuron: standardise, then full-batch gradient descent,
    and score it and one random draw on the training people and held-out ones."""
    people = make_people(n, seed)
    holdout = holdout_people(seed)
    scaling = Scaling.fit(people.x)
    state = _descend(people, scaling, lr, epochs)
    w, b = scaling.to_raw(np.array(state.v), state.c)
    drawn = draw_weights(np.random.default_rng(seed))
    random_w = np.array([float(drawn["w1"]), float(drawn["w2"])])
    random_b = float(drawn["b"])
    return Training(
        lr=lr,
        epochs=epochs,
        n=n,
        seed=seed,
        scaling=scaling,
        w=(float(w[0]), float(w[1])),
        b=b,
        w_scaled=(state.v[0], state.v[1]),
        b_scaled=state.c,
        recorded_epochs=_recorded_epochs(epochs),
        loss=np.array(state.loss),
        train_accuracy=np.array(state.accuracy),
        snapshots=tuple(state.snapshots),
        final_loss=float(state.loss[-1]),
        accuracy_train=accuracy(people.x, people.y, w, b),
        accuracy_holdout=accuracy(holdout.x, holdout.y, w, b),
        random_w=(float(random_w[0]), float(random_w[1])),
        random_b=random_b,
        random_accuracy_train=accuracy(people.x, people.y, random_w, random_b),
        random_accuracy_holdout=accuracy(holdout.x, holdout.y, random_w, random_b),
    )


@dataclass(frozen=True)
class TrainingSettings:
    """What the learning page and its API accept, already typed and in range."""

    lr: float
    epochs: int
    n: int
    seed: int

    @property
    def work(self) -> int:
        """What training costs: people × epochs (the loop's work grows with both)."""
        return self.n * self.epochs


MEMO_SIZE = 32
_memo: OrderedDict[TrainingSettings, Training] = OrderedDict()
_memo_lock = threading.Lock()


def memoised(settings: TrainingSettings) -> bool:
    """Whether ``trained(settings)`` would answer from memory (costs nothing)."""
    return settings in _memo


def trained(settings: TrainingSettings) -> Training:
    """Training is deterministic, so a repeated link is answered from memory (the last
    MEMO_SIZE trainings)."""
    with _memo_lock:
        if settings in _memo:
            _memo.move_to_end(settings)
            return _memo[settings]
    training = train(**asdict(settings))
    with _memo_lock:
        _memo[settings] = training
        while len(_memo) > MEMO_SIZE:
            _memo.popitem(last=False)
    return training


def learned_parameters(training: Training) -> dict[str, str]:
    """The lesson's worked example with the learned weights, as share-link text."""
    learned = {"w1": training.w[0], "w2": training.w[1], "b": training.b}
    return {**LESSON_DEFAULTS, **{name: significant(v, 6) for name, v in learned.items()}}


def example_step(lr: float) -> WorkedStep:
    """One gradient step for the lesson's worked example: its person, label and weights."""
    t = parse_lesson({}).lesson()
    label = 1.0 if t.bmi.obese else 0.0
    return worked_step(
        (t.trace.x[0], t.trace.x[1]), label, (t.trace.w[0], t.trace.w[1]), t.trace.b, lr
    )
