"""Challenges in real Chromium, by keyboard: the ladder, the first two solved, a
teacher's own challenge made and opened in a fresh browser; axe on every state, and
screenshots at 360 and 1280 px (artifacts/screenshots/challenge-*.png)."""

from __future__ import annotations

from playwright.sync_api import expect


def _type(page, selector: str, text: str) -> None:
    page.focus(selector)
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def _solve_by_keyboard(page, w1: str, w2: str, b: str) -> None:
    _type(page, "#w1", w1)
    _type(page, "#w2", w2)
    _type(page, "#b", b)
    page.keyboard.press("Enter")  # submits the GET form
    page.wait_for_load_state()


def test_the_ladder_two_solved_by_keyboard_and_a_teachers_own(
    live_server, new_context, axe_check, screenshot
):
    page = new_context().new_page()
    page.goto(live_server + "/challenges")
    names = page.locator("[data-challenge]").evaluate_all(
        "els => els.map(e => e.dataset.challenge)"
    )
    assert names[:2] == ["one-person", "two-people"] and len(names) >= 6
    axe_check(page)
    screenshot(page, "challenge-ladder-1280")

    page.locator("[data-challenge=one-person] h2 a").focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    expect(page.locator("[data-solved]")).to_have_attribute("data-solved", "false")
    axe_check(page)
    _solve_by_keyboard(page, "0.2", "0.00001", "-2")
    expect(page.locator("[data-solved]")).to_have_attribute("data-solved", "true")
    expect(page.locator("#status-title")).to_contain_text("Solved")
    axe_check(page)
    screenshot(page, "challenge-solved-1280")

    page.goto(live_server + "/challenge?name=two-people")
    _solve_by_keyboard(page, "0", "0.1", "-8")
    expect(page.locator("#status-title")).to_contain_text("Solved: all 2 right")
    lesson = page.get_by_role("link", name="Try these in the lesson")
    assert "w2=0.1" in (lesson.get_attribute("href") or "")

    page.goto(live_server + "/challenge?name=curved")
    page.get_by_role("button", name="Check and give me a hint").press("Enter")
    page.wait_for_load_state()
    expect(page.locator(".no-line")).to_contain_text("No line can do it")
    axe_check(page)
    screenshot(page, "challenge-curved-hint-1280")

    page.goto(live_server + "/challenge/new")
    axe_check(page)
    _type(page, "#title", "Class 7 <b>test</b>")
    _type(page, "#height_1", "170")
    page.select_option("#height_unit_1", "cm")
    _type(page, "#weight_1", "60")
    _type(page, "#height_2", "170")
    page.select_option("#height_unit_2", "cm")
    _type(page, "#weight_2", "100")
    page.select_option("#label_2", "1")
    page.focus("#weight_2")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    link = page.input_value("#share-url")
    assert "/challenge?people=170cm,60kg;170cm,100kg,1&title=" in link
    assert "embed/challenge?" in page.input_value("#embed-code")

    fresh = new_context(viewport={"width": 360, "height": 780}).new_page()
    response = fresh.goto(link)
    assert response is not None and response.status == 200
    expect(fresh.locator("h1")).to_have_text("Class 7 <b>test</b>")  # escaped, shown as text
    expect(fresh.locator("table.people tbody tr")).to_have_count(2)
    axe_check(fresh)
    screenshot(fresh, "challenge-own-360")

    fresh.goto(live_server + "/challenge?people=5ft&title=" + "x" * 81)
    expect(fresh.locator("#people-error")).to_be_visible()
    expect(fresh.locator("#title-error")).to_be_visible()
    axe_check(fresh)
    screenshot(fresh, "challenge-bad-link-360")


def test_the_challenge_widget_sets_no_cookie_and_passes_axe(live_server, new_context, axe_check):
    context = new_context(viewport={"width": 400, "height": 900})
    page = context.new_page()
    response = page.goto(live_server + "/embed/challenge?name=bias-only&b=-8")
    assert response is not None and response.status == 200
    assert "set-cookie" not in response.headers
    expect(page.locator("#status-title")).to_contain_text("Solved")
    axe_check(page)
    assert context.cookies() == []
