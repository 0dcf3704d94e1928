"""oEmbed's answers (GET /oembed): the widget's snippet for a lesson or challenge URL of
this site, in the language of that URL (its ``lang``, else English), whatever the
consumer's server sends as Accept-Language: the title and the snippet's ``lang`` then
match the widget the snippet shows. Its errors stay English (JSON, the API's shape)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager

from flask import Response, jsonify, url_for

from webapp.api import oembed
from webapp.challenges.link import parse_challenge
from webapp.language import DEFAULT_LANGUAGE, LANGUAGES, speaking, translations
from webapp.lesson.params import parse_lesson
from webapp.web.challenges.page import challenge_snippet, challenge_title
from webapp.web.languages.request_language import PageLanguage, named_in
from webapp.web.lesson.page import embed_code
from webapp.widget.options import WidgetOptions, widget_options

Query = Mapping[str, Sequence[str]]
Answer = tuple[Response, int] | Response


def oembed_error(status: int, field: str, message: str) -> tuple[Response, int]:
    """oEmbed errors as JSON, the API's shape, whatever the client accepts."""
    return jsonify(errors={field: message}), status


def url_language(query: Query) -> PageLanguage:
    """The language of the URL oEmbed was asked about: its ``lang``, else English."""
    named = named_in(query.get("lang", []))
    return PageLanguage(named or LANGUAGES[DEFAULT_LANGUAGE], named is not None)


@contextmanager
def _speaking(language: PageLanguage) -> Iterator[None]:
    with speaking(language.language, translations(language.language)):
        yield


def _rich(title: str, html: str, width: int, height: int) -> Response:
    return jsonify(
        type="rich",
        version="1.0",
        title=title,
        provider_name="Neuron Lab",
        provider_url=url_for("pages.index", _external=True),
        cache_age=oembed.CACHE_AGE,
        html=html,
        width=width,
        height=height,
    )


def challenge_answer(query: Query, maxwidth: int | None, maxheight: int | None) -> Answer:
    """oEmbed for a challenge page or widget: the widget's snippet, at the default size."""
    language = url_language(query)
    with _speaking(language):
        parsed = parse_challenge(query)
        if not parsed.ok or parsed.challenge is None:
            return oembed_error(404, "url", "The URL's challenge is invalid.")
        width, height = oembed.fit_size(maxwidth, maxheight)
        html = challenge_snippet(parsed, language.shared, width, height, maxheight)
        return _rich(challenge_title(parsed.challenge), html, width, height)


def lesson_answer(
    query: Query, is_widget: bool, maxwidth: int | None, maxheight: int | None
) -> Answer:
    """oEmbed for a lesson page or widget URL: the widget's snippet, sized to its parts."""
    language = url_language(query)
    with _speaking(language):
        parsed = parse_lesson(query)
        if not parsed.ok:
            return oembed_error(404, "url", "The URL's lesson parameters are invalid.")
        lesson = parsed.lesson()
        options = widget_options(query) if is_widget else WidgetOptions()
        if options.errors:
            return oembed_error(404, "url", "The URL's widget options are invalid.")
        width, height = oembed.fit_size(maxwidth, maxheight, options.shown_parts)
        extra = options.extra()
        html = embed_code(lesson, language.shared, width, height, maxheight, **extra)
        return _rich(lesson.summary, html, width, height)
