"""A challenge link's pieces, each parsed strictly, and the link written back in one
canonical form (the whole link, built-ins included, is read by link.py). No Flask.

``people`` lists 1–12 people, ``;``-separated, each ``height<unit>,weight<unit>[,label]``
(``5.9ft,80kg;165cm,50kg,0``); without a label the BMI rule decides. ``title`` is at
most 80 characters. ``lock`` is a comma list of ``w1``, ``w2``, ``b``, each bare (locked
at the lesson's default) or with its value (``w1:0.2``). Heights, weights and numbers go
through the lesson's own parser (webapp/lesson/params.py), so the limits and messages
are the lesson's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from babel.numbers import format_decimal

from webapp.language import active, gettext, lazy_gettext, local_number
from webapp.lesson.bmi import WHO_OBESE_BMI
from webapp.lesson.numbers import minus
from webapp.lesson.params import (
    LESSON_DEFAULTS,
    MAX_ABS_PARAMETER,
    InvalidValue,
    parse_lesson,
    parse_number,
)
from webapp.lesson.units import METRES_PER_FOOT, to_feet, to_kg

MAX_PEOPLE = 12
MAX_TITLE = 80
MAX_PEOPLE_LENGTH = 600  # 12 people of 50 characters: far more than any real link needs
MAX_LOCK_LENGTH = 200
MAX_NAME_LENGTH = 64
WEIGHTS = ("w1", "w2", "b")
LEARNER = ("w1", "w2", "b", "activation")
# The order of a canonical link's parameters: the challenge, then the learner's try.
LINK_ORDER = ("name", "people", "title", "lock", *LEARNER)
_HEIGHT_SUFFIXES = ("cm", "ft", "in", "m")  # "cm" before "m"
_WEIGHT_SUFFIXES = ("kg", "lb")
_LABEL_WORDS = {"1": True, "0": False}
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")  # control characters and line breaks
# Bidirectional controls: embeddings and overrides (U+202A–U+202E), isolates (U+2066–
# U+2069) and marks (U+200E, U+200F, U+061C). A title holding one could turn the text
# after it around wherever it is shown (the page's <title> and <h1>, the widget, oEmbed):
# they are taken out, so the link's canonical form has none either.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
# A locked number's name at the start of a sentence ("… is empty: enter a number").
_LOCKED_LABELS = {
    "w1": lazy_gettext("The locked Weight w₁"),
    "w2": lazy_gettext("The locked Weight w₂"),
    "b": lazy_gettext("The locked Bias b"),
}


@dataclass(frozen=True)
class Person:
    """One person of a challenge, as typed, and the neuron's features."""

    height: str  # the number as typed (trimmed)
    height_unit: str
    weight: str
    weight_unit: str
    given_label: bool | None  # the link's label, or None: the BMI rule decides
    height_ft: float
    weight_kg: float

    @property
    def bmi(self) -> float:
        metres = self.height_ft * METRES_PER_FOOT
        return self.weight_kg / (metres * metres)

    @property
    def label(self) -> bool:
        """True: obese. The link's label if it gives one, else BMI ≥ 30."""
        return self.given_label if self.given_label is not None else self.bmi >= WHO_OBESE_BMI

    @property
    def labelled_by_bmi(self) -> bool:
        return self.given_label is None

    @property
    def text(self) -> str:
        """The person in the link's form: ``5.9ft,80kg`` or ``165cm,50kg,0``."""
        label = "" if self.given_label is None else f",{int(self.given_label)}"
        return f"{self.height}{self.height_unit},{self.weight}{self.weight_unit}{label}"

    @property
    def description(self) -> str:
        """The person for people to read: ``5.9 ft, 80 kg`` (5,9 ft in German and Spanish)."""
        height, weight = local_number(self.height), local_number(self.weight)
        return f"{height} {self.height_unit}, {weight} {self.weight_unit}"


@dataclass(frozen=True)
class Challenge:
    """A table of labelled people, a title and the numbers the link fixes."""

    people: tuple[Person, ...]
    title: str = ""
    locked: tuple[tuple[str, str], ...] = ()  # (name, value as typed), in w1, w2, b order
    name: str | None = None  # a built-in's name, or None for a teacher's own

    @property
    def locked_values(self) -> dict[str, float]:
        return {name: float(value) for name, value in self.locked}

    @property
    def people_text(self) -> str:
        return ";".join(p.text for p in self.people)

    @property
    def lock_text(self) -> str:
        return ",".join(f"{name}:{value}" for name, value in self.locked)

    def link_params(self) -> dict[str, str]:
        """The challenge's own query: ``name`` for a built-in, else people, title, lock."""
        if self.name is not None:
            return {"name": self.name}
        params = {"people": self.people_text}
        if self.title:
            params["title"] = self.title
        if self.locked:
            params["lock"] = self.lock_text
        return params


def encode(params: Mapping[str, str]) -> str:
    """A query string that keeps ``;``, ``,`` and ``:`` readable (they are safe there)."""
    ordered = [(k, params[k]) for k in LINK_ORDER if k in params]
    return urlencode(ordered, quote_via=quote, safe=";,:")


