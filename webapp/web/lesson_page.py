"""The lesson's page model: everything the lesson and widget templates print, built
by the view from one parsed request (templates call no geometry and read no session)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from webapp.api import oembed
from webapp.lesson.params import ParsedLesson
from webapp.lesson.result import Lesson
from webapp.pictures import LuckChart, Pictures, pictures, preview_card
from webapp.web.embed_builder import EmbedBuilder, embed_builder, host_script_url
from webapp.web.links import lesson_url, share_url


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

    @property
    def title(self) -> str | None:
        """The page's own title, or None for the site's (the worked example)."""
        if self.lesson is not None and not self.is_example:
            return f"{self.lesson.summary} — Neuron Lab"
        return "Fix the form — Neuron Lab" if self.form.errors else None

    def context(self) -> dict[str, Any]:
        """The template variables: the model's fields, by name, and its title."""
        return {**vars(self), "title": self.title}


def embed_code(
    lesson: Lesson,
    width: int = oembed.DEFAULT_WIDTH,
    height: int = oembed.DEFAULT_HEIGHT,
    max_height: int | None = None,
    **extra: str,
) -> str:
    """The embed snippet for exactly this result (plain text: the template escapes it)."""
    return oembed.snippet(
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
    embed: tuple[oembed.WidgetOptions, int] | None = None,
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
    options, width = embed or (oembed.WidgetOptions(), oembed.DEFAULT_WIDTH)
    builder = embed_builder(lesson, common.is_example, options, width)
    return replace(
        common,
        preview_url=lesson_url("preview.image", lesson.raw),
        embed_code=builder.code,
        builder=builder,
        luck=drawn.luck,
    )
