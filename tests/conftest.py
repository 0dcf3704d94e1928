"""Shared fixtures: the app, a test client, and the example's parameters."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from webapp import create_app


@pytest.fixture
def app(tmp_path) -> Iterator[Flask]:
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret-key-not-for-production",
            "WTF_CSRF_ENABLED": True,
        }
    )
    app.instance_path = str(tmp_path)
    yield app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()
