"""The few words and numbers that pictures write themselves, in the page's language:
the answer (Obese / Not Obese), a count (20,000) and a computed number (0.8582).
Read at drawing time, so they follow each request's language (webapp.language);
only counts are memoised, keyed by language; SVG coordinates never pass through it."""

from __future__ import annotations

from functools import lru_cache

from babel.numbers import format_decimal

from webapp.language import active, gettext


def said(decision: bool) -> str:
    """The neuron's answer for ``decision``, as the page shows it."""
    return gettext("Obese") if decision else gettext("Not Obese")


def count(n: int) -> str:
    """A count for people: 20,000 in English, 20.000 in German and Spanish."""
    return _count(int(n), active().locale)


# Babel's formatting costs ~50 µs a number and a luck table shows thirty counts, most
# of them the same from page to page: a pure function of (count, language), memoised.
@lru_cache(maxsize=4096)
def _count(n: int, locale: str) -> str:
    return format_decimal(n, locale=locale)
