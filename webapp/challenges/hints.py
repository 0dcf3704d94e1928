"""A hint for the learner: which number to move which way for the nearest wrong person.

The nearest wrong person is the one whose z is closest to the flip point z*. Raising b
raises every z by the same amount; raising w₂ raises z by the person's weight in kg per
unit (so heavy people move most), raising w₁ by their height in feet. No Flask.
"""

from __future__ import annotations

from dataclasses import dataclass

from webapp.challenges.model import Challenge
from webapp.challenges.verdict import Attempt, Row
from webapp.lesson.boundary import z_star
from webapp.lesson.numbers import fmt, minus
from webapp.lesson.result import label_for


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
    wanted: str  # the label the person should get
    moves: tuple[Move, ...]  # the numbers the learner may move (locked ones left out)

    @property
    def text(self) -> str:
        """The hint in one paragraph."""
        r = self.row
        sign = "negative" if r.z < 0 else "positive" if r.z > 0 else "zero"
        first = (
            f"Look at person {r.index} ({r.person.shown}): they should be {self.wanted}, "
            f"but z = {minus(fmt(r.z))} is {sign}, so the neuron says {label_for(r.predicted)} "
            f"(it says Obese when z ≥ {minus(fmt(self.z_star))}). Their z must "
            f"{self.direction} by {'more than ' if self.direction == 'fall' else 'at least '}"
            f"{fmt(self.needed)}."
        )
        if not self.moves:
            return first + " Every number is locked here, so nothing can move."
        ways = "; ".join(
            f"{m.direction} {m.symbol} (1 more on {m.symbol} adds {fmt(m.per_unit)} to their z, "
            f"so changing it by about {fmt(m.by)} alone would do it)"
            for m in self.moves
        )
        return (
            f"{first} You can {ways}. Moving b shifts everyone's z alike; check the others after."
        )


_SYMBOLS = {"w1": "w₁", "w2": "w₂", "b": "b"}


def hint(attempt: Attempt) -> Hint | None:
    """The hint for the wrong person nearest to being right, or None when all are right."""
    wrong = attempt.wrong
    if not wrong:
        return None
    row = min(wrong, key=lambda r: (r.gap, r.index))
    star = z_star(attempt.activation)
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
    locked = "keeping the locked numbers, " if challenge.locked else ""
    return (
        f"No line can do it: {locked}no choice of w₁, w₂ and b puts every obese person on "
        "one side of a straight line and everyone else on the other. One neuron draws "
        "exactly one straight line, but the BMI = 30 boundary is a curve, and these people "
        "sit where it bends: a line that gets the short and the tall people right cuts "
        "through the middle ones. That is the first glimpse of why networks have more "
        "than one neuron: several lines, combined by another neuron, can follow a curve."
    )
