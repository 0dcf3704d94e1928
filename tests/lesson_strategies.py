"""Hypothesis strategies for the lesson's query parameters.

Shared by tests/unit/test_properties.py (the parser and the service) and
tests/app/test_share_link_properties.py (every valid link renders); tests/ is on
sys.path (its conftest.py puts it there).
"""

from __future__ import annotations

from hypothesis import strategies as st

from webapp.lesson.activations import ACTIVATIONS
from webapp.lesson.params import MAX_ABS_PARAMETER
from webapp.lesson.units import HEIGHT_UNITS, MAX_HEIGHT, MAX_WEIGHT, WEIGHT_UNITS

# Valid lessons: every parameter given, in range, written in varied spellings.
SPELLINGS = ("{!r}", "{:.6g}", "{:e}", " {!r} ", "{:+}", "{:.20f}")


def _spelled(strategy: st.SearchStrategy[float]) -> st.SearchStrategy[str]:
    return st.tuples(strategy, st.sampled_from(SPELLINGS)).map(lambda p: p[1].format(p[0]))


@st.composite
def valid_args(draw: st.DrawFn) -> dict[str, list[str]]:
    height_unit = draw(st.sampled_from(sorted(HEIGHT_UNITS)))
    weight_unit = draw(st.sampled_from(sorted(WEIGHT_UNITS)))
    positive = {"min_value": 0.0, "exclude_min": True, "allow_nan": False}
    height = draw(_spelled(st.floats(max_value=MAX_HEIGHT[height_unit], **positive)))
    weight = draw(_spelled(st.floats(max_value=MAX_WEIGHT[weight_unit], **positive)))
    parameter = st.floats(min_value=-MAX_ABS_PARAMETER, max_value=MAX_ABS_PARAMETER)
    args = {
        "height": height,
        "height_unit": height_unit,
        "weight": weight,
        "weight_unit": weight_unit,
        "w1": draw(_spelled(parameter)),
        "w2": draw(_spelled(parameter)),
        "b": draw(_spelled(parameter)),
        "activation": draw(st.sampled_from(sorted(ACTIVATIONS))),
    }
    return {name: [value] for name, value in args.items()}
