"""How the widget is presented: its options, the embed builder's choices and the snippet.

No Flask here: the views hand in the query values, so this is tested without a request.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from html import escape

from webapp.language import LANGUAGES
from webapp.widget.parts import DEFAULT_PARTS, PARTS, BadParts, parse_parts

# The widget's size when the consumer sets no limit. 640 px is a typical article
# column; the host script grows or shrinks the height to the content anyway.
DEFAULT_WIDTH = 640
DEFAULT_HEIGHT = 900

# The widget's themes, the default first. Presentation options are not part of
# the lesson's contract: an unknown value falls back to the default.
THEMES = ("auto", "light", "dark")
# Options of other features that the widget passes on untouched (its form, Random
# weights, oEmbed's snippet), each with the values that may travel: anything else is
# dropped, so nothing unexpected is ever echoed into a URL. ``lang`` takes the language
# registry itself, so a language added to it travels too.
PASSED_ON: Mapping[str, Collection[str]] = {"mode": ("predict",), "lang": LANGUAGES}


@dataclass(frozen=True)
class WidgetOptions:
    """How the widget is presented: its parts, whether it shows the form, its colours,
    and the other features' options it passes on (``mode``, ``lang``)."""

    controls: bool = True
    theme: str = "auto"
    parts: tuple[str, ...] = DEFAULT_PARTS
    passed_on: tuple[tuple[str, str], ...] = ()
    errors: dict[str, str] = field(default_factory=dict)  # parts that cannot be shown

    def extra(self) -> dict[str, str]:
        """The non-default options as query parameters, to put after the lesson's."""
        extra = {}
        if not self.controls:
            extra["controls"] = "0"
        if self.theme != THEMES[0]:
            extra["theme"] = self.theme
        if self.parts != DEFAULT_PARTS:
            extra["parts"] = ",".join(self.parts)
        extra.update(self.passed_on)
        return extra

    @property
    def shown_parts(self) -> tuple[str, ...]:
        """The parts drawn: ``controls=0`` hides the form."""
        return tuple(name for name in self.parts if self.controls or name != "form")


def widget_options(args: Mapping[str, list[str]]) -> WidgetOptions:
    """Read the widget's options. ``controls`` and ``theme``: unknown values are ignored
    (the default applies). ``parts``: an unknown part is an error (``errors``), and the
    default parts stand in for it."""
    controls = _first(args, "controls")
    theme = _first(args, "theme")
    errors = {}
    try:
        parts = parse_parts(args.get("parts"))
    except BadParts as error:
        parts, errors = DEFAULT_PARTS, {"parts": str(error)}
    passed_on = tuple(
        (name, value)
        for name, allowed in PASSED_ON.items()
        if (value := _first(args, name)) in allowed and len(args[name]) == 1
    )
    return WidgetOptions(
        controls=controls != "0",
        theme=theme if theme in THEMES else THEMES[0],
        parts=parts,
        passed_on=passed_on,
        errors=errors,
    )


# The embed builder's widths (px): from a phone's column to the default.
BUILDER_WIDTHS = (320, 400, 480, 560, DEFAULT_WIDTH)
# The builder's fields on the lesson page, prefixed so they never meet the lesson's
# parameters: embed_<option> → the widget's <option>.
BUILDER_PREFIX = "embed_"


@dataclass(frozen=True)
class BuilderChoices:
    """The embed builder's choices on a lesson page: the widget's options and its width."""

    options: WidgetOptions = WidgetOptions()
    width: int = DEFAULT_WIDTH

    @property
    def key(self) -> tuple[object, ...]:
        """What of the choices changes the page (for the page cache)."""
        return (tuple(self.options.extra().items()), self.width)

    def fields(self) -> tuple[tuple[str, str], ...]:
        """The choices as the builder's form sends them (``builder_options`` reads them
        back), the defaults left out: the page's own parameters for its links."""
        extra = self.options.extra()
        parts = extra.pop("parts", "")
        pairs = [(BUILDER_PREFIX + "parts", name) for name in parts.split(",") if name]
        pairs += [(BUILDER_PREFIX + name, value) for name, value in extra.items()]
        if self.width != DEFAULT_WIDTH:
            pairs.append((BUILDER_PREFIX + "width", str(self.width)))
        return tuple(pairs)


def builder_options(args: Mapping[str, list[str]]) -> BuilderChoices:
    """The embed builder's choices (``embed_parts`` checkboxes, ``embed_controls``,
    ``embed_theme``, ``embed_mode``, ``embed_width``) as widget options and a width.

    Lenient, as a form's leftovers should be: unknown parts are dropped, none chosen
    means the default parts, an unknown width means the default.
    """
    chosen = [name for name in args.get("embed_parts", []) if name in PARTS]
    options = widget_options(
        {
            name.removeprefix(BUILDER_PREFIX): values[:1]
            for name, values in args.items()
            if name.startswith(BUILDER_PREFIX) and name != "embed_parts"
        }
        | ({"parts": [",".join(chosen)]} if chosen else {})
    )
    width = _first(args, "embed_width")
    valid = width in {str(w) for w in BUILDER_WIDTHS}
    return BuilderChoices(options, int(width) if valid and width else DEFAULT_WIDTH)


def snippet(
    src: str, title: str, host_script: str, width: int, height: int, max_height: int | None = None
) -> str:
    """The embed code: the iframe, plus the host script that sizes it to its content.

    Without the script (or without JavaScript) the iframe keeps ``height`` and
    scrolls inside. With ``max_height`` (oEmbed's maxheight) the host script never
    grows it past that, so the consumer's limit holds.
    """
    limit = "" if max_height is None else f' data-max-height="{max_height}"'
    return (
        f'<iframe src="{escape(src)}" title="{escape(title)}" width="{width}" '
        f'height="{height}"{limit} loading="lazy"></iframe>\n'
        f'<script src="{escape(host_script)}" async></script>'
    )


def _first(args: Mapping[str, list[str]], name: str) -> str | None:
    values = args.get(name)
    return values[0] if values else None
