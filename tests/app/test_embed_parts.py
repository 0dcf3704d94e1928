"""/embed?parts=, the embed builder on result pages, the tables beside the pictures and
/accessibility, through the test client."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest

from webapp.widget.parts import PARTS

FULL_90 = (
    "height=4&height_unit=ft&weight=90&weight_unit=kg&w1=0.2&w2=0.00001&b=1&activation=sigmoid"
)
# each part's own mark in the widget's HTML
MARKS = {
    "result": 'id="part-result"',
    "form": 'id="part-form"',
    "steps": 'id="part-steps"',
    "diagram": 'aria-labelledby="nd-t nd-d"',
    "waterfall": 'aria-labelledby="wf-t wf-d"',
    "curve": 'aria-labelledby="ac-t ac-d"',
    "plane": 'aria-labelledby="db-t db-d"',
    "activations": 'class="acts"',
    "luck": 'aria-labelledby="lk-t lk-d"',
}


def text(response) -> str:
    return response.get_data(as_text=True)


def test_every_part_has_a_mark():
    assert set(MARKS) == set(PARTS)


@pytest.mark.parametrize("name", list(PARTS))
def test_each_part_alone(client, name):
    response = client.get(f"/embed?{FULL_90}&parts={name}")
    assert response.status_code == 200
    page = text(response)
    assert [other for other, mark in MARKS.items() if mark in page] == [name]


def test_parts_are_shown_in_the_order_given(client):
    page = text(client.get(f"/embed?{FULL_90}&parts=luck,result,curve"))
    positions = [page.index(MARKS[name]) for name in ("luck", "result", "curve")]
    assert positions == sorted(positions)


def test_the_default_widget_folds_result_form_and_steps(client):
    for url in ("/embed", f"/embed?{FULL_90}", f"/embed?{FULL_90}&parts=result,form,steps"):
        page = text(client.get(url))
        assert re.findall(r'<details class="panel part[^"]*" id="part-(\w+)">', page) == [
            "result",
            "form",
            "steps",
        ]
        assert 'class="pic' not in page  # no pictures by default


def test_the_form_opens_by_itself_when_it_has_messages(client):
    response = client.get("/embed?weight=4,5")
    assert response.status_code == 400
    assert "Weight uses a comma" in unescape(text(response))


def test_controls_0_hides_the_form_part(client):
    page = text(client.get(f"/embed?{FULL_90}&parts=form,curve&controls=0"))
    assert 'id="part-form"' not in page and MARKS["curve"] in page


@pytest.mark.parametrize("parts", ["bogus", "result,table", "", "result&parts=form"])
def test_unknown_parts_are_a_400_listing_the_valid_ones(client, parts):
    response = client.get(f"/embed?{FULL_90}&parts={parts}&theme=dark")
    assert response.status_code == 400
    page = unescape(text(response))
    assert "result, form, steps, diagram, waterfall, curve, plane, activations, luck." in page
    assert 'role="alert"' in page and 'class="theme-dark"' in page  # the widget's own page
    assert "<form" in page  # with the form, as for any invalid widget
    assert "Set-Cookie" not in response.headers
    assert response.headers["Content-Security-Policy"].endswith("frame-ancestors *")


def test_hostile_parts_are_escaped(client):
    response = client.get("/embed", query_string={"parts": '"><script>alert(1)</script>'})
    assert response.status_code == 400
    assert "<script>alert(1)" not in text(response)


def test_unknown_options_pass_through_safely(client):
    response = client.get(f"/embed?{FULL_90}&parts=curve&lang=de&junk=<x>")
    assert response.status_code == 200
    hidden = re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', text(response))
    assert hidden == []  # no form in this widget: its state is only the URL
    # predict mode asks in a form of its own: it carries the lesson and the options, no junk
    response = client.get(f"/embed?{FULL_90}&parts=curve&mode=predict&lang=de&junk=<x>")
    assert response.status_code == 200
    hidden = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', text(response)))
    assert "junk" not in hidden and "<x>" not in text(response)
    assert (hidden["weight"], hidden["parts"], hidden["lang"]) == ("90", "curve", "de")
    redirect = client.get(f"/embed/random?{FULL_90}&parts=form,curve&mode=predict&mode=x")
    names = [name for name, _ in parse_qsl(urlsplit(redirect.headers["Location"]).query)]
    assert names[-1] == "parts" and "mode" not in names  # mode given twice: dropped
    redirect = client.get(f"/embed/random?{FULL_90}&parts=form,curve&mode=predict&lang=es")
    query = dict(parse_qsl(urlsplit(redirect.headers["Location"]).query))
    assert (query["parts"], query["mode"], query["lang"]) == ("form,curve", "predict", "es")


def test_oembed_keeps_every_option_and_sizes_for_the_parts(client):
    url = f"http://localhost/embed?{FULL_90}&theme=dark&parts=curve,luck&mode=predict&lang=de"
    small = client.get("/oembed", query_string={"url": url}).get_json()
    assert "theme=dark&amp;parts=curve,luck&amp;mode=predict&amp;lang=de" in small["html"]
    tall = client.get(
        "/oembed", query_string={"url": url.replace("curve,luck", "curve,luck,plane")}
    ).get_json()
    assert tall["height"] > small["height"] > 700
    assert f'height="{small["height"]}"' in small["html"]
    bad = client.get("/oembed", query_string={"url": url.replace("curve", "nope")})
    assert bad.status_code == 404


# --- the embed builder ------------------------------------------------------------------


def builder_outputs(page: str) -> tuple[str, str, str]:
    code = re.search(r'<textarea id="embed-code"[^>]*>(.*?)</textarea>', page, re.S)
    preview = re.search(r'<iframe class="embed-preview" id="embed-preview" src="([^"]+)"', page)
    link = re.search(r'<input id="embed-oembed" type="text" value="([^"]+)"', page)
    assert code and preview and link
    return unescape(code.group(1)), unescape(preview.group(1)), unescape(link.group(1))


def test_the_builder_without_javascript_is_a_get_form_of_prefixed_fields(client):
    page = text(client.get(f"/?{FULL_90}"))
    form = re.search(
        r'<form class="embed-builder" action="/#embed" method="get"(.*?)</form>', page, re.S
    )
    assert form
    names = set(re.findall(r'name="(\w+)"', form.group(1)))
    lesson = {"height", "height_unit", "weight", "weight_unit", "w1", "w2", "b", "activation"}
    assert names - lesson == {
        "embed_parts",
        "embed_controls",
        "embed_mode",
        "embed_theme",
        "embed_width",
    }


def test_the_builders_choices_make_the_code_the_preview_and_the_oembed_url(client):
    query = "embed_parts=curve&embed_parts=luck&embed_theme=dark&embed_width=400&embed_mode=predict"
    code, preview, link = builder_outputs(text(client.get(f"/?{FULL_90}&{query}")))
    assert preview == f"http://localhost/embed?{FULL_90}&theme=dark&parts=curve,luck&mode=predict"
    assert f'<iframe src="{preview.replace("&", "&amp;")}"' in code
    assert 'width="400"' in code
    # the oEmbed URL answers with exactly this code
    answer = client.get(link.removeprefix("http://localhost")).get_json()
    assert answer["html"] == code


def test_the_builders_defaults_are_the_pages_old_embed_code(client):
    code, preview, _ = builder_outputs(text(client.get(f"/?{FULL_90}")))
    assert preview == f"http://localhost/embed?{FULL_90}"
    assert 'width="640"' in code


def test_the_page_cache_keeps_builder_choices_apart(client):
    first = builder_outputs(text(client.get(f"/?{FULL_90}&embed_parts=plane")))[1]
    second = builder_outputs(text(client.get(f"/?{FULL_90}")))[1]
    third = builder_outputs(text(client.get(f"/?{FULL_90}&embed_theme=light")))[1]
    assert first.endswith("parts=plane") and second.endswith("activation=sigmoid")
    assert third.endswith("theme=light")


def test_the_worked_example_builder_keeps_the_example(client):
    page = text(client.get("/?embed_parts=diagram"))
    assert 'name="height"' not in page.split('class="embed-builder"')[1].split("</form>")[0]
    assert builder_outputs(page)[1].endswith("parts=diagram")


# --- tables beside the pictures, the statement ------------------------------------------


def test_every_picture_on_the_lesson_page_has_its_numbers_beside_it(client):
    page = text(client.get(f"/?{FULL_90}"))
    assert page.count('<details class="data">') == 5  # four figures and the luck meter
    assert page.count("<figure") == 5


def test_the_accessibility_statement(client):
    response = client.get("/accessibility")
    assert response.status_code == 200
    page = unescape(text(response))
    for point in (
        "WCAG 2.2",
        "1.1.1",
        "1.4.10 Reflow",
        "2.1.1 Keyboard",
        "Not yet",
        "Report a problem",
    ):
        assert point in page, point
    for tested in ("axe", "Keyboard", "Reflow", "Contrast", "Text alternatives", "MathML"):
        assert tested in page, tested
    assert 'href="/accessibility"' in text(client.get("/"))  # in the footer
