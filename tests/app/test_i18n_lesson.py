"""The lesson in German and Spanish: the worked example with decimal commas, a German
form typed with commas, the language negotiated from the browser, and every field
message translated (English pages unchanged). Status first, then content."""

from __future__ import annotations

import html as html_module
import re

import pytest
from babel.support import Translations
from flask.testing import FlaskClient

from webapp.language import CATALOGUES, LANGUAGES, gettext, speaking
from webapp.lesson.params import LABELS, MODES, parse_lesson, parse_number

EXAMPLE_STEPS = {
    "de": (
        "Die Rechnung, Schritt für Schritt",
        "Das Neuron liest zwei Zahlen: x₁, die Körpergröße in Fuß, und x₂, das Körpergewicht "
        "in Kilogramm.",
        "Wende die Aktivierungsfunktion an: Sigmoid",
        "Die Ausgabe liegt auf oder über dem Schwellenwert 0,5, also sagt das Neuron "
        '<strong class="label label-pos">Adipös</strong>.',
        "<strong>Adipositas</strong>",
        "Das Rechenbeispiel",
        "Berechnen",
    ),
    "es": (
        "Las cuentas, paso a paso",
        "La neurona lee dos números: x₁, la estatura en pies, y x₂, el peso corporal en "
        "kilogramos.",
        "Aplica la función de activación: Sigmoide",
        "La salida está en el umbral 0,5 o por encima, así que la neurona dice "
        '<strong class="label label-pos">Obesidad</strong>.',
        "<strong>Obesidad</strong>",
        "El ejemplo resuelto",
        "Calcular",
    ),
}
# Words of the English messages that no German or Spanish message should contain.
ENGLISH = re.compile(
    r"\b(must|like|enter|empty|given|give|leave|too|uses|use|written|between|"
    r"more than|at most|number|digits|the value)\b",
    re.IGNORECASE,
)


def _page(client: FlaskClient, query: str, **headers: str) -> tuple[int, str]:
    response = client.get(f"/?{query}", headers=headers)
    return response.status_code, response.get_data(as_text=True)


def _field_errors(html: str) -> dict[str, str]:
    """Each field's message, as shown next to it (without the hidden "Error:" prefix)."""
    found = re.findall(
        r'<p class="field-error" id="([\w]+)-error"><span class="visually-hidden">'
        r"([^<]*)</span>(.*?)</p>",
        html,
        re.S,
    )
    return {name: html_module.unescape(message) for name, _prefix, message in found}


def _share_url(html: str) -> str:
    match = re.search(r'<input id="share-url" type="text" value="([^"]+)"', html)
    assert match is not None
    return html_module.unescape(match.group(1))


def _output(html: str) -> str:
    match = re.search(r'<span class="result-symbol">ŷ = ([^<]+)</span>', html)
    assert match is not None
    return match.group(1)


# -- the worked example ----------------------------------------------------------------


@pytest.mark.parametrize("code", ["de", "es"])
def test_the_worked_example_speaks_the_language_with_decimal_commas(module_client, code):
    status, html = _page(module_client, f"lang={code}")
    assert status == 200
    assert f'<html lang="{code}"' in html
    assert _output(html) == "0,8582"
    for text in EXAMPLE_STEPS[code]:
        assert text in html
    assert "z = 1,8008;" in html  # the result's sentence
    assert "<mn>0,8582</mn>" in html  # the MathML of the steps
    assert "The arithmetic, step by step" not in html
    assert "Turn the person into features" not in html
    # the glossary, the form and the share panel
    assert "Words used here" not in html and "Try it" not in html
    assert "Share this result" not in html
    # the stored values keep every digit, the page's way
    assert "<td>0,8008000000000001</td>" in html
    # a translated answer still compares equal to its English name (the activation table
    # picks its colour and sign that way)
    label = {"de": "Adipös", "es": "Obesidad"}[code]
    assert f'<span class="label label-pos">{label}</span> <span class="formula">≥' in html


