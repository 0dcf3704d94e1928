"""Challenges without Flask: links round-trip, verdicts match an independent
computation, every separable built-in is solved by a plain perceptron search and the
non-separable one is not, hints point the right way."""

from __future__ import annotations

import math
from urllib.parse import parse_qs

import numpy as np
import pytest

from webapp.challenges.builtins import BUILTINS, LADDER
from webapp.challenges.hints import hint
from webapp.challenges.link import parse_challenge
from webapp.challenges.model import Challenge, ChallengeError, encode, parse_people
from webapp.challenges.separability import separable
from webapp.challenges.verdict import attempt
from webapp.lesson.activations import ACTIVATIONS

SIGMOID, RELU = ACTIVATIONS["sigmoid"], ACTIVATIONS["relu"]

LINKS = [
    "people=5.9ft,80kg;165cm,50kg,0",
    "people=170cm,60kg;170cm,100kg,1&title=Two+of+us&lock=w1:0,b:-8&w2=0.1",
    "people=70in,200lb;1.8m,60kg,1&lock=w2&activation=tanh&b=-1e-3",
    "people=+5.5ft,.5e2kg,0&title=%3Cb%3Ex%3C%2Fb%3E&w1=-0.7",
    "name=curved&w1=-3&w2=0.1&b=8",
]


def query(text: str) -> dict[str, list[str]]:
    return parse_qs(text, keep_blank_values=True)


@pytest.mark.parametrize("link", LINKS)
def test_a_link_round_trips_through_its_canonical_form(link):
    first = parse_challenge(query(link))
    assert first.ok, first.errors
    canonical = first.link()
    second = parse_challenge(query(canonical))
    assert second.ok and second.challenge == first.challenge
    assert second.effective() == first.effective()
    assert second.link() == canonical  # canonical is a fixed point


def test_the_canonical_link_is_short_and_readable():
    parsed = parse_challenge(query("lock=w1&people=5.9ft,80kg; 165cm ,50kg,0&title=Hi there"))
    assert parsed.link() == (
        "people=5.9ft,80kg;165cm,50kg,0&title=Hi%20there&lock=w1:0.2"
        "&w2=0.00001&b=1&activation=sigmoid"
    )


def sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z))


def test_verdicts_match_an_independent_computation():
    parsed = parse_challenge(query("people=6ft,70kg;170cm,100kg;5ft,150lb,1;2m,90kg,0"))
    w1, w2, b = -1.5, 0.09, 0.3
    a = attempt(parsed.challenge, w1, w2, b, SIGMOID)
    people = [
        (6.0, 70.0, 0),
        (170 / 30.48, 100.0, 1),
        (5.0, 150 * 0.45359237, 1),
        (200 / 30.48, 90.0, 0),
    ]
    for row, (h, m, label) in zip(a.rows, people, strict=True):
        z = w1 * h + w2 * m + b
        assert row.z == pytest.approx(z, rel=1e-12)
        assert row.output == pytest.approx(sigmoid(z), rel=1e-12)
        assert row.predicted == (sigmoid(z) >= 0.5)
        assert row.person.label == bool(label)
        assert row.right == ((sigmoid(z) >= 0.5) == bool(label))
    assert a.right == sum(r.right for r in a.rows) and a.total == 4


def test_the_bmi_rule_labels_people_without_a_label():
    people = parse_people("4ft,80kg;6ft,70kg;160cm,77kg;160cm,76.7kg")
    assert [p.label for p in people] == [True, False, True, False]  # BMI 30.08 and 29.96


def perceptron(challenge, epochs: int = 20_000):
    """A plain perceptron on standardised features (for challenges with nothing
    locked). Returns raw (w1, w2, b) that solve it, or None."""
    x = np.array([[p.height_ft, p.weight_kg] for p in challenge.people])
    y = np.array([1.0 if p.label else -1.0 for p in challenge.people])
    mean, sd = x.mean(axis=0), np.where(x.std(axis=0) > 0, x.std(axis=0), 1.0)
    xs = np.hstack([(x - mean) / sd, np.ones((len(x), 1))])
    v = np.zeros(3)
    for _ in range(epochs):
        w = v[:2] / sd
        raw = (w[0], w[1], v[2] - w @ mean)
        z = x @ w + raw[2]
        wrong = np.where((z >= 0) != (y > 0))[0]
        if not len(wrong):
            return raw
        v = v + y[wrong[0]] * xs[wrong[0]]
    return None


