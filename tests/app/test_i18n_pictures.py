"""The lesson's pictures and the link-preview card in German and Spanish: titles,
descriptions, labels and data tables translated, numbers people read with a decimal
comma, SVG coordinates still with dots (every SVG parses), English unchanged."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

EXAMPLE = (
    "height=4&height_unit=ft&weight=80&weight_unit=kg&w1=0.2&w2=0.00001&b=1&activation=sigmoid"
)
# An answer of Not Obese whose weights are negative too: both labels and minus signs.
NEGATIVE = "height=5.9&weight=80&w1=-0.2&w2=-0.05&b=1.5&activation=sigmoid"

WORDS = {
    "de": {
        "pictures": "Dieselben Zahlen als Bild",
        "neuron": "Das Neuron mit deinen Zahlen",
        "waterfall": "Wie sich z zusammensetzt",
        "plane": "Wen dieses Neuron adipös nennt, nach Körpergröße und Körpergewicht",
        "summary": "Die Zahlen in diesem Bild",
        "caption": "Die Zahlen im Neuronendiagramm",
        "column": "Schwellenwert",
        "step": '<th scope="col">Schritt</th>',
        "luck": "Die Glücksanzeige",
        "count": "20.000",
        "yes": "Adipös",
        "no": "Nicht adipös",
        "input": "Körpergewicht",
    },
    "es": {
        "pictures": "Los mismos números, dibujados",
        "neuron": "La neurona con tus números",
        "waterfall": "Cómo se suma z",
        "plane": "A quién llama obeso esta neurona, según estatura y peso corporal",
        "summary": "Los números de esta imagen",
        "caption": "Los números del diagrama de la neurona",
        "column": "Umbral",
        "step": '<th scope="col">Paso</th>',
        "luck": "El medidor de suerte",
        "count": "20.000",
        "yes": "Obesidad",
        "no": "Sin obesidad",
        "input": "peso corporal",
    },
}


def page(client, query: str) -> str:
    response = client.get(f"/?{query}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def pictures_part(html: str) -> str:
    """The luck panel and the pictures section of a lesson page."""
    start = html.index('<section class="panel luck"')
    end = html.index("</section>", html.index('<section class="pictures"'))
    return html[start:end]


# 20.000 neurons: thousands grouped with a dot in German and Spanish, not a decimal
GROUPED = re.compile(r"\d{1,3}(\.\d{3})+(?![\d.,])")


def decimal_dots(text: str) -> bool:
    return bool(re.search(r"\d\.\d", GROUPED.sub("", text)))


def svgs(html: str) -> list[str]:
    found = re.findall(r"<svg\b.*?</svg>", html, re.S)
    assert found
    return found


def texts(svg: str) -> list[str]:
    """What a person reads in one picture: its title, description and labels."""
    root = ET.fromstring(svg)
    return [
        "".join(el.itertext())
        for el in root.iter()
        if el.tag.split("}")[-1] in ("title", "desc", "text")
    ]


@pytest.mark.parametrize("lang", ["de", "es"])
def test_the_pictures_speak_the_page_language(client, lang):
    html = page(client, f"{EXAMPLE}&lang={lang}")
    words = WORDS[lang]
    for key in ("pictures", "neuron", "waterfall", "plane", "summary", "caption", "step", "luck"):
        assert words[key] in html, key
    assert f'<th scope="row">{words["column"]}</th>' in html
    assert f"von {words['count']} " in html if lang == "de" else f"de {words['count']} " in html
    assert f">{words['input']}</text>" in html  # the neuron's input, the person's weight
    ours = pictures_part(html)  # the embed builder's own labels belong to another area
    for english in (
        "The same numbers, drawn",
        "The neuron with your numbers",
        "How z adds up",
        "The numbers in this picture",
        "The luck meter",
        "random neurons",
        "Obese",
    ):
        assert english not in ours, english


@pytest.mark.parametrize("lang", ["de", "es"])
def test_every_svg_parses_with_dot_coordinates_and_comma_labels(client, lang):
    html = page(client, f"{NEGATIVE}&lang={lang}")
    pictures = svgs(html)
    for svg in pictures:
        root = ET.fromstring(svg)  # a decimal comma in an attribute would not break XML, so:
        for el in root.iter():
            for name, value in el.attrib.items():
                assert not re.search(r"\d,\d", value), (name, value)
    read = [t for svg in pictures for t in texts(svg)]
    assert any("0,5" in t for t in read)  # the threshold, as people write it here
    assert not [t for t in read if decimal_dots(t)]
    assert any(t == WORDS[lang]["no"] for t in read)  # the answer's pill
    assert any(t.startswith("← " + WORDS[lang]["no"]) for t in read)  # the luck chart's side


@pytest.mark.parametrize("lang", ["de", "es"])
def test_the_data_tables_use_decimal_commas(client, lang):
    html = page(client, f"{NEGATIVE}&lang={lang}")
    tables = re.findall(r"<details class=\"data\">.*?</details>", html, re.S)
    assert len(tables) >= 4
    cells = [c for t in tables for c in re.findall(r"<t[hd][^>]*>([^<]*)</t[hd]>", t)]
    assert "−0,2" in cells and "1,5" in cells  # typed weights, localized
    assert not [c for c in cells if decimal_dots(c)]
    assert "20.000" in html
    assert WORDS[lang]["yes"] in cells and WORDS[lang]["no"] in cells


def test_english_pictures_are_unchanged(client):
    html = page(client, EXAMPLE)
    assert "The same numbers, drawn" in html
    assert '<title id="nd-t">The neuron with your numbers</title>' in html
    assert "<summary>The numbers in this picture</summary>" in html
    assert "of 20,000 random neurons call this person" in html
    assert ">← Not Obese</text>" in html
    assert '<th scope="col">Step</th>' in html
    assert "0,5" not in html.split('<section class="pictures"')[1]


def png(data: bytes) -> Image.Image:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


@pytest.mark.parametrize("lang", ["de", "es"])
def test_the_preview_card_is_drawn_in_the_language(client, lang):
    english = client.get(f"/preview.png?{EXAMPLE}")
    local = client.get(f"/preview.png?{EXAMPLE}&lang={lang}")
    assert english.status_code == 200
    assert local.status_code == 200
    assert local.mimetype == "image/png"
    assert png(local.data).size == (1200, 630)
    assert local.data != english.data
    assert local.headers["ETag"] != english.headers["ETag"]
    # the language is part of the validator: the English tag does not match the German card
    again = client.get(
        f"/preview.png?{EXAMPLE}&lang={lang}", headers={"If-None-Match": english.headers["ETag"]}
    )
    assert again.status_code == 200
    cached = client.get(
        f"/preview.png?{EXAMPLE}&lang={lang}", headers={"If-None-Match": local.headers["ETag"]}
    )
    assert cached.status_code == 304


def test_the_preview_cards_are_cached_per_language(client):
    first = client.get(f"/preview.png?{EXAMPLE}&lang=de")
    english = client.get(f"/preview.png?{EXAMPLE}")
    second = client.get(f"/preview.png?{EXAMPLE}&lang=de")
    assert first.status_code == english.status_code == second.status_code == 200
    assert first.data == second.data != english.data
