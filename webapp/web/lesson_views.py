"""The lesson page and the random-weights control."""

from __future__ import annotations

import numpy as np
from flask import Blueprint, Response, redirect, render_template, request
from markupsafe import Markup

from webapp.lesson.numbers import significant
from webapp.lesson.params import ParsedLesson, parse_lesson, query_string
from webapp.lesson.random_weights import draw_weights
from webapp.web import history_views as history
from webapp.web import hooks
from webapp.web import page_cache as fragments
from webapp.web.links import share_url

bp = Blueprint("pages", __name__)


def render_lesson(parsed: ParsedLesson) -> tuple[str, int]:
    """The lesson page for parsed parameters: the result (200) or the form (400)."""
    if not parsed.ok:
        context = {"form": parsed, "lesson": None}
        main = render_template("lesson/_main.html", **context)
        return render_template("lesson/index.html", lesson_main=Markup(main), **context), 400
    lesson = parsed.lesson()
    is_example = not parsed.given
    if not is_example:
        hooks.lesson_computed(lesson)
    query = query_string(lesson.raw)

    def context() -> dict[str, object]:
        return {
            "form": parsed,
            "lesson": lesson,
            "is_example": is_example,
            "share_url": share_url(lesson.raw),
        }

    # Everything but the history panel depends only on the link (and the host, which
    # absolute URLs name): rendered once per link, then reused.
    key = (request.host_url, query, is_example)

    def render_page() -> str:
        head = fragments.cached(
            ("head", *key), lambda: render_template("lesson/_head.html", **context())
        )
        main = fragments.cached(
            ("main", *key), lambda: render_template("lesson/_main.html", **context())
        )
        return render_template("lesson/index.html", lesson_head=head, lesson_main=main, **context())

    # The whole page differs between browsers only by the recent-results panel, so it
    # is kept too, keyed by what that panel shows (every fresh browser's is the same).
    panel = history.recent()
    panel_key = (
        tuple(tuple(e.raw.values()) for e in panel.entries),
        panel.total,
        panel.dropped_now,
    )
    page = fragments.cached(("page", *key, panel_key), render_page)
    return page, 200


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
