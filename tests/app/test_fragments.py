"""The per-link page cache: the same link gives the same page, never another browser's,
and nothing of one request's raw query reaches another's page."""

from __future__ import annotations

from webapp.web.caches.lru import LRU
from webapp.web.caches.page_cache import EXTENSION

LINK = "/?height=5&height_unit=ft&weight=70&weight_unit=kg&w1=0.2&w2=0.00001&b=1&activation=sigmoid"


def test_a_link_renders_the_same_page_from_the_cache(client, app):
    first = client.get(LINK)
    cache = app.extensions[EXTENSION]
    filled = len(cache)
    assert filled == 1  # the page's head and main part, kept once per page key
    second = app.test_client().get(LINK)  # a fresh browser: same panel, so the same page
    assert first.status_code == second.status_code == 200
    assert first.data == second.data
    assert len(cache) == filled


def test_absolute_urls_follow_the_host(app):
    client = app.test_client()
    here = client.get(LINK, base_url="http://one.example")
    there = client.get(LINK, base_url="https://two.example")
    assert here.status_code == there.status_code == 200
    assert b"http://one.example/?height=5" in here.data
    assert b"https://two.example/?height=5" in there.data
    assert b"one.example" not in there.data


def test_each_browser_sees_its_own_recent_results(app):
    alice, bob = app.test_client(), app.test_client()
    assert alice.get("/?height=6&weight=99").status_code == 200
    page_alice = alice.get(LINK).get_data(as_text=True)
    page_bob = bob.get(LINK).get_data(as_text=True)
    assert "6 ft, 99 kg" in page_alice
    assert "6 ft, 99 kg" not in page_bob


def test_the_cache_is_bounded_and_can_be_turned_off(make_app):
    cache = LRU[str](2)
    for key in "abc":
        cache.get_or_make(key, lambda k=key: k)
    assert len(cache) == 2
    assert cache.get_or_make("a", lambda: "new") == "new"  # "a" was the oldest, dropped
    assert cache.get_or_make("c", lambda: "other") == "c"  # "c" is still kept
    app = make_app(FRAGMENT_CACHE_SIZE=0)
    response = app.test_client().get(LINK)
    assert response.status_code == 200
    assert len(app.extensions[EXTENSION]) == 0


def test_an_unknown_parameter_never_reaches_a_page_or_its_cache(app):
    """A poisoned link renders the same cached parts as the clean one, and neither page
    names the parameter no parser knows (not in the switcher, hreflang or a form)."""
    poisoned = app.test_client().get(LINK + "&zz=POISON&lang=de")
    clean = app.test_client().get(LINK + "&lang=de")
    reordered = app.test_client().get("/?lang=de&" + "&".join(reversed(LINK[2:].split("&"))))
    assert poisoned.status_code == clean.status_code == reordered.status_code == 200
    assert len(app.extensions[EXTENSION]) == 1
    assert poisoned.data == clean.data == reordered.data
    assert b"POISON" not in poisoned.data and b"zz=" not in poisoned.data
