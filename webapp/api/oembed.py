"""The embed widget's pure logic: which URLs can be embedded, at what size, and the snippet.

No Flask here: the view hands in the site's own base URL and the query values,
so this is tested without a request.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from urllib.parse import parse_qs, urlsplit

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

# The paths whose URLs oEmbed accepts: the lesson page and the widget.
LESSON_PATH = "/"
EMBED_PATH = "/embed"


class NotEmbeddable(ValueError):
    """The URL is not one of this site's lesson or widget URLs."""


class BadDimension(ValueError):
    """maxwidth or maxheight is not a positive whole number."""


@dataclass(frozen=True)
class WidgetOptions:
    """How the widget is presented: whether it shows the form, and its colours."""

    controls: bool = True
    theme: str = "auto"

    def extra(self) -> dict[str, str]:
        """The non-default options as query parameters, to put after the lesson's."""
        extra = {}
        if not self.controls:
            extra["controls"] = "0"
        if self.theme != THEMES[0]:
            extra["theme"] = self.theme
        return extra


def widget_options(args: dict[str, list[str]]) -> WidgetOptions:
    """Read ``controls`` and ``theme``; unknown values are ignored (the default applies)."""
    controls = _first(args, "controls")
    theme = _first(args, "theme")
    return WidgetOptions(
        controls=controls != "0",
        theme=theme if theme in THEMES else THEMES[0],
    )


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


def fit_size(maxwidth: int | None, maxheight: int | None) -> tuple[int, int]:
    """The default size, shrunk to the consumer's limits (oEmbed: never exceed them)."""
    width = DEFAULT_WIDTH if maxwidth is None else min(DEFAULT_WIDTH, maxwidth)
    height = DEFAULT_HEIGHT if maxheight is None else min(DEFAULT_HEIGHT, maxheight)
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
