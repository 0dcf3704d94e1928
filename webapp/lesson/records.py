"""What this browser keeps about its learner, as one compact, cookie-safe text. No Flask.

Several kinds of record share one cookie (and its 4 KB): ``1!h:<history>!d:<dropped>``.
The version comes first, then ``!``-separated sections, each ``<kind>:<text>``; a
section of an unknown kind, or a malformed one, is left out, never an error. The text
is written once per request and its length is known by adding lengths, so fitting it
into the cookie never serialises anything twice.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from webapp.lesson import history

VERSION = "1"
SECTION_SEP = "!"
HISTORY, DROPPED = "h", "d"
# Room kept for the dropped count's section at its widest ("!d:" and 10 digits).
_DROPPED_ROOM = 13


@dataclass(frozen=True)
class Records:
    history: tuple[history.Entry, ...] = ()
    dropped: int = 0  # history entries dropped to keep the cookie small, ever

    def dumps(self) -> str:
        sections = [VERSION]
        if self.history:
            sections.append(f"{HISTORY}:{history.encode(self.history)}")
        if self.dropped:
            sections.append(f"{DROPPED}:{self.dropped}")
        return SECTION_SEP.join(sections)

    def with_result(self, raw: dict[str, str], at: float, budget: int) -> tuple[Records, int]:
        """These records with a result added to the history, within ``budget`` characters
        for the whole text; and how many old entries were dropped for it."""
        room = budget - len(VERSION) - len(SECTION_SEP + HISTORY + ":") - _DROPPED_ROOM
        added = history.add(self.history, history.new_entry(raw, at), room)
        if not added.changed:
            return self, 0
        return replace(self, history=tuple(added.entries), dropped=self.dropped + added.dropped), (
            added.dropped
        )


def loads(text: str) -> Records:
    """Records from their text; anything unreadable reads as nothing."""
    version, *sections = text.split(SECTION_SEP)
    if version != VERSION:
        return Records()
    found: dict[str, str] = {}
    for section in sections:
        kind, colon, body = section.partition(":")
        if colon and kind not in found:
            found[kind] = body
    dropped = found.get(DROPPED, "")
    return Records(
        history=tuple(history.decode(found.get(HISTORY, ""))),
        dropped=int(dropped) if dropped.isdigit() and len(dropped) <= 10 else 0,
    )