def grid(challenge):
    """A plain grid over the free numbers (for locks, where a perceptron step in
    standardised units is awkward)."""
    locked = challenge.locked_values
    axes = {
        "w1": [locked["w1"]] if "w1" in locked else np.linspace(-5, 5, 41),
        "w2": [locked["w2"]] if "w2" in locked else np.linspace(-0.3, 0.3, 61),
        "b": [locked["b"]] if "b" in locked else np.linspace(-30, 30, 241),
    }
    for w1 in axes["w1"]:
        for w2 in axes["w2"]:
            for b in axes["b"]:
                if attempt(challenge, w1, w2, b, SIGMOID).solved:
                    return (w1, w2, b)
    return None


def search(challenge):
    return grid(challenge) if challenge.locked else perceptron(challenge)


def test_the_ladder_has_six_or_more_easiest_first_and_one_unsolvable():
    assert len(LADDER) >= 6
    sizes = [b.size for b in LADDER]
    assert sizes[:2] == [1, 2]
    assert [separable(b.challenge) for b in LADDER].count(False) >= 1


@pytest.mark.parametrize("builtin", LADDER, ids=lambda b: b.name)
def test_every_separable_builtin_is_solved_by_a_simple_search(builtin):
    found = search(builtin.challenge)
    if separable(builtin.challenge):
        assert found is not None
        assert attempt(builtin.challenge, *found, SIGMOID).solved
    else:
        assert found is None
        assert perceptron(builtin.challenge, epochs=3_000) is None


def test_the_default_weights_do_not_solve_any_builtin():
    for b in LADDER:
        assert not attempt(b.challenge, 0.2, 0.00001, 1.0, SIGMOID).solved, b.name


def test_separability_follows_locks_and_activation():
    people = parse_people("170cm,60kg;170cm,100kg")
    assert separable(Challenge(people))
    assert not separable(Challenge(people, locked=(("w2", "0"),)))  # same height
    assert separable(Challenge(people, locked=(("w1", "0"), ("w2", "0.1"))))
    all_locked = Challenge(people, locked=(("w1", "0"), ("w2", "0.1"), ("b", "-8")))
    assert separable(all_locked, SIGMOID) and separable(all_locked, RELU)  # z = −2, 2
    # b = −9.6 puts the obese one at z = 0.4: right for sigmoid's z* = 0, not relu's 0.5
    tight = Challenge(people, locked=(("w1", "0"), ("w2", "0.1"), ("b", "-9.6")))
    assert separable(tight, SIGMOID) and not separable(tight, RELU)


def test_a_hint_names_the_nearest_wrong_person_and_the_right_direction():
    c = BUILTINS["bias-only"].challenge
    a = attempt(c, 0.0, 0.1, -6.5, SIGMOID)  # z = −0.5, 0.7, 3, 3.9: person 2 wrong
    h = hint(a)
    assert h is not None and h.row.index == 2 and h.direction == "fall"
    assert [m.name for m in h.moves] == ["b"]  # w1 and w2 are locked
    assert h.moves[0].direction == "lower"
    assert "z = 0.7 is positive" in h.text
    assert hint(attempt(c, 0.0, 0.1, -8, SIGMOID)) is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "at least one person"),
        (";".join(["170cm,70kg"] * 13), "13 people is too many"),
        ("170,70kg", "needs a unit"),
        ("170cm,70", "needs a unit"),
        ("170yd,70kg", "needs a unit"),
        ("5,5ft,80kg", "needs a unit"),
        ("5,5ft,80kg,1", "4 parts"),
        ("170cm,70kg,2", "1 (obese) or 0"),
        ("nancm,70kg", "finite"),
        ("1e309cm,70kg", "too large"),
        ("١٧٠cm,70kg", "digits 0–9"),
        ("11ft,70kg", "at most 10 ft"),
        ("170cm,701kg", "at most 700 kg"),
        ("1e-170ft,70kg", "too small"),
        ("x" * 601, "too long"),
        ("170cm,70kg;", "Person 2 is empty"),
    ],
)
def test_bad_people_are_refused_with_a_message(text, words):
    with pytest.raises(ChallengeError) as error:
        parse_people(text)
    assert words in str(error.value)
    assert error.value.field == "people"


def test_encode_keeps_the_separators_readable():
    assert encode({"people": "1ft,1kg;2ft,2kg,1", "lock": "w1:0"}) == (
        "people=1ft,1kg;2ft,2kg,1&lock=w1:0"
    )
