"""Practice and predict mode in German and Spanish: questions, verdicts, hints and worked
steps in the page's language with decimal commas, answers typed with a decimal comma
accepted, progress and mastery with their plural forms, and the worksheet with its key.
English stays as it was."""

from __future__ import annotations

import html
import re

import pytest

from webapp.practice.problems import problem

EXAMPLE = (
    "/?height=4&height_unit=ft&weight=80&weight_unit=kg&w1=0.2&w2=0.00001&b=1&activation=sigmoid"
)
DECIMAL_DOT = re.compile(r"\d\.\d")


@pytest.fixture
def client(own_page_client):
    return own_page_client  # a practice check is recorded only from the site's own pages


def verdicts(text: str) -> dict[str, str]:
    return dict(re.findall(r'data-answer="(\w+)" data-verdict="(\w+)"', text))


def text_of(page: str, element_id: str) -> str:
    match = re.search(rf'\bid="{element_id}"[^>]*>(.*?)</(p|div|h3)>', page, re.S)
    assert match, element_id
    return html.unescape(re.sub(r"<[^>]+>", "", match.group(1)))


def section(page: str, start: str, end: str) -> str:
    """The visible text between two markers of the page."""
    part = page[page.index(start) : page.index(end, page.index(start))]
    return html.unescape(re.sub(r"<[^>]+>", " ", part))


def comma(number: float, digits: str = ".6g") -> str:
    return format(number, digits).replace(".", ",")


def problem_url(level: int, seed: int, stage: int = 0) -> tuple[str, object]:
    p = problem(level, seed, stage)
    query = "&".join(f"{k}={v}" for k, v in {**p.raw, **p.extra}.items())
    return f"/?{query}", p


def level_one(seed: int) -> tuple[str, float]:
    """A level 1 problem asking only wᵀx, and its exact answer."""
    url, p = problem_url(1, seed)
    assert p.ask == ("sum",)
    return url, p.lesson.trace.weighted_sum


# --- a practice problem, wrong then right, with decimal commas ---------------------------

WORDS = {
    "de": {
        "question": "Wie groß ist wᵀx?",
        "wrong": "noch nicht",
        "hint": "Hinweis 2: die Zahlen eingesetzt",
        "none": "Stufe 1: 0 richtig in Folge, noch 5, dann hast du sie gemeistert.",
        "one": "Stufe 1: 1 richtig in Folge, noch 4, dann hast du sie gemeistert.",
        "summary_wrong": "0 von 1 richtig",
        "summary_right": "1 von 1 richtig: super gemacht!",
        "next": "Eine neue Aufgabe auf dieser Stufe",
        "title": "Die Produkte und ihre Summe",
    },
    "es": {
        "question": "¿Cuánto vale wᵀx?",
        "wrong": "todavía no",
        "hint": "Pista 2: con los números",
        "none": "Nivel 1: 0 aciertos seguidos; te faltan 5 para dominarlo.",
        "one": "Nivel 1: 1 acierto seguido; te faltan 4 para dominarlo.",
        "summary_wrong": "0 de 1 bien",
        "summary_right": "1 de 1 bien: ¡enhorabuena!",
        "next": "Un ejercicio nuevo de este nivel",
        "title": "Los productos y su suma",
    },
}


@pytest.mark.parametrize("lang", ["de", "es"])
def test_a_problem_answered_wrong_then_right_with_decimal_commas(client, lang):
    url, exact = level_one(42)
    words = WORDS[lang]
    asked = client.get(f"{url}&lang={lang}")
    assert asked.status_code == 200
    assert words["question"] in asked.text and words["title"] in asked.text

    wrong = client.get(f"{url}&a_sum={comma(exact * 3 + 7)}&lang={lang}")
    assert wrong.status_code == 200
    assert verdicts(wrong.text) == {"sum": "wrong"}
    verdict = text_of(wrong.text, "a_sum-verdict")
    assert words["wrong"] in verdict and comma(exact * 3 + 7) in verdict
    assert words["summary_wrong"] in text_of(wrong.text, "check-summary-title")
    assert words["hint"] in wrong.text and words["none"] in wrong.text
    hints = section(wrong.text, 'class="hints"', "</div>")
    assert "," in hints and not DECIMAL_DOT.search(hints)  # the worked step, German/Spanish way

    right = client.get(f"{url}&a_sum={comma(exact)}&lang={lang}")
    assert right.status_code == 200
    assert verdicts(right.text) == {"sum": "right"}
    assert words["summary_right"] in text_of(right.text, "check-summary-title")
    assert words["one"] in right.text and words["next"] in right.text


def test_english_is_unchanged_and_reads_no_comma_as_a_decimal(client):
    url, exact = level_one(42)
    right = client.get(f"{url}&a_sum={exact:.6g}")
    assert verdicts(right.text) == {"sum": "right"}
    assert "Level 1: 1 in a row, 4 more to master it." in right.text
    assert "1 of 1 right: well done!" in right.text
    typed = client.get(f"{url}&a_sum={comma(exact)}")
    assert typed.status_code == 400
    assert "Your answer for wᵀx uses a comma" in text_of(typed.text, "a_sum-error")


