"""The one parser for the contract's query parameters (page, embed, oEmbed, API).

Strict on purpose: a share link must mean exactly one thing, so anything that is
not a plain ASCII decimal number is refused with a message a learner can act on.
No Flask here: it takes a plain mapping of name → list of values.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import ClassVar
from urllib.parse import urlencode

from babel.numbers import format_decimal

from webapp.language import active, gettext, lazy_gettext, local_number
from webapp.lesson.activations import ACTIVATIONS, Activation, lookup
from webapp.lesson.result import Lesson, run_lesson
from webapp.lesson.units import (
    HEIGHT_UNITS,
    MAX_HEIGHT,
    MAX_WEIGHT,
    METRES_PER_FOOT,
    WEIGHT_UNITS,
    to_feet,
)

# The lesson's worked example, as query-string text, in the contract's order. The
# strings are what share links carry, so a link made today keeps its meaning.
LESSON_DEFAULTS: dict[str, str] = {
    "height": "4",
    "height_unit": "ft",
    "weight": "80",
    "weight_unit": "kg",
    "w1": "0.2",
    "w2": "0.00001",
    "b": "1",
    "activation": "sigmoid",
}
PARAMETER_ORDER: tuple[str, ...] = tuple(LESSON_DEFAULTS)
MAX_ABS_PARAMETER = 1_000_000.0
MAX_RAW_LENGTH = 64

_NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_COMMA_DECIMAL = re.compile(r"[+-]?(?:[0-9]+,[0-9]*|,[0-9]+)")
_THOUSANDS = re.compile(r"[+-]?[0-9]{1,3},[0-9]{3}")
_NON_FINITE = re.compile(r"[+-]?(?:nan|inf|infinity)", re.IGNORECASE)
_HEX = re.compile(r"[+-]?0[xX][0-9a-fA-F]*")

# Lazy: each is read in the language of the request that shows it (str() where a real
# str is needed; the API, with no language active, reads English).
LABELS: dict[str, str] = {
    "height": lazy_gettext("Height"),
    "height_unit": lazy_gettext("Height unit"),
    "weight": lazy_gettext("Weight"),
    "weight_unit": lazy_gettext("Weight unit"),
    "w1": lazy_gettext("Weight w₁"),
    "w2": lazy_gettext("Weight w₂"),
    "b": lazy_gettext("Bias b"),
    "activation": lazy_gettext("Activation"),
}
# How the lesson is shown: every step worked, or asked first (predict). Not one of the
# 8 lesson parameters: share links name it only when it is not the default.
MODES: dict[str, str] = {
    "show": lazy_gettext("Show me every step"),
    "predict": lazy_gettext("Let me predict each step first"),
}
DEFAULT_MODE = "show"
MODE_LABEL = lazy_gettext("Mode")
_EXAMPLES = {"height": "5.5", "weight": "70", "w1": "0.2", "w2": "0.00001", "b": "1"}


def choices(name: str) -> dict[str, str]:
    """A choice parameter's accepted values, each with its label for the form
    (read from the registries on every call, so a registered activation is offered)."""
    if name == "activation":
        return {a.name: a.form_label for a in ACTIVATIONS.values()}
    units = HEIGHT_UNITS if name == "height_unit" else WEIGHT_UNITS
    return {unit: unit for unit in units}


CHOICE_PARAMETERS = ("height_unit", "weight_unit", "activation")


class InvalidValue(ValueError):
    """A value that cannot be used; the message is meant for the learner."""


def parse_number(text: str, label: str | None = None, example: str = "1.5") -> float:
    """Parse one strict ASCII decimal number; raise InvalidValue with a clear message in
    the active language (``label`` names the field; ``example``, dot form, is shown
    the language's way: "like 1,5" in German)."""
    label = gettext("The value") if label is None else label
    example_text = local_number(example)
    if len(text) > MAX_RAW_LENGTH:
        raise InvalidValue(
            gettext(
                "%(label)s is too long: use at most %(max)s characters.",
                label=label,
                max=MAX_RAW_LENGTH,
            )
        )
    value = to_dot_form(text).strip(" ")
    if not value:
        raise InvalidValue(
            gettext(
                "%(label)s is empty: enter a number, like %(example)s.",
                label=label,
                example=example_text,
            )
        )
    if _NUMBER.fullmatch(value):
        number = float(value)
        if not math.isfinite(number):
            raise InvalidValue(gettext("%(label)s is too large to compute with.", label=label))
        return number
    raise InvalidValue(_not_a_number(value, label, example_text))


def _not_a_number(value: str, label: str, example: str) -> str:
    """What is wrong with a text that is not a plain decimal number, for the learner."""
    if _THOUSANDS.fullmatch(value):
        # "1,000" may mean a thousand or (in much of Europe) one: say both ways.
        return gettext(
            "%(label)s uses a comma: write %(thousands)s for thousands, "
            "or %(decimal)s with a dot for decimals.",
            label=label,
            thousands=value.replace(",", ""),
            decimal=value.replace(",", "."),
        )
    if _COMMA_DECIMAL.fullmatch(value):
        return gettext(
            "%(label)s uses a comma: use a dot for decimals, like %(example)s.",
            label=label,
            example=value.replace(",", ".").rstrip("."),
        )
    if _NON_FINITE.fullmatch(value):
        return gettext(
            "%(label)s must be a finite number, like %(example)s.", label=label, example=example
        )
    plain = to_dot_form(value.replace("_", ""))
    if "_" in value and _NUMBER.fullmatch(plain):
        return gettext(
            "%(label)s: leave out the underscores, like %(example)s.",
            label=label,
            example=local_number(plain),
        )
    if _HEX.fullmatch(value):
        return gettext("%(label)s must be a decimal number, not hexadecimal.", label=label)
    if not value.isascii() and active().decimal_comma:
        return gettext(
            "%(label)s must be written with the digits 0–9, a comma or a dot, "
            "and an optional sign.",
            label=label,
        )
    if not value.isascii():
        return gettext(
            "%(label)s must be written with the digits 0–9, a dot and an optional sign.",
            label=label,
        )
    return gettext("%(label)s must be a number, like %(example)s.", label=label, example=example)


def _format_limit(limit: float) -> str:
    """A limit as a person reads it in the active language: 304.8 (304,8), 1,000,000."""
    if limit < 1e6:
        return local_number(f"{limit:g}")
    return format_decimal(limit, format="#,##0", locale=active().locale)


class FormFields:
    """What any parsed form offers its view and template: whether it is valid, and the
    field that gets the focus. Subclasses name their fields' order."""

    order: ClassVar[tuple[str, ...]]
    errors: dict[str, str]

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def first_error(self) -> str | None:
        """The first invalid field in form order (it gets the focus)."""
        return next((name for name in self.order if name in self.errors), None)


@dataclass
class ParsedLesson(FormFields):
    """The outcome of parsing: typed values or a message per field."""

    raw: dict[str, str]  # what to show back in the form (trimmed, capped)
    # numbers as floats, units as their names, the activation as the registry's object
    values: dict[str, float | str | Activation] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    given: bool = False  # whether any contract parameter was present
    mode: str = DEFAULT_MODE  # "show" or "predict" (only when parsed with_mode)
    order: ClassVar[tuple[str, ...]] = (*PARAMETER_ORDER, "mode")

    @property
    def predict(self) -> bool:
        return self.mode == "predict"

    def options(self, name: str) -> dict[str, str]:
        """A choice field's values and their labels, for the form's select."""
        return choices(name)

    def lesson(self) -> Lesson:
        """Run the lesson for valid input."""
        if self.errors:
            raise ValueError("cannot run a lesson with invalid parameters")
        return run_lesson(raw=self.raw, **self.values)  # type: ignore[arg-type]


def parse_lesson(
    args: Mapping[str, Sequence[str]], *, ignore: Sequence[str] = (), with_mode: bool = False
) -> ParsedLesson:
    """Parse the contract's parameters from name → values (as in a query string).

    Missing parameters take their defaults; unknown ones are ignored, and so are
    the names in ``ignore`` (the random-weights route draws its own w and b).
    ``with_mode``: also read ``mode`` (the page and the widget; the API has none).
    """
    given = any(name in args for name in PARAMETER_ORDER)
    result = ParsedLesson(raw={}, given=given)
    for name in PARAMETER_ORDER:
        values = [] if name in ignore else list(args.get(name, ()))
        if len(values) > 1:
            result.raw[name] = _redisplay(values[0])
            result.errors[name] = _given_twice(LABELS[name])
            continue
        text = to_dot_form(values[0]) if values else LESSON_DEFAULTS[name]
        result.raw[name] = _redisplay(text)
        try:
            result.values[name] = _parse_field(name, text)
        except InvalidValue as error:
            result.errors[name] = str(error)
    _check_ranges(result)
    if with_mode:
        _parse_mode(result, list(args.get("mode", ())))
    return result


def _parse_mode(result: ParsedLesson, values: list[str]) -> None:
    if len(values) > 1:
        result.errors["mode"] = _given_twice(MODE_LABEL)
        return
    mode = values[0].strip(" ") if values else DEFAULT_MODE
    if mode not in MODES:
        result.errors["mode"] = _one_of(MODE_LABEL, MODES)
        return
    result.mode = mode


def _given_twice(label: str) -> str:
    return gettext("%(label)s was given more than once: give it once.", label=label)


def _one_of(label: str, accepted: Mapping[str, object]) -> str:
    """A choice outside the accepted values (the values are names in links: untranslated)."""
    return gettext(
        "%(label)s must be one of: %(choices)s.", label=label, choices=", ".join(accepted)
    )


def query_string(raw: Mapping[str, str]) -> str:
    """The share link's query: every parameter, in the contract's order."""
    return _encoded(tuple(raw[name] for name in PARAMETER_ORDER))


@lru_cache(maxsize=1024)
def _encoded(values: tuple[str, ...]) -> str:
    # Every page, history entry and API answer names its link several times, and
    # urlencode's quoting is a visible share of a cached page's cost: encode once.
    return urlencode(list(zip(PARAMETER_ORDER, values, strict=True)))


def _redisplay(text: str) -> str:
    """The value as the learner typed it, trimmed and never echoed back whole if huge."""
    return text.strip(" ")[:MAX_RAW_LENGTH]


def to_dot_form(text: str) -> str:
    """A decimal comma (80,5) as the dot the links carry (80.5), in a language that
    writes one; any other text as it is (an English page still says "use a dot")."""
    trimmed = text.strip(" ")
    if active().decimal_comma and _COMMA_DECIMAL.fullmatch(trimmed):
        return trimmed.replace(",", ".")
    return text


def _parse_field(name: str, text: str) -> float | str | Activation:
    if name in CHOICE_PARAMETERS:
        choice, accepted = text.strip(" "), choices(name)
        if choice not in accepted:
            raise InvalidValue(_one_of(LABELS[name], accepted))
        return lookup(choice) if name == "activation" else choice
    return parse_number(text, LABELS[name], _EXAMPLES[name])


def _check_ranges(result: ParsedLesson) -> None:
    values, errors = result.values, result.errors
    for name, unit_name, limits in (
        ("height", "height_unit", MAX_HEIGHT),
        ("weight", "weight_unit", MAX_WEIGHT),
    ):
        if name in values and unit_name in values:
            value, unit = values[name], str(values[unit_name])
            assert isinstance(value, float)
            if not 0 < value <= limits[unit]:
                errors[name] = gettext(
                    "%(label)s must be more than 0 and at most %(limit)s %(unit)s.",
                    label=LABELS[name],
                    limit=_format_limit(limits[unit]),
                    unit=unit,
                )
    height = values.get("height")
    if isinstance(height, float) and "height_unit" in values and "height" not in errors:
        # "> 0" lets through heights like 1e-160 ft whose BMI, kg / m², divides by
        # zero or overflows: refuse them here so page, widget and API agree.
        metres = to_feet(height, str(values["height_unit"])) * METRES_PER_FOOT
        if metres * metres == 0 or not math.isfinite(MAX_WEIGHT["kg"] / (metres * metres)):
            errors["height"] = gettext(
                "%(label)s is too small to compute a BMI with: "
                "enter a real height, like %(example)s.",
                label=LABELS["height"],
                example=local_number(_EXAMPLES["height"]),
            )
    for name in ("w1", "w2", "b"):
        value = values.get(name)
        if isinstance(value, float) and abs(value) > MAX_ABS_PARAMETER:
            limit = _format_limit(MAX_ABS_PARAMETER)
            errors[name] = gettext(
                "%(label)s must be between %(low)s and %(high)s.",
                label=LABELS[name],
                low="−" + limit,
                high=limit,
            )
    for name in errors:
        values.pop(name, None)
