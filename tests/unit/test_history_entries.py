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


def always(_entries) -> bool:
    return True


def test_an_entry_round_trips_through_its_compact_form():
    original = entry(weight="90", activation="tanh")
    compact = original.encode()
    assert compact == ["4", "ft", "90", "kg", "0.2", "0.00001", "1", "tanh", NOW]
    assert history.decode([compact]) == [original]


def test_an_entry_recomputes_its_result_from_the_parameters():
    example = entry()
    assert round(example.lesson.trace.z, 4) == 1.8008
    assert round(example.lesson.trace.output, 4) == 0.8582
    assert example.lesson.label == "Obese"
    assert example.query == (
        "height=4&height_unit=ft&weight=80&weight_unit=kg&w1=0.2&w2=0.00001&b=1&activation=sigmoid"
    )
    assert example.iso_time == "2026-05-28T20:26:40Z"
    assert example.when == "28 May 2026, 20:26 UTC"


@pytest.mark.parametrize(
    "item",
    [
        "not a list",
        ["4", "ft", "80", "kg", "0.2", "0.00001", "1", "sigmoid"],  # no time
        ["4", "ft", "80", "kg", "0.2", "0.00001", "1", "sigmoid", NOW, 1],  # too long
        ["4", "ft", "80", "kg", "0.2", "0.00001", "1", "sigmoid", str(NOW)],
        ["4", "ft", "80", "kg", "0.2", "0.00001", "1", "sigmoid", True],
        ["4", "ft", "80", "kg", "0.2", "0.00001", "1", "sigmoid", 12],  # not a real time
        ["4", "ft", "80", "kg", "0.2", "0.00001", "1", "sigmoid", 1.78e9],
        ["4", "ft", 80, "kg", "0.2", "0.00001", "1", "sigmoid", NOW],
        ["nan", "ft", "80", "kg", "0.2", "0.00001", "1", "sigmoid", NOW],
        ["4", "yards", "80", "kg", "0.2", "0.00001", "1", "sigmoid", NOW],
        ["11", "ft", "80", "kg", "0.2", "0.00001", "1", "sigmoid", NOW],  # out of range
        [" 4", "ft", "80", "kg", "0.2", "0.00001", "1", "sigmoid", NOW],  # not as stored
        ["4" * 65, "ft", "80", "kg", "0.2", "0.00001", "1", "sigmoid", NOW],
        ["4", "ft", "80", "kg", "0.2", "0.00001", "1", "softmax", NOW],
        None,
        {"height": "4"},
    ],
)
def test_a_malformed_entry_is_left_out(item):
    good = entry(weight="70")
    assert history.decode([item, good.encode()]) == [good]


@pytest.mark.parametrize("data", [None, "x", 3, {"a": 1}, [[]], [None]])
def test_an_unreadable_history_is_empty(data):
    assert history.decode(data) == []


def test_newest_first_and_a_repeat_in_a_row_kept_once():
    entries: list[history.Entry] = []
    for at, weight in enumerate(["70", "80", "80", "70"], start=NOW):
        entries = history.add(entries, entry(at, weight=weight), always).entries
    assert [(e.raw["weight"], e.at) for e in entries] == [
        ("70", NOW + 3),
        ("80", NOW + 1),  # the repeat kept its first time
        ("70", NOW),
    ]
    again = history.add(entries, entry(NOW + 9, weight="70"), always)
    assert not again.changed and again.dropped == 0 and again.entries == entries


def test_the_oldest_are_dropped_to_fit_and_counted():
    entries = [entry(NOW - i, weight=str(90 - i)) for i in range(5)]
    added = history.add(entries, entry(NOW + 1, weight="50"), lambda kept: len(kept) <= 3)
    assert added.dropped == 3
    assert [e.raw["weight"] for e in added.entries] == ["50", "90", "89"]


def test_the_count_is_capped_too():
    entries = [entry(NOW - i, weight=str(200 - i)) for i in range(4)]
    added = history.add(entries, entry(NOW + 1, weight="50"), always, max_entries=3)
    assert added.dropped == 2
    assert [e.raw["weight"] for e in added.entries] == ["50", "200", "199"]


def test_the_new_entry_is_kept_even_if_nothing_fits():
    added = history.add([entry(weight="60")], entry(NOW + 1, weight="50"), lambda _: False)
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