# --- progress and mastery: counts with their plural forms --------------------------------


def solve_level_two(client, count: int, lang: str, first: int = 500) -> str:
    text = ""
    for i in range(count):
        url, p = problem_url(2, first + i)
        answers = "".join(
            f"&a_{name}={comma(value)}"
            for name, value in {"z": p.lesson.trace.z, "y": p.lesson.trace.output}.items()
            if name in p.ask
        )
        response = client.get(f"{url}{answers}&lang={lang}")
        assert response.status_code == 200
        assert set(verdicts(response.text).values()) == {"right"}
        text = response.text
    return text


def test_progress_in_german_counts_to_mastery(client):
    four = solve_level_two(client, 4, "de")
    assert "Stufe 2: 4 richtig in Folge, noch 1, dann hast du sie gemeistert." in four
    again = solve_level_two(client, 1, "de", first=503)  # the last one again: it counts once
    assert "Stufe 2: 4 richtig in Folge, noch 1, dann hast du sie gemeistert." in again
    url, p = problem_url(2, 999)
    done = client.get(f"{url}&a_z={comma(p.lesson.trace.z)}&lang=de")
    assert "Stufe 2: 5 richtig in Folge, gemeistert." in done.text
    page = client.get("/practice?lang=de")
    assert page.status_code == 200
    assert "<strong>Gemeistert</strong>: 5 in Folge gelöst, 5 insgesamt gelöst." in page.text
    assert (
        "<strong>Noch nicht gemeistert</strong>: 0 in Folge gelöst "
        "(noch 5, dann hast du sie gemeistert), 0 insgesamt gelöst."
    ) in page.text
    assert "Stufe 4: Umkehraufgaben: Was dreht die Antwort um?" in page.text


def test_progress_in_spanish_says_one_and_many(client):
    url, exact = level_one(7)
    client.get(f"{url}&a_sum={comma(exact)}&lang=es")
    solve_level_two(client, 4, "es")
    page = client.get("/practice?lang=es")
    assert page.status_code == 200
    text = page.text
    assert (
        "<strong>Aún sin dominar</strong>: 1 resuelto seguido "
        "(te faltan 4 para dominarlo), 1 resuelto en total."
    ) in text
    assert (
        "<strong>Aún sin dominar</strong>: 4 resueltos seguidos "
        "(te falta 1 para dominarlo), 4 resueltos en total."
    ) in text
    assert "Ejercicio nuevo" in text and "Borrar mi progreso de práctica" in text
    assert "Practice" not in section(text, "<main", "</main>")


# --- predict mode ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "question", "carried", "formula", "label"),
    [
        (
            "de",
            "Wie groß ist z?",
            "der Fehler stammt aus einem früheren Schritt",
            "Hinweis 1",
            "Nenner",
        ),
        ("es", "¿Cuánto vale z?", "el error viene de un paso anterior", "Pista 1", "denominador"),
    ],
)
def test_predict_mode_speaks_the_language(client, lang, question, carried, formula, label):
    response = client.get(f"{EXAMPLE}&mode=predict&a_z=1,808&a_y=0,8591&lang={lang}")
    assert response.status_code == 200
    page = response.text
    assert question in page and label in page
    assert verdicts(page)["z"] == "wrong" and verdicts(page)["y"] == "carried"
    assert carried in text_of(page, "a_y-verdict")
    assert formula in page
    assert "z = 0,8008 + 1 = 1,8008" in page  # the worked step, with decimal commas
    assert "ŷ = 1 / 1,1652 = 0,8582" in page
    assert 'value="1,808"' in page  # the answer as typed


@pytest.mark.parametrize(
    ("lang", "fixing", "field"),
    [
        ("de", "1 Antwort muss korrigiert werden", "Deine Antwort für z"),
        ("es", "Hay que corregir 1 respuesta", "Tu respuesta para z"),
    ],
)
def test_a_malformed_answer_is_named_in_the_language(client, lang, fixing, field):
    response = client.get(f"{EXAMPLE}&mode=predict&a_z=zwei&lang={lang}")
    assert response.status_code == 400
    assert fixing in text_of(response.text, "answer-errors-title")
    assert field in text_of(response.text, "a_z-error")


def test_predict_mode_right_answers_with_commas_reveal_the_lesson(client):
    answers = "&a_p1=0,8&a_p2=0,0008&a_sum=0,8008&a_z=1,8008&a_exp_neg_z=0,1652"
    answers += "&a_denominator=1,1652&a_y=0,8582&a_label=obese"
    response = client.get(f"{EXAMPLE}&mode=predict{answers}&lang=es")
    assert response.status_code == 200
    assert set(verdicts(response.text).values()) == {"right"}
    assert "8 de 8 bien: ¡enhorabuena!" in response.text