def test_the_worked_example_in_english_is_unchanged(module_client):
    status, html = _page(module_client, "")
    assert status == 200
    assert _output(html) == "0.8582"
    assert "The arithmetic, step by step" in html
    assert "z = 1.8008; sigmoid gives 0.8582, which is at or above the threshold 0.5." in html
    assert "BMI 53.8 (Obese): the neuron agrees." in html
    assert "53.8 is <strong>Obese</strong>.\nThe neuron agrees with the BMI rule." in html


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("de", "z = 1,8008; die Aktivierung Sigmoid ergibt 0,8582, das liegt auf oder über"),
        ("es", "z = 1,8008; la activación sigmoide da 0,8582, que está en el umbral 0,5"),
    ],
)
def test_the_result_sentence_and_bmi_line_are_translated(module_client, code, expected):
    status, html = _page(module_client, f"lang={code}")
    assert status == 200
    assert expected in html
    bmi = {"de": "BMI 53,8 (Adipositas):", "es": "IMC 53,8 (Obesidad):"}[code]
    assert bmi in html


@pytest.mark.parametrize(
    ("activation", "code", "text"),
    [
        ("tanh", "de", "tanh staucht jedes z auf eine Zahl zwischen −1 und 1"),
        ("relu", "es", "ReLU deja igual una z positiva"),
        ("step", "de", "<mtext>weil</mtext>"),
        ("linear", "es", "La activación lineal deja pasar z sin cambios."),
    ],
)
def test_every_activation_works_its_steps_in_the_language(module_client, activation, code, text):
    status, html = _page(module_client, f"height=5&weight=60&activation={activation}&lang={code}")
    assert status == 200
    assert text in html


def test_units_and_the_stored_values_table_are_translated(module_client):
    status, html = _page(
        module_client, "height=170&height_unit=cm&weight=150&weight_unit=lb&activation=tanh&lang=de"
    )
    assert status == 200
    assert "1 ft sind 30,48 cm. 1 lb sind 0,45359237 kg." in html
    assert '<th scope="row">Nenner</th>' in html and '<th scope="row">Zähler</th>' in html
    assert '<h2 id="result-title">Dein Ergebnis</h2>' in html
    assert '<p class="result-person">170 cm, 150 lb</p>' in html


# -- a German form with decimal commas ---------------------------------------------------

GERMAN = (
    "height=1,8&height_unit=m&weight=80,5&weight_unit=kg&w1=0,2&w2=0,00001&b=1&activation=sigmoid"
)
ENGLISH_QUERY = GERMAN.replace(",", ".")


def test_a_german_form_with_commas_computes_what_english_does_with_dots(module_client):
    status_en, english = _page(module_client, ENGLISH_QUERY)
    status_de, german = _page(module_client, GERMAN + "&lang=de")
    assert (status_en, status_de) == (200, 200)
    assert _output(german) == _output(english).replace(".", ",")
    assert "." in _output(english)  # a number with decimals, so the comparison means something
    # The share link carries dots whatever was typed; only the language is added.
    assert _share_url(german) == _share_url(english) + "&lang=de"
    assert "height=1.8&height_unit=m&weight=80.5" in _share_url(german)
    # The form shows the values back the German way, and the title names the person so.
    assert 'id="height" name="height" type="text" value="1,8"' in german
    assert "<title>1,8 m, 80,5 kg → σ(z) = " in german


def test_the_spanish_form_accepts_commas_too(module_client):
    status, html = _page(module_client, GERMAN + "&lang=es")
    assert status == 200
    assert "Tu resultado" in html
    assert "height=1.8&height_unit=m&weight=80.5" in _share_url(html)


# -- the language negotiated from the browser -----------------------------------------


def test_accept_language_picks_german(module_client):
    status, html = _page(module_client, "", **{"Accept-Language": "de-DE,de;q=0.9,en;q=0.5"})
    assert status == 200
    assert '<html lang="de"' in html
    assert "Wie ein Neuron rechnet" in html and _output(html) == "0,8582"


def test_accept_language_picks_spanish_for_a_form_with_errors(module_client):
    status, html = _page(module_client, "height=abc", **{"Accept-Language": "es"})
    assert status == 400
    assert _field_errors(html)["height"] == "Estatura: tiene que ser un número, como 5,5."
    assert "Error:" in html  # Spanish says Error: too
    assert "1 valor necesita corrección" in html


