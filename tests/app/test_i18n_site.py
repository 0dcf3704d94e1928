"""The site's frame in German and Spanish: the skip link, the navigation, the footer and
<html lang>; the error pages (our own words per status, a description our code gave kept);
the history page and the lesson's recent panel with their plural counts, dates and
decimal commas; the accessibility statement. English stays as it was, and the API's
errors stay English JSON whatever the language asked for."""

from __future__ import annotations

import re
from html import unescape

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.exceptions import InternalServerError

from webapp.lesson import history, records
from webapp.lesson.params import LESSON_DEFAULTS
from webapp.web.cookies import history_cookie, records_cookie
from webapp.web.plumbing import rate_limits
from webapp.web.plumbing.errors import page_texts

NOW = 1_780_000_000  # 2026-05-28T20:26:40Z

FRAME = {
    "de": {
        "skip": "Direkt zur Lektion",
        "nav": ["Lektion", "Verlauf", "Üben", "Lernen", "Challenges"],
        "site": 'aria-label="Website"',
        "footer": "Neuron Lab — ein künstliches Neuron, jeder Schritt mit echten Zahlen "
        "vorgerechnet.",
        "accessibility": "Barrierefreiheit",
    },
    "es": {
        "skip": "Saltar a la lección",
        "nav": ["Lección", "Historial", "Práctica", "Aprender", "Retos"],
        "site": 'aria-label="Sitio web"',
        "footer": "Neuron Lab — una neurona artificial, cada paso resuelto con números reales.",
        "accessibility": "Accesibilidad",
    },
}


def page(client: FlaskClient, path: str, status: int = 200, **kwargs) -> str:
    response = client.get(path, **kwargs)
    assert response.status_code == status, response.status_code
    return unescape(response.get_data(as_text=True))


def nav_links(text: str) -> list[tuple[str, str]]:
    nav = re.search(r'<nav aria-label="[^"]+">(.*?)</nav>', text, re.S)
    assert nav, "no site navigation"
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav.group(1))


@pytest.mark.parametrize("lang", ["de", "es"])
def test_the_frame_speaks_the_language_and_its_links_keep_it(client, lang):
    text = page(client, f"/history?lang={lang}")
    words = FRAME[lang]
    assert f'<html lang="{lang}"' in text
    assert f'<a class="skip-link" href="#main">{words["skip"]}</a>' in text
    assert words["site"] in text
    links = nav_links(text)
    assert [label for _, label in links] == words["nav"]
    assert all(href.endswith(f"?lang={lang}") for href, _ in links)
    assert words["footer"] in text
    assert f'<a href="/accessibility?lang={lang}">{words["accessibility"]}</a>' in text
    assert f'<a class="brand" href="/?lang={lang}">' in text


def test_the_frame_in_english_is_unchanged(client):
    text = page(client, "/history")
    assert '<html lang="en"' in text
    assert '<a class="skip-link" href="#main">Skip to the lesson</a>' in text
    assert nav_links(text) == [
        ("/", "Lesson"),
        ("/history", "History"),
        ("/practice", "Practice"),
        ("/learn", "Learn"),
        ("/challenges", "Challenges"),
    ]
    assert '<a href="/accessibility">Accessibility</a>' in text


def test_accept_language_alone_chooses_the_frame_and_its_links_name_it(client):
    """As share links do (webapp/web/lesson/links.py): the next page speaks the same language."""
    text = page(client, "/history", headers={"Accept-Language": "es-ES,es;q=0.9"})
    assert '<html lang="es"' in text
    assert ("/history?lang=es", "Historial") in nav_links(text)


