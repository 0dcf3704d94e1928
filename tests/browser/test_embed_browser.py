"""The widget in a real browser, framed by a page from another origin.

The teacher's page is served by a tiny http.server on another port of 127.0.0.1 (so
another origin), holding the embed code copied from a real result page.
"""

from __future__ import annotations

import json
import re
import threading
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from functools import partial
from html import unescape
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from page_layout import laid_out

# The compact default widget's height in the embed code (the result, form and steps folded).
COMPACT = "232"
RESULT = "height=4&height_unit=ft&weight=90&weight_unit=kg&w1=0.2&w2=0.00001&b=1&activation=sigmoid"
# A teacher's page: its own styles (border-box everywhere, as most sites have).
HOST_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>My course</title><link rel="icon" href="data:,">
<style>* {{ box-sizing: border-box; }} body {{ margin: 0 auto; padding: 1rem; max-width: 60rem; }}
iframe {{ border: 3px solid #888; }}</style></head>
<body><h1>Week 3: one neuron</h1>
{body}
<p id="after">Questions for next week.</p>
</body></html>
"""


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def host_site(tmp_path: Path) -> Iterator[Callable[[str, str], str]]:
    """``put(name, body)`` writes a teacher's page and returns its URL on another origin."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=tmp_path))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def put(name: str, body: str) -> str:
        (tmp_path / name).write_text(HOST_PAGE.format(body=body), encoding="utf-8")
        return f"http://127.0.0.1:{server.server_address[1]}/{name}"

    try:
        yield put
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def embed_code(live_server: str, query: str = RESULT, page: str = "/") -> str:
    """The embed code exactly as the result page (or ``page``) offers it."""
    with urllib.request.urlopen(f"{live_server}{page}?{query}", timeout=10) as response:
        page = response.read().decode()
    match = re.search(r'<textarea id="embed-code"[^>]*>(.*?)</textarea>', page, re.S)
    assert match, "the result page has no embed code"
    return unescape(match.group(1))


def widget_frame(page, live_server: str, path: str = "/embed"):
    """The widget's frame, once its document has loaded (lazy iframes come late)."""
    page.frame_locator("iframe").locator("h1").wait_for()
    frames = [f for f in page.frames if f.url.startswith(f"{live_server}{path}?")]
    assert len(frames) == 1, [f.url for f in page.frames]
    return frames[0]


def content_height(frame) -> int:
    return frame.evaluate(
        "() => Math.ceil(document.documentElement.getBoundingClientRect().height)"
    )


def iframe_inner_height(page) -> int:
    return page.evaluate("() => document.querySelector('iframe').clientHeight")


def wait_for_fit(page, frame) -> int:
    """Wait until the iframe shows the widget's whole height without scrolling; return it."""
    for _ in range(100):
        height = content_height(frame)
        if abs(iframe_inner_height(page) - height) <= 1:
            return height
        page.wait_for_timeout(50)
    pytest.fail(
        f"the iframe was not resized: {iframe_inner_height(page)} px for {content_height(frame)} px"
    )


def test_the_widget_works_and_sizes_itself_on_another_sites_page(
    page, live_server, host_site, screenshot
):
    code = embed_code(live_server)
    host = host_site("course.html", code)
    assert host.split("/")[2] != live_server.split("/")[2]  # another origin
    page.goto(host)
    iframe = page.locator("iframe")
    assert iframe.get_attribute("title") == "Neuron Lab: 4 ft, 90 kg → σ(z) = 0.8583: Obese"
    widget = page.frame_locator("iframe")
    widget.locator("h1").wait_for()
    assert "ŷ = 0.8583" in widget.locator(".result").inner_text()

    frame = widget_frame(page, live_server)
    first = wait_for_fit(page, frame)
    assert first < 400  # the compact default: result, form and steps folded to one line each
    # the outer box adds the border (the host uses border-box): nothing is cut off
    assert (
        frame.evaluate("() => document.documentElement.scrollHeight")
        <= iframe_inner_height(page) + 1
    )
    screenshot(page, "embed-host-1280")

    # the form opens on demand, the frame follows; the widget computes inside the frame
    widget.get_by_text("Try other numbers").click()
    assert wait_for_fit(page, frame) > first
    widget.locator("#height").fill("170")
    widget.locator("#height_unit").select_option("cm")
    widget.locator("#activation").select_option("step")
    widget.get_by_role("button", name="Compute").click()
    widget.get_by_text("170 cm, 90 kg").wait_for()
    result = widget.locator(".result").inner_text()
    assert "170 cm, 90 kg" in result and "ŷ = 1" in result and "Obese" in result
    assert frame.url.startswith(live_server + "/embed?")
    wait_for_fit(page, frame)

    # content that grows later (here: added by script) makes the iframe grow too
    before = iframe_inner_height(page)
    frame.evaluate(
        """() => { for (let i = 0; i < 20; i++) {
            const p = document.createElement('p'); p.textContent = 'More.'; document.body.append(p);
        } }"""
    )
    page.wait_for_function(f"() => document.querySelector('iframe').clientHeight > {before}")
    wait_for_fit(page, frame)
    # the teacher's page flows around the grown iframe
    iframe_bottom = page.evaluate(
        "() => document.querySelector('iframe').getBoundingClientRect().bottom"
    )
    assert page.evaluate("() => document.getElementById('after').getBoundingClientRect().top") >= (
        iframe_bottom
    )


def test_the_challenge_widget_grows_to_its_content_on_another_sites_page(
    page, live_server, host_site, screenshot
):
    """Issue 24, finding 11: the host script resized only iframes whose path ends in
    /embed, so the challenge widget kept the 900 px of its tag for 1,356 px of content."""
    code = embed_code(live_server, "name=bias-only", page="/challenge")
    assert 'height="900"' in code and "/embed/challenge?" in code
    page.set_viewport_size({"width": 800, "height": 900})
    page.goto(host_site("challenge.html", code))
    frame = widget_frame(page, live_server, "/embed/challenge")
    fitted = wait_for_fit(page, frame)
    assert fitted == content_height(frame) and fitted != 900
    assert frame.evaluate("() => document.documentElement.scrollHeight") <= (
        iframe_inner_height(page) + 1
    )
    screenshot(page, "embed-challenge-host-800")


def test_the_host_script_ignores_forged_and_malformed_messages(page, live_server, host_site):
    page.goto(host_site("course.html", embed_code(live_server)))
    frame = widget_frame(page, live_server)
    fitted = wait_for_fit(page, frame)
    # from the host page itself (not the widget's window), from inside the widget with
    # bad shapes, and an absurd height: none may change the size
    page.evaluate("() => window.postMessage({type: 'neuron-lab:resize', height: 123}, '*')")
    for message in (
        "{type: 'neuron-lab:resize', height: 99999999}",
        "{type: 'neuron-lab:resize', height: -5}",
        "{type: 'neuron-lab:resize', height: '300'}",
        "{type: 'neuron-lab:resize', height: NaN}",
        "{type: 'resize', height: 300}",
        "'neuron-lab:resize'",
        "null",
    ):
        frame.evaluate(f"() => parent.postMessage({message}, '*')")
    page.wait_for_timeout(300)
    assert iframe_inner_height(page) == fitted
    # the same shape from the widget's own window is honoured (and proves the check above)
    frame.evaluate("() => parent.postMessage({type: 'neuron-lab:resize', height: 321}, '*')")
    page.wait_for_function("() => document.querySelector('iframe').clientHeight === 321")


def test_a_host_script_that_loads_after_the_widget_still_sizes_it(page, live_server, host_site):
    iframe_only = embed_code(live_server).split("\n")[0]
    page.goto(host_site("late.html", iframe_only))
    frame = widget_frame(page, live_server)
    page.wait_for_timeout(300)  # the widget has posted its height: nobody was listening
    # the compact default's own height, from the embed code (webapp/widget/parts.py) …
    assert page.locator("iframe").get_attribute("height") == COMPACT
    # … less the host's 3 px borders (border-box): a few px short until the script fits it
    assert iframe_inner_height(page) < content_height(frame)
    page.evaluate(
        """src => { const s = document.createElement('script'); s.src = src;
                    document.head.append(s); }""",
        f"{live_server}/static/js/embed-host.js",
    )
    assert wait_for_fit(page, frame) < 400  # it asked the widget, which told it again


def test_on_a_narrow_page_the_widget_fits_the_width(new_context, live_server, host_site):
    page = new_context(viewport={"width": 360, "height": 740}).new_page()
    page.goto(host_site("course.html", embed_code(live_server)))
    frame = widget_frame(page, live_server)
    wait_for_fit(page, frame)
    width = page.evaluate("() => document.querySelector('iframe').getBoundingClientRect().width")
    assert width <= 360 - 2 * 16  # capped at the page's width, not the tag's 640
    assert laid_out(page).evaluate("() => document.documentElement.scrollWidth") <= 360


def test_without_javascript_the_iframe_keeps_its_height_and_still_works(
    page_no_js, live_server, host_site
):
    page = page_no_js
    page.goto(host_site("course.html", embed_code(live_server)))
    widget = page.frame_locator("iframe")
    assert "ŷ = 0.8583" in widget.locator(".result").inner_text()
    widget.get_by_text("Try other numbers").click()  # details: no JavaScript needed
    widget.locator("#weight").fill("40")
    widget.get_by_role("button", name="Compute").click()
    widget.get_by_text("4 ft, 40 kg").wait_for()
    assert page.locator("iframe").get_attribute("height") == COMPACT
    assert iframe_inner_height(page) == int(COMPACT) - 2 * 3  # the host's border-box, 3 px borders


def test_the_lesson_page_itself_cannot_be_framed_by_another_site(browser, live_server, host_site):
    # a context of our own: the refusal is a console error the shared watcher would fail on
    context = browser.new_context()
    try:
        page = context.new_page()
        messages: list[str] = []
        page.on("console", lambda message: messages.append(message.text))
        lesson = f"{live_server}/?{RESULT}"
        host = host_site(
            "framing.html",
            f'<iframe id="lesson" src="{lesson}" title="lesson" width="600" height="400"></iframe>'
            f'<iframe id="widget" src="{live_server}/embed?{RESULT}" title="widget"'
            ' width="600" height="400"></iframe>',
        )
        page.goto(host)
        page.wait_for_load_state("load")
        page.frame_locator("#widget").locator("h1").wait_for()  # the widget may be framed
        for _ in range(50):
            if any("frame-ancestors 'none'" in text for text in messages):
                break
            page.wait_for_timeout(100)
        # Chromium says "Refused to frame …" or "Framing … violates …", by version
        refusals = [text for text in messages if "frame-ancestors 'none'" in text]
        assert refusals, messages
        assert f"{live_server}/" in refusals[0]
        lesson_frames = [f for f in page.frames if f.url.startswith(f"{live_server}/?")]
        assert lesson_frames == []  # the lesson's document never loaded in the frame
        blocked = page.locator("#lesson").element_handle().content_frame()
        assert blocked is not None and not blocked.url.startswith(live_server)
        assert "How one neuron computes" not in blocked.content()  # Chromium's error page
    finally:
        context.close()


@pytest.mark.parametrize("width", [320, 360, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_widget_is_readable_at_every_width(
    new_context, live_server, screenshot, axe_check, width, scheme
):
    page = new_context(viewport={"width": width, "height": 800}, color_scheme=scheme).new_page()
    for query, name in ((RESULT, "controls"), (f"{RESULT}&controls=0", "frozen")):
        response = page.goto(f"{live_server}/embed?{query}")
        assert response is not None and response.status == 200
        assert laid_out(page).evaluate("() => document.documentElement.scrollWidth") <= width
        size = page.evaluate("() => parseFloat(getComputedStyle(document.body).fontSize)")
        assert size >= 16
        screenshot(page, f"embed-{name}-{width}-{scheme}")
    if width != 360:  # axe checks the markup and colours; two widths cover the layouts
        axe_check(page)


@pytest.mark.parametrize(("theme", "scheme"), [("dark", "light"), ("light", "dark")])
def test_the_theme_overrides_the_readers_setting(
    new_context, live_server, screenshot, theme, scheme
):
    page = new_context(viewport={"width": 360, "height": 800}, color_scheme=scheme).new_page()
    page.goto(f"{live_server}/embed?{RESULT}&theme={theme}")
    background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    assert background == ("rgb(15, 20, 28)" if theme == "dark" else "rgb(247, 248, 251)")
    screenshot(page, f"embed-theme-{theme}-on-{scheme}")


def test_an_oembed_max_height_is_never_exceeded(page, live_server, host_site):
    """oEmbed 1.0: the html must not be taller than maxheight, even after resizing."""
    url = urllib.parse.quote(f"{live_server}/?{RESULT}", safe="")
    with urllib.request.urlopen(
        f"{live_server}/oembed?url={url}&maxwidth=300&maxheight=200", timeout=10
    ) as response:
        answer = json.load(response)
    assert (answer["width"], answer["height"]) == (300, 200)
    page.goto(host_site("capped.html", answer["html"]))
    frame = widget_frame(page, live_server)
    assert content_height(frame) > 200  # the widget is taller than the cap …
    # … and the host script has handled its height message (it also sets max-width) …
    page.wait_for_function("() => document.querySelector('iframe').style.maxWidth === '100%'")
    # … but kept the iframe at the cap: the widget scrolls inside instead
    assert page.locator("iframe").get_attribute("height") == "200"
