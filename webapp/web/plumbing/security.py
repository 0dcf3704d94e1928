"""Security headers on every response.

A strict Content-Security-Policy (no inline script, no inline style) and no
framing, except for views marked with ``allow_framing`` (the embed widget).
Share links hold a height and a weight, so the referrer never leaves the site
(``same-origin``: sent in full within the site, not at all to others). HSTS only
when the app is configured for HTTPS, since a browser would pin it otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from flask import Flask, Response, current_app, request

F = TypeVar("F", bound=Callable[..., object])

# default-src 'self' already covers styles, images and fonts: nothing inline, nothing
# from elsewhere. The pictures are inline SVG elements, which need no image source.
_POLICY = (
    "default-src 'self'",
    "script-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
)
CSP = "; ".join((*_POLICY, "frame-ancestors 'none'"))
CSP_FRAMEABLE = "; ".join((*_POLICY, "frame-ancestors *"))
# What every answer carries, whatever its route (the page's CSP and framing included).
BASE_HEADERS = (
    ("Content-Security-Policy", CSP),
    ("X-Frame-Options", "DENY"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "same-origin"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
)


def allow_framing(view: F) -> F:
    """Mark a view as framable by any origin (the teaching widget)."""
    view._frameable = True  # type: ignore[attr-defined]
    return view


def _frameable() -> bool:
    view = current_app.view_functions.get(request.endpoint or "")
    return bool(getattr(view, "_frameable", False))


def set_security_headers(response: Response) -> Response:
    headers = response.headers
    for name, value in BASE_HEADERS:
        headers[name] = value
    if _frameable():
        headers["Content-Security-Policy"] = CSP_FRAMEABLE
        del headers["X-Frame-Options"]
    if current_app.config.get("HTTPS"):
        headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    return response


def init_app(app: Flask) -> None:
    app.after_request(set_security_headers)
