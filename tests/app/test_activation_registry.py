"""A sixth activation is one registry entry plus its worked-steps partial.

softsign(z) = z / (1 + |z|) is registered here and nowhere else (its partial is given
to the app's template loader, as a file in templates/lesson/activations/ would be);
the form, the steps, the curve, the activation table, the API, the OpenAPI document
and the preview card must all show it, with numbers computed independently here.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator

import numpy as np
import pytest
from jinja2 import ChoiceLoader, DictLoader

from webapp.lesson import activations
from webapp.lesson.activations import Activation

STEPS_PARTIAL = (
    '{% from "macros/lesson.html" import n %}'
    '<p class="softsign-steps">Softsign divides z by one more than its size.</p>'
    '<math display="block">{{ fz }}<mo>=</mo><mfrac>{{ n(z) }}<mrow><mn>1</mn><mo>+</mo>'
    "{{ n(trace.intermediate('abs_z')|fmt) }}</mrow></mfrac><mo>=</mo>"
    "{{ n(trace.output|fmt) }}</math>"
)


def _softsign(z: np.ndarray) -> np.ndarray:
    return z / (1.0 + np.abs(z))


def _softsign_worked(z: float) -> tuple[float, tuple[tuple[str, float], ...]]:
    return z / (1.0 + abs(z)), (("abs_z", abs(z)), ("denominator", 1.0 + abs(z)))


SOFTSIGN = Activation(
    name="softsign",
    symbol="softsign",
    title="Softsign",
    prose="softsign",
    form_label="softsign z / (1 + |z|)",
    what_it_does="Softsign squashes any z into a number between −1 and 1",
    formula="softsign(z) = z / (1 + |z|)",
    output_range="(−1, 1)",
    threshold=0.0,
    z_star=0.0,
    function=_softsign,
    worked=_softsign_worked,
    intermediate_labels={"abs_z": "|z|", "denominator": "1 + |z|"},
    output_bounds=(-1.0, 1.0),
    plot_half_width=4.0,
    smooth=True,
)

# The worked example's z = 0.2·4 + 0.00001·80 + 1 = 1.8008, by hand.
Z = 1.8008
OUTPUT = Z / (1 + Z)  # 0.642959…
QUERY = "height=4&height_unit=ft&weight=80&weight_unit=kg&w1=0.2&w2=0.00001&b=1&activation=softsign"


@pytest.fixture
def registry() -> Iterator[dict[str, Activation]]:
    """The activation registry, put back as it was afterwards (the app has no way to
    remove an activation, and needs none)."""
    saved = dict(activations.ACTIVATIONS)
    yield activations.ACTIVATIONS
    activations.ACTIVATIONS.clear()
    activations.ACTIVATIONS.update(saved)


@pytest.fixture
def softsign_app(app, registry) -> Iterator:
    activations.register(SOFTSIGN)
    assert registry["softsign"] is SOFTSIGN
    app.jinja_env.loader = ChoiceLoader(
        [DictLoader({SOFTSIGN.steps_partial: STEPS_PARTIAL}), app.jinja_env.loader]
    )
    yield app


@pytest.fixture
def softsign_client(softsign_app):
    return softsign_app.test_client()


def test_the_form_offers_it(softsign_client):
    response = softsign_client.get("/")
    assert response.status_code == 200
    assert '<option value="softsign">softsign z / (1 + |z|)</option>' in response.text


def test_the_lesson_works_its_steps_and_states_its_result(softsign_client):
    response = softsign_client.get(f"/?{QUERY}")
    assert response.status_code == 200
    html = response.text
    assert "<title>4 ft, 80 kg → softsign(z) = 0.643: Not Obese" not in html  # 0.643 ≥ 0
    assert "<title>4 ft, 80 kg → softsign(z) = 0.643: Obese — Neuron Lab</title>" in html
    assert 'class="softsign-steps"' in html
    assert "<mi>softsign</mi><mo>(</mo><mi>z</mi><mo>)</mo>" in html
    assert "<mn>1.8008</mn>" in html and "<mn>0.643</mn>" in html
    assert "Apply the activation: Softsign" in html
    assert "softsign gives 0.643" in html  # the result's sentence uses its prose name
    # the glossary says what it does, in the registry's words
    assert "turns z into the output. Softsign squashes any z into a number" in html
    # the stored values name its own intermediate steps
    assert re.search(r'<th scope="row">\|z\|</th><td>1\.8008\d*</td>', html)


def test_the_curve_and_the_table_draw_it(softsign_client):
    html = softsign_client.get(f"/?{QUERY}").text
    assert "The activation: ŷ = softsign(z)" in html
    table = html[html.index('<table class="acts">') :]
    table = table[: table.index("</table>")]
    rows = re.findall(r"<tr[^>]*><th scope=\"row\">([^<]+)", table)
    assert [row.strip() for row in rows] == [a.title for a in activations.ACTIVATIONS.values()]
    assert len(rows) == 6
    assert "softsign(z) = z / (1 + |z|)" in table


def test_the_api_answers_it(softsign_client):
    response = softsign_client.get(f"/api/v1/neuron?{QUERY}")
    assert response.status_code == 200
    body = response.get_json()
    assert body["activation"] == "softsign" and body["threshold"] == 0.0
    assert math.isclose(body["output"], OUTPUT, rel_tol=1e-12)
    assert body["intermediates"] == {"abs_z": body["z"], "denominator": 1 + body["z"]}
    posted = softsign_client.post(
        "/api/v1/neuron",
        data=json.dumps({"x": [-3.0], "w": [1.0], "b": 0, "activation": "softsign"}),
        content_type="application/json",
    )
    assert posted.status_code == 200
    assert posted.get_json()["output"] == -0.75 and posted.get_json()["decision"] is False


def test_the_openapi_document_lists_it(softsign_client):
    response = softsign_client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    text = response.text
    document = response.get_json()
    request = document["components"]["schemas"]["NeuronRequest"]
    assert "softsign" in request["properties"]["activation"]["enum"]
    assert "softsign 0" in text and "`abs_z` (|z|)" in text


def test_the_preview_card_draws_it(softsign_client):
    response = softsign_client.get(f"/preview.png?{QUERY}")
    assert response.status_code == 200
    assert response.mimetype == "image/png"
    sigmoid = softsign_client.get(f"/preview.png?{QUERY.replace('softsign', 'sigmoid')}")
    assert sigmoid.status_code == 200
    assert response.data != sigmoid.data  # its own curve, symbol and number


def test_an_unknown_activation_is_still_refused(client):
    # after the tests above: the registry was put back as it was
    assert list(activations.ACTIVATIONS) == ["sigmoid", "tanh", "relu", "step", "linear"]
    response = client.get("/?activation=softsign")
    assert response.status_code == 400
    assert "must be one of: sigmoid, tanh, relu, step, linear." in response.text