class ChallengeError(ValueError):
    """One field of a challenge link is invalid; ``field`` names it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def _split_unit(text: str, suffixes: Sequence[str], what: str, index: int) -> tuple[str, str]:
    piece = text.strip(" ")
    for unit in suffixes:
        if piece.endswith(unit) and len(piece) > len(unit):
            return piece[: -len(unit)].strip(" "), unit
    if what == "height":
        message = gettext(
            "Person %(index)s: the height %(piece)s needs a unit right after the number "
            "(%(units)s), like 170cm.",
            index=index,
            piece=repr(piece[:20]),
            units=", ".join(sorted(suffixes)),
        )
    else:
        message = gettext(
            "Person %(index)s: the weight %(piece)s needs a unit right after the number "
            "(%(units)s), like 70kg.",
            index=index,
            piece=repr(piece[:20]),
            units=", ".join(sorted(suffixes)),
        )
    raise ChallengeError("people", message)


def _check_parts(text: str, parts: list[str], index: int) -> None:
    """A person is two or three comma-separated parts; ChallengeError otherwise."""
    if not text.strip(" "):
        raise ChallengeError(
            "people",
            gettext("Person %(index)s is empty: write height,weight like 170cm,70kg.", index=index),
        )
    if len(parts) == 1:
        raise ChallengeError(
            "people",
            gettext(
                "Person %(index)s needs a height and a weight with a comma between them, "
                "like 170cm,70kg.",
                index=index,
            ),
        )
    if len(parts) not in (2, 3):
        raise ChallengeError(
            "people",
            gettext(
                "Person %(index)s has %(parts)s parts: give height,weight or "
                "height,weight,label (like 170cm,70kg,1); use a dot for decimals, not a comma.",
                index=index,
                parts=len(parts),
            ),
        )


def parse_person(text: str, index: int) -> Person:
    """One ``height<unit>,weight<unit>[,label]``; ChallengeError with a message."""
    parts = text.split(",")
    _check_parts(text, parts, index)
    height, height_unit = _split_unit(parts[0], _HEIGHT_SUFFIXES, "height", index)
    weight, weight_unit = _split_unit(parts[1], _WEIGHT_SUFFIXES, "weight", index)
    label = None
    if len(parts) == 3:
        word = parts[2].strip(" ")
        if word not in _LABEL_WORDS:
            raise ChallengeError(
                "people",
                gettext(
                    "Person %(index)s: the label must be 1 (obese) or 0 (not obese), or left out.",
                    index=index,
                ),
            )
        label = _LABEL_WORDS[word]
    checked = parse_lesson(
        {
            "height": [height],
            "height_unit": [height_unit],
            "weight": [weight],
            "weight_unit": [weight_unit],
        }
    )
    for name in ("height", "weight"):
        if name in checked.errors:
            raise ChallengeError(
                "people",
                gettext("Person %(index)s: %(problem)s", index=index, problem=checked.errors[name]),
            )
    h, w = float(checked.values["height"]), float(checked.values["weight"])
    return Person(
        height=checked.raw["height"],
        height_unit=height_unit,
        weight=checked.raw["weight"],
        weight_unit=weight_unit,
        given_label=label,
        height_ft=to_feet(h, height_unit),
        weight_kg=to_kg(w, weight_unit),
    )


def parse_people(text: str) -> tuple[Person, ...]:
    if len(text) > MAX_PEOPLE_LENGTH:
        raise ChallengeError(
            "people",
            gettext(
                "The list of people is too long: use at most %(max)s characters.",
                max=MAX_PEOPLE_LENGTH,
            ),
        )
    if not text.strip(" "):
        raise ChallengeError("people", gettext("Give at least one person, like 170cm,70kg."))
    pieces = text.split(";")
    if len(pieces) > MAX_PEOPLE:
        raise ChallengeError(
            "people",
            gettext(
                "%(count)s people is too many: a challenge has 1 to %(max)s.",
                count=len(pieces),
                max=MAX_PEOPLE,
            ),
        )
    return tuple(parse_person(piece, i) for i, piece in enumerate(pieces, start=1))


def parse_title(text: str) -> str:
    title = _BIDI.sub("", text).strip(" ")
    if len(title) > MAX_TITLE:
        raise ChallengeError(
            "title",
            gettext(
                "The title is %(length)s characters long: use at most %(max)s.",
                length=len(title),
                max=MAX_TITLE,
            ),
        )
    if _CONTROL.search(title):
        raise ChallengeError(
            "title", gettext("The title may not hold control characters or line breaks.")
        )
    return title


def _out_of_range(label: str) -> str:
    """``label`` must be within ±1,000,000 (grouped the page's way: 1.000.000 in German)."""
    limit = format_decimal(int(MAX_ABS_PARAMETER), locale=active().locale)
    return gettext(
        "%(label)s must be between %(low)s and %(high)s.",
        label=label,
        low=minus("-" + limit),
        high=limit,
    )


def parse_lock(text: str) -> tuple[tuple[str, str], ...]:
    """``w1,w2`` or ``w1:0.2,b:-8`` → ((name, value as typed), …) in w1, w2, b order."""
    if len(text) > MAX_LOCK_LENGTH:
        raise ChallengeError(
            "lock",
            gettext("lock is too long: use at most %(max)s characters.", max=MAX_LOCK_LENGTH),
        )
    found: dict[str, str] = {}
    for entry in text.split(","):
        name, _, value = entry.strip(" ").partition(":")
        name = name.strip(" ")
        if name not in WEIGHTS:
            raise ChallengeError(
                "lock",
                gettext(
                    "lock names %(name)s: it can lock only w1, w2 and b (like lock=w1,w2).",
                    name=repr(name[:20]),
                ),
            )
        if name in found:
            raise ChallengeError(
                "lock", gettext("lock names %(name)s twice: name it once.", name=name)
            )
        value = value.strip(" ") if _ else LESSON_DEFAULTS[name]
        label = str(_LOCKED_LABELS[name])
        try:
            number = parse_number(value, label, LESSON_DEFAULTS[name])
        except InvalidValue as error:
            raise ChallengeError("lock", str(error)) from None
        if abs(number) > MAX_ABS_PARAMETER:
            raise ChallengeError("lock", _out_of_range(label))
        found[name] = value
    return tuple((name, found[name]) for name in WEIGHTS if name in found)
