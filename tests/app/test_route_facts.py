"""Each route declares its facts on its view (webapp/web/plumbing/route_facts.py), and the
app derives every table from them at start: a new route is one file.

A room registered here for the test, with one view declaring every fact, gets each of
them: its Cache-Control, its rate limit, framing with no session, and English JSON that
does not vary on Accept-Language; a view that declares no cache policy stops the start.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from flask import Blueprint, jsonify

from webapp.language import active
from webapp.web import blueprints
from webapp.web.caches.response_cache import mark_cacheable
from webapp.web.languages.request_language import language_neutral
from webapp.web.plumbing import route_facts
from webapp.web.plumbing.caching import PUBLIC, cache_control
from webapp.web.plumbing.rate_limits import API, rate_limited
from webapp.web.plumbing.route_facts import RouteFacts, facts_of
from webapp.web.plumbing.security import CSP_FRAMEABLE, framable
from webapp.web.plumbing.sessions import CookielessSessions

WIDGETS = {"embed.index", "embed.random_weights", "challenges.embed"}


def _room(name: str, *decorators) -> SimpleNamespace:
    """A room of one view at /<name>, decorated with ``decorators`` (innermost last)."""
    bp = Blueprint(name, __name__)

    def view():
        mark_cacheable()
        return jsonify(room=name, language=active().code)

    for decorate in reversed(decorators):
        view = decorate(view)
    bp.get(f"/{name}")(view)
    return SimpleNamespace(bp=bp)


def test_every_view_declares_a_cache_policy(app):
    routes = route_facts.read(app)
    assert set(routes) == set(app.view_functions)
    assert [endpoint for endpoint, facts in routes.items() if facts.cache is None] == []


def test_only_the_widgets_are_framable_and_cookieless(app):
    routes = route_facts.read(app)
    assert {endpoint for endpoint, facts in routes.items() if facts.framable} == WIDGETS
    sessions = app.session_interface
    assert isinstance(sessions, CookielessSessions)
    assert sessions.paths == {"/embed", "/embed/random", "/embed/challenge"}


def test_the_json_routes_alone_are_language_neutral(app):
    routes = route_facts.read(app)
    neutral = {endpoint for endpoint, facts in routes.items() if not facts.speaks_language}
    assert neutral == {e for e in routes if e.startswith(("api.", "challenges_api."))}


def test_a_declaration_records_and_returns_the_view_itself():
    def view():
        return ""

    assert facts_of(view) == RouteFacts()
    declared = rate_limited(API)(cache_control(PUBLIC)(view))
    assert declared is view
    assert facts_of(view) == RouteFacts(cache=PUBLIC, rate_limit=API)


def test_a_new_route_is_one_file_with_its_facts_on_it(make_app, monkeypatch):
    room = _room("probe", cache_control(PUBLIC), rate_limited(API), framable, language_neutral)
    monkeypatch.setattr(blueprints, "ROOMS", (*blueprints.ROOMS, room))
    app = make_app(RATELIMIT_ENABLED=True, RATELIMIT_API="2 per minute", RESPONSE_CACHE_SIZE=0)
    client = app.test_client()
    first = client.get("/probe", headers={"Accept-Language": "de", "Cookie": "session=x"})
    assert first.status_code == 200
    assert first.get_json() == {"room": "probe", "language": "en"}  # whatever was asked
    assert first.headers["Cache-Control"] == PUBLIC.cache_control
    assert first.headers["Content-Security-Policy"] == CSP_FRAMEABLE
    assert "X-Frame-Options" not in first.headers
    assert "Set-Cookie" not in first.headers
    assert "Accept-Language" not in first.vary
    assert client.get("/probe").status_code == 200
    assert client.get("/probe").status_code == 429  # the API's count, shared


def test_a_view_without_a_cache_policy_stops_the_start(make_app, monkeypatch):
    monkeypatch.setattr(blueprints, "ROOMS", (*blueprints.ROOMS, _room("undeclared")))
    with pytest.raises(RuntimeError, match=r"undeclared\.view.*@cache_control"):
        make_app()
