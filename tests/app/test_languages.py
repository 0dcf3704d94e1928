"""Which language a page speaks, and what follows from it
(webapp/web/languages/request_language.py).

``lang`` first, then Accept-Language, then English; ``Vary: Accept-Language`` only where
the header chose; a switcher and hreflang alternates that keep the result; share links
that name ``lang`` only off English and always carry dots; caches keyed by language; the
API the same in every language.
"""

from __future__ import annotations

import re

import pytest

RESULT = (
    "height=1.8&height_unit=m&weight=80.5&weight_unit=kg&w1=0.2&w2=0.00001&b=1&activation=sigmoid"
)
GERMAN = {"Accept-Language": "de-DE,de;q=0.9,en;q=0.5"}


def _html_lang(html: str) -> str:
    match = re.search(r'<html lang="([a-z]+)"', html)
    assert match, "no <html lang>"
    return match.group(1)


@pytest.mark.parametrize(
    ("query", "header", "expected"),
    [
        ("", None, "en"),
        ("lang=de", None, "de"),
        ("lang=es", None, "es"),
        ("lang=en", "de", "en"),  # the parameter wins over the browser
        ("", "de-DE,de;q=0.9", "de"),
        ("", "es-MX", "es"),
        ("", "fr-FR,es;q=0.8,de;q=0.7", "es"),  # the browser's best we speak
        ("", "fr-FR", "en"),
        ("", "*", "en"),
        ("", "de;q=0, es;q=0", "en"),
        ("", "garbage;;;q=x", "en"),
    ],
)
def test_the_language_comes_from_lang_then_accept_language_then_english(
    client, query, header, expected
):
    headers = {"Accept-Language": header} if header else {}
    response = client.get(f"/?{query}", headers=headers)
    assert response.status_code == 200
    assert _html_lang(response.get_data(as_text=True)) == expected


@pytest.mark.parametrize("path", ["/", "/history", "/practice", "/learn", "/challenges"])
def test_a_negotiated_page_varies_on_accept_language_and_a_chosen_one_does_not(client, path):
    negotiated = client.get(path, headers=GERMAN)
    assert negotiated.status_code == 200
    assert "Accept-Language" in negotiated.headers["Vary"]
    chosen = client.get(f"{path}?lang=de", headers=GERMAN)
    assert chosen.status_code == 200
    assert "Accept-Language" not in chosen.headers.get("Vary", "")


@pytest.mark.parametrize(
    "query", ["lang=fr", "lang=", "lang=DE", "lang=de-DE", "lang=%3Cscript%3E", "lang=en&lang=es"]
)
def test_an_unknown_or_repeated_lang_is_a_400_that_echoes_nothing(client, query):
    response = client.get(f"/?{query}")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "<script>" not in html
    assert re.search(r"Language (must be one of: en, de, es|was given more than once)", html)


def test_the_error_for_a_bad_lang_speaks_the_browsers_language(client):
    response = client.get("/?lang=fr", headers={"Accept-Language": "es"})
    assert response.status_code == 400
    assert "El idioma debe ser uno de estos: en, de, es." in response.get_data(as_text=True)


def test_the_switcher_keeps_the_result_and_marks_the_current_language(client):
    response = client.get(f"/?{RESULT}&lang=de")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    nav = re.search(r'<nav class="languages"[^>]*>(.*?)</nav>', html, re.S)
    assert nav, "no language switcher"
    links = dict(re.findall(r'<a href="([^"]+)" lang="([a-z]+)"', nav.group(1)))
    assert sorted(links.values()) == ["de", "en", "es"]
    for href, code in links.items():
        assert href.startswith("/?height=1.8&amp;") and href.endswith(f"lang={code}")
    assert re.search(r'lang="de" hreflang="de" aria-current="true">Deutsch<', nav.group(1))
    assert ">English<" in nav.group(1) and ">Español<" in nav.group(1)


def test_the_switcher_turns_a_decimal_comma_into_the_dot_every_language_reads(client):
    response = client.get("/?height=1,8&height_unit=m&weight=80,5&lang=de")
    assert response.status_code == 200
    english = re.search(r'<a href="([^"]+)" lang="en"', response.get_data(as_text=True))
    assert english and "height=1.8&amp;" in english.group(1) and "weight=80.5" in english.group(1)
    followed = client.get(english.group(1).replace("&amp;", "&"))
    assert followed.status_code == 200


