"""The embed widget (/embed) and the embed code on result pages, through the test client."""

from __future__ import annotations

import gzip
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

from webapp.web.cookies.records_cookie import COOKIE_NAME
from webapp.web.plumbing import route_facts

ROOT = Path(__file__).resolve().parents[2]  # tests/app/ → the repository
ORDER = ["height", "height_unit", "weight", "weight_unit", "w1", "w2", "b", "activation"]
RESULT = "height=170&height_unit=cm&weight=176&weight_unit=lb&w1=-0.3&activation=tanh"
FULL_90 = (
    "height=4&height_unit=ft&weight=90&weight_unit=kg&w1=0.2&w2=0.00001&b=1&activation=sigmoid"
)
CSP_FRAMEABLE = "frame-ancestors *"
CSP_NOT_FRAMEABLE = "frame-ancestors 'none'"
# Every presentation the widget has, valid or not: none may set a cookie.
WIDGET_URLS = [
    "/embed",
    "/embed?weight=90",
    f"/embed?{RESULT}",
    f"/embed?{RESULT}&controls=0",
    f"/embed?{RESULT}&controls=1&theme=dark",
    "/embed?theme=light&controls=0",
    "/embed?theme=purple&controls=maybe",
    "/embed?height=abc&weight=4,5",
    "/embed?height=abc&controls=0&theme=dark",
    f"/embed/random?{RESULT}&theme=dark",
    "/embed/random?height=tall",
]


def text_of(response) -> str:
    return unescape(response.get_data(as_text=True))


