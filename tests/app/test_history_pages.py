"""The per-browser history through the test client: the pages, the cookie, the forms and
the downloads. The history service on its own: tests/unit/test_history_entries.py."""

from __future__ import annotations

import csv
import io
import json
import random
import re
from html import unescape

import pytest
from flask import Flask
from flask.testing import FlaskClient

from webapp.lesson import history, records
from webapp.lesson.params import LESSON_DEFAULTS as DEFAULTS
from webapp.lesson.params import PARAMETER_ORDER
from webapp.web.cookies import records_cookie
from webapp.web.cookies.history_cookie import LEGACY_KEYS

NOW = 1_780_000_000  # 2026-05-28T20:26:40Z


def raw(**changes: str) -> dict[str, str]:
    return {**DEFAULTS, **changes}


def entry(at: int = NOW, **changes: str) -> history.Entry:
    return history.new_entry(raw(**changes), at)


HISTORY_ENTRY = re.compile(r'<li class="history-entry">(.*?)</li>', re.S)


def compute(client: FlaskClient, **params: str):
    response = client.get("/", query_string=params)
    assert response.status_code == 200, response.status_code
    return response


def history_page(client: FlaskClient) -> str:
    response = client.get("/history")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-store"
    return unescape(response.get_data(as_text=True))


def weights_listed(page: str) -> list[str]:
    return re.findall(r", ([^ ,]+) kg</a></h2>", page)


def csrf_token(client: FlaskClient) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', history_page(client))
    assert match, "no CSRF token on /history"
    return match.group(1)


def stored(client: FlaskClient) -> list[history.Entry]:
    """The entries in the browser's records cookie (its signature is not checked here)."""
    cookie = client.get_cookie(records_cookie.COOKIE_NAME)
    return [] if cookie is None else list(records.loads(cookie.value.rsplit(".", 1)[0]).history)


def signed(app: Flask, text: str) -> str:
    """A records cookie value signed with the app's key, as the app signs it."""
    with app.app_context():
        return records_cookie.sign(text)


def test_each_result_is_added_newest_first(client):
    for weight in ("70", "71", "71", "72"):
        compute(client, weight=weight)
    page = history_page(client)
    assert weights_listed(page) == ["72", "71", "70"]
    first = HISTORY_ENTRY.findall(page)[0]
    assert "σ(z) = 0.8582" in first and "Obese" in first
    assert "w₁ = 0.2, w₂ = 0.00001, b = 1; z = 1.8007" in first
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ">', first)
    share = (
        "http://localhost/?height=4&height_unit=ft&weight=72&weight_unit=kg"
        "&w1=0.2&w2=0.00001&b=1&activation=sigmoid"
    )
    assert f'<a href="{share}">4 ft, 72 kg</a>' in first
    assert f'href="/?{share.split("?")[1]}#form-title">Put back in the form' in first


def test_the_worked_example_and_invalid_input_are_not_added(client):
    assert client.get("/").status_code == 200
    assert client.get("/?height=abc").status_code == 400
    assert stored(client) == []
    assert "No results yet" in history_page(client)


