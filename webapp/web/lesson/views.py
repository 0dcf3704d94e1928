"""The lesson page and the random-weights control.

A result page is parsed, recorded in the history, then built from its parts: its head
and main part are the same for every browser and kept per page key (web/caches/
page_cache.py); only the recent-results panel and the switcher around them are rendered
per browser. The lesson itself is computed on a miss only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
from flask import Blueprint, Response, redirect, render_template, request, url_for
from markupsafe import Markup

from webapp.lesson.params import ParsedLesson, parse_lesson
from webapp.lesson.random_weights import with_random_weights
from webapp.lesson.result import Lesson
from webapp.practice.problems import could_be_drawn
from webapp.web.caches import page_cache
from webapp.web.caches.response_cache import mark_cacheable
from webapp.web.cookies import history_cookie, progress_cookie
from webapp.web.languages.request_language import PageLanguage, current
from webapp.web.languages.switcher import Query
from webapp.web.lesson.links import lesson_url, share_url
from webapp.web.lesson.page import LessonPage, PageKey, lesson_page, lesson_query
from webapp.web.lesson.predict import PredictView, answers_query, predict_part
from webapp.web.plumbing.caching import NO_STORE, PRIVATE, cache_control
from webapp.web.plumbing.rate_limits import fresh_render
from webapp.web.plumbing.security import from_this_site
from webapp.widget.options import BuilderChoices, builder_options

bp = Blueprint("pages", __name__)
Args = Mapping[str, Sequence[str]]


@dataclass(frozen=True)
class LessonParts:
    """A lesson page without what differs between browsers: its head, its main part
    (pictures and all) and its title."""

    head: Markup
    main: Markup
    title: str | None
    scripts: bool  # the result's enhancements: copy buttons, the embed builder


def _parts(page: LessonPage, *, head: bool = True) -> LessonParts:
    """Render the page's parts; the main part is the costly render: counted per client."""
    context = page.context()
    return LessonParts(
        head=Markup(render_template("lesson/_head.html", **context) if head else ""),
        main=Markup(fresh_render(lambda: render_template("lesson/_main.html", **context))),
        title=page.title,
        scripts=page.lesson is not None,
    )


def _whole(parts: LessonParts, recent: history_cookie.RecentPanel, query: Query) -> str:
    """The page around its parts: this browser's recent results, the switcher."""
    return render_template("lesson/index.html", parts=parts, recent=recent, page_query=query)


def _result(parsed: ParsedLesson, choices: BuilderChoices, language: PageLanguage) -> LessonParts:
    return _parts(lesson_page(parsed, parsed.lesson(), language, choices=choices))


def render_lesson(parsed: ParsedLesson, args: Args) -> tuple[str, int]:
    """The lesson page for parsed parameters: the result (200) or the form (400)."""
    language, query = current(), lesson_query(parsed, args)
    if not parsed.ok:
        parts = _parts(lesson_page(parsed, None, language), head=False)
        return _whole(parts, history_cookie.recent_panel(), query), 400
    if parsed.predict:
        return _render_predict(parsed, args, language, query)
    # A page cache hit needs only the page key and the panel: the history is recorded
    # from the parameters alone, and the lesson computed on a miss only.
    dropped = history_cookie.record(parsed.raw) if parsed.given else 0
    choices = builder_options(args)
    key = PageKey.of(parsed, choices, language, request.url_root)
    parts = page_cache.cached(key, lambda: _result(parsed, choices, language))
    mark_cacheable()
    recent = history_cookie.recent_panel(dropped)
    return _whole(parts, recent, (*query, *choices.fields())), 200


def _render_predict(
    parsed: ParsedLesson, args: Args, language: PageLanguage, query: Query
) -> tuple[str, int]:
    """Predict mode: the steps as questions, checked when the answers come back.

    A checked practice problem is recorded in this browser's progress here, before
    anything is rendered, as a result is added to the history (a kept whole response
    is keyed on the cookie and the URL, so it can never skip or repeat a recording).
    Predict pages add nothing to the history: they show no result until answered.
    A check is recorded only from this site's own pages, and only for a problem the
    level could have drawn; a page that may record is never kept whole (whether it
    did depends on headers no cache key holds).
    """
    lesson = parsed.lesson()
    view = predict_part(lesson, args, language.shared)
    answers = view.answers
    if answers.level is not None:
        next_url = url_for("practice.new", level=answers.level, **language.own)
        view = replace(view, next_url=next_url)
        if answers.ok and answers.checked:
            view = _record_practice(view, lesson)
    page = lesson_page(parsed, lesson, language, query=(*query, *answers_query(answers, args)))
    page = replace(page, predict=view, share_url=view.problem_url)
    if not (answers.level is not None and answers.checked):
        mark_cacheable()
    parts = _parts(page, head=False)
    empty = history_cookie.RecentPanel((), 0, 0)
    return _whole(parts, empty, page.page_query), 200 if answers.ok else 400


def _record_practice(view: PredictView, lesson: Lesson) -> PredictView:
    """The checked practice problem in this browser's progress, if it counts: checked
    on this site's own page (another site's link must not break a streak), and one of
    the level's own problems (a hand-made easy one must not master it)."""
    level = view.answers.level
    if level is None or not from_this_site() or not could_be_drawn(level, lesson, view.answers.ask):
        return view
    problem = view.problem_url.partition("?")[2]
    done, dropped = progress_cookie.record(level, problem, view.attempt.solved)
    return replace(view, progress=done, dropped_now=dropped)


@bp.get("/")
@cache_control(PRIVATE)
def index() -> tuple[str, int]:
    args = request.args.to_dict(flat=False)
    return render_lesson(parse_lesson(args, with_mode=True), args)


@bp.get("/random")
@cache_control(NO_STORE)
def random_weights() -> Response | tuple[str, int]:
    """Draw w₁, w₂ and b, then redirect to the share link that holds them."""
    args = request.args.to_dict(flat=False)
    parsed = parse_lesson(args, ignore=("w1", "w2", "b"), with_mode=True)
    if not parsed.ok:
        return render_lesson(parsed, args)
    raw = with_random_weights(parsed.raw, np.random.default_rng())
    own = current().own  # the site's own redirect
    if parsed.predict:  # a fresh neuron to predict: the answers and practice stay behind
        url = lesson_url("pages.index", raw, own, external=False, mode="predict")
        return redirect(url, code=303)
    return redirect(share_url(raw, own, external=False), code=303)
