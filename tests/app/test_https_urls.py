"""``HTTPS=true`` (TLS ends at a proxy that sends plain HTTP on): every URL the app
builds is https — share link, canonical, og:image, embed code, oEmbed, the API's
links (issue 13, finding 6). The requests here arrive as plain http, as from a proxy
with FLASK_PROXY_FIX unset."""

from __future__ import annotations

import re
from html import unescape

import pytest

LESSON = "height=5&height_unit=ft&weight=90&weight_unit=kg&w1=0.2&w2=0.00001&b=1&activation=sigmoid"
HOST = "neuronlab.example"


@pytest.fixture
def https_client(make_app):
    return make_app(HTTPS=True).test_client()


def get(client, url: str):
    """The request as a TLS proxy passes it on: plain http (Flask's test client would
    otherwise take the scheme from PREFERRED_URL_SCHEME, which HTTPS sets)."""
    response = client.get(url, base_url=f"http://{HOST}")
    assert response.status_code == 200, response.status_code
    return response


def absolute_urls(text: str) -> list[str]:
    return re.findall(r"\b(?:https?:)?//[^\s\"'<>&]+", unescape(text))


def test_the_lesson_page_names_only_https_urls(https_client):
    page = get(https_client, f"/?{LESSON}").get_data(as_text=True)
    share = f"https://{HOST}/?{LESSON}"
    assert f'<link rel="canonical" href="{share}">' in unescape(page)
    assert f'<meta property="og:url" content="{share}">' in unescape(page)
    assert f'<meta property="og:image" content="https://{HOST}/preview.png?' in unescape(page)
    assert re.search(rf'id="share-url" type="text" value="{re.escape(share)}"', unescape(page))
    assert f'src="https://{HOST}/embed?' in unescape(page)  # the embed code
    assert f"https://{HOST}/static/js/embed-host.js" in unescape(page)
    assert f'href="https://{HOST}/oembed?url=https' in unescape(page)
    urls = absolute_urls(page)
    assert urls and all(url.startswith("https://") for url in urls if HOST in url), urls
    assert f"http://{HOST}" not in page


def test_the_widget_links_back_over_https(https_client):
    page = get(https_client, f"/embed?{LESSON}").get_data(as_text=True)
    assert f"https://{HOST}/?{LESSON}" in unescape(page)
    assert f"http://{HOST}" not in page


def test_oembed_html_is_https(https_client):
    body = get(https_client, f"/oembed?url=https://{HOST}/?{LESSON}").get_json()
    assert f'src="https://{HOST}/embed?' in body["html"]
    assert body["provider_url"] == f"https://{HOST}/"
    assert f"http://{HOST}" not in body["html"]


def test_the_api_links_are_https(https_client):
    body = get(https_client, f"/api/v1/neuron?{LESSON}").get_json()
    assert body["share_url"] == f"https://{HOST}/?{LESSON}"
    assert body["embed_url"].startswith(f"https://{HOST}/embed?")
    trained = get(https_client, "/api/v1/train?epochs=5").get_json()
    assert f"https://{HOST}/?" in str(trained) and f"http://{HOST}" not in str(trained)


def test_the_history_downloads_name_https_links(https_client):
    get(https_client, f"/?{LESSON}")
    page = get(https_client, "/history").get_data(as_text=True)
    assert f"https://{HOST}/?{LESSON}" in unescape(page)
    assert f"http://{HOST}" not in page


def test_without_https_the_urls_stay_http(client):
    response = client.get(f"/?{LESSON}", headers={"Host": HOST})
    assert response.status_code == 200
    assert f"http://{HOST}/?{LESSON}" in unescape(response.get_data(as_text=True))
