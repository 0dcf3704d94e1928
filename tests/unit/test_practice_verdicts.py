"""Predict mode's verdicts, step by step, without Flask: the tolerance, carried errors
through every activation, blanks and malformed answers (webapp/practice/)."""

from __future__ import annotations

import math

import pytest

from webapp.lesson.activations import ACTIVATIONS
from webapp.lesson.params import parse_lesson
from webapp.practice import verdicts
from webapp.practice.answers import parse_answers
from webapp.practice.check import attempt, default_ask, flips
from webapp.practice.steps import all_steps

EXAMPLE = {"height": "4", "weight": "80", "w1": "0.2", "w2": "0.00001", "b": "1"}


def lesson_for(activation: str = "sigmoid", **raw: str):
    args = {name: [value] for name, value in {**EXAMPLE, **raw}.items()}
    args["activation"] = [activation]
    return parse_lesson(args).lesson()


def verdicts_for(answers: dict[str, str], activation: str = "sigmoid", ask=None, **raw: str):
    lesson = lesson_for(activation, **raw)
    args = {f"a_{name}": [value] for name, value in answers.items()}
    if ask:
        args["ask"] = [ask]
    parsed = parse_answers(args, all_steps(lesson), default_ask(lesson))
    assert parsed.ok, parsed.errors
    return {s.step.name: s.verdict for s in attempt(lesson, parsed).steps if s.asked}


# step, answer, verdict — the worked example: 4 ft, 80 kg, w = (0.2, 0.00001), b = 1,
# so w₁x₁ = 0.8, w₂x₂ = 0.0008, wᵀx = 0.8008, z = 1.8008, e^(−z) = 0.1652…,
# 1 + e^(−z) = 1.1652…, ŷ = 0.858246…, Obese.
TABLE = [
    ("p1", "0.8", "right"),  # exact
    ("p1", "0.8004", "right"),  # within 0.05 % (0.0004)
    ("p1", "0.8005", "wrong"),  # just outside
    ("p2", "0.0008", "right"),
    ("p2", "0.00084", "right"),  # within the absolute 0.00005
    ("p2", "0.00086", "wrong"),  # just outside it
    ("p2", "0.008", "wrong"),
    ("sum", "0.8008", "right"),
    ("sum", "0.8008000000000001", "right"),
    ("sum", "0.80", "wrong"),
    ("z", "1.8008", "right"),
    ("z", "1.8017", "right"),  # 0.0009 < 0.05 % of 1.8008
    ("z", "1.8018", "wrong"),  # 0.001, just outside
    ("z", "1.808", "wrong"),  # the published slip
    ("exp_neg_z", "0.1652", "right"),
    ("exp_neg_z", "0.165", "wrong"),
    ("denominator", "1.1652", "right"),
    ("y", "0.8582", "right"),  # rounded to 4 places
    ("y", "0.858", "right"),  # careful hand rounding, 3 places
    ("y", "0.858246290672", "right"),
    ("y", "0.8578", "wrong"),
    ("y", "0.71", "wrong"),  # the published slip
    ("label", "obese", "right"),
    ("label", "not_obese", "wrong"),
]


@pytest.mark.parametrize(("step", "answer", "verdict"), TABLE)
def test_each_steps_verdict_on_the_worked_example(step, answer, verdict):
    assert verdicts_for({step: answer})[step] == verdict


def test_blank_answers_are_blank_and_nothing_is_solved():
    lesson = lesson_for()
    parsed = parse_answers({"a_z": [""]}, all_steps(lesson), default_ask(lesson))
    done = attempt(lesson, parsed)
    assert {s.verdict for s in done.asked} == {"blank"}
    assert done.checked and not done.solved and not done.revealed


def test_every_step_right_solves_and_reveals():
    answers = {
        "p1": "0.8",
        "p2": "0.0008",
        "sum": "0.8008",
        "z": "1.8008",
        "exp_neg_z": "0.1652",
        "denominator": "1.1652",
        "y": "0.8582",
        "label": "obese",
    }
    assert set(verdicts_for(answers).values()) == {"right"}


def test_the_published_slips_carry_from_a_wrong_z():
    # z = 1.808 is wrong; σ(1.808) = 0.8591… is right *from it*; the published 0.71 is not
    found = verdicts_for({"z": "1.808", "exp_neg_z": "0.164", "y": "0.8591"})
    assert found == {**found, "z": "wrong", "exp_neg_z": "carried", "y": "carried"}
    assert verdicts_for({"z": "1.808", "y": "0.71"})["y"] == "wrong"


