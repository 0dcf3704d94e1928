"""Predict mode's part of a page, set up in one place for the lesson page and the widget:
the learner's answers parsed against this lesson's steps, checked, and where they go."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from webapp.language import gettext
from webapp.lesson.result import Lesson
from webapp.practice.answers import PREFIX, ParsedAnswers, parse_answers
from webapp.practice.check import Attempt, attempt, default_ask
from webapp.practice.problems import LEVEL_TITLES
from webapp.practice.progress import LevelProgress
from webapp.practice.steps import all_steps
from webapp.web.languages.switcher import Query
from webapp.web.lesson.links import lesson_url


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


def predict_part(
    lesson: Lesson,
    args: Mapping[str, Sequence[str]],
    lang: Mapping[str, str],
    /,
    *,
    endpoint: str = "pages.index",
    **extra: str,
) -> PredictView:
    """The predict part of a page for a lesson and the request's query: its answers
    parsed and checked. ``lang``: the links' (shared rule); ``extra``: the widget's own
    options, after the problem's parameters."""
    answers = parse_answers(args, all_steps(lesson), default_ask(lesson))
    problem = {"mode": "predict"}
    if answers.level is not None:
        problem["practice"] = str(answers.level)
    if answers.asked_explicitly:
        problem["ask"] = "-".join(answers.ask)
    return PredictView(
        attempt=attempt(lesson, answers),
        answers=answers,
        action=endpoint,
        hidden={**lesson.raw, **problem, **extra},
        problem_url=lesson_url(endpoint, lesson.raw, lang, **problem, **extra),
        show_url=lesson_url(endpoint, lesson.raw, lang, external=False, **extra),
    )


def answers_query(answers: ParsedAnswers, args: Mapping[str, object]) -> Query:
    """Predict mode's parsed parameters that the URL gave, for the page's links in other
    languages: the level, the steps asked, the answers as typed, the steps given up."""
    pairs: list[tuple[str, str]] = []
    if answers.level is not None:
        pairs.append(("practice", str(answers.level)))
    if answers.asked_explicitly:
        pairs.append(("ask", "-".join(answers.ask)))
    pairs += [(PREFIX + name, text) for name, text in answers.raw.items() if PREFIX + name in args]
    pairs += [("give_up", name) for name in answers.ask if name in answers.gave_up]
    return tuple(pairs)
