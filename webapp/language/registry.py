"""Every language the site speaks, one entry each; the rest is read from CLDR (Babel).

A language is its registry entry and its catalogue (``catalogue``: the folder holding
``<code>/LC_MESSAGES/messages.mo``, a code's hyphen written ``_`` as gettext names
folders). The web layer reads ``LANGUAGES`` on every request, so an entry added to it
(a test's pseudo-locale, say) is offered everywhere at once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from gettext import NullTranslations

from babel import Locale
from babel.support import Translations

# Where the catalogues are: <code>/LC_MESSAGES/messages.po (and .mo), and babel.cfg.
CATALOGUES = os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "translations"
)
DOMAIN = "messages"


@dataclass(frozen=True)
class Language:
    """One language: its code (the ``lang`` parameter, ``<html lang>``, hreflang), its
    name in its own words (the switcher), its ``og:locale``, how it writes a decimal
    number and a list of numbers, the CLDR locale its counts and dates follow, whether
    it writes a noun with a capital inside a sentence, and where its catalogue is."""

    code: str
    name: str
    og_locale: str
    decimal: str  # "." or ","
    percent_suffix: str  # "%" in English, "\u00a0%" in German and Spanish
    locale: str  # Babel's locale for counts and dates: "de"; a pseudo-locale its base's
    # What separates the numbers of a list in a formula, max(0, 1.8) or an interval: a
    # comma, unless the decimal sign is one: max(0, 1,8) would be unclear, so max(0; 1,8).
    list_separator: str = ","
    capitalises_nouns: bool = False  # German: "die Aktivierung Sigmoid"
    catalogue: str = CATALOGUES

    @property
    def decimal_comma(self) -> bool:
        """Whether forms also accept a decimal comma (80,5) in this language."""
        return self.decimal == ","


def from_cldr(
    code: str,
    og_locale: str,
    *,
    locale: str | None = None,
    capitalises_nouns: bool = False,
    catalogue: str = CATALOGUES,
) -> Language:
    """An entry whose name and number symbols CLDR gives (``locale``, the code's own
    unless it names none: a pseudo-locale borrows its base's). Its list separator follows
    from its decimal sign (CLDR's own "list" symbol is ";" everywhere, English too)."""
    cldr = Locale.parse(locale or code)
    symbols = cldr.number_symbols["latn"]
    pattern = cldr.percent_formats[None].pattern  # '#,##0%' or '#,##0\xa0%'
    return Language(
        code=code,
        name=cldr.get_display_name(cldr).capitalize(),
        og_locale=og_locale,
        decimal=symbols["decimal"],
        percent_suffix=pattern[pattern.rindex("0") + 1 :],
        locale=str(cldr),
        list_separator=";" if symbols["decimal"] == "," else ",",
        capitalises_nouns=capitalises_nouns,
        catalogue=catalogue,
    )


@lru_cache(maxsize=32)
def translations(language: Language) -> NullTranslations:
    """The language's catalogue, read once (none for the language the messages are
    written in: its messages are their own translation)."""
    folder = language.code.replace("-", "_")
    return Translations.load(language.catalogue, [folder], DOMAIN)


DEFAULT_LANGUAGE = "en"
# Order is the switcher's order. og:locale names the country the texts were written for.
LANGUAGES: dict[str, Language] = {
    "en": from_cldr("en", "en_GB"),
    "de": from_cldr("de", "de_DE", capitalises_nouns=True),
    "es": from_cldr("es", "es_ES"),
}
