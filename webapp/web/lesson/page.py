"""The lesson's page model: everything the lesson and widget templates print, built
by the view from one parsed request (templates call no geometry and read no session)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from webapp.language import gettext
from webapp.lesson.luck import LuckVerdict, luck_verdict
from webapp.lesson.params import ParsedLesson, query_string
from webapp.lesson.result import Lesson
from webapp.pictures import LuckChart, Pictures, pictures, preview_card
from webapp.web.languages.request_language import PageLanguage
from webapp.web.languages.switcher import Query, given
from webapp.web.lesson.embed_builder import EmbedBuilder, embed_builder, host_script_url
from webapp.web.lesson.links import lesson_url, share_url
from webapp.web.lesson.predict import PredictView
from webapp.widget.options import DEFAULT_HEIGHT, DEFAULT_WIDTH, BuilderChoices, snippet


@dataclass(frozen=True)
class PageKey:
    """What a lesson page's head and main part are made of, so what the page cache keys
    them on: nothing else may change their bytes (the recent-results panel, the switcher
    and anything per browser are rendered around them)."""

    root: str  # the site's root as the request named it: every absolute link starts so
    query: str  # the lesson's canonical link: every parameter, in contract order
    example: bool  # the worked example (no parameter given), not a learner's result
    language: PageLanguage  # its words and numbers, and which of its links name lang
    builder: tuple[object, ...]  # the embed builder's choices

    @classmethod
    def of(
        cls, parsed: ParsedLesson, choices: BuilderChoices, language: PageLanguage, root: str
    ) -> PageKey:
        """The key of the page ``lesson_page`` builds from the same request."""
        return cls(root, query_string(parsed.raw), not parsed.given, language, choices.key)


def lesson_query(parsed: ParsedLesson, args: Mapping[str, object]) -> Query:
    """The lesson's parsed parameters the URL gave, and its mode, for the page's links
    in other languages (a mode the parser refused is left behind)."""
    mode = {} if "mode" in parsed.errors else {"mode": parsed.mode}
    return given({**parsed.raw, **mode}, args)


@dataclass(frozen=True)
class LessonPage:
    """One lesson page (or widget): the form and, for valid input, the whole result."""

    form: ParsedLesson
    lesson: Lesson | None = None
    is_example: bool = False
    share_url: str | None = None
    preview_url: str | None = None
    preview_size: tuple[int, int] = preview_card.SIZE
    embed_code: str | None = None
    builder: EmbedBuilder | None = None
    pictures: Pictures | None = None
    luck: LuckChart | None = None
    verdict: LuckVerdict | None = None  # right or wrong, and whether that is luck
    predict: PredictView | None = None
    page_query: Query = ()  # its parameters, for the switcher and hreflang

    @property
    def revealed(self) -> bool:
        """Whether the whole lesson is shown (always, unless predict mode is still asking)."""
        return self.predict is None or self.predict.attempt.revealed

    @property
    def title(self) -> str | None:
        """The page's own title, or None for the site's (the worked example)."""
        if self.lesson is not None and self.predict is not None:
            return gettext("Predict: %(person)s — Neuron Lab", person=self.lesson.person)
        if self.lesson is not None and not self.is_example:
            return f"{self.lesson.summary} — Neuron Lab"
        return gettext("Fix the form — Neuron Lab") if self.form.errors else None

    def context(self) -> dict[str, Any]:
        """The template variables: the model's fields, by name, and its title."""
        return {**vars(self), "title": self.title, "revealed": self.revealed}


def embed_code(
    lesson: Lesson,
    lang: Mapping[str, str],
    width: int = DEFAULT_WIDTH,
    height: int = DEFAULT_HEIGHT,
    max_height: int | None = None,
    /,
    **extra: str,
) -> str:
    """The embed snippet for exactly this result (plain text: the template escapes it)."""
    return snippet(
        src=lesson_url("embed.index", lesson.raw, lang, **extra),
        title=f"Neuron Lab: {lesson.summary}",
        host_script=host_script_url(),
        width=width,
        height=height,
        max_height=max_height,
    )


def lesson_page(
    form: ParsedLesson,
    lesson: Lesson | None,
    language: PageLanguage,
    *,
    widget: bool = False,
    choices: BuilderChoices | None = None,
    query: Query = (),
) -> LessonPage:
    """The page model for a parsed request and, when it was valid, its lesson.

    ``choices``: the embed builder's (default: none made); ``query``: the page's own
    parameters (``lesson_query``). The widget shows no luck chart, link preview or embed
    builder, so it skips them.
    """
    if lesson is None:
        return LessonPage(form, page_query=query)
    drawn = pictures(lesson)  # each picture is drawn when the template first reads it
    common = LessonPage(
        form=form,
        lesson=lesson,
        is_example=not form.given,
        share_url=share_url(lesson.raw, language.shared),
        pictures=drawn,
        verdict=luck_verdict(lesson),
        page_query=query,
    )
    if widget:
        return common
    choices = choices or BuilderChoices()
    builder = embed_builder(lesson, common.is_example, choices, language)
    return replace(
        common,
        preview_url=lesson_url("preview.image", lesson.raw, language.shared),
        embed_code=builder.code,
        builder=builder,
        luck=drawn.luck,
    )
