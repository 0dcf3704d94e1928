"""The challenge page's model: everything its templates print, built by the view from
one parsed request (templates compute nothing)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from flask import url_for

from webapp.challenges.builtins import BUILTINS, LADDER, translated_title
from webapp.challenges.hints import Hint, hint, no_line_reason
from webapp.challenges.link import ParsedChallenge
from webapp.challenges.model import Challenge
from webapp.challenges.separability import separable
from webapp.challenges.verdict import Attempt, attempt
from webapp.language import gettext
from webapp.lesson.numbers import dot_exact
from webapp.lesson.params import LESSON_DEFAULTS, choices
from webapp.pictures.challenge_plane import ChallengePlot, challenge_plane
from webapp.web.languages.request_language import PageLanguage, with_lang
from webapp.web.languages.switcher import Query, given
from webapp.web.lesson.embed_builder import host_script_url
from webapp.web.lesson.links import lesson_url
from webapp.widget.options import DEFAULT_HEIGHT, DEFAULT_WIDTH, snippet


@dataclass(frozen=True)
class LearnerForm:
    """What the lesson's form macros read: the learner's w1, w2, b and activation."""

    raw: dict[str, str]
    errors: dict[str, str]
    locked: dict[str, str]  # name → the value the link fixes (shown, not editable)

    @property
    def first_error(self) -> str | None:
        return next((n for n in ("w1", "w2", "b", "activation") if n in self.errors), None)

    def options(self, name: str) -> dict[str, str]:
        return choices(name)


@dataclass(frozen=True)
class ChallengePage:
    parsed: ParsedChallenge
    form: LearnerForm
    hidden: dict[str, str]  # the challenge's own parameters, carried by the form
    attempt: Attempt | None = None
    plot: ChallengePlot | None = None
    hint: Hint | None = None
    separable: bool = True
    no_line: str | None = None  # why no line works (shown once the learner asks)
    note: str | None = None  # a built-in's teacher's note
    share_url: str | None = None
    lesson_url: str | None = None
    hint_url: str | None = None
    embed_code: str | None = None
    full_url: str | None = None
    page_query: Query = ()  # its parameters, for the switcher and hreflang

    @property
    def title(self) -> str:
        c = self.parsed.challenge
        if c is None:
            name = gettext("Fix the challenge link")
        else:
            name = translated_title(c) or gettext("Your challenge")
        if self.attempt is None:
            return gettext("%(name)s — Neuron Lab", name=name)
        if self.attempt.solved:
            return gettext("%(name)s: solved — Neuron Lab", name=name)
        return gettext(
            "%(name)s: %(right)s of %(total)s right — Neuron Lab",
            name=name,
            right=self.attempt.right,
            total=self.attempt.total,
        )

    @property
    def heading(self) -> str:
        """The page's h1: the challenge's title, or what every challenge asks."""
        c = self.parsed.challenge
        return (translated_title(c) if c else "") or gettext("Find the weights")

    def context(self) -> dict[str, Any]:
        return {**vars(self), "title": self.title, "heading": self.heading, "page": self}


def challenge_query(parsed: ParsedChallenge, args: Mapping[str, object]) -> Query:
    """The challenge's parsed parameters the URL gave (and a hint asked for), for the
    page's links in other languages."""
    query = given({**parsed.raw, **parsed.learner_raw}, args)
    return (*query, ("hint", "1")) if parsed.hint else query


def challenge_url(endpoint: str, link: str, lang: Mapping[str, str]) -> str:
    """A challenge's page or widget, absolute, for its canonical link (``parsed.link()``)."""
    return with_lang(f"{url_for(endpoint, _external=True)}?{link}", lang)


def challenge_title(challenge: Challenge) -> str:
    """The embed code's title (and oEmbed's), in the page's language."""
    return gettext(
        "Neuron Lab challenge: %(title)s",
        title=translated_title(challenge) or gettext("find the weights"),
    )


def challenge_snippet(
    parsed: ParsedChallenge,
    lang: Mapping[str, str],
    width: int = DEFAULT_WIDTH,
    height: int = DEFAULT_HEIGHT,
    max_height: int | None = None,
) -> str:
    """The embed code of a valid challenge's widget (the page's and oEmbed's)."""
    assert parsed.challenge is not None
    src = challenge_url("challenges.embed", parsed.link(), lang)
    title = challenge_title(parsed.challenge)
    return snippet(src, title, host_script_url(), width, height, max_height)


def _lesson_link(a: Attempt, lang: Mapping[str, str]) -> str:
    """The lesson with these weights, for the first person of the challenge."""
    p = a.challenge.people[0]
    query = {
        "height": p.height,
        "height_unit": p.height_unit,
        "weight": p.weight,
        "weight_unit": p.weight_unit,
        **_weights_text(a),
    }
    return lesson_url("pages.index", {**LESSON_DEFAULTS, **query}, lang)


def _weights_text(a: Attempt) -> dict[str, str]:
    return {
        "w1": dot_exact(a.w1),
        "w2": dot_exact(a.w2),
        "b": dot_exact(a.b),
        "activation": a.activation.name,
    }


def _plot(a: Attempt) -> ChallengePlot:
    first = a.challenge.people[0]
    return challenge_plane(
        [(r.person.height_ft, r.person.weight_kg, r.person.label, r.right) for r in a.rows],
        a.w1,
        a.w2,
        a.b,
        a.activation,
        first.height_unit,
        first.weight_unit,
    )


def challenge_page(
    parsed: ParsedChallenge,
    language: PageLanguage,
    endpoint: str = "challenges.show",
    query: Query = (),
) -> ChallengePage:
    """The page model for a parsed request (valid or not); ``query``: its own parameters
    (``challenge_query``)."""
    c = parsed.challenge
    learner_errors = {
        k: v for k, v in parsed.errors.items() if k in ("w1", "w2", "b", "activation")
    }
    form = LearnerForm(parsed.learner_raw, learner_errors, dict(c.locked) if c else {})
    # The form carries the challenge and, on a German or Spanish page, the language.
    hidden = {**(c.link_params() if c else {}), **language.own}
    if c is None or not parsed.ok:
        return ChallengePage(parsed, form, hidden, page_query=query)
    a = attempt(c, *parsed.effective())
    can = separable(c, a.activation)
    share = challenge_url("challenges.show", parsed.link(), language.shared)
    return ChallengePage(
        parsed=parsed,
        form=form,
        hidden=hidden,
        attempt=a,
        plot=_plot(a),
        hint=hint(a) if parsed.hint else None,
        separable=can,
        no_line=no_line_reason(c) if parsed.hint and not can else None,
        note=BUILTINS[c.name].translated_note if c.name else None,
        share_url=share,
        lesson_url=_lesson_link(a, language.shared),
        hint_url=with_lang(f"{url_for(endpoint)}?{parsed.link()}&hint=1", language.own),
        embed_code=challenge_snippet(parsed, language.shared),
        full_url=share,
        page_query=query,
    )


def ladder_urls() -> dict[str, str]:
    """Each built-in's page (English links: the API names them too)."""
    return {b.name: url_for("challenges.show", name=b.name, _external=True) for b in LADDER}
