"""The embed widget's pure logic: which URLs can be embedded, at what size, and the snippet.

No Flask here: the view hands in the site's own base URL and the query values,
so this is tested without a request.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from urllib.parse import parse_qs, urlsplit

from webapp.api.embed_parts import DEFAULT_PARTS, PARTS, BadParts, estimated_height, parse_parts

# The widget's size when the consumer sets no limit. 640 px is a typical article
# column; the host script grows or shrinks the height to the content anyway.
DEFAULT_WIDTH = 640
DEFAULT_HEIGHT = 900
# oEmbed's answer may be cached this long: a URL names every parameter, so its
# result never changes.
CACHE_AGE = 86_400

# The widget's themes, the default first. Presentation options are not part of
# the lesson's contract: an unknown value falls back to the default.
THEMES = ("auto", "light", "dark")
# Options of other features that the widget passes on untouched (its form, Random
# weights, oEmbed's snippet), each with the values that may travel: anything else is
# dropped, so nothing unexpected is ever echoed into a URL.
PASSED_ON: dict[str, tuple[str, ...]] = {"mode": ("predict",), "lang": ("en", "de", "es")}

# The paths whose URLs oEmbed accepts: the lesson page and the widget.
LESSON_PATH = "/"
EMBED_PATH = "/embed"


class NotEmbeddable(ValueError):
    """The URL is not one of this site's lesson or widget URLs."""


class BadDimension(ValueError):
    """maxwidth or maxheight is not a positive whole number."""


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


def widget_options(args: dict[str, list[str]]) -> WidgetOptions:
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


def builder_options(args: dict[str, list[str]]) -> tuple[WidgetOptions, int]:
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
    return options, int(width) if width in {str(w) for w in BUILDER_WIDTHS} else DEFAULT_WIDTH


def embeddable_query(url: str, site_url: str) -> tuple[dict[str, list[str]], bool]:
    """The query values of ``url`` if it is this site's lesson or widget URL.

    ``site_url`` is the site's root as the request saw it (``request.host_url``);
    the scheme and host (with port) must match it exactly, and the path must be
    the lesson's or the widget's under that root. Returns the query as name →
    values and whether the URL is the widget's. Raises NotEmbeddable otherwise.
    """
    try:
        parts, site = urlsplit(url.strip()), urlsplit(site_url)
    except ValueError as error:  # an invalid IPv6 host, say
        raise NotEmbeddable("That is not a valid URL.") from error
    if (parts.scheme.lower(), parts.netloc.lower()) != (site.scheme.lower(), site.netloc.lower()):
        raise NotEmbeddable("Only this site's lesson and widget URLs can be embedded.")
    root = site.path.rstrip("/")
    path = parts.path or "/"
    if path not in (root + LESSON_PATH, root + EMBED_PATH):
        raise NotEmbeddable("Only the lesson page (/) and the widget (/embed) can be embedded.")
    return parse_qs(parts.query, keep_blank_values=True), path == root + EMBED_PATH


CHALLENGE_PATHS = ("/challenge", "/embed/challenge")


def challenge_query(url: str, site_url: str) -> dict[str, list[str]] | None:
    """The query of ``url`` if it is this site's challenge page or challenge widget,
    else None (then ``embeddable_query`` decides). The same scheme and host rules."""
    try:
        parts, site = urlsplit(url.strip()), urlsplit(site_url)
    except ValueError:
        return None
    if (parts.scheme.lower(), parts.netloc.lower()) != (site.scheme.lower(), site.netloc.lower()):
        return None
    root = site.path.rstrip("/")
    if parts.path not in tuple(root + path for path in CHALLENGE_PATHS):
        return None
    return parse_qs(parts.query, keep_blank_values=True)


def parse_dimension(text: str | None) -> int | None:
    """A maxwidth or maxheight: absent or empty → None, else a positive integer."""
    if text is None or text.strip() == "":
        return None
    value = text.strip()
    # Length first: int() refuses strings of thousands of digits (and no screen has
    # a billion pixels), so anything longer is simply not a size.
    if not (value.isascii() and value.isdigit() and len(value) <= 9) or int(value) < 1:
        raise BadDimension("must be a positive whole number of pixels")
    return int(value)


def fit_size(
    maxwidth: int | None, maxheight: int | None, parts: tuple[str, ...] | None = None
) -> tuple[int, int]:
    """The widget's size, shrunk to the consumer's limits (oEmbed: never exceed them).

    With ``parts``, the height is the widget's own for those parts at that width
    (``embed_parts.estimated_height``), so the iframe shows it whole without the host
    script; without, the old default (a lesson page URL's full widget).
    """
    width = DEFAULT_WIDTH if maxwidth is None else min(DEFAULT_WIDTH, maxwidth)
    natural = DEFAULT_HEIGHT if parts is None else estimated_height(parts, width)
    height = natural if maxheight is None else min(natural, maxheight)
    return width, height


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


def _first(args: dict[str, list[str]], name: str) -> str | None:
    values = args.get(name)
    return values[0] if values else None
