"""The lesson page and the random-weights control."""

from __future__ import annotations

import numpy as np
from flask import Blueprint, Response, redirect, render_template, request
from markupsafe import Markup

from webapp.lesson.params import ParsedLesson, parse_lesson, query_string
from webapp.lesson.random_weights import with_random_weights
from webapp.web import history_cookie, page_cache
from webapp.web.lesson_page import LessonPage, lesson_page
from webapp.web.links import share_url
from webapp.web.rate_limits import fresh_render
from webapp.web.response_cache import mark_cacheable

bp = Blueprint("pages", __name__)


def _render(page: LessonPage, recent: history_cookie.RecentPanel) -> str:
    """The whole page; its head and main part are kept per link (the same for every
    browser), so only the recent-results panel differs between browsers."""
    key = (request.url_root, query_string(page.form.raw), page.is_example)
    context = page.context()
    head = page_cache.cached(
        ("head", *key), lambda: render_template("lesson/_head.html", **context)
    )
    # The main part, pictures and all, is the costly render: counted per client.
    main = page_cache.cached(
        ("main", *key),
        lambda: fresh_render(lambda: render_template("lesson/_main.html", **context)),
    )
    return render_template(
        "lesson/index.html", lesson_head=head, lesson_main=main, recent=recent, **context
    )


def render_lesson(parsed: ParsedLesson) -> tuple[str, int]:
    """The lesson page for parsed parameters: the result (200) or the form (400)."""
    if not parsed.ok:
        page = lesson_page(parsed, None)
        main = Markup(fresh_render(lambda: render_template("lesson/_main.html", **page.context())))
        recent = history_cookie.recent_panel()
        html = render_template(
            "lesson/index.html", lesson_main=main, recent=recent, **page.context()
        )
        return html, 400
    # A page cache hit needs only the canonical link and the panel: the lesson itself
    # is computed on a miss only.
    dropped = history_cookie.record(parsed.raw) if parsed.given else 0
    recent = history_cookie.recent_panel(dropped)
    key = ("page", request.url_root, query_string(parsed.raw), not parsed.given, recent.key)
    mark_cacheable()
    return page_cache.cached(
        key, lambda: _render(lesson_page(parsed, parsed.lesson()), recent)
    ), 200


@bp.get("/")
def index() -> tuple[str, int]:
    return render_lesson(parse_lesson(request.args.to_dict(flat=False)))


@bp.get("/random")
def random_weights() -> Response | tuple[str, int]:
    """Draw w₁, w₂ and b, then redirect to the share link that holds them."""
    parsed = parse_lesson(request.args.to_dict(flat=False), ignore=("w1", "w2", "b"))
    if not parsed.ok:
        return render_lesson(parsed)
    raw = with_random_weights(parsed.raw, np.random.default_rng())
    return redirect(share_url(raw, external=False), code=303)
