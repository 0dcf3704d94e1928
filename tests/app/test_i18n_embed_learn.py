"""The widget, the embed builder, oEmbed and the learning page in German and Spanish.

The widget speaks the language its embedder chose (``lang`` in its URL) and its links
keep it; the builder on a German page hands out a German widget; oEmbed answers in the
language of the URL it is given; the learning page writes and reads decimal commas.
"""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qsl, quote, urlsplit

import pytest

MAN = "height=1.8&height_unit=m&weight=60.5&weight_unit=kg&w1=-1.5&w2=0.5&b=-3&activation=sigmoid"


def page_of(response) -> str:
    return unescape(response.get_data(as_text=True))


def query_of(url: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(unescape(url)).query))


def links(page: str) -> list[str]:
    return re.findall(r'<a [^>]*href="([^"]+)"', page)


# --- the widget -------------------------------------------------------------------------


def test_the_widget_in_german(client):
    response = client.get("/embed?lang=de")
    assert response.status_code == 200
    page = page_of(response)
    assert '<html lang="de"' in page
    for text in (
        "<h1>Wie ein Neuron rechnet</h1>",
        "In Neuron Lab öffnen",
        "(öffnet in einem neuen Tab)",
        "Das Rechenbeispiel: ",
        "Andere Zahlen ausprobieren",
        "Die Rechnung, Schritt für Schritt",
        "Richtig – aber nur durch Glück: Diese Gewichte liegen bei 24,2\u00a0% der Testpersonen",
        "die nächste Lektion",
    ):
        assert text in page, text
    # numbers with decimal commas, in a whole German sentence
    assert "ergibt 0,8582 und liegt damit auf oder über dem Schwellenwert 0,5." in page
    assert "BMI 53,8 (" in page
    assert "Das Neuron kommt zum selben Ergebnis." in page
    assert "0.8582" not in page.split("<main>")[1].split("What the computer stores")[0]


def test_the_widget_in_spanish_writes_the_persons_numbers_with_commas(client):
    response = client.get(f"/embed?{MAN}&lang=es")
    assert response.status_code == 200
    page = page_of(response)
    assert '<html lang="es"' in page
    for text in (
        "<h1>Cómo calcula una neurona</h1>",
        "Abrir en Neuron Lab",
        "Este ejemplo: ",
        '<span class="result-person">1,8 m, 60,5 kg</span>',
        "z = 18,3917; ",
        "que está en el umbral 0,5 o por encima.",
        "IMC 18,7 (",
        "la neurona no coincide.",
        "Error, y nada sorprendente: estos pesos aciertan con el 24,2\u00a0% de las personas",
        "Prueba otros números",
        "Las cuentas, paso a paso",
    ):
        assert text in page, text


@pytest.mark.parametrize("code", ["de", "es"])
def test_the_widgets_links_carry_its_language(client, code):
    page = page_of(client.get(f"/embed?{MAN}&lang={code}"))
    lesson_links = [url for url in links(page) if urlsplit(url).path == "/"]
    assert lesson_links, "the widget links to the full lesson"
    for url in lesson_links:
        query = query_of(url)
        assert query["lang"] == code
        assert query["weight"] == "60.5"  # links keep the dot
    learn = [url for url in links(page) if urlsplit(url).path == "/learn"]
    assert learn and all(query_of(url) == {"lang": code} for url in learn)
    # its form keeps the language for the next result
    assert f'<input type="hidden" name="lang" value="{code}">' in page


def test_the_widget_in_english_is_unchanged(client):
    response = client.get(f"/embed?{MAN}")
    assert response.status_code == 200
    page = page_of(response)
    assert "<h1>How one neuron computes</h1>" in page
    assert "Open in Neuron Lab" in page
    assert '<span class="result-person">1.8 m, 60.5 kg</span>' in page
    assert "which is at or above the threshold 0.5." in page
    assert all("lang=" not in url for url in links(page) if urlsplit(url).netloc == "localhost")
    assert 'href="http://localhost/learn"' in page


def test_a_bad_part_is_explained_in_the_widgets_language(client):
    response = client.get("/embed?parts=result,bogus&lang=es")
    assert response.status_code == 400
    page = page_of(response)
    assert "Hay que corregir la dirección del widget" in page
    assert "Parte desconocida “bogus”: parts admite una lista separada por comas de" in page
    german = page_of(client.get("/embed?parts=&lang=de"))
    assert "Wähle mindestens einen Teil: result, form, steps" in german


# --- the embed builder on the lesson page ------------------------------------------------


def test_the_builder_on_a_german_page_hands_out_a_german_widget(client):
    response = client.get("/?w1=0.3&lang=de&embed_parts=result&embed_parts=curve")
    assert response.status_code == 200
    page = page_of(response)
    builder = page[page.index('<section class="panel embed-code"') :]
    builder = builder[: builder.index("</section>")]
    for text in ("Einbetten", "Das Ergebnis", "Die Aktivierungskurve", "Vorschau", "Breite"):
        assert text in builder, text
    code = re.search(r'<textarea id="embed-code"[^>]*>(.*?)</textarea>', builder, re.S).group(1)
    src = re.search(r'<iframe src="([^"]+)"', unescape(code)).group(1)
    assert query_of(src)["lang"] == "de"
    assert query_of(src)["parts"] == "result,curve"
    preview = re.search(r'<iframe class="embed-preview" id="embed-preview" src="([^"]+)"', builder)
    assert query_of(preview.group(1))["lang"] == "de"
    # without JavaScript, "Update the preview" keeps the page German
    assert '<input type="hidden" name="lang" value="de">' in builder
    # the oEmbed URL names the German widget
    oembed = re.search(r'id="embed-oembed" type="text" value="([^"]+)"', builder).group(1)
    assert query_of(query_of(oembed)["url"])["lang"] == "de"


