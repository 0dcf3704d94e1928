"""The learner's neuron run on every person of a challenge: z, ŷ, its label, right or not."""

from __future__ import annotations

from dataclasses import dataclass

from webapp.challenges.model import Challenge, Person
from webapp.lesson.activations import Activation
from webapp.lesson.neuron import Trace, forward


@dataclass(frozen=True)
class Row:
    """One person and what the neuron says about them."""

    index: int  # 1-based, as the table and the picture number people
    person: Person
    trace: Trace

    @property
    def z(self) -> float:
        return self.trace.z

    @property
    def output(self) -> float:
        return self.trace.output

    @property
    def predicted(self) -> bool:
        return self.trace.decision

    @property
    def right(self) -> bool:
        return self.predicted == self.person.label

    @property
    def gap(self) -> float:
        """How far z is from the flip point z* (the nearest wrong person has the least)."""
        return abs(self.trace.z - self.trace.activation.z_star)


@dataclass(frozen=True)
class Attempt:
    """A challenge, the learner's w₁, w₂, b and activation, and the verdict per person."""

    challenge: Challenge
    w1: float
    w2: float
    b: float
    activation: Activation
    rows: tuple[Row, ...]

    @property
    def right(self) -> int:
        return sum(row.right for row in self.rows)

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def solved(self) -> bool:
        return self.right == self.total

    @property
    def wrong(self) -> tuple[Row, ...]:
        return tuple(row for row in self.rows if not row.right)


def attempt(
    challenge: Challenge, w1: float, w2: float, b: float, activation: Activation
) -> Attempt:
    """Run the neuron on every person (values within the lesson's limits keep z finite)."""
    rows = tuple(
        Row(i, p, forward((p.height_ft, p.weight_kg), (w1, w2), b, activation))
        for i, p in enumerate(challenge.people, start=1)
    )
    return Attempt(challenge, w1, w2, b, activation, rows)
