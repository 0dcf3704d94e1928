"""Per-client rate limits (issue 13, finding 2), in process: the costly routes meet a
429 with Retry-After on the site's page, another client is still served, cached
answers are not counted, and the limits are settings like any other. An unreachable
storage fails open, loudly (issue 24, finding 5)."""

from __future__ import annotations

import logging
import re
import socket
import time

import pytest

from webapp import create_app
from webapp.web.caches import response_cache
from webapp.web.caches.response_cache import ResponseCache
from webapp.web.plumbing import rate_limits

LESSON = "height_unit=cm&weight=90&weight_unit=kg&w1=0.2&w2=0.00001&b=1&activation=sigmoid"
FIRST = {"REMOTE_ADDR": "192.0.2.10"}  # a computer room's NAT address
SECOND = {"REMOTE_ADDR": "192.0.2.20"}  # somebody else


@pytest.fixture
def limited(make_app):
    """An app with limits on and small, so a test meets them in a few requests."""
    return make_app(
        RATELIMIT_ENABLED=True,
        RATELIMIT_RENDER="5 per minute",
        RATELIMIT_LEARNING="2 per minute",
        RATELIMIT_PREVIEW="2 per minute",
        RATELIMIT_API="3 per minute",
    )


def unique_link(n: int) -> str:
    return f"/?height={150 + n}&{LESSON}"


def flood(client, urls: list[str], environ: dict[str, str]) -> list[int]:
    return [client.get(url, environ_overrides=environ).status_code for url in urls]


def cache_of(app) -> ResponseCache:
    layer = app.wsgi_app
    while not isinstance(layer, ResponseCache):
        layer = layer.app
    return layer


def test_a_flood_of_unique_links_meets_429_while_another_client_is_served(limited):
    flooder, other = limited.test_client(), limited.test_client()
    codes = flood(flooder, [unique_link(n) for n in range(8)], FIRST)
    assert codes == [200] * 5 + [429] * 3
    assert other.get(unique_link(20), environ_overrides=SECOND).status_code == 200


def test_the_429_page_is_the_sites_with_retry_after_and_security_headers(limited):
    client = limited.test_client()
    flood(client, [unique_link(n) for n in range(5)], FIRST)
    refused = client.get(unique_link(9), environ_overrides=FIRST)
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    page = refused.get_data(as_text=True)
    assert "<h1>429: Too Many Requests</h1>" in page
    assert re.search(r"Wait \d+ seconds and try again", page)
    assert re.search(r'href="/static/css/site\.css\?v=', page)  # the site's layout
    assert refused.headers["Content-Security-Policy"].startswith("default-src 'self'")
    assert refused.headers["X-Frame-Options"] == "DENY"
    assert refused.headers["X-Content-Type-Options"] == "nosniff"
    assert refused.headers["Cache-Control"] == "no-store"


def test_a_429_is_never_kept_by_the_response_cache(limited, monkeypatch):
    monkeypatch.setattr(response_cache, "now", lambda: 1_800_000_000)  # one second
    client = limited.test_client()
    flood(client, [unique_link(n) for n in range(5)], FIRST)
    kept = len(cache_of(limited))
    assert client.get(unique_link(9), environ_overrides=FIRST).status_code == 429
    assert len(cache_of(limited)) == kept
    # the same link, the same second, from a fresh browser elsewhere: rendered, not a 429
    fresh = limited.test_client().get(unique_link(9), environ_overrides=SECOND)
    assert fresh.status_code == 200


def test_cached_pages_are_not_counted(limited):
    client = limited.test_client()
    link = unique_link(1)
    codes = [
        limited.test_client().get(link, environ_overrides=FIRST).status_code for _ in range(20)
    ]
    assert codes == [200] * 20  # one render, then the page cache answers
    assert client.get(unique_link(2), environ_overrides=FIRST).status_code == 200


