"""A learner's history of results: entries, their compact encoding and the size cap.

No Flask here. The views keep the encoded list in the signed session cookie and
pass in a function that measures the real cookie, so the cap is exact.

An entry holds only what the learner typed (the 8 parameter strings, as in the
share link) and when. Outputs are recomputed from them by the same code as the
lesson page, so the history always shows the share link's numbers, costs no
bytes for them, and cannot be made to show numbers the neuron never computed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property, lru_cache
from typing import Any

from webapp.lesson.params import MAX_RAW_LENGTH, PARAMETER_ORDER, parse_lesson, query_string
from webapp.lesson.result import Lesson

# A hard cap on the count, besides the size cap: keeps /history quick to render.
MAX_ENTRIES = 100
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
        """For people: 10 Jun 2025, 12:04 UTC."""
        return f"{self.time.day} {self.time:%b %Y, %H:%M} UTC"

    def encode(self) -> list[str | int]:
        """The compact form kept in the cookie: 8 strings and the time."""
        return [*(self.raw[name] for name in PARAMETER_ORDER), self.at]


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


def decode_entry(item: object) -> Entry | None:
    """An entry from its compact form, or None if it is malformed or no longer valid."""
    if not isinstance(item, list) or len(item) != len(PARAMETER_ORDER) + 1:
        return None
    *values, at = item
    if type(at) is not int or not _MIN_TIME <= at <= _MAX_TIME:
        return None
    if not all(isinstance(v, str) and len(v) <= MAX_RAW_LENGTH for v in values):
        return None
    if not _accepted(tuple(values)):
        return None  # only what the parser accepts, untouched, is a result
    return Entry(raw=dict(zip(PARAMETER_ORDER, values, strict=True)), at=at)


def decode(data: object) -> list[Entry]:
    """Entries from the cookie's list; anything malformed is left out, never an error."""
    if not isinstance(data, list):
        return []
    entries = (decode_entry(item) for item in data[:MAX_ENTRIES])
    return [entry for entry in entries if entry is not None]


def encode(entries: Iterable[Entry]) -> list[list[str | int]]:
    return [entry.encode() for entry in entries]


@dataclass(frozen=True)
class Added:
    """What adding a result did."""

    entries: list[Entry]
    changed: bool  # False when the result repeats the newest one
    dropped: int  # how many of the oldest entries were dropped to make room


def add(
    entries: Sequence[Entry],
    entry: Entry,
    fits: Callable[[Sequence[Entry]], bool],
    max_entries: int | None = None,
) -> Added:
    """Put ``entry`` first, dropping the oldest until ``fits`` says the history fits.

    The same result twice in a row is kept once (with its first time). The new
    entry itself is always kept: one entry fits any sensible budget.
    """
    if entries and entries[0].raw == entry.raw:
        return Added(list(entries), changed=False, dropped=0)
    if max_entries is None:
        max_entries = MAX_ENTRIES
    kept = [entry, *entries]
    dropped = max(0, len(kept) - max_entries)
    if dropped:
        kept = kept[:max_entries]
    while len(kept) > 1 and not fits(kept):
        kept.pop()
        dropped += 1
    return Added(kept, changed=True, dropped=dropped)


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
        "label": entry.lesson.label,
        "share_url": share_url,
    }


def to_csv(records: Iterable[dict[str, Any]]) -> str:
    """The records as CSV with a header row (numbers as Python's shortest repr)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(records)
    return out.getvalue()
