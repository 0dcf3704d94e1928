"""The learner's language: the registry of languages, the active one, and its words and
numbers. No Flask: the web layer chooses a language per request and makes it active here
with its catalogue (``translations``); the domain's messages and numbers read it, so the
API, which activates none, stays in English with dot decimals.

Adding a language is one registry entry (registry.py) and its catalogue
(webapp/translations/<code>/LC_MESSAGES/messages.po); README "Translating" has the steps.
"""

from webapp.language.registry import (
    CATALOGUES,
    DEFAULT_LANGUAGE,
    LANGUAGES,
    Language,
    from_cldr,
    translations,
)
from webapp.language.speaking import (
    N_,
    active,
    gettext,
    lazy_formula,
    lazy_gettext,
    local_lists,
    local_number,
    local_percent,
    ngettext,
    pgettext,
    speaking,
)

__all__ = [
    "CATALOGUES",
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "N_",
    "Language",
    "active",
    "from_cldr",
    "gettext",
    "lazy_formula",
    "lazy_gettext",
    "local_lists",
    "local_number",
    "local_percent",
    "ngettext",
    "pgettext",
    "speaking",
    "translations",
]
