"""The per-browser history on its own (webapp.lesson.history): entries, their compact
form, adding, dropping, removing, CSV. Through the pages: tests/app/test_history_pages.py."""

from __future__ import annotations

import csv
import io

import pytest

from webapp.lesson import history
from webapp.lesson.params import LESSON_DEFAULTS as DEFAULTS

NOW = 1_780_000_000  # 2026-05-28T20:26:40Z


def raw(**changes: str) -> dict[str, str]:
    return {**DEFAULTS, **changes}


def entry(at: int = NOW, **changes: str) -> history.Entry:
    return history.new_entry(raw(**changes), at)


BIG = 10_000  # a budget everything fits into


def test_an_entry_round_trips_through_its_compact_form():
    original = entry(weight="90", activation="tanh")
    assert original.token == "4~ft~90~kg~0.2~0.00001~1~tanh~tfrksg"
    assert int("tfrksg", 36) == NOW
    assert history.decode(original.token) == [original]
    assert history.decode(history.encode([original, entry()])) == [original, entry()]


def test_an_entry_recomputes_its_result_from_the_parameters():
    example = entry()
    assert round(example.lesson.trace.z, 4) == 1.8008
    assert round(example.lesson.trace.output, 4) == 0.8582
    assert str(example.lesson.label) == "Obese"
    assert example.query == (
        "height=4&height_unit=ft&weight=80&weight_unit=kg&w1=0.2&w2=0.00001&b=1&activation=sigmoid"
    )
    assert example.iso_time == "2026-05-28T20:26:40Z"
    assert example.when == "28 May 2026, 20:26 UTC"


@pytest.mark.parametrize(
    "token",
    [
        "not an entry",
        "4~ft~80~kg~0.2~0.00001~1~sigmoid",  # no time
        "4~ft~80~kg~0.2~0.00001~1~sigmoid~tfrksg~1",  # too long
        "4~ft~80~kg~0.2~0.00001~1~sigmoid~TFRKSG",  # not as written
        "4~ft~80~kg~0.2~0.00001~1~sigmoid~0tfrksg",  # not as written
        "4~ft~80~kg~0.2~0.00001~1~sigmoid~c",  # not a real time
        "4~ft~80~kg~0.2~0.00001~1~sigmoid~-tfrksg",
        "4~ft~80~kg~0.2~0.00001~1~sigmoid~tfrks$",
        "4~ft~80~kg~0.2~0.00001~1~sigmoid~zzzzzzzzzzzz",
        "nan~ft~80~kg~0.2~0.00001~1~sigmoid~tfrksg",
        "4~yards~80~kg~0.2~0.00001~1~sigmoid~tfrksg",
        "11~ft~80~kg~0.2~0.00001~1~sigmoid~tfrksg",  # out of range
        " 4~ft~80~kg~0.2~0.00001~1~sigmoid~tfrksg",  # not as stored
        "4" * 65 + "~ft~80~kg~0.2~0.00001~1~sigmoid~tfrksg",
        "4~ft~80~kg~0.2~0.00001~1~softmax~tfrksg",
        "~~~~~~~~",
    ],
)
def test_a_malformed_entry_is_left_out(token):
    good = entry(weight="70")
    assert history.decode(f"{token}*{good.token}") == [good]


@pytest.mark.parametrize("text", ["", "*", "**", "x", "~", "1!h:", "\u00e9"])
def test_an_unreadable_history_is_empty(text):
    assert history.decode(text) == []


@pytest.mark.parametrize(
    "data", [None, "x", 3, {"a": 1}, [[]], [None], [["4", "ft"]], [[*DEFAULTS.values(), "t"]]]
)
def test_an_unreadable_legacy_history_is_empty(data):
    assert history.decode_legacy(data) == []


def test_the_legacy_list_form_reads_as_the_same_entries():
    older = entry(NOW - 60, weight="70")
    legacy = [[*e.raw.values(), e.at] for e in (entry(), older)]
    assert history.decode_legacy(legacy) == [entry(), older]


def test_newest_first_and_a_repeat_in_a_row_kept_once():
    entries: list[history.Entry] = []
    for at, weight in enumerate(["70", "80", "80", "70"], start=NOW):
        entries = history.add(entries, entry(at, weight=weight), BIG).entries
    assert [(e.raw["weight"], e.at) for e in entries] == [
        ("70", NOW + 3),
        ("80", NOW + 1),  # the repeat kept its first time
        ("70", NOW),
    ]
    again = history.add(entries, entry(NOW + 9, weight="70"), BIG)
    assert not again.changed and again.dropped == 0 and again.entries == entries


def test_the_oldest_are_dropped_to_fit_and_counted():
    entries = [entry(NOW - i, weight=str(90 - i)) for i in range(5)]
    new = entry(NOW + 1, weight="50")
    three = len(history.encode([new, *entries[:2]]))  # room for exactly three
    added = history.add(entries, new, three)
    assert added.dropped == 3
    assert [e.raw["weight"] for e in added.entries] == ["50", "90", "89"]
    assert len(history.encode(added.entries)) <= three
    assert history.add(entries, new, three - 1).dropped == 4


def test_the_count_is_capped_too():
    entries = [entry(NOW - i, weight=str(200 - i)) for i in range(4)]
    added = history.add(entries, entry(NOW + 1, weight="50"), BIG, max_entries=3)
    assert added.dropped == 2
    assert [e.raw["weight"] for e in added.entries] == ["50", "200", "199"]


def test_the_new_entry_is_kept_even_if_nothing_fits():
    added = history.add([entry(weight="60")], entry(NOW + 1, weight="50"), 0)
    assert [e.raw["weight"] for e in added.entries] == ["50"] and added.dropped == 1


def test_remove_one_entry_by_its_key():
    a, b, c = entry(NOW, weight="70"), entry(NOW, weight="80"), entry(NOW + 1, weight="70")
    assert history.remove([c, b, a], a.key) == [c, b]
    assert history.remove([c, b, a], f"{NOW + 2} {a.query}") is None
    assert history.remove([c, b, a], "") is None


def test_csv_has_a_header_and_one_row_per_entry():
    first = entry(weight="90")
    text = history.to_csv([history.as_record(first, "http://x/?" + first.query)])
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == list(history.CSV_COLUMNS)
    assert rows[0]["weight"] == "90" and rows[0]["label"] == "Obese"
    assert float(rows[0]["output"]) == first.lesson.trace.output
    assert rows[0]["share_url"] == "http://x/?" + first.query
