"""The widget's parts and the embed builder in Chromium, framed by another origin.

Every widget — the compact default and each part alone — grows to its content and never
scrolls inside; oEmbed's height (webapp/widget/parts.py, an estimate per part) is
within 10 % of the measured height at 400 px; a maxheight holds; the builder's code,
pasted into another site's page, gives the widget its preview shows; axe finds nothing.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request

import pytest
from test_embed_browser import content_height
from test_embed_browser import host_site as host_site  # the fixture, shared

from webapp.widget.parts import PARTS

RESULT = "height=4&height_unit=ft&weight=80&weight_unit=kg&w1=0.2&w2=0.00001&b=1&activation=sigmoid"
WIDGETS = {"default": "", **{name: f"&parts={name}" for name in PARTS}}


def oembed(live_server: str, widget_url: str, **sizes: int) -> dict:
    query = urllib.parse.urlencode({"url": widget_url, **sizes})
    with urllib.request.urlopen(f"{live_server}/oembed?{query}", timeout=10) as response:
        return json.load(response)


def frame_of(page, live_server: str, prefix: str = "/embed?"):
    page.frame_locator("iframe").first.locator("h1").wait_for()
    frames = [f for f in page.frames if f.url.startswith(live_server + prefix)]
    assert len(frames) == 1, [f.url for f in page.frames]
    return frames[0]


def fitted(page, frame, selector: str = "iframe") -> int:
    """Wait until the iframe is as tall as the widget; return that height."""
    for _ in range(100):
        inner = page.evaluate(f"() => document.querySelector('{selector}').clientHeight")
        if abs(inner - content_height(frame)) <= 1:
            return inner
        page.wait_for_timeout(50)
    pytest.fail(f"not fitted: {inner} px for {content_height(frame)} px")


def scrolls_inside(frame) -> bool:
    return frame.evaluate(
        "() => document.documentElement.scrollHeight > document.documentElement.clientHeight + 1"
    )


@pytest.mark.parametrize("name", list(WIDGETS))
def test_each_widget_grows_to_its_content_and_oembed_knows_its_height(
    new_context, live_server, host_site, screenshot, name
):
    widget_url = f"{live_server}/embed?{RESULT}{WIDGETS[name]}"
    answer = oembed(live_server, widget_url, maxwidth=400)
    assert answer["width"] == 400
    page = new_context(viewport={"width": 1000, "height": 900}).new_page()
    page.goto(host_site(f"{name}.html", answer["html"]))
    frame = frame_of(page, live_server)
    height = fitted(page, frame)
    assert not scrolls_inside(frame)
    # measured at 400 px in the iframe (no border here: its document is 400 px wide)
    assert frame.evaluate("() => document.documentElement.clientWidth") <= 400
    assert abs(answer["height"] - height) <= 0.1 * height, (name, answer["height"], height)
    if name == "default":
        assert height <= 1000
    screenshot(page, f"embed-part-{name}-400")


@pytest.mark.parametrize("name", ["default", "diagram", "luck"])
def test_without_the_host_script_the_oembed_height_does_not_scroll(new_context, live_server, name):
    """A consumer that ignores the script: the iframe keeps oEmbed's height, at 400 px."""
    widget_url = f"{live_server}/embed?{RESULT}{WIDGETS[name]}"
    answer = oembed(live_server, widget_url, maxwidth=400)
    page = new_context(viewport={"width": 400, "height": 900}).new_page()
    page.goto(f"{live_server}/embed?{RESULT}{WIDGETS[name]}")
    measured = content_height(page.main_frame)
    assert abs(answer["height"] - measured) <= 0.1 * measured
    page.set_viewport_size({"width": 400, "height": answer["height"]})
    slack = page.evaluate("() => innerHeight - document.documentElement.scrollHeight")
    assert slack >= -0.1 * measured  # at most the 10 % the estimate may miss by


