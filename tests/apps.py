"""The app the tests use, built in one place.

``build_app`` is the application factory with the test defaults: TESTING, a fixed
secret key of more than 32 characters, CSRF on (as in production), rate limits off
(hundreds of requests from one address would meet them; tests/app/test_rate_limits.py
turns them on with ``RATELIMIT_ENABLED=True``), and an instance
folder of the caller's choosing, so no test ever writes to the repository's
``instance/``. The fixtures in tests/conftest.py (``make_app``, ``app``, ``client``,
``module_app``, ``module_client``) are built with it; so is the URL map that
tests/app/test_security.py reads at collection time, before any fixture exists.
tests/app/test_factory.py calls ``create_app`` itself: it tests the factory.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from unittest import mock

from flask import Flask

from webapp import create_app

TEST_CONFIG: dict[str, Any] = {
    "TESTING": True,
    "SECRET_KEY": "test-secret-key-not-for-production",
    "WTF_CSRF_ENABLED": True,
    "RATELIMIT_ENABLED": False,
}


def build_app(instance_path: str | Path, **config: Any) -> Flask:
    """``create_app`` with TEST_CONFIG overridden by ``config``, its instance folder at
    ``instance_path`` (from the start, so even a key file would be written there)."""
    with mock.patch.dict(os.environ, {"NEURON_INSTANCE_PATH": str(instance_path)}):
        app = create_app({**TEST_CONFIG, **config})
    assert app.instance_path == str(instance_path)
    return app
