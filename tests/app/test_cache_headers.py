"""Cache-Control per route (issue 13, finding 8): what shows this browser's data is
private (and varies on Cookie); what is the same for everyone may be kept publicly."""

from __future__ import annotations

import pytest

from webapp.web.plumbing import caching, route_facts

LESSON = "height=5&height_unit=ft&weight=90&weight_unit=kg&w1=0.2&w2=0.00001&b=1&activation=sigmoid"

PRIVATE = [
    f"/?{LESSON}",
    "/",
    "/?height=abc",  # the form, with the recent-results panel
    "/history",
    "/history.csv",
    "/history.json",
]
PUBLIC = [
    f"/embed?{LESSON}",
    f"/oembed?url=http://localhost/?{LESSON}",
    f"/api/v1/neuron?{LESSON}",
    "/api/v1/openapi.json",
    "/api/v1/train?epochs=5",
    "/learn?epochs=5",
]
NO_STORE = [f"/random?{LESSON}", f"/embed/random?{LESSON}"]


@pytest.mark.parametrize("url", PRIVATE)
def test_this_browsers_pages_are_private(client, url):
    client.get(f"/?{LESSON}")  # a history to show
    response = client.get(url)
    assert response.status_code in {200, 400}
    assert response.cache_control.private and not response.cache_control.public
    assert "Cookie" in response.vary


@pytest.mark.parametrize("url", PUBLIC)
def test_what_is_the_same_for_everyone_is_public(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response.cache_control.public
    assert 0 < response.cache_control.max_age <= 3600
    assert "Cookie" not in response.vary
    assert "Set-Cookie" not in response.headers


@pytest.mark.parametrize("url", NO_STORE)
def test_random_draws_are_never_kept(client, url):
    response = client.get(url)
    assert response.status_code == 303
    assert response.cache_control.no_store


def test_history_changes_are_never_kept(client):
    client.get(f"/?{LESSON}")
    response = client.post("/history/clear")  # refused (no CSRF token), and not kept
    assert response.status_code == 400
    assert response.cache_control.no_store and response.cache_control.private


def test_the_preview_and_static_files_keep_their_own_long_lifetimes(client):
    preview = client.get(f"/preview.png?{LESSON}")
    assert preview.status_code == 200
    assert preview.cache_control.public and preview.cache_control.max_age == 86400
    page = client.get("/").get_data(as_text=True)
    css = page.split('href="/static/css/site.css', 1)[1].split('"', 1)[0]
    with client.get("/static/css/site.css" + css.replace("&amp;", "&")) as static:
        assert static.status_code == 200
        assert "immutable" in static.headers["Cache-Control"]


def test_a_cached_answer_keeps_its_headers(client):
    first = client.get(f"/embed?{LESSON}")
    again = client.get(f"/embed?{LESSON}")  # from the whole-response cache
    assert first.status_code == again.status_code == 200
    assert again.headers["Cache-Control"] == first.headers["Cache-Control"]


def test_every_route_has_a_policy(app):
    assert set(caching.policies(route_facts.read(app))) == set(app.view_functions)
