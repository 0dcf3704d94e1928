"""The embed builder on result pages: the chosen parts and options → the widget URL, its
embed code, its oEmbed URL and a preview of exactly that widget.

Without JavaScript it is a GET form that re-renders the lesson page with the choices
(``embed_*`` fields, webapp/widget/options.py ``builder_options``); with it,
static/js/embed-builder.js rebuilds the same three outputs as the choices change,
from the same registry (``height_table``) and in the same order.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import quote

from flask import url_for

from webapp.language import gettext
from webapp.lesson.result import Lesson
from webapp.web.languages.request_language import PageLanguage
from webapp.web.lesson.links import lesson_url
from webapp.widget.options import (
    BUILDER_WIDTHS,
    DEFAULT_WIDTH,
    THEMES,
    BuilderChoices,
    WidgetOptions,
    snippet,
)
from webapp.widget.parts import PARTS, estimated_height, height_table


@dataclass(frozen=True)
class PartChoice:
    name: str
    label: str
    chosen: bool


@dataclass(frozen=True)
class EmbedBuilder:
    """Everything the builder's template prints."""

    options: WidgetOptions
    width: int
    height: int  # the widget's estimated height at that width (no scrollbar without the script)
    widget_url: str
    code: str  # the iframe and the host script
    oembed_url: str
    parts: tuple[PartChoice, ...]
    widths: tuple[int, ...]
    themes: tuple[str, ...]
    lesson_fields: tuple[tuple[str, str], ...]  # hidden: the lesson the page shows
    widget_base: str  # the widget URL with the lesson's parameters only (for the script)
    lang: str  # the ``lang`` the script adds last ("" on an English page)
    oembed_base: str
    host_script: str
    title: str


def host_script_url() -> str:
    # unversioned: a pasted snippet should not change with each deployment
    return url_for("static", filename="js/embed-host.js", v=None, _external=True)


def oembed_base() -> str:
    """The oEmbed endpoint's URL up to the widget URL it is asked about."""
    return f"{url_for('embed.oembed', _external=True)}?url="


def oembed_url(base: str, widget_url: str, width: int) -> str:
    """The oEmbed URL that answers with this widget's code (percent-encoded as the
    script's encodeURIComponent does); ``base``: ``oembed_base()``."""
    url = f"{base}{quote(widget_url, safe='')}&format=json"
    return url if width == DEFAULT_WIDTH else f"{url}&maxwidth={width}"


def embed_builder(
    lesson: Lesson, is_example: bool, choices: BuilderChoices, language: PageLanguage
) -> EmbedBuilder:
    """The builder for one lesson and the choices the page was asked for."""
    options, width = choices.options, choices.width
    # A German page's widget speaks German: lesson_url names ``lang`` last.
    widget_url = lesson_url("embed.index", lesson.raw, language.shared, **options.extra())
    height = estimated_height(options.shown_parts, width)
    title = gettext("Neuron Lab: %(summary)s", summary=lesson.summary)
    host_script, base = host_script_url(), oembed_base()  # url_for once each
    return EmbedBuilder(
        options=options,
        width=width,
        height=height,
        widget_url=widget_url,
        code=snippet(widget_url, title, host_script, width, height),
        oembed_url=oembed_url(base, widget_url, width),
        parts=tuple(
            PartChoice(p.name, str(p.label), p.name in options.parts) for p in PARTS.values()
        ),
        widths=BUILDER_WIDTHS,
        themes=THEMES,
        lesson_fields=() if is_example else tuple(lesson.raw.items()),
        widget_base=lesson_url("embed.index", lesson.raw, {}),  # the script adds the rest
        lang=language.shared.get("lang", ""),
        oembed_base=base,
        host_script=host_script,
        title=title,
    )


def script_fills() -> dict[str, dict[str, str]]:
    """The height table, written into the builder's script when it is loaded
    (webapp/web/plumbing/static_files.py), not into every result page."""
    heights = json.dumps(height_table(), separators=(",", ":"))
    return {"js/embed-builder.js": {"/*HEIGHTS*/null": heights}}