def test_the_worked_example_page_sets_no_cookie(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers.getlist("Set-Cookie") == []
    empty = client.get("/history")
    assert empty.status_code == 200
    assert empty.headers.getlist("Set-Cookie") == []  # no forms, so no CSRF token


def test_random_weights_land_in_the_history(client):
    response = client.get("/random?height=5.5&weight=70")
    assert response.status_code == 303
    compute_page = client.get(response.headers["Location"])
    assert compute_page.status_code == 200
    assert weights_listed(history_page(client)) == ["70"]


def test_the_lesson_page_shows_the_latest_five(client):
    for weight in range(60, 67):
        compute(client, weight=str(weight))
    page = unescape(client.get("/").get_data(as_text=True))
    recent = page.split('<section class="panel history-recent"', 1)[1].split("</section>")[0]
    assert re.findall(r"4 ft, (\d+) kg</a>", recent) == ["66", "65", "64", "63", "62"]
    assert '<a href="/history">All 7 results, with downloads</a>' in recent


def test_the_cookie_is_httponly_lax_and_lasts(client):
    response = compute(client, weight="90")
    (cookie,) = response.headers.getlist("Set-Cookie")
    assert cookie.startswith(f"{records_cookie.COOKIE_NAME}=")
    assert "; HttpOnly" in cookie and "; SameSite=Lax" in cookie and "; Expires=" in cookie
    assert "Secure" not in cookie
    again = client.get("/?weight=90")  # nothing new: the cookie is not re-sent
    assert again.status_code == 200 and again.headers.getlist("Set-Cookie") == []


def test_the_cookie_is_secure_under_https(make_app):
    app = make_app(HTTPS=True)
    response = app.test_client().get("/?weight=90", base_url="https://localhost")
    assert response.status_code == 200
    (cookie,) = response.headers.getlist("Set-Cookie")
    assert "; Secure" in cookie and "; HttpOnly" in cookie


def long_number(rng: random.Random, prefix: str) -> str:
    """A valid number of 64 characters that hardly compresses."""
    return prefix + "".join(rng.choice("0123456789") for _ in range(64 - len(prefix)))


@pytest.mark.slow
def test_500_results_keep_the_cookie_small_and_say_what_was_dropped(client):
    rng = random.Random(4)
    largest = 0
    for i in range(500):
        if i % 2:  # the longest values the parser accepts
            params = {
                "height": long_number(rng, "4."),
                "weight": long_number(rng, "80."),
                "w1": long_number(rng, "0."),
                "w2": long_number(rng, "0.0000"),
                "b": long_number(rng, "1."),
            }
        else:
            params = {"height": f"{4 + i % 50 / 10:g}", "weight": str(40 + i), "activation": "tanh"}
        response = compute(client, **params)
        for header in response.headers.getlist("Set-Cookie"):
            largest = max(largest, len(header))
    assert 3_000 < largest < 4_093
    response = client.get("/history")  # now with a CSRF token in the cookie too
    assert response.status_code == 200
    (cookie,) = response.headers.getlist("Set-Cookie")
    assert len(cookie) < 4_093
    page = unescape(response.get_data(as_text=True))
    shown = len(HISTORY_ENTRY.findall(page))
    assert shown > 10
    assert f"{500 - shown} older results were dropped to keep the history small." in page
    newest = HISTORY_ENTRY.findall(page)[0]
    assert f"{params['height']} ft" in newest  # the last computed is first


def test_the_lesson_page_says_when_it_dropped_old_results(client, monkeypatch):
    monkeypatch.setattr(history, "MAX_ENTRIES", 3)
    for weight in ("60", "61", "62"):
        page = compute(client, weight=weight).get_data(as_text=True)
        assert "older result" not in page
    page = compute(client, weight="63").get_data(as_text=True)
    assert "Your history is full: 1 older result was dropped to keep it small." in page
    assert "1 older result was dropped to keep the history small." in history_page(client)


@pytest.mark.parametrize(
    "value", ["garbage", "a.b.c", "", "1!h:4~ft~80~kg~0.2~0.00001~1~sigmoid~tfrksg.xx", "é"]
)
def test_a_tampered_cookie_is_an_empty_history(client, value):
    compute(client, weight="90")
    client.set_cookie(records_cookie.COOKIE_NAME, value)
    page = history_page(client)
    assert "No results yet" in page
    assert client.get("/?weight=91").status_code == 200
    assert weights_listed(history_page(client)) == ["91"]


def test_a_signed_but_malformed_history_is_read_as_far_as_it_is_valid(app, client):
    good = entry(weight="77").token
    text = f"1!h:x*{good}*5**{good[:-1]}!d:many!zz:whatever"
    client.set_cookie(records_cookie.COOKIE_NAME, signed(app, text))
    page = history_page(client)
    assert weights_listed(page) == ["77"]
    assert "dropped" not in page
    client.set_cookie(records_cookie.COOKIE_NAME, signed(app, "2!h:" + good))  # a newer version
    assert "No results yet" in history_page(client)


def test_the_cookie_round_trips_exactly(app, client):
    compute(client, weight="70", activation="tanh")
    compute(client, weight="81", w2="-0.5")
    cookie = client.get_cookie(records_cookie.COOKIE_NAME)
    assert cookie is not None
    text, _ = cookie.value.rsplit(".", 1)
    assert cookie.value == signed(app, text)  # signed once, with the app's key
    assert records.loads(text).dumps() == text
    assert [e.raw["weight"] for e in stored(client)] == ["81", "70"]
    assert text.startswith("1!h:4~ft~81~kg~0.2~-0.5~1~sigmoid~")


def test_a_rotated_key_still_reads_with_a_fallback_and_never_fails_without(make_app):
    old = make_app(SECRET_KEY="old-key-" + "o" * 32)
    browser = old.test_client()
    compute(browser, weight="70")
    value = browser.get_cookie(records_cookie.COOKIE_NAME).value
    rotating = make_app(SECRET_KEY="new-key-" + "n" * 32, SECRET_KEY_FALLBACKS=[old.secret_key])
    reader = rotating.test_client()
    reader.set_cookie(records_cookie.COOKIE_NAME, value)
    assert weights_listed(history_page(reader)) == ["70"]
    compute(reader, weight="71")  # rewritten with the new key
    assert reader.get_cookie(records_cookie.COOKIE_NAME).value != value
    rotated = make_app(SECRET_KEY="new-key-" + "n" * 32).test_client()
    rotated.set_cookie(records_cookie.COOKIE_NAME, value)
    assert "No results yet" in history_page(rotated)  # the old key's cookie: no history
    assert rotated.get("/?weight=72").status_code == 200


def legacy_session(app: Flask, data: dict) -> str:
    """A session cookie as earlier versions wrote the history into it."""
    return app.session_interface.get_signing_serializer(app).dumps(data)  # type: ignore[attr-defined]


def test_an_old_format_history_is_carried_over_once(app, client):
    older = entry(NOW - 60, weight="66")
    legacy = [[*e.raw.values(), e.at] for e in (entry(weight="77"), older)]
    client.set_cookie("session", legacy_session(app, {LEGACY_KEYS[0]: legacy, LEGACY_KEYS[1]: 3}))
    page = history_page(client)
    assert weights_listed(page) == ["77", "66"]
    assert [e.raw["weight"] for e in stored(client)] == ["77", "66"]  # now in the new cookie
    with client.session_transaction() as session:
        assert LEGACY_KEYS[0] not in session
    compute(client, weight="88")
    assert weights_listed(history_page(client)) == ["88", "77", "66"]


@pytest.mark.parametrize("junk", [{"history": "x"}, {"history": [["a"]]}, {"other": 1}])
def test_an_unreadable_old_format_reads_as_no_history(app, client, junk):
    client.set_cookie("session", legacy_session(app, junk))
    assert "No results yet" in history_page(client)
    assert compute(client, weight="70").status_code == 200


@pytest.mark.parametrize("path", ["/history/clear", "/history/delete"])
@pytest.mark.parametrize("token", [None, "", "forged-token"])
def test_a_post_without_a_valid_token_is_refused_and_changes_nothing(client, path, token):
    compute(client, weight="70")
    compute(client, weight="80")
    before = stored(client)
    key = before[0].key
    data = {"entry": key} if token is None else {"entry": key, "csrf_token": token}
    response = client.post(path, data=data)
    assert response.status_code == 400
    assert "The form expired or was sent from another site" in unescape(
        response.get_data(as_text=True)
    )
    assert stored(client) == before


def test_clear_empties_the_history(client):
    compute(client, weight="70")
    response = client.post("/history/clear", data={"csrf_token": csrf_token(client)})
    assert response.status_code == 303
    assert response.headers["Location"] == "/history?done=cleared"
    assert stored(client) == []
    page = client.get(response.headers["Location"])
    assert page.status_code == 200
    assert "The history was cleared." in page.get_data(as_text=True)
    assert "No results yet" in page.get_data(as_text=True)


def test_delete_removes_just_that_entry(client):
    for weight in ("70", "80", "90"):
        compute(client, weight=weight)
    token = csrf_token(client)
    key = stored(client)[1].key  # the 80 kg one
    response = client.post("/history/delete", data={"csrf_token": token, "entry": key})
    assert response.status_code == 303
    assert response.headers["Location"] == "/history?done=deleted"
    assert weights_listed(history_page(client)) == ["90", "70"]
    again = client.post("/history/delete", data={"csrf_token": token, "entry": key})
    assert again.status_code == 303
    assert again.headers["Location"] == "/history?done=missing"
    assert weights_listed(history_page(client)) == ["90", "70"]


def test_the_history_page_names_every_delete_button(client):
    compute(client, weight="70")
    page = history_page(client)
    assert re.search(r'Delete<span class="visually-hidden"> 4 ft, 70 kg, \d+ \w+ \d{4}', page)
    assert '<li><a href="/history" aria-current="page">History</a></li>' in page


def test_csv_download(client):
    compute(client, weight="70", activation="relu")
    compute(client, weight="90")
    response = client.get("/history.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="neuron-lab-history.csv"'
    )
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert [(r["weight"], r["activation"], r["label"]) for r in rows] == [
        ("90", "sigmoid", "Obese"),
        ("70", "relu", "Obese"),
    ]
    assert rows[0]["share_url"].startswith("http://localhost/?height=4&height_unit=ft&weight=90")
    assert rows[1]["output"] == rows[1]["z"]  # ReLU passes a positive z through
    assert float(rows[1]["z"]) == 0.2 * 4 + 0.00001 * 70 + 1  # full precision


def test_json_download(client):
    compute(client, weight="90", activation="tanh")
    response = client.get("/history.json")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="neuron-lab-history.json"'
    )
    body = json.loads(response.get_data(as_text=True))
    assert body["dropped"] == 0
    (record,) = body["entries"]
    assert [record[name] for name in PARAMETER_ORDER] == [
        "4",
        "ft",
        "90",
        "kg",
        "0.2",
        "0.00001",
        "1",
        "tanh",
    ]
    assert record["z"] == 0.2 * 4 + 0.00001 * 90 + 1
    assert record["label"] == "Obese" and record["threshold"] == 0
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", record["time"])


