"""The application factory and its configuration."""

from __future__ import annotations

import multiprocessing
import os

from webapp import create_app
from webapp.web.config.secret_key import load_or_create_secret_key


def test_config_for_tests():
    assert not create_app({"SECRET_KEY": "k" * 32}).testing
    assert create_app({"TESTING": True, "SECRET_KEY": "k" * 32}).testing


def test_secret_key_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("NEURON_INSTANCE_PATH", str(tmp_path))
    monkeypatch.setenv("FLASK_SECRET_KEY", "from-flask-prefixed-env-" + "f" * 32)
    assert create_app().secret_key == "from-flask-prefixed-env-" + "f" * 32
    monkeypatch.delenv("FLASK_SECRET_KEY")
    monkeypatch.setenv("SECRET_KEY", "from-plain-env-" + "p" * 32)
    assert create_app().secret_key == "from-plain-env-" + "p" * 32
    assert not (tmp_path / "secret_key").exists()


def test_without_a_key_one_is_created_once_in_the_instance_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("FLASK_SECRET_KEY", raising=False)
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("NEURON_INSTANCE_PATH", str(tmp_path))
    first = create_app().secret_key
    second = create_app().secret_key
    assert first == second
    assert len(first) >= 64
    assert (tmp_path / "secret_key").read_text() == first
    assert os.stat(tmp_path / "secret_key").st_mode & 0o077 == 0
    assert [p.name for p in tmp_path.iterdir()] == ["secret_key"]  # no temporary files left


def _read_key(path: str) -> str:
    return load_or_create_secret_key(path)


def test_processes_started_together_share_one_key(tmp_path):
    with multiprocessing.get_context("spawn").Pool(8) as pool:
        keys = pool.map(_read_key, [str(tmp_path)] * 32)
    assert len(set(keys)) == 1


def test_https_is_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("FLASK_HTTPS", "true")
    monkeypatch.setenv("FLASK_SECRET_KEY", "k" * 32)
    response = create_app({"TESTING": True}).test_client().get("/")
    assert response.status_code == 200
    assert "Strict-Transport-Security" in response.headers


def test_https_setting_secures_the_cookie():
    app = create_app({"SECRET_KEY": "k" * 32, "HTTPS": True})
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["PREFERRED_URL_SCHEME"] == "https"
