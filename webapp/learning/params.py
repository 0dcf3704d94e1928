"""Parsing the learning page's parameters: lr, epochs, n, seed.

The same strictness as the lesson's parser (webapp.lesson.params), with bounds that
keep one request's training cheap on a shared server.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from babel.numbers import format_decimal

from webapp.language import active, gettext, lazy_gettext, local_number
from webapp.learning.descent import DEFAULTS, LIMITS, TrainingSettings
from webapp.lesson.params import MAX_RAW_LENGTH, FormFields, InvalidValue, parse_number

ORDER: tuple[str, ...] = ("lr", "epochs", "n", "seed")
# Lazy: each request's language (the API, which activates none, reads English).
LABELS = {
    "lr": lazy_gettext("Learning rate"),
    "epochs": lazy_gettext("Epochs"),
    "n": lazy_gettext("Number of people"),
    "seed": lazy_gettext("Seed"),
}
INTEGERS = frozenset({"epochs", "n", "seed"})


@dataclass
class ParsedTraining(FormFields):
    raw: dict[str, str]
    values: dict[str, float | int] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    order: ClassVar[tuple[str, ...]] = ORDER

    def hint(self, name: str) -> str:
        """The accepted range, shown under the field: "1 to 5,000" ("1 bis 5.000")."""
        low, high = LIMITS[name]
        return gettext("%(low)s to %(high)s", low=_limit_text(low), high=_limit_text(high))

    @property
    def settings(self) -> TrainingSettings:
        """The typed settings of a valid form."""
        if self.errors:
            raise ValueError("cannot train with invalid parameters")
        return TrainingSettings(**self.values)  # type: ignore[arg-type]


def _limit_text(value: float) -> str:
    """A limit in the active language: 5,000 and 0.0001 in English, 5.000 and 0,0001 in German."""
    if isinstance(value, int):
        return format_decimal(value, locale=active().locale)
    return local_number(f"{value:g}")


def parse_training(args: Mapping[str, Sequence[str]]) -> ParsedTraining:
    """Typed values, or a message per field, for the learning page and its API."""
    result = ParsedTraining(raw={})
    for name in ORDER:
        values = list(args.get(name, ()))
        text = values[0] if values else str(DEFAULTS[name])
        result.raw[name] = text.strip(" ")[:MAX_RAW_LENGTH]
        if len(values) > 1:
            result.errors[name] = gettext(
                "%(label)s was given more than once: give it once.", label=LABELS[name]
            )
            continue
        low, high = LIMITS[name]
        try:
            number = parse_number(text, str(LABELS[name]), local_number(str(DEFAULTS[name])))
        except InvalidValue as error:
            result.errors[name] = str(error)
            continue
        if name in INTEGERS and not number.is_integer():
            result.errors[name] = gettext("%(label)s must be a whole number.", label=LABELS[name])
        elif not low <= number <= high:
            result.errors[name] = gettext(
                "%(label)s must be between %(low)s and %(high)s.",
                label=LABELS[name],
                low=_limit_text(low),
                high=_limit_text(high),
            )
        else:
            result.values[name] = int(number) if name in INTEGERS else number
    return result