def test_hreflang_alternates_name_every_language_and_a_default(client):
    response = client.get(f"/?{RESULT}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    alternates = dict(
        re.findall(r'<link rel="alternate" hreflang="([a-z-]+)" href="([^"]+)"', html)
    )
    assert set(alternates) == {"en", "de", "es", "x-default"}
    assert alternates["de"].startswith("http://localhost/?height=1.8")
    assert alternates["de"].endswith("lang=de")
    assert "lang=" not in alternates["x-default"]


@pytest.mark.parametrize(("code", "locale"), [("en", "en_GB"), ("de", "de_DE"), ("es", "es_ES")])
def test_og_locale_names_the_page_and_its_alternates(client, code, locale):
    response = client.get(f"/?{RESULT}&lang={code}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert f'<meta property="og:locale" content="{locale}">' in html
    others = re.findall(
        r'<meta property="og:locale:alternate" content="([a-z]{2}_[A-Z]{2})">', html
    )
    assert len(others) == 2 and locale not in others


def test_share_links_name_lang_only_off_english_and_always_carry_dots(client):
    english = client.get(f"/?{RESULT}")
    german = client.get("/?height=1,8&height_unit=m&weight=80,5&lang=de")
    assert english.status_code == german.status_code == 200
    canonical = re.compile(r'<link rel="canonical" href="([^"]+)"')
    en_link = canonical.search(english.get_data(as_text=True)).group(1)
    de_link = canonical.search(german.get_data(as_text=True)).group(1)
    assert "lang=" not in en_link
    assert de_link == en_link + "&amp;lang=de"


def test_a_german_form_with_commas_computes_what_the_english_one_does_with_dots(client):
    english = client.get(f"/?{RESULT}")
    german = client.get("/?height=1,8&height_unit=m&weight=80,5&lang=de")
    assert english.status_code == german.status_code == 200
    # the neuron's output, from the step table of stored values (exact, not rounded)
    output = re.compile(r'<th scope="row">ŷ</th><td>([^<]+)</td>')
    en_value = output.search(english.get_data(as_text=True)).group(1)
    de_value = output.search(german.get_data(as_text=True)).group(1)
    assert "." in en_value and de_value == en_value.replace(".", ",")


def test_the_form_shows_a_german_learners_numbers_with_commas(client):
    response = client.get("/?height=1,8&height_unit=m&weight=80,5&lang=de")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'id="height" name="height" type="text" value="1,8"' in html
    assert 'id="weight" name="weight" type="text" value="80,5"' in html
    assert 'id="w2" name="w2" type="text" value="0,00001"' in html


@pytest.mark.parametrize("code", ["de", "es"])
def test_the_api_is_the_same_in_every_language(client, code):
    english = client.get(f"/api/v1/neuron?{RESULT}")
    by_param = client.get(f"/api/v1/neuron?{RESULT}&lang={code}")
    by_header = client.get(f"/api/v1/neuron?{RESULT}", headers={"Accept-Language": code})
    assert english.status_code == by_param.status_code == by_header.status_code == 200
    assert english.data == by_param.data == by_header.data
    assert "Accept-Language" not in by_header.headers.get("Vary", "")


@pytest.mark.parametrize("code", ["de", "es"])
def test_the_api_refuses_a_decimal_comma_in_english_whatever_the_language(client, code):
    response = client.get("/api/v1/neuron?height=4,5", headers={"Accept-Language": code})
    assert response.status_code == 400
    assert "use a dot" in response.get_json()["errors"]["height"]


def test_the_page_cache_keeps_each_language_apart(client):
    """The same link in three languages, asked in turn: each answer in its own language."""
    for _ in range(2):
        for code in ("en", "de", "es", "en"):
            response = client.get(f"/?{RESULT}", headers={"Accept-Language": code})
            assert response.status_code == 200
            assert _html_lang(response.get_data(as_text=True)) == code


def test_the_response_cache_keeps_each_language_apart(make_app):
    app = make_app(RESPONSE_CACHE_SIZE=64)
    client = app.test_client()
    for code in ("de", "en", "es", "de"):
        response = client.get("/", headers={"Accept-Language": code})
        assert response.status_code == 200
        assert _html_lang(response.get_data(as_text=True)) == code


def test_a_request_leaves_no_language_behind(client):
    """The active language is reset after each request (a thread serves many)."""
    from webapp.language import active

    assert client.get("/?lang=de").status_code == 200
    assert active().code == "en"
