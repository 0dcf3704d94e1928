"""Which language a request speaks, worked out once into one value: ``current()``.

``lang`` (one code of the language registry, given once), else the browser's
Accept-Language, else English; a language-neutral view (``@language_neutral``: JSON
for programs) always English. The value holds the registry's entry and whether the URL
named it; it is made active for the request's messages and numbers (webapp.language),
read from the registry with its catalogue, offered to every template as ``page_language``, and
every link, form field and redirect that names ``lang`` is built from it by one of two
rules (docs/translating.md):

- ``shared``: a link given to others (share, embed, preview, oEmbed) names ``lang`` only
  off English, so every English link keeps its exact form;
- ``own``: the site's own links, forms and redirects also name ``lang=en`` when the URL
  asked for English (a browser that prefers German then stays in English page after page).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from flask import Flask, Response, abort, g, request

from webapp.language import DEFAULT_LANGUAGE, LANGUAGES, Language, gettext, translations
from webapp.language.speaking import activate, deactivate
from webapp.web.plumbing.route_facts import F, RouteTable, declare
from webapp.web.templating.per_language import ConstantMessages, template_gettext, template_ngettext

_TOKEN = "neuron_lab_language_token"
API_PATHS = "/api/"  # a request under it that no route matched is answered as the API's


@dataclass(frozen=True)
class PageLanguage:
    """The language a page speaks: the registry's entry, and whether the URL named it."""

    language: Language
    named: bool = False

    @property
    def code(self) -> str:
        return self.language.code

    @property
    def shared(self) -> dict[str, str]:
        """``lang`` for a link given to others: named only off English."""
        return {} if self.code == DEFAULT_LANGUAGE else {"lang": self.code}

    @property
    def own(self) -> dict[str, str]:
        """``lang`` for the site's own links, forms and redirects: also when the URL
        asked for English (a negotiated English page names none)."""
        return {"lang": self.code} if self.named or self.code != DEFAULT_LANGUAGE else {}


def named_in(values: Sequence[str]) -> Language | None:
    """The language a query's ``lang`` values name: one code of the registry, or None."""
    return LANGUAGES.get(values[0]) if len(values) == 1 else None


def with_lang(url: str, lang: Mapping[str, str]) -> str:
    """``url`` with ``lang`` (a rule's answer: ``shared`` or ``own``) last, unless its
    query names a language already."""
    if not lang or "lang=" in url.partition("?")[2]:
        return url
    return f"{url}{'&' if '?' in url else '?'}lang={lang['lang']}"


def language_neutral(view: F) -> F:
    """Declare the view's answers the same in every language (JSON for programs): it is
    answered in English, and its answers do not vary on Accept-Language."""
    return declare(speaks_language=False)(view)


def current() -> PageLanguage:
    """This request's language (worked out before the view runs)."""
    return g.page_language  # type: ignore[no-any-return]


def _choose(given: Sequence[str], neutral: bool) -> PageLanguage:
    """The request's language from its ``lang`` values and its Accept-Language."""
    if neutral or request.path.startswith(API_PATHS):
        return PageLanguage(LANGUAGES[DEFAULT_LANGUAGE], bool(given))
    asked = named_in(given)
    if asked is None:
        code = request.accept_languages.best_match(LANGUAGES, default=DEFAULT_LANGUAGE)
        asked = LANGUAGES[code]
    return PageLanguage(asked, bool(given))


def init_app(app: Flask, routes: RouteTable) -> None:
    """The language worked out first thing in every request (``lang`` checked), made
    active with its catalogue, reset after the request, and offered to the templates."""
    neutral = frozenset(endpoint for endpoint, facts in routes.items() if not facts.speaks_language)

    def work_out_language() -> None:
        given = request.args.getlist("lang")
        g.page_language = _choose(given, request.endpoint in neutral)
        language = current().language
        request.environ[_TOKEN] = activate(language, translations(language))
        if len(given) > 1:
            abort(400, gettext("Language was given more than once: give it once."))
        if given and named_in(given) is None:
            codes = ", ".join(LANGUAGES)
            abort(400, gettext("Language must be one of: %(codes)s.", codes=codes))

    def vary(response: Response) -> Response:
        """A page whose language came from Accept-Language varies on it."""
        if "page_language" in g and not current().named and request.endpoint not in neutral:
            response.vary.add("Accept-Language")
        return response

    _install_gettext(app)
    app.before_request(work_out_language)
    app.teardown_request(_reset)
    app.after_request(vary)
    app.context_processor(_template_context)


def _reset(_error: BaseException | None) -> None:
    token = request.environ.pop(_TOKEN, None)
    if token is not None:
        deactivate(token)


def _template_context() -> dict[str, object]:
    if "page_language" not in g:
        return {}
    return {"language": current().language, "page_language": current()}


def _install_gettext(app: Flask) -> None:
    """Newstyle gettext ({% trans %} passes its values to gettext, which escapes them),
    with the page's own plain functions over the catalogue made active for this
    request, and constant messages translated when a template is compiled for a
    language (webapp/web/templating/per_language.py)."""
    app.jinja_env.add_extension("jinja2.ext.i18n")  # {% trans %}
    app.jinja_env.newstyle_gettext = True  # type: ignore[attr-defined]
    app.jinja_env.globals.update(
        _=template_gettext, gettext=template_gettext, ngettext=template_ngettext
    )
    app.jinja_env.add_extension(ConstantMessages)
    # {% trans %} blocks read as one line whatever their indentation (as babel.cfg says).
    app.jinja_env.policies["ext.i18n.trimmed"] = True
