"""Security headers on every response, and nothing inline in any page.

The routes come from the app's own URL map, so a route added later is covered
without editing this file.
"""

from __future__ import annotations

import tempfile

import pytest
from apps import build_app
from html_checks import inline_problems

CSP = (
    "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
CSP_EMBED = CSP.replace("frame-ancestors 'none'", "frame-ancestors *")
# The widget is meant for other sites' iframes; nothing else may be framed.
FRAMEABLE_PATHS = {"/embed", "/embed/random", "/embed/challenge"}

RESULT = "height=170&height_unit=cm&weight=176&weight_unit=lb&activation=tanh"
# Page states that every route's bare GET does not reach.
EXTRA_REQUESTS = [
    ("GET", f"/?{RESULT}"),
    ("GET", "/?height=abc&weight=4,5&w1=nan"),  # the 400 form
    ("GET", "/no-such-page"),
    ("GET", "/static/no-such-file.css"),
    ("GET", "/static/favicon.svg"),
    ("GET", "/static/css/site.css"),
    ("POST", "/"),  # 405
    ("OPTIONS", "/"),
    ("HEAD", "/"),
    ("GET", f"/embed?{RESULT}"),
    ("GET", f"/embed?{RESULT}&controls=0"),
    ("GET", "/embed?height=abc"),
    ("GET", f"/api/v1/neuron?{RESULT}"),
    ("GET", "/api/v1/neuron?height=abc"),
    ("GET", "/api/v1/no-such-thing"),
    ("GET", f"/oembed?url=http://localhost/?{RESULT}"),
    ("GET", f"/random?{RESULT}"),
    ("GET", f"/embed/random?{RESULT}"),
]


def _requests() -> list[tuple[str, str]]:
    """One request per route and method in the URL map, plus the page states above."""
    with tempfile.TemporaryDirectory() as instance:  # collection time: no fixtures yet
        rules = list(build_app(instance).url_map.iter_rules())
    found: list[tuple[str, str]] = []
    for rule in rules:
        if rule.arguments:  # /static/<path:filename>: covered by the extras
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            found.append((method, rule.rule))
    extras = [r for r in EXTRA_REQUESTS if r not in found]
    return sorted(found) + extras


REQUESTS = _requests()


def _path(url: str) -> str:
    return url.split("?", 1)[0]


@pytest.mark.parametrize(("method", "url"), REQUESTS, ids=[f"{m} {u}" for m, u in REQUESTS])
def test_security_headers(client, method, url):
    with client.open(url, method=method) as response:  # closes static files' handles
        assert response.status_code < 500, response.status_code
        headers = response.headers
    if _path(url) in FRAMEABLE_PATHS:
        assert headers["Content-Security-Policy"] == CSP_EMBED
        assert "X-Frame-Options" not in headers
    else:
        assert headers["Content-Security-Policy"] == CSP
        assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    # share links carry a height and a weight: never send them to another site
    assert headers["Referrer-Policy"] in {"same-origin", "no-referrer"}
    assert "Strict-Transport-Security" not in headers  # plain HTTP is not pinned
    for cookie in headers.getlist("Set-Cookie"):
        assert "HttpOnly" in cookie and "SameSite=Lax" in cookie, cookie


@pytest.mark.parametrize(("method", "url"), REQUESTS, ids=[f"{m} {u}" for m, u in REQUESTS])
def test_hsts_and_secure_cookies_when_https_is_configured(make_app, method, url):
    client = make_app(HTTPS=True).test_client()
    with client.open(url, method=method, base_url="https://localhost") as response:
        assert response.status_code < 500, response.status_code
    hsts = response.headers["Strict-Transport-Security"]
    assert "max-age=31536000" in hsts
    for cookie in response.headers.getlist("Set-Cookie"):
        assert "Secure" in cookie, cookie


NOT_PAGES = ("/static/", "/api/", "/oembed", ".json", ".csv", ".png")
HTML_PAGES = [
    url
    for method, url in REQUESTS
    if method == "GET" and not any(part in _path(url) for part in NOT_PAGES)
]


@pytest.mark.parametrize("url", HTML_PAGES)
def test_no_inline_script_or_style_in_pages(client, url):
    response = client.get(url)
    assert response.status_code < 500, response.status_code
    if response.status_code in {301, 302, 303, 307, 308}:
        response = client.get(response.headers["Location"])
        assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert inline_problems(response.get_data(as_text=True)) == []


def test_no_inline_script_or_style_with_a_history(client):
    for height in ("150", "160", "170"):
        assert client.get(f"/?height={height}&height_unit=cm").status_code == 200
    response = client.get("/history")
    assert response.status_code == 200
    assert inline_problems(response.get_data(as_text=True)) == []
