"""Per-client rate limits on the costly routes (Flask-Limiter), read from the config.

A view declares the limit that counts it with ``@rate_limited(API)``; views naming the
same setting share one count. A client is its remote address (after ProxyFix, the real
one). The limits are set for a class of ~30 learners in one computer room behind one NAT
address, which counts as one client: a class never meets them, a script flooding the
server does.
Every route that computes per request is counted: training (/learn, /api/v1/train),
the preview image, the API, lesson pages or widgets rendered afresh, the challenges
and worksheets. A page served from the page cache, or from the whole-response cache in
front of Flask, is not counted (the response cache is never reached by the limiter at
all). Training is also counted by what it costs: each run not already in memory
counts its people × epochs, in thousands, against RATELIMIT_TRAINING. A refusal is a 429 with
Retry-After, in the site's layout (JSON under /api/), never kept by any cache.
With ``RATELIMIT_STORAGE_URI=memory://`` (the default) each worker process counts
alone, so a client may get up to workers × the limit; ``redis://…`` shares the count.

The limits fail open, loudly: when the shared storage cannot be reached, each worker
counts in its own memory instead (Flask-Limiter's in-memory fallback, keeping every
route's limit) and checks the storage again now and then (every 32 s at most), so no
request is refused or answered 500 for it; the warning is logged at most once a minute
per worker. A Redis that answers nothing costs a request at most STORAGE_TIMEOUT.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from typing import Any, TypeVar

from flask import Flask, Response, current_app, g
from flask.logging import default_handler
from flask_limiter import Limiter, RateLimitExceeded, RouteLimit
from flask_limiter.util import get_remote_address

from webapp.language import ngettext
from webapp.web.plumbing.errors import handle_http_error
from webapp.web.plumbing.route_facts import F, RouteTable, declare

T = TypeVar("T")
EXTENSION = "neuron_lab_rate_limits"
# The settings a route's count may share (webapp/web/config/settings.py has the numbers).
RENDER = "RATELIMIT_RENDER"  # pages and widgets rendered afresh (``fresh_render``)
PAGES = "RATELIMIT_PAGES"  # other pages computed per request: challenges, worksheets
LEARNING = "RATELIMIT_LEARNING"  # training pages and calls, however cheap
TRAINING = "RATELIMIT_TRAINING"  # their cost: thousands of person-epochs trained afresh
PREVIEW = "RATELIMIT_PREVIEW"  # link preview images
API = "RATELIMIT_API"  # the JSON API and oEmbed
WORK_UNIT = 1000  # person-epochs counted as 1 against TRAINING
_COST = "neuron_lab_rate_cost"  # in flask.g: what the running training costs
STORAGE_TIMEOUT = 0.5  # seconds: a Redis slower than this counts as unreachable
WARN_EVERY = 60.0  # seconds between two warnings of the limiter's (storage unreachable)


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
    with current_app.extensions[EXTENSION][RENDER]:
        return render()


def costly_training(work: int, train: Callable[[], T]) -> T:
    """``train()``, counted as ``work`` person-epochs (in WORK_UNITs, at least 1) against
    this client's RATELIMIT_TRAINING. Its own line: Flask-Limiter keys a limit used as a
    context manager by where it is entered."""
    setattr(g, _COST, max(1, math.ceil(work / WORK_UNIT)))
    with current_app.extensions[EXTENSION][TRAINING]:
        return train()


def retry_after() -> int:
    """Seconds until the breached limit's window ends (at least 1; 60 if unknown)."""
    limiter: Limiter = current_app.extensions["limiter_instance"]
    breached = limiter.current_limit
    try:
        return 60 if breached is None else max(1, math.ceil(breached.window[0] - time.time()))
    except Exception:  # the storage went away since it refused: say a minute, never a 500
        return 60


class OncePerMinute(logging.Filter):
    """Lets a warning (or worse) through at most once every WARN_EVERY seconds: a storage
    that is down is said, not said again for every request."""

    def __init__(self) -> None:
        super().__init__()
        self.said_at = -WARN_EVERY

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        if time.monotonic() - self.said_at < WARN_EVERY:
            return False
        self.said_at = time.monotonic()
        return True


def _say_once_a_minute(logger: logging.Logger) -> None:
    """Flask-Limiter's logger, heard (it has only a NullHandler: its warnings went
    nowhere) where the app's are, and at most once a minute; set up once per process."""
    if not any(isinstance(f, OncePerMinute) for f in logger.filters):
        logger.addFilter(OncePerMinute())
    if all(isinstance(h, logging.NullHandler) for h in logger.handlers):
        logger.addHandler(default_handler)


def _storage_options(app: Flask) -> dict[str, Any]:
    """Timeouts for a Redis storage (a Redis that hangs must not hang requests), under
    any options the config gives."""
    given = dict(app.config.get("RATELIMIT_STORAGE_OPTIONS") or {})
    if not str(app.config["RATELIMIT_STORAGE_URI"]).startswith("redis"):
        return given
    return {"socket_timeout": STORAGE_TIMEOUT, "socket_connect_timeout": STORAGE_TIMEOUT, **given}


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
    app.config["RATELIMIT_STORAGE_OPTIONS"] = _storage_options(app)
    limiter = Limiter(
        get_remote_address, app=app, swallow_errors=True, in_memory_fallback_enabled=True
    )
    _say_once_a_minute(limiter.logger)
    app.extensions["limiter_instance"] = limiter
    app.extensions[EXTENSION] = {
        RENDER: _shared(limiter, RENDER),
        TRAINING: limiter.shared_limit(
            _setting(TRAINING), scope=TRAINING.lower(), cost=lambda: g.get(_COST, 1)
        ),
    }
    for endpoint, facts in routes.items():
        if facts.rate_limit is not None:
            view = app.view_functions[endpoint]
            app.view_functions[endpoint] = _shared(limiter, facts.rate_limit)(view)
    app.register_error_handler(RateLimitExceeded, too_many_requests)
