"""/practice: the levels and this browser's progress, new problems, worksheets."""

from __future__ import annotations

import numpy as np
from flask import Blueprint, Response, abort, redirect, render_template, request, url_for
from flask_wtf.csrf import generate_csrf

from webapp.language import gettext
from webapp.practice.answers import LEVELS
from webapp.practice.problems import LEVEL_TEXTS, LEVEL_TITLES, fresh_seed, problem, stage_for
from webapp.practice.progress import MASTERY_STREAK
from webapp.practice.worksheet import parse_sheet, worksheet
from webapp.web.cookies import progress_cookie
from webapp.web.languages.request_language import current
from webapp.web.languages.switcher import given
from webapp.web.lesson.links import lesson_url
from webapp.web.plumbing.caching import NO_STORE, PRIVATE_NO_STORE, PUBLIC, cache_control
from webapp.web.plumbing.rate_limits import PAGES, rate_limited

bp = Blueprint("practice", __name__)


@bp.get("/practice")
@cache_control(PRIVATE_NO_STORE)
def index() -> Response:
    progress = progress_cookie.load()
    done = request.args.get("done") == "cleared"
    page = render_template(
        "practice/index.html",
        levels=[(level, LEVEL_TITLES[level], LEVEL_TEXTS[level]) for level in LEVELS],
        progress=progress,
        streak_needed=MASTERY_STREAK,
        done=done,
        page_query=(("done", "cleared"),) if done else (),
        csrf_token=None if progress.empty else generate_csrf(),
    )
    return Response(page, mimetype="text/html")


@bp.get("/practice/new")
@cache_control(NO_STORE)
def new() -> Response:
    """A fresh problem at ``level``: a redirect (303) to its share link."""
    text = request.args.get("level", "").strip(" ")
    if text not in {str(level) for level in LEVELS}:
        abort(
            400,
            description=gettext(
                "The level must be 1, 2, 3 or 4: %(example)s.", example="/practice/new?level=1"
            ),
        )
    level = int(text)
    solved = progress_cookie.load().level(level).solved
    p = problem(level, fresh_seed(np.random.default_rng()), stage_for(solved))
    url = lesson_url("pages.index", p.raw, current().own, external=False, **p.extra)
    return redirect(url, code=303)


@bp.get("/practice/worksheet")
@cache_control(PUBLIC)
@rate_limited(PAGES)
def sheet() -> tuple[str, int]:
    parsed = parse_sheet(request.args.to_dict(flat=False))
    query = given(parsed.raw, request.args)
    if parsed.errors:
        html = render_template(
            "practice/worksheet.html", sheet=None, parsed=parsed, page_query=query
        )
        return html, 400
    made = worksheet(**parsed.values)
    html = render_template("practice/worksheet.html", sheet=made, parsed=parsed, page_query=query)
    return html, 200


@bp.post("/practice/clear")
@cache_control(PRIVATE_NO_STORE)
def clear() -> Response:
    """Forget this browser's practice progress (CSRFProtect has checked the token)."""
    progress_cookie.clear()
    url = url_for(".index", done="cleared", **current().own)  # in the page's language
    return redirect(url, code=303)  # type: ignore[return-value]
