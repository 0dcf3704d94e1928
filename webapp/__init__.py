"""Neuron Lab: a web lesson on how one artificial neuron computes."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from webapp.extensions import csrf
from webapp.lesson.numbers import fmt, fmt_apart, fmt_exact, fmt_percent, minus
from webapp.web import errors, security
from webapp.web.blueprints import register_blueprints
from webapp.web.secret_key import load_or_create_secret_key

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


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
    app.config.from_mapping(
        SECRET_KEY=os.environ.get("SECRET_KEY") or None,
        HTTPS=False,  # set FLASK_HTTPS=true behind TLS: Secure cookies and HSTS
        PROXY_FIX=0,  # number of trusted reverse proxies in front (X-Forwarded-*)
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        # the history makes the session permanent; re-send it only when it changes,
        # so a request that merely carries the cookie (say /embed) never sets one
        SESSION_REFRESH_EACH_REQUEST=False,
        WTF_CSRF_TIME_LIMIT=None,  # tokens live as long as the session cookie
        MAX_CONTENT_LENGTH=1024 * 1024,
    )
    app.config.from_prefixed_env()
    if test_config is not None:
        app.config.from_mapping(test_config)
    if not app.config["SECRET_KEY"]:
        app.config["SECRET_KEY"] = load_or_create_secret_key(app.instance_path)
    if app.config["HTTPS"]:
        app.config.update(SESSION_COOKIE_SECURE=True, PREFERRED_URL_SCHEME="https")
    if app.config["PROXY_FIX"]:
        hops = int(app.config["PROXY_FIX"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]

    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.jinja_env.filters.update(
        fmt=fmt, fmt_apart=fmt_apart, fmt_exact=fmt_exact, fmt_percent=fmt_percent, minus=minus
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    csrf.init_app(app)
    security.init_app(app)
    errors.init_app(app)

    register_blueprints(app)
    return app
