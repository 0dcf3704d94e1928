"""/history: this browser's results, shown, downloaded, deleted and cleared."""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Response, redirect, render_template, request, url_for
from flask_wtf.csrf import generate_csrf

from webapp.language import lazy_gettext
from webapp.lesson import history
from webapp.practice.answers import LEVELS
from webapp.practice.problems import LEVEL_TEXTS, LEVEL_TITLES
from webapp.web.cookies import history_cookie, progress_cookie, solved_cookie
from webapp.web.languages.request_language import current
from webapp.web.lesson.links import lesson_url, share_url
from webapp.web.plumbing.caching import PRIVATE_NO_STORE, cache_control

bp = Blueprint("history", __name__)

# What /history?done=… says after a change.
DONE_MESSAGES = {
    "cleared": lazy_gettext("The history was cleared."),
    "deleted": lazy_gettext("The result was deleted."),
    "missing": lazy_gettext("That result was already gone."),
}


@bp.get("/history")
@cache_control(PRIVATE_NO_STORE)
def index() -> Response:
    entries = history_cookie.load()
    lang = current().shared  # as the lesson page's own links to results
    done = request.args.get("done", "")
    page = render_template(
        "history/index.html",
        progress=progress_cookie.load(),
        challenges_solved=len(solved_cookie.load()),
        levels=[(level, LEVEL_TITLES[level], LEVEL_TEXTS[level]) for level in LEVELS],
        entries=entries,
        dropped=history_cookie.dropped_count(),
        share_urls={e.key: share_url(e.raw, lang) for e in entries},
        form_urls={e.key: lesson_url("pages.index", e.raw, lang, external=False) for e in entries},
        done=_done(done),
        csrf_token=generate_csrf() if entries else None,  # no forms, no token (no cookie)
        page_query=(("done", done),) if done in DONE_MESSAGES else (),
    )
    return Response(page, mimetype="text/html")


def _done(done: str) -> str | None:
    """What /history?done=… says, in the page's language."""
    message = DONE_MESSAGES.get(done)
    return None if message is None else str(message)


def _records() -> list[dict[str, Any]]:
    lang = current().shared
    return [history.as_record(e, share_url(e.raw, lang)) for e in history_cookie.load()]


def _attachment(body: str, mimetype: str, filename: str) -> Response:
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@bp.get("/history.csv")
@cache_control(PRIVATE_NO_STORE)
def download_csv() -> Response:
    return _attachment(history.to_csv(_records()), "text/csv", "neuron-lab-history.csv")


@bp.get("/history.json")
@cache_control(PRIVATE_NO_STORE)
def download_json() -> Response:
    body: dict[str, Any] = {"entries": _records(), "dropped": history_cookie.dropped_count()}
    progress = progress_cookie.load()
    if not progress.empty:  # named only once there is some, as before practice existed
        body["practice"] = [
            {"level": p.level, "streak": p.streak, "solved": p.solved, "mastered": p.mastered}
            for p in progress.levels
        ]
    text = json.dumps(body, ensure_ascii=False, allow_nan=False, indent=1)
    return _attachment(text + "\n", "application/json", "neuron-lab-history.json")


def _back(done: str) -> Response:
    return redirect(url_for(".index", done=done, **current().own), code=303)  # type: ignore[return-value]


@bp.post("/history/clear")
@cache_control(PRIVATE_NO_STORE)
def clear() -> Response:
    """Empty the history (CSRFProtect has checked the token before this runs)."""
    history_cookie.clear()
    return _back("cleared")


@bp.post("/history/delete")
@cache_control(PRIVATE_NO_STORE)
def delete() -> Response:
    """Delete one entry, named by its time and share query."""
    remaining = history.remove(history_cookie.load(), request.form.get("entry", ""))
    if remaining is None:
        return _back("missing")
    history_cookie.store(remaining)
    return _back("deleted")
