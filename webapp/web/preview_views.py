"""The pictures' data for templates, and the PNG link preview of a result."""

from __future__ import annotations

from flask import Blueprint, Response, abort, request

from webapp import pictures as plots
from webapp.lesson.params import parse_lesson
from webapp.lesson.result import Lesson
from webapp.pictures import preview_card as preview_image
from webapp.web.links import lesson_url

bp = Blueprint("preview", __name__)

MAX_AGE = 86400  # a day: the image for a set of parameters never changes within a VERSION


@bp.app_template_global()
def lesson_pictures(lesson: Lesson) -> plots.Pictures:
    """Every picture's geometry, for templates/_pictures.html."""
    return plots.pictures(lesson)


@bp.app_template_global()
def luck_chart(lesson: Lesson) -> plots.LuckChart:
    """The luck meter and its chart, for templates/_luck.html."""
    return plots.luck_chart(lesson)


@bp.app_template_global()
def preview_image_url(lesson: Lesson) -> str:
    """The absolute URL of this result's PNG card, for og:image."""
    return lesson_url("preview.image", lesson.raw)


@bp.get("/preview.png")
def image() -> Response:
    """The result card as a 1200×630 PNG for Open Graph link previews."""
    parsed = parse_lesson(request.args.to_dict(flat=False))
    if not parsed.ok:
        abort(400, "; ".join(parsed.errors.values()))
    tag = preview_image.etag(parsed.raw)
    # If-None-Match compares weakly (RFC 9110): answer 304 before drawing anything.
    if request.if_none_match.contains_weak(tag):
        response = Response(status=304)
    else:
        response = Response(preview_image.card_png(parsed.lesson()), mimetype="image/png")
    response.set_etag(tag)
    response.cache_control.public = True
    response.cache_control.max_age = MAX_AGE
    return response
