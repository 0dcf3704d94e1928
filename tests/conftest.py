"""Shared fixtures: the app and a test client, built by one factory (tests/apps.py).

``app`` and ``client`` are per test. ``make_app(**config)`` builds another app with the
test defaults overridden (``make_app(HTTPS=True)``, ``make_app(FRAGMENT_CACHE_SIZE=0)``
…). ``own_page_client`` is a client whose requests say they come from the site's own pages.
``module_app`` and ``module_client`` are one app and one client per test module,
for Hypothesis tests (which refuse per-test fixtures) and for batteries of hundreds of
requests that would otherwise spend their time compiling templates.

This folder is on sys.path (pytest's default "prepend" import mode puts the folder of
every conftest.py and test file there), so the helper modules next to this file
(apps.py, servers.py, openapi_check.py, html_checks.py, lesson_strategies.py) are
imported by name, and test files need unique base names across tests/.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from apps import build_app
from flask import Flask
from flask.testing import FlaskClient


@pytest.fixture
def make_app(tmp_path) -> Callable[..., Flask]:
    """``make_app(**config)``: an app with the test defaults overridden by ``config``."""

    def make(**config: Any) -> Flask:
        return build_app(tmp_path, **config)

    return make


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Flask:
    return make_app()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def own_page_client(app: Flask) -> FlaskClient:
    """A client whose requests come from this site's own pages, as a browser says with
    ``Sec-Fetch-Site: same-origin`` (what a practice check needs to be recorded)."""
    own = app.test_client()
    own.environ_base["HTTP_SEC_FETCH_SITE"] = "same-origin"
    return own


@pytest.fixture(scope="module")
def module_app(tmp_path_factory) -> Flask:
    """One app for a whole test module (its templates compiled once)."""
    return build_app(tmp_path_factory.mktemp("instance"))


@pytest.fixture(scope="module")
def module_client(module_app: Flask) -> FlaskClient:
    """One client for a whole test module: cookies it is given stay for the module."""
    return module_app.test_client()
