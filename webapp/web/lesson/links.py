"""URLs built from a lesson's parameters: share links, embeds, previews.

Each takes the ``lang`` its caller's rule gives (``current().shared`` for a link given
to others, ``current().own`` for the site's own redirects: web/languages/
request_language.py), so oEmbed can build a snippet in the language of the URL it was
asked about rather than the request's.
"""

from __future__ import annotations

from collections.abc import Mapping

from flask import url_for

from webapp.lesson.params import query_string


def lesson_url(
    endpoint: str,
    raw: Mapping[str, str],
    lang: Mapping[str, str],
    /,
    *,
    external: bool = True,
    **extra: str,
) -> str:
    """The URL of ``endpoint`` naming every lesson parameter, in contract order.

    Extra parameters (``controls=0`` for an embed, say) come after them, and ``lang``
    last (where an extra names it already, a widget passing its own on, in its place).
    """
    query = query_string(raw)
    extra = {**extra, **lang}
    if extra:
        query += "&" + "&".join(f"{name}={value}" for name, value in extra.items())
    return f"{url_for(endpoint, _external=external)}?{query}"


def share_url(raw: Mapping[str, str], lang: Mapping[str, str], *, external: bool = True) -> str:
    """A result's share link: the lesson page with every parameter."""
    return lesson_url("pages.index", raw, lang, external=external)
