"""URLs built from a lesson's parameters: share links, embeds, previews."""

from __future__ import annotations

from collections.abc import Mapping

from flask import url_for

from webapp.language import DEFAULT_LANGUAGE, active
from webapp.lesson.params import query_string


def link_lang() -> dict[str, str]:
    """``lang`` on a link made to be given to others (share, embed, preview, oEmbed):
    named only when the page is not in English, so every English link keeps its exact
    form (docs/contract.md)."""
    code = active().code
    return {} if code == DEFAULT_LANGUAGE else {"lang": code}


def add_lang(url: str, lang: Mapping[str, str]) -> str:
    """``url`` with ``lang`` last, unless it names a language already."""
    if not lang or "lang=" in url.partition("?")[2]:
        return url
    return f"{url}{'&' if '?' in url else '?'}lang={lang['lang']}"


def lesson_url(
    endpoint: str,
    raw: Mapping[str, str],
    *,
    external: bool = True,
    named_lang: bool = True,
    **extra: str,
) -> str:
    """The URL of ``endpoint`` naming every lesson parameter, in contract order.

    Extra parameters (``controls=0`` for an embed, say) come after them, and ``lang``
    last when the page is not in English (so English links keep their exact form; the
    embed builder's script, which adds the options itself, asks for none).
    """
    query = query_string(raw)
    if named_lang:
        extra = {**extra, **link_lang()}
    if extra:
        query += "&" + "&".join(f"{name}={value}" for name, value in extra.items())
    return f"{url_for(endpoint, _external=external)}?{query}"


def share_url(raw: Mapping[str, str], *, external: bool = True) -> str:
    """A result's share link: the lesson page with every parameter."""
    return lesson_url("pages.index", raw, external=external)
