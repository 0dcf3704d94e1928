"""The pictures' data for templates, and the PNG link preview of a result."""

from __future__ import annotations

from flask import Blueprint

from .. import plots
from ..example import Lesson

bp = Blueprint("preview", __name__)


@bp.app_template_global()
def lesson_pictures(lesson: Lesson) -> plots.Pictures:
    """Every picture's geometry, for templates/_pictures.html."""
    return plots.pictures(lesson)


@bp.app_template_global()
def luck_chart(lesson: Lesson) -> plots.LuckChart:
    """The luck meter and its chart, for templates/_luck.html."""
    return plots.luck_chart(lesson)
