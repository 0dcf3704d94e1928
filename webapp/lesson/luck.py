"""Luck: how often a random neuron gives this person the BMI rule's answer (the luck
meter), and whether this neuron's answer is luck (the verdict). No Flask here.

The meter draws many weight sets exactly as the "Random weights" button does
(``draw_weights``), runs them all on this person at once (vectorised), and counts how
many agree with the WHO rule. The draws use a fixed seed, so the figure is the same on
every page view and in every test.

The verdict follows the evidence, not the story that the weights were picked at random:
an answer is called luck only when the neuron's weights do no better than chance on the
people ``/learn`` tests on (``evidence``, webapp/lesson/people.py, says what that means).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from webapp.language import gettext, local_percent
from webapp.lesson.activations import Activation
from webapp.lesson.bmi import bmi_check
from webapp.lesson.labels import Label, label_for
from webapp.lesson.numbers import dot_rounded
from webapp.lesson.people import Evidence, evidence
from webapp.lesson.random_weights import RANDOM_SCALE, draw_weights
from webapp.lesson.result import Lesson

SEED = 20_240_606
DRAWS = 20_000
COIN_TOSS_MARGIN = 0.05
BINS = 24  # histogram bars across ±3.5 standard deviations of z
_SPREAD = 3.5


@lru_cache(maxsize=1)
def _weights() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The fixed random weight sets (w₁, w₂, b), drawn once per process."""
    drawn = draw_weights(np.random.default_rng(SEED), DRAWS)
    arrays = (drawn["w1"], drawn["w2"], drawn["b"])
    for a in arrays:
        a.setflags(write=False)  # shared by every request: nobody may change them
    return arrays


@dataclass(frozen=True)
class LuckMeter:
    """The simulation's result for one person and one activation."""

    draws: int
    agree: int  # random neurons that give the BMI rule's answer
    share: float  # agree / draws
    bmi_obese: bool  # the BMI rule's answer
    z_star: float  # random neurons say Obese when z ≥ z*
    sigma: float  # the standard deviation of z across random neurons (analytic)
    edges: tuple[float, ...]  # histogram bin edges of z (z* is one of them)
    counts: tuple[int, ...]  # random neurons per bin
    below: int  # neurons with z left of the first edge (not drawn)
    above: int  # … right of the last edge

    @property
    def bmi_label(self) -> Label:
        """The BMI rule's answer for this person, as the neuron's answers are said (in
        the language of the page that shows it: the meter is cached for every one)."""
        return label_for(self.bmi_obese)

    @property
    def coin_toss(self) -> bool:
        """Whether random neurons do no better than tossing a coin (45–55 % agree)."""
        return 0.5 - COIN_TOSS_MARGIN <= self.share <= 0.5 + COIN_TOSS_MARGIN


def z_sigma(height_ft: float, weight_kg: float) -> float:
    """The spread of z = w₁·h + w₂·m + b when each term is normal with mean 0."""
    s = RANDOM_SCALE
    return math.hypot(s["w1"] * height_ft, s["w2"] * weight_kg, s["b"])


# Within this distance of z* (relative), the activation itself decides (see _says_obese).
_BAND = 1e-6


@lru_cache(maxsize=64)
def _clear_band(act: Activation) -> float | None:
    """The half-width of the band around z* outside which z ≥ z* is f's own answer: f
    is non-decreasing, so that holds when f is on the right side of its threshold just
    outside the band. None when it is not (then f decides every neuron)."""
    tol = _BAND * max(1.0, abs(act.z_star))
    below, above = act(np.array([act.z_star - tol, act.z_star + tol]))
    return tol if below < act.threshold <= above else None


def _says_obese(z: np.ndarray, act: Activation) -> np.ndarray:
    """Which random neurons say Obese: f(z) ≥ threshold, the same as z ≥ z* because f is
    non-decreasing (boundary.py). Comparing z is one pass where f over 20,000 values
    is many; only the few z so close to z* that f's rounding could decide otherwise
    are run through f itself, so the answer is f's, to the last neuron."""
    tol = _clear_band(act)
    if tol is None:
        return act(z) >= act.threshold
    says = z >= act.z_star
    near = np.flatnonzero(np.abs(z - act.z_star) <= tol)
    if near.size:
        says[near] = act(z[near]) >= act.threshold
    return says


def _histogram(z: np.ndarray, first_edge: float, width: float) -> np.ndarray:
    """Random neurons per bar of equal ``width`` from ``first_edge`` (np.histogram is
    general and slow; with equal widths a bar's index is arithmetic). Indexes off the
    chart are clipped to one spare bin at each end, so one bincount does it."""
    index = np.floor((z - first_edge) / width)
    np.clip(index, -1, BINS, out=index)
    index += 1
    return np.bincount(index.astype(np.intp), minlength=BINS + 2)[1 : BINS + 1]


