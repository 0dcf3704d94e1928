"""Rendered page parts that are the same for every browser, kept per link.

A lesson page is mostly a pure function of its link: the worked steps, the pictures,
the share and embed code. Only the history panel (and its cookie) differ per browser.
Rendering that common part once per link and keeping it in a small LRU lets a link
sent to a whole class be served at little more than the cost of a bare route.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from flask import Flask, current_app
from markupsafe import Markup

EXTENSION = "neuron_lab_fragments"


class FragmentCache:
    """A thread-safe LRU of rendered fragments."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Markup] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_render(self, key: Hashable, render: Callable[[], str]) -> Markup:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        fragment = Markup(render())  # rendered outside the lock: it takes milliseconds
        with self._lock:
            self._items[key] = fragment
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return fragment

    def __len__(self) -> int:
        return len(self._items)


def init_app(app: Flask) -> None:
    # 256 pages of ~30 KB: under 8 MB per worker. FRAGMENT_CACHE_SIZE=0 turns it off.
    app.extensions[EXTENSION] = FragmentCache(int(app.config.get("FRAGMENT_CACHE_SIZE", 256)))


def cached(key: Hashable, render: Callable[[], str]) -> Markup:
    """The fragment for ``key``, rendered by ``render`` on first use."""
    cache: FragmentCache = current_app.extensions[EXTENSION]
    if cache.size <= 0:
        return Markup(render())
    return cache.get_or_render(key, render)
