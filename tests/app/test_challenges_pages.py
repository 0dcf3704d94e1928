"""Challenges through HTTP: the ladder, one challenge, the teacher's form, the widget and
the JSON; and a hostile battery: every bad link is a 400 with a message next to its
field (page, widget) or naming it (API), never a 500, never echoed markup."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from html_checks import inline_problems
from openapi_check import validate_answer

from webapp.api.challenges_openapi import CHALLENGE_PATH, CHALLENGES_PATH
from webapp.challenges.builtins import LADDER
from webapp.web.cookies import solved_cookie

OK = "people=170cm,60kg;170cm,100kg,1"
SCRIPT = "<script>alert(1)</script>"

# (query, the field whose message must show)
HOSTILE = [
    ("", "people"),
    ("people=", "people"),
    ("people=%20%20", "people"),
    ("people=" + ";".join(["170cm,70kg"] * 13), "people"),
    ("people=" + ";".join(["170cm,70kg"] * 100), "people"),
    ("people=" + "9" * 100_000, "people"),
    ("people=170cm,70kg;", "people"),
    ("people=;;", "people"),
    ("people=170,70kg", "people"),
    ("people=170cm,70st", "people"),
    ("people=170yd,70kg", "people"),
    ("people=170CM,70kg", "people"),
    ("people=abccm,70kg", "people"),
    ("people=nancm,70kg", "people"),
    ("people=infft,70kg", "people"),
    ("people=1e309cm,70kg", "people"),
    ("people=170cm,-70kg", "people"),
    ("people=0ft,70kg", "people"),
    ("people=1e-170ft,70kg", "people"),
    ("people=11ft,70kg", "people"),
    ("people=170cm,800kg", "people"),
    ("people=1,70cm,70kg", "people"),
    ("people=5,5ft,80kg", "people"),
    ("people=170cm,70kg,2", "people"),
    ("people=170cm,70kg,yes", "people"),
    ("people=170cm,70kg,", "people"),
    ("people=" + quote("١٧٠cm,70kg"), "people"),
    ("people=" + quote("１７０cm,70kg"), "people"),
    ("people=" + quote("170\u00a0cm,70kg"), "people"),
    ("people=" + quote("1_70cm,70kg"), "people"),
    ("people=0x10ft,70kg", "people"),
    ("people=" + "1" * 65 + "cm,70kg", "people"),
    ("people=" + quote(SCRIPT), "people"),
    (f"{OK}&people=170cm,70kg", "people"),
    (f"{OK}&title=" + "x" * 81, "title"),
    (f"{OK}&title=" + "é" * 81, "title"),
    (f"{OK}&title=" + "x" * 10_000, "title"),
    (f"{OK}&title=a%0Ab", "title"),
    (f"{OK}&title=a%00b", "title"),
    (f"{OK}&title=a&title=b", "title"),
    (f"{OK}&lock=w3", "lock"),
    (f"{OK}&lock=x", "lock"),
    (f"{OK}&lock=", "lock"),
    (f"{OK}&lock=w1,w1", "lock"),
    (f"{OK}&lock=w1:nan", "lock"),
    (f"{OK}&lock=w1:1e309", "lock"),
    (f"{OK}&lock=b:2000000", "lock"),
    (f"{OK}&lock=w1:" + "1" * 70, "lock"),
    (f"{OK}&lock=" + quote(SCRIPT), "lock"),
    (f"{OK}&lock=w1&lock=w2", "lock"),
    (f"{OK}&w1=nan", "w1"),
    (f"{OK}&w2=1e309", "w2"),
    (f"{OK}&b=4,5", "b"),
    (f"{OK}&b=" + "1" * 65, "b"),
    (f"{OK}&b=" + quote("٤"), "b"),
    (f"{OK}&w1=1&w1=2", "w1"),
    (f"{OK}&b=2000000", "b"),
    (f"{OK}&activation=softmax", "activation"),
    (f"{OK}&activation=" + quote(SCRIPT), "activation"),
    ("name=nope", "name"),
    ("name=" + quote(SCRIPT), "name"),
    ("name=" + "x" * 10_000, "name"),
    ("name=curved&name=one-person", "name"),
    (f"name=curved&{OK}", "people"),
    ("name=curved&title=hi", "title"),
]


def _ids():
    return [f"{i}:{q[:40]}" for i, (q, _) in enumerate(HOSTILE)]


@pytest.mark.parametrize(("query", "field"), HOSTILE, ids=_ids())
@pytest.mark.parametrize("path", ["/challenge", "/embed/challenge"])
def test_a_bad_link_is_a_400_with_the_message_next_to_its_field(module_client, path, query, field):
    response = module_client.get(f"{path}?{query}")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert f'id="{field}-error"' in html
    assert "<script>alert" not in html and "<b>" not in html
    assert inline_problems(html) == []
    assert len(html) < 200_000  # a huge value is never echoed whole


@pytest.mark.parametrize(("query", "field"), HOSTILE, ids=_ids())
def test_the_api_names_the_field_of_a_bad_link(module_client, query, field):
    response = module_client.get(f"{CHALLENGE_PATH}?{query}")
    body = validate_answer(response, CHALLENGE_PATH, "GET")
    assert response.status_code == 400
    assert field in body["errors"]


def test_the_ladder_lists_every_builtin_easiest_first(client):
    html = client.get("/challenges").get_data(as_text=True)
    positions = [html.index(f'data-challenge="{b.name}"') for b in LADDER]
    assert positions == sorted(positions)
    assert html.count("Teacher&#39;s note") + html.count("Teacher's note") >= len(LADDER)
    assert 'href="/challenges" aria-current="page"' in html


def test_the_builtins_as_json(client):
    response = client.get(CHALLENGES_PATH)
    body = validate_answer(response, CHALLENGES_PATH, "GET")
    assert [c["name"] for c in body["challenges"]] == [b.name for b in LADDER]
    assert [c["size"] for c in body["challenges"]][:2] == [1, 2]
    assert [c["separable"] for c in body["challenges"]].count(False) >= 1
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_a_solved_challenge_says_so_with_share_and_lesson_links(client, monkeypatch):
    solved = []
    monkeypatch.setattr(solved_cookie, "record", solved.append)
    response = client.get("/challenge?name=two-people&w1=0&w2=0.1&b=-8")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'data-solved="true"' in html and "Solved: all 2 right" in html
    assert "/challenge?name=two-people&amp;w1=0&amp;w2=0.1&amp;b=-8&amp;activation=sigmoid" in html
    assert "Try these in the lesson" in html and "/?height=170&amp;height_unit=cm" in html
    assert solved == ["two-people"]
    assert html.count("✔") == 3 and html.count(">right<") + html.count(" right</td>") >= 2


def test_an_unsolved_challenge_shows_each_verdict_in_words_and_a_hint_on_request(client):
    html = client.get("/challenge?name=bias-only").get_data(as_text=True)
    assert 'data-solved="false"' in html and "wrong" in html
    assert "<caption" in html and '<th scope="row">1</th>' in html
    assert "Hint</h3>" not in html and "hint=1" in html
    assert 'id="w1"' in html and "(locked)" in html
    hinted = client.get("/challenge?name=bias-only&hint=1").get_data(as_text=True)
    assert "Hint</h3>" in hinted and "lower b" in hinted and "lower w₂" not in hinted


def test_the_unsolvable_one_says_why_once_asked(client):
    assert "No line can do it" not in client.get("/challenge?name=curved").get_data(as_text=True)
    html = client.get("/challenge?name=curved&hint=1").get_data(as_text=True)
    assert "No line can do it" in html and "more than one neuron" in html


def test_the_title_is_shown_escaped(client):
    response = client.get(f"/challenge?{OK}&title=" + quote("<b>Bold</b> & co"))
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; co" in html and "<b>Bold" not in html


def test_a_locked_value_wins_over_the_learners(client):
    body = client.get(f"{CHALLENGE_PATH}?{OK}&lock=w1:0,w2:0.1&w1=99&w2=99&b=-8").get_json()
    assert body["locked"] == {"w1": 0.0, "w2": 0.1}
    assert (body["w1"], body["w2"], body["solved"]) == (0.0, 0.1, True)
    assert "w1=99" not in body["share_url"] and "lock=w1:0,w2:0.1" in body["share_url"]


def test_the_teachers_form_redirects_to_the_canonical_link(client):
    assert client.get("/challenge/new").status_code == 200
    query = (
        "make=1&title=My+class&height_1=170&height_unit_1=cm&weight_1=60&weight_unit_1=kg"
        "&label_1=bmi&height_2=&weight_2=&height_3=5.5&height_unit_3=ft&weight_3=200"
        "&weight_unit_3=lb&label_3=1&lock_w1=0&lock_w2=&lock_b="
    )
    response = client.get(f"/challenge/new?{query}")
    assert response.status_code == 303
    assert response.headers["Location"] == (
        "/challenge?people=170cm,60kg;5.5ft,200lb,1&title=My%20class&lock=w1:0"
    )
    assert client.get(response.headers["Location"]).status_code == 200


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("make=1", "height_1"),
        ("make=1&height_2=abc&weight_2=70", "height_2"),
        ("make=1&height_1=170&height_unit_1=cm&weight_1=70&title=" + "x" * 81, "title"),
        ("make=1&height_1=170&height_unit_1=cm&weight_1=70&lock_b=nan", "lock_b"),
        ("make=1&height_1=170&height_unit_1=yd&weight_1=70", "height_1"),
        ("make=1&height_1=170&height_unit_1=cm&weight_1=70&label_1=7", "height_1"),
    ],
)
def test_the_teachers_form_shows_messages_next_to_fields(client, query, field):
    response = client.get(f"/challenge/new?{query}")
    assert response.status_code == 400
    assert f'id="{field}-error"' in response.get_data(as_text=True)


def test_the_widget_is_framable_and_never_sets_a_cookie(client):
    client.get("/?height=5")  # the lesson sets this browser's cookies
    assert client.get_cookie("neuronlab") is not None
    response = client.get("/embed/challenge?name=one-person&b=-2")
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    assert "frame-ancestors *" in response.headers["Content-Security-Policy"]
    assert "X-Frame-Options" not in response.headers
    page = client.get("/challenge?name=one-person")
    assert page.headers["X-Frame-Options"] == "DENY"
    assert "/embed/challenge?name=one-person" in page.get_data(as_text=True)


@pytest.mark.parametrize("builtin", LADDER, ids=lambda b: b.name)
def test_every_builtin_page_and_json_answer(client, builtin):
    assert client.get(f"/challenge?name={builtin.name}").status_code == 200
    assert client.get(f"/embed/challenge?name={builtin.name}").status_code == 200
    body = validate_answer(
        client.get(f"{CHALLENGE_PATH}?name={builtin.name}"), CHALLENGE_PATH, "GET"
    )
    assert body["total"] == builtin.size and len(body["people"]) == builtin.size


def test_a_solved_challenge_is_recorded_in_this_browser(client):
    before = client.get("/challenges")
    assert before.status_code == 200
    assert 'data-challenge="one-person" data-solved="false"' in before.text
    first = LADDER[0]
    solving = client.get(f"/challenge?name={first.name}&w1=0&w2=0&b=5")
    assert solving.status_code == 200
    if "Solved" not in solving.text:  # the other side of the line, whatever the person's label
        solving = client.get(f"/challenge?name={first.name}&w1=0&w2=0&b=-5")
    assert solving.status_code == 200 and "Solved" in solving.text
    after = client.get("/challenges")
    assert after.status_code == 200
    assert f'data-challenge="{first.name}" data-solved="true"' in after.text
    assert "Challenges solved in this browser: 1." in client.get("/history").text
    other = app_client_without_cookies(client)
    assert 'data-solved="true"' not in other.get("/challenges").text


def app_client_without_cookies(client):
    return client.application.test_client()


@pytest.mark.parametrize("path", ["/challenge", "/embed/challenge"])
def test_oembed_answers_for_a_challenge_with_its_widget(client, path):
    url = f"http://localhost{path}?people=5ft,80kg;6ft,130kg,1&title=Two <b>people</b>"
    response = client.get("/oembed", query_string={"url": url, "maxheight": "600"})
    assert response.status_code == 200
    data = response.get_json()
    assert data["type"] == "rich" and data["height"] == 600
    assert data["title"] == "Neuron Lab challenge: Two <b>people</b>"
    assert data["html"].startswith('<iframe src="http://localhost/embed/challenge?people=')
    assert "<b>" not in data["html"] and 'data-max-height="600"' in data["html"]
    widget = client.get(data["html"].split('"')[1].replace("&amp;", "&"))
    assert widget.status_code == 200 and "Set-Cookie" not in widget.headers


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost/challenge?people=bad",
        "http://localhost/challenge?name=nope",
        "http://evil.example/challenge?name=curved",
        "http://localhost/challenges",
    ],
)
def test_oembed_refuses_a_bad_or_foreign_challenge(client, url):
    response = client.get("/oembed", query_string={"url": url})
    assert response.status_code == 404
    assert "url" in response.get_json()["errors"]


BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def test_bidi_controls_are_taken_out_of_a_title_wherever_it_is_shown(client):
    """Issue 24, finding 10: a title with U+202E reached <title> and <h1> raw, and
    turned the text after it around."""
    title = "Evil\u202etxt.exe\u2066 and\u200f more\u061c"
    query = {"people": "5.9ft,80kg;165cm,50kg,0", "title": title}
    shown = "Eviltxt.exe and more"
    answers = {
        "page": client.get("/challenge", query_string=query),
        "widget": client.get("/embed/challenge", query_string=query),
        "api": client.get("/api/v1/challenge", query_string=query),
    }
    page_url = answers["page"].request.url
    answers["oembed"] = client.get("/oembed", query_string={"url": page_url})
    for name, answer in answers.items():
        assert answer.status_code == 200, name
        text = answer.get_data(as_text=True)
        assert not set(BIDI_CONTROLS) & set(text), name
    page = answers["page"].get_data(as_text=True)
    assert f"<title>{shown}" in page and f">{shown}</h1>" in page
    assert shown in answers["widget"].get_data(as_text=True)
    assert answers["oembed"].get_json()["title"].endswith(shown)
