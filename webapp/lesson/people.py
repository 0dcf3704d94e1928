"""The made-up people: who they are, how they are generated, and which of them a neuron
gets right. No Flask.

``/learn`` trains on ``make_people(n, seed)`` and tests on ``holdout_people(seed)``;
the lesson judges whether a right answer is luck on the held-out people of ``/learn``'s
default page (``verdict_people``, webapp/lesson/luck.py). Numpy, seeded: the same seed
gives the same people in every process.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from webapp.lesson.activations import Activation
from webapp.lesson.bmi import WHO_OBESE_BMI
from webapp.lesson.labels import Label, label_for
from webapp.lesson.units import HEIGHT_UNITS, METRES_PER_FOOT

# Adults: height about 170 cm ± 10 cm; BMI log-normal around 26 with a long right
# tail, so roughly a quarter of the people are obese, as in many countries.
TYPICAL_HEIGHT_CM, HEIGHT_SD_CM = 170.0, 10.0
TYPICAL_BMI = 26.0
HEIGHT_MEAN_FT = TYPICAL_HEIGHT_CM / HEIGHT_UNITS["cm"]
HEIGHT_SD_FT = HEIGHT_SD_CM / HEIGHT_UNITS["cm"]
HEIGHT_RANGE_FT = (4.5, 6.9)
BMI_LOG_MEAN = float(np.log(TYPICAL_BMI))
BMI_LOG_SD = 0.2
BMI_RANGE = (15.0, 60.0)
HOLDOUT_SIZE = 500
HOLDOUT_SEED_OFFSET = 1_000_003  # a different stream from the training set's
DEFAULT_SEED = 1  # /learn's default people (webapp/learning/descent.py, DEFAULTS)


@dataclass(frozen=True)
class People:
    """A labelled set: features (height ft, weight kg) and labels (1 = obese)."""

    height_ft: np.ndarray
    weight_kg: np.ndarray
    bmi: np.ndarray
    y: np.ndarray  # 0.0 or 1.0

    @property
    def x(self) -> np.ndarray:
        """The n × 2 feature matrix in the neuron's raw units."""
        return np.column_stack([self.height_ft, self.weight_kg])

    def __len__(self) -> int:
        return int(self.y.size)


def make_people(n: int, seed: int) -> People:
    """Generate ``n`` people reproducibly: the same seed gives the same people."""
    rng = np.random.default_rng(seed)
    height = np.clip(rng.normal(HEIGHT_MEAN_FT, HEIGHT_SD_FT, n), *HEIGHT_RANGE_FT)
    bmi = np.clip(np.exp(rng.normal(BMI_LOG_MEAN, BMI_LOG_SD, n)), *BMI_RANGE)
    height_m = height * METRES_PER_FOOT
    weight = bmi * height_m * height_m
    return People(height, weight, bmi, (bmi >= WHO_OBESE_BMI).astype(np.float64))


def holdout_people(seed: int) -> People:
    """The people training on ``seed``'s people is tested on: ``HOLDOUT_SIZE`` more,
    from a stream of their own, never trained on."""
    return make_people(HOLDOUT_SIZE, seed + HOLDOUT_SEED_OFFSET)


# -- which of them a neuron gets right, and whether that beats chance ------------------
#
# "No better than chance", precisely: a neuron that ignores the person and always gives
# the commoner answer is right for the majority share p₀ of the test people (most are
# not obese, so "Not Obese" for everyone is right for about three in four). Weights are
# better than chance when they are right for so many that a neuron right for each
# person with probability p₀ would reach that count less than 1 % of the time
# (``SIGNIFICANCE``: a one-sided exact binomial test); for these 500 people that is
# 402 (``needed`` works it out). Anything less is luck, weights that do worse than
# always guessing included (the worked example's call everyone Obese and are right for
# about a quarter). One neuron's evidence is 500 comparisons, cached per weights.

SIGNIFICANCE = 0.01  # a one-sided binomial test at the 1 % level


@lru_cache(maxsize=1)
def verdict_people() -> People:
    """The people the verdict is judged on: ``/learn``'s held-out people at its default
    seed, made once per process."""
    return holdout_people(DEFAULT_SEED)


def _binomial(n: int, k: int, p: float) -> float:
    """P(X = k) for X ~ Binomial(n, p), 0 < p < 1, through logarithms (no overflow)."""
    log = math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)
    return math.exp(log + k * math.log(p) + (n - k) * math.log1p(-p))


@lru_cache(maxsize=64)
def needed(people: int, majority: int, significance: float = SIGNIFICANCE) -> int:
    """The fewest right answers out of ``people`` that count as better than chance: a
    neuron right for each person with probability p₀ = majority / people reaches that
    many with probability at most ``significance``. When everyone has one answer,
    always giving it is never wrong, and nothing does better (people + 1)."""
    p0 = majority / people
    if p0 >= 1.0:
        return people + 1
    tail = 0.0
    for k in range(people, -1, -1):
        tail += _binomial(people, k, p0)
        if tail > significance:
            return k + 1
    return 0  # pragma: no cover - the whole distribution sums to 1 > significance


@dataclass(frozen=True)
class Evidence:
    """How one neuron's weights do on the test people, against chance."""

    right: int  # test people they label as the BMI rule does
    people: int
    majority: int  # right answers of a neuron that always gives the commoner answer
    majority_label: Label  # that answer
    needed: int  # right answers that are better than chance (``needed``)

    @property
    def share(self) -> float:
        return self.right / self.people

    @property
    def majority_share(self) -> float:
        return self.majority / self.people

    @property
    def better_than_chance(self) -> bool:
        return self.right >= self.needed


@lru_cache(maxsize=4096)
def evidence(w1: float, w2: float, b: float, activation: Activation) -> Evidence:
    """Run the neuron on every test person at once (cached: every lesson page asks).
    It says Obese when z ≥ z*, as the lesson decides (f is non-decreasing)."""
    people = verdict_people()
    z = people.height_ft * w1 + people.weight_kg * w2 + b
    obese = people.y == 1.0
    right = int(np.count_nonzero((z >= activation.z_star) == obese))
    count = len(people)
    obese_count = int(np.count_nonzero(obese))
    majority = max(obese_count, count - obese_count)
    return Evidence(
        right=right,
        people=count,
        majority=majority,
        majority_label=label_for(obese_count > count - obese_count),
        needed=needed(count, majority),
    )
