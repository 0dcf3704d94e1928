"""A fourth language is one registry entry plus its catalogue.

The pseudo-locale en-XA (every message wrapped in brackets: "[Obese]") is registered
here and nowhere else: its entry goes into ``LANGUAGES`` (webapp/language/registry.py)
and its catalogue, made at run time from the English messages of messages.pot and
compiled with Babel, into a folder of the test's own. The switcher, hreflang, ``lang``'s
accepted values and its 400, the widget's options, oEmbed, the embed builder and the
number formatting must all offer it; the registry is left as it was found. (Its entry
writes a decimal comma, so the numbers show whose rules they follow.)
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import quote

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from webapp.language import CATALOGUES, LANGUAGES, from_cldr
from webapp.widget.options import widget_options

CODE = "en-XA"
QUERY = "height=5&height_unit=ft&weight=90&weight_unit=kg&w1=0.2&w2=0.00001&b=1&activation=sigmoid"
# z = 0.2·5 + 0.00001·90 + 1 = 2.0009, σ(z) = 0.88093…: Obese
OUTPUT = "0,8809"


def _bracketed(message_id: str | tuple[str, ...]) -> str | tuple[str, ...]:
    if isinstance(message_id, tuple):
        return tuple(f"[{text}]" for text in message_id)
    return f"[{message_id}]"


def _pseudo_catalogue(folder) -> None:
    """en_XA/LC_MESSAGES/messages.mo: every English message of messages.pot, bracketed."""
    with open(f"{CATALOGUES}/messages.pot", "rb") as pot:
        english = read_po(pot)
    pseudo = Catalog(locale="en", domain="messages")
    for message in english:
        if message.id:
            pseudo.add(message.id, _bracketed(message.id), context=message.context)
    target = folder / "en_XA" / "LC_MESSAGES"
    target.mkdir(parents=True)
    with open(target / "messages.mo", "wb") as mo:
        write_mo(mo, pseudo)


@pytest.fixture
def pseudo_client(app, tmp_path, monkeypatch):
    _pseudo_catalogue(tmp_path)
    entry = from_cldr(CODE, "en_XA", locale="en", catalogue=str(tmp_path))
    before = dict(LANGUAGES)
    monkeypatch.setitem(LANGUAGES, CODE, replace(entry, name="[English]", decimal=","))
    yield app.test_client()
    monkeypatch.undo()
    assert before == LANGUAGES  # as it was found


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def test_lang_accepts_it_and_its_pages_speak_it(pseudo_client):
    html = _page(pseudo_client, f"/?{QUERY}&lang={CODE}")
    assert f'<html lang="{CODE}"' in html
    assert '<strong class="label label-pos">[Obese]</strong>' in html  # a constant message
    assert f"<title>5 ft, 90 kg → σ(z) = {OUTPUT}: [Obese] — Neuron Lab</title>" in html
    browser = pseudo_client.get("/", headers={"Accept-Language": CODE})
    assert f'<html lang="{CODE}"' in browser.get_data(as_text=True)


def test_lang_s_400_names_it_among_the_accepted_values(pseudo_client):
    response = pseudo_client.get("/?lang=xx-XX")
    assert response.status_code == 400
    assert f"Language must be one of: en, de, es, {CODE}." in response.get_data(as_text=True)


def test_the_switcher_and_hreflang_offer_it_from_every_page(pseudo_client):
    for path in (f"/?{QUERY}", "/learn", "/challenges", "/practice"):
        html = _page(pseudo_client, path)
        nav = re.search(r'<nav class="languages"[^>]*>(.*?)</nav>', html, re.S)
        assert nav is not None
        assert f'lang="{CODE}" hreflang="{CODE}">[English]</a>' in nav.group(1)
        alternate = re.search(rf'<link rel="alternate" hreflang="{CODE}" href="([^"]+)">', html)
        assert alternate is not None and alternate.group(1).endswith(f"lang={CODE}")
    current = _page(pseudo_client, f"/?{QUERY}&lang={CODE}")
    assert f'hreflang="{CODE}" aria-current="true">[English]</a>' in current


def test_its_numbers_follow_its_entry(pseudo_client):
    html = _page(pseudo_client, f"/?{QUERY}&lang={CODE}")
    assert f"<mn>{OUTPUT}</mn>" in html and "<mn>2,0009</mn>" in html
    typed = _page(pseudo_client, f"/?height=5,5&lang={CODE}")  # its forms read its comma
    assert 'id="height" name="height" type="text" value="5,5"' in typed


def test_the_widget_passes_it_on_and_speaks_it(pseudo_client):
    assert widget_options({"lang": [CODE]}).extra() == {"lang": CODE}
    html = _page(pseudo_client, f"/embed?{QUERY}&lang={CODE}")
    assert f'<html lang="{CODE}"' in html and "[Obese]" in html
    assert f'<input type="hidden" name="lang" value="{CODE}">' in html


def test_the_embed_builder_builds_its_widget(pseudo_client):
    html = _page(pseudo_client, f"/?{QUERY}&lang={CODE}")
    builder = re.search(r'<form class="embed-builder"[^>]*>', html)
    assert builder is not None and f'data-lang="{CODE}"' in builder.group(0)
    assert f"/embed?{QUERY.replace('&', '&amp;')}&amp;lang={CODE}" in html
    assert f"embed%3F{quote(QUERY, safe='')}%26lang%3D{CODE}" in html  # its oEmbed URL


def test_oembed_answers_in_it(pseudo_client):
    url = quote(f"http://localhost/embed?{QUERY}&lang={CODE}", safe="")
    response = pseudo_client.get(f"/oembed?url={url}")
    assert response.status_code == 200
    body = response.get_json()
    assert body["title"] == f"5 ft, 90 kg → σ(z) = {OUTPUT}: [Obese]"
    assert f"lang={CODE}" in body["html"]