ERRORS = {
    "de": {
        404: (
            "404: Nicht gefunden",
            "Unter dieser Adresse gibt es keine Seite. "
            "Prüfe den Link oder fang bei der Lektion an.",
        ),
        405: ("405: Methode nicht erlaubt", "Diese Adresse nimmt diese Art von Anfrage nicht an."),
        413: (
            "413: Anfrage zu groß",
            "Was gesendet wurde, ist für diese Website zu groß. "
            "Sende weniger und versuche es noch einmal.",
        ),
        "csrf": (
            "400: Ungültige Anfrage",
            "Das Formular ist abgelaufen oder wurde von einer anderen Website gesendet. "
            "Lade die Seite neu und versuche es noch einmal.",
        ),
        "back": "Zur Lektion",
        "description": "Gib eine Körpergröße und ein Körpergewicht ein",
    },
    "es": {
        404: (
            "404: No encontrado",
            "No hay ninguna página en esta dirección. Revisa el enlace o empieza por la lección.",
        ),
        405: ("405: Método no permitido", "Esta dirección no acepta ese tipo de solicitud."),
        413: (
            "413: Solicitud demasiado grande",
            "Lo que se ha enviado es demasiado grande para este sitio. "
            "Envía menos y vuelve a intentarlo.",
        ),
        "csrf": (
            "400: Solicitud incorrecta",
            "El formulario ha caducado o se envió desde otro sitio. "
            "Recarga la página y vuelve a intentarlo.",
        ),
        "back": "Ir a la lección",
        "description": "Escribe una estatura y un peso",
    },
}
WERKZEUG_WORDS = ("requested URL", "The method is not allowed", "capacity limit", "CSRF")


def assert_error_page(text: str, lang: str, key: int | str) -> None:
    heading, message = ERRORS[lang][key]
    assert f'<html lang="{lang}"' in text
    assert f"<h1>{heading}</h1>" in text
    assert f"<p>{message}</p>" in text
    assert f'<a href="/?lang={lang}">{ERRORS[lang]["back"]}</a>' in text
    assert ERRORS[lang]["description"] in text  # the default meta description
    assert not any(words in text for words in WERKZEUG_WORDS)


@pytest.mark.parametrize("lang", ["de", "es"])
def test_404_and_405_pages_in_the_language(client, lang):
    assert_error_page(page(client, f"/no-such-page?lang={lang}", 404), lang, 404)
    response = client.post(f"/accessibility?lang={lang}")
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]
    assert_error_page(unescape(response.get_data(as_text=True)), lang, 405)


@pytest.mark.parametrize(
    ("lang", "heading", "message"),
    [
        ("de", "400: Ungültige Anfrage", "Die Sprache muss eine von diesen sein: en, de, es."),
        ("es", "400: Solicitud incorrecta", "El idioma debe ser uno de estos: en, de, es."),
    ],
)
def test_a_bad_lang_is_a_400_in_the_browsers_language_with_its_own_message(
    client, lang, heading, message
):
    text = page(client, "/?lang=xx", 400, headers={"Accept-Language": lang})
    assert f'<html lang="{lang}"' in text
    assert f"<h1>{heading}</h1>" in text
    assert f"<p>{message}</p>" in text  # the description languages.py gave, as given


@pytest.mark.parametrize("lang", ["de", "es"])
def test_a_too_large_form_is_a_413_in_the_language(client, lang):
    response = client.post(f"/history/clear?lang={lang}", data={"x": "a" * (2 * 1024 * 1024)})
    assert response.status_code == 413
    assert_error_page(unescape(response.get_data(as_text=True)), lang, 413)


@pytest.mark.parametrize("lang", ["de", "es"])
def test_a_form_with_a_stale_token_is_refused_in_the_language(client, lang):
    client.get("/", query_string={"weight": "70"})
    response = client.post(f"/history/clear?lang={lang}", data={"csrf_token": "forged"})
    assert response.status_code == 400
    assert_error_page(unescape(response.get_data(as_text=True)), lang, "csrf")


def test_english_error_pages_use_our_words_not_werkzeugs(client):
    text = page(client, "/no-such-page", 404)
    assert "<h1>404: Not Found</h1>" in text
    assert (
        "<p>There is no page at this address. Check the link, or start from the lesson.</p>" in text
    )
    response = client.post("/history/clear", data={"x": "a" * (2 * 1024 * 1024)})
    assert response.status_code == 413
    text = response.get_data(as_text=True)
    assert "<h1>413: Request Entity Too Large</h1>" in text
    assert "What was sent is too large for this site. Send less and try again." in text
    assert "capacity limit" not in text


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ("Internal Server Error", "Something went wrong on our side.")),
        ("de", ("Interner Serverfehler", "Bei uns ist etwas schiefgegangen.")),
        ("es", ("Error interno del servidor", "Algo ha fallado por nuestra parte.")),
    ],
)
def test_the_500_page_words(app: Flask, lang, expected):
    with app.test_request_context(f"/?lang={lang}"):
        app.preprocess_request()
        title, message = page_texts(InternalServerError())
    assert title == expected[0]
    assert message.startswith(expected[1])


