"""What a strict Content-Security-Policy would refuse in a page: inline script, ``on…=``
handlers, ``style`` and ``javascript:`` URLs.

Shared by tests/app/test_security.py and tests/app/test_hostile.py (tests/ is on
sys.path: its conftest.py puts it there); checked itself in tests/unit/test_html_checks.py.
"""

from __future__ import annotations

from html.parser import HTMLParser


class InlineFinder(HTMLParser):
    """Collects everything a strict CSP would refuse: inline script, handlers, styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        values = dict(attrs)
        if tag == "script" and not values.get("src"):
            self.problems.append("<script> without src")
        if tag == "style":
            self.problems.append("<style> element")
        if "style" in names:
            self.problems.append(f"style= on <{tag}>")
        self.problems += [f"{name}= on <{tag}>" for name in names if name.startswith("on")]
        for name in ("href", "src", "action", "formaction"):
            if (values.get(name) or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"javascript: URL in {name}= on <{tag}>")

    handle_startendtag = handle_starttag


def inline_problems(html: str) -> list[str]:
    finder = InlineFinder()
    finder.feed(html)
    finder.close()
    return finder.problems
