"""The PNG link preview of a result (/preview.png), for Open Graph and Twitter cards."""

from __future__ import annotations

import hashlib

from flask import Blueprint, Response, abort, request

from webapp.language import DEFAULT_LANGUAGE
from webapp.lesson.params import parse_lesson, query_string
from webapp.pictures import preview_card
from webapp.web.caches.lru import LRU
from webapp.web.languages.request_language import current
from webapp.web.plumbing.caching import OWN, cache_control
from webapp.web.plumbing.rate_limits import PREVIEW, rate_limited

bp = Blueprint("preview", __name__)

MAX_AGE = 86400  # a day: the image for a set of parameters never changes within a VERSION
# A shared link is fetched by several sites' crawlers in a row: keep the latest cards.
_cards = LRU[bytes](64)


def etag(query: str, language: str) -> str:
    """A strong validator: the same parameters, language and drawing give the same image."""
    key = f"{preview_card.VERSION}\n{query}"
    if language != DEFAULT_LANGUAGE:  # English cards keep the tags they always had
        key += f"\n{language}"
    return hashlib.sha256(key.encode()).hexdigest()[:32]


@bp.get("/preview.png")
@cache_control(OWN)
@rate_limited(PREVIEW)
def image() -> Response:
    """The result card as a 1200×630 PNG for Open Graph link previews."""
    parsed = parse_lesson(request.args.to_dict(flat=False))
    if not parsed.ok:
        abort(400, "; ".join(parsed.errors.values()))
    query = query_string(parsed.raw)
    language = current().code  # the card's words and decimal commas (lang=de)
    tag = etag(query, language)
    # If-None-Match compares weakly (RFC 9110): answer 304 before drawing anything.
    if request.if_none_match.contains_weak(tag):
        response = Response(status=304)
    else:
        png = _cards.get_or_make(
            f"{language}\n{query}", lambda: preview_card.render(parsed.lesson())
        )
        response = Response(png, mimetype="image/png")
    response.set_etag(tag)
    response.cache_control.public = True
    response.cache_control.max_age = MAX_AGE
    return response
