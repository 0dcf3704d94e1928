"""Every page in German and Spanish, in real Chromium at the narrowest phone width.

German has the longest words (Körpergewicht, Aktivierungsfunktion, Entscheidungsgrenze):
at 320 px nothing may scroll sideways (WCAG 1.4.10), and axe finds nothing, light and
dark. Screenshots go to artifacts/screenshots/lang-<code>-<page>-<scheme>.png to be
looked at.
"""

from __future__ import annotations

import pytest
from page_layout import sideways_overflow

RESULT = "height=1,8&height_unit=m&weight=80,5&weight_unit=kg&w1=0,2&w2=0,00001&b=1"
PAGES = {
    "example": ("/", 200),
    "result": (f"/?{RESULT}&activation=tanh", 200),
    "form-400": ("/?height=abc&weight=1.2.3&w1=nan", 400),
    "predict": (f"/?{RESULT}&mode=predict", 200),
    "not-found": ("/no-such-page", 404),
    "history": ("/history", 200),
    "embed": (f"/embed?{RESULT}", 200),
    "learn": ("/learn?lr=0,5&epochs=300&n=200&seed=1", 200),
    "learn-400": ("/learn?lr=0&epochs=2,5", 400),
    "practice": ("/practice", 200),
    "practice-problem": ("/practice/new?level=4", 200),
    "worksheet": ("/practice/worksheet?level=2&seed=3&count=4", 200),
    "challenges": ("/challenges", 200),
    "challenge": ("/challenge?name=two-people", 200),
    "challenge-new": ("/challenge/new", 200),
    "accessibility": ("/accessibility", 200),
}
WIDTH = 320


def _url(live_server: str, path: str, code: str) -> str:
    return f"{live_server}{path}{'&' if '?' in path else '?'}lang={code}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("code", ["de", "es"])
@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_in_german_and_spanish_passes_axe_at_320px(
    new_context, live_server, axe_check, screenshot, name, code, scheme
):
    context = new_context(viewport={"width": WIDTH, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    if name == "history":  # a history with results in it
        assert page.goto(_url(live_server, f"/?{RESULT}", code)).status == 200
        assert page.goto(_url(live_server, "/?height=1,6&height_unit=m", code)).status == 200
    path, status = PAGES[name]
    response = page.goto(_url(live_server, path, code))
    assert response is not None and response.status == status
    assert page.evaluate("document.documentElement.lang") == code
    overflow = sideways_overflow(page)
    screenshot(page, f"lang-{code}-{name}-{scheme}")
    assert overflow <= 0, f"{name} in {code} is {overflow}px wider than a {WIDTH}px screen"
    axe_check(page)


def test_the_switcher_is_reached_by_keyboard_and_keeps_the_result(page, live_server):
    assert page.goto(_url(live_server, f"/?{RESULT}", "de")).status == 200
    german_output = page.locator("text=ŷ").first.inner_text()
    switcher = page.get_by_role("navigation", name="Sprache")
    link = switcher.get_by_role("link", name="Español")
    for _ in range(40):  # Tab until the Spanish link has the focus
        page.keyboard.press("Tab")
        if link.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("the language switcher cannot be reached with Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.lang") == "es"
    assert "height=1.8" in page.url and "weight=80.5" in page.url and page.url.endswith("lang=es")
    assert page.get_by_role("navigation", name="Idioma").is_visible()
    assert german_output
