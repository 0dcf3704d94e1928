"""A hint for the learner: which number to move which way for the nearest wrong person.

The nearest wrong person is the one whose z is closest to the flip point z*. Raising b
raises every z by the same amount; raising w₂ raises z by the person's weight in kg per
unit (so heavy people move most), raising w₁ by their height in feet. No Flask.
"""

from __future__ import annotations

from dataclasses import dataclass

from webapp.challenges.model import Challenge
from webapp.challenges.verdict import Attempt, Row
from webapp.language import gettext, lazy_gettext
from webapp.lesson.labels import Label, label_for
from webapp.lesson.numbers import page_rounded


@dataclass(frozen=True)
class Move:
    """One free number and what moving it does for the person."""

    name: str  # w1, w2 or b
    symbol: str  # w₁, w₂, b
    direction: str  # "raise" or "lower"
    per_unit: float  # how much z changes when the number changes by 1
    by: float  # the change that alone just reaches z* for this person


@dataclass(frozen=True)
class Hint:
    row: Row
    z_star: float
    direction: str  # z must "rise" or "fall"
    needed: float  # |z − z*|
    wanted: Label  # the label the person should get
    moves: tuple[Move, ...]  # the numbers the learner may move (locked ones left out)

    @property
    def text(self) -> str:
        """The hint in one paragraph."""
        first = f"{self._why()} {self._how_far()}"
        if not self.moves:
            return first + " " + gettext("Every number is locked here, so nothing can move.")
        ways = "; ".join(_way(m) for m in self.moves)
        return (
            first
            + " "
            + gettext("You can %(ways)s.", ways=ways)
            + " "
            + gettext("Moving b shifts everyone's z alike; check the others after.")
        )

    def _why(self) -> str:
        """Who is wrong, and why: their z, its sign, what the neuron says."""
        r = self.row
        sign = "negative" if r.z < 0 else "positive" if r.z > 0 else "zero"
        values = {
            "index": r.index,
            "person": r.person.description,
            "z": page_rounded(r.z),
            "star": page_rounded(self.z_star),
        }
        return str(_WHY[(self.direction == "rise", sign)]) % values

    def _how_far(self) -> str:
        if self.direction == "fall":
            return gettext(
                "Their z must fall by more than %(needed)s.", needed=page_rounded(self.needed)
            )
        return gettext(
            "Their z must rise by at least %(needed)s.", needed=page_rounded(self.needed)
        )


def _way(m: Move) -> str:
    """One way to fix the person: move one free number."""
    values = {"symbol": m.symbol, "per_unit": page_rounded(m.per_unit), "by": page_rounded(m.by)}
    if m.direction == "raise":
        return gettext(
            "raise %(symbol)s (1 more on %(symbol)s adds %(per_unit)s to their z, "
            "so changing it by about %(by)s alone would do it)",
            **values,
        )
    return gettext(
        "lower %(symbol)s (1 more on %(symbol)s adds %(per_unit)s to their z, "
        "so changing it by about %(by)s alone would do it)",
        **values,
    )


# (should be obese, sign of z) → the whole sentence: the labels and the sign are part of
# its grammar in every language, so each case is translated as one.
_WHY = {
    (True, "negative"): lazy_gettext(
        "Look at person %(index)s (%(person)s): they should be Obese, but z = %(z)s is "
        "negative, so the neuron says Not Obese (it says Obese when z ≥ %(star)s)."
    ),
    (True, "positive"): lazy_gettext(
        "Look at person %(index)s (%(person)s): they should be Obese, but z = %(z)s is "
        "positive, so the neuron says Not Obese (it says Obese when z ≥ %(star)s)."
    ),
    (True, "zero"): lazy_gettext(
        "Look at person %(index)s (%(person)s): they should be Obese, but z = %(z)s is "
        "zero, so the neuron says Not Obese (it says Obese when z ≥ %(star)s)."
    ),
    (False, "negative"): lazy_gettext(
        "Look at person %(index)s (%(person)s): they should be Not Obese, but z = %(z)s is "
        "negative, so the neuron says Obese (it says Obese when z ≥ %(star)s)."
    ),
    (False, "positive"): lazy_gettext(
        "Look at person %(index)s (%(person)s): they should be Not Obese, but z = %(z)s is "
        "positive, so the neuron says Obese (it says Obese when z ≥ %(star)s)."
    ),
    (False, "zero"): lazy_gettext(
        "Look at person %(index)s (%(person)s): they should be Not Obese, but z = %(z)s is "
        "zero, so the neuron says Obese (it says Obese when z ≥ %(star)s)."
    ),
}


_SYMBOLS = {"w1": "w₁", "w2": "w₂", "b": "b"}


def hint(attempt: Attempt) -> Hint | None:
    """The hint for the wrong person nearest to being right, or None when all are right."""
    wrong = attempt.wrong
    if not wrong:
        return None
    row = min(wrong, key=lambda r: (r.gap, r.index))
    star = attempt.activation.z_star
    rise = row.person.label  # should be obese: z must rise to z*
    moves = []
    locked = dict(attempt.challenge.locked)
    for name, per_unit in (("b", 1.0), ("w2", row.person.weight_kg), ("w1", row.person.height_ft)):
        if name in locked or per_unit == 0:
            continue
        moves.append(
            Move(name, _SYMBOLS[name], "raise" if rise else "lower", per_unit, row.gap / per_unit)
        )
    return Hint(
        row=row,
        z_star=star,
        direction="rise" if rise else "fall",
        needed=row.gap,
        wanted=label_for(row.person.label),
        moves=tuple(moves),
    )


def no_line_reason(challenge: Challenge) -> str:
    """Why no single neuron can solve a challenge that is not separable."""
    if challenge.locked:
        first = gettext(
            "No line can do it: keeping the locked numbers, no choice of w₁, w₂ and b puts "
            "every obese person on one side of a straight line and everyone else on the other."
        )
    else:
        first = gettext(
            "No line can do it: no choice of w₁, w₂ and b puts every obese person on one side "
            "of a straight line and everyone else on the other."
        )
    return (
        first
        + " "
        + gettext(
            "One neuron draws exactly one straight line, but the BMI = 30 boundary is a curve, "
            "and these people sit where it bends: a line that gets the short and the tall "
            "people right cuts through the middle ones. That is the first glimpse of why "
            "networks have more than one neuron: several lines, combined by another neuron, "
            "can follow a curve."
        )
    )
