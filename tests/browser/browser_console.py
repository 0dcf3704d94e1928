"""The console watcher behind the browser fixtures (its own module, so tests can import it).

It collects console errors, uncaught page errors and Content-Security-Policy
violations from every page of a browser context; ``check()`` fails the test.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

# Chromium words CSP violations "Refused to …" or "… violates the following Content
# Security Policy directive …"; either counts, whatever the console level.
_CSP = re.compile(r"Refused to|Content Security Policy")
# Chromium reports every 4xx/5xx response as a console error. The document's own
# status is what a test asserts (a 400 form, a 404 page), so only that message, for
# that exact URL, is not a failure; a missing stylesheet or favicon still is.
_FAILED_LOAD = re.compile(r"^Failed to load resource: the server responded with a status of \d+")


class ConsoleWatcher:
    """Collects console errors, page errors and CSP violations of one context's pages."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.documents: set[str] = set()  # URLs loaded as a page's main document

    def watch(self, page: Any) -> None:
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        page.on("response", self._on_response)

    def _on_response(self, response: Any) -> None:
        request = response.request
        if request.is_navigation_request() and request.frame.parent_frame is None:
            self.documents.add(response.url)

    def _on_console(self, message: Any) -> None:
        if message.type not in {"error", "assert"} and not _CSP.search(message.text):
            return
        url = message.location.get("url", "")
        if _FAILED_LOAD.match(message.text) and url in self.documents:
            return  # the page's own status, asserted by the test
        where = f" ({url}:{message.location.get('lineNumber')})" if url else ""
        self.problems.append(f"console {message.type}: {message.text}{where}")

    def check(self) -> None:
        if self.problems:
            pytest.fail("The browser reported problems:\n  " + "\n  ".join(self.problems))
