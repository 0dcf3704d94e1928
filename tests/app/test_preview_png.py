"""The link-preview image, /preview.png: a 1200×630 PNG of the result card, cached by ETag.
The card on its own: tests/unit/test_preview_card.py."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image

from webapp.pictures import preview_card as preview_image

EXAMPLE = (
    "height=4&height_unit=ft&weight=80&weight_unit=kg&w1=0.2&w2=0.00001&b=1&activation=sigmoid"
)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        return image.size


@pytest.mark.parametrize(
    "query",
    [
        "",
        EXAMPLE,
        "height=170&height_unit=cm&weight=176&weight_unit=lb&w1=-0.3&activation=tanh",
        "w1=-1000000&w2=0.000000000000000000000000000000001234&b=-1000000&activation=step",
        "height=1.7&height_unit=m&weight=90&activation=relu",
        "height=6&weight=60&activation=linear",
    ],
)
def test_the_preview_is_a_1200_by_630_png(client, query):
    response = client.get(f"/preview.png?{query}")
    assert response.status_code == 200
    assert response.mimetype == "image/png"
    assert png_size(response.data) == (1200, 630)
    assert len(response.data) < 100_000  # a palette PNG: tens of kilobytes
    assert "Set-Cookie" not in response.headers  # cacheable by anyone


def test_it_is_cached_with_a_strong_etag_and_for_a_day(client):
    response = client.get(f"/preview.png?{EXAMPLE}")
    assert response.status_code == 200
    etag = response.headers["ETag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    assert response.headers["Cache-Control"] == "public, max-age=86400"
    again = client.get(f"/preview.png?{EXAMPLE}")
    assert again.status_code == 200 and again.headers["ETag"] == etag
    assert again.data == response.data


@pytest.mark.parametrize("header", ["{etag}", "W/{etag}", '"other", {etag}', "*"])
def test_if_none_match_gives_304_without_a_body(client, header):
    etag = client.get(f"/preview.png?{EXAMPLE}").headers["ETag"]
    response = client.get(
        f"/preview.png?{EXAMPLE}", headers={"If-None-Match": header.format(etag=etag)}
    )
    assert response.status_code == 304
    assert response.data == b""
    assert response.headers["ETag"] == etag
    assert response.headers["Cache-Control"] == "public, max-age=86400"


def test_a_stale_etag_gets_the_image(client):
    response = client.get(f"/preview.png?{EXAMPLE}", headers={"If-None-Match": '"stale"'})
    assert response.status_code == 200
    assert png_size(response.data) == (1200, 630)


def test_the_etag_follows_the_normalized_parameters_and_the_version(client, monkeypatch):
    def etag(query: str) -> str:
        response = client.get(f"/preview.png?{query}")
        assert response.status_code == 200
        return response.headers["ETag"]

    example = etag(EXAMPLE)
    assert etag("") == example  # defaults are filled in
    assert etag("weight=80&height=4&unknown=1") == example  # order and unknown names do not count
    assert etag("height=%204%20") == example  # spaces around a number are trimmed
    assert etag("height=4.0") != example  # typed values are shown as typed
    assert etag("activation=tanh") != example
    monkeypatch.setattr(preview_image, "VERSION", "test-next")
    assert etag(EXAMPLE) != example


@pytest.mark.parametrize(
    "query",
    ["height=abc", "height=4&height=5", "activation=softmax", "weight=701", "w1=nan", "b=1e309"],
)
def test_invalid_parameters_are_a_400(client, query):
    response = client.get(f"/preview.png?{query}")
    assert response.status_code == 400
    assert response.mimetype == "text/html"
    assert "ETag" not in response.headers


def test_result_pages_name_the_cards_absolute_url(client):
    page = client.get("/?height=170&height_unit=cm", base_url="https://neuron.example")
    assert page.status_code == 200
    found = re.search(r'<meta property="og:image" content="([^"]+)">', page.get_data(as_text=True))
    assert found is not None
    url = found.group(1).replace("&amp;", "&")
    assert url == (
        "https://neuron.example/preview.png?height=170&height_unit=cm&weight=80&weight_unit=kg"
        "&w1=0.2&w2=0.00001&b=1&activation=sigmoid"
    )