def test_practice_steps_speak_the_language(client):
    url, p = problem_url(3, 11, 2)
    assert p.ask == ("label", "bmi", "agrees")
    bmi = comma(p.lesson.bmi.bmi, ".2f")
    response = client.get(f"{url}&a_label=obese&a_bmi={bmi}&a_agrees=yes&lang=de")
    assert response.status_code == 200
    assert verdicts(response.text)["bmi"] == "right"
    page = response.text
    assert "Wie groß ist der BMI dieser Person (auf 2 Nachkommastellen)?" in page
    assert "Liegt das Neuron nach der BMI-Regel richtig (BMI ≥ 30 ist adipös)?" in page
    assert "Ja, es stimmt mit der BMI-Regel überein" in page and "Nicht adipös" in page


# --- the worksheet and its key --------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "title", "meta", "first", "key"),
    [
        (
            "de",
            "Arbeitsblatt von Neuron Lab — Stufe 2: Der Bias und die Aktivierung",
            "Startwert 7, 5 Aufgaben.",
            "Aufgabe 1",
            "Lösungen — Stufe 2: Der Bias und die Aktivierung",
        ),
        (
            "es",
            "Hoja de ejercicios de Neuron Lab — Nivel 2: El sesgo y la activación",
            "Semilla 7, 5 ejercicios.",
            "Ejercicio 1",
            "Soluciones — Nivel 2: El sesgo y la activación",
        ),
    ],
)
def test_the_worksheet_and_its_key_in_the_language(client, lang, title, meta, first, key):
    response = client.get(f"/practice/worksheet?level=2&seed=7&count=5&lang={lang}")
    assert response.status_code == 200
    page = response.text
    assert page.count('class="sheet-problem"') == 5
    assert title in page and meta in page and first in page and key in page
    sheet = section(page, 'id="sheet-title"', "</section>")
    answers = section(page, 'id="key-title"', "</section>")
    for part in (sheet, answers):
        assert "," in part and not DECIMAL_DOT.search(part), part[:300]
    assert "w₁ = " in sheet and "; b = " in sheet  # semicolons between numbers with commas


def test_one_problem_is_singular(client):
    assert "1 Aufgabe." in client.get("/practice/worksheet?count=1&lang=de").text
    assert "1 ejercicio." in client.get("/practice/worksheet?count=1&lang=es").text
    assert "Seed 1, 8 problems." in client.get("/practice/worksheet").text


def test_the_worksheets_parameters_are_checked_in_the_language(client):
    response = client.get("/practice/worksheet?seed=x&lang=de")
    assert response.status_code == 400
    assert "Der Link des Arbeitsblatts muss korrigiert werden" in response.text
    assert "muss eine ganze Zahl von 0 bis 4.294.967.295 sein." in response.text
    english = client.get("/practice/worksheet?seed=x")
    assert "The seed must be a whole number from 0 to 4,294,967,295." in english.text


def test_english_worksheet_is_unchanged(client):
    page = client.get("/practice/worksheet?level=2&seed=7&count=5").text
    assert "Neuron Lab worksheet — Level 2: The bias and the activation" in page
    assert "Answer key — Level 2" in page and "Problem 1." in page
    assert DECIMAL_DOT.search(section(page, 'id="key-title"', "</section>"))


# --- links and forms keep the language --------------------------------------------------------


def test_practice_links_and_forms_keep_the_language(client):
    url, exact = level_one(42)
    checked = client.get(f"{url}&a_sum={comma(exact)}&lang=de").text
    assert '<input type="hidden" name="lang" value="de">' in checked  # the answers' form
    assert 'href="/practice/new?level=1&amp;lang=de"' in checked  # a new problem
    assert 'href="/practice?lang=de"' in checked  # all levels
    page = client.get("/practice?lang=es").text
    assert 'href="/practice/new?level=1&amp;lang=es"' in page
    assert 'href="/practice/worksheet?level=1&amp;seed=1&amp;count=8&amp;lang=es"' in page
    assert 'href="/history?lang=es"' in page and 'action="/practice/clear?lang=es"' in page
    new = client.get("/practice/new?level=1&lang=es")
    assert new.status_code == 303 and new.headers["Location"].endswith("&lang=es")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    cleared = client.post("/practice/clear?lang=es", data={"csrf_token": token})
    assert cleared.status_code == 303
    assert cleared.headers["Location"].endswith("/practice?done=cleared&lang=es")
    assert "Se ha borrado tu progreso de práctica." in client.get(cleared.headers["Location"]).text
    sheet = client.get("/practice/worksheet?lang=de").text
    assert 'href="/practice?lang=de"' in sheet


def test_english_links_have_no_lang(client):
    url, exact = level_one(42)
    checked = client.get(f"{url}&a_sum={exact:.6g}").text
    assert 'name="lang"' not in checked and 'href="/practice/new?level=1"' in checked
    assert "lang=" not in client.get("/practice/worksheet").text.split("<main", 1)[1]
