"""The link-preview image: a result card as a 1200×630 PNG, drawn with Pillow.

Open Graph previews need a raster image, so this draws what the result panel
says — the person, z, ŷ and the label, the BMI check — with a small picture of
the activation curve and the learner's point, in the active language (its words and
its decimal comma: webapp.language). No Flask here: the view handles
caching (ETag from the normalized parameters and ``VERSION``).
"""

from __future__ import annotations

import io
import os
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from webapp.language import gettext, local_number
from webapp.lesson.luck import luck_verdict
from webapp.lesson.numbers import dot_rounded, page_form, page_rounded
from webapp.lesson.result import Lesson
from webapp.pictures.activation_curve import activation_curve

# Bump when the card's drawing changes, so cached copies (ETag) are replaced.
VERSION = "1"
SIZE = (1200, 630)
_SCALE = 2  # drawn at twice the size, then shrunk: smooth lines and text edges
FONT_DIR = "/usr/share/fonts/truetype/dejavu"  # Debian's fonts-dejavu-core

# The site's light palette (static/css/site.css).
BG = "#f7f8fb"
SURFACE = "#ffffff"
TEXT = "#1b1f2a"
MUTED = "#505a6b"
BORDER = "#d5dae3"
ACCENT = "#1d4ed8"
POS, POS_BG = "#9a3412", "#ffedd5"
NEG, NEG_BG = "#166534", "#dcfce7"

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@lru_cache(maxsize=32)
def font(size: int, bold: bool = False) -> Font:
    """DejaVu Sans at ``size`` pixels; Pillow's own font if DejaVu is not installed."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(os.path.join(FONT_DIR, name), size)
    except OSError:
        return ImageFont.load_default(size=size)


def _fit(draw: ImageDraw.ImageDraw, text: str, size: int, width: float, bold: bool) -> Font:
    """The largest font up to ``size`` that fits ``text`` into ``width``."""
    while size > 12:
        f = font(size * _SCALE, bold)
        if draw.textlength(text, font=f) <= width * _SCALE:
            return f
        size -= 2
    return font(12 * _SCALE, bold)


def _size(f: Font) -> float:
    return float(getattr(f, "size", 0))


def _term(text: str) -> str:
    """A number after + or ×: negative ones in parentheses, + (−1)."""
    return f"({page_form(text)})" if text.startswith("-") else page_form(text)


def _dashed(draw: ImageDraw.ImageDraw, x0: float, x1: float, y: float, fill: str) -> None:
    dash, gap = 14 * _SCALE, 9 * _SCALE
    x = x0
    while x < x1:
        draw.line([(x, y), (min(x + dash, x1), y)], fill=fill, width=2 * _SCALE)
        x += dash + gap


def _curve(draw: ImageDraw.ImageDraw, lesson: Lesson, box: tuple[int, int, int, int]) -> None:
    """The activation over a z range holding the learner's z, with the point."""
    s = _SCALE
    t = lesson.trace
    left, top, right, bottom = (v * s for v in box)
    lo, hi = activation_curve(t).z_range
    zs = np.linspace(lo, hi, 121)
    ys = t.activation(zs)
    star_y = t.threshold
    y_lo = min(float(ys.min()), star_y)
    y_hi = max(float(ys.max()), star_y)
    pad = 0.08 * (y_hi - y_lo or 1.0)
    y_lo, y_hi = y_lo - pad, y_hi + pad

    def sx(z: float) -> float:
        return left + (z - lo) / (hi - lo) * (right - left)

    def sy(y: float) -> float:
        return bottom - (y - y_lo) / (y_hi - y_lo) * (bottom - top)

    draw.rectangle([left, top, right, bottom], fill=SURFACE, outline=BORDER, width=2 * s)
    _dashed(draw, left, right, sy(star_y), MUTED)
    points = [(sx(z), sy(y)) for z, y in zip(zs.tolist(), ys.tolist(), strict=True)]
    # no vertical riser where f jumps: draw each piece on its own
    cuts = [int(np.searchsorted(zs, jump)) for jump in t.activation.jumps if lo < jump < hi]
    for start, end in zip([0, *cuts], [*cuts, len(points)], strict=True):
        draw.line(points[start:end], fill=ACCENT, width=5 * s, joint="curve")
    px = sx(t.z)
    py = sy(min(max(t.output, y_lo), y_hi))
    r = 11 * s
    colour = POS if t.decision else NEG
    draw.ellipse([px - r, py - r, px + r, py + r], fill=colour, outline=SURFACE, width=3 * s)
    caption = gettext(
        "ŷ = %(f)s(z), threshold %(threshold)s",
        f=t.activation.symbol,
        threshold=local_number(dot_rounded(t.threshold)),
    )
    caption_font = _fit(draw, caption, 22, (right - left) / s + 40, False)
    draw.text((left, bottom + 14 * s), caption, font=caption_font, fill=MUTED)


