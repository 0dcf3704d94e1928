"""The whole page laid out, for checks of the whole page."""

from __future__ import annotations

from playwright.sync_api import Page

# Sections below the fold have content-visibility: auto (site.css): the browser lays them
# out only when they near the screen. Checks of the whole page lay everything out first,
# so a wide table or a contrast problem far down is never skipped.
# It waits two frames, as a reader's browser would have drawn them, so that what watches
# layout (static/js/scrollers.js) has seen it.
LAY_OUT_EVERYTHING = """async () => {
  for (const el of document.querySelectorAll('*')) {
    if (getComputedStyle(el).contentVisibility === 'auto') el.style.contentVisibility = 'visible';
  }
  for (let i = 0; i < 2; i++) await new Promise(requestAnimationFrame);
}"""


def laid_out(page: Page) -> Page:
    """``page`` with every section laid out, as if the reader had scrolled through it."""
    page.evaluate(LAY_OUT_EVERYTHING)
    return page


def sideways_overflow(page: Page) -> int:
    """How many pixels the whole page, laid out, is wider than the screen."""
    return int(laid_out(page).evaluate("document.documentElement.scrollWidth - innerWidth"))
