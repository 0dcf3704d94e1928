"""This browser's practice progress, kept in its records cookie beside the history
(web/records_cookie.py; the text format is webapp.lesson.records and
webapp.practice.progress).

Recorded by the lesson page when a practice problem is checked, before any page
cache, as the history is; read by /practice and /history. The widget never calls it.
"""

from __future__ import annotations

from dataclasses import replace

from webapp.practice import progress
from webapp.web.cookies import records_cookie


def load() -> progress.Progress:
    return progress.decode(records_cookie.read().progress)


def record(level: int, query: str, solved: bool) -> tuple[progress.LevelProgress, int]:
    """Record a checked practice problem; the level's progress after it, and how many
    history entries had to give way for it (usually none)."""
    current = records_cookie.read()
    before = progress.decode(current.progress)
    after = before.record(level, query, solved)
    if after != before:
        updated, dropped = current.with_progress(after.encode(), records_cookie.text_budget())
        records_cookie.write(updated)
        return after.level(level), dropped
    return after.level(level), 0


def clear() -> None:
    records_cookie.write(replace(records_cookie.read(), progress=""))
