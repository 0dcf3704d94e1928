"""The teacher's form at /challenge/new: up to 12 rows of people (blanks ignored), a
title and optional locked numbers, turned into a challenge link's parameters. No Flask.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from webapp.challenges.model import (
    MAX_PEOPLE,
    WEIGHTS,
    ChallengeError,
    encode,
    parse_lock,
    parse_person,
    parse_title,
)
from webapp.language import gettext, lazy_gettext
from webapp.lesson.params import to_dot_form

ROWS = MAX_PEOPLE
LABEL_CHOICES = {
    "bmi": lazy_gettext("by the BMI rule"),
    "1": lazy_gettext("obese (1)"),
    "0": lazy_gettext("not obese (0)"),
}
ROW_FIELDS = ("height", "height_unit", "weight", "weight_unit", "label")
_CAP = 64


@dataclass
class TeacherForm:
    raw: dict[str, str]  # every field as typed (capped), for the form
    errors: dict[str, str] = field(default_factory=dict)
    params: dict[str, str] = field(default_factory=dict)  # the link's, when valid
    submitted: bool = False

    @property
    def ok(self) -> bool:
        return self.submitted and not self.errors

    @property
    def first_error(self) -> str | None:
        return next(iter(self.errors), None)

    def query(self) -> str:
        return encode(self.params)


def row_name(name: str, row: int) -> str:
    return f"{name}_{row}"


def _first(args: Mapping[str, Sequence[str]], name: str) -> str:
    values = list(args.get(name, ()))
    return values[0] if values else ""


def _rows(args: Mapping[str, Sequence[str]], form: TeacherForm) -> list[str]:
    people = []
    for row in range(1, ROWS + 1):
        # A decimal comma (1,75 on a German page) goes into the link as its dot.
        height, weight = (
            to_dot_form(_first(args, row_name(n, row))).strip(" ") for n in ("height", "weight")
        )
        if not height and not weight:
            continue
        units = [
            _first(args, row_name(n, row)) or d
            for n, d in (("height_unit", "ft"), ("weight_unit", "kg"))
        ]
        label = _first(args, row_name("label", row)) or "bmi"
        text = f"{height}{units[0]},{weight}{units[1]}" + ("" if label == "bmi" else f",{label}")
        try:
            parse_person(text, row)
        except ChallengeError as error:
            form.errors[row_name("height", row)] = str(error)
            continue
        people.append(text)
    return people


def parse_teacher_form(args: Mapping[str, Sequence[str]]) -> TeacherForm:
    """Validate every row and field; the link's parameters when all are valid."""
    names = ["title", *(f"lock_{n}" for n in WEIGHTS)]
    names += [row_name(n, r) for r in range(1, ROWS + 1) for n in ROW_FIELDS]
    form = TeacherForm(raw={n: _first(args, n)[: _CAP * 2] for n in names})
    form.submitted = "make" in args
    if not form.submitted:
        return form
    people = _rows(args, form)
    if not people and not form.errors:
        form.errors[row_name("height", 1)] = gettext(
            "Person 1: give at least one person's height and weight."
        )
    try:
        title = parse_title(_first(args, "title"))
    except ChallengeError as error:
        form.errors["title"] = str(error)
        title = ""
    lock = []
    for name in WEIGHTS:
        value = to_dot_form(_first(args, f"lock_{name}")).strip(" ")
        if not value:
            continue
        try:
            lock += parse_lock(f"{name}:{value}")
        except ChallengeError as error:
            form.errors[f"lock_{name}"] = str(error)
    if not form.errors:
        form.params = {"people": ";".join(people)}
        if title:
            form.params["title"] = title
        if lock:
            form.params["lock"] = ",".join(f"{n}:{v}" for n, v in lock)
    return form
