"""The translation table's fixes, read back from the German and Spanish pages.

Each row is one fix of issue 23 in one language: a page where it shows, the words that
must be there now, and the words that must be gone. Pages are fetched once each.
Status first, then content.
"""

from __future__ import annotations

import html

import pytest

RELU = "activation=relu"  # the worked example: z = 1.8008, relu(z) = 1.8008
PREDICT_RELU = f"{RELU}&mode=predict&a_p1=0.8&a_p2=0.0008&a_sum=0.8008&a_z=1.8008&a_y=5"

FIXES = [
    # (id, url, now there, gone)
    (
        "de-challenges-are-challenges",
        "/challenges?lang=de",
        ["Challenges: Finde die Gewichte", "Jede Challenge ist", "Dein Ziel: Wähle"],
        ["Aufgaben: Finde", "Jede Aufgabe", "Deine Aufgabe"],
    ),
    (
        "de-challenge-nav-and-page",
        "/challenge?name=one-person&lang=de",
        [">Challenges</a>", "Diese Challenge teilen", "Die Personen dieser Challenge"],
        ["Aufgabe"],
    ),
    (
        "de-practice-problems-stay-aufgaben",
        "/practice?lang=de",
        ['Neue Aufgabe<span class="visually-hidden"> auf Stufe 1', ">Challenges</a>"],
        [">Aufgaben</a>"],
    ),
    (
        "de-body-weight-in-formulas",
        "/challenges?lang=de",
        ["w₁·Körpergröße + w₂·Körpergewicht + b"],
        ["w₂·Gewicht"],
    ),
    (
        "de-body-weight-in-a-challenge",
        "/challenge?name=one-person&lang=de",
        ["w₁·Körpergröße(ft) + w₂·Körpergewicht(kg)"],
        ["w₂·Gewicht"],
    ),
    (
        "de-body-weight-on-learn",
        "/learn?lang=de",
        ["w₁·Körpergröße + w₂·Körpergewicht + b"],
        ["w₂·Gewicht"],
    ),
    (
        "de-one-word-for-the-luck-meter",
        "/?lang=de",
        ["<h3>Die Glücksanzeige</h3>"],
        ["Glücksbarometer"],
    ),
    (
        "de-one-word-for-the-luck-meter-in-predict-mode",
        f"/?{PREDICT_RELU}&a_label=obese&lang=de".replace("a_y=5", "a_y="),
        ["die Glücksanzeige erscheinen"],
        ["Glücksbarometer"],
    ),
    (
        "de-verdict-is-bewertung",
        "/challenge?name=one-person&lang=de",
        ['<th scope="col">Bewertung</th>'],
        ['<th scope="col">Ergebnis</th>'],
    ),
    (
        "de-step-formula-in-the-table",
        "/?activation=step&lang=de",
        ["step(z) = 1, wenn z ≥ 0, sonst 0"],
        ["step(z) = 1 if z ≥ 0, else 0"],
    ),
    (
        "de-list-separator",
        f"/?{RELU}&lang=de",
        [
            'separator="true">;</mo><mn>1,8008</mn>',
            "relu(z) = max(0; z)",
            "ReLU max(0; z)",
        ],
        ["max(0, ", 'separator="true">,</mo>'],
    ),
    (
        "de-list-separator-in-the-curve",
        f"/?{RELU}&lang=de",
        [">(1,8008; 1,8008)</text>"],
        ["(1,8008, 1,8008)"],
    ),
    (
        "de-list-separator-in-predict-hints",
        f"/?{PREDICT_RELU}&lang=de",
        ["max(0; 1,8008)"],
        ["max(0, ", "max(0; 1.8008)"],
    ),
    (
        "de-quantity-is-not-height",
        "/?lang=de",
        ['<th scope="col">Rechengröße</th>'],
        ['<th scope="col">Größe</th>'],
    ),
    (
        "de-agrees-one-wording",
        "/embed?lang=de",
        ["Das Neuron kommt zum selben Ergebnis."],
        ["Das Neuron stimmt zu."],
    ),
    (
        "es-the-bias-makes-yes-easy",
        "/?lang=es",
        ["con qué facilidad dice que sí la neurona"],
        ["cuánto le cuesta"],
    ),
    (
        "es-the-hat-is-a-gorro",
        "/?lang=es",
        ["el gorro significa"],
        ["sombrerito"],
    ),
    (
        "es-verdict-is-valoracion",
        "/challenge?name=one-person&lang=es",
        ['<th scope="col">Valoración</th>'],
        ['<th scope="col">Resultado</th>'],
    ),
    (
        "es-step-formula-in-the-table",
        "/?activation=step&lang=es",
        ["step(z) = 1 si z ≥ 0; si no, 0"],
        ["step(z) = 1 if z ≥ 0, else 0"],
    ),
    (
        "es-list-separator",
        f"/?{RELU}&lang=es",
        [
            'separator="true">;</mo><mn>1,8008</mn>',
            "relu(z) = max(0; z)",
            "ReLU max(0; z)",
        ],
        ["max(0, ", 'separator="true">,</mo>'],
    ),
    (
        "es-list-separator-in-the-curve",
        "/?activation=step&lang=es",
        [">(1,8008; 1)</text>"],
        ["(1,8008, 1)"],
    ),
    (
        "es-list-separator-in-predict-hints",
        f"/?{PREDICT_RELU}&lang=es",
        ["max(0; 1,8008)"],
        ["max(0, "],
    ),
    (
        "es-body-weight-in-formulas",
        "/challenges?lang=es",
        ["w₁·estatura + w₂·peso corporal + b"],
        ["w₂·peso +"],
    ),
    (
        "es-body-weight-in-a-challenge",
        "/challenge?name=one-person&lang=es",
        ["w₁·estatura(ft) + w₂·peso corporal(kg)"],
        ["w₂·peso(kg)"],
    ),
    (
        "es-body-weight-on-learn",
        "/learn?lang=es",
        ["w₁·estatura + w₂·peso corporal + b"],
        ["w₂·peso +"],
    ),
    (
        "es-body-weight-as-an-input",
        "/?lang=es",
        ["x₂, el peso corporal en kilogramos"],
        ["x₂, el peso en kilogramos"],
    ),
]


@pytest.fixture(scope="module")
def pages(module_client):
    """Each page once: url → (status, text with entities read)."""
    seen: dict[str, tuple[int, str]] = {}

    def page(url: str) -> tuple[int, str]:
        if url not in seen:
            response = module_client.get(url)
            seen[url] = (response.status_code, html.unescape(response.get_data(as_text=True)))
        return seen[url]

    return page


@pytest.mark.parametrize(("url", "now", "gone"), [f[1:] for f in FIXES], ids=[f[0] for f in FIXES])
def test_the_fix_reads_back_from_the_page(pages, url, now, gone):
    status, text = pages(url)
    assert status == 200
    for words in now:
        assert words in text, words
    for words in gone:
        assert words not in text, words


def test_every_fix_is_read_back_in_both_languages():
    # each fix of the table is checked where it applies: German and Spanish both have rows
    languages = {name.split("-")[0] for name, *_ in FIXES}
    assert languages == {"de", "es"}
    assert len({name for name, *_ in FIXES}) == len(FIXES)
