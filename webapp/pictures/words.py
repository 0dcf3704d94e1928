"""Counts as pictures write them, in the page's language: 20,000 (20.000 in German).
Read at drawing time, so they follow each request's language (webapp.language), and
memoised per language; SVG coordinates never pass through it. (The neuron's answers
are webapp.lesson.labels; computed numbers, webapp.lesson.numbers.)"""

from __future__ import annotations

from functools import lru_cache

from babel.numbers import format_decimal

from webapp.language import active


def count(n: int) -> str:
    """A count for people: 20,000 in English, 20.000 in German and Spanish."""
    return _count(int(n), active().locale)


# Babel's formatting costs ~50 µs a number and a luck table shows thirty counts, most
# of them the same from page to page: a pure function of (count, language), memoised.
@lru_cache(maxsize=4096)
def _count(n: int, locale: str) -> str:
    return format_decimal(n, locale=locale)
