"""The lesson's page model: everything the lesson and widget templates print, built
by the view from one parsed request (templates call no geometry and read no session)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from webapp.language import gettext
from webapp.lesson.params import ParsedLesson
from webapp.lesson.result import Lesson
from webapp.pictures import LuckChart, Pictures, pictures, preview_card
from webapp.practice.answers import ParsedAnswers
from webapp.practice.check import Attempt
from webapp.practice.problems import LEVEL_TITLES
from webapp.practice.progress import LevelProgress
from webapp.web.lesson.embed_builder import EmbedBuilder, embed_builder, host_script_url
from webapp.web.lesson.links import lesson_url, share_url
from webapp.widget.options import DEFAULT_HEIGHT, DEFAULT_WIDTH, BuilderChoices, snippet


@dataclass(frozen=True)
class PredictView:
    """Predict mode's part of a page: the questions, their verdicts, where they go."""

    attempt: Attempt
    answers: ParsedAnswers
    action: str  # the endpoint the answers' form is sent to
    hidden: dict[str, str]  # the lesson's parameters, mode, practice and ask
    problem_url: str  # this problem's link, without answers
    show_url: str  # the same lesson with every step worked (mode=show)
    progress: LevelProgress | None = None  # the level's progress after this check
    next_url: str | None = None  # a new problem at this level
    dropped_now: int = 0  # history entries that gave way for the progress

    @property
    def level_title(self) -> str | None:
        level = self.attempt.level
        if level is None:
            return None
        return gettext(
            "Practice level %(level)s: %(title)s", level=level, title=LEVEL_TITLES[level]
        )


def predict_view(
    lesson: Lesson,
    answers: ParsedAnswers,
    attempt: Attempt,
    *,
    endpoint: str = "pages.index",
    **extra: str,
) -> PredictView:
    """The predict part of a page for a lesson and its parsed answers (``extra``: the
    widget's own options, after the problem's parameters)."""
    problem = {"mode": "predict"}
    if answers.level is not None:
        problem["practice"] = str(answers.level)
    if answers.asked_explicitly:
        problem["ask"] = "-".join(answers.ask)
    return PredictView(
        attempt=attempt,
        answers=answers,
        action=endpoint,
        hidden={**lesson.raw, **problem, **extra},
        problem_url=lesson_url(endpoint, lesson.raw, **problem, **extra),
        show_url=lesson_url(endpoint, lesson.raw, external=False, **extra),
    )


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
    predict: PredictView | None = None

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
    width: int = DEFAULT_WIDTH,
    height: int = DEFAULT_HEIGHT,
    max_height: int | None = None,
    **extra: str,
) -> str:
    """The embed snippet for exactly this result (plain text: the template escapes it)."""
    return snippet(
        src=lesson_url("embed.index", lesson.raw, **extra),
        title=f"Neuron Lab: {lesson.summary}",
        host_script=host_script_url(),
        width=width,
        height=height,
        max_height=max_height,
    )


def lesson_page(
    form: ParsedLesson,
    lesson: Lesson | None,
    *,
    widget: bool = False,
    embed: BuilderChoices | None = None,
) -> LessonPage:
    """The page model for a parsed request and, when it was valid, its lesson.

    ``embed``: the embed builder's choices (options and width; default: none made).
    The widget shows no luck chart, link preview or embed builder, so it skips them.
    """
    if lesson is None:
        return LessonPage(form)
    drawn = pictures(lesson)  # each picture is drawn when the template first reads it
    common = LessonPage(
        form=form,
        lesson=lesson,
        is_example=not form.given,
        share_url=share_url(lesson.raw),
        pictures=drawn,
    )
    if widget:
        return common
    choices = embed or BuilderChoices()
    builder = embed_builder(lesson, common.is_example, choices.options, choices.width)
    return replace(
        common,
        preview_url=lesson_url("preview.image", lesson.raw),
        embed_code=builder.code,
        builder=builder,
        luck=drawn.luck,
    )
