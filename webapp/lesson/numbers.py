"""Numbers formatted for people: 0.8, not 0.8000000000000002; 0.00001, not 1e-05.

Computed numbers are rounded to 4 decimal places with trailing zeros dropped; a
non-zero value that would round to 0 keeps 2 significant digits instead, so a
tiny contribution never reads as nothing. Never scientific notation.

Two forms, named by where they go:

- the dot form (``dot_rounded``, ``dot_exact``, ``significant``): ASCII, a dot and a
  hyphen-minus, as links, JSON and predict mode's patterns carry numbers;
- the page form (``page_form``, ``page_rounded``): a true minus sign and the page's
  decimal mark (−0,8582 in German), as running text shows them. (The templates' number
  filters, ``|fmt`` and the like, localise the dot form: webapp/web/markup.py.)
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Context, Decimal
from functools import lru_cache

from webapp.language import local_number

_FOUR_PLACES = Decimal("0.0001")
# Room for every digit of any float rounded to a few places (the default 28 makes
# quantize fail from about 1e24 up).
_WIDE = Context(prec=400)


def _plain(d: Decimal) -> str:
    """A Decimal as plain positional text with no trailing zeros and no −0."""
    text = format(d.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


# A page formats ~130 numbers through Decimal; most recur across requests (the
# example, shared links, axis ticks), so a pure-function memo saves a tenth of a render.
@lru_cache(maxsize=4096)
def dot_rounded(value: float, places: int = 4) -> str:
    """Rounded to ``places`` decimals (2 significant digits if that gives 0), dot form."""
    if not math.isfinite(value):
        return "∞" if value > 0 else ("−∞" if value < 0 else "undefined")
    if value == 0:
        return "0"
    exact = Decimal(repr(float(value)))
    quantum = _FOUR_PLACES if places == 4 else Decimal(1).scaleb(-places)
    rounded = exact.quantize(quantum, rounding=ROUND_HALF_UP, context=_WIDE)
    if rounded == 0:
        rounded = Decimal(f"{value:.2g}")
    return _plain(rounded)


def dot_exact(value: float) -> str:
    """The shortest text that reads back as exactly this float, without exponent."""
    if not math.isfinite(value):
        return dot_rounded(value)
    return _plain(Decimal(repr(float(value))))


def significant(value: float, digits: int = 4) -> str:
    """Plain text for ``value`` rounded to ``digits`` significant digits (0.00001234)."""
    if value == 0 or not math.isfinite(value):
        return dot_rounded(value)
    return _plain(Decimal(f"{value:.{digits}g}"))


def dot_rounded_apart(value: float, other: float, places: int = 4) -> str:
    """``dot_rounded(value)``, with more decimals if needed so it never reads equal to
    ``other``.

    0.49999 against the threshold 0.5 shows as 0.49999, not "0.5 < 0.5"; a BMI of
    29.997 against 30 as 29.997, not "30 is Overweight".
    """
    text = dot_rounded(value, places)
    if value == other:
        return text
    for more in range(places + 1, 18):
        if text != dot_rounded(other, more - 1):
            break
        text = dot_rounded(value, more)
    return text


def page_rounded(value: float, places: int = 4) -> str:
    """A computed number as the page writes it: rounded (``dot_rounded``), in the page
    form (−0,8582 in German)."""
    return page_form(dot_rounded(float(value), places))


def page_form(text: str) -> str:
    """A number's dot form (as typed, or rounded) as the page writes it: a true minus
    sign and the page's decimal mark ("-0.2" → "−0,2" in German; links keep "-0.2")."""
    return local_number(minus(text))


def minus(text: str) -> str:
    """A typographic minus sign for a number shown in running text: −0.5, not -0.5."""
    return "−" + text[1:] if text.startswith("-") else text
