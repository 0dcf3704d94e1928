"""The lesson in a real browser: keyboard only, errors next to their fields, no JavaScript."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Page

MAX_TABS = 100  # round the whole page: the embed builder and its preview are stops too


def tab_to(page: Page, element_id: str) -> None:
    """Press Tab until the element with this id has the focus, as a keyboard user would."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
    raise AssertionError(f"#{element_id} is not reachable with Tab")


def focused_id(page: Page) -> str:
    return page.evaluate("document.activeElement ? document.activeElement.id : ''")


def replace_text(page: Page, text: str) -> None:
    """Select what the focused field holds and type over it."""
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def test_fill_and_submit_by_keyboard_only(page, live_server):
    response = page.goto(live_server + "/")
    assert response is not None and response.status == 200

    tab_to(page, "height")
    replace_text(page, "170")
    page.keyboard.press("Tab")
    assert focused_id(page) == "height_unit"
    page.keyboard.type("c")  # a select picks the option its typed letters start
    assert page.locator("#height_unit").input_value() == "cm"
    page.keyboard.press("Tab")
    assert focused_id(page) == "weight"
    replace_text(page, "176")
    page.keyboard.press("Tab")
    assert focused_id(page) == "weight_unit"
    page.keyboard.type("l")
    assert page.locator("#weight_unit").input_value() == "lb"
    tab_to(page, "activation")
    page.keyboard.type("t")
    assert page.locator("#activation").input_value() == "tanh"
    tab_to(page, "b")
    replace_text(page, "-0.5")

    with page.expect_navigation() as navigation:
        page.keyboard.press("Enter")  # implicit submission: the form's first button
    response = navigation.value
    assert response is not None and response.status == 200
    query = parse_qs(urlsplit(page.url).query)
    assert query == {
        "height": ["170"],
        "height_unit": ["cm"],
        "weight": ["176"],
        "weight_unit": ["lb"],
        "w1": ["0.2"],
        "w2": ["0.00001"],
        "b": ["-0.5"],
        "activation": ["tanh"],
    }
    assert page.locator("#result-title").inner_text() == "Your result"
    assert "170 cm, 176 lb" in page.locator(".result-person").inner_text()
    assert page.locator(".steps-section").is_visible()


def test_an_invalid_value_shows_its_message_by_its_field_and_takes_the_focus(page, live_server):
    assert page.goto(live_server + "/").status == 200
    tab_to(page, "weight")
    replace_text(page, "4,5")
    with page.expect_navigation() as navigation:
        page.keyboard.press("Enter")
    assert navigation.value is not None and navigation.value.status == 400

    message = page.locator("#weight-error")
    assert message.is_visible()
    assert "use a dot for decimals, like 4.5" in message.inner_text()
    # next to its field: in the same field group, tied to the input for screen readers
    assert page.locator(".field:has(#weight) #weight-error").count() == 1
    assert "weight-error" in (page.locator("#weight").get_attribute("aria-describedby") or "")
    assert page.locator("#weight").get_attribute("aria-invalid") == "true"
    assert page.locator("#weight").input_value() == "4,5"  # shown back as typed
    assert focused_id(page) == "weight"

    # fixing it by keyboard from where the focus already is gives the result
    replace_text(page, "70")
    with page.expect_navigation() as navigation:
        page.keyboard.press("Enter")
    assert navigation.value is not None and navigation.value.status == 200
    assert page.locator("#weight-error").count() == 0


def test_the_first_invalid_field_gets_the_focus(page, live_server):
    response = page.goto(live_server + "/?height=abc&weight=nan&w1=1e309")
    assert response is not None and response.status == 400
    assert focused_id(page) == "height"
    for name in ("height", "weight", "w1"):
        assert page.locator(f"#{name}-error").is_visible()
    # the summary links each message to its field
    page.locator(".error-summary a[href='#w1']").click()
    assert focused_id(page) == "w1"


def test_the_lesson_works_without_javascript(page_no_js, live_server):
    page = page_no_js
    assert page.goto(live_server + "/").status == 200
    tab_to(page, "height")
    replace_text(page, "5.5")
    tab_to(page, "w1")
    replace_text(page, "0.3")
    with page.expect_navigation() as navigation:
        page.keyboard.press("Enter")
    assert navigation.value is not None and navigation.value.status == 200
    assert "height=5.5" in page.url and "w1=0.3" in page.url
    assert page.locator("#result-title").inner_text() == "Your result"
    steps = page.locator(".steps-section")
    assert steps.is_visible()
    assert steps.locator("math").count() > 0
    # w₁x₁ = 0.3 × 5.5 = 1.65 is worked on the page by the server, not by a script
    assert "1.65" in steps.inner_text()
