"""Share links and the history in real Chromium: copy, open elsewhere, same numbers."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from playwright.sync_api import expect

PARAMETER_ORDER = [
    "height",
    "height_unit",
    "weight",
    "weight_unit",
    "w1",
    "w2",
    "b",
    "activation",
]


def numbers_on(page) -> dict[str, str]:
    """What a learner reads: the title, the result and every exact value."""
    return {
        "title": page.title(),
        "result": page.locator(".result").inner_text(),
        "exact": page.locator("details.exact").text_content() or "",
    }


def test_copy_the_link_and_open_it_in_a_fresh_browser(live_server, new_context, axe_check):
    context = new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(live_server + "/")
    page.fill("#height", "5.9")
    page.fill("#weight", "180")
    page.select_option("#weight_unit", "lb")
    page.fill("#w1", "-0.7")
    page.select_option("#activation", "tanh")
    page.get_by_role("button", name="Compute").click()
    expect(page.locator("#result-title")).to_have_text("Your result")

    copy = page.get_by_role("button", name="Copy link")
    expect(copy).to_be_visible()  # revealed by copy.js
    copy.click()
    expect(page.locator("#share-status")).to_have_text("Copied")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == page.input_value("#share-url")
    url = urlsplit(copied)
    assert f"{url.scheme}://{url.netloc}" == live_server
    assert [name for name, _ in parse_qsl(url.query)] == PARAMETER_ORDER
    assert dict(parse_qsl(url.query))["weight_unit"] == "lb"
    axe_check(page, ".share")

    elsewhere = new_context()  # another browser: no cookies, no history
    assert elsewhere.cookies() == []
    other = elsewhere.new_page()
    response = other.goto(copied)
    assert response is not None and response.status == 200
    assert numbers_on(other) == numbers_on(page)
    assert other.title().startswith("5.9 ft, 180 lb → tanh(z) = ")
    # the fresh browser's history holds only what it opened itself (a panel that would
    # only repeat this page is not shown)
    expect(other.locator(".recent-list")).to_have_count(0)
    assert other.goto(live_server + "/history").status == 200
    expect(other.locator(".history-entry")).to_have_count(1)


def test_without_javascript_the_link_is_there_to_select(live_server, page_no_js):
    response = page_no_js.goto(live_server + "/?weight=90")
    assert response is not None and response.status == 200
    field = page_no_js.locator("#share-url")
    expect(field).to_be_visible()
    expect(field).to_have_js_property("readOnly", True)
    assert field.input_value().startswith(live_server + "/?height=4&height_unit=ft&weight=90")
    expect(page_no_js.locator("[data-copy-target]").first).to_be_hidden()
    field.click()
    page_no_js.keyboard.press("Control+A")
    selected = page_no_js.evaluate(
        "() => { const f = document.getElementById('share-url');"
        " return f.value.slice(f.selectionStart, f.selectionEnd); }"
    )
    assert selected == field.input_value()


def test_history_in_the_browser(live_server, new_context, axe_check):
    page = new_context().new_page()
    for weight in ("70", "80", "90"):
        response = page.goto(f"{live_server}/?weight={weight}")
        assert response is not None and response.status == 200
    expect(page.locator(".recent-list li")).to_have_count(3)
    page.get_by_role("link", name="Your history, with downloads").click()
    expect(page).to_have_url(f"{live_server}/history")
    expect(page.locator(".history-entry h2")).to_have_text(
        ["4 ft, 90 kg", "4 ft, 80 kg", "4 ft, 70 kg"]
    )
    axe_check(page)

    page.get_by_role("button", name="Delete 4 ft, 80 kg").click()
    expect(page.get_by_role("status")).to_have_text("The result was deleted.")
    expect(page.locator(".history-entry h2")).to_have_text(["4 ft, 90 kg", "4 ft, 70 kg"])

    page.get_by_role("link", name="Put back in the form for 4 ft, 70 kg").click()
    expect(page.locator("#weight")).to_have_value("70")

    page.goto(f"{live_server}/history")
    page.get_by_role("button", name="Clear history").click()
    expect(page.get_by_role("status")).to_have_text("The history was cleared.")
    expect(page.locator(".history-entry")).to_have_count(0)
