"""A learner's history of results: entries, their compact encoding and the size cap.

No Flask here. An entry is written as one cookie-safe token, its 8 parameters and
its time joined by ``~`` (``4~ft~80~kg~0.2~0.00001~1~sigmoid~t5m2kx``), so the
cookie's size is known by adding lengths, never by serialising it to measure it.

An entry holds only what the learner typed (the 8 parameter strings, as in the
share link) and when. Outputs are recomputed from them by the same code as the
lesson page, so the history always shows the share link's numbers, costs no
bytes for them, and cannot be made to show numbers the neuron never computed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property, lru_cache
from typing import Any

from babel.dates import format_skeleton

from webapp.language import DEFAULT_LANGUAGE, active
from webapp.lesson.params import MAX_RAW_LENGTH, PARAMETER_ORDER, parse_lesson, query_string
from webapp.lesson.result import Lesson

# A hard cap on the count, besides the size cap: keeps /history quick to render.
MAX_ENTRIES = 100
FIELD_SEP = "~"  # between an entry's fields
ENTRY_SEP = "*"  # between entries
# Unix times outside this range are not something this app wrote.
_MIN_TIME, _MAX_TIME = 1_600_000_000, 10_000_000_000

CSV_COLUMNS = (
    "time",
    *PARAMETER_ORDER,
    "z",
    "output",
    "threshold",
    "label",
    "share_url",
)


@dataclass(frozen=True)
class Entry:
    """One computed result: the parameters as typed and the unix time it was computed."""

    raw: dict[str, str]  # all 8 parameters, contract order, as in the share link
    at: int

    @cached_property
    def lesson(self) -> Lesson:
        """The result, recomputed from the parameters (the share link's numbers)."""
        return _lesson(tuple(self.raw[name] for name in PARAMETER_ORDER))

    @property
    def query(self) -> str:
        """The share link's query string."""
        return query_string(self.raw)

    @property
    def key(self) -> str:
        """Names this entry for deleting it: its time and its share query."""
        return f"{self.at} {self.query}"

    @property
    def time(self) -> datetime:
        return datetime.fromtimestamp(self.at, UTC)

    @property
    def iso_time(self) -> str:
        """For <time datetime> and downloads: 2025-06-10T12:04:05Z."""
        return self.time.strftime("%Y-%m-%dT%H:%M:%SZ")

    @property
    def when(self) -> str:
        """For people, the active language's way: 10 Jun 2025, 12:04 UTC
        (10. Juni 2025, 12:04 UTC; 10 jun 2025, 12:04 UTC)."""
        code = active().code
        if code == DEFAULT_LANGUAGE:
            return f"{self.time.day} {self.time:%b %Y, %H:%M} UTC"
        day = format_skeleton("yMMMd", self.time, tzinfo=UTC, locale=active().locale)
        return f"{day}, {self.time:%H:%M} UTC"

    @property
    def token(self) -> str:
        """The cookie's form: the 8 parameter strings and the time in base 36, ``~``-joined.

        Every accepted parameter is ASCII letters, digits, ``+ - .``: cookie-safe as is.
        """
        return FIELD_SEP.join((*(self.raw[name] for name in PARAMETER_ORDER), _base36(self.at)))


def new_entry(raw: dict[str, str], at: float) -> Entry:
    """An entry for a result computed from ``raw`` (already parsed and valid) at ``at``."""
    return Entry(raw={name: raw[name] for name in PARAMETER_ORDER}, at=int(at))


def _args(values: tuple[str, ...]) -> dict[str, list[str]]:
    return {name: [value] for name, value in zip(PARAMETER_ORDER, values, strict=True)}


# The same cookie arrives with every request, so its entries are checked and
# computed once per process, not once per request.
@lru_cache(maxsize=1024)
def _accepted(values: tuple[str, ...]) -> bool:
    """Whether the parser accepts these 8 strings exactly as they are (trimmed, valid)."""
    parsed = parse_lesson(_args(values))
    return parsed.ok and tuple(parsed.raw.values()) == values


@lru_cache(maxsize=256)
def _lesson(values: tuple[str, ...]) -> Lesson:
    return parse_lesson(_args(values)).lesson()


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, rest = divmod(number, 36)
        text = digits[rest] + text
        if number == 0:
            return text


def decode_token(token: str) -> Entry | None:
    """An entry from its token, or None if it is malformed or no longer valid."""
    *values, at_text = token.split(FIELD_SEP)
    if len(values) != len(PARAMETER_ORDER) or not 0 < len(at_text) <= 7:
        return None
    try:
        at = int(at_text, 36)
    except ValueError:
        return None
    if not _MIN_TIME <= at <= _MAX_TIME or _base36(at) != at_text:
        return None
    if not all(len(v) <= MAX_RAW_LENGTH for v in values) or not _accepted(tuple(values)):
        return None  # only what the parser accepts, untouched, is a result
    return Entry(raw=dict(zip(PARAMETER_ORDER, values, strict=True)), at=at)


def decode(text: str) -> list[Entry]:
    """Entries from the cookie's text; anything malformed is left out, never an error."""
    entries = (decode_token(token) for token in text.split(ENTRY_SEP)[:MAX_ENTRIES] if token)
    return [entry for entry in entries if entry is not None]


def encode(entries: Iterable[Entry]) -> str:
    return ENTRY_SEP.join(entry.token for entry in entries)


def decode_legacy(data: object) -> list[Entry]:
    """Entries from the session cookie's list of lists that earlier versions wrote
    (8 strings and an integer time each), so an old history carries over."""
    if not isinstance(data, list):
        return []
    entries = []
    for item in data[:MAX_ENTRIES]:
        if isinstance(item, list) and len(item) == len(PARAMETER_ORDER) + 1:
            *values, at = item
            if type(at) is int and all(isinstance(v, str) for v in values):
                entries.append(decode_token(FIELD_SEP.join((*values, _base36(abs(at))))))
    return [entry for entry in entries if entry is not None]


@dataclass(frozen=True)
class Added:
    """What adding a result did."""

    entries: list[Entry]
    changed: bool  # False when the result repeats the newest one
    dropped: int  # how many of the oldest entries were dropped to make room


def add(
    entries: Sequence[Entry], entry: Entry, budget: int, max_entries: int | None = None
) -> Added:
    """Put ``entry`` first, dropping the oldest until the encoded history has at most
    ``budget`` characters (measured by adding token lengths, nothing serialised).

    The same result twice in a row is kept once (with its first time). The new
    entry itself is always kept: one entry fits any sensible budget.
    """
    if entries and entries[0].raw == entry.raw:
        return Added(list(entries), changed=False, dropped=0)
    kept = [entry, *entries][: max_entries or MAX_ENTRIES]
    size = sum(len(e.token) for e in kept) + len(kept) - 1  # tokens and separators
    while len(kept) > 1 and size > budget:
        size -= len(kept.pop().token) + 1
    return Added(kept, changed=True, dropped=len(entries) + 1 - len(kept))


def remove(entries: Sequence[Entry], key: str) -> list[Entry] | None:
    """The entries without the one named by ``key``, or None if there is none."""
    for index, entry in enumerate(entries):
        if entry.key == key:
            return [*entries[:index], *entries[index + 1 :]]
    return None


def as_record(entry: Entry, share_url: str) -> dict[str, Any]:
    """One entry with its result, for downloads (full precision, like the API)."""
    trace = entry.lesson.trace
    return {
        "time": entry.iso_time,
        **entry.raw,
        "z": trace.z,
        "output": trace.output,
        "threshold": trace.threshold,
        "label": str(entry.lesson.label),
        "share_url": share_url,
    }


def to_csv(records: Iterable[dict[str, Any]]) -> str:
    """The records as CSV with a header row (numbers as Python's shortest repr)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(records)
    return out.getvalue()
