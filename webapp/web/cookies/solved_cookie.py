"""The challenges this browser has solved, kept in its records cookie beside the history
and practice progress (web/cookies/records_cookie.py; the text format is
webapp.challenges.solved). Recorded by /challenge; read by /challenges and /history. The
challenge widget never calls it."""

from __future__ import annotations

from webapp.challenges import solved
from webapp.challenges.solved import Solved
from webapp.web.cookies import records_cookie


def load() -> Solved:
    """The challenges this browser has solved (its records cookie)."""
    return solved.decode(records_cookie.read().challenges)


def record(name_or_link: str) -> None:
    """Record a solved challenge (a built-in's name, or a teacher's link's query) in this
    browser's records cookie, beside its history and practice progress."""
    current = records_cookie.read()
    after = load().add(name_or_link).encode()
    if after != current.challenges:
        updated, _ = current.with_small(records_cookie.text_budget(), challenges=after)
        records_cookie.write(updated)