def test_the_widget_is_a_fresh_render_too(limited):
    client = limited.test_client()
    urls = [f"/embed?height={150 + n}&{LESSON}" for n in range(7)]
    assert flood(client, urls, FIRST) == [200] * 5 + [429] * 2


@pytest.mark.parametrize(
    ("urls", "allowed"),
    [
        (["/learn?epochs=5", "/api/v1/train?epochs=6", "/learn?epochs=7"], 2),
        ([f"/preview.png?height={150 + n}&{LESSON}" for n in range(3)], 2),
        (
            [f"/api/v1/neuron?height={150 + n}&{LESSON}" for n in range(3)]
            + [f"/oembed?url=http://localhost/?height=170%26{LESSON}"],
            3,
        ),
    ],
    ids=["learning", "preview", "api"],
)
def test_the_costly_routes_are_limited(limited, urls, allowed):
    client = limited.test_client()
    codes = flood(client, urls, FIRST)
    assert codes[:allowed] == [200] * allowed and set(codes[allowed:]) == {429}
    assert flood(client, urls[:1], SECOND) == [200]


def test_the_api_answers_429_in_json(limited):
    client = limited.test_client()
    urls = [f"/api/v1/neuron?height={150 + n}&{LESSON}" for n in range(4)]
    flood(client, urls[:3], FIRST)
    refused = client.get(urls[3], environ_overrides=FIRST)
    assert refused.status_code == 429
    assert refused.is_json and "Wait" in refused.get_json()["errors"]["request"]
    assert int(refused.headers["Retry-After"]) >= 1
    assert refused.headers["Access-Control-Allow-Origin"] == "*"
    posted = client.post("/api/v1/neuron", json={"x": [1], "w": [1]}, environ_overrides=FIRST)
    assert posted.status_code == 429


def test_limits_are_on_by_default_and_generous(tmp_path, monkeypatch):
    monkeypatch.setenv("NEURON_INSTANCE_PATH", str(tmp_path))
    app = create_app({"SECRET_KEY": "k" * 32})
    assert app.config["RATELIMIT_ENABLED"] is True
    assert app.config["RATELIMIT_STORAGE_URI"] == "memory://"
    client = app.test_client()
    codes = flood(client, [unique_link(n) for n in range(40)], FIRST)
    assert codes == [200] * 40  # a class's burst of new links never meets the limit


def test_limits_are_read_from_the_environment_and_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("NEURON_INSTANCE_PATH", str(tmp_path))
    monkeypatch.setenv("FLASK_SECRET_KEY", "k" * 32)
    monkeypatch.setenv("FLASK_RATELIMIT_RENDER", "2 per minute")
    app = create_app({"TESTING": True})
    codes = flood(app.test_client(), [unique_link(n) for n in range(3)], FIRST)
    assert codes == [200, 200, 429]
    monkeypatch.setenv("FLASK_RATELIMIT_ENABLED", "false")
    app = create_app({"TESTING": True})
    assert app.config["RATELIMIT_ENABLED"] is False
    codes = flood(app.test_client(), [unique_link(n) for n in range(3)], FIRST)
    assert codes == [200, 200, 200]


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # closed again: nothing listens there


def test_an_unreachable_storage_fails_open_and_says_so_once(make_app, caplog):
    app = make_app(
        RATELIMIT_ENABLED=True,
        RATELIMIT_STORAGE_URI=f"redis://127.0.0.1:{_closed_port()}/0",
        RATELIMIT_RENDER="5 per minute",
    )
    client = app.test_client()
    with caplog.at_level(logging.WARNING, logger="flask-limiter"):
        codes = flood(client, [unique_link(n) for n in range(7)], FIRST)
        codes += flood(client, ["/learn?epochs=5", f"/api/v1/neuron?{LESSON}"], FIRST)
    # served, and still limited: each worker counts in its own memory meanwhile
    assert codes == [200] * 5 + [429] * 2 + [200, 200]
    said = [r for r in caplog.records if r.name == "flask-limiter"]
    assert len(said) == 1 and "unreachable" in said[0].getMessage()


