"""The link-preview card (webapp.pictures.preview_card) on its own: fonts, its text, a
1200×630 PNG kept per lesson. Served as /preview.png: tests/app/test_preview_png.py."""

from __future__ import annotations

import io

from PIL import Image

from webapp.lesson.params import parse_lesson
from webapp.pictures import preview_card as preview_image


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        return image.size


def test_without_dejavu_it_falls_back_to_pillows_font(monkeypatch, tmp_path):
    monkeypatch.setattr(preview_image, "FONT_DIR", str(tmp_path / "no-fonts-here"))
    preview_image.font.cache_clear()
    try:
        png = preview_image.render(parse_lesson({}).lesson())
    finally:
        preview_image.font.cache_clear()
    assert png_size(png) == (1200, 630)


def test_the_card_uses_dejavu_when_installed():
    assert preview_image.font(20).getname()[0] == "DejaVu Sans"


def test_the_card_states_the_result():
    # The drawing is checked by eye (screenshots); here: the text it is built from.
    lesson = parse_lesson({"w1": ["-0.3"], "b": ["-1.5"], "activation": ["relu"]}).lesson()
    assert preview_image._term("-1.5") == "(−1.5)" and preview_image._term("2") == "2"
    png = preview_image.render(lesson)
    assert png_size(png) == (1200, 630)
    assert preview_image.render(lesson) == png  # the same lesson, the same bytes
