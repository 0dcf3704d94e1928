"""This page in every language of the registry: the switcher's links and the hreflang
alternates, built from the page's path and its parsed parameters, never its raw query.

A view hands its template ``page_query``: the parameters its parser read, as the parser
normalised them (trimmed, capped, a decimal comma made the dot every language reads), of
those the URL gave, in the parser's order (``given``). So a parameter no parser knows
(``zz=POISON``) never reaches a link, and the links are the same for every URL that
means the same page.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import quote_plus, urlencode

from flask import Flask, g, request, url_for

from webapp.language import LANGUAGES, Language
from webapp.lesson.params import to_dot_form
from webapp.web.languages.request_language import current

Query = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class LanguageLink:
    """This page in one language: for the switcher (``href``) and hreflang (``absolute``)."""

    language: Language
    href: str
    absolute: str
    current: bool


def given(parsed: Mapping[str, str], args: Iterable[str]) -> Query:
    """The parsed values of the parameters the URL gave (``args``: its names), in the
    parser's order."""
    names = set(args)
    return tuple((name, value) for name, value in parsed.items() if name in names)


def _this_path() -> str:
    """This page's path, rebuilt from its route (a request for //evil.example/ or
    /<script> is never echoed into a link); a page no route matched (a 404) links to
    the lesson instead."""
    if request.url_rule is None or request.endpoint is None:
        return url_for("pages.index")
    return url_for(request.endpoint, **(request.view_args or {}))


def _path_and_query(query: Query) -> tuple[str, str]:
    """This page's path and its query, encoded once per request and query (the links
    and the x-default all start from them; urlencode is the costly part). A decimal
    comma typed on a German page goes across as the dot every language reads."""
    made: dict[Query, tuple[str, str]] = g.setdefault("language_paths", {})
    if query not in made:
        made[query] = (_this_path(), urlencode([(name, to_dot_form(v)) for name, v in query]))
    return made[query]


def language_links(query: Query = ()) -> list[LanguageLink]:
    """This page in each language: its query kept (a result stays), ``lang`` last."""
    path, encoded = _path_and_query(tuple(query))
    origin = request.host_url.rstrip("/")
    speaking = current().language
    links = []
    for code, language in LANGUAGES.items():
        lang = f"lang={quote_plus(code)}"  # as urlencode([*query, ("lang", code)]) ends
        href = f"{path}?{encoded}&{lang}" if encoded else f"{path}?{lang}"
        links.append(LanguageLink(language, href, origin + href, language == speaking))
    return links


def default_url(query: Query = ()) -> str:
    """This page with no ``lang``: the x-default alternate, negotiated by the browser."""
    path, encoded = _path_and_query(tuple(query))
    url = request.host_url.rstrip("/") + path
    return f"{url}?{encoded}" if encoded else url


def init_app(app: Flask) -> None:
    """The switcher's functions for every template, and an empty ``page_query`` for the
    pages that have no parameters (a view's own ``page_query`` wins)."""
    app.jinja_env.globals.update(language_links=language_links, default_url=default_url)
    app.context_processor(lambda: {"page_query": ()})
