"""Every language the site speaks, one entry each; the rest is read from CLDR (Babel)."""

from __future__ import annotations

import os
from dataclasses import dataclass

from babel import Locale


@dataclass(frozen=True)
class Language:
    """One language: its code (the ``lang`` parameter, ``<html lang>``), its name in its
    own words (the switcher), its ``og:locale``, how it writes a decimal number, and
    whether it writes a noun with a capital inside a sentence."""

    code: str
    name: str
    og_locale: str
    decimal: str  # "." or ","
    percent_suffix: str  # "%" in English, "\u00a0%" in German and Spanish
    capitalises_nouns: bool = False  # German: "die Aktivierung Sigmoid"

    @property
    def decimal_comma(self) -> bool:
        """Whether forms also accept a decimal comma (80,5) in this language."""
        return self.decimal == ","


def _from_cldr(code: str, og_locale: str, *, capitalises_nouns: bool = False) -> Language:
    locale = Locale.parse(code)
    symbols = locale.number_symbols["latn"]
    pattern = locale.percent_formats[None].pattern  # '#,##0%' or '#,##0\xa0%'
    return Language(
        code=code,
        name=locale.get_display_name(locale).capitalize(),
        og_locale=og_locale,
        decimal=symbols["decimal"],
        percent_suffix=pattern[pattern.rindex("0") + 1 :],
        capitalises_nouns=capitalises_nouns,
    )


# Where the catalogues are: <code>/LC_MESSAGES/messages.po (and .mo), and babel.cfg.
CATALOGUES = os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "translations"
)
DEFAULT_LANGUAGE = "en"
# Order is the switcher's order. og:locale names the country the texts were written for.
LANGUAGES: dict[str, Language] = {
    "en": _from_cldr("en", "en_GB"),
    "de": _from_cldr("de", "de_DE", capitalises_nouns=True),
    "es": _from_cldr("es", "es_ES"),
}
