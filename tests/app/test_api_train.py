"""GET /api/v1/train: the learning page's numbers as JSON, as the document says."""

from __future__ import annotations

import pytest
from openapi_check import validate_answer

from webapp.api.openapi import TRAIN_PATH
from webapp.learning.descent import train


def test_training_answers_the_learned_weights_at_full_precision(client):
    response = client.get(f"{TRAIN_PATH}?lr=0.5&epochs=300&n=200&seed=1")
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    body = validate_answer(response, TRAIN_PATH, "GET")
    expected = train(0.5, 300, 200, 1)
    assert body["w"] == list(expected.w) and body["b"] == expected.b
    assert body["final_loss"] == expected.final_loss
    assert body["accuracy"] == {
        "train": expected.accuracy_train,
        "holdout": expected.accuracy_holdout,
    }
    assert body["parameters"] == {"lr": "0.5", "epochs": "300", "n": "200", "seed": "1"}
    assert len(body["loss"]) == len(body["epochs_recorded"]) == len(body["train_accuracy"])
    assert body["lesson_url"].startswith("http://localhost/?height=4&height_unit=ft&weight=80")
    assert body["accuracy"]["holdout"] > body["random"]["accuracy"]["holdout"]


def test_the_same_query_gives_the_same_answer(client):
    first = client.get(f"{TRAIN_PATH}?seed=9&epochs=50")
    second = client.get(f"{TRAIN_PATH}?seed=9&epochs=50")
    assert first.status_code == second.status_code == 200
    assert first.data == second.data


@pytest.mark.parametrize(
    ("query", "fields"),
    [
        ("lr=0", {"lr"}),
        ("lr=inf&epochs=0", {"lr", "epochs"}),
        ("n=2001", {"n"}),
        ("seed=1.5", {"seed"}),
        ("epochs=10&epochs=20", {"epochs"}),
        ("lr=%FF", {"lr"}),
    ],
)
def test_bad_settings_are_a_400_per_field(client, query, fields):
    response = client.get(f"{TRAIN_PATH}?{query}")
    assert response.status_code == 400
    body = validate_answer(response, TRAIN_PATH, "GET")
    assert set(body["errors"]) == fields


def test_other_methods_are_405_with_allow(client):
    response = client.post(TRAIN_PATH)
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]
    validate_answer(response, TRAIN_PATH, "POST")


def test_the_learned_lesson_link_keeps_a_script_name_prefix(client):
    """Behind a proxy that mounts the app at /lab, the link names /lab once."""
    response = client.get(f"{TRAIN_PATH}?epochs=5", environ_overrides={"SCRIPT_NAME": "/lab"})
    assert response.status_code == 200
    link = response.get_json()["lesson_url"]
    assert link.startswith("http://localhost/lab/?height=4&height_unit=ft&weight=80")
    assert "/lab/lab" not in link and "//?" not in link
