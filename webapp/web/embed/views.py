"""The embeddable widget (/embed), its embed code, and oEmbed (/oembed).

The widget may be framed by any site (``@framable``), so it keeps no state but its
URL: it never opens the session (no cookie is read or written, not even a refresh of a
permanent one: plumbing/sessions.py) and never records history.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

import numpy as np
from flask import (
    Blueprint,
    Response,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import force_locale, get_translations

from webapp.api import oembed
from webapp.challenges.model import parse_challenge
from webapp.language import DEFAULT_LANGUAGE, LANGUAGES, gettext, speaking
from webapp.lesson.params import ParsedLesson, parse_lesson
from webapp.lesson.random_weights import with_random_weights
from webapp.practice.answers import parse_answers
from webapp.practice.check import attempt, default_ask
from webapp.practice.steps import all_steps
from webapp.web.caches.response_cache import mark_cacheable
from webapp.web.lesson.links import add_lang, lesson_url, link_lang
from webapp.web.lesson.page import embed_code, lesson_page, predict_view
from webapp.web.plumbing.caching import NO_STORE, PUBLIC, cache_control
from webapp.web.plumbing.rate_limits import API, fresh_render, rate_limited
from webapp.web.plumbing.security import framable
from webapp.widget.options import WidgetOptions, snippet, widget_options
from webapp.widget.parts import PARTS

bp = Blueprint("embed", __name__)


def _render_widget(parsed: ParsedLesson, options: WidgetOptions) -> tuple[str, int]:
    """The widget, rendered afresh (counted per client: the response cache kept none)."""
    return fresh_render(lambda: _widget(parsed, options))


def page_url(endpoint: str) -> str:
    """A page of this site, absolute (the widget opens it in a new tab), in the
    widget's language: ``lang`` when it is not English."""
    return url_for(endpoint, _external=True, **link_lang())


def _widget(parsed: ParsedLesson, options: WidgetOptions) -> tuple[str, int]:
    """The widget: its parts in order (200); the form for invalid lesson parameters,
    with the message for invalid parts (400)."""
    lesson = parsed.lesson() if parsed.ok and not options.errors else None
    page = lesson_page(parsed, lesson, widget=True)
    status = 200 if lesson else 400
    if lesson is not None and parsed.predict:
        # Predict mode in the widget: checked from the URL alone, nothing recorded.
        args = request.args.to_dict(flat=False)
        answers = parse_answers(args, all_steps(lesson), default_ask(lesson))
        extra = {k: v for k, v in options.extra().items() if k != "mode"}  # it adds its own
        view = predict_view(
            lesson, answers, attempt(lesson, answers), endpoint="embed.index", **extra
        )
        page = replace(page, predict=view)
        status = 200 if answers.ok else 400
    html = render_template(
        "embed/widget.html",
        options=options,
        parts=[PARTS[name] for name in options.shown_parts],
        form_part="form" in options.shown_parts,
        hidden=options.extra(),
        full_url=page.share_url or page_url("pages.index"),
        learn_url=page_url("learn.index"),
        **page.context(),
    )
    return html, status


@bp.get("/embed")
@cache_control(PUBLIC)
@framable
def index() -> tuple[str, int]:
    """The lesson as a compact widget: valid → 200, invalid → 400 with the form."""
    args = request.args.to_dict(flat=False)
    mark_cacheable()
    return _render_widget(parse_lesson(args, with_mode=True), widget_options(args))


@bp.get("/embed/random")
@cache_control(NO_STORE)
@framable
def random_weights() -> Response | tuple[str, int]:
    """Random weights inside the widget: redirect to the widget URL that holds them."""
    args = request.args.to_dict(flat=False)
    options = widget_options(args)
    parsed = parse_lesson(args, ignore=("w1", "w2", "b"))
    if not parsed.ok:
        return _render_widget(parsed, options)
    raw = with_random_weights(parsed.raw, np.random.default_rng())
    return redirect(lesson_url("embed.index", raw, external=False, **options.extra()), code=303)


