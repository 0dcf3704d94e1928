"""The widget's parts: THE registry of what ``/embed?parts=`` may show, and its parser.

Each part is one partial template that prints what the page model already holds
(the lesson, and for a picture the picture it names), a label for the embed builder,
and its height in the widget at two widths, measured in Chromium for the worked
example (tests/browser/test_embed_parts_browser.py keeps the estimate within 10 %).
No Flask here: oEmbed and the builder use the same registry.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from webapp.language import gettext, lazy_gettext, ngettext


@dataclass(frozen=True)
class Part:
    """One part of the widget."""

    name: str  # the value in parts=
    label: str  # the embed builder's checkbox (lazy: in each request's language)
    template: str  # the partial that draws it (templates/embed/parts/)
    picture: str | None  # the picture it draws (webapp.pictures.PICTURES), if any
    heights: tuple[int, int]  # its height in px at NARROW and WIDE widths (folded: closed)


# The widths the heights were measured at; between them a height is interpolated.
NARROW, WIDE = 400, 640
# The widget around its parts (header, padding) at NARROW and WIDE.
CHROME = (49, 49)

PARTS: dict[str, Part] = {
    part.name: part
    for part in (
        Part("result", lazy_gettext("The result"), "embed/parts/_result.html", None, (63, 63)),
        Part("form", lazy_gettext("The form"), "embed/parts/_form.html", None, (60, 60)),
        Part("steps", lazy_gettext("The worked steps"), "embed/parts/_steps.html", None, (60, 60)),
        Part(
            "diagram",
            lazy_gettext("The neuron diagram"),
            "embed/parts/_diagram.html",
            "neuron",
            (544, 527),
        ),
        Part(
            "waterfall",
            lazy_gettext("How z adds up"),
            "embed/parts/_waterfall.html",
            "waterfall",
            (360, 401),
        ),
        Part(
            "curve",
            lazy_gettext("The activation curve"),
            "embed/parts/_curve.html",
            "curve",
            (355, 444),
        ),
        Part(
            "plane",
            lazy_gettext("Who it calls Obese"),
            "embed/parts/_plane.html",
            "plane",
            (492, 591),
        ),
        Part(
            "activations",
            lazy_gettext("Every activation"),
            "embed/parts/_activations.html",
            "table",
            (434, 367),
        ),
        Part("luck", lazy_gettext("The luck meter"), "embed/parts/_luck.html", "luck", (482, 467)),
    )
}
# The compact widget a URL without parts shows: the result, the form and the steps,
# each folded to one line that opens on demand.
DEFAULT_PARTS: tuple[str, ...] = ("result", "form", "steps")


class BadParts(ValueError):
    """``parts`` names something that is not a part; the message lists the valid ones."""


def valid_names() -> str:
    """The valid part names, for messages: "result, form, …"."""
    return ", ".join(PARTS)


def parse_parts(values: Sequence[str] | None) -> tuple[str, ...]:
    """``parts`` as the query gave it (None: absent) → the part names, in order.

    Absent → the default parts. Names are comma-separated, spaces around them are
    trimmed, a repeated name counts once (where it first appears). Raises BadParts for
    an unknown name, an empty list, or ``parts`` given more than once.
    """
    if values is None:
        return DEFAULT_PARTS
    if len(values) != 1:
        raise BadParts(
            gettext("Give parts once, as a comma list of: %(names)s.", names=valid_names())
        )
    names = [name.strip() for name in values[0].split(",") if name.strip()]
    if not names:
        raise BadParts(gettext("Choose at least one part: %(names)s.", names=valid_names()))
    unknown = [name for name in names if name not in PARTS]
    if unknown:
        shown = ", ".join(f"“{name[:32]}”" for name in unknown[:3])
        # English has always said "Unknown part" for one or more; the translations
        # have their plural forms.
        raise BadParts(
            ngettext(
                "Unknown part %(parts)s: parts takes a comma list of %(names)s.",
                "Unknown part %(parts)s: parts takes a comma list of %(names)s.",
                len(unknown),
                parts=shown,
                names=valid_names(),
            )
        )
    return tuple(dict.fromkeys(names))


def estimated_height(parts: Sequence[str], width: int) -> int:
    """The widget's height in px at ``width`` for these parts (the worked example).

    Linear between the two measured widths, and held at their values outside them
    (narrower text wraps more, wider pictures grow: each only so much).
    """
    share = min(max((width - NARROW) / (WIDE - NARROW), 0.0), 1.0)

    def at(pair: tuple[int, int]) -> float:
        return pair[0] + share * (pair[1] - pair[0])

    total = at(CHROME) + sum(at(PARTS[name].heights) for name in parts)
    return math.floor(total + 0.5)  # half up, as the builder's script rounds (Math.round)


def height_table() -> dict[str, object]:
    """What ``estimated_height`` knows, for the embed builder's script (as JSON)."""
    return {
        "narrow": NARROW,
        "wide": WIDE,
        "chrome": CHROME,
        "parts": {name: part.heights for name, part in PARTS.items()},
    }
