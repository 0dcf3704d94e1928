"""The active language of this request, its messages and its numbers.

A context variable (per thread and per gevent greenlet, as Flask's own request context)
holds the language and its catalogue. Outside a request it is English, untranslated.
``gettext``/``ngettext`` take gettext's usual arguments, so ``pybabel extract``
finds messages in Python and templates with one set of keywords.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token
from gettext import NullTranslations
from typing import Any

from babel.support import LazyProxy

from webapp.language.registry import DEFAULT_LANGUAGE, LANGUAGES, Language

_ENGLISH = (LANGUAGES[DEFAULT_LANGUAGE], NullTranslations())
_active: ContextVar[tuple[Language, NullTranslations]] = ContextVar(
    "neuron_lab_language", default=_ENGLISH
)


def active() -> Language:
    """The language this request speaks (English outside a request)."""
    return _active.get()[0]


def activate(language: Language, translations: NullTranslations) -> Token[Any]:
    """Make ``language`` active until ``deactivate`` (the web layer, per request)."""
    return _active.set((language, translations))


def deactivate(token: Token[Any]) -> None:
    _active.reset(token)


@contextmanager
def speaking(language: Language, translations: NullTranslations) -> Iterator[None]:
    """Make ``language`` active for the block (a request, or a test)."""
    token = activate(language, translations)
    try:
        yield
    finally:
        deactivate(token)


def gettext(message: str, /, **variables: Any) -> str:
    """``message`` in the active language, ``%(name)s`` placeholders filled."""
    text = _active.get()[1].gettext(message)
    return text % variables if variables else text


def pgettext(context: str, message: str, /, **variables: Any) -> str:
    """``gettext`` for a message whose English has two meanings, told apart by
    ``context`` ("Obese" the neuron's label, and "Obese" the WHO's BMI class)."""
    text = _active.get()[1].pgettext(context, message)
    return text % variables if variables else text


def ngettext(singular: str, plural: str, num: int, /, **variables: Any) -> str:
    """The singular or a plural form for ``num``, by the active language's rules;
    ``%(num)d`` is filled with ``num``."""
    variables.setdefault("num", num)
    return _active.get()[1].ngettext(singular, plural, num) % variables


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue (pybabel knows ``N_``) and leave it English:
    it is translated with ``gettext`` where a page shows it, while links, the API and
    predict mode's patterns keep the English text (a formula without words is left as
    it is by gettext too)."""
    return message


def lazy_gettext(message: str, /, **variables: Any) -> LazyProxy:
    """``gettext`` when shown, not when defined: for module-level texts (labels in
    registries) that must follow the language of each request."""
    return LazyProxy(gettext, message, enable_cache=False, **variables)


def lazy_formula(text: str, /) -> LazyProxy:
    """``local_lists`` when shown: a formula in a registry (a form's option, "ReLU
    max(0, z)") written with the list separator of each request's language."""
    return LazyProxy(local_lists, text, enable_cache=False)


def current_translations() -> NullTranslations:
    """The active language's catalogue (templates compile their constant messages with it)."""
    return _active.get()[1]


def translated_plural(singular: str, plural: str, num: int) -> str:
    """The bare plural lookup, unformatted (templates fill num and their own values)."""
    return _active.get()[1].ngettext(singular, plural, num)


def local_number(text: str) -> str:
    """A number formatted the English way (0.8582, −4) written the active language's
    way (0,8582 in German and Spanish). Share links and the API never pass through it."""
    decimal = _active.get()[0].decimal
    return text if decimal == "." else text.replace(".", decimal)


def local_lists(text: str) -> str:
    """A formula written the English way with each list inside brackets (a function's
    arguments, an interval's ends) separated the active language's way: max(0, z) is
    max(0; z) beside a decimal comma. A comma outside brackets is prose ("1 if z ≥ 0,
    else 0") and a comma with no space after it a decimal comma, so both stay."""
    separator = _active.get()[0].list_separator
    if separator == ",":
        return text
    out, depth = [], 0
    for i, char in enumerate(text):
        if char in "([{":
            depth += 1
        elif char in ")]}" and depth:
            depth -= 1
        listed = char == "," and depth > 0 and text[i + 1 : i + 2] == " "
        out.append(separator if listed else char)
    return "".join(out)


def local_percent(text: str) -> str:
    """``85.8`` as a percentage in the active language: 85.8% or 85,8 %."""
    language = _active.get()[0]
    return local_number(text) + language.percent_suffix
