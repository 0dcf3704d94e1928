"""The pictures on the pages: every SVG is an image with a title and a description, the
texts say what flips the answer, and a result page stays small. Their geometry on its
own: tests/unit/test_plots.py."""

from __future__ import annotations

import gzip
import re
from html import unescape

import pytest

from webapp.lesson.activations import ACTIVATIONS
from webapp.lesson.params import LESSON_DEFAULTS as DEFAULTS

ACTS = list(ACTIVATIONS)


RESULTS = [
    "",
    "?" + "&".join(f"{k}={v}" for k, v in DEFAULTS.items()),
    "?height=170&height_unit=cm&weight=176&weight_unit=lb&w2=0.05&b=-5&activation=tanh",
    "?height=66&height_unit=in&weight=150&weight_unit=lb&w1=0.1&w2=-0.02&activation=step",
    "?height=1.7&height_unit=m&weight=90&w1=-0.3&w2=0.02&b=-1.5&activation=relu",
    "?height=10&weight=1543.24&weight_unit=lb&w1=-1000000&w2=1000000&b=-1000000&activation=linear",
    "?height=0.001&weight=0.001&w1=0&w2=0&b=0&activation=sigmoid",
]


def svgs(page: str) -> list[str]:
    return re.findall(r"<svg\b.*?</svg>", page, re.S)


@pytest.mark.parametrize("query", RESULTS)
def test_every_picture_is_an_image_with_a_title_and_description(module_client, query):
    response = module_client.get("/" + query)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    pictures = [s for s in svgs(page) if 'class="pic' in s]
    assert len(pictures) == 5  # neuron, waterfall, curve, plane, luck meter
    for svg in pictures:
        head = svg[: svg.index(">")]
        assert 'role="img"' in head and 'viewBox="0 0 340 ' in head
        title_id, desc_id = re.search(r'aria-labelledby="([\w-]+) ([\w-]+)"', head).groups()
        title = re.search(rf'<title id="{title_id}">([^<]+)</title>', svg)
        desc = re.search(rf'<desc id="{desc_id}">([^<]+)</desc>', svg)
        assert title and desc, head
        assert re.search(r"\d", desc.group(1)), "the description states the numbers"
        assert " style=" not in svg  # the CSP forbids inline styles
        assert re.search(r"\d\.\d\d", re.sub(r"<(title|desc|text)\b.*?</\1>", "", svg)) is None


def test_the_pictures_say_what_flips_the_answer(module_client):
    response = module_client.get("/?w2=0.05&b=-5")
    assert response.status_code == 200
    page = unescape(response.get_data(as_text=True))
    # z = 0.8 + 4 − 5 = −0.2: Not Obese at 80 kg, Obese from 84 kg
    assert "Obese from 84 kg" in page
    assert "z would have to rise by 0.2, to 0, to flip the answer to Obese" in page
    assert "The BMI rule says Obese from 44.6 kg at this height." in page
    example = unescape(module_client.get("/").get_data(as_text=True))
    assert "no weight in range flips it" in example
    assert "z would have to fall by more than 1.8008" in example
    assert "w₂x₂ = 0.0008 is too small to see" in example


def test_a_negative_w2_is_explained(module_client):
    response = module_client.get("/?w2=-0.05&b=5")
    assert response.status_code == 200
    page = unescape(response.get_data(as_text=True))
    assert "Obese up to 116 kg" in page
    assert "more weight lowers this neuron's z and pushes its answer towards Not Obese" in page
    assert "less obese" not in page


def test_the_table_of_all_five_activations_is_on_the_page(module_client):
    response = module_client.get("/?b=-1")
    assert response.status_code == 200
    page = unescape(response.get_data(as_text=True))
    table = re.search(r'<table class="acts">.*?</table>', page, re.S).group(0)
    for title in ("Sigmoid", "Hyperbolic tangent", "ReLU", "Step", "Linear (identity)"):
        assert f'<th scope="row">{title}' in table
    assert "−0.1992" in table and "−0.1966" in table  # linear and tanh
    assert table.count("Not Obese") == 5


@pytest.mark.parametrize(
    "query",
    [*RESULTS]
    + [f"?activation={name}&height=180&height_unit=cm&weight=200&weight_unit=lb" for name in ACTS],
)
def test_the_result_page_stays_within_14_kb_gzipped(module_client, query):
    response = module_client.get("/" + query)
    assert response.status_code == 200
    size = len(gzip.compress(response.get_data(), compresslevel=6))
    assert size <= 14 * 1024, f"{query}: {size} bytes gzipped"


def test_the_widget_shows_the_pictures_it_is_asked_for(module_client):
    assert 'class="pic' not in module_client.get("/embed?w2=0.05&b=-5").get_data(as_text=True)
    response = module_client.get("/embed?w2=0.05&b=-5&parts=diagram,curve")
    assert response.status_code == 200
    pictures = [s for s in svgs(response.get_data(as_text=True)) if 'class="pic' in s]
    assert len(pictures) == 2
    assert 'aria-labelledby="nd-t nd-d"' in pictures[0]
    assert 'aria-labelledby="ac-t ac-d"' in pictures[1]


@pytest.mark.parametrize("b", ["5e-324", "-5e-324", "1e-300"])
def test_subnormal_and_tiny_values_still_draw(client, b):
    # found by hypothesis: a span of 5e-324 made the tick step's log10 fail (a 500)
    response = client.get(f"/?height=1&height_unit=cm&weight=1&w1=0&w2=0&b={b}&activation=linear")
    assert response.status_code == 200
    assert response.get_data(as_text=True).count('role="img"') >= 4


def test_no_boundary_line_is_drawn_when_neither_input_counts(client):
    # w₁ = w₂ = 0: only one side, and no line may be drawn along an edge
    response = client.get("/?w1=0&w2=0&b=0&activation=step")
    assert response.status_code == 200
    assert 'class="bound"' not in response.get_data(as_text=True)
