"""Which language a page speaks: ``lang``, else the browser's Accept-Language, else
English (Flask-Babel's locale selector), made active for the request's messages and
numbers (webapp.language), and offered to every template with a switcher and the
hreflang alternates. The API and its JSON stay language-neutral.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote_plus, urlencode

from flask import Flask, Response, abort, current_app, g, request, url_for
from flask_babel import Babel, get_translations
from markupsafe import Markup

from webapp.language import CATALOGUES, DEFAULT_LANGUAGE, LANGUAGES, Language, active, gettext
from webapp.language.speaking import activate, deactivate
from webapp.lesson.params import MAX_RAW_LENGTH, dotted
from webapp.web.lesson.links import add_lang
from webapp.web.plumbing.route_facts import F, RouteTable, declare
from webapp.web.templating.per_language import ConstantMessages, template_gettext, template_ngettext

_TOKEN = "neuron_lab_language_token"
_NEUTRAL = "neuron_lab_language_neutral"


def language_neutral(view: F) -> F:
    """Declare the view's answers the same in every language (JSON for programs): it is
    answered in English, and its answers do not vary on Accept-Language."""
    return declare(speaks_language=False)(view)


def _neutral() -> bool:
    """Whether this request's view declared itself language-neutral."""
    return request.endpoint in current_app.extensions[_NEUTRAL]


def _chosen() -> str:
    """The language code for this request (``lang`` was checked in ``_activate``)."""
    if _neutral() or request.path.startswith("/api/"):
        return DEFAULT_LANGUAGE
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        return asked
    return request.accept_languages.best_match(LANGUAGES, default=DEFAULT_LANGUAGE)


def _activate() -> None:
    """Check ``lang`` (one of the languages, given once) and make the chosen one active."""
    given = request.args.getlist("lang")
    token = activate(LANGUAGES[_chosen()], get_translations())
    request.environ[_TOKEN] = token
    if len(given) > 1:
        abort(400, gettext("Language was given more than once: give it once."))
    if given and given[0] not in LANGUAGES:
        abort(400, gettext("Language must be one of: %(codes)s.", codes=", ".join(LANGUAGES)))


def _deactivate(_error: BaseException | None) -> None:
    token = request.environ.pop(_TOKEN, None)
    if token is not None:
        deactivate(token)


def _vary(response: Response) -> Response:
    """A page whose language came from Accept-Language varies on it."""
    if "lang" not in request.args and not _neutral():
        response.vary.add("Accept-Language")
    return response


@dataclass(frozen=True)
class LanguageLink:
    """This page in one language: for the switcher (``href``) and hreflang (``absolute``)."""

    language: Language
    href: str
    absolute: str
    current: bool


# The query a switcher link keeps: never a huge or endless one echoed back (a hostile
# link's 10,000-character value stays out of the page, as the form's field caps it).
MAX_KEPT_PARAMETERS = 40


def _kept() -> list[tuple[str, str]]:
    """The page's query without ``lang``; a decimal comma typed on a German page goes
    across as the dot every language reads."""
    kept = [
        (name, dotted(value))
        for name, value in request.args.items(multi=True)
        if name != "lang" and len(name) <= MAX_RAW_LENGTH and len(value) <= MAX_RAW_LENGTH
    ]
    return kept[:MAX_KEPT_PARAMETERS]


def _this_path() -> str:
    """This page's path, rebuilt from its route (a request for //evil.example/ or
    /<script> is never echoed into a link); a page no route matched (a 404) links to
    the lesson instead."""
    if request.url_rule is None or request.endpoint is None:
        return url_for("pages.index")
    return url_for(request.endpoint, **(request.view_args or {}))


def switcher() -> list[LanguageLink]:
    """This page in each language: its query kept (a result stays), ``lang`` replaced
    (made once per request: the head, the header and og:locale all read it)."""
    if "language_links" not in g:
        g.language_links = _switcher()
    return g.language_links  # type: ignore[no-any-return]


def _path_and_query() -> tuple[str, str]:
    """This page's path and its kept query, encoded once per request (the switcher's
    links and the x-default all start from them; urlencode is the costly part)."""
    if "kept_path_query" not in g:
        g.kept_path_query = (_this_path(), urlencode(_kept()))
    return g.kept_path_query  # type: ignore[no-any-return]


def _switcher() -> list[LanguageLink]:
    path, query = _path_and_query()
    origin = request.host_url.rstrip("/")
    links = []
    for code, language in LANGUAGES.items():
        lang = f"lang={quote_plus(code)}"  # as urlencode([*kept, ("lang", code)]) ends
        href = f"{path}?{query}&{lang}" if query else f"{path}?{lang}"
        links.append(LanguageLink(language, href, origin + href, language == active()))
    return links


def default_url() -> str:
    """This page with no ``lang``: the x-default alternate, negotiated by the browser."""
    path, query = _path_and_query()
    url = request.host_url.rstrip("/") + path
    return f"{url}?{query}" if query else url


def page_lang() -> dict[str, str]:
    """``lang`` for this site's own links, forms and redirects: named when the page is
    not in English, or is English because ``lang=en`` asked for it (a browser that
    prefers German then stays in English page after page). A negotiated English page
    names none, so its links keep their exact form."""
    code = active().code
    return {"lang": code} if code != DEFAULT_LANGUAGE or "lang" in request.args else {}


def language_field() -> Markup:
    """A GET form's hidden ``lang`` (a form drops its action's query), when it has one."""
    lang = page_lang()
    return Markup(f'<input type="hidden" name="lang" value="{lang["lang"]}">' if lang else "")


def with_lang(url: str) -> str:
    """``url`` (a link, a POST form's action, a redirect) in this page's language."""
    return add_lang(url, page_lang())


def _keep_lang_on_redirect(response: Response) -> Response:
    """A redirect after a form (303 to the history, to a result) stays in the language
    the request named."""
    location = response.headers.get("Location", "")
    local = location.startswith("/") and not location.startswith("//")
    if 300 <= response.status_code < 400 and local:
        response.headers["Location"] = with_lang(location)
    return response


def _template_context() -> dict[str, object]:
    return {
        "language": active(),
        "language_links": switcher,
        "default_url": default_url,
        "language_field": language_field,
        "with_lang": with_lang,
        "page_lang": page_lang(),
    }


def init_app(app: Flask, routes: RouteTable) -> None:
    app.extensions[_NEUTRAL] = frozenset(
        endpoint for endpoint, facts in routes.items() if not facts.speaks_language
    )
    Babel(
        app,
        locale_selector=_chosen,
        default_domain="messages",
        default_translation_directories=CATALOGUES,
    )
    # Newstyle gettext ({% trans %} passes its values to gettext, which escapes them),
    # with the page's own plain functions over the catalogue Flask-Babel loaded for this
    # request, and constant messages translated when a template is compiled for a
    # language (webapp/web/templating/per_language.py).
    app.jinja_env.newstyle_gettext = True  # type: ignore[attr-defined]
    app.jinja_env.globals.update(
        _=template_gettext, gettext=template_gettext, ngettext=template_ngettext
    )
    app.jinja_env.add_extension(ConstantMessages)
    # {% trans %} blocks read as one line whatever their indentation (as babel.cfg says).
    app.jinja_env.policies["ext.i18n.trimmed"] = True
    app.before_request(_activate)
    app.teardown_request(_deactivate)
    app.after_request(_vary)
    app.after_request(_keep_lang_on_redirect)
    app.context_processor(_template_context)
