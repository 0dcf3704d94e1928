"""Share links: the field, the copy button, link previews, and the same numbers for anyone."""

from __future__ import annotations

import gzip
import re
from html import unescape

EXAMPLE_SHARE = (
    "http://localhost/?height=4&height_unit=ft&weight=80&weight_unit=kg"
    "&w1=0.2&w2=0.00001&b=1&activation=sigmoid"
)


def page_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


def meta(page: str, attribute: str, name: str) -> str:
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', page)
    assert match, f"no {name} meta"
    return unescape(match.group(1))


def test_the_result_shows_its_share_link_in_a_read_only_field(client):
    page = page_of(client, "/?weight=80&height=4")
    field = re.search(r'<input id="share-url" type="text" value="([^"]+)" readonly', page)
    assert field, "no share field"
    assert unescape(field.group(1)) == EXAMPLE_SHARE  # every parameter, contract order
    assert '<label for="share-url"' in page


def test_the_copy_button_is_hidden_until_the_script_runs(client):
    page = page_of(client, "/?weight=90")
    button = re.search(r"<button [^>]*data-copy-target=\"share-url\"[^>]*>Copy link</button>", page)
    assert button, "no copy button"
    assert " hidden" in button.group(0) and 'type="button"' in button.group(0)
    assert 'id="share-status" role="status"' in page
    assert re.search(r'<script src="/static/js/copy\.js\?v=[0-9a-f]{12}" defer></script>', page)
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)  # no inline script
    assert not re.search(r"<[a-z][^>]*\sstyle=", page)  # no inline style


def test_copy_js_is_served_and_documents_its_markup_api(client):
    response = client.get("/static/js/copy.js")
    assert response.status_code == 200
    assert response.mimetype in ("text/javascript", "application/javascript")
    source = response.get_data(as_text=True)
    for part in ("data-copy-target", "data-copy-status", "navigator.clipboard", "hidden"):
        assert part in source, part
    response.close()


def test_link_previews_state_the_result(client):
    page = page_of(client, "/?height=4&weight=80")
    assert "<title>4 ft, 80 kg → σ(z) = 0.8582: Obese — Neuron Lab</title>" in page
    assert meta(page, "property", "og:title") == "4 ft, 80 kg → σ(z) = 0.8582: Obese"
    assert meta(page, "name", "twitter:title") == "4 ft, 80 kg → σ(z) = 0.8582: Obese"
    description = meta(page, "property", "og:description")
    assert "z = 1.8008" in description and "0.8582" in description and "Obese" in description
    assert "BMI 53.8" in description
    assert meta(page, "name", "twitter:description") == description
    assert meta(page, "name", "twitter:card") == "summary_large_image"
    image = EXAMPLE_SHARE.replace("/?", "/preview.png?")
    assert meta(page, "property", "og:image") == image
    assert meta(page, "name", "twitter:image") == image
    assert meta(page, "property", "og:image:alt") == "4 ft, 80 kg → σ(z) = 0.8582: Obese"
    assert meta(page, "property", "og:url") == EXAMPLE_SHARE
    assert f'<link rel="canonical" href="{EXAMPLE_SHARE.replace("&", "&amp;")}">' in page


def test_link_previews_for_other_units_and_activations(client):
    page = page_of(client, "/?height=170&height_unit=cm&weight=176&weight_unit=lb&activation=tanh")
    assert meta(page, "property", "og:title") == "170 cm, 176 lb → tanh(z) = 0.9714: Obese"
    assert "<title>170 cm, 176 lb → tanh(z) = 0.9714: Obese — Neuron Lab</title>" in page


def test_an_invalid_form_has_no_share_link(client):
    response = client.get("/?height=abc")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'id="share-url"' not in page and "og:title" not in page


def exact_values(page: str) -> str:
    return page.split('<details class="exact">', 1)[1].split("</details>", 1)[0]


def test_a_share_link_gives_anyone_the_same_numbers(client, make_app):
    computed = page_of(client, "/?height=5.9&weight=180&weight_unit=lb&w1=-0.7&b=2.5")
    share = unescape(re.search(r'id="share-url" type="text" value="([^"]+)"', computed).group(1))
    fresh = make_app(SECRET_KEY="another-key-another-browser-0123456789").test_client()
    opened = page_of(fresh, share)
    assert exact_values(opened) == exact_values(computed)
    assert re.search(r"<title>.*</title>", opened).group(0) == re.search(
        r"<title>.*</title>", computed
    ).group(0)


def test_the_nav_links_to_the_history(client):
    page = page_of(client, "/")
    assert '<li><a href="/history">History</a></li>' in page


def test_the_result_page_stays_small_with_a_full_recent_list(client):
    long = "4." + "1234567890" * 6 + "12"  # 64 characters, the longest accepted
    for i in range(6):
        page_of(client, f"/?height={long}&weight={70 + i}.{'9' * 60}&w1={long[:-1]}&b=-{long[:-1]}")
    response = client.get("/?weight=90")
    assert response.status_code == 200
    assert response.get_data(as_text=True).count('<li><a href="/?height=') == 5
    size = len(gzip.compress(response.get_data(), 9))
    assert size <= 14 * 1024, size
