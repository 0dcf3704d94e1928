"""No session for the framable views (the widgets): state only in their URL.

Flask opens the session before it matches the URL, and refreshes a permanent session's
cookie on every response. For a request to a ``@framable`` view's path this interface
opens none: Flask substitutes a null session (reads are empty, writes fail), so nothing
is read and no Set-Cookie is ever sent, whatever the request carries. The paths are
read from the URL map at start, from the views' own declarations.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, Request, Response
from flask.sessions import SessionInterface, SessionMixin

from webapp.web.plumbing.route_facts import RouteTable
from webapp.web.plumbing.security import framable_endpoints


class CookielessSessions(SessionInterface):
    """The app's session interface, except that requests to ``paths`` get no session."""

    def __init__(self, inner: SessionInterface, paths: frozenset[str]) -> None:
        self.inner = inner
        self.paths = paths
        self.null_session_class = inner.null_session_class

    def open_session(self, app: Flask, request: Request) -> SessionMixin | None:
        if request.path in self.paths:
            return None
        return self.inner.open_session(app, request)

    def save_session(self, app: Flask, session: SessionMixin, response: Response) -> None:
        self.inner.save_session(app, session, response)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def cookieless_paths(app: Flask, routes: RouteTable) -> frozenset[str]:
    """The paths of every framable view (known before URL matching, when the session is
    opened); a framable route with variable parts would need matching: it stops the start."""
    framed = framable_endpoints(routes)
    rules = [rule for rule in app.url_map.iter_rules() if rule.endpoint in framed]
    if variable := sorted(rule.rule for rule in rules if rule.arguments):
        raise RuntimeError(f"a framable route must have a fixed path: {variable}")
    return frozenset(rule.rule for rule in rules)


def init_app(app: Flask, routes: RouteTable) -> None:
    app.session_interface = CookielessSessions(app.session_interface, cookieless_paths(app, routes))