def test_the_builder_on_an_english_page_is_unchanged(client):
    page = page_of(client.get("/?w1=0.3"))
    builder = page[page.index('<section class="panel embed-code"') :]
    assert "Embed this" in builder
    assert "lang=" not in builder[: builder.index("</section>")]
    assert 'name="lang"' not in builder[: builder.index("</section>")]


# --- oEmbed ------------------------------------------------------------------------------


def oembed(client, url: str, **headers: str):
    return client.get(f"/oembed?url={quote(url, safe='')}&format=json", headers=headers)


@pytest.mark.parametrize(
    "url",
    [f"http://localhost/embed?{MAN}&lang=de", f"http://localhost/?{MAN}&lang=de"],
)
def test_oembed_keeps_the_urls_language_in_the_iframe(client, url):
    response = oembed(client, url)
    assert response.status_code == 200
    answer = response.get_json()
    src = re.search(r'<iframe src="([^"]+)"', answer["html"]).group(1)
    assert urlsplit(unescape(src)).path == "/embed"
    assert query_of(src)["lang"] == "de"
    assert query_of(src)["weight"] == "60.5"


def test_oembed_follows_the_url_not_the_consumers_accept_language(client):
    english = oembed(client, f"http://localhost/embed?{MAN}", **{"Accept-Language": "de"})
    assert english.status_code == 200
    assert "lang=" not in english.get_json()["html"]
    spanish = oembed(client, f"http://localhost/embed?{MAN}&lang=es", **{"Accept-Language": "de"})
    assert "lang=es" in spanish.get_json()["html"]
    assert "lang=de" not in spanish.get_json()["html"]


def test_a_challenges_oembed_speaks_the_urls_language(client):
    answer = oembed(client, "http://localhost/challenge?name=one-person&lang=de").get_json()
    assert answer["title"].startswith("Neuron-Lab-Challenge: ")
    src = re.search(r'<iframe src="([^"]+)"', answer["html"]).group(1)
    assert query_of(src)["lang"] == "de"
    english = oembed(client, "http://localhost/challenge?name=one-person").get_json()
    assert english["title"].startswith("Neuron Lab challenge: ")
    assert "lang=" not in english["html"]


# --- the learning page -------------------------------------------------------------------


def test_the_learning_page_in_german_reads_and_writes_decimal_commas(client):
    response = client.get("/learn?lang=de&lr=0,1&epochs=1&n=50")
    assert response.status_code == 200
    page = page_of(response)
    for text in (
        "<h1>Lass das Neuron lernen</h1>",
        "Trainingseinstellungen",
        '<label for="lr">Lernrate η</label>',
        "0,0001 bis 10",
        "1 bis 5.000",
        "gleicher Startwert, gleiche Personen",
        "50 erfundene Erwachsene (Startwert 1)",
        "4. Trainieren: 1 Epoche bei η = 0,1",
        "Der Verlust sank von 0,6931 auf ",
        "Die gelernte Entscheidungsgrenze bewegt sich auf die Kurve BMI = 30 zu",
        "(4,5 bis 6,9 ft)",
        ">Körpergröße (ft)</text>",
        ">Epoche</text>",
        ">0,35</text>",
        "Diese Gewichte in der Lektion verwenden",
    ):
        assert text in page, text
    assert re.search(r"<title>Lernen: \d+,\d\xa0% richtig bei neuen Personen — Neuron Lab", page)
    # SVG coordinates keep their dots; the lesson link keeps the dot form and the language
    assert '<circle class="dot" cx="308.0"' in page
    lesson = re.search(r'<a class="button" href="([^"]+)"', page).group(1)
    assert query_of(lesson)["lang"] == "de"
    assert "." in query_of(lesson)["w1"]
    assert '<input type="hidden" name="lang" value="de">' in page


def test_the_learning_page_in_spanish(client):
    response = client.get("/learn?lang=es")
    assert response.status_code == 200
    page = page_of(response)
    for text in (
        "<h1>Deja que la neurona aprenda</h1>",
        "Ajustes del entrenamiento",
        "de 1 a 5.000",
        "4. Entrenar: 300 épocas con η = 0,5",
        "Cada época calcula ŷ para las 200 personas a la vez",
        "la precisión de entrenamiento llegó al 97,5\xa0%.",
        "Personas reservadas",
        ">estatura (ft)</text>",
    ):
        assert text in page, text
    assert 'value="0,5"' in page  # the learning rate shown back the Spanish way


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("de", "Epochen: Gib eine ganze Zahl ein."),
        ("es", "Épocas: escribe un número entero."),
    ],
)
def test_the_learning_pages_field_messages_are_translated(client, code, message):
    response = client.get(f"/learn?lang={code}&epochs=2,5")
    assert response.status_code == 400
    page = page_of(response)
    assert message in page
    assert '<input type="hidden" name="lang"' in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("n=99999", "Anzahl der Personen muss zwischen 10 und 2.000 liegen."),
        ("seed=1&seed=2", "Startwert: Der Wert wurde mehr als einmal angegeben."),
    ],
)
def test_the_learning_pages_limits_are_german(client, query, message):
    response = client.get(f"/learn?lang=de&{query}")
    assert response.status_code == 400
    assert message in page_of(response)


def test_the_learning_page_in_english_is_unchanged(client):
    page = page_of(client.get("/learn?lr=0.1&epochs=1&n=50"))
    assert "4. Train: 1 epochs at η = 0.1" in page
    assert "1 to 5,000" in page
    assert 'name="lang"' not in page
    api = client.get("/api/v1/train?epochs=2.5", headers={"Accept-Language": "de"})
    assert api.status_code == 400
    assert "Epochs must be a whole number." in api.get_data(as_text=True)