def test_the_api_stays_english_whatever_the_browser_asks(module_client):
    response = module_client.get(
        "/api/v1/neuron?height=1.8&height_unit=m&weight=80&lang=de",
        headers={"Accept-Language": "de"},
    )
    assert response.status_code in (200, 400)  # the API refuses no language, or ignores it
    english = module_client.get("/api/v1/neuron?height=1.8&height_unit=m&weight=80")
    assert english.status_code == 200
    body = english.get_json()
    assert body["label"] in ("Obese", "Not Obese")
    assert body["bmi_check"]["who_class"] == "Normal weight"
    german = module_client.get(
        "/api/v1/neuron?height=1.8&height_unit=m&weight=80", headers={"Accept-Language": "de"}
    )
    assert german.status_code == 200
    assert german.get_data() == english.get_data()


def test_an_api_error_message_stays_english(module_client):
    response = module_client.get("/api/v1/neuron?height=4,5", headers={"Accept-Language": "de"})
    assert response.status_code == 400
    assert "use a dot for decimals, like 4.5" in response.get_data(as_text=True)


# -- every field message, translated ---------------------------------------------------

# (query, field): one hostile input for each message the lesson's parser can give.
HOSTILE = [
    ("height=" + "1" * 65, "height"),  # too long
    ("height=", "height"),  # empty
    ("b=1e999", "b"),  # too large to compute with
    ("w2=nan", "w2"),  # not finite
    ("w1=inf", "w1"),
    ("weight=1_000", "weight"),  # underscores
    ("b=0x1F", "b"),  # hexadecimal
    ("height=%EF%BC%94", "height"),  # a full-width digit: not ASCII
    ("weight=abc", "weight"),  # not a number
    ("weight=800", "weight"),  # out of range
    ("height=0", "height"),
    ("height=11", "height"),
    ("height=1e-200", "height"),  # too small for a BMI
    ("w1=2000000", "w1"),  # beyond a million
    ("b=-2000000", "b"),
    ("height=4&height=5", "height"),  # given twice
    ("height_unit=yd", "height_unit"),  # not a choice
    ("weight_unit=st", "weight_unit"),
    ("activation=softmax", "activation"),
    ("activation=relu&activation=tanh", "activation"),
    ("mode=fast", "mode"),  # not a mode
    ("mode=show&mode=predict", "mode"),
]


@pytest.mark.parametrize(("query", "field"), HOSTILE)
@pytest.mark.parametrize("code", ["de", "es"])
def test_every_field_message_is_translated(module_client, query, field, code):
    status_en, english = _page(module_client, query)
    status, translated = _page(module_client, f"{query}&lang={code}")
    assert (status_en, status) == (400, 400)
    message_en = _field_errors(english)[field]
    message = _field_errors(translated)[field]
    assert message != message_en
    assert ENGLISH.search(message) is None, message
    prefix = {"de": "Fehler:", "es": "Error:"}[code]
    assert f'<span class="visually-hidden">{prefix} </span>' in translated
    assert "needs fixing" not in translated and "need fixing" not in translated


