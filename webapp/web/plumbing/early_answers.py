"""Answers given before the app, by WSGI middleware (a bad Host, a body too slow, a
request too long): plain text for people, JSON for the API and oEmbed, with the
security headers and ``Cache-Control: no-store``, so no cache ever keeps one."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from webapp.web.plumbing.security import BASE_HEADERS

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]
JSON_PATHS = ("/api/", "/oembed")


def early_answer(
    environ: dict[str, Any],
    start_response: StartResponse,
    status: str,
    field: str,
    message: str,
    headers: Sequence[tuple[str, str]] = (),
) -> list[bytes]:
    """Answer ``status`` with ``message`` (``{"errors": {field: message}}`` as JSON)."""
    if str(environ.get("PATH_INFO", "")).startswith(JSON_PATHS):
        body, content_type = json.dumps({"errors": {field: message}}).encode(), "application/json"
    else:
        body, content_type = f"{status}: {message}\n".encode(), "text/plain; charset=utf-8"
    start_response(
        status,
        [
            ("Content-Type", content_type),
            ("Content-Length", str(len(body))),
            ("Cache-Control", "no-store"),
            *headers,
            *BASE_HEADERS,
        ],
    )
    return [body]
