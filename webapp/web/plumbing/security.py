"""Security headers on every response.

A strict Content-Security-Policy (no inline script, no inline style) and no
framing, except for views declared ``@framable`` (the embed widgets), which never open
the session either (plumbing/sessions.py).
Share links hold a height and a weight, so the referrer never leaves the site
(``same-origin``: sent in full within the site, not at all to others). HSTS only
when the app is configured for HTTPS, since a browser would pin it otherwise.
``from_this_site`` tells a request made by this site's own pages from one another
site made a browser send.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, Response, current_app, request

from webapp.web.plumbing.route_facts import F, RouteTable, declare

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


OWN_FETCHES = frozenset({"same-origin", "none"})  # Sec-Fetch-Site: our page, or typed


def from_this_site() -> bool:
    """Whether this request came from this site's own pages (or was typed or
    bookmarked), not from another site: Sec-Fetch-Site says so in every current
    browser; without it, the Referer (which our Referrer-Policy, same-origin, sends
    within the site only) must name this site. A request with neither is not."""
    fetched_from = request.headers.get("Sec-Fetch-Site")
    if fetched_from is not None:
        return fetched_from in OWN_FETCHES
    referrer = urlsplit(request.headers.get("Referer", ""))
    return (referrer.scheme, referrer.netloc) == (request.scheme, request.host)


def framable(view: F) -> F:
    """Declare the view framable by any site (a teaching widget); it then keeps no state
    but its URL: no session is opened, no cookie read or written."""
    return declare(framable=True)(view)


def framable_endpoints(routes: RouteTable) -> frozenset[str]:
    return frozenset(endpoint for endpoint, facts in routes.items() if facts.framable)


def init_app(app: Flask, routes: RouteTable) -> None:
    framed = framable_endpoints(routes)

    def set_security_headers(response: Response) -> Response:
        headers = response.headers
        for name, value in BASE_HEADERS:
            headers[name] = value
        if request.endpoint in framed:
            headers["Content-Security-Policy"] = CSP_FRAMEABLE
            del headers["X-Frame-Options"]
        if current_app.config.get("HTTPS"):
            headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
        return response

    app.after_request(set_security_headers)
