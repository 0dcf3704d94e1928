"""Compression where it is served: pages compressed by the app (Brotli or gzip, as the
browser accepts), static files precompressed under content-hashed URLs."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from pathlib import Path

import brotli
import pytest

from webapp.web.plumbing import static_files
from webapp.widget.parts import height_table

RESULT = (
    "/?height=170&height_unit=cm&weight=176&weight_unit=lb&w1=0.2&w2=0.00001&b=1&activation=tanh"
)
STATIC = Path(__file__).resolve().parents[2] / "static"
DECODE = {"gzip": gzip.decompress, "br": brotli.decompress}


@pytest.mark.parametrize(
    ("accept", "encoding"),
    [("gzip, deflate, br", "br"), ("gzip", "gzip"), ("br;q=0, gzip", "gzip"), ("identity", None)],
)
def test_a_result_page_is_compressed_as_the_browser_accepts(client, accept, encoding):
    plain = client.get(RESULT, headers={"Accept-Encoding": "identity"})
    response = client.get(RESULT, headers={"Accept-Encoding": accept})
    assert response.status_code == 200
    assert response.headers.get("Content-Encoding") == encoding
    assert "Accept-Encoding" in response.headers["Vary"]
    body = DECODE[encoding](response.data) if encoding else response.data
    # the same page (the history panel differs only if the cookie does)
    assert body.decode().replace("\n", "") != "" and len(body) > 20_000
    assert body.split(b"<main", 1)[1] == plain.data.split(b"<main", 1)[1]
    if encoding:
        # travels in ≤ 10 KB: the page, its embed builder and a table beside each picture
        assert len(response.data) <= 10 * 1024
        assert int(response.headers["Content-Length"]) == len(response.data)


def test_the_api_is_compressed_too_and_decodes_to_the_same_json(client):
    url = "/api/v1/neuron?weight=90"
    plain = client.get(url, headers={"Accept-Encoding": "identity"})
    packed = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert plain.status_code == packed.status_code == 200
    assert packed.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.data) == plain.data


def static_urls(client) -> list[str]:
    page = client.get(RESULT).get_data(as_text=True)
    return re.findall(r'(?:href|src)="(/static/[^"]+)"', page)


def served(client, url: str) -> bytes:
    """A static file's bytes as served (the file, with any fill written in)."""
    response = client.get(url, headers={"Accept-Encoding": "identity"})
    assert response.status_code == 200, url
    return response.data


def test_every_static_url_on_a_page_names_its_content_hash(client):
    urls = static_urls(client)
    assert len(urls) >= 3  # stylesheet, icon, script
    for url in urls:
        path, version = url.split("?v=")
        assert version == hashlib.sha256(served(client, url)).hexdigest()[:12], url
        if not path.endswith("embed-builder.js"):  # the only file with a fill
            assert served(client, url) == minified(STATIC / path.removeprefix("/static/"))


def minified(path: Path) -> bytes:
    """A static file as the app serves it: stylesheets and scripts minified."""
    minify = static_files.MINIFIERS.get(path.suffix)
    return minify(path.read_text()).encode() if minify else path.read_bytes()


@pytest.mark.parametrize("name", ["css/site.css", "css/embed.css", "js/copy.js"])
def test_stylesheets_and_scripts_are_served_without_their_comments(client, name):
    original = (STATIC / name).read_text()
    assert "/*" in original or "//" in original  # the files keep them for people
    response = client.get(f"/static/{name}", headers={"Accept-Encoding": "identity"})
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert "/*" not in text and "\n  " not in text
    assert len(text) < 0.85 * len(original)


def test_the_builder_script_carries_the_height_table_and_pages_do_not(client):
    page = client.get(RESULT).get_data(as_text=True)
    assert "data-heights" not in page and "&#34;parts&#34;" not in page
    url = next(u for u in static_urls(client) if "embed-builder.js" in u)
    script = served(client, url).decode()
    assert "/*HEIGHTS*/" not in script
    table = json.dumps(height_table(), separators=(",", ":"))
    assert f"var heights={table};" in script  # minified: no spaces around =


@pytest.mark.parametrize(("accept", "encoding"), [("br, gzip", "br"), ("gzip", "gzip")])
def test_static_files_are_precompressed_and_cached_for_a_year(client, accept, encoding):
    for url in static_urls(client):
        if url.startswith("/static/favicon"):
            continue
        response = client.get(url, headers={"Accept-Encoding": accept})
        assert response.status_code == 200, url
        assert response.headers["Content-Encoding"] == encoding
        assert DECODE[encoding](response.data) == served(client, url)
        control = response.headers["Cache-Control"]
        assert "public" in control and "max-age=31536000" in control and "immutable" in control
        assert "Accept-Encoding" in response.headers["Vary"]


def test_an_unversioned_static_url_is_cached_briefly_and_revalidates(client):
    response = client.get("/static/css/site.css", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert "max-age=300" in response.headers["Cache-Control"]
    assert "immutable" not in response.headers["Cache-Control"]
    again = client.get(
        "/static/css/site.css",
        headers={"Accept-Encoding": "gzip", "If-None-Match": response.headers["ETag"]},
    )
    assert again.status_code == 304 and again.data == b""


def test_a_browser_that_accepts_no_compression_gets_the_file_as_is(client):
    response = client.get("/static/js/copy.js", headers={"Accept-Encoding": "identity"})
    assert response.status_code == 200
    assert "Content-Encoding" not in response.headers
    assert response.data == minified(STATIC / "js" / "copy.js")


@pytest.mark.parametrize("path", ["/static/nope.css", "/static/../webapp/__init__.py"])
def test_unknown_static_files_are_404(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("code", ["en", "de", "es"])
def test_a_result_page_keeps_its_14_kb_budget_in_every_language(client, code):
    """German words are longer: the page still travels within its budget (gzip, the
    browser's worst case of the two)."""
    response = client.get(f"{RESULT}&lang={code}", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers.get("Content-Encoding") == "gzip"
    assert f'<html lang="{code}"'.encode() in gzip.decompress(response.data)
    assert len(response.data) <= 14 * 1024
