"""Neuron Lab: a web lesson on how one artificial neuron computes."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from webapp.extensions import compress, csrf
from webapp.lesson.numbers import fmt, fmt_apart, fmt_exact, fmt_percent, minus
from webapp.web import errors, markup, security, static_files
from webapp.web.blueprints import register_blueprints
from webapp.web.response_cache import ResponseCache
from webapp.web.secret_key import load_or_create_secret_key

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

DEFAULTS: dict[str, Any] = {
    "HTTPS": False,  # FLASK_HTTPS=true behind TLS: Secure cookies, HSTS, https URLs
    "PROXY_FIX": 0,  # number of trusted reverse proxies in front (X-Forwarded-*)
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    # The session holds only the CSRF token of /history's forms: re-send it only when it
    # changes, so a request that merely carries the cookie (say /embed) never sets one.
    "SESSION_REFRESH_EACH_REQUEST": False,
    "WTF_CSRF_TIME_LIMIT": None,  # tokens live as long as the session cookie
    "MAX_CONTENT_LENGTH": 1024 * 1024,
    "RESPONSE_CACHE_SIZE": 512,  # whole responses per worker (~8 KB each, compressed)
    "COMPRESS_ALGORITHM": ["br", "gzip"],
    # Brotli 5 and gzip 9: a page is compressed once per link (the response cache keeps the
    # bytes), so the smaller answer is worth its ~1 ms; both keep a result page under 8 KB.
    "COMPRESS_BR_LEVEL": 5,
    "COMPRESS_LEVEL": 9,
}


def _configure(app: Flask, test_config: Mapping[str, Any] | None) -> None:
    """Defaults, then ``FLASK_*`` environment variables, then ``test_config``."""
    app.config.from_mapping(DEFAULTS, SECRET_KEY=os.environ.get("SECRET_KEY") or None)
    app.config.from_prefixed_env()
    if test_config is not None:
        app.config.from_mapping(test_config)
    if not app.config["SECRET_KEY"]:
        app.config["SECRET_KEY"] = load_or_create_secret_key(app.instance_path)
    if app.config["HTTPS"]:
        app.config.update(SESSION_COOKIE_SECURE=True, PREFERRED_URL_SCHEME="https")


def _wrap(app: Flask) -> None:
    """WSGI middleware: the response cache sees the request as the app will (after
    ProxyFix has applied the trusted proxies' headers)."""
    app.wsgi_app = ResponseCache(app.wsgi_app, int(app.config["RESPONSE_CACHE_SIZE"]))  # type: ignore[method-assign]
    if app.config["PROXY_FIX"]:
        hops = int(app.config["PROXY_FIX"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """The application factory.

    Configuration comes from ``FLASK_*`` environment variables (``FLASK_SECRET_KEY``,
    ``FLASK_HTTPS=true``, ``FLASK_PROXY_FIX=1`` …), or ``SECRET_KEY``, then from
    ``test_config``. Without a key one is created once in the instance folder.
    """
    app = Flask(
        __name__,
        template_folder=os.path.join(ROOT, "templates"),
        static_folder=os.path.join(ROOT, "static"),
        instance_path=os.environ.get("NEURON_INSTANCE_PATH") or os.path.join(ROOT, "instance"),
    )
    _configure(app, test_config)
    _wrap(app)
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.jinja_env.filters.update(
        fmt=fmt, fmt_apart=fmt_apart, fmt_exact=fmt_exact, fmt_percent=fmt_percent, minus=minus
    )
    app.jinja_env.globals.update(markup.HELPERS)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    csrf.init_app(app)
    compress.init_app(app)
    security.init_app(app)
    errors.init_app(app)
    static_files.init_app(app)
    register_blueprints(app)
    return app
