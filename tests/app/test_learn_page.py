"""The learning page through the test client."""

from __future__ import annotations

from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest

from webapp.learning.descent import train


def test_the_learning_page_trains_with_defaults(client):
    response = client.get("/learn")
    assert response.status_code == 200
    page = unescape(response.get_data(as_text=True))
    training = train(0.5, 300, 200, 1)
    assert "Let the neuron learn" in page
    assert f"to {round(training.final_loss, 4):g}" in page
    for section in (
        "Put the features on one scale",
        "One gradient step, worked",
        "Random weights against learned weights",
    ):
        assert section in page
    # the worked step for the lesson's person: ŷ − y = 0.8582 − 1 = −0.1418
    assert (
        "<mn>0.8582</mn><mo>−</mo><mn>1</mn><mo>=</mo><mrow><mo>−</mo><mn>0.1418</mn></mrow>"
        in page
    )
    assert page.count('role="img"') == 3
    assert page.count("<title id=") == 3 and page.count("<desc id=") == 3


def test_the_same_url_gives_the_same_page(client):
    first = client.get("/learn?lr=1&epochs=200&n=300&seed=5")
    second = client.get("/learn?lr=1&epochs=200&n=300&seed=5")
    assert first.status_code == second.status_code == 200
    assert first.data == second.data


def test_use_these_weights_links_to_the_lesson_with_the_learned_weights(client):
    response = client.get("/learn?epochs=400")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    start = page.index('href="/?height=')
    url = unescape(page[start + 6 : page.index('"', start + 6)])
    params = dict(parse_qsl(urlsplit(url).query))
    training = train(0.5, 400, 200, 1)
    assert float(params["w1"]) == pytest.approx(training.w[0], rel=1e-5)
    assert float(params["w2"]) == pytest.approx(training.w[1], rel=1e-5)
    assert float(params["b"]) == pytest.approx(training.b, rel=1e-5)
    lesson = client.get(url)
    assert lesson.status_code == 200


@pytest.mark.parametrize(
    ("query", "field", "fragment"),
    [
        ("lr=0", "lr", "between 0.0001 and 10"),
        ("lr=nan", "lr", "finite"),
        ("lr=11", "lr", "between"),
        ("epochs=2.5", "epochs", "whole number"),
        ("epochs=5001", "epochs", "between 1 and 5,000"),
        ("epochs=1e9", "epochs", "between"),
        ("n=9", "n", "between 10 and 2,000"),
        ("n=", "n", "empty"),
        ("seed=-1", "seed", "between 0 and"),
        ("seed=<b>", "seed", "must be a number"),
        ("epochs=1&epochs=2", "epochs", "more than once"),
    ],
)
def test_bad_training_settings_are_a_400_with_a_message(client, query, field, fragment):
    response = client.get(f"/learn?{query}")
    assert response.status_code == 400
    raw_page = response.get_data(as_text=True)
    assert "<b>" not in raw_page  # the learner's input is escaped, never markup
    page = unescape(raw_page)
    assert f'id="{field}-error"' in page
    assert fragment in page
