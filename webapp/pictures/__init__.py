"""The lesson's pictures: SVG geometry in Python, drawn by templates/pictures/_<name>.html.

Each picture is a module here that takes the lesson and returns a dataclass of
geometry, every coordinate computed with the shared ``scale`` module. ``PICTURES``
is the registry: a new picture is one module, one entry below and one partial.

The builders are imported here under their modules' names, so ``webapp.pictures.luck_chart``
is the function: import a picture's dataclasses from its module
(``from webapp.pictures.luck_chart import LuckChart``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from webapp.lesson.result import Lesson
from webapp.pictures.activation_curve import activation_curve
from webapp.pictures.activation_table import activation_table
from webapp.pictures.challenge_plane import challenge_plane
from webapp.pictures.data_tables import (
    DataTable,
    curve_table,
    luck_table,
    neuron_table,
    plane_table,
    waterfall_table,
)
from webapp.pictures.decision_plane import decision_plane
from webapp.pictures.luck_chart import LuckChart, luck_chart
from webapp.pictures.neuron_diagram import neuron_diagram
from webapp.pictures.waterfall import waterfall

__all__ = [
    "DATA_TABLES",
    "PICTURES",
    "DataTable",
    "LuckChart",
    "Pictures",
    "luck_chart",
    "pictures",
]

# name → builder: templates read a picture as pictures.<name> (the page model's Pictures).
PICTURES: dict[str, Callable[[Lesson], Any]] = {
    "neuron": lambda lesson: neuron_diagram(lesson.trace),
    "waterfall": lambda lesson: waterfall(lesson.trace),
    "curve": lambda lesson: activation_curve(lesson.trace),
    "table": lambda lesson: activation_table(lesson.trace),
    "plane": decision_plane,
    "luck": luck_chart,
    # a challenge's people and boundary; for a lesson, its one person (challenge views
    # call challenge_plane with the whole table)
    "challenge_plane": lambda lesson: challenge_plane(
        [(lesson.height_ft, lesson.weight_kg, lesson.bmi.obese, lesson.bmi.agrees)],
        *lesson.trace.w,
        lesson.trace.b,
        lesson.trace.activation,
        lesson.height_unit,
        lesson.weight_unit,
    ),
}

# picture name → its numbers as a table (webapp/pictures/data_tables.py), from the lesson
# and the picture's own dataclass. The activation table is a table already.
DATA_TABLES: dict[str, Callable[[Lesson, Any], DataTable]] = {
    "neuron": lambda lesson, _: neuron_table(lesson),
    "waterfall": lambda _, drawn: waterfall_table(drawn),
    "curve": curve_table,
    "plane": plane_table,
    "luck": lambda _, drawn: luck_table(drawn),
}


class Pictures:
    """Every picture of one lesson, by name (``p.curve``), each drawn when first read:
    the embed widget shows two of them and never pays for the rest."""

    def __init__(self, lesson: Lesson) -> None:
        self._lesson = lesson
        self._drawn: dict[str, Any] = {}

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name not in PICTURES:
            raise AttributeError(name)
        if name not in self._drawn:
            self._drawn[name] = PICTURES[name](self._lesson)
        return self._drawn[name]

    def data(self, name: str) -> DataTable:
        """The numbers of picture ``name`` as a table (``DATA_TABLES``)."""
        return DATA_TABLES[name](self._lesson, getattr(self, name))

    def __dir__(self) -> list[str]:
        return [*super().__dir__(), *PICTURES]


def pictures(lesson: Lesson) -> Pictures:
    """Every picture's geometry for one lesson."""
    return Pictures(lesson)