def _oembed_error(status: int, field: str, message: str) -> tuple[Response, int]:
    """oEmbed errors as JSON, the API's shape, whatever the client accepts."""
    return jsonify(errors={field: message}), status


@contextmanager
def _in_language_of(query: dict[str, list[str]]) -> Iterator[None]:
    """oEmbed answers in the language of the URL it is given (its ``lang``, else English),
    whatever the consumer's server sends as Accept-Language: the title and the snippet's
    ``lang`` then match the widget the snippet shows. Its errors stay English (JSON)."""
    given = query.get("lang", [])
    code = given[0] if len(given) == 1 and given[0] in LANGUAGES else DEFAULT_LANGUAGE
    with force_locale(code), speaking(LANGUAGES[code], get_translations()):
        yield


def _challenge_oembed(
    query: dict[str, list[str]], maxwidth: int | None, maxheight: int | None
) -> tuple[Response, int] | Response:
    """oEmbed for a challenge page or widget: the widget's snippet, at the default size."""
    parsed = parse_challenge(query)
    if not parsed.ok or parsed.challenge is None:
        return _oembed_error(404, "url", "The URL's challenge is invalid.")
    width, height = oembed.fit_size(maxwidth, maxheight)
    src = add_lang(url_for("challenges.embed", _external=True) + "?" + parsed.link(), link_lang())
    title = gettext(
        "Neuron Lab challenge: %(title)s",
        title=parsed.challenge.title or gettext("find the weights"),
    )
    host = url_for("static", filename="js/embed-host.js", v=None, _external=True)
    return jsonify(
        type="rich",
        version="1.0",
        title=title,
        provider_name="Neuron Lab",
        provider_url=url_for("pages.index", _external=True),
        cache_age=oembed.CACHE_AGE,
        html=snippet(src, title, host, width, height, maxheight),
        width=width,
        height=height,
    )


def _lesson_oembed(
    query: dict[str, list[str]], is_widget: bool, sizes: dict[str, int | None]
) -> tuple[Response, int] | Response:
    """oEmbed for a lesson page or widget URL: the widget's snippet, sized to its parts."""
    parsed = parse_lesson(query)
    if not parsed.ok:
        return _oembed_error(404, "url", "The URL's lesson parameters are invalid.")
    lesson = parsed.lesson()
    options = widget_options(query) if is_widget else WidgetOptions()
    if options.errors:
        return _oembed_error(404, "url", "The URL's widget options are invalid.")
    width, height = oembed.fit_size(sizes["maxwidth"], sizes["maxheight"], options.shown_parts)
    return jsonify(
        type="rich",
        version="1.0",
        title=lesson.summary,
        provider_name="Neuron Lab",
        provider_url=url_for("pages.index", _external=True),
        cache_age=oembed.CACHE_AGE,
        html=embed_code(lesson, width, height, sizes["maxheight"], **options.extra()),
        width=width,
        height=height,
    )


@bp.get("/oembed", endpoint="oembed")
@cache_control(PUBLIC)
@rate_limited(API)
def oembed_answer() -> tuple[Response, int] | Response:
    """oEmbed 1.0 for this site's lesson and widget URLs (JSON only), in the URL's language."""
    url = request.args.get("url", "")
    if not url.strip():
        return _oembed_error(400, "url", "Give the URL of a lesson or widget page: ?url=…")
    sizes = {}
    for name in ("maxwidth", "maxheight"):
        try:
            sizes[name] = oembed.parse_dimension(request.args.get(name))
        except oembed.BadDimension as error:
            return _oembed_error(400, name, f"{name} {error}.")
    response_format = request.args.get("format", "json")
    if response_format != "json":
        return _oembed_error(501, "format", "Only format=json is supported.")
    challenge = oembed.challenge_query(url, request.url_root)
    if challenge is not None:
        with _in_language_of(challenge):
            return _challenge_oembed(challenge, sizes["maxwidth"], sizes["maxheight"])
    try:
        query, is_widget = oembed.embeddable_query(url, request.url_root)
    except oembed.NotEmbeddable as error:
        return _oembed_error(404, "url", str(error))
    with _in_language_of(query):
        return _lesson_oembed(query, is_widget, sizes)
