"""Predict mode and practice in Chromium: by keyboard only, axe on every state (light
and dark, 360 and 1280 px, screenshots in artifacts/screenshots/), and the worksheet
printed to PDF with its key on a later page."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

EXAMPLE = (
    "/?height=4&height_unit=ft&weight=80&weight_unit=kg&w1=0.2&w2=0.00001&b=1"
    "&activation=sigmoid&mode=predict"
)
RIGHT = {
    "a_p1": "0.8",
    "a_p2": "0.0008",
    "a_sum": "0.8008",
    "a_z": "1.8008",
    "a_exp_neg_z": "0.1652",
    "a_denominator": "1.1652",
    "a_y": "0.8582",
}


def tab_to(page, element_id: str, limit: int = 200) -> None:
    """Press Tab until the element with this id has the focus."""
    for _ in range(limit):
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
        page.keyboard.press("Tab")
    pytest.fail(f"Tab never reached #{element_id}")


def type_into(page, element_id: str, text: str) -> None:
    tab_to(page, element_id)
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def verdict(page, name: str) -> str:
    return page.get_attribute(f'[data-answer="{name}"]', "data-verdict")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
def test_predict_by_keyboard_only_with_axe_on_every_state(
    new_context, live_server, axe_check, screenshot, width, scheme
):
    page = new_context(viewport={"width": width, "height": 800}, color_scheme=scheme).new_page()
    name = f"{width}-{scheme}"
    assert page.goto(live_server + EXAMPLE).status == 200
    screenshot(page, f"predict-unanswered-{name}")
    axe_check(page)

    # partly wrong: two answers typed, Enter sends the form
    type_into(page, "a_p1", "0.8")
    type_into(page, "a_z", "1.808")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "check-summary"  # focus moved
    assert verdict(page, "p1") == "right" and verdict(page, "z") == "wrong"
    assert "not yet" in page.inner_text("#a_z-verdict")
    screenshot(page, f"predict-partly-wrong-{name}")
    axe_check(page)

    # the summary's link takes the focus to the field needing work
    tab_to(page, "check-summary")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#a_p2"

    # hints open, by keyboard: Tab to the z step's summaries and press Enter on each
    summaries = page.locator("#a_z-verdict + .hints summary")
    for i in range(3):
        summaries.nth(i).evaluate("el => el.id = 'hint-" + str(i) + "'")
        tab_to(page, f"hint-{i}")
        page.keyboard.press("Enter")
    assert page.locator("#a_z-verdict + .hints details[open]").count() == 3
    assert "z = 0.8008 + 1 = 1.8008" in page.inner_text("#a_z-verdict + .hints")
    screenshot(page, f"predict-hints-open-{name}")
    axe_check(page)

    # all right: every field typed, the label chosen with the keyboard
    for field, value in RIGHT.items():
        type_into(page, field, value)
    tab_to(page, "a_label")
    page.keyboard.press("Space")
    assert page.is_checked("#a_label")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    found = page.eval_on_selector_all("[data-verdict]", "els => els.map(e => e.dataset.verdict)")
    assert found == ["right"] * 8
    assert page.is_visible("#luck-title")  # the whole lesson, now
    screenshot(page, f"predict-all-right-{name}")
    axe_check(page)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_practice_pages_pass_axe(new_context, live_server, axe_check, screenshot, scheme):
    page = new_context(viewport={"width": 360, "height": 800}, color_scheme=scheme).new_page()
    assert page.goto(live_server + "/practice/new?level=4").status == 200  # followed
    assert "practice=4" in page.url
    screenshot(page, f"practice-level4-{scheme}")
    axe_check(page)
    assert page.goto(live_server + "/practice").status == 200
    assert page.get_attribute('[data-level="4"]', "data-mastered") == "false"
    screenshot(page, f"practice-{scheme}")
    axe_check(page)
    assert page.goto(live_server + "/practice/worksheet?level=2&seed=3&count=4").status == 200
    axe_check(page)


def test_the_worksheet_prints_its_problems_first_and_the_key_on_a_later_page(
    page, live_server, screenshot
):
    assert page.goto(live_server + "/practice/worksheet?level=1&seed=5&count=3").status == 200
    screenshot(page, "worksheet-screen")
    pdf = page.pdf(format="A4", print_background=False)
    (screenshot.__globals__["SCREENSHOTS"] / "worksheet.pdf").write_bytes(pdf)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
    assert len(pages) >= 2
    assert "Problem 1" in pages[0] and "Problem 3" in pages[0]
    assert "Answer key" not in pages[0]
    key = next(i for i, text in enumerate(pages) if "Answer key" in text)
    assert key >= 1
    assert "Neuron Lab" in pages[0] and "Lesson" not in pages[0].split("\n")[0]  # no nav
