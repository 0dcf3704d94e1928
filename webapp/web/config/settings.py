"""The app's settings: defaults, then ``FLASK_*`` environment variables, then a test's.

Every setting, the rate limits and trusted hosts included, is read the same way
(``app.config.from_prefixed_env()``: ``FLASK_<NAME>``, values parsed as JSON where
they parse), but the secret key, which is taken as written. A setting that cannot
work stops the start with a ``ConfigError`` whose message says what to change:
wsgi.py turns it into one line on stderr.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import Any

from flask import Flask

from webapp.web.config.hosts import normal_name, valid_host
from webapp.web.config.secret_key import ConfigError, check_key, load_or_create_secret_key

__all__ = ["DEFAULTS", "ConfigError", "configure"]

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
    # Seconds (under gunicorn's gevent workers): a request's whole body must arrive
    # within BODY_TIMEOUT (else 408), the whole request be answered within
    # REQUEST_TIMEOUT (else 503); webapp/web/plumbing/deadlines.py, docs/deployment.md.
    "BODY_TIMEOUT": 10,
    "REQUEST_TIMEOUT": 20,
    "RESPONSE_CACHE_SIZE": 512,  # whole responses per worker (~8 KB each, compressed)
    "COMPRESS_ALGORITHM": ["br", "gzip"],
    # Brotli 5 and gzip 9: a page is compressed once per link (the response cache keeps
    # the bytes), so the smaller answer is worth its ~1 ms.
    "COMPRESS_BR_LEVEL": 5,
    "COMPRESS_LEVEL": 9,
    # Per client address (a whole computer room behind one NAT address counts as one
    # client); the numbers and their reasons are in docs/deployment.md.
    "RATELIMIT_ENABLED": True,
    "RATELIMIT_STORAGE_URI": "memory://",  # per worker; redis://… shares the counts
    # The last minute, weighted (no burst at a window's edge), and a refused request is
    # not counted: a refused training run never uses up what a class has left.
    "RATELIMIT_STRATEGY": "sliding-window-counter",
    "RATELIMIT_RENDER": "600 per minute",  # lesson pages and widgets rendered afresh
    "RATELIMIT_PAGES": "600 per minute",  # challenges (page, widget, form), worksheets
    "RATELIMIT_LEARNING": "300 per minute",  # /learn and /api/v1/train (training runs)
    # What those runs cost, in thousands of person-epochs trained afresh: 200,000 is 20
    # runs a minute at the maximum (2,000 people × 5,000 epochs), 3,333 at the defaults.
    "RATELIMIT_TRAINING": "200000 per minute",
    "RATELIMIT_PREVIEW": "120 per minute",  # /preview.png (a PNG drawn per link)
    "RATELIMIT_API": "1200 per minute",  # the JSON API and oEmbed
}


def _check_keys(app: Flask) -> None:
    """Configured keys are held to the rule a key file is (32 characters or more)."""
    check_key(app.config["SECRET_KEY"], "FLASK_SECRET_KEY (or SECRET_KEY)")
    fallbacks = app.config.get("SECRET_KEY_FALLBACKS") or []
    if not isinstance(fallbacks, list):
        raise ConfigError(
            "FLASK_SECRET_KEY_FALLBACKS must be a JSON list of old keys, like "
            """'["old-key…"]'"""
        )
    for key in fallbacks:
        check_key(key, "a key in FLASK_SECRET_KEY_FALLBACKS")


def _check_trusted_hosts(app: Flask) -> None:
    """TRUSTED_HOSTS is a list of host names (a bare string was read as its letters,
    one host each), kept in the form the Host check compares: lower case, no
    trailing dot."""
    hosts = app.config.get("TRUSTED_HOSTS")
    if hosts is None:
        return
    if not isinstance(hosts, list | tuple) or not all(
        isinstance(host, str) and valid_host(host.removeprefix(".")) for host in hosts
    ):
        raise ConfigError(
            f"FLASK_TRUSTED_HOSTS must be a JSON list of host names, like "
            f"""'["neuron.example"]' (it is {json.dumps(hosts)[:80]})"""
        )
    app.config["TRUSTED_HOSTS"] = [normal_name(host) for host in hosts]


def configure(app: Flask, test_config: Mapping[str, Any] | None) -> None:
    """Defaults, then ``FLASK_*`` environment variables, then ``test_config``.

    ``FLASK_SECRET_KEY`` is taken as it is written, never read as JSON (a key of 32
    digits is those 32 characters, not a number)."""
    app.config.from_mapping(DEFAULTS, SECRET_KEY=os.environ.get("SECRET_KEY") or None)
    app.config.from_prefixed_env()
    if "FLASK_SECRET_KEY" in os.environ:
        app.config["SECRET_KEY"] = os.environ["FLASK_SECRET_KEY"]
    if test_config is not None:
        app.config.from_mapping(test_config)
    if not app.config["SECRET_KEY"]:
        app.config["SECRET_KEY"] = load_or_create_secret_key(app.instance_path)
    _check_keys(app)
    _check_trusted_hosts(app)
    if app.config["HTTPS"]:
        app.config.update(SESSION_COOKIE_SECURE=True, PREFERRED_URL_SCHEME="https")