def test_a_wrong_product_carries_through_the_sum_z_and_output():
    # w₁x₁ = 0.9 (wrong) → their wᵀx = 0.9008 → z = 1.9008 → σ = 0.8699…
    found = verdicts_for({"p1": "0.9", "sum": "0.9008", "z": "1.9008", "y": "0.8700"})
    assert found["p1"] == "wrong"
    assert found["sum"] == found["z"] == found["y"] == "carried"


def test_a_blank_step_passes_the_learners_own_values_on():
    # their wᵀx is wrong; z is left blank; ŷ from their wᵀx + b is carried
    found = verdicts_for({"sum": "0.9", "y": "0.8699"})
    assert found["sum"] == "wrong" and found["z"] == "blank" and found["y"] == "carried"


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_carried_errors_through_every_activation(name):
    lesson = lesson_for(name, b="-0.3")
    exact_z = lesson.trace.z
    their_z = exact_z + 0.4  # a wrong z: every later step is carried from it
    output, steps = ACTIVATIONS[name].worked(their_z)
    answers = {"z": repr(their_z), "y": repr(output)}
    answers.update({step: repr(value) for step, value in steps})
    their_decision = output >= lesson.trace.threshold
    answers["label"] = "obese" if their_decision else "not_obese"
    found = verdicts_for(answers, name, b="-0.3")
    assert found["z"] == "wrong"
    for step, _ in steps:
        assert found[step] == "carried", step
    # a step function gives the same ŷ for nearby z: then it is simply right
    assert found["y"] == ("right" if math.isclose(output, lesson.trace.output) else "carried")
    expected_label = "right" if their_decision == lesson.trace.decision else "carried"
    assert found["label"] == expected_label


@pytest.mark.parametrize(
    ("name", "step", "wrong", "output"),
    [
        # a wrong 1 + e^(−z): ŷ = 1 / their denominator is carried
        ("sigmoid", "denominator", "1.5", 1 / 1.5),
        # a wrong numerator: ŷ = their numerator / the denominator is carried
        ("tanh", "numerator", "5", 5 / 6.219655820780557),
    ],
)
def test_carried_errors_inside_an_activation(name, step, wrong, output):
    found = verdicts_for({step: wrong, "y": repr(output)}, name)
    assert found[step] == "wrong" and found["y"] == "carried"


def test_the_intermediates_asked_come_from_the_registry():
    for name, activation in ACTIVATIONS.items():
        lesson = lesson_for(name)
        asked = default_ask(lesson)
        for step, _ in lesson.trace.intermediates:
            assert step in asked
            assert step in activation.intermediate_labels
        assert asked[:4] == ("p1", "p2", "sum", "z") and asked[-2:] == ("y", "label")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("4,5", "use a dot"),
        ("nan", "finite"),
        ("1_000", "underscores"),
        ("abc", "must be a number"),
    ],
)
def test_a_malformed_answer_is_a_field_message(text, message):
    lesson = lesson_for()
    parsed = parse_answers({"a_z": [text]}, all_steps(lesson), default_ask(lesson))
    assert message in parsed.errors["a_z"]
    assert "z" in parsed.errors["a_z"]


def test_a_label_must_be_one_of_its_words():
    lesson = lesson_for()
    parsed = parse_answers({"a_label": ["yes"]}, all_steps(lesson), default_ask(lesson))
    assert "obese, not_obese" in parsed.errors["a_label"]


def test_the_tolerance_rule():
    assert verdicts.tolerance(1.8008) == pytest.approx(0.00090040)
    assert verdicts.tolerance(0.0008) == 0.00005
    assert not verdicts.close(math.inf, 1.0)


def test_reverse_problems_are_checked_by_whether_the_value_really_flips_it():
    lesson = lesson_for()  # z = 1.8008: Obese; b < −0.8008 flips it
    assert flips(lesson, "flip_b", -0.81)
    assert not flips(lesson, "flip_b", -0.8)
    assert flips(lesson, "flip_w2", -0.03)
    assert not flips(lesson, "flip_w2", -0.02)
    found = verdicts_for({"flip_b": "-2", "flip_w2": "0.5"}, ask="flip_b-flip_w2")
    assert found == {"flip_b": "right", "flip_w2": "wrong"}


def test_the_bmi_and_luck_steps():
    found = verdicts_for(
        {"bmi": "53.82", "agrees": "yes", "label": "obese"}, ask="label-bmi-agrees"
    )
    assert found == {"label": "right", "bmi": "right", "agrees": "right"}
    # their label Not Obese against their BMI 53.82: "no" is right from their answers
    found = verdicts_for(
        {"bmi": "53.82", "agrees": "no", "label": "not_obese"}, ask="label-bmi-agrees"
    )
    assert found["agrees"] == "carried" and found["label"] == "wrong"
