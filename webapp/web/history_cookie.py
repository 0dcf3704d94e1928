"""This browser's history in its signed session cookie: read, add a result, the panel.

The Flask side of webapp.lesson.history (which knows entries and their encoding):
only the lesson page adds to it and only the lesson page and /history read it; the
embed widget never opens the session.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from flask import current_app, g, session

from webapp.lesson import history
from webapp.lesson.result import Lesson

SESSION_KEY = "history"
DROPPED_KEY = "history_dropped"
RECENT_COUNT = 5
# Bytes of the signed session value the history may fill. Werkzeug (and browsers)
# stop at 4,093 bytes for the whole Set-Cookie line; the rest is left for the
# cookie's name and attributes (~110 bytes) and the CSRF token (~90 bytes).
COOKIE_BUDGET = 3_600
# The dropped count is measured at its widest plausible value, so it can grow freely.
_WIDEST_COUNT = 10**9


def load() -> list[history.Entry]:
    """This browser's entries, newest first; an unreadable cookie reads as none."""
    if "history_entries" not in g:  # read once per request
        g.history_entries = history.decode(session.get(SESSION_KEY))
    return list(g.history_entries)


def store(entries: list[history.Entry]) -> None:
    session[SESSION_KEY] = history.encode(entries)
    g.history_entries = entries


def clear() -> None:
    session.pop(SESSION_KEY, None)
    session.pop(DROPPED_KEY, None)
    g.pop("history_entries", None)


def dropped_count() -> int:
    value = session.get(DROPPED_KEY)
    return value if type(value) is int and value > 0 else 0


def _cookie_size(data: dict[str, Any]) -> int:
    serializer = current_app.session_interface.get_signing_serializer(current_app)  # type: ignore[attr-defined]
    return len(serializer.dumps(data))


def record(lesson: Lesson) -> int:
    """Add a learner's result; return how many old entries were dropped for it."""
    dropped = dropped_count()
    base = dict(session)

    def fits(entries: Sequence[history.Entry]) -> bool:
        data = {**base, SESSION_KEY: history.encode(entries), DROPPED_KEY: _WIDEST_COUNT}
        return _cookie_size(data) <= COOKIE_BUDGET

    added = history.add(load(), history.new_entry(lesson.raw, time.time()), fits)
    if added.changed:
        store(added.entries)
        if added.dropped:
            session[DROPPED_KEY] = dropped + added.dropped
        session.permanent = True  # outlives the browser session (31 days unused)
    return added.dropped


@dataclass(frozen=True)
class RecentPanel:
    """The lesson page's "your recent results" panel."""

    entries: tuple[history.Entry, ...]
    total: int
    dropped_now: int  # dropped by this very request

    @property
    def key(self) -> tuple[object, ...]:
        """What the panel shows, for keying cached pages (every fresh browser's is equal)."""
        return (tuple(e.query for e in self.entries), self.total, self.dropped_now)


def recent_panel(dropped_now: int = 0) -> RecentPanel:
    """The latest few results, for the lesson page."""
    entries = load()
    return RecentPanel(tuple(entries[:RECENT_COUNT]), len(entries), dropped_now)
