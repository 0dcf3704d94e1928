"""Property tests (Hypothesis) for the parser and the service layer.

Bounded so the suite stays quick on two cores: at most 200 examples each, no
deadline (a slow CI machine must not turn timing into failures).
"""

from __future__ import annotations

import math
from urllib.parse import parse_qs

import mpmath
import numpy as np
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from lesson_strategies import valid_args

from webapp.lesson.activations import ACTIVATIONS
from webapp.lesson.neuron import forward
from webapp.lesson.params import (
    CHOICE_PARAMETERS,
    MAX_ABS_PARAMETER,
    PARAMETER_ORDER,
    InvalidValue,
    choices,
    parse_lesson,
    parse_number,
    query_string,
)
from webapp.lesson.units import MAX_HEIGHT, MAX_WEIGHT

BOUNDED = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NUMBER_FIELDS = ("height", "weight", "w1", "w2", "b")

# Text that looks like numbers much of the time: floats in every spelling, integers,
# near-misses built from number characters, and arbitrary text.
number_like = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.floats(allow_nan=False, allow_infinity=False).map(lambda f: f"{f:.6g}"),
    st.floats(allow_nan=False, allow_infinity=False).map(lambda f: f"{f:e}"),
    st.integers(min_value=-(10**400), max_value=10**400).map(str),
    st.text(alphabet="0123456789+-.eE_, x", max_size=12),
    st.text(max_size=12),
)
choice_like = {
    name: st.sampled_from(list(choices(name))) | st.text(max_size=8) for name in CHOICE_PARAMETERS
}
query_args = st.fixed_dictionaries(
    {},
    optional={
        **{name: st.lists(number_like, min_size=1, max_size=2) for name in NUMBER_FIELDS},
        **{name: st.lists(choice, min_size=1, max_size=2) for name, choice in choice_like.items()},
    },
)


def _in_range(values: dict[str, float | str]) -> None:
    height, weight = values["height"], values["weight"]
    assert isinstance(height, float) and isinstance(weight, float)
    assert math.isfinite(height) and 0 < height <= MAX_HEIGHT[str(values["height_unit"])]
    assert math.isfinite(weight) and 0 < weight <= MAX_WEIGHT[str(values["weight_unit"])]
    for name in ("w1", "w2", "b"):
        value = values[name]
        assert isinstance(value, float)
        assert math.isfinite(value) and abs(value) <= MAX_ABS_PARAMETER
    for name in ("height_unit", "weight_unit"):
        assert values[name] in choices(name)
    activation = values["activation"]
    assert activation is ACTIVATIONS[activation.name]  # the registry's own object


@BOUNDED
@given(text=number_like)
def test_a_parsed_number_is_finite_and_anything_else_a_clear_refusal(text):
    try:
        value = parse_number(text)
    except InvalidValue as error:
        assert str(error)  # always a message for the learner, never another exception
    else:
        assert math.isfinite(value)
        assert value == float(text.strip(" "))


@BOUNDED
@given(value=st.floats(allow_nan=False, allow_infinity=False))
def test_every_finite_float_reads_back_exactly(value):
    assert parse_number(repr(value)) == value
    assert parse_number(f" {value!r} ") == value


@BOUNDED
@given(args=query_args)
def test_whatever_parses_is_finite_and_in_range(args):
    parsed = parse_lesson(args)
    assert set(parsed.raw) == set(PARAMETER_ORDER)
    assert all(len(text) <= 64 for text in parsed.raw.values())
    if parsed.ok:
        _in_range(parsed.values)
    else:
        assert parsed.first_error in parsed.errors
        assert not set(parsed.errors) & set(parsed.values)


@BOUNDED
@given(args=valid_args())
def test_the_share_query_round_trips(args):
    parsed = parse_lesson(args)
    # "{:.6g}" can round a value just past a limit; those are refusals, not round trips
    assume(parsed.ok)
    _in_range(parsed.values)
    again = parse_lesson(parse_qs(query_string(parsed.raw), keep_blank_values=True))
    assert again.ok
    assert again.raw == parsed.raw
    assert again.values == parsed.values
    assert query_string(again.raw) == query_string(parsed.raw)


def _check_output(trace) -> None:
    steps = (*trace.x, *trace.w, trace.b, *trace.products, trace.weighted_sum, trace.z)
    assert all(math.isfinite(v) for v in steps)
    assert all(math.isfinite(value) for _, value in trace.intermediates)
    out, z = trace.output, trace.z
    assert math.isfinite(out)
    match trace.activation.name:
        case "sigmoid":
            assert 0.0 <= out <= 1.0
        case "tanh":
            assert -1.0 <= out <= 1.0
        case "relu":
            assert out == max(0.0, z)
        case "step":
            assert out == (1.0 if z >= 0 else 0.0)
        case "linear":
            assert out == z
    assert trace.decision == (out >= trace.threshold)


@BOUNDED
@given(args=valid_args())
def test_a_valid_lesson_gives_finite_output_in_the_activations_range(args):
    parsed = parse_lesson(args)
    assume(parsed.ok)
    lesson = parsed.lesson()
    _check_output(lesson.trace)
    assert math.isfinite(lesson.bmi.bmi) and lesson.bmi.bmi >= 0  # 5e-324 lb is 0 kg
    assert lesson.label.obese is lesson.trace.decision


finite = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6, max_value=1e6)


@BOUNDED
@given(
    xw=st.integers(min_value=1, max_value=8).flatmap(
        lambda n: st.tuples(*[st.lists(finite, min_size=n, max_size=n)] * 2)
    ),
    b=finite,
    activation=st.sampled_from(sorted(ACTIVATIONS)),
)
def test_any_bounded_neuron_gives_finite_output_in_range(xw, b, activation):
    x, w = xw
    _check_output(forward(x, w, b, ACTIVATIONS[activation]))


TINY = np.finfo(np.float64).tiny  # below this, floats lose relative precision


def _sigmoid_reference(z: float) -> mpmath.mpf:
    with mpmath.workdps(50):
        return 1 / (1 + mpmath.exp(-mpmath.mpf(z)))


@BOUNDED
@given(z=st.floats(min_value=-800, max_value=800) | st.floats(min_value=-1e12, max_value=1e12))
def test_sigmoid_agrees_with_an_mpmath_reference(z):
    trace = forward((1.0,), (0.0,), z, ACTIVATIONS["sigmoid"])  # z = 0·1 + b, exactly b
    assert trace.z == z
    reference = _sigmoid_reference(z)
    if reference >= TINY:
        assert abs(trace.output - reference) <= 1e-12 * reference, (z, trace.output, reference)
    else:  # the true value is subnormal or below: absolute error is all floats can give
        assert abs(trace.output - reference) <= TINY
    vectorised = float(ACTIVATIONS["sigmoid"](np.array([z]))[0])
    if reference >= TINY:
        assert abs(vectorised - reference) <= 1e-12 * reference


@BOUNDED
@given(z=st.floats(min_value=-400, max_value=400))
def test_tanh_agrees_with_an_mpmath_reference(z):
    with mpmath.workdps(50):
        reference = mpmath.tanh(mpmath.mpf(z))
    output = forward((1.0,), (0.0,), z, ACTIVATIONS["tanh"]).output
    assert abs(output - reference) <= 1e-12 * max(abs(reference), TINY)


def test_the_exact_example_against_the_reference():
    trace = forward((4.0, 80.0), (0.2, 0.00001), 1.0, ACTIVATIONS["sigmoid"])
    reference = _sigmoid_reference(1.8008)
    assert abs(trace.output - reference) <= 1e-12 * reference
