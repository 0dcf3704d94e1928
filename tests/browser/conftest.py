"""Real-browser fixtures: the app under gunicorn, driven by Debian's Chromium.

Every test in this folder is marked ``browser``. Without Playwright or Chromium the
tests skip with the reason; under ``CI=true`` they fail instead, so CI can never pass
by skipping them. A page fails its test on any console error, uncaught page error or
Content-Security-Policy violation.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_console import ConsoleWatcher  # this folder is on sys.path, like tests/
from page_layout import laid_out
from servers import ROOT, run_gunicorn

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

try:  # the browser tests are optional locally, never in CI
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
except ImportError as error:  # pragma: no cover - depends on the machine
    _MISSING: str | None = (
        f"Playwright is not installed ({error}): pip install -r requirements-dev.txt"
    )
else:
    _MISSING = None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark everything under tests/browser/ as ``browser`` (``-m "not browser"`` skips it)."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


def _unavailable(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"CI=true and the browser tests cannot run: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def live_server() -> Iterator[str]:
    """The app under gunicorn (production config, 2 workers): its base URL."""
    with run_gunicorn(workers=2) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Chromium, shared by the session."""
    if _MISSING:
        _unavailable(_MISSING)
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        _unavailable(f"Chromium not found at {CHROMIUM}; apt-get install chromium")
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium"),
            headless=True,
            args=CHROMIUM_ARGS,
        )
    except Exception as error:
        playwright.stop()
        _unavailable(f"Chromium did not start: {error}")
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture
def new_context(browser: Browser) -> Iterator[Callable[..., BrowserContext]]:
    """A factory for clean browser contexts (own cookies), each watched for errors.

    Takes Playwright's ``new_context`` options (``java_script_enabled=False``,
    ``viewport={...}``, ``color_scheme="dark"`` …). Pages opened in them fail the
    test on any console error or CSP violation; all are closed after the test.
    """
    contexts: list[tuple[BrowserContext, ConsoleWatcher]] = []

    def make(**options: Any) -> BrowserContext:
        options.setdefault("viewport", {"width": 1280, "height": 900})
        context = browser.new_context(**options)
        watcher = ConsoleWatcher()
        context.on("page", watcher.watch)
        contexts.append((context, watcher))
        return context

    yield make
    try:
        for context, watcher in contexts:
            for page in context.pages:
                page.wait_for_timeout(50)  # let late console events arrive
            watcher.check()
    finally:
        for context, _ in contexts:
            context.close()


@pytest.fixture
def page(new_context: Callable[..., BrowserContext]) -> Page:
    """A page in a fresh context; the test fails on any console error or CSP violation."""
    return new_context().new_page()


@pytest.fixture
def page_no_js(new_context: Callable[..., BrowserContext]) -> Page:
    """A page with JavaScript disabled."""
    return new_context(java_script_enabled=False).new_page()


@pytest.fixture(scope="session")
def axe_check() -> Callable[..., None]:
    """``axe_check(page)``: run axe-core on the page, every section laid out; fail with a
    report on any violation."""

    def check(page: Page, context: str | dict[str, Any] | None = None) -> None:
        results = Axe().run(laid_out(page), context=context)
        if results.violations_count:
            pytest.fail(f"axe on {page.url}:\n{results.generate_report()}", pytrace=False)

    return check


@pytest.fixture(scope="session")
def screenshot() -> Callable[..., Path]:
    """``screenshot(page, name)``: a full-page PNG in artifacts/screenshots/; returns its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page: Page, name: str, full_page: bool = True) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        laid_out(page)
        page.screenshot(path=str(path), full_page=full_page, animations="disabled")
        return path

    return take
