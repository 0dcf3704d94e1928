"""Neuron Lab: a web lesson on how one artificial neuron computes."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from webapp.extensions import compress, csrf
from webapp.web.api import cors
from webapp.web.blueprints import register_blueprints
from webapp.web.caches import page_cache
from webapp.web.caches.response_cache import ResponseCache
from webapp.web.config.hosts import ForceHttps, HostCheck
from webapp.web.config.settings import configure
from webapp.web.cookies import records_cookie
from webapp.web.languages import request_language, switcher
from webapp.web.lesson import embed_builder
from webapp.web.plumbing import (
    caching,
    errors,
    rate_limits,
    route_facts,
    security,
    sessions,
    static_files,
)
from webapp.web.plumbing.deadlines import Deadlines
from webapp.web.templating import markup
from webapp.web.templating.per_language import LanguageEnvironment
from webapp.web.templating.whitespace import StripIndentation

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _wrap(app: Flask) -> None:
    """WSGI middleware, outermost first: ProxyFix (the trusted proxies' headers), https
    forced when configured, the time limits (the body read first, in time), the Host
    check, then the response cache, which so sees the request as the app will (its key
    holds the scheme and host the app builds URLs with)."""
    app.wsgi_app = ResponseCache(app.wsgi_app, int(app.config["RESPONSE_CACHE_SIZE"]))  # type: ignore[method-assign]
    app.wsgi_app = HostCheck(app.wsgi_app, app.config.get("TRUSTED_HOSTS"))  # type: ignore[method-assign]
    app.wsgi_app = Deadlines(  # type: ignore[method-assign]
        app.wsgi_app,
        body_timeout=float(app.config["BODY_TIMEOUT"]),
        request_timeout=float(app.config["REQUEST_TIMEOUT"]),
        max_body=int(app.config["MAX_CONTENT_LENGTH"]),
    )
    if app.config["HTTPS"]:
        app.wsgi_app = ForceHttps(app.wsgi_app)  # type: ignore[method-assign]
    if app.config["PROXY_FIX"]:
        hops = int(app.config["PROXY_FIX"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]


def _warn_about_hosts(app: Flask) -> None:
    """Once per start (gunicorn preloads the app in its master): no TRUSTED_HOSTS means
    any Host a client sends goes into share links, embed code and oEmbed answers."""
    if not app.config.get("TRUSTED_HOSTS") and not app.testing:
        app.logger.warning(
            "FLASK_TRUSTED_HOSTS is not set: any Host header is accepted and put into "
            "share links; set it, e.g. FLASK_TRUSTED_HOSTS='[\"neuronlab.example\"]'"
        )


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """The application factory.

    Configuration comes from ``FLASK_*`` environment variables (``FLASK_SECRET_KEY``,
    ``FLASK_HTTPS=true``, ``FLASK_PROXY_FIX=1`` …), or ``SECRET_KEY``, then from
    ``test_config`` (webapp/web/config/settings.py). Without a key one is created once in
    the instance folder. A setting that cannot work raises ``ConfigError``.
    """
    app = Flask(
        __name__,
        template_folder=os.path.join(ROOT, "templates"),
        static_folder=os.path.join(ROOT, "static"),
        instance_path=os.environ.get("NEURON_INSTANCE_PATH") or os.path.join(ROOT, "instance"),
    )
    app.jinja_environment = LanguageEnvironment  # before anything reads app.jinja_env
    configure(app, test_config)
    _wrap(app)
    app.json.sort_keys = False  # type: ignore[attr-defined]
    register_blueprints(app)
    static_files.init_app(app, fills=embed_builder.script_fills())
    routes = route_facts.read(app)  # what each view declared, for the hooks below
    # Hooks run in this order before a request and in the reverse order after it.
    request_language.init_app(app, routes)  # first: every later hook speaks the language
    switcher.init_app(app)
    _templates(app)
    csrf.init_app(app)
    compress.init_app(app)
    security.init_app(app, routes)
    errors.init_app(app)
    cors.init_app(app)
    page_cache.init_app(app)
    records_cookie.init_app(app)
    rate_limits.init_app(app, routes)
    sessions.init_app(app, routes)
    caching.init_app(app, routes)  # a view without a cache policy stops the start
    _warn_about_hosts(app)
    return app


def _templates(app: Flask) -> None:
    """The filters and helpers every template uses, and how templates are compiled."""
    app.jinja_env.filters.update(markup.FILTERS)
    app.jinja_env.globals.update(markup.HELPERS)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.jinja_env.add_extension(StripIndentation)
