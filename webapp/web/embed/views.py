"""The embeddable widget (/embed, /embed/random) and oEmbed (/oembed).

The widget may be framed by any site (``@framable``), so it keeps no state but its
URL: it never opens the session (no cookie is read or written, not even a refresh of a
permanent one: plumbing/sessions.py) and never records history.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

import numpy as np
from flask import Blueprint, Response, redirect, render_template, request, url_for

from webapp.api import oembed
from webapp.lesson.params import ParsedLesson, parse_lesson
from webapp.lesson.random_weights import with_random_weights
from webapp.web.caches.response_cache import mark_cacheable
from webapp.web.embed.oembed_answers import challenge_answer, lesson_answer, oembed_error
from webapp.web.languages.request_language import PageLanguage, current
from webapp.web.languages.switcher import Query
from webapp.web.lesson.links import lesson_url
from webapp.web.lesson.page import lesson_page, lesson_query
from webapp.web.lesson.predict import answers_query, predict_part
from webapp.web.plumbing.caching import NO_STORE, PUBLIC, cache_control
from webapp.web.plumbing.rate_limits import API, fresh_render, rate_limited
from webapp.web.plumbing.security import framable
from webapp.widget.options import WidgetOptions, widget_options
from webapp.widget.parts import PARTS

bp = Blueprint("embed", __name__)
Args = Mapping[str, Sequence[str]]


def _render_widget(parsed: ParsedLesson, options: WidgetOptions, args: Args) -> tuple[str, int]:
    """The widget, rendered afresh (counted per client: the response cache kept none)."""
    return fresh_render(lambda: _widget(parsed, options, args))


def _options_query(options: WidgetOptions) -> Query:
    """The widget's own options for its links in other languages (``mode`` is the
    lesson's, ``lang`` each link's own)."""
    return tuple((k, v) for k, v in options.extra().items() if k not in ("mode", "lang"))


def _widget(parsed: ParsedLesson, options: WidgetOptions, args: Args) -> tuple[str, int]:
    """The widget: its parts in order (200); the form for invalid lesson parameters,
    with the message for invalid parts (400)."""
    language = current()
    lesson = parsed.lesson() if parsed.ok and not options.errors else None
    query = (*lesson_query(parsed, args), *_options_query(options))
    page = lesson_page(parsed, lesson, language, widget=True, query=query)
    status = 200 if lesson else 400
    if lesson is not None and parsed.predict:
        # Predict mode in the widget: checked from the URL alone, nothing recorded.
        extra = {k: v for k, v in options.extra().items() if k != "mode"}  # it adds its own
        view = predict_part(lesson, args, language.shared, endpoint="embed.index", **extra)
        query = (*query, *answers_query(view.answers, args))
        page = replace(page, predict=view, page_query=query)
        status = 200 if view.answers.ok else 400
    html = render_template(
        "embed/widget.html",
        options=options,
        parts=[PARTS[name] for name in options.shown_parts],
        form_part="form" in options.shown_parts,
        hidden=options.extra(),
        full_url=page.share_url or _page_url("pages.index", language),
        learn_url=_page_url("learn.index", language),
        **page.context(),
    )
    return html, status


def _page_url(endpoint: str, language: PageLanguage) -> str:
    """A page of this site, absolute (the widget opens it in a new tab), in the
    widget's language (a link given to others: ``lang`` when it is not English)."""
    return url_for(endpoint, _external=True, **language.shared)


@bp.get("/embed")
@cache_control(PUBLIC)
@framable
def index() -> tuple[str, int]:
    """The lesson as a compact widget: valid → 200, invalid → 400 with the form."""
    args = request.args.to_dict(flat=False)
    mark_cacheable()
    return _render_widget(parse_lesson(args, with_mode=True), widget_options(args), args)


@bp.get("/embed/random")
@cache_control(NO_STORE)
@framable
def random_weights() -> Response | tuple[str, int]:
    """Random weights inside the widget: redirect to the widget URL that holds them."""
    args = request.args.to_dict(flat=False)
    options = widget_options(args)
    parsed = parse_lesson(args, ignore=("w1", "w2", "b"))
    if not parsed.ok:
        return _render_widget(parsed, options, args)
    raw = with_random_weights(parsed.raw, np.random.default_rng())
    url = lesson_url("embed.index", raw, current().own, external=False, **options.extra())
    return redirect(url, code=303)


@bp.get("/oembed", endpoint="oembed")
@cache_control(PUBLIC)
@rate_limited(API)
def oembed_answer() -> tuple[Response, int] | Response:
    """oEmbed 1.0 for this site's lesson and widget URLs (JSON only), in the URL's language."""
    url = request.args.get("url", "")
    if not url.strip():
        return oembed_error(400, "url", "Give the URL of a lesson or widget page: ?url=…")
    sizes = {}
    for name in ("maxwidth", "maxheight"):
        try:
            sizes[name] = oembed.parse_dimension(request.args.get(name))
        except oembed.BadDimension as error:
            return oembed_error(400, name, f"{name} {error}.")
    if request.args.get("format", "json") != "json":
        return oembed_error(501, "format", "Only format=json is supported.")
    challenge = oembed.challenge_query(url, request.url_root)
    if challenge is not None:
        return challenge_answer(challenge, sizes["maxwidth"], sizes["maxheight"])
    try:
        query, is_widget = oembed.embeddable_query(url, request.url_root)
    except oembed.NotEmbeddable as error:
        return oembed_error(404, "url", str(error))
    return lesson_answer(query, is_widget, sizes["maxwidth"], sizes["maxheight"])
