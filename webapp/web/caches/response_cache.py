"""Whole responses, kept for the rest of the second they were made in.

A link sent to a class is opened by many fresh browsers at once, and a returning
learner's browser sends the same cookie with every request: answering either from
memory costs less than a bare Flask route. A response is kept only when its view
said so (``mark_cacheable``), only for a 200, and under a key holding everything
that can change its bytes: the method, the script root, path and query, the scheme,
host and port, the cookies, and the Accept-Encoding, -Language and Accept headers
(and conditional-request headers). The current second is part of the key too: a
new history entry records the second it was made in (``request_second``), so a
kept answer never outlives its Set-Cookie. The stored bytes are the compressed ones,
so a hit costs no compression. WSGI middleware: a hit never reaches Flask.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

from flask import request

from webapp.web.caches.lru import LRU

CACHEABLE = "neuron_lab.cacheable"
SECOND = "neuron_lab.second"
_KEY_HEADERS = (
    "SCRIPT_NAME",
    "PATH_INFO",
    "QUERY_STRING",
    "wsgi.url_scheme",
    "HTTP_HOST",
    "SERVER_NAME",
    "SERVER_PORT",
    "HTTP_COOKIE",
    "HTTP_ACCEPT_ENCODING",
    "HTTP_ACCEPT_LANGUAGE",
    "HTTP_ACCEPT",
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_RANGE",
)

Stored = tuple[str, list[tuple[str, str]], bytes]
StartResponse = Callable[..., Any]


def now() -> int:
    """The current second (one place, so tests can hold the clock still)."""
    return int(time.time())


def mark_cacheable() -> None:
    """Let the response cache keep this request's answer (the view's bytes depend only
    on what the cache key holds)."""
    request.environ[CACHEABLE] = True


def request_second() -> int:
    """The second this request is keyed on (now, when it came in uncached)."""
    return request.environ.get(SECOND) or now()


class ResponseCache:
    """An LRU of whole responses in front of a WSGI app."""

    def __init__(self, app: Callable[..., Iterable[bytes]], size: int) -> None:
        self.app = app
        self.size = size
        self._items = LRU[Stored](size)

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") != "GET" or self.size <= 0:
            return self.app(environ, start_response)
        second = now()
        key = (second, *(environ.get(name) for name in _KEY_HEADERS))
        hit = self._items.get(key)
        if hit is not None:
            status, headers, body = hit
            start_response(status, list(headers))
            return [body]
        environ[SECOND] = second
        return self._serve(key, environ, start_response)

    def _serve(
        self, key: tuple[object, ...], environ: dict[str, Any], start_response: StartResponse
    ) -> Iterable[bytes]:
        answer: list[Any] = []

        def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            answer[:] = [status, headers]
            return start_response(status, headers, exc_info)

        iterable = self.app(environ, capture)
        if not (environ.get(CACHEABLE) and answer and answer[0].startswith("200 ")):
            return iterable
        try:
            body = b"".join(iterable)
        finally:
            close = getattr(iterable, "close", None)
            if close is not None:
                close()
        self._items.put(key, (answer[0], list(answer[1]), body))
        return [body]

    def __len__(self) -> int:
        return len(self._items)
