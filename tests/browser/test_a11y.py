"""axe-core on every page state, at phone and desktop widths, light and dark.

Each run also leaves a full-page screenshot in artifacts/screenshots/ named
``<state>-<width>-<scheme>.png``: look at them after a layout change.
"""

from __future__ import annotations

import pytest
from page_layout import laid_out, sideways_overflow

RESULT = "height=170&height_unit=cm&weight=176&weight_unit=lb&activation=tanh"
STATES = {
    "example": ("/", 200),
    "result": (f"/?{RESULT}", 200),
    "form-400": ("/?height=abc&weight=4,5&w1=nan", 400),
    "not-found": ("/no-such-page", 404),
    "history": ("/history", 200),
    "embed": (f"/embed?{RESULT}", 200),
    "learn": ("/learn?lr=0.5&epochs=300&n=200&seed=1", 200),
    "learn-400": ("/learn?lr=0&epochs=2.5", 400),
    "accessibility": ("/accessibility", 200),
}
# Results the history page lists (made in the same context first).
HISTORY_VISITS = [
    "/?height=150&height_unit=cm&weight=50",
    f"/?{RESULT}",
    "/?height=6&weight=120&w1=-0.4&activation=step",
]
WIDTHS = (360, 1280)
SCHEMES = ("light", "dark")


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("state", list(STATES))
def test_axe_finds_no_violations(
    new_context, live_server, axe_check, screenshot, state, width, scheme
):
    context = new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    if state == "history":
        for url in HISTORY_VISITS:
            assert page.goto(live_server + url).status == 200
    path, status = STATES[state]
    response = page.goto(live_server + path)
    assert response is not None and response.status == status
    assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") == (scheme == "dark")
    screenshot(page, f"{state}-{width}-{scheme}")
    axe_check(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_nothing_scrolls_sideways(new_context, live_server, width):
    """Reflow (WCAG 1.4.10): at 360 px no page is wider than the screen."""
    page = new_context(viewport={"width": width, "height": 800}).new_page()
    for path, status in STATES.values():
        assert page.goto(live_server + path).status == status
        overflow = sideways_overflow(page)
        assert overflow <= 0, f"{path} is {overflow}px wider than a {width}px screen"


# Random weights with a negative w₂ make a tanh step a little wider than a 320 px phone.
WIDE_MATH = "height=170&height_unit=cm&weight=176&weight_unit=lb&w1=0.2&w2=-0.11&activation=tanh"
MATH_STATE = """() => [...document.querySelectorAll('math[display=block]')].map(m => ({
  wider: m.scrollWidth > m.clientWidth + 1, tabindex: m.getAttribute('tabindex')}))"""


@pytest.mark.parametrize("path", [f"/?{WIDE_MATH}", f"/embed?{WIDE_MATH}&parts=steps"])
def test_worked_math_wider_than_the_phone_is_reached_by_keyboard(
    new_context, live_server, axe_check, path
):
    """A formula that scrolls sideways is a keyboard stop (static/js/scrollers.js), and
    only while it scrolls: on a wide screen the same page has no extra stops."""
    page = new_context(viewport={"width": 320, "height": 800}).new_page()
    assert page.goto(live_server + path).status == 200
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    blocks = laid_out(page).evaluate(MATH_STATE)
    assert any(block["wider"] for block in blocks), "the example no longer overflows"
    assert all((block["tabindex"] == "0") == block["wider"] for block in blocks), blocks
    axe_check(page)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.wait_for_function(
        "() => ![...document.querySelectorAll('math[display=block]')].some(m => m.tabIndex === 0)"
    )
    assert not any(block["wider"] for block in page.evaluate(MATH_STATE))


def test_a_wide_formula_takes_the_keyboard_focus_in_turn(new_context, live_server):
    page = new_context(viewport={"width": 320, "height": 800}).new_page()
    assert page.goto(f"{live_server}/?{WIDE_MATH}").status == 200
    laid_out(page)
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.localName") == "math":
            break
    else:
        pytest.fail("Tab never reached the formula that scrolls sideways")
    before = page.evaluate("document.activeElement.scrollLeft")
    page.keyboard.press("ArrowRight")
    page.wait_for_function(f"() => document.activeElement.scrollLeft > {before}")