@pytest.mark.parametrize("lang", ["de", "es"])
def test_api_errors_stay_english_json(client, lang):
    headers = {"Accept-Language": lang}
    response = client.get(f"/api/v1/no-such-thing?lang={lang}", headers=headers)
    assert response.status_code == 404
    assert response.is_json
    assert response.get_json()["errors"]["request"].startswith("The requested URL was not found")
    response = client.delete(f"/api/v1/neuron?lang={lang}", headers=headers)
    assert response.status_code == 405
    assert response.get_json()["errors"]["request"].startswith("The method is not allowed")


@pytest.mark.parametrize(
    ("lang", "wait", "expected"),
    [
        ("de", 1, "Warte 1 Sekunde und versuche es dann noch einmal."),
        ("de", 42, "Warte 42 Sekunden und versuche es dann noch einmal."),
        ("es", 1, "Espera 1 segundo y vuelve a intentarlo."),
        ("es", 42, "Espera 42 segundos y vuelve a intentarlo."),
        ("en", 1, "Wait 1 second and try again."),
        ("en", 42, "Wait 42 seconds and try again."),
    ],
)
def test_the_429_page_says_how_long_to_wait_in_the_language(
    make_app, monkeypatch, lang, wait, expected
):
    monkeypatch.setattr(rate_limits, "retry_after", lambda: wait)
    app = make_app(RATELIMIT_ENABLED=True, RATELIMIT_RENDER="1 per minute")
    client = app.test_client()
    query = "" if lang == "en" else f"&lang={lang}"
    assert client.get(f"/?weight=71{query}").status_code == 200
    response = client.get(f"/?weight=72{query}")
    assert response.status_code == 429
    assert response.headers["Retry-After"] == str(wait)
    text = unescape(response.get_data(as_text=True))
    assert f'<html lang="{lang}"' in text
    assert expected in text


def entry(at: int, **changes: str) -> history.Entry:
    return history.new_entry({**LESSON_DEFAULTS, **changes}, at)


def with_records(app: Flask, client: FlaskClient, kept: records.Records) -> None:
    """Give the browser a records cookie signed as the app signs it."""
    with app.app_context():
        client.set_cookie(records_cookie.COOKIE_NAME, records_cookie.sign(kept.dumps()))


HISTORY = {
    "de": {
        "title": "<title>Dein Verlauf — Neuron Lab</title>",
        "one": "<p>1 Ergebnis. Herunterladen:",
        "several": "<p>3 Ergebnisse. Herunterladen:",
        "dropped_one": "1 älteres Ergebnis wurde entfernt, damit der Verlauf klein bleibt.",
        "dropped_several": "4 ältere Ergebnisse wurden entfernt, damit der Verlauf klein bleibt.",
        "when": "28. Mai 2026, 20:26 UTC",
        "label": "Adipös",
        "clear": "Verlauf löschen",
        "empty": "Noch keine Ergebnisse.",
        "cleared": "Der Verlauf wurde gelöscht.",
        "put_back": 'Ins Formular übernehmen<span class="visually-hidden">: 4 ft, 80,5 kg</span>',
    },
    "es": {
        "title": "<title>Tu historial — Neuron Lab</title>",
        "one": "<p>1 resultado. Descargar:",
        "several": "<p>3 resultados. Descargar:",
        "dropped_one": "Se quitó 1 resultado antiguo para que el historial no crezca demasiado.",
        "dropped_several": "Se quitaron 4 resultados antiguos "
        "para que el historial no crezca demasiado.",
        "when": "28 may 2026, 20:26 UTC",
        "label": "Obesidad",
        "clear": "Borrar historial",
        "empty": "Todavía no hay resultados.",
        "cleared": "Se ha borrado el historial.",
        "put_back": "Volver a cargar en el formulario"
        '<span class="visually-hidden">: 4 ft, 80,5 kg</span>',
    },
}


