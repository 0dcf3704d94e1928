"""GET /oembed and oEmbed discovery through the test client. The pure URL and size rules
(webapp.api.oembed): tests/unit/test_oembed_rules.py."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest

SITE = "http://localhost/"
FULL_90 = (
    "height=4&height_unit=ft&weight=90&weight_unit=kg&w1=0.2&w2=0.00001&b=1&activation=sigmoid"
)
RESULT = "height=170&height_unit=cm&weight=176&weight_unit=lb&w1=-0.3&activation=tanh"


# --- GET /oembed -----------------------------------------------------------------------


def ask(client, url: str | None = None, **params):
    query = {} if url is None else {"url": url}
    query.update(params)
    return client.get("/oembed", query_string=query)


COMPACT = 232  # webapp/widget/parts.py: the default parts, folded, at any width


def test_oembed_for_a_lesson_result(client):
    response = ask(client, f"http://localhost/?{FULL_90}", format="json")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    data = response.get_json()
    assert data["type"] == "rich" and data["version"] == "1.0"
    assert data["provider_name"] == "Neuron Lab"
    assert data["provider_url"] == "http://localhost/"
    assert data["title"] == "4 ft, 90 kg → σ(z) = 0.8583: Obese"
    # the compact default widget's own height: no scrollbar even without the host script
    assert (data["width"], data["height"]) == (640, COMPACT)
    assert isinstance(data["cache_age"], int)
    assert data["html"] == (
        f'<iframe src="http://localhost/embed?{FULL_90.replace("&", "&amp;")}" '
        'title="Neuron Lab: 4 ft, 90 kg → σ(z) = 0.8583: Obese" '
        f'width="640" height="{COMPACT}" loading="lazy"></iframe>\n'
        '<script src="http://localhost/static/js/embed-host.js" async></script>'
    )
    assert "Set-Cookie" not in response.headers


def test_oembed_html_is_the_pages_embed_code(client):
    page = client.get(f"/?{RESULT}")
    assert page.status_code == 200
    code = re.search(
        r'<textarea id="embed-code"[^>]*>(.*?)</textarea>', page.get_data(as_text=True), re.S
    )
    assert code
    response = ask(client, f"http://localhost/?{RESULT}")  # format defaults to json
    assert response.status_code == 200
    assert response.get_json()["html"] == unescape(code.group(1))


def test_oembed_for_the_worked_example_names_every_parameter(client):
    response = ask(client, "http://localhost/")
    assert response.status_code == 200
    data = response.get_json()
    assert data["title"] == "4 ft, 80 kg → σ(z) = 0.8582: Obese"
    src = re.search(r'src="([^"]+)"', data["html"])
    assert src
    params = parse_qsl(urlsplit(unescape(src.group(1))).query)
    assert [name for name, _ in params] == [
        "height", "height_unit", "weight", "weight_unit", "w1", "w2", "b", "activation"
    ]  # fmt: skip


def test_oembed_for_a_widget_url_keeps_its_presentation(client):
    response = ask(client, f"http://localhost/embed?{RESULT}&theme=dark&controls=0&junk=1")
    assert response.status_code == 200
    html = response.get_json()["html"]
    assert "activation=tanh&amp;controls=0&amp;theme=dark&quot;" not in html
    assert 'activation=tanh&amp;controls=0&amp;theme=dark"' in html
    assert "junk" not in html


@pytest.mark.parametrize(
    ("params", "size"),
    [
        ({"maxwidth": "300"}, (300, 232)),
        ({"maxheight": "480"}, (640, 232)),
        ({"maxheight": "200"}, (640, 200)),
        ({"maxwidth": "320", "maxheight": "100"}, (320, 100)),
        ({"maxwidth": "4000", "maxheight": "4000"}, (640, 232)),
        ({"maxwidth": ""}, (640, 232)),
    ],
)
def test_oembed_honours_maxwidth_and_maxheight(client, params, size):
    response = ask(client, f"http://localhost/?{FULL_90}", **params)
    assert response.status_code == 200
    data = response.get_json()
    assert (data["width"], data["height"]) == size
    assert f'width="{size[0]}" height="{size[1]}"' in data["html"]
    # the host script may grow the iframe to its content, but never past maxheight
    if "maxheight" in params:
        assert f'data-max-height="{params["maxheight"]}"' in data["html"]
    else:
        assert "data-max-height" not in data["html"]


@pytest.mark.parametrize(
    "url",
    [
        f"http://example.com/?{FULL_90}",
        f"http://localhost:5000/?{FULL_90}",
        f"https://localhost/?{FULL_90}",
        "http://localhost/history",
        "http://localhost/api/v1/neuron?weight=90",
        "http://localhost/?height=abc",  # this site's lesson, but invalid
        "http://localhost/embed?weight=4,5",
        "http://localhost/?weight=1&weight=2",
        "not a url",
    ],
)
def test_oembed_404_for_anything_but_a_valid_lesson_url(client, url):
    response = ask(client, url, format="json")
    assert response.status_code == 404
    assert response.mimetype == "application/json"
    assert "url" in response.get_json()["errors"]


def test_oembed_errors_are_json_even_for_browsers(client):
    response = client.get(
        "/oembed", query_string={"url": "http://example.com/"}, headers={"Accept": "text/html"}
    )
    assert response.status_code == 404
    assert response.get_json() == {
        "errors": {"url": "Only this site's lesson and widget URLs can be embedded."}
    }


@pytest.mark.parametrize("fmt", ["xml", "JSON", "jsonp", ""])
def test_oembed_501_for_formats_other_than_json(client, fmt):
    response = ask(client, f"http://localhost/?{FULL_90}", format=fmt)
    assert response.status_code == 501
    assert response.get_json() == {"errors": {"format": "Only format=json is supported."}}


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "url"),
        ({"url": "  "}, "url"),
        ({"url": "http://localhost/", "maxwidth": "wide"}, "maxwidth"),
        ({"url": "http://localhost/", "maxwidth": "0"}, "maxwidth"),
        ({"url": "http://localhost/", "maxheight": "-1"}, "maxheight"),
        ({"url": "http://localhost/", "maxheight": "2.5", "format": "xml"}, "maxheight"),
        ({"url": "http://localhost/", "maxwidth": "9" * 4301}, "maxwidth"),  # int() refuses
        ({"url": "http://localhost/", "maxheight": "1" + "0" * 9}, "maxheight"),
    ],
)
def test_oembed_400_for_a_missing_url_or_bad_size(client, params, field):
    response = client.get("/oembed", query_string=params)
    assert response.status_code == 400
    assert list(response.get_json()["errors"]) == [field]


def test_oembed_may_not_be_framed_and_sets_no_cookie(client):
    response = ask(client, "http://localhost/")
    assert response.status_code == 200
    assert response.headers["Content-Security-Policy"].endswith("frame-ancestors 'none'")
    assert "Set-Cookie" not in response.headers


# --- discovery --------------------------------------------------------------------------


def discovery_links(response) -> list[str]:
    page = response.get_data(as_text=True)
    head = page.split("</head>", 1)[0]
    return [
        unescape(href)
        for href in re.findall(
            r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', head
        )
    ]


@pytest.mark.parametrize("query", ["", "?weight=90", f"?{RESULT}"])
def test_result_pages_announce_their_oembed_url(client, query):
    page = client.get(f"/{query}")
    assert page.status_code == 200
    links = discovery_links(page)
    assert len(links) == 1
    link = urlsplit(links[0])
    assert (link.scheme, link.netloc, link.path) == ("http", "localhost", "/oembed")
    params = dict(parse_qsl(link.query))
    assert params["format"] == "json"
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', page.get_data(as_text=True))
    assert canonical and params["url"] == unescape(canonical.group(1))
    response = client.get(f"{link.path}?{link.query}")
    assert response.status_code == 200
    assert response.get_json()["type"] == "rich"


def test_the_form_page_announces_no_oembed(client):
    response = client.get("/?height=abc")
    assert response.status_code == 400
    assert discovery_links(response) == []
