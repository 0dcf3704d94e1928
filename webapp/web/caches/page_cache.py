"""Rendered page parts that are the same for every browser, kept per link.

A lesson page is mostly a pure function of its link: the worked steps, the pictures,
the share and embed code. Only the history panel (and its cookie) differ per browser.
Rendering that common part once per link and keeping it in a small LRU lets a link
sent to a whole class be served at little more than the cost of a bare route.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from flask import Flask, current_app
from markupsafe import Markup

from webapp.language import active
from webapp.web.caches.lru import LRU
from webapp.web.languages.request_language import page_lang

EXTENSION = "neuron_lab_fragments"


def init_app(app: Flask) -> None:
    # 256 pages of ~30 KB: under 8 MB per worker. FRAGMENT_CACHE_SIZE=0 turns it off.
    app.extensions[EXTENSION] = LRU[Markup](int(app.config.get("FRAGMENT_CACHE_SIZE", 256)))


def cached(key: Hashable, render: Callable[[], str]) -> Markup:
    """The fragment for ``key`` in the page's language, rendered on first use."""
    cache: LRU[Markup] = current_app.extensions[EXTENSION]
    # Its links and forms name ``lang`` or not (webapp/web/languages/request_language.py page_lang).
    where = (active().code, bool(page_lang()))
    return cache.get_or_make((where, key), lambda: Markup(render()))
