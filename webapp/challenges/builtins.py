"""The ladder of built-in challenges, easiest first, each with a teacher's note.

Every built-in is written as a link's ``people`` and ``lock``, so it goes through the
same parser as a teacher's own; whether each is separable is computed, never typed in.
"""

from __future__ import annotations

from dataclasses import dataclass

from webapp.challenges.model import Challenge, parse_lock, parse_people
from webapp.language import N_, gettext


@dataclass(frozen=True)
class Builtin:
    name: str
    title: str  # in English, as the link and the API give it
    note: str  # for the teacher: what this one teaches (English, as the API gives it)
    challenge: Challenge

    @property
    def size(self) -> int:
        return len(self.challenge.people)

    @property
    def translated_title(self) -> str:
        """The title in the page's language."""
        return gettext(self.title)

    @property
    def translated_note(self) -> str:
        """The teacher's note in the page's language."""
        return gettext(self.note)


def translated_title(challenge: Challenge) -> str:
    """A challenge's title for a page: a built-in's in the page's language, a teacher's
    as they typed it."""
    if challenge.name is not None and challenge.name in BUILTINS:
        return BUILTINS[challenge.name].translated_title
    return challenge.title


def _builtin(name: str, title: str, note: str, people: str, lock: str = "") -> Builtin:
    challenge = Challenge(
        people=parse_people(people),
        title=title,
        locked=parse_lock(lock) if lock else (),
        name=name,
    )
    return Builtin(name, title, note, challenge)


LADDER: tuple[Builtin, ...] = (
    _builtin(
        "one-person",
        N_("One person"),
        N_(
            "One tall, light person the lesson's weights call Obese. Any change that pushes z "
            "below 0 works; the bias alone is enough (try b = −2). Point out that one person "
            "says almost nothing about the weights."
        ),
        "6ft,70kg",
    ),
    _builtin(
        "two-people",
        N_("Two people"),
        N_(
            "Same height, different weights: only w₂ can tell them apart, and it must be much "
            "larger than the lesson's 0.00001 (try w₁ = 0, w₂ = 0.1, b = −8). A good moment to "
            "talk about the scale of each input."
        ),
        "170cm,60kg;170cm,100kg",
    ),
    _builtin(
        "bias-only",
        N_("Only the bias"),
        N_(
            "w₁ = 0 and w₂ = 0.1 are locked: the learner moves b alone, which slides the "
            "boundary up and down. Any b between −9.5 and −7.2 solves it."
        ),
        "170cm,60kg;165cm,72kg;172cm,95kg;168cm,104kg",
        "w1:0,w2:0.1",
    ),
    _builtin(
        "both-weights",
        N_("Both weights"),
        N_(
            "Neither height alone nor weight alone separates these people: the line must tilt, "
            "so w₁ goes negative (taller people may weigh more). One answer: w₁ = −3.048, "
            "w₂ = 0.1, b = 8.5."
        ),
        "150cm,70kg;190cm,85kg;160cm,80kg;185cm,95kg;150cm,50kg;190cm,115kg",
    ),
    _builtin(
        "ten-people",
        N_("Ten people"),
        N_(
            "Ten people labelled by the BMI rule, in mixed units, all clear of the BMI curve: "
            "one straight line separates them. Ask the class to compare lines that all work."
        ),
        "155cm,85kg;150cm,55kg;165cm,90kg;65in,154lb;175cm,100kg;175cm,80kg;"
        "6.07ft,247lb;185cm,90kg;160cm,95kg;195cm,100kg",
    ),
    _builtin(
        "curved",
        N_("Where the curve bends"),
        N_(
            "Not separable, on purpose: the two not-obese people (4 ft and 7 ft) lie just under "
            "the BMI curve, the obese one in the middle just over it, below the straight line "
            "between them. No weights work; the best is all but one right. Let the class try, "
            "then ask for a hint: it says why, and why networks have more than one neuron."
        ),
        "4ft,43kg;5.5ft,86kg;7ft,134kg;5.5ft,60kg;5.5ft,100kg",
    ),
)
BUILTINS: dict[str, Builtin] = {b.name: b for b in LADDER}
