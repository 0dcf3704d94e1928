"""Rendered page parts that are the same for every browser, kept per page key.

A lesson page is mostly a pure function of its link: the worked steps, the pictures,
the share and embed code. Only the history panel (and its cookie) and the switcher
differ per request. Rendering that common part once per key (web/lesson/page.py
``PageKey``: the canonical link, the language, the worked example or not, the embed
builder's choices) and keeping it in a small LRU lets a link sent to a whole class be
served at little more than the cost of a bare route.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

from flask import Flask, current_app

from webapp.web.caches.lru import LRU

EXTENSION = "neuron_lab_fragments"
V = TypeVar("V")


def init_app(app: Flask) -> None:
    # 256 pages of ~30 KB: under 8 MB per worker. FRAGMENT_CACHE_SIZE=0 turns it off.
    app.extensions[EXTENSION] = LRU[object](int(app.config.get("FRAGMENT_CACHE_SIZE", 256)))


def cached(key: Hashable, render: Callable[[], V]) -> V:
    """The parts for ``key``, rendered on first use (the key must hold everything that
    can change them)."""
    cache: LRU[V] = current_app.extensions[EXTENSION]
    return cache.get_or_make(key, render)
