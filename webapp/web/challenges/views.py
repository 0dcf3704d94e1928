"""The challenges: the built-in ladder (/challenges), one challenge (/challenge), the
teacher's form (/challenge/new) and the framable widget (/embed/challenge).

Views only parse (webapp/challenges/model.py, teacher_form.py), call the domain and
render. Every link is validated on every read: a bad one is a 400 with a message next
to its field, never a 500. The widget, like /embed, never opens the session.
"""

from __future__ import annotations

from flask import Blueprint, Flask, Request, Response, redirect, render_template, request, url_for
from flask.blueprints import BlueprintSetupState
from flask.sessions import SessionMixin

from webapp.challenges import solved
from webapp.challenges.builtins import LADDER
from webapp.challenges.model import encode, parse_challenge
from webapp.challenges.separability import separable
from webapp.challenges.solved import Solved
from webapp.challenges.teacher_form import LABEL_CHOICES, ROWS, parse_teacher_form, row_name
from webapp.lesson.params import choices
from webapp.web.caches.response_cache import mark_cacheable
from webapp.web.challenges.page import challenge_page
from webapp.web.cookies import records_cookie
from webapp.web.embed.views import CookielessWidgetSessions
from webapp.web.languages.request_language import page_lang, with_lang
from webapp.web.plumbing.security import allow_framing

bp = Blueprint("challenges", __name__)

WIDGET_PATHS = ("/embed/challenge",)


def solved_here() -> Solved:
    """The challenges this browser has solved (its records cookie)."""
    return solved.decode(records_cookie.read().challenges)


def record_solved(name_or_link: str) -> None:
    """Record a solved challenge (a built-in's name, or a teacher's link's query) in this
    browser's records cookie, beside its history and practice progress."""
    current = records_cookie.read()
    after = solved_here().add(name_or_link).encode()
    if after != current.challenges:
        updated, _ = current.with_small(records_cookie.text_budget(), challenges=after)
        records_cookie.write(updated)


class _CookielessChallengeWidget(CookielessWidgetSessions):
    """The app's session interface, except that the challenge widget gets no session."""

    def open_session(self, app: Flask, request: Request) -> SessionMixin | None:
        if request.path in WIDGET_PATHS:
            return None
        return self.inner.open_session(app, request)


@bp.record_once
def _install_cookieless_sessions(state: BlueprintSetupState) -> None:
    state.app.session_interface = _CookielessChallengeWidget(state.app.session_interface)


def ladder_urls() -> dict[str, str]:
    """Each built-in's page (English links: the API names them too)."""
    return {b.name: url_for("challenges.show", name=b.name, _external=True) for b in LADDER}


@bp.get("/challenges")
def index() -> str:
    """The built-ins, easiest first, each with its teacher's note."""
    mark_cacheable()
    rows = [(b, separable(b.challenge)) for b in LADDER]
    urls = {name: with_lang(url) for name, url in ladder_urls().items()}
    return render_template(
        "challenges/index.html", ladder=rows, urls=urls, solved=solved_here(), lang=page_lang()
    )


def _show(template: str, endpoint: str) -> tuple[str, int]:
    parsed = parse_challenge(request.args.to_dict(flat=False))
    page = challenge_page(parsed, endpoint)
    if page.attempt is not None and page.attempt.solved and endpoint == "challenges.show":
        c = page.attempt.challenge
        record_solved(c.name or encode(c.link_params()))
    return render_template(template, **page.context()), 200 if parsed.ok else 400


@bp.get("/challenge")
def show() -> tuple[str, int]:
    """One challenge and the learner's try: 200, or 400 with a message per field."""
    return _show("challenges/challenge.html", "challenges.show")


@bp.get("/embed/challenge")
@allow_framing
def embed() -> tuple[str, int]:
    """The challenge as a compact widget for other sites' iframes (no cookies)."""
    mark_cacheable()
    return _show("challenges/embed.html", "challenges.embed")


@bp.get("/challenge/new")
def new() -> Response | tuple[str, int]:
    """The teacher's form; its submit redirects (303) to the canonical challenge link."""
    form = parse_teacher_form(request.args.to_dict(flat=False))
    if form.ok:
        return redirect(with_lang(url_for("challenges.show") + "?" + form.query()), code=303)
    html = render_template(
        "challenges/new.html",
        form=form,
        rows=range(1, ROWS + 1),
        row_name=row_name,
        label_choices=LABEL_CHOICES,
        height_units=choices("height_unit"),
        weight_units=choices("weight_unit"),
        lang=page_lang(),
    )
    return html, 400 if form.errors else 200