def _card(draw: ImageDraw.ImageDraw) -> int:
    """The card's white panel and the brand line; returns the text column's left edge."""
    s = _SCALE
    draw.rounded_rectangle(
        [32 * s, 32 * s, (SIZE[0] - 32) * s, (SIZE[1] - 32) * s],
        radius=28 * s,
        fill=SURFACE,
        outline=BORDER,
        width=2 * s,
    )
    x = 80 * s
    brand = font(32 * s, bold=True)
    draw.text((x, 66 * s), "Neuron Lab", font=brand, fill=ACCENT)
    left = x + draw.textlength("Neuron Lab", font=brand) + 16 * s
    tagline = gettext("one neuron, every step worked")
    draw.text(
        (left, 70 * s), tagline, font=_fit(draw, tagline, 26, 1088 - left / s, False), fill=MUTED
    )
    return x


def _formula(draw: ImageDraw.ImageDraw, lesson: Lesson) -> tuple[str, Font]:
    """z as typed, or as the products when the typed numbers are too long to fit."""
    t, raw = lesson.trace, lesson.raw
    x1 = page_form(raw["height"] if lesson.height_unit == "ft" else dot_rounded(t.x[0]))
    x2 = page_form(raw["weight"] if lesson.weight_unit == "kg" else dot_rounded(t.x[1]))
    z = page_rounded(t.z)
    formula = (
        f"z = {page_form(raw['w1'])} × {x1} + {_term(raw['w2'])} × {x2} + {_term(raw['b'])} = {z}"
    )
    formula_font = _fit(draw, formula, 30, 620, False)
    if _size(formula_font) < 22 * _SCALE:  # long typed numbers: show the products instead
        p1, p2 = (dot_rounded(v) for v in t.products)
        formula = f"z = {page_form(p1)} + {_term(p2)} + {_term(dot_rounded(t.b))} = {z}"
        formula_font = _fit(draw, formula, 30, 620, False)
    return formula, formula_font


def _label(draw: ImageDraw.ImageDraw, lesson: Lesson, x: int, top: int) -> None:
    """The answer, Obese or Not Obese, in a pill of its colour."""
    s = _SCALE
    label = str(lesson.label)
    label_font = font(40 * s, bold=True)
    width = draw.textlength(label, font=label_font)
    fg, bg = (POS, POS_BG) if lesson.trace.decision else (NEG, NEG_BG)
    draw.rounded_rectangle(
        [x, top, x + width + 56 * s, top + 72 * s], radius=36 * s, fill=bg, outline=fg, width=3 * s
    )
    draw.text((x + 28 * s, top + 36 * s), label, font=label_font, fill=fg, anchor="lm")


def _bmi_line(lesson: Lesson) -> str:
    """The BMI check under the answer: the BMI, its WHO class, and whether they agree."""
    bmi = lesson.bmi
    # the class is the lesson's word, in the card's language (webapp/lesson/bmi.py)
    values = {"bmi": local_number(dot_rounded(bmi.bmi, 1)), "bmi_class": str(bmi.who_class)}
    verdict = luck_verdict(lesson)  # luck only when the weights do no better than chance
    if verdict.lucky and bmi.agrees:
        return gettext("BMI %(bmi)s (%(bmi_class)s): the neuron agrees, by luck.", **values)
    if verdict.lucky:
        return gettext("BMI %(bmi)s (%(bmi_class)s): the neuron disagrees.", **values)
    share = {"share": verdict.share, **values}
    if bmi.agrees:
        return gettext(
            "BMI %(bmi)s (%(bmi_class)s): the neuron agrees, and its weights are right for "
            "%(share)s of the test people.",
            **share,
        )
    return gettext(
        "BMI %(bmi)s (%(bmi_class)s): the neuron disagrees, though its weights are right "
        "for %(share)s of the test people.",
        **share,
    )


def render(lesson: Lesson) -> bytes:
    """The result card as PNG bytes."""
    s = _SCALE
    t = lesson.trace
    image = Image.new("RGB", (SIZE[0] * s, SIZE[1] * s), BG)
    draw = ImageDraw.Draw(image)
    x = _card(draw)

    raw = lesson.raw
    height, weight = page_form(raw["height"]), page_form(raw["weight"])
    person = f"{height} {lesson.height_unit}, {weight} {lesson.weight_unit}"
    draw.text((x, 130 * s), person, font=_fit(draw, person, 54, 620, True), fill=TEXT)
    formula, formula_font = _formula(draw, lesson)
    draw.text((x, 222 * s), formula, font=formula_font, fill=TEXT)
    output = f"ŷ = {t.activation.symbol}(z) = {page_rounded(t.output)}"
    draw.text((x, 282 * s), output, font=_fit(draw, output, 64, 620, True), fill=TEXT)
    _label(draw, lesson, x, 392 * s)

    line = _bmi_line(lesson)
    draw.text((x, 508 * s), line, font=_fit(draw, line, 28, 1040, False), fill=MUTED)

    _curve(draw, lesson, (760, 140, 1120, 420))

    # A 2×2 box average is fast and smooths edges well; a 128-colour palette keeps
    # the file small (tens of KB) and is quick to encode.
    card = image.reduce(_SCALE).quantize(colors=128, method=Image.Quantize.FASTOCTREE)
    out = io.BytesIO()
    card.save(out, format="PNG")
    return out.getvalue()
