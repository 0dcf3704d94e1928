"""Which language a page speaks: ``lang``, else the browser's Accept-Language, else
English (Flask-Babel's locale selector), made active for the request's messages and
numbers (webapp.language), and offered to every template with a switcher and the
hreflang alternates. The API and its JSON stay language-neutral.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import urlencode

from flask import Flask, Response, abort, request
from flask_babel import Babel, get_translations

from webapp.language import DEFAULT_LANGUAGE, LANGUAGES, Language, active, gettext
from webapp.language.speaking import activate, deactivate
from webapp.lesson.params import dotted

TRANSLATIONS = os.path.join(os.path.dirname(os.path.dirname(__file__)), "translations")
# Blueprints whose answers are the same in every language (JSON for programs).
NEUTRAL_BLUEPRINTS = frozenset({"api", "challenges_api"})
_TOKEN = "neuron_lab_language_token"


def _chosen() -> str:
    """The language code for this request (``lang`` was checked in ``_activate``)."""
    if request.blueprint in NEUTRAL_BLUEPRINTS or request.path.startswith("/api/"):
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
    if "lang" not in request.args and request.blueprint not in NEUTRAL_BLUEPRINTS:
        response.vary.add("Accept-Language")
    return response


@dataclass(frozen=True)
class LanguageLink:
    """This page in one language: for the switcher (``href``) and hreflang (``absolute``)."""

    language: Language
    href: str
    absolute: str
    current: bool


def switcher() -> list[LanguageLink]:
    """This page in each language: its query kept (a result stays), ``lang`` replaced."""
    # A decimal comma typed on a German page goes across as the dot every language reads.
    kept = [(k, dotted(v)) for k, v in request.args.items(multi=True) if k != "lang"]
    path = request.script_root + request.path
    origin = request.host_url.rstrip("/")
    links = []
    for code, language in LANGUAGES.items():
        href = f"{path}?{urlencode([*kept, ('lang', code)])}"
        links.append(LanguageLink(language, href, origin + href, language == active()))
    return links


def default_url() -> str:
    """This page with no ``lang``: the x-default alternate, negotiated by the browser."""
    query = urlencode([(k, v) for k, v in request.args.items(multi=True) if k != "lang"])
    url = request.host_url.rstrip("/") + request.script_root + request.path
    return f"{url}?{query}" if query else url


def page_lang() -> dict[str, str]:
    """``lang`` for ``url_for`` on links to other pages: ``{"lang": "de"}`` on a German
    page, nothing on an English one (English links keep their exact form)."""
    code = active().code
    return {} if code == DEFAULT_LANGUAGE else {"lang": code}


def _template_context() -> dict[str, object]:
    return {
        "language": active(),
        "language_links": switcher,
        "default_url": default_url,
        "page_lang": page_lang(),
    }


def _template_ngettext(singular: str, plural: str, num: int) -> str:
    """The form for ``num`` with its placeholders left for Jinja's newstyle ngettext, which
    fills every ``{% trans count=… %}`` variable itself, escaped (``ngettext`` from
    webapp.language fills ``num`` alone, so ``%(count)s`` would be missing)."""
    return str(get_translations().ngettext(singular, plural, num))


def init_app(app: Flask) -> None:
    Babel(
        app,
        locale_selector=_chosen,
        default_domain="messages",
        default_translation_directories=TRANSLATIONS,
    )
    # The page's own fast callables (a context variable, no per-call lookup of the
    # request): the same catalogue Flask-Babel loaded for this request.
    app.jinja_env.install_gettext_callables(gettext, _template_ngettext, newstyle=True)  # type: ignore[attr-defined]
    # {% trans %} blocks read as one line whatever their indentation (as babel.cfg says).
    app.jinja_env.policies["ext.i18n.trimmed"] = True
    app.before_request(_activate)
    app.teardown_request(_deactivate)
    app.after_request(_vary)
    app.context_processor(_template_context)
