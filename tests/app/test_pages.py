"""The lesson page through the Flask test client: status first, then content."""

from __future__ import annotations

from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest


def text_of(response) -> str:
    return unescape(response.get_data(as_text=True))


def test_the_example_shows_every_step(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    page = text_of(response)
    for number in ("0.8", "0.0008", "0.8008", "1.8008", "0.1652", "1.1652", "0.8582"):
        assert f"<mn>{number}</mn>" in page, number
    assert "Obese" in page
    assert "53.8" in page
    assert "The worked example" in page
    assert "1.808<" not in page and "0.71<" not in page  # the published arithmetic slips
    assert "1e-05" not in page and "0.00001" in page


def test_the_form_is_prefilled_with_the_example(client):
    response = client.get("/")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    for name, value in (
        ("height", "4"),
        ("weight", "80"),
        ("w1", "0.2"),
        ("w2", "0.00001"),
        ("b", "1"),
    ):
        assert f'id="{name}" name="{name}" type="text" value="{value}"' in page
    assert '<form class="lesson-form" action="/" method="get"' in page


def test_a_learners_result(client):
    response = client.get(
        "/?height=170&height_unit=cm&weight=176&weight_unit=lb&w1=-0.3&activation=tanh"
    )
    assert response.status_code == 200
    page = text_of(response)
    assert "Your result" in page
    assert "<mn>170</mn><mn>30.48</mn>" in page  # the unit conversion is shown as a step
    assert "5.5774" in page and "79.8323" in page
    assert "Hyperbolic tangent" in page
    assert "Not Obese" in page
    assert "BMI 27.6 (Overweight)" in page


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu", "step", "linear"])
def test_every_activation_renders(client, activation):
    response = client.get(f"/?activation={activation}&b=-3")
    assert response.status_code == 200
    assert f'<option value="{activation}" selected>' in response.get_data(as_text=True)


def test_extreme_z_renders_without_overflow(client):
    for activation in ("sigmoid", "tanh"):
        response = client.get(f"/?w1=-1000000&b=-1000000&activation={activation}")
        assert response.status_code == 200
        assert "Not Obese" in text_of(response)


def test_invalid_input_is_a_400_with_messages_next_to_fields(client):
    response = client.get("/?height=abc&weight=4,5&w1=nan")
    assert response.status_code == 400
    page = text_of(response)
    assert "3 values need fixing" in page
    assert 'id="height-error"' in page and "Height must be a number" in page
    assert "Weight uses a comma: use a dot for decimals, like 4.5." in page
    assert "Weight w₁ must be a finite number" in page
    assert 'aria-invalid="true"' in page
    assert 'value="abc"' in page  # the learner's input is kept
    assert "Your result" not in page


def test_hostile_input_is_escaped(client):
    response = client.get("/", query_string={"height": '"><script>alert(1)</script>'})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;" in page


def test_random_weights_redirect_to_a_full_share_link(client):
    response = client.get("/random?height=5.5&weight=70&activation=tanh&w1=ignored")
    assert response.status_code == 303
    url = urlsplit(response.headers["Location"])
    params = parse_qsl(url.query)
    assert url.path == "/"
    assert [name for name, _ in params] == [
        "height",
        "height_unit",
        "weight",
        "weight_unit",
        "w1",
        "w2",
        "b",
        "activation",
    ]
    values = dict(params)
    assert values["height"] == "5.5" and values["activation"] == "tanh"
    for name in ("w1", "w2", "b"):
        float(values[name])
        assert "e" not in values[name].lower()
    followed = client.get(response.headers["Location"])
    assert followed.status_code == 200
    assert f'value="{values["w1"]}"' in followed.get_data(as_text=True)


def test_random_weights_with_a_bad_height_show_the_form(client):
    response = client.get("/random?height=tall")
    assert response.status_code == 400
    assert "Height must be a number" in text_of(response)


def test_the_result_url_is_its_own_share_link(client):
    response = client.get("/?weight=90")
    assert response.status_code == 200
    assert (
        '<link rel="canonical" href="http://localhost/?height=4&amp;height_unit=ft&amp;weight=90'
        '&amp;weight_unit=kg&amp;w1=0.2&amp;w2=0.00001&amp;b=1&amp;activation=sigmoid">'
    ) in response.get_data(as_text=True)


def test_exact_values_are_on_the_page(client):
    response = client.get("/")
    assert response.status_code == 200
    page = text_of(response)
    assert "What the computer stores (binary floating point)" in page
    assert "0.8008" in page and "1.8008" in page


@pytest.mark.parametrize(("path", "code"), [("/no-such-page", 404), ("/random", 405)])
def test_error_pages_use_the_site_layout(client, path, code):
    response = client.post(path) if code == 405 else client.get(path)
    assert response.status_code == code
    page = response.get_data(as_text=True)
    assert "Neuron Lab" in page and f"{code}:" in page
    assert "Traceback" not in page


def test_405_says_what_is_allowed(client):
    response = client.post("/")
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]


def test_an_unexpected_error_is_a_plain_500(app):
    @app.get("/boom")
    def boom():
        raise RuntimeError("secret internals")

    response = app.test_client().get("/boom")
    assert response.status_code == 500
    page = response.get_data(as_text=True)
    assert "secret internals" not in page and "Traceback" not in page
    assert "Something went wrong" in page


def test_rounding_never_makes_the_page_contradict_itself(client):
    # ŷ = 0.49999…: shown with the digits that make it differ from the threshold
    response = client.get("/?w1=0&w2=0&b=-0.00004")
    assert response.status_code == 200
    page = text_of(response)
    assert "<mn>0.49999</mn><mo><</mo><mn>0.5</mn>" in page
    assert "gives 0.49999, which is below the threshold 0.5" in page
    # BMI 29.997 is Overweight: it must not read as 30
    response = client.get("/?height=1.8&height_unit=m&weight=97.19")
    assert response.status_code == 200
    page = text_of(response)
    assert "obese; 29.997 is <strong>Overweight</strong>" in page
    assert "BMI 29.997 (Overweight)" in page


def test_negative_numbers_in_text_use_a_minus_sign(client):
    response = client.get("/?w1=-0.3&b=-2")
    assert response.status_code == 200
    page = text_of(response)
    assert "w₁ = −0.3" in page and "b = −2 were" in page
    assert "z = −3.1992;" in page


def test_the_meter_is_on_the_page(client):
    response = client.get("/")
    assert response.status_code == 200
    page = unescape(response.get_data(as_text=True))
    assert "49.9%</strong> of 20,000 random neurons call this person <strong>Obese</strong>" in page
    assert "no better than tossing a coin" in page
    assert '<title id="lk-t">49.9% of random neurons agree with the BMI rule</title>' in page