def test_a_storage_that_never_answers_costs_a_request_at_most_its_timeout(make_app):
    with socket.socket() as silent:  # accepts connections, answers nothing
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        port = silent.getsockname()[1]
        app = make_app(RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI=f"redis://127.0.0.1:{port}")
        client = app.test_client()
        waits = []
        for n in range(4):  # the storage is tried, then again at once, then in 2 s, 4 s …
            started = time.monotonic()
            assert client.get(unique_link(n), environ_overrides=FIRST).status_code == 200
            waits.append(time.monotonic() - started)
        assert max(waits) < 2 * rate_limits.STORAGE_TIMEOUT + 0.5
        assert min(waits[2:]) < rate_limits.STORAGE_TIMEOUT


def test_the_warning_is_said_at_most_once_a_minute(monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(rate_limits.time, "monotonic", lambda: clock[0])
    once = rate_limits.OncePerMinute()
    record = logging.LogRecord("flask-limiter", logging.WARNING, "", 0, "down", (), None)
    info = logging.LogRecord("flask-limiter", logging.INFO, "", 0, "recovered", (), None)
    said = [once.filter(record), once.filter(record), once.filter(info)]
    clock[0] += rate_limits.WARN_EVERY
    said.append(once.filter(record))
    assert said == [True, False, True, True]


PEOPLE = "people=5.9ft,80kg;165cm,50kg,0"
EVERY_COSTLY_ROUTE = {  # issue 24, finding 3: these had no limit
    "/challenge": lambda n: f"/challenge?{PEOPLE}&w1=0.{n}",
    "/embed/challenge": lambda n: f"/embed/challenge?{PEOPLE}&w1=0.{n}",
    "/api/v1/challenge": lambda n: f"/api/v1/challenge?{PEOPLE}&w1=0.{n}",
    "/practice/worksheet": lambda n: f"/practice/worksheet?level=2&seed={n}&count=20",
    "/challenge/new": lambda n: f"/challenge/new?title=T{n}",
    "POST /api/v1/check": lambda n: "/api/v1/check",
}


@pytest.mark.parametrize("route", list(EVERY_COSTLY_ROUTE))
def test_every_costly_route_answers_429_past_its_limit(make_app, route):
    app = make_app(
        RATELIMIT_ENABLED=True, RATELIMIT_PAGES="2 per minute", RATELIMIT_API="2 per minute"
    )
    client, url = app.test_client(), EVERY_COSTLY_ROUTE[route]

    def ask(n: int, environ: dict[str, str]) -> int:
        if route.startswith("POST"):
            body = {"x": [4], "w": [0.2], "b": n, "answers": {"z": 1}}
            return client.post(url(n), json=body, environ_overrides=environ).status_code
        return client.get(url(n), environ_overrides=environ).status_code

    assert [ask(n, FIRST) for n in range(1, 4)] == [200, 200, 429]
    assert ask(4, SECOND) == 200


def test_training_is_counted_by_what_it_costs(make_app):
    """People × epochs, in thousands, against RATELIMIT_TRAINING: one big run takes
    most of this budget, a second is refused, a small one still fits, and a run already
    in memory costs nothing (it still counts as a request against RATELIMIT_LEARNING)."""
    app = make_app(RATELIMIT_ENABLED=True, RATELIMIT_TRAINING="1200 per minute")
    client = app.test_client()
    big = "/learn?epochs=1000&n=1000&seed={}"
    codes = [
        client.get(big.format(918_273), environ_overrides=FIRST).status_code,  # 1,000
        client.get(big.format(918_274), environ_overrides=FIRST).status_code,  # 2,000
        client.get("/api/v1/train?epochs=10&n=10&seed=918275", environ_overrides=FIRST).status_code,
        client.get(big.format(918_273), environ_overrides=FIRST).status_code,  # in memory
    ]
    assert codes == [200, 429, 200, 200]
    assert client.get(big.format(918_276), environ_overrides=SECOND).status_code == 200
