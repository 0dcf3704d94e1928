"""What this browser keeps about its learner, as one compact, cookie-safe text. No Flask.

Several kinds of record share one cookie (and its 4 KB):
``1!h:<history>!d:<dropped>!p:<progress>``.
The version comes first, then ``!``-separated sections, each ``<kind>:<text>``; a
section of an unknown kind, or a malformed one, is left out, never an error. The text
is written once per request and its length is known by adding lengths, so fitting it
into the cookie never serialises anything twice.

Practice progress (``p:``) is kept here as its text (webapp.practice.progress reads and
writes it; the lesson imports nothing above it). It is small and always kept: when it
needs room, the history gives way, oldest first, and the dropped entries are counted.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from webapp.lesson import history

VERSION = "1"
SECTION_SEP = "!"
HISTORY, DROPPED, PROGRESS, CHALLENGES = "h", "d", "p", "c"
# Room kept for the dropped count's section at its widest ("!d:" and 10 digits).
_DROPPED_ROOM = 13


@dataclass(frozen=True)
class Records:
    history: tuple[history.Entry, ...] = ()
    dropped: int = 0  # history entries dropped to keep the cookie small, ever
    progress: str = ""  # practice progress, as webapp.practice.progress encodes it
    challenges: str = ""  # solved challenges, as webapp.challenges.solved encodes them

    def dumps(self) -> str:
        sections = [VERSION]
        if self.history:
            sections.append(f"{HISTORY}:{history.encode(self.history)}")
        if self.dropped:
            sections.append(f"{DROPPED}:{self.dropped}")
        if self.progress:
            sections.append(f"{PROGRESS}:{self.progress}")
        if self.challenges:
            sections.append(f"{CHALLENGES}:{self.challenges}")
        return SECTION_SEP.join(sections)

    def _progress_room(self) -> int:
        """What the small sections (progress, solved challenges) take: always kept."""
        small = ((PROGRESS, self.progress), (CHALLENGES, self.challenges))
        return sum(len(SECTION_SEP + kind + ":" + text) for kind, text in small if text)

    def with_progress(self, progress: str, budget: int) -> tuple[Records, int]:
        """These records with new progress text, the history's oldest entries dropped
        (and counted) if the whole text would be over ``budget``; and how many were."""
        return self.with_small(budget, progress=progress)

    def with_small(self, budget: int, **sections: str) -> tuple[Records, int]:
        """These records with new small sections (``progress``, ``challenges``), the
        history's oldest entries dropped and counted if the text would be over ``budget``."""
        new = replace(self, **sections)
        room = budget - len(VERSION) - len(SECTION_SEP + HISTORY + ":") - _DROPPED_ROOM
        room -= new._progress_room()
        kept = list(new.history)
        size = sum(len(e.token) for e in kept) + max(len(kept) - 1, 0)
        while kept and size > room:
            size -= len(kept.pop().token) + (1 if kept else 0)
        dropped = len(new.history) - len(kept)
        if not dropped:
            return new, 0
        return replace(new, history=tuple(kept), dropped=new.dropped + dropped), dropped

    def with_result(self, raw: dict[str, str], at: float, budget: int) -> tuple[Records, int]:
        """These records with a result added to the history, within ``budget`` characters
        for the whole text; and how many old entries were dropped for it."""
        room = budget - len(VERSION) - len(SECTION_SEP + HISTORY + ":") - _DROPPED_ROOM
        room -= self._progress_room()
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
        progress=_cookie_safe(found.get(PROGRESS, "")),
        challenges=_cookie_safe(found.get(CHALLENGES, "")),
    )


def _cookie_safe(text: str) -> str:
    """Progress text as this app writes it (letters, digits, ``~ *``; each level's last
    five solved problems make it up to ~260 characters), else nothing."""
    ok = len(text) <= 320 and all(c.isascii() and (c.isalnum() or c in "~*") for c in text)
    return text if ok else ""
