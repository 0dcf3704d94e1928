"""The challenges: the built-in ladder (/challenges), one challenge (/challenge), the
teacher's form (/challenge/new) and the framable widget (/embed/challenge).

Views only parse (webapp/challenges/model.py, teacher_form.py), call the domain and
render. Every link is validated on every read: a bad one is a 400 with a message next
to its field, never a 500. The widget, like /embed, never opens the session.
"""

from __future__ import annotations

from flask import Blueprint, Response, redirect, render_template, request, url_for

from webapp.challenges.builtins import LADDER
from webapp.challenges.link import parse_challenge
from webapp.challenges.model import encode
from webapp.challenges.separability import separable
from webapp.challenges.teacher_form import LABEL_CHOICES, ROWS, parse_teacher_form, row_name
from webapp.lesson.params import choices
from webapp.web.caches.response_cache import mark_cacheable
from webapp.web.challenges.page import challenge_page, challenge_query, ladder_urls
from webapp.web.cookies import solved_cookie
from webapp.web.languages.request_language import current, with_lang
from webapp.web.languages.switcher import given
from webapp.web.plumbing.caching import PRIVATE, PUBLIC, cache_control
from webapp.web.plumbing.rate_limits import PAGES, rate_limited
from webapp.web.plumbing.security import framable

bp = Blueprint("challenges", __name__)


@bp.get("/challenges")
@cache_control(PRIVATE)
def index() -> str:
    """The built-ins, easiest first, each with its teacher's note."""
    mark_cacheable()
    rows = [(b, separable(b.challenge)) for b in LADDER]
    own = current().own
    urls = {name: with_lang(url, own) for name, url in ladder_urls().items()}
    return render_template(
        "challenges/index.html", ladder=rows, urls=urls, solved=solved_cookie.load()
    )


def _show(template: str, endpoint: str) -> tuple[str, int]:
    args = request.args.to_dict(flat=False)
    parsed = parse_challenge(args)
    page = challenge_page(parsed, current(), endpoint, challenge_query(parsed, args))
    if page.attempt is not None and page.attempt.solved and endpoint == "challenges.show":
        c = page.attempt.challenge
        solved_cookie.record(c.name or encode(c.link_params()))
    return render_template(template, **page.context()), 200 if parsed.ok else 400


@bp.get("/challenge")
@cache_control(PRIVATE)
@rate_limited(PAGES)
def show() -> tuple[str, int]:
    """One challenge and the learner's try: 200, or 400 with a message per field."""
    return _show("challenges/challenge.html", "challenges.show")


@bp.get("/embed/challenge")
@cache_control(PUBLIC)
@rate_limited(PAGES)
@framable
def embed() -> tuple[str, int]:
    """The challenge as a compact widget for other sites' iframes (no cookies)."""
    mark_cacheable()
    return _show("challenges/embed.html", "challenges.embed")


@bp.get("/challenge/new")
@cache_control(PUBLIC)
@rate_limited(PAGES)
def new() -> Response | tuple[str, int]:
    """The teacher's form; its submit redirects (303) to the canonical challenge link."""
    form = parse_teacher_form(request.args.to_dict(flat=False))
    if form.ok:
        url = with_lang(f"{url_for('challenges.show')}?{form.query()}", current().own)
        return redirect(url, code=303)
    html = render_template(
        "challenges/new.html",
        form=form,
        rows=range(1, ROWS + 1),
        row_name=row_name,
        label_choices=LABEL_CHOICES,
        height_units=choices("height_unit"),
        weight_units=choices("weight_unit"),
        page_query=given(form.raw, request.args),
    )
    return html, 400 if form.errors else 200
