"""What happens after a learner computes a result (e.g. keeping it in history)."""

from __future__ import annotations

from flask import g, request

from webapp.lesson.result import Lesson
from webapp.web import history_views as history


def lesson_computed(lesson: Lesson) -> None:
    """Called by the lesson page for each learner's valid result: add it to the history.

    Only for the lesson page itself: the embed widget must never set or read a cookie.
    """
    if request.blueprint != "pages":
        return
    g.history_dropped_now = history.record(lesson)
