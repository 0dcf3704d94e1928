"""oEmbed's pure rules: which URLs can be embedded, and at what size.

No Flask here: the view hands in the site's own base URL and the query values,
so this is tested without a request. The widget's options and its snippet are
webapp/widget/options.py; its parts and their heights, webapp/widget/parts.py.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from webapp.widget.options import DEFAULT_HEIGHT, DEFAULT_WIDTH
from webapp.widget.parts import estimated_height

# oEmbed's answer may be cached this long: a URL names every parameter, so its
# result never changes.
CACHE_AGE = 86_400

# The paths whose URLs oEmbed accepts: the lesson page and the widget.
LESSON_PATH = "/"
EMBED_PATH = "/embed"


class NotEmbeddable(ValueError):
    """The URL is not one of this site's lesson or widget URLs."""


class BadDimension(ValueError):
    """maxwidth or maxheight is not a positive whole number."""


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
