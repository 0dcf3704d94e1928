"""axe-core on every page state, at phone and desktop widths, light and dark.

Each run also leaves a full-page screenshot in artifacts/screenshots/ named
``<state>-<width>-<scheme>.png``: look at them after a layout change.
"""

from __future__ import annotations

import pytest
from page_layout import sideways_overflow

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
