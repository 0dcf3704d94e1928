"""Neuron Lab: a web lesson on how one artificial neuron computes."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from webapp.extensions import compress, csrf
from webapp.lesson.numbers import fmt, fmt_apart, fmt_exact, fmt_percent, minus
from webapp.web import errors, security, static_files
from webapp.web.blueprints import register_blueprints
from webapp.web.response_cache import ResponseCache
from webapp.web.settings import configure

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


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
    ``test_config`` (webapp/web/settings.py). Without a key one is created once in the
    instance folder. A setting that cannot work raises ``ConfigError``.
    """
    app = Flask(
        __name__,
        template_folder=os.path.join(ROOT, "templates"),
        static_folder=os.path.join(ROOT, "static"),
        instance_path=os.environ.get("NEURON_INSTANCE_PATH") or os.path.join(ROOT, "instance"),
    )
    configure(app, test_config)
    _wrap(app)
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.jinja_env.filters.update(
        fmt=fmt, fmt_apart=fmt_apart, fmt_exact=fmt_exact, fmt_percent=fmt_percent, minus=minus
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    csrf.init_app(app)
    compress.init_app(app)
    security.init_app(app)
    errors.init_app(app)
    static_files.init_app(app)
    register_blueprints(app)
    return app