@lru_cache(maxsize=1024)
def luck_meter(height_ft: float, weight_kg: float, activation: Activation) -> LuckMeter:
    """Run every random neuron on this person (cached: it runs on every page view)."""
    w1, w2, b = _weights()
    z = w1 * height_ft
    z += w2 * weight_kg
    z += b
    bmi_obese = bmi_check(height_ft, weight_kg, True).obese
    says_obese = _says_obese(z, activation)
    agree = int(
        np.count_nonzero(says_obese) if bmi_obese else z.size - np.count_nonzero(says_obese)
    )

    # Bars of equal width, one edge exactly at z*, so each bar is all Obese or all not.
    sigma = z_sigma(height_ft, weight_kg)
    star = activation.z_star
    width = 2 * _SPREAD * sigma / BINS
    first = math.floor((-_SPREAD * sigma - star) / width)
    edges = star + width * np.arange(first, first + BINS + 1)
    counts = _histogram(z, edges[0], width)
    return LuckMeter(
        draws=DRAWS,
        agree=agree,
        share=agree / DRAWS,
        bmi_obese=bmi_obese,
        z_star=star,
        sigma=sigma,
        edges=tuple(edges.tolist()),
        counts=tuple(counts.tolist()),
        below=int(np.count_nonzero(z < edges[0])),
        above=int(np.count_nonzero(z > edges[-1])),
    )


# -- the verdict: is this neuron's answer for this person luck? ---------------------------


def _percent(share: float) -> str:
    return local_percent(dot_rounded(share * 100, 1))


@dataclass(frozen=True)
class LuckVerdict:
    """Whether the neuron's answer for this person is right by the BMI rule, and
    whether that is luck, in the words of the page's language."""

    agrees: bool  # the neuron gives the BMI rule's answer
    evidence: Evidence
    other: Label  # the answer the neuron did not give

    @property
    def lucky(self) -> bool:
        """The weights do no better than chance on the test people."""
        return not self.evidence.better_than_chance

    @property
    def share(self) -> str:
        """The share of test people these weights get right, as the page writes it."""
        return _percent(self.evidence.share)

    @property
    def headline(self) -> str:
        """The section's heading, one of four: right or wrong, by luck or not."""
        if self.agrees:
            return gettext("Right — by luck") if self.lucky else gettext("Right — and not by luck")
        return gettext("Wrong — and no surprise") if self.lucky else gettext("Wrong — this time")

    @property
    def test_result(self) -> str:
        """How the weights do on the test people, and how always guessing does."""
        e = self.evidence
        return gettext(
            "On the %(people)s people the learning page tests on, these weights are right "
            "for %(right)s (%(share)s); a neuron that always says %(label)s is right for "
            "%(majority)s (%(majority_share)s).",
            people=e.people,
            right=e.right,
            share=self.share,
            label=e.majority_label,
            majority=e.majority,
            majority_share=_percent(e.majority_share),
        )

    @property
    def reason(self) -> str:
        """What that says about this one answer."""
        needed = self.evidence.needed
        if self.lucky and self.agrees:
            return gettext(
                "That is no better than chance (better takes at least %(needed)s), so this "
                "right answer is luck: with other random weights the same person could be "
                "called %(other)s.",
                needed=needed,
                other=self.other,
            )
        if self.lucky:
            return gettext(
                "That is no better than chance (better takes at least %(needed)s), so "
                "getting this person wrong is no surprise: nothing has taught these "
                "weights what obese means.",
                needed=needed,
            )
        if self.agrees:
            return gettext(
                "That is better than chance (it takes at least %(needed)s), so this right "
                "answer is not luck.",
                needed=needed,
            )
        return gettext(
            "That is better than chance (it takes at least %(needed)s), but this person "
            "is one they get wrong.",
            needed=needed,
        )

    @property
    def summary(self) -> str:
        """The verdict in one sentence, for the widget and practice's answer."""
        share = self.share
        if self.lucky and self.agrees:
            return gettext(
                "Right — but only by luck: these weights are right for %(share)s of the "
                "learning page's test people, no better than chance.",
                share=share,
            )
        if self.lucky:
            return gettext(
                "Wrong — and no surprise: these weights are right for %(share)s of the "
                "learning page's test people, no better than chance.",
                share=share,
            )
        if self.agrees:
            return gettext(
                "Right, and not by luck: these weights are right for %(share)s of the "
                "learning page's test people.",
                share=share,
            )
        return gettext(
            "Wrong this time, though these weights are right for %(share)s of the "
            "learning page's test people.",
            share=share,
        )


def luck_verdict(lesson: Lesson) -> LuckVerdict:
    """The verdict on this lesson's answer, from its weights' evidence."""
    t = lesson.trace
    return LuckVerdict(
        agrees=lesson.bmi.agrees,
        evidence=evidence(t.w[0], t.w[1], t.b, t.activation),
        other=label_for(not t.decision),
    )
