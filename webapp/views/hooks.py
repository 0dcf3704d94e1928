"""What happens after a learner computes a result (e.g. keeping it in history)."""

from __future__ import annotations

from ..example import Lesson


def lesson_computed(lesson: Lesson) -> None:
    """Called by the lesson page for each learner's valid result."""
