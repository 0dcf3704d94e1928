"""Per-client rate limits on the costly routes (Flask-Limiter), read from the config.

A view declares the limit that counts it with ``@rate_limited(API)``; views naming the
same setting share one count. A client is its remote address (after ProxyFix, the real
one). The limits are set for a class of ~30 learners in one computer room behind one NAT
address, which counts as one client: a class never meets them, a script flooding the
server does.
Only work that costs is counted: training (/learn, /api/v1/train), the preview
image, the API, and lesson pages or widgets rendered afresh. A page served from
the page cache, or from the whole-response cache in front of Flask, is not counted
(the response cache is never reached by the limiter at all). A refusal is a 429 with
Retry-After, in the site's layout (JSON under /api/), never kept by any cache.
With ``RATELIMIT_STORAGE_URI=memory://`` (the default) each worker process counts
alone, so a client may get up to workers × the limit; ``redis://…`` shares the count.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import TypeVar

from flask import Flask, Response, current_app
from flask_limiter import Limiter, RateLimitExceeded, RouteLimit
from flask_limiter.util import get_remote_address

from webapp.language import ngettext
from webapp.web.plumbing.errors import handle_http_error
from webapp.web.plumbing.route_facts import F, RouteTable, declare

T = TypeVar("T")
EXTENSION = "neuron_lab_rate_limits"
# The settings a route's count may share (webapp/web/config/settings.py has the numbers).
RENDER = "RATELIMIT_RENDER"  # pages and widgets rendered afresh (``fresh_render``)
LEARNING = "RATELIMIT_LEARNING"  # training runs
PREVIEW = "RATELIMIT_PREVIEW"  # link preview images
API = "RATELIMIT_API"  # the JSON API and oEmbed


def rate_limited(setting: str) -> Callable[[F], F]:
    """Declare that the view's requests count against ``setting`` (shared by every view
    naming it)."""
    return declare(rate_limit=setting)


def _setting(name: str) -> Callable[[], str]:
    """The limit as the config holds it now (read per request, so tests may change it)."""
    return lambda: str(current_app.config[name])


def _shared(limiter: Limiter, setting: str) -> RouteLimit:
    return limiter.shared_limit(_setting(setting), scope=setting.lower())


def fresh_render(render: Callable[[], T]) -> T:
    """``render()``, counted against this client's RATELIMIT_RENDER (a cache miss)."""
    with current_app.extensions[EXTENSION]:
        return render()


def retry_after() -> int:
    """Seconds until the breached limit's window ends (at least 1)."""
    limiter: Limiter = current_app.extensions["limiter_instance"]
    breached = limiter.current_limit
    if breached is None:
        return 60
    return max(1, math.ceil(breached.window[0] - time.time()))


def too_many_requests(error: RateLimitExceeded) -> Response:
    """The site's error page (or JSON) saying when to try again; no cache keeps it."""
    wait = retry_after()
    error.description = ngettext(
        "Too many requests from your network just now. Wait %(num)d second and try again.",
        "Too many requests from your network just now. Wait %(num)d seconds and try again.",
        wait,
    )
    response = handle_http_error(error)
    response.headers["Retry-After"] = str(wait)
    response.headers["Cache-Control"] = "no-store"
    return response


def init_app(app: Flask, routes: RouteTable) -> None:
    """One limiter per app (its own counts); wrap the views that declared a limit."""
    limiter = Limiter(get_remote_address, app=app)
    app.extensions["limiter_instance"] = limiter
    app.extensions[EXTENSION] = _shared(limiter, RENDER)
    for endpoint, facts in routes.items():
        if facts.rate_limit is not None:
            view = app.view_functions[endpoint]
            app.view_functions[endpoint] = _shared(limiter, facts.rate_limit)(view)
    app.register_error_handler(RateLimitExceeded, too_many_requests)
