"""The lesson page and the random-weights control."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from flask import Blueprint, Response, redirect, render_template, request, url_for
from markupsafe import Markup

from webapp.lesson.params import ParsedLesson, parse_lesson, query_string
from webapp.lesson.random_weights import with_random_weights
from webapp.practice.answers import parse_answers
from webapp.practice.check import attempt, default_ask
from webapp.practice.steps import all_steps
from webapp.web.caches import page_cache
from webapp.web.caches.response_cache import mark_cacheable
from webapp.web.cookies import history_cookie, progress_cookie
from webapp.web.languages.request_language import page_lang
from webapp.web.lesson.links import lesson_url, share_url
from webapp.web.lesson.page import LessonPage, lesson_page, predict_view
from webapp.web.plumbing.caching import NO_STORE, PRIVATE, cache_control
from webapp.web.plumbing.rate_limits import fresh_render
from webapp.widget.options import builder_options

bp = Blueprint("pages", __name__)


def _render(page: LessonPage, recent: history_cookie.RecentPanel) -> str:
    """The whole page; its head and main part are kept per link (the same for every
    browser), so only the recent-results panel differs between browsers."""
    builder = page.builder.key if page.builder else None  # the embed builder's choices
    key = (request.url_root, query_string(page.form.raw), page.is_example, builder)
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
    if parsed.predict:
        return _render_predict(parsed)
    # A page cache hit needs only the canonical link and the panel: the lesson itself
    # is computed on a miss only.
    dropped = history_cookie.record(parsed.raw) if parsed.given else 0
    recent = history_cookie.recent_panel(dropped)
    embed = builder_options(request.args.to_dict(flat=False))
    key = ("page", request.url_root, query_string(parsed.raw), not parsed.given, embed.key)
    mark_cacheable()
    return page_cache.cached(
        (*key, recent.key),
        lambda: _render(lesson_page(parsed, parsed.lesson(), embed=embed), recent),
    ), 200


def _render_predict(parsed: ParsedLesson) -> tuple[str, int]:
    """Predict mode: the steps as questions, checked when the answers come back.

    A checked practice problem is recorded in this browser's progress here, before
    anything is rendered, as a result is added to the history (a kept whole response
    is keyed on the cookie and the URL, so it can never skip or repeat a recording).
    Predict pages add nothing to the history: they show no result until answered.
    """
    lesson = parsed.lesson()
    answers = parse_answers(
        request.args.to_dict(flat=False), all_steps(lesson), default_ask(lesson)
    )
    view = predict_view(lesson, answers, attempt(lesson, answers))
    if answers.level is not None:
        next_url = url_for("practice.new", level=answers.level, **page_lang())
        view = replace(view, next_url=next_url)
        if answers.ok and answers.checked:
            query = view.problem_url.partition("?")[2]
            done, dropped = progress_cookie.record(answers.level, query, view.attempt.solved)
            view = replace(view, progress=done, dropped_now=dropped)
    page = replace(lesson_page(parsed, lesson), predict=view, share_url=view.problem_url)
    context = page.context()
    mark_cacheable()
    main = Markup(fresh_render(lambda: render_template("lesson/_main.html", **context)))
    html = render_template(
        "lesson/index.html",
        lesson_head=Markup(""),
        lesson_main=main,
        recent=history_cookie.RecentPanel((), 0, 0),
        **context,
    )
    return html, 200 if answers.ok else 400


@bp.get("/")
@cache_control(PRIVATE)
def index() -> tuple[str, int]:
    return render_lesson(parse_lesson(request.args.to_dict(flat=False), with_mode=True))


@bp.get("/random")
@cache_control(NO_STORE)
def random_weights() -> Response | tuple[str, int]:
    """Draw w₁, w₂ and b, then redirect to the share link that holds them."""
    args = request.args.to_dict(flat=False)
    parsed = parse_lesson(args, ignore=("w1", "w2", "b"), with_mode=True)
    if not parsed.ok:
        return render_lesson(parsed)
    raw = with_random_weights(parsed.raw, np.random.default_rng())
    if parsed.predict:  # a fresh neuron to predict: the answers and practice stay behind
        return redirect(lesson_url("pages.index", raw, external=False, mode="predict"), code=303)
    return redirect(share_url(raw, external=False), code=303)
