"""The whole challenge link a page or the API is asked for: which challenge (a built-in
by ``name``, or a teacher's own ``people``, ``title`` and ``lock``) and the learner's
try (``w1``, ``w2``, ``b``, ``activation``, through the lesson's own parser). No Flask.

It sits above both the link's pieces (model.py) and the built-ins (builtins.py, which
are written with those pieces), so neither needs the other's module while loading.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from webapp.challenges.builtins import BUILTINS
from webapp.challenges.model import (
    LEARNER,
    LINK_ORDER,
    MAX_NAME_LENGTH,
    MAX_PEOPLE_LENGTH,
    MAX_TITLE,
    Challenge,
    ChallengeError,
    encode,
    parse_lock,
    parse_people,
    parse_title,
)
from webapp.language import gettext
from webapp.lesson.activations import Activation
from webapp.lesson.params import FormFields, parse_lesson


@dataclass
class ParsedChallenge(FormFields):
    """A challenge link and the learner's try: typed values, or a message per field."""

    raw: dict[str, str]  # what to show back in the forms (capped)
    challenge: Challenge | None = None
    weights: dict[str, float | str | Activation] = field(default_factory=dict)  # w1 … activation
    learner_raw: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    hint: bool = False
    order: ClassVar[tuple[str, ...]] = LINK_ORDER

    def link(self) -> str:
        """The canonical query: the challenge, then the learner's numbers (locked ones
        left out: the link fixes them)."""
        assert self.challenge is not None
        locked = dict(self.challenge.locked)
        learner = {k: v for k, v in self.learner_raw.items() if k not in locked}
        return encode({**self.challenge.link_params(), **learner})

    def effective(self) -> tuple[float, float, float, Activation]:
        """w₁, w₂, b (the locked values win) and the activation."""
        assert self.challenge is not None and self.ok
        values = {**self.weights, **self.challenge.locked_values}
        activation = values["activation"]
        assert isinstance(activation, Activation)
        return float(values["w1"]), float(values["w2"]), float(values["b"]), activation


def _single(args: Mapping[str, Sequence[str]], name: str, errors: dict[str, str]) -> str | None:
    values = list(args.get(name, ()))
    if len(values) > 1:
        errors[name] = gettext("%(name)s was given more than once: give it once.", name=name)
        return None
    return values[0] if values else None


def _parse_own(args: Mapping[str, Sequence[str]], result: ParsedChallenge) -> Challenge | None:
    """A teacher's own challenge from ``people``, ``title`` and ``lock``."""
    texts = {name: _single(args, name, result.errors) for name in ("people", "title", "lock")}
    for name, text in texts.items():
        if text is not None:
            result.raw[name] = text[: MAX_PEOPLE_LENGTH if name == "people" else MAX_TITLE * 2]
    parsed: dict[str, object] = {}
    for name, parser in (("people", parse_people), ("title", parse_title), ("lock", parse_lock)):
        text = texts[name]
        if text is None or name in result.errors:
            continue
        try:
            parsed[name] = parser(text)
        except ChallengeError as error:
            result.errors[error.field] = str(error)
    if texts["people"] is None and "people" not in result.errors:
        result.errors["people"] = gettext("Give the people, like people=5.9ft,80kg;165cm,50kg,0.")
    if result.errors:
        return None
    return Challenge(
        people=parsed["people"],  # type: ignore[arg-type]
        title=parsed.get("title", ""),  # type: ignore[arg-type]
        locked=parsed.get("lock", ()),  # type: ignore[arg-type]
    )


def _parse_learner(args: Mapping[str, Sequence[str]], result: ParsedChallenge) -> None:
    """w1, w2, b and activation through the lesson's parser (defaults when missing)."""
    given = {name: list(args[name]) for name in LEARNER if name in args}
    parsed = parse_lesson(given)
    for name in LEARNER:
        result.learner_raw[name] = parsed.raw[name]
        if name in parsed.errors:
            result.errors[name] = parsed.errors[name]
        else:
            result.weights[name] = parsed.values[name]


def parse_challenge(args: Mapping[str, Sequence[str]]) -> ParsedChallenge:
    """A challenge link and the learner's try, from name → values (a query string).

    ``name`` picks a built-in (then ``people``, ``title`` and ``lock`` are not allowed);
    otherwise ``people`` is required. Unknown parameters are ignored. ``hint`` (any
    value but empty or 0) asks for a hint.
    """
    result = ParsedChallenge(raw={})
    hint = list(args.get("hint", ()))
    result.hint = bool(hint) and hint[-1] not in ("", "0")
    name = _single(args, "name", result.errors)
    if name is not None:
        result.raw["name"] = name[:MAX_NAME_LENGTH]
        mixed = [k for k in ("people", "title", "lock") if k in args]
        if name not in BUILTINS:
            result.errors["name"] = gettext(
                "There is no built-in challenge called %(name)s: pick one of %(names)s.",
                name=repr(name[:MAX_NAME_LENGTH]),
                names=", ".join(BUILTINS),
            )
        elif mixed:
            result.errors[mixed[0]] = gettext(
                "%(name)s cannot change a built-in challenge: leave out name.", name=mixed[0]
            )
        else:
            result.challenge = BUILTINS[name].challenge
    elif "name" not in result.errors:
        result.challenge = _parse_own(args, result)
    _parse_learner(args, result)
    if result.errors:
        result.challenge = result.challenge if not result.errors.keys() - set(LEARNER) else None
    return result