def test_downloads_of_an_empty_history(client):
    response = client.get("/history.json")
    assert response.status_code == 200
    assert json.loads(response.get_data(as_text=True)) == {"entries": [], "dropped": 0}
    response = client.get("/history.csv")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == ",".join(history.CSV_COLUMNS) + "\r\n"


def test_the_widget_records_nothing(client):
    response = client.get("/embed?weight=90")
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    assert client.get_cookie("session") is None
    assert stored(client) == []


@pytest.mark.slow
def test_history_under_gunicorn_with_4_workers_and_no_secret_key(tmp_path, monkeypatch):
    """Every worker reads the cookie the others wrote: they share the instance key."""
    import requests
    from servers import run_gunicorn

    for name in ("FLASK_SECRET_KEY", "SECRET_KEY"):
        monkeypatch.delenv(name, raising=False)
    instance = tmp_path / "instance"
    weights = [str(60 + i) for i in range(20)]
    with run_gunicorn(workers=4, instance_path=instance) as base, requests.Session() as browser:
        browser.headers["Connection"] = "close"  # a new connection, any worker, each time
        for weight in weights:
            response = browser.get(f"{base}/", params={"weight": weight}, timeout=10)
            assert response.status_code == 200
            assert f"4 ft, {weight} kg →" in response.text
        response = browser.get(f"{base}/history", timeout=10)
        assert response.status_code == 200
        assert weights_listed(unescape(response.text)) == weights[::-1]
    assert (instance / "secret_key").is_file()
