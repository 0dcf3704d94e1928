"""Predict mode and practice through the app: questions, verdicts on the page, hints,
reveal, practice problems by share link, progress and mastery in the records cookie,
the cookie's size, worksheets, the widget, and mode's contract."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from webapp.lesson.params import parse_lesson
from webapp.practice.problems import problem
from webapp.practice.steps import all_steps
from webapp.web.caches import response_cache
from webapp.web.cookies.records_cookie import COOKIE_NAME

EXAMPLE = (
    "/?height=4&height_unit=ft&weight=80&weight_unit=kg&w1=0.2&w2=0.00001&b=1&activation=sigmoid"
)


@pytest.fixture
def client(own_page_client):
    return own_page_client  # a practice check is recorded only from the site's own pages


def start_tag(page: str, element_id: str) -> str:
    """The start tag of the element with this id."""
    match = re.search(rf'<[a-z]+ [^>]*\bid="{element_id}"[^>]*>', page)
    assert match, element_id
    return match.group(0)


def text_of(page: str, element_id: str) -> str:
    match = re.search(rf'\bid="{element_id}"[^>]*>(.*?)</(p|div)>', page, re.S)
    assert match, element_id
    return re.sub(r"<[^>]+>", "", match.group(1))


def verdicts(response) -> dict[str, str]:
    return dict(re.findall(r'data-answer="(\w+)" data-verdict="(\w+)"', response.text))


def right_answer(step) -> str:
    """What a careful learner types for a step."""
    if step.kind == "label":
        return "obese" if step.exact else "not_obese"
    if step.kind == "agrees":
        return "yes" if step.exact else "no"
    if step.kind == "flip":
        direction = -1 if "<" in step.worked else 1
        return repr(step.exact + direction * 10)  # well past the value where it flips
    return f"{step.exact:.6g}"


def wrong_answer(step) -> str:
    if step.kind in ("label", "agrees"):
        return {"obese": "not_obese", "not_obese": "obese", "yes": "no", "no": "yes"}[
            right_answer(step)
        ]
    if step.kind == "flip":
        direction = -1 if "<" in step.worked else 1
        return repr(step.exact - direction * 10)  # the wrong side: nothing flips
    return repr(step.exact * 3 + 7)


def steps_of(url: str) -> tuple[dict, dict[str, list[str]]]:
    args = parse_qs(urlsplit(url).query)
    return all_steps(parse_lesson(args).lesson()), args


def answered(url: str, right: bool = True) -> str:
    steps, args = steps_of(url)
    names = args["ask"][0].split("-")
    answer = right_answer if right else wrong_answer
    return url + "".join(f"&a_{name}={answer(steps[name])}" for name in names)


def mastered(client) -> dict[str, str]:
    page = client.get("/practice").text
    return dict(re.findall(r'data-level="(\d)" data-mastered="(\w+)"', page))


# --- predict mode on the lesson --------------------------------------------------------


def test_predict_mode_asks_every_step_and_tells_nothing_first(client):
    response = client.get(EXAMPLE + "&mode=predict")
    assert response.status_code == 200
    page = response.text
    for name in ("p1", "p2", "sum", "z", "exp_neg_z", "denominator", "y"):
        assert f'name="a_{name}"' in page
    assert 'name="a_label" value="obese"' in page
    assert "0.8582" not in page and "1.8008" not in page  # nothing worked out yet
    assert "data-verdict" not in page and "Show me everything" in page
    assert 'href="/?height=4&amp;height_unit=ft' in page  # mode=show: the plain link
    assert COOKIE_NAME not in response.headers.get("Set-Cookie", "")  # no history entry


def test_checking_gives_a_verdict_per_step_tied_to_its_field(client):
    url = EXAMPLE + "&mode=predict&a_p1=0.8&a_sum=0.9&a_z=1.808&a_y=0.71&a_label=obese"
    response = client.get(url)
    assert response.status_code == 200
    found = verdicts(response)
    assert found == {
        "p1": "right",
        "p2": "blank",
        "sum": "wrong",
        "z": "wrong",
        "exp_neg_z": "blank",
        "denominator": "blank",
        "y": "wrong",
        "label": "right",
    }
    page = response.text
    assert re.search(r'aria-describedby="a_z-verdict"', start_tag(page, "a_z"))
    assert "not yet" in text_of(page, "a_z-verdict")
    summary = start_tag(page, "check-summary")
    assert 'tabindex="-1"' in summary and " autofocus" in summary
    assert 'href="#a_z"' in page[page.index('id="check-summary"') : page.index("predict-form")]
    assert "Hint 1: the formula" in response.text and "z = 0.8008 + 1" in response.text


def test_a_carried_error_says_so_in_words(client):
    response = client.get(EXAMPLE + "&mode=predict&a_z=1.808&a_y=0.8591")
    assert verdicts(response)["y"] == "carried"
    assert "right from your earlier answer" in response.text


def test_the_whole_lesson_appears_once_every_step_is_answered(client):
    steps, _ = steps_of(EXAMPLE)
    query = "".join(
        f"&a_{n}={right_answer(s)}"
        for n, s in steps.items()
        if n in {"p1", "p2", "sum", "z", "exp_neg_z", "denominator", "y", "label"}
    )
    partly = client.get(EXAMPLE + "&mode=predict&a_p1=0.8")
    assert "luck-title" not in partly.text
    response = client.get(EXAMPLE + "&mode=predict" + query)
    assert set(verdicts(response).values()) == {"right"}
    assert "luck-title" in response.text and "steps-title" in response.text
    # giving up on the blanks reveals it too
    gave_up = client.get(
        EXAMPLE
        + "&mode=predict&a_p1=0.8"
        + "".join(
            f"&give_up={n}" for n in ("p2", "sum", "z", "exp_neg_z", "denominator", "y", "label")
        )
    )
    assert "luck-title" in gave_up.text


def test_a_malformed_answer_is_a_400_with_a_field_message(client):
    response = client.get(EXAMPLE + "&mode=predict&a_z=1,8")
    assert response.status_code == 400
    page = response.text
    assert "use a dot" in text_of(page, "a_z-error")
    z = start_tag(page, "a_z")
    assert 'aria-invalid="true"' in z and " autofocus" in z


@pytest.mark.parametrize("mode", ["bogus", "Predict", ""])
def test_an_unknown_mode_is_a_400_with_a_field_message(client, mode):
    response = client.get(EXAMPLE + f"&mode={mode}")
    assert response.status_code == 400
    assert "Mode must be one of: show, predict." in response.text


def test_share_links_name_mode_only_for_predict(client):
    page = client.get(EXAMPLE + "&mode=show").text
    assert 'value="http://localhost' + EXAMPLE.replace("&", "&amp;") + '"' in page
    problem_page = client.get(EXAMPLE + "&mode=predict&a_z=1").text
    assert EXAMPLE.replace("&", "&amp;") + "&amp;mode=predict" in problem_page


def test_the_widget_does_predict_mode_without_cookies(client):
    client.set_cookie(COOKIE_NAME, "anything")
    response = client.get(EXAMPLE.replace("/?", "/embed?") + "&mode=predict&a_z=1.8008&theme=dark")
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    assert verdicts(response)["z"] == "right"
    assert 'action="/embed"' in response.text and 'name="theme" value="dark"' in response.text


# --- practice -----------------------------------------------------------------------------


def new_problem(client, level: int) -> str:
    response = client.get(f"/practice/new?level={level}")
    assert response.status_code == 303
    location = response.headers["Location"]
    query = parse_qs(urlsplit(location).query)
    assert query["mode"] == ["predict"] and query["practice"] == [str(level)]
    assert location.index("activation=") < location.index("mode=")  # after the 8
    return location


@pytest.mark.parametrize("level", [1, 4])
def test_a_learner_gets_a_problem_wrong_then_right(client, level):
    url = new_problem(client, level)
    assert client.get(url).status_code == 200
    wrong = client.get(answered(url, right=False))
    assert set(verdicts(wrong).values()) == {"wrong"}
    assert "0 in a row" in wrong.text
    right = client.get(answered(url))
    assert set(verdicts(right).values()) == {"right"}
    assert "1 in a row" in right.text and "A new problem at this level" in right.text
    again = client.get(answered(url))  # a reload counts once
    assert "1 in a row" in again.text
    assert mastered(client)[str(level)] == "false"


def test_five_solved_in_a_row_master_a_level(client):
    for count in range(1, 6):
        url = new_problem(client, 2)
        response = client.get(answered(url))
        assert f"{count} in a row" in response.text
    assert mastered(client) == {"1": "false", "2": "true", "3": "false", "4": "false"}
    # later problems of a level ask for more steps (faded examples)
    asked = parse_qs(urlsplit(new_problem(client, 2)).query)["ask"][0].split("-")
    assert len(asked) >= 2 and asked[0] == "z" and asked[-1] == "y"
    history = client.get("/history")
    assert 'data-level="2" data-mastered="true"' in history.text
    exported = json.loads(client.get("/history.json").text)
    assert exported["practice"][1] == {"level": 2, "streak": 5, "solved": 5, "mastered": True}


def test_a_wrong_check_breaks_the_streak(client):
    for _ in range(2):
        client.get(answered(new_problem(client, 1)))
    response = client.get(answered(new_problem(client, 1), right=False))
    assert "0 in a row" in response.text


def test_progress_is_cleared_on_practice_and_kept_when_the_history_is_cleared(client):
    client.get(answered(new_problem(client, 3)))
    page = client.get("/practice").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    client.get(EXAMPLE.replace("b=1", "b=2"))  # one history entry
    history_token = re.search(
        r'name="csrf_token" value="([^"]+)"', client.get("/history").text
    ).group(1)
    client.post("/history/clear", data={"csrf_token": history_token})
    assert "1 solved in a row" in client.get("/practice").text
    response = client.post("/practice/clear", data={"csrf_token": token})
    assert response.status_code == 303
    assert "1 solved in a row" not in client.get("/practice").text


def test_the_cookie_stays_under_4093_bytes_with_a_full_history_and_all_progress(client):
    for i in range(120):  # more than the cookie holds
        assert client.get(EXAMPLE.replace("b=1", f"b={i}.123456789012")).status_code == 200
    for level in (1, 2, 3, 4):
        for _ in range(6):
            response = client.get(answered(new_problem(client, level)))
            header = response.headers.get("Set-Cookie", "")
            assert len(header.encode()) <= 4093
    assert set(mastered(client).values()) == {"true"}
    exported = json.loads(client.get("/history.json").text)
    assert exported["entries"] and exported["dropped"] > 0  # dropped, and said so
    assert [p["solved"] for p in exported["practice"]] == [6, 6, 6, 6]


def test_new_problem_levels_are_checked(client):
    assert client.get("/practice/new?level=5").status_code == 400
    assert client.get("/practice/new").status_code == 400


def test_a_problem_link_means_the_same_in_a_fresh_browser(app):
    p = problem(1, 42, 0)
    first = app.test_client().get(answered(p_url := _url(p)))
    second = app.test_client().get(answered(p_url))
    assert verdicts(first) == verdicts(second) == {"sum": "right"}


def _url(p) -> str:
    query = "&".join(f"{k}={v}" for k, v in {**p.raw, **p.extra}.items())
    return f"/?{query}"


# --- worksheets ---------------------------------------------------------------------------


def test_a_worksheet_has_its_problems_and_a_key(client):
    response = client.get("/practice/worksheet?level=2&seed=7&count=5")
    assert response.status_code == 200
    page = response.text
    assert page.count('class="sheet-problem"') == 5
    assert page.index("sheet-title") < page.index("key-title")
    assert client.get("/practice/worksheet?level=2&seed=7&count=5").text == page  # seeded


@pytest.mark.parametrize("query", ["level=5", "count=0", "count=21", "seed=-1", "seed=x"])
def test_a_worksheets_parameters_are_checked(client, query):
    assert client.get(f"/practice/worksheet?{query}").status_code == 400


# --- what counts (issue 24, finding 7) -------------------------------------------------

OWN_PAGE = {"Sec-Fetch-Site": "same-origin"}


def streak_text(browser, level: int) -> str:
    page = browser.get("/practice").text
    return re.search(rf'data-level="{level}".*?(\d+) solved in a row', page, re.S).group(1)


@pytest.mark.parametrize(
    ("headers", "counts"),
    [
        ({"Sec-Fetch-Site": "cross-site"}, False),  # a link or form on another site
        ({"Sec-Fetch-Site": "same-site"}, False),  # a sibling site is another site too
        ({}, False),  # no word of where it came from
        ({"Referer": "http://evil.example/practice"}, False),
        ({"Referer": "http://localhost/?mode=predict"}, True),  # an older browser, our page
        ({"Sec-Fetch-Site": "none"}, True),  # typed, or a bookmark
        (OWN_PAGE, True),
    ],
)
def test_only_this_sites_own_pages_record_a_check(app, headers, counts):
    """A cross-site GET with a wrong answer reset a streak of 6."""
    browser = app.test_client()
    for _ in range(6):
        assert browser.get(answered(new_problem(browser, 1)), headers=OWN_PAGE).status_code == 200
    assert streak_text(browser, 1) == "6"
    wrong = browser.get(answered(new_problem(browser, 1), right=False), headers=headers)
    assert wrong.status_code == 200
    assert verdicts(wrong) and "right" not in set(verdicts(wrong).values())
    assert streak_text(browser, 1) == ("0" if counts else "6")


def test_a_hand_made_problem_does_not_count_for_the_level(client):
    made = EXAMPLE.replace("w1=0.2", "w1=0").replace("w2=0.00001", "w2=0").replace("b=1", "b=0")
    url = f"{made}&mode=predict&practice=4&ask=flip_b"
    checked = client.get(answered(url))
    assert checked.status_code == 200
    assert set(verdicts(checked).values()) == {"right"}
    assert streak_text(client, 4) == "0"
    drawn = client.get(answered(new_problem(client, 4)))  # the level's own: counted
    assert set(verdicts(drawn).values()) == {"right"} and streak_text(client, 4) == "1"


def test_a_page_that_records_a_check_is_never_kept_whole(app, monkeypatch):
    monkeypatch.setattr(response_cache, "now", lambda: 1_800_000_000)  # one second
    url = answered(new_problem(app.test_client(), 1))
    cross, own = app.test_client(), app.test_client()
    cross.get(url, headers={"Sec-Fetch-Site": "cross-site"})
    response = own.get(url, headers=OWN_PAGE)  # the same second, the same (no) cookie
    assert response.status_code == 200 and "1 in a row" in response.text
