"""Numbers formatted for people."""

from __future__ import annotations

from gettext import NullTranslations

import pytest

from webapp.language import LANGUAGES, speaking
from webapp.lesson.numbers import dot_exact, dot_rounded, page_form, page_rounded, significant


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0.8000000000000002, "0.8"),
        (0.0008000000000000001, "0.0008"),
        (0.8008, "0.8008"),
        (1.8008, "1.8008"),
        (0.16518, "0.1652"),
        (0.858204, "0.8582"),
        (0.00001, "0.00001"),  # would round to 0: two significant digits instead
        (0.0000123456, "0.000012"),
        (-0.0000123456, "-0.000012"),
        (1e-300, "0." + "0" * 299 + "1"),
        (0.0, "0"),
        (-0.0, "0"),
        (-0.00004, "-0.00004"),
        (2.0, "2"),
        (100.0, "100"),
        (123456789.123456, "123456789.1235"),
        (0.00005, "0.0001"),  # half rounds up
        (-1.5, "-1.5"),
    ],
)
def test_dot_rounded(value, text):
    assert dot_rounded(value) == text


def test_the_dot_form_never_uses_exponents():
    for value in (1e-05, 1e-12, 1e20, 7e8):
        assert "e" not in dot_rounded(value).lower()
        assert "e" not in dot_exact(value).lower()


def test_dot_rounded_to_one_place_for_bmi():
    assert dot_rounded(53.81697, 1) == "53.8"
    assert dot_rounded(30.0, 1) == "30"


def test_dot_exact_round_trips():
    for value in (0.8000000000000002, 1.8008, 0.858204, 1e-05, -3.25):
        assert float(dot_exact(value)) == value


def test_significant_digits():
    assert significant(0.000012345678) == "0.00001235"
    assert significant(-0.72971234) == "-0.7297"


def test_the_page_form_has_a_true_minus_and_the_pages_decimal_mark():
    assert page_form("-0.2") == "−0.2" and page_rounded(-0.858246) == "−0.8582"
    with speaking(LANGUAGES["de"], NullTranslations()):
        assert page_form("-0.2") == "−0,2"  # as typed ("-0.2" in the link)
        assert page_rounded(0.858246) == "0,8582"
        assert page_rounded(53.81697, 1) == "53,8"
        assert dot_rounded(0.858246) == "0.8582"  # links and JSON keep the dot form
