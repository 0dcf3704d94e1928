"""This browser's history: kept in the signed session cookie, shown, downloaded, cleared.

Only the lesson page adds to it (through hooks.lesson_computed) and only the
lesson page and these routes read it: the embed widget never touches the session.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from flask import (
    Blueprint,
    Response,
    current_app,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)

from webapp.lesson import history
from webapp.lesson.result import Lesson
from webapp.web.links import share_url

bp = Blueprint("history", __name__)

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


def _store(entries: list[history.Entry]) -> None:
    session[SESSION_KEY] = history.encode(entries)
    g.history_entries = entries


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
        _store(added.entries)
        if added.dropped:
            session[DROPPED_KEY] = dropped + added.dropped
        session.permanent = True  # outlives the browser session (31 days unused)
    return added.dropped


@dataclass(frozen=True)
class Recent:
    entries: list[history.Entry]
    total: int
    dropped_now: int  # dropped by this very request


def recent() -> Recent:
    """The latest few, for the lesson page (never read for other blueprints)."""
    if request.blueprint != "pages":
        return Recent([], 0, 0)
    entries = load()
    return Recent(entries[:RECENT_COUNT], len(entries), g.get("history_dropped_now", 0))


@bp.app_context_processor
def _recent_history() -> dict[str, Any]:
    return {"recent_history": recent}


def _private(response: Response) -> Response:
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.get("/history")
def index() -> Response:
    entries = load()
    page = render_template(
        "history/index.html",
        entries=entries,
        dropped=dropped_count(),
        share_urls={entry.key: share_url(entry.raw) for entry in entries},
        done=request.args.get("done"),
    )
    return _private(Response(page, mimetype="text/html"))


def _records() -> list[dict[str, Any]]:
    return [history.as_record(entry, share_url(entry.raw)) for entry in load()]


def _attachment(body: str, mimetype: str, filename: str) -> Response:
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return _private(response)


@bp.get("/history.csv")
def download_csv() -> Response:
    return _attachment(history.to_csv(_records()), "text/csv", "neuron-lab-history.csv")


@bp.get("/history.json")
def download_json() -> Response:
    body = {"entries": _records(), "dropped": dropped_count()}
    text = json.dumps(body, ensure_ascii=False, allow_nan=False, indent=1)
    return _attachment(text + "\n", "application/json", "neuron-lab-history.json")


def _back(done: str) -> Response:
    return redirect(url_for(".index", done=done), code=303)  # type: ignore[return-value]


@bp.post("/history/clear")
def clear() -> Response:
    """Empty the history (CSRFProtect has checked the token before this runs)."""
    session.pop(SESSION_KEY, None)
    session.pop(DROPPED_KEY, None)
    g.pop("history_entries", None)
    return _back("cleared")


@bp.post("/history/delete")
def delete() -> Response:
    """Delete one entry, named by its time and share query."""
    remaining = history.remove(load(), request.form.get("entry", ""))
    if remaining is None:
        return _back("missing")
    _store(remaining)
    return _back("deleted")
