"""The small presentation helpers every page calls hundreds of times, in Python.

A Jinja macro call costs about ten times a function call, and a lesson page makes
several hundred (each number in the MathML and the pictures). These return exactly
what the macros they replace did; the macro libraries export them under the same
names (``{% from "macros/pictures.html" import num %}`` still works), so templates
read the same. Every argument is escaped (markupsafe.escape leaves Markup as it is).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from markupsafe import Markup, escape

from webapp.language import local_number, local_percent
from webapp.lesson.labels import label_for
from webapp.lesson.numbers import (
    dot_exact,
    dot_rounded,
    dot_rounded_apart,
    minus,
    page_form,
    page_rounded,
)
from webapp.pictures.words import count

_MINUS = Markup("<mo>−</mo>")
_ANCHOR_CLASS = {"middle": "m", "end": "e"}


def n(text: Any) -> Markup:
    """A number in MathML, its sign as an operator: −4 is <mo>−</mo><mn>4</mn>."""
    text = local_number(str(text))
    if text.startswith("-"):
        return Markup(f"<mrow><mo>−</mo><mn>{escape(text[1:])}</mn></mrow>")
    return Markup(f"<mn>{escape(text[1:] if text.startswith('+') else text)}</mn>")


def f(text: Any) -> Markup:
    """A number as a factor or addend: negative ones in parentheses, 0.2 × (−4)."""
    text = str(text)
    if text.startswith("-"):
        return Markup(f"<mrow><mo>(</mo>{n(text)}<mo>)</mo></mrow>")
    return n(text)


def sub(letter: Any, index: Any) -> Markup:
    return Markup(f"<msub><mi>{escape(letter)}</mi><mn>{escape(index)}</mn></msub>")


def vec(items: Iterable[Any]) -> Markup:
    rows = "".join(f"<mtr><mtd>{escape(item)}</mtd></mtr>" for item in items)
    return Markup(f"<mrow><mo>[</mo><mtable>{rows}</mtable><mo>]</mo></mrow>")


def negated(text: str) -> Markup:
    """−z for a formatted z: a negative z loses its sign, 1.8 becomes −1.8."""
    if text.startswith("-"):
        return Markup(f"<mn>{escape(text[1:])}</mn>")
    return _MINUS + n(text)


def exp(power: Any) -> Markup:
    return Markup(f"<msup><mi>e</mi><mrow>{escape(power)}</mrow></msup>")


# A computed number in a picture: rounded for people, a true minus sign, the page's way.
num = page_rounded


def signed(value: float) -> str:
    return ("+" if value > 0 else "") + num(value)


def hidden_fields(fields: Mapping[str, Any]) -> Markup:
    """A GET form's hidden fields (a form drops its action's query): ``lang`` from the
    page's language, say."""
    return Markup("").join(
        Markup('<input type="hidden" name="{}" value="{}">').format(name, value)
        for name, value in fields.items()
    )


def xy(label: Any) -> Markup:
    return Markup(f'x="{escape(label.x)}" y="{escape(label.y)}"')


def anchor(label: Any) -> str:
    return _ANCHOR_CLASS.get(label.anchor, "")


def box(cls: str, b: Any) -> Markup:
    parts = (escape(v) for v in (cls, b.x, b.y, b.width, b.height, b.rx))
    return Markup('<rect class="{}" x="{}" y="{}" width="{}" height="{}" rx="{}"/>'.format(*parts))


def circle(cls: str, c: Any) -> Markup:
    parts = (escape(v) for v in (cls, c.cx, c.cy, c.r))
    return Markup('<circle class="{}" cx="{}" cy="{}" r="{}"/>'.format(*parts))


HELPERS = {
    "mathml_" + name: helper for name, helper in {"n": n, "f": f, "sub": sub, "vec": vec}.items()
} | {
    "mathml_negated": negated,
    "mathml_exp": exp,
    "svg_num": num,
    "svg_signed": signed,
    "svg_page_form": page_form,  # a number as typed (the link's dot form), as the page writes it
    "svg_xy": xy,
    "svg_anchor": anchor,
    "svg_box": box,
    "svg_circle": circle,
    "svg_label_for": label_for,
    "hidden_fields": hidden_fields,
}


# The number filters every template uses, in the page's language (webapp.lesson.numbers
# keeps the canonical dot forms that links and the API use).
def fmt_shown(value: float, places: int = 4) -> str:
    return local_number(dot_rounded(value, places))


def fmt_apart_shown(value: float, other: float, places: int = 4) -> str:
    return local_number(dot_rounded_apart(value, other, places))


def fmt_exact_shown(value: float) -> str:
    return local_number(dot_exact(value))


def fmt_percent_shown(value: float, places: int = 1) -> str:
    return local_percent(dot_rounded(value * 100, places))


FILTERS = {
    "fmt": fmt_shown,
    "fmt_apart": fmt_apart_shown,
    "fmt_exact": fmt_exact_shown,
    "fmt_percent": fmt_percent_shown,
    "minus": minus,
    "number": local_number,
    "count": count,  # a whole number for people: 27,795 (27.795 in German)
}