@pytest.mark.parametrize("lang", ["de", "es"])
def test_the_history_with_several_results_and_drops(app, client, lang):
    entries = (entry(NOW, weight="80.5"), entry(NOW - 60, weight="81"), entry(NOW - 120))
    with_records(app, client, records.Records(history=entries, dropped=4))
    text = page(client, f"/history?lang={lang}")
    words = HISTORY[lang]
    assert words["title"] in text
    assert words["several"] in text
    assert words["dropped_several"] in text
    assert f'<time datetime="2026-05-28T20:26:40Z">{words["when"]}</time>' in text
    assert "4 ft, 80,5 kg</a></h2>" in text  # the person as typed, the page's way
    assert "σ(z) = 0,8582" in text
    assert "w₁ = 0,2, w₂ = 0,00001, b = 1; z = 1,8008" in text
    assert f'<strong class="label label-pos">{words["label"]}</strong>' in text
    assert words["put_back"] in text
    assert f"&lang={lang}#form-title" in text  # back into the form in the same language
    assert f'action="/history/clear?lang={lang}"' in text
    assert f'action="/history/delete?lang={lang}"' in text
    assert words["clear"] in text


@pytest.mark.parametrize("lang", ["de", "es"])
def test_the_history_with_one_result_and_one_drop(app, client, lang):
    with_records(app, client, records.Records(history=(entry(NOW),), dropped=1))
    text = page(client, f"/history?lang={lang}")
    assert HISTORY[lang]["one"] in text
    assert HISTORY[lang]["dropped_one"] in text


@pytest.mark.parametrize("lang", ["de", "es"])
def test_clearing_the_history_comes_back_in_the_language(client, lang):
    client.get("/", query_string={"weight": "70"})
    text = page(client, f"/history?lang={lang}")
    token = re.search(r'name="csrf_token" value="([^"]+)"', text)
    assert token
    response = client.post(f"/history/clear?lang={lang}", data={"csrf_token": token.group(1)})
    assert response.status_code == 303
    assert response.headers["Location"] == f"/history?done=cleared&lang={lang}"
    text = page(client, response.headers["Location"])
    assert HISTORY[lang]["cleared"] in text
    assert HISTORY[lang]["empty"] in text


@pytest.mark.parametrize(
    ("lang", "full", "more", "label"),
    [
        (
            "de",
            "Dein Verlauf ist voll: 1 älteres Ergebnis wurde entfernt, damit er klein bleibt.",
            "Alle 3 Ergebnisse, mit Downloads",
            "Adipös",
        ),
        (
            "es",
            "Tu historial está lleno: se quitó 1 resultado antiguo para que no crezca demasiado.",
            "Los 3 resultados, con descargas",
            "Obesidad",
        ),
    ],
)
def test_the_recent_panel_in_the_language(client, monkeypatch, lang, full, more, label):
    monkeypatch.setattr(history, "MAX_ENTRIES", 3)
    monkeypatch.setattr(history_cookie, "RECENT_COUNT", 2)
    for weight in ("60", "61", "62"):
        client.get("/", query_string={"weight": weight, "lang": lang})
    text = page(client, "/", query_string={"weight": "63.5", "lang": lang})
    assert full in text
    assert f'<a href="/history?lang={lang}">{more}</a>' in text
    assert "4 ft, 63,5 kg</a>" in text
    assert f'<span class="label label-pos">{label}</span>' in text


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "de",
            [
                "<h1>Barrierefreiheit</h1>",
                "<title>Barrierefreiheit — Neuron Lab</title>",
                "Kurz gesagt",
                "3.1.1 Sprache der Seite, 3.1.2 Sprache von Teilen",
                "auf 200 % vergrößern",
                "σ(z) = 0,8582: Adipös",
                "Ein Problem melden",
            ],
        ),
        (
            "es",
            [
                "<h1>Accesibilidad</h1>",
                "<title>Accesibilidad — Neuron Lab</title>",
                "En resumen",
                "3.1.1 Idioma de la página, 3.1.2 Idioma de las partes",
                "ampliarse al 200 %",
                "σ(z) = 0,8582: Obesidad",
                "Informar de un problema",
            ],
        ),
    ],
)
def test_the_accessibility_statement_in_the_language(client, lang, words):
    text = page(client, f"/accessibility?lang={lang}")
    assert f'<html lang="{lang}"' in text
    for word in words:
        assert word in text
    assert "Not yet" not in text and "How it was tested" not in text


def test_the_accessibility_statement_in_english_names_the_languages(client):
    text = page(client, "/accessibility")
    assert "Every page declares its language: English, German or Spanish." in text
    assert "enlarged to 200 % and spaced out" in text
