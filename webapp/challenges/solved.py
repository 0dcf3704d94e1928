"""Which challenges this browser has solved, as a compact cookie section. No Flask.

A challenge is named by a short hash of its canonical link (a built-in by its name), so
a teacher's long link costs 8 characters; the latest ``MAX_SOLVED`` are kept.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

MAX_SOLVED = 24
SEP = "*"
_KEY_LENGTH = 8


def key(name_or_link: str) -> str:
    """A challenge's key in the cookie: 8 hex digits of the SHA-256 of its name or link."""
    return hashlib.sha256(name_or_link.encode()).hexdigest()[:_KEY_LENGTH]


@dataclass(frozen=True)
class Solved:
    keys: tuple[str, ...] = ()  # newest first

    def __contains__(self, name_or_link: str) -> bool:
        return key(name_or_link) in self.keys

    def __len__(self) -> int:
        return len(self.keys)

    def add(self, name_or_link: str) -> Solved:
        new = key(name_or_link)
        return Solved((new, *(k for k in self.keys if k != new))[:MAX_SOLVED])

    def encode(self) -> str:
        return SEP.join(self.keys)


def decode(text: str) -> Solved:
    """The solved set from its text; anything malformed is left out."""
    keys = [
        k
        for k in text.split(SEP)
        if len(k) == _KEY_LENGTH and all(c in "0123456789abcdef" for c in k)
    ]
    return Solved(tuple(dict.fromkeys(keys))[:MAX_SOLVED])