class Elements(HTMLParser):
    """Collects start tags as (tag, attributes) pairs."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def find(self, tag: str, **wanted: str) -> list[dict[str, str | None]]:
        return [
            attrs
            for name, attrs in self.tags
            if name == tag and all(attrs.get(k.replace("_", "-")) == v for k, v in wanted.items())
        ]


def elements(response) -> Elements:
    parser = Elements()
    parser.feed(response.get_data(as_text=True))
    return parser


def textarea_text(response, element_id: str) -> str:
    page = response.get_data(as_text=True)
    match = re.search(rf'<textarea id="{element_id}"[^>]*>(.*?)</textarea>', page, re.S)
    assert match, f"no textarea #{element_id}"
    return unescape(match.group(1))


# --- the widget ------------------------------------------------------------------


def test_the_widget_shows_the_worked_example_without_the_site_chrome(client):
    response = client.get("/embed")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    page = text_of(response)
    for number in ("0.8", "0.0008", "0.8008", "1.8008", "0.1652", "1.1652", "0.8582"):
        assert f"<mn>{number}</mn>" in page, number
    assert "The worked example" in page and "Obese" in page
    assert "site-header" not in page and "site-footer" not in page and "skip-link" not in page
    tags = elements(response)
    assert tags.find("form", action="/embed", method="get")
    assert tags.find("button", formaction="/embed/random")  # random weights stay in the frame
    assert '<meta name="robots" content="noindex">' in page


def test_a_learners_result_in_the_widget(client):
    response = client.get(f"/embed?{RESULT}")
    assert response.status_code == 200
    page = text_of(response)
    assert "This example" in page
    assert "only by luck" in page or "no surprise" in page  # the lesson's point, even here
    assert "<mn>170</mn><mn>30.48</mn>" in page
    assert "Hyperbolic tangent" in page and "Not Obese" in page
    assert "<title>170 cm, 176 lb → tanh(z) = " in page


def test_open_in_neuron_lab_links_to_the_share_link_in_a_new_tab(client):
    response = client.get(f"/embed?{RESULT}&theme=dark&controls=0")
    assert response.status_code == 200
    links = [a for a in elements(response).find("a") if a.get("target") == "_blank"]
    # "Open in Neuron Lab" and the luck note's link to the next lesson, both new tabs
    assert [urlsplit(a["href"] or "").path for a in links] == ["/", "/learn"]
    assert all(a["rel"] == "noopener" for a in links)
    link = links[0]
    assert link["rel"] == "noopener"
    url = urlsplit(link["href"] or "")
    assert (url.scheme, url.netloc, url.path) == ("http", "localhost", "/")
    params = parse_qsl(url.query)
    assert [name for name, _ in params] == ORDER  # the share link: no widget options
    assert dict(params)["height"] == "170" and dict(params)["activation"] == "tanh"
    assert "Open in Neuron Lab" in text_of(response)


def test_controls_0_hides_the_form_and_keeps_the_result(client):
    shown = client.get(f"/embed?{RESULT}")
    hidden = client.get(f"/embed?{RESULT}&controls=0")
    assert shown.status_code == 200 and hidden.status_code == 200
    assert "<form" in shown.get_data(as_text=True)
    page = text_of(hidden)
    assert "<form" not in page and "Random weights" not in page
    assert "This example" in page and "The arithmetic, step by step" in page


@pytest.mark.parametrize("value", ["1", "", "yes", "00", "0 "])
def test_any_other_controls_value_shows_the_form(client, value):
    response = client.get("/embed", query_string={"controls": value})
    assert response.status_code == 200
    assert "<form" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("query", "theme", "scheme"),
    [
        ("", "auto", "light dark"),
        ("theme=auto", "auto", "light dark"),
        ("theme=light", "light", "light"),
        ("theme=dark", "dark", "dark"),
        ("theme=DARK", "auto", "light dark"),  # unknown: the default, not an error
        ("theme=%3Cscript%3E", "auto", "light dark"),
    ],
)
def test_theme_is_a_class_on_html(client, query, theme, scheme):
    response = client.get(f"/embed?weight=90&{query}")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert f'<html lang="en" class="theme-{theme}">' in page
    assert f'<meta name="color-scheme" content="{scheme}">' in page
    assert "<script>" not in page


def test_the_form_keeps_the_theme_but_not_the_defaults(client):
    dark = elements(client.get("/embed?theme=dark"))
    assert dark.find("input", type="hidden", name="theme", value="dark")
    auto = elements(client.get("/embed"))
    assert not auto.find("input", type="hidden")


def test_invalid_parameters_are_a_400_with_the_form_even_without_controls(client):
    response = client.get("/embed?height=abc&weight=4,5&controls=0&theme=dark")
    assert response.status_code == 400
    page = text_of(response)
    assert "2 values need fixing" in page
    assert "Height must be a number" in page
    assert "Weight uses a comma: use a dot for decimals, like 4.5." in page
    assert 'value="abc"' in page
    assert "This example" not in page
    tags = elements(response)
    assert tags.find("form", action="/embed")
    # fixing the form keeps the teacher's presentation
    assert tags.find("input", type="hidden", name="controls", value="0")
    assert tags.find("input", type="hidden", name="theme", value="dark")
    # and the full-page link is the plain lesson, not the broken input
    assert [a["href"] for a in tags.find("a", target="_blank")] == ["http://localhost/"]


def test_hostile_input_is_escaped_in_the_widget(client):
    response = client.get("/embed", query_string={"height": '"><script>alert(1)</script>'})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page


def test_random_weights_stay_in_the_widget(client):
    response = client.get(f"/embed/random?{RESULT}&theme=dark&controls=0&w1=ignored")
    assert response.status_code == 303
    url = urlsplit(response.headers["Location"])
    assert url.path == "/embed"
    params = parse_qsl(url.query)
    assert [name for name, _ in params] == [*ORDER, "controls", "theme"]
    values = dict(params)
    assert values["height"] == "170" and values["controls"] == "0" and values["theme"] == "dark"
    for name in ("w1", "w2", "b"):
        float(values[name])
    followed = client.get(response.headers["Location"])
    assert followed.status_code == 200
    assert "This example" in text_of(followed)


def test_random_weights_with_a_bad_height_show_the_widget_form(client):
    response = client.get("/embed/random?height=tall&theme=light")
    assert response.status_code == 400
    assert "Height must be a number" in text_of(response)
    assert 'class="theme-light"' in response.get_data(as_text=True)


def test_nothing_inline_in_the_widget(client):
    for url in (f"/embed?{RESULT}", "/embed?height=abc"):
        response = client.get(url)
        tags = elements(response)
        assert not [a for _, a in tags.tags if "style" in a], url
        assert all(a.get("src") for a in tags.find("script")), url
        assert not [a for _, a in tags.tags if any(k.startswith("on") for k in a)], url
        scripts = [a["src"].split("?v=")[0] for a in tags.find("script")]
        assert scripts == ["/static/js/embed-widget.js", "/static/js/scrollers.js"]


# --- framing, cookies, history -----------------------------------------------------


@pytest.mark.parametrize("url", WIDGET_URLS)
def test_the_widget_may_be_framed_by_any_site(client, url):
    response = client.get(url)
    assert response.status_code in (200, 303, 400)
    assert response.headers["Content-Security-Policy"].endswith(CSP_FRAMEABLE)
    assert "'none'" not in response.headers["Content-Security-Policy"].split("frame-ancestors")[1]
    assert "X-Frame-Options" not in response.headers


@pytest.mark.parametrize(
    "url",
    ["/", f"/?{RESULT}", "/?height=abc", f"/oembed?url=http://localhost/?{RESULT}", "/nope"],
)
def test_other_pages_refuse_framing(client, url):
    response = client.get(url)
    assert response.status_code in (200, 400, 404)
    assert response.headers["Content-Security-Policy"].endswith(CSP_NOT_FRAMEABLE)
    assert response.headers["X-Frame-Options"] == "DENY"


def test_only_the_widgets_views_are_frameable(app):
    routes = route_facts.read(app)
    frameable = {endpoint for endpoint, facts in routes.items() if facts.framable}
    assert frameable == {"embed.index", "embed.random_weights", "challenges.embed"}


@pytest.mark.parametrize("url", WIDGET_URLS)
def test_the_widget_sets_no_cookie(client, url):
    response = client.get(url)
    assert response.status_code in (200, 303, 400)
    assert "Set-Cookie" not in response.headers
    assert "Cookie" not in response.headers.get("Vary", "")


@pytest.mark.parametrize("url", WIDGET_URLS)
def test_the_widget_sets_no_cookie_when_the_browser_carries_one(app, client, url):
    with client.session_transaction() as session:
        session["history"] = "some history"
        session.permanent = True  # a permanent session is refreshed on every response
    # would Flask refresh it? make sure this test can fail
    app.config["SESSION_REFRESH_EACH_REQUEST"] = True
    assert "Set-Cookie" in client.get("/?weight=91").headers
    response = client.get(url)
    assert response.status_code in (200, 303, 400)
    assert "Set-Cookie" not in response.headers
    assert "Cookie" not in response.headers.get("Vary", "")


def test_the_widget_writes_no_history_and_no_csrf_token(client):
    response = client.get("/embed?weight=90")
    assert response.status_code == 200
    assert "csrf_token" not in response.get_data(as_text=True)
    assert client.get_cookie("session") is None
    assert client.get_cookie(COOKIE_NAME) is None
    # the same request on the lesson page does start a history
    assert client.get("/?weight=90").status_code == 200
    assert client.get_cookie(COOKIE_NAME) is not None


# --- "Embed this" on result pages -----------------------------------------------------


def test_result_pages_carry_the_embed_code_for_exactly_this_result(client):
    response = client.get("/?weight=90")
    assert response.status_code == 200
    code = textarea_text(response, "embed-code")
    iframe, script = code.split("\n")
    assert iframe == (
        f'<iframe src="http://localhost/embed?{FULL_90.replace("&", "&amp;")}" '
        'title="Neuron Lab: 4 ft, 90 kg → σ(z) = 0.8583: Obese" '
        'width="640" height="232" loading="lazy"></iframe>'
    )
    assert script == '<script src="http://localhost/static/js/embed-host.js" async></script>'
    button = elements(response).find("button", data_copy_target="embed-code")
    assert len(button) == 1 and "hidden" in button[0]
    assert "Copy embed code" in text_of(response)


def test_the_embed_codes_iframe_shows_the_same_result(client):
    page = client.get(f"/?{RESULT}")
    assert page.status_code == 200
    iframe = Elements()
    iframe.feed(textarea_text(page, "embed-code"))
    src = urlsplit(iframe.find("iframe")[0]["src"] or "")
    widget = client.get(f"{src.path}?{src.query}")
    assert widget.status_code == 200
    assert '→ <span class="result-symbol">ŷ = ' in text_of(widget)
    output = re.search(r"ŷ = ([−0-9.]+)", text_of(page))
    assert output and f"ŷ = {output.group(1)}" in text_of(widget)


def test_the_worked_example_can_be_embedded_too(client):
    response = client.get("/")
    assert response.status_code == 200
    assert 'title="Neuron Lab: 4 ft, 80 kg → σ(z) = 0.8582: Obese"' in textarea_text(
        response, "embed-code"
    )


def test_the_form_page_has_no_embed_code(client):
    response = client.get("/?height=abc")
    assert response.status_code == 400
    assert 'id="embed-code"' not in response.get_data(as_text=True)
    assert "json+oembed" not in response.get_data(as_text=True)


# --- size ----------------------------------------------------------------------------


def _gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


@pytest.mark.parametrize(
    "url",
    [
        "/embed",
        f"/embed?{RESULT}",
        f"/embed?{RESULT}&controls=0",
        f"/embed?{RESULT}&lang=de",  # German and Spanish words are longer
        f"/embed?{RESULT}&lang=es",
        "/embed?height=abc&weight=4,5&w1=nan&w2=x&b=y",
        "/embed?w1=-1000000&b=-1000000&activation=sigmoid",
    ],
)
def test_the_widget_weighs_at_most_10_kb_gzipped_with_everything_it_loads(client, url):
    response = client.get(url)
    assert response.status_code in (200, 400)
    total = _gzip_size(response.get_data())
    tags = elements(response)
    assets = [a["href"] for a in tags.find("link", rel="stylesheet")]
    assets += [a["src"] for a in tags.find("script")] + [a["src"] for a in tags.find("img")]
    assert assets, "the widget loads its stylesheet and script"
    for asset in assets:
        assert asset and asset.startswith("/static/"), asset
        with client.get(asset) as static:
            assert static.status_code == 200, asset
            total += _gzip_size(static.get_data())
    assert total <= 10 * 1024, f"{url}: {total} bytes gzipped"
