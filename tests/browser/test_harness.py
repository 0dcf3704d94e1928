"""The harness itself: it must catch what it promises to catch."""

from __future__ import annotations

from browser_console import ConsoleWatcher


def _watched_page(browser):
    context = browser.new_context()
    watcher = ConsoleWatcher()
    context.on("page", watcher.watch)
    return context, context.new_page(), watcher


def test_live_server_serves_the_lesson(page, live_server):
    response = page.goto(live_server + "/")
    assert response is not None and response.status == 200
    assert page.locator("h1").inner_text() == "How one neuron computes"


def test_watcher_reports_a_csp_violation(browser, live_server):
    context, page, watcher = _watched_page(browser)
    try:
        page.goto(live_server + "/")
        page.evaluate(
            "() => { const s = document.createElement('script');"
            " s.textContent = \"document.title = 'inline'\"; document.head.append(s); }"
        )
        page.wait_for_timeout(100)
        assert page.title() != "inline"  # the policy blocked it ...
        assert any("Content Security Policy" in p for p in watcher.problems), watcher.problems
    finally:
        context.close()


def test_watcher_reports_an_inline_style_attribute(browser, live_server):
    context, page, watcher = _watched_page(browser)
    try:
        page.goto(live_server + "/")
        page.evaluate(
            "() => document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">x</p>')"
        )
        page.wait_for_timeout(100)
        assert any("style" in p for p in watcher.problems), watcher.problems
    finally:
        context.close()


def test_watcher_reports_a_missing_resource_but_not_the_pages_own_status(browser, live_server):
    context, page, watcher = _watched_page(browser)
    try:
        response = page.goto(live_server + "/no-such-page")
        assert response is not None and response.status == 404
        page.wait_for_timeout(100)
        assert watcher.problems == []
        page.evaluate(
            "() => { const i = document.createElement('img');"
            " i.src = '/static/no-such-image.png'; document.body.append(i); }"
        )
        page.wait_for_timeout(300)
        assert any("404" in problem for problem in watcher.problems), watcher.problems
    finally:
        context.close()


def test_watcher_reports_a_page_error(browser, live_server):
    context, page, watcher = _watched_page(browser)
    try:
        page.goto(live_server + "/")
        page.evaluate("() => setTimeout(() => { throw new Error('boom') }, 0)")
        page.wait_for_timeout(100)
        assert any("boom" in problem for problem in watcher.problems), watcher.problems
    finally:
        context.close()
