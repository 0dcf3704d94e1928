"""The lesson page and the random-weights control."""

from __future__ import annotations

import numpy as np
from flask import Blueprint, Response, redirect, render_template, request

from ..example import draw_weights
from ..numfmt import significant
from ..params import ParsedLesson, parse_lesson
from . import hooks
from .links import share_url

bp = Blueprint("pages", __name__)


def render_lesson(parsed: ParsedLesson) -> tuple[str, int]:
    """The lesson page for parsed parameters: the result (200) or the form (400)."""
    if not parsed.ok:
        return render_template("index.html", form=parsed, lesson=None), 400
    lesson = parsed.lesson()
    is_example = not parsed.given
    if not is_example:
        hooks.lesson_computed(lesson)
    return (
        render_template(
            "index.html",
            form=parsed,
            lesson=lesson,
            is_example=is_example,
            share_url=share_url(lesson.raw),
        ),
        200,
    )


@bp.get("/")
def index() -> tuple[str, int]:
    return render_lesson(parse_lesson(request.args.to_dict(flat=False)))


@bp.get("/random")
def random_weights() -> Response | tuple[str, int]:
    """Draw w₁, w₂ and b, then redirect to the share link that holds them."""
    parsed = parse_lesson(request.args.to_dict(flat=False), ignore=("w1", "w2", "b"))
    if not parsed.ok:
        return render_lesson(parsed)
    drawn = draw_weights(np.random.default_rng())
    raw = dict(parsed.raw)
    for name, value in drawn.items():
        # four significant digits keep the link readable; the link is the result
        raw[name] = significant(float(value), 4)
    return redirect(share_url(raw, external=False), code=303)
