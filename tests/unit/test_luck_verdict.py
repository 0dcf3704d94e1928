"""Luck or not follows the evidence: weights are judged on the people /learn tests on,
and a right answer is luck only when they do no better than chance there.

"No better than chance" (webapp/lesson/people.py): not significantly better than a
neuron that always gives the commoner answer, by a one-sided exact binomial test at the
1 % level. The threshold is checked here against an independent exact computation.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest

from webapp.learning.descent import DEFAULTS, holdout_people, train
from webapp.lesson.activations import ACTIVATIONS, SIGMOID
from webapp.lesson.labels import NOT_OBESE, OBESE
from webapp.lesson.luck import LuckVerdict, luck_verdict
from webapp.lesson.params import parse_lesson
from webapp.lesson.people import SIGNIFICANCE, Evidence, evidence, needed, verdict_people


def _tail(n: int, k: int, p: Fraction) -> Fraction:
    """P(X ≥ k) for X ~ Binomial(n, p), exactly."""
    return sum((math.comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(k, n + 1)), Fraction(0))


@pytest.fixture(scope="module")
def learned():
    return train(**DEFAULTS)


def test_the_verdict_is_judged_on_the_people_learn_tests_on():
    people = verdict_people()
    same = holdout_people(DEFAULTS["seed"])
    assert len(people) == 500
    assert np.array_equal(people.x, same.x) and np.array_equal(people.y, same.y)
    assert verdict_people() is people  # made once per process


def test_the_threshold_is_the_exact_binomial_one_at_the_stated_level():
    people = verdict_people()
    obese = int(people.y.sum())
    majority = max(obese, len(people) - obese)
    assert (len(people), majority) == (500, 379)  # always "Not Obese" is right for 75.8 %
    k = needed(500, majority)
    assert k == 402
    p0 = Fraction(majority, 500)
    # k right is rarer than 1 % for a neuron right with probability p0; k − 1 is not
    assert _tail(500, k, p0) <= Fraction(SIGNIFICANCE).limit_denominator()
    assert _tail(500, k - 1, p0) > Fraction(SIGNIFICANCE).limit_denominator()
    assert SIGNIFICANCE == 0.01


@pytest.mark.parametrize(
    ("right", "lucky"),
    [(0, True), (379, True), (401, True), (402, False), (500, False)],
)
def test_a_right_answer_is_luck_below_the_threshold(right, lucky):
    e = Evidence(right=right, people=500, majority=379, majority_label=NOT_OBESE, needed=402)
    verdict = LuckVerdict(agrees=True, evidence=e, other=NOT_OBESE)
    assert verdict.lucky is lucky
    assert e.better_than_chance is not lucky


def test_when_everyone_has_one_answer_nothing_beats_always_giving_it():
    assert needed(10, 10) == 11


def test_the_learned_weights_are_not_luck_and_their_count_is_learns(learned):
    e = evidence(*learned.w, learned.b, SIGMOID)
    assert e.right == round(learned.accuracy_holdout * 500) == 494
    assert e.better_than_chance


def test_the_worked_examples_random_weights_are_luck():
    # w = (0.2, 0.00001), b = 1: z > 0 for everyone, so it calls everyone Obese
    e = evidence(0.2, 0.00001, 1.0, SIGMOID)
    assert e.right == int(verdict_people().y.sum()) == 121
    assert not e.better_than_chance
    assert e.majority_label == NOT_OBESE


def test_always_giving_the_commoner_answer_is_exactly_chance():
    e = evidence(0.0, 0.0, -1.0, SIGMOID)  # z = −1 for all: Not Obese for everyone
    assert e.right == e.majority == 379
    assert not e.better_than_chance


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_each_activation_is_judged_where_it_flips(name):
    act = ACTIVATIONS[name]
    people = verdict_people()
    z = people.height_ft * 0.1 + people.weight_kg * 0.02 - 2.0
    says = act(z) >= act.threshold  # f itself, person by person
    expected = int(np.count_nonzero(says == (people.y == 1.0)))
    assert evidence(0.1, 0.02, -2.0, act).right == expected


def test_the_evidence_is_cached_per_weights():
    evidence.cache_clear()
    evidence(0.3, 0.01, -2.0, SIGMOID)
    evidence(0.3, 0.01, -2.0, SIGMOID)
    info = evidence.cache_info()
    assert (info.misses, info.hits) == (1, 1)


def test_the_verdict_reads_the_lesson():
    lesson = parse_lesson({}).lesson()  # the worked example: Obese, right by BMI
    verdict = luck_verdict(lesson)
    assert verdict.agrees and verdict.lucky
    assert verdict.other == NOT_OBESE
    assert verdict.headline == "Right — by luck"
    assert verdict.share == "24.2%"
    assert verdict.test_result == (
        "On the 500 people the learning page tests on, these weights are right for 121 "
        "(24.2%); a neuron that always says Not Obese is right for 379 (75.8%)."
    )
    assert verdict.reason.startswith("That is no better than chance (better takes at least 402)")
    assert "could be called Not Obese" in verdict.reason


def test_four_headings_for_right_or_wrong_by_luck_or_not():
    lucky = Evidence(121, 500, 379, NOT_OBESE, 402)
    skilled = Evidence(494, 500, 379, NOT_OBESE, 402)
    headings = {
        (agrees, e.better_than_chance): LuckVerdict(agrees, e, OBESE).headline
        for agrees in (True, False)
        for e in (lucky, skilled)
    }
    assert headings == {
        (True, False): "Right — by luck",
        (True, True): "Right — and not by luck",
        (False, False): "Wrong — and no surprise",
        (False, True): "Wrong — this time",
    }
    wrong_but_good = LuckVerdict(False, skilled, OBESE)
    assert wrong_but_good.summary == (
        "Wrong this time, though these weights are right for 98.8% of the learning "
        "page's test people."
    )
    assert "luck" not in wrong_but_good.reason