@pytest.mark.parametrize(
    ("query", "field", "code", "expected"),
    [
        ("height=", "height", "de", "Körpergröße ist leer: Gib eine Zahl ein, zum Beispiel 5,5."),
        ("height=", "height", "es", "Estatura: el campo está vacío; escribe un número, como 5,5."),
        ("w2=nan", "w2", "de", "Gewicht w₂ muss eine endliche Zahl sein, zum Beispiel 0,00001."),
        (
            "weight=1_000,5",
            "weight",
            "de",
            "Körpergewicht: Lass die Unterstriche weg, also zum Beispiel 1000,5.",
        ),
        (
            "height=400&height_unit=cm",
            "height",
            "es",
            "Estatura: tiene que ser mayor que 0 y como máximo 304,8 cm.",
        ),
        ("w1=2000000", "w1", "de", "Gewicht w₁ muss zwischen −1.000.000 und 1.000.000 liegen."),
        (
            "height=%EF%BC%94",
            "height",
            "de",
            "Körpergröße darf nur aus den Ziffern 0–9, einem "
            "Komma oder Punkt und einem optionalen Vorzeichen bestehen.",
        ),
        (
            "height=%EF%BC%94",
            "height",
            "es",
            "Estatura: escríbelo solo con las cifras 0–9, una "
            "coma o un punto y, si quieres, un signo.",
        ),
        (
            "height=1e-200",
            "height",
            "de",
            "Körpergröße ist zu klein, um daraus einen BMI zu "
            "berechnen: Gib eine echte Körpergröße ein, zum Beispiel 5,5.",
        ),
        (
            "activation=softmax",
            "activation",
            "es",
            "Activación: tiene que ser uno de estos valores: sigmoid, tanh, relu, step, linear.",
        ),
    ],
)
def test_messages_show_numbers_the_languages_way(module_client, query, field, code, expected):
    status, html = _page(module_client, f"{query}&lang={code}")
    assert status == 400
    assert _field_errors(html)[field] == expected


def test_two_errors_are_counted_in_the_language(module_client):
    status, html = _page(module_client, "height=abc&weight=abc&lang=de")
    assert status == 400
    assert '<h2 id="error-summary-title">2 Werte müssen korrigiert werden</h2>' in html


def test_an_english_page_still_says_use_a_dot(module_client):
    status, html = _page(module_client, "height=4,5")
    assert status == 400
    assert _field_errors(html)["height"] == (
        "Height uses a comma: use a dot for decimals, like 4.5."
    )
    status, html = _page(module_client, "w1=1,000")
    assert status == 400
    assert _field_errors(html)["w1"] == (
        "Weight w₁ uses a comma: write 1000 for thousands, or 1.000 with a dot for decimals."
    )
    assert '<h2 id="error-summary-title">1 value needs fixing</h2>' in html


def test_a_comma_on_a_german_page_is_a_decimal_comma(module_client):
    status, html = _page(module_client, "height=4,5&lang=de")
    assert status == 200
    assert '<p class="result-person">4,5 ft, 80 kg</p>' in html
    assert "height=4.5&" in _share_url(html)


# -- the catalogue itself: messages no German or Spanish page can reach -----------------


def _translations(code: str) -> Translations:
    return Translations.load(CATALOGUES, [code], domain="messages")


@pytest.mark.parametrize("code", ["de", "es"])
def test_the_comma_messages_exist_in_every_language(code):
    """A comma-decimal language reads "4,5" as 4.5, so its pages never say "use a dot";
    the messages are translated all the same (and say "comma or dot")."""
    english = {
        "decimal": "%(label)s uses a comma: use a dot for decimals, like %(example)s.",
        "thousands": "%(label)s uses a comma: write %(thousands)s for thousands, "
        "or %(decimal)s with a dot for decimals.",
        "digits": "%(label)s must be written with the digits 0–9, a dot and an optional sign.",
    }
    with speaking(LANGUAGES[code], _translations(code)):
        for message in english.values():
            assert gettext(message) != message
            assert ENGLISH.search(gettext(message).replace("%(label)s", "")) is None
        # and the parser, in the language, never reaches them for a comma
        assert parse_number("4,5", "x") == 4.5
        assert parse_number("1,000", "x") == 1.0


@pytest.mark.parametrize("code", ["de", "es"])
def test_labels_and_modes_are_lazy_and_follow_the_language(code):
    with speaking(LANGUAGES[code], _translations(code)):
        shown = {name: str(label) for name, label in LABELS.items()}
        modes = {name: str(mode) for name, mode in MODES.items()}
        parsed = parse_lesson({"height": ["x"]})
    assert shown["height"] == {"de": "Körpergröße", "es": "Estatura"}[code]
    assert modes["predict"] != "Let me predict each step first"
    assert parsed.errors["height"].startswith(shown["height"])
    # outside the request, English again
    assert str(LABELS["height"]) == "Height"
    assert parse_lesson({"height": ["x"]}).errors["height"] == (
        "Height must be a number, like 5.5."
    )