def test_a_widget_asked_for_with_maxheight_keeps_to_it(page, live_server, host_site):
    widget_url = f"{live_server}/embed?{RESULT}&parts=plane,luck"
    answer = oembed(live_server, widget_url, maxwidth=400, maxheight=300)
    assert (answer["width"], answer["height"]) == (400, 300)
    page.goto(host_site("capped-parts.html", answer["html"]))
    frame = frame_of(page, live_server)
    assert content_height(frame) > 300
    page.wait_for_function("() => document.querySelector('iframe').style.maxWidth === '100%'")
    assert page.locator("iframe").get_attribute("height") == "300"


def test_the_builders_code_gives_the_widget_its_preview_shows(
    new_context, live_server, host_site, screenshot
):
    page = new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(f"{live_server}/?{RESULT}")
    builder = page.locator("form.embed-builder")
    assert builder.get_by_role("button", name="Update the preview").is_hidden()  # live with JS
    builder.get_by_label("The result").uncheck()
    builder.get_by_label("The worked steps").uncheck()
    builder.get_by_label("How z adds up").check()
    builder.get_by_label("Hide the form").check()
    builder.locator("select[name=embed_theme]").select_option("dark")
    builder.locator("select[name=embed_width]").select_option("400")
    wanted = f"{live_server}/embed?{RESULT}&controls=0&theme=dark&parts=form,waterfall"
    page.wait_for_function(
        "src => document.getElementById('embed-preview').getAttribute('src') === src", arg=wanted
    )
    preview = frame_of(page, live_server, "/embed?")
    preview_height = fitted(page, preview, "#embed-preview")
    code = page.locator("#embed-code").input_value()
    assert f'src="{wanted.replace("&", "&amp;")}"' in code and 'width="400"' in code
    page.locator("#embed").scroll_into_view_if_needed()
    screenshot(page, "embed-builder-1280", full_page=False)
    # the oEmbed URL answers with the same code
    link = page.locator("#embed-oembed").input_value()
    with urllib.request.urlopen(link, timeout=10) as response:
        assert json.load(response)["html"] == code

    host = new_context(viewport={"width": 1280, "height": 900}).new_page()
    host.goto(host_site("pasted.html", f'<div class="plain">{code}</div>'))
    pasted = frame_of(host, live_server)
    assert pasted.url == preview.url == wanted
    # the same widget, as tall in both (borders aside: both frames are 400 px wide inside)
    assert abs(fitted(host, pasted) - preview_height) <= 8


def test_the_builder_without_javascript_re_renders_the_page(page_no_js, live_server):
    page = page_no_js
    page.goto(f"{live_server}/?{RESULT}")
    builder = page.locator("form.embed-builder")
    builder.get_by_label("The luck meter").check()
    builder.locator("select[name=embed_width]").select_option("480")
    builder.get_by_role("button", name="Update the preview").click()
    page.wait_for_url("**embed_width=480**")
    src = page.locator("#embed-preview").get_attribute("src")
    assert src == f"{live_server}/embed?{RESULT}&parts=result,form,steps,luck"
    assert 'width="480"' in page.locator("#embed-code").input_value()
    assert page.locator("#embed-preview").get_attribute("width") == "480"


@pytest.mark.parametrize("name", list(WIDGETS))
def test_axe_on_every_part_alone_opened(new_context, live_server, axe_check, name):
    page = new_context(viewport={"width": 400, "height": 800}).new_page()
    assert page.goto(f"{live_server}/embed?{RESULT}{WIDGETS[name]}").status == 200
    axe_check(page)
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    axe_check(page)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_on_the_builder(new_context, live_server, axe_check, scheme):
    page = new_context(viewport={"width": 360, "height": 800}, color_scheme=scheme).new_page()
    page.goto(f"{live_server}/?{RESULT}&embed_parts=curve&embed_width=320")
    page.locator("#embed-preview").scroll_into_view_if_needed()
    axe_check(page, "#embed")
