"""The whole-response cache: a hit is the same answer the app would give, and the key
holds everything that changes the bytes (so nobody can poison it for others)."""

from __future__ import annotations

import re

import pytest

from webapp.web.caches import response_cache
from webapp.web.caches.response_cache import ResponseCache
from webapp.web.cookies.records_cookie import COOKIE_NAME

LINK = "/?height=5&height_unit=ft&weight=90&weight_unit=kg&w1=0.2&w2=0.00001&b=1&activation=sigmoid"


def cache_of(app) -> ResponseCache:
    """The response cache, inside whatever middleware wraps it (each keeps ``.app``)."""
    layer = app.wsgi_app
    while not isinstance(layer, ResponseCache):
        layer = layer.app
    return layer


@pytest.fixture(autouse=True)
def still_clock(monkeypatch):
    """Every request of a test in the same second, as a class opening a link at once."""
    monkeypatch.setattr(response_cache, "now", lambda: 1_800_000_000)


def test_a_new_second_is_a_new_answer(app, monkeypatch):
    client = app.test_client()
    client.get(LINK)
    monkeypatch.setattr(response_cache, "now", lambda: 1_800_000_001)
    app.test_client().get(LINK)
    assert len(cache_of(app)) == 2  # the entry's time differs, so does its cookie


def test_a_link_opened_by_fresh_browsers_is_answered_from_memory(app):
    first, second = app.test_client(), app.test_client()
    one = first.get(LINK)
    assert one.status_code == 200 and len(cache_of(app)) == 1
    two = second.get(LINK)
    assert two.status_code == 200 and len(cache_of(app)) == 1  # a hit, nothing new kept
    assert two.data == one.data
    # each fresh browser still gets its history cookie, and it records this link
    assert two.headers.getlist("Set-Cookie") == one.headers.getlist("Set-Cookie")
    assert second.get_cookie(COOKIE_NAME) is not None


def test_a_different_cookie_is_a_different_answer(app):
    browser = app.test_client()
    browser.get("/?weight=60")
    fresh = app.test_client().get(LINK).get_data(as_text=True)
    returning = browser.get(LINK).get_data(as_text=True)
    assert "4 ft, 60 kg" not in fresh
    assert "4 ft, 60 kg" in returning and "5 ft, 90 kg" in returning


def test_the_encoding_is_part_of_the_key(client):
    packed = client.get(LINK, headers={"Accept-Encoding": "gzip"})
    plain = client.get(LINK, headers={"Accept-Encoding": "identity"})
    assert packed.headers["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in plain.headers and b"<!doctype html>" in plain.data


def test_a_forged_script_name_cannot_poison_the_page_for_others(client):
    evil = client.get("/", environ_overrides={"SCRIPT_NAME": "//evil.example"})
    assert evil.status_code == 200
    for path in ("/", LINK):
        page = client.get(path).get_data(as_text=True)
        assert "evil.example" not in page, path
        assert re.search(r'href="/static/css/site\.css\?v=', page)


def test_a_forged_host_cannot_poison_the_page_for_others(client):
    forged = client.get(LINK, headers={"Host": "evil.example"})
    assert forged.status_code == 200
    page = client.get(LINK).get_data(as_text=True)
    assert "evil.example" not in page and "http://localhost/?height=5" in page


def test_only_successful_gets_are_kept(app, client):
    assert client.get("/?height=abc").status_code == 400
    assert client.head(LINK).status_code == 200
    assert client.get("/history").status_code == 200
    assert len(cache_of(app)) == 0


def test_it_can_be_turned_off(make_app):
    app = make_app(RESPONSE_CACHE_SIZE=0)
    client = app.test_client()
    assert client.get(LINK).status_code == 200
    assert len(cache_of(app)) == 0
