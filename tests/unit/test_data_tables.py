"""The tables beside the pictures give the pictures' own numbers."""

from __future__ import annotations

import pytest

from webapp.lesson.params import parse_lesson
from webapp.pictures import DATA_TABLES, pictures


def lesson(**query: str):
    return parse_lesson({k: [v] for k, v in query.items()}).lesson()


@pytest.mark.parametrize(
    "query",
    [{}, {"height": "170", "height_unit": "cm", "weight": "176", "weight_unit": "lb",
          "w1": "-0.3", "activation": "tanh"}, {"w2": "0.05", "b": "-5", "activation": "relu"}],
)  # fmt: skip
def test_every_picture_has_a_table_with_full_rows(query):
    drawn = pictures(lesson(**query))
    for name in DATA_TABLES:
        table = drawn.data(name)
        assert table.caption and table.rows, name
        assert all(len(row) == len(table.columns) for row in table.rows), name


def test_the_diagrams_table_is_the_worked_example():
    table = dict((row[0], row[1]) for row in pictures(lesson()).data("neuron").rows)
    assert table["w₁x₁"] == pytest.approx(0.8)
    assert table["z = w₁x₁ + w₂x₂ + b"] == pytest.approx(1.8008)
    assert table["Answer"] == "Obese"


def test_the_waterfalls_table_adds_up_to_z():
    one = lesson(w1="-0.3", b="2")
    rows = pictures(one).data("waterfall").rows
    assert rows[-2][2] == pytest.approx(one.trace.z)


def test_the_curves_table_holds_your_point():
    one = lesson()
    rows = pictures(one).data("curve").rows
    yours = [row for row in rows if row[3] == "your z"]
    assert len(yours) == 1 and yours[0][1] == pytest.approx(one.trace.output)


def test_the_luck_table_counts_every_random_neuron():
    drawn = pictures(lesson())
    meter = drawn.luck.meter
    total = sum(int(row[1].replace(",", "")) for row in drawn.data("luck").rows)
    assert total == meter.draws
