"""This browser's history, kept in its records cookie (web/records_cookie.py).

Only the lesson page adds to it; the lesson page and /history read it; the embed
widget never reads or writes a cookie. A history that earlier versions kept in
Flask's session cookie is carried over once, the first time it is seen.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from flask import current_app, request, session

from webapp.lesson import history, records
from webapp.web.caches.response_cache import request_second
from webapp.web.cookies import records_cookie
from webapp.web.languages.request_language import current
from webapp.web.lesson.links import lesson_url

RECENT_COUNT = 5
LEGACY_KEYS = ("history", "history_dropped")  # where the session cookie kept it


def _records() -> records.Records:
    current = records_cookie.read()
    if current.history or current.dropped or records_cookie.COOKIE_NAME in request.cookies:
        return current
    if current_app.config["SESSION_COOKIE_NAME"] not in request.cookies:
        return current
    legacy = history.decode_legacy(session.get(LEGACY_KEYS[0]))
    if not legacy:
        return current
    for key in LEGACY_KEYS:
        session.pop(key, None)
    migrated = records.Records(history=tuple(legacy))
    records_cookie.write(migrated)
    return migrated


def load() -> list[history.Entry]:
    """This browser's entries, newest first; an unreadable cookie reads as none."""
    return list(_records().history)


def dropped_count() -> int:
    return _records().dropped


def store(entries: list[history.Entry]) -> None:
    records_cookie.write(replace(_records(), history=tuple(entries)))


def clear() -> None:
    """Empty the history (practice progress is kept: /practice clears it)."""
    records_cookie.write(records.Records(progress=_records().progress))
    for key in LEGACY_KEYS:
        session.pop(key, None)


def record(raw: dict[str, str], at: float | None = None) -> int:
    """Add a learner's result (its parameters); return how many old entries it dropped."""
    current = _records()
    now = request_second() if at is None else at
    added, dropped = current.with_result(raw, now, records_cookie.text_budget())
    if added is not current:
        records_cookie.write(added)
    return dropped


@dataclass(frozen=True)
class RecentPanel:
    """The lesson page's "your recent results" panel."""

    entries: tuple[history.Entry, ...]
    total: int
    dropped_now: int  # dropped by this very request

    @property
    def shown(self) -> bool:
        """Worth a panel: it holds more than the result on this very page (a first
        result would only repeat the page), or it has something to say."""
        return self.total > 1 or self.dropped_now > 0

    def links(self) -> list[tuple[history.Entry, str]]:
        """Each entry with its lesson page's address (in the page's language)."""
        lang = current().shared
        return [(e, lesson_url("pages.index", e.raw, lang, external=False)) for e in self.entries]

    @property
    def key(self) -> tuple[object, ...]:
        """What the panel shows, for keying cached pages (every fresh browser's is equal)."""
        return (tuple(e.query for e in self.entries), self.total, self.dropped_now)


def recent_panel(dropped_now: int = 0) -> RecentPanel:
    """The latest few results, for the lesson page."""
    entries = load()
    return RecentPanel(tuple(entries[:RECENT_COUNT]), len(entries), dropped_now)
