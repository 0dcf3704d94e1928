"""Time limits on a request (WSGI middleware): its body read whole within BODY_TIMEOUT
seconds, and the whole request answered within REQUEST_TIMEOUT.

Under gunicorn's gevent workers every connection waits in a greenlet from a fixed pool
(WORKER_CONNECTIONS per worker). Nothing in gunicorn times out reading a body: a client
that sends a POST's headers, then one byte a second, held its greenlet for as long as
it liked, and 3,050 of them held every one (issue 24). So a body is read here, before
the app sees it, under one deadline for the whole of it, and handed on in memory (it is
at most MAX_CONTENT_LENGTH, 1 MiB: a longer declared body is left unread for the app to
refuse by its length); too slow is a 408. The whole request runs under a second deadline,
a 503 when met, so that no wait (a body, the rate limits' storage) can hold a greenlet
for long. How many connections one address may hold at once is the server's to limit
(serving/connection_cap.py); the figures are in docs/deployment.md.

The deadlines are gevent timeouts, so they apply where the server runs the app in gevent
greenlets on patched sockets (the production gunicorn); elsewhere (the test client,
``python wsgi.py``) the body is still read first, without a deadline.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from gevent import Timeout, monkey

from webapp.web.plumbing.early_answers import StartResponse, WSGIApp, early_answer

CHUNK = 64 * 1024


def under_gevent() -> bool:
    """Whether requests run in gevent greenlets on patched sockets (the gevent worker)."""
    return bool(monkey.is_module_patched("socket"))


def _declared_length(environ: dict[str, Any]) -> int | None:
    """The body's declared length (None: chunked, read to its end; 0: no body)."""
    if "chunked" in str(environ.get("HTTP_TRANSFER_ENCODING", "")).lower():
        return None
    try:
        return max(0, int(environ.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0


def _read(stream: Any, limit: int) -> bytes:
    """Up to ``limit`` bytes of ``stream``, fewer if it ends first."""
    chunks, size = [], 0
    while size < limit:
        chunk = stream.read(min(CHUNK, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


class Deadlines:
    """The body read first within ``body_timeout`` s, the request within ``request_timeout``."""

    def __init__(
        self, app: WSGIApp, *, body_timeout: float, request_timeout: float, max_body: int
    ) -> None:
        self.app = app
        self.body_timeout = body_timeout
        self.request_timeout = request_timeout
        self.max_body = max_body

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        timed = under_gevent()
        try:
            with Timeout(self.request_timeout if timed else None) as whole:
                if self._buffer_body(environ, timed):
                    return self.app(environ, start_response)
                message = f"The request's body did not arrive within {self.body_timeout:g} s."
                return early_answer(environ, start_response, "408 Request Timeout", "body", message)
        except Timeout as expired:
            if expired is not whole:
                raise
            message = "The request took too long to answer. Try again in a moment."
            return early_answer(
                environ, start_response, "503 Service Unavailable", "request", message,
                [("Retry-After", "1")],
            )  # fmt: skip

    def _buffer_body(self, environ: dict[str, Any], timed: bool) -> bool:
        """Read the body into memory (False: it took longer than the body's deadline)."""
        length = _declared_length(environ)
        if length == 0 or (length or 0) > self.max_body:
            return True  # no body, or one the app refuses by its length alone, unread
        try:
            with Timeout(self.body_timeout if timed else None):
                body = _read(environ["wsgi.input"], self.max_body + 1 if length is None else length)
        except Timeout:
            return False
        environ["wsgi.input"] = io.BytesIO(body)
        # A body cut short keeps its declared length: the app sees the client left.
        environ["CONTENT_LENGTH"] = str(len(body) if length is None else length)
        environ.pop("HTTP_TRANSFER_ENCODING", None)
        environ["wsgi.input_terminated"] = False
        return True
