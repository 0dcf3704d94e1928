"""Solved challenges in the records cookie's text (webapp.challenges.solved, records)."""

from __future__ import annotations

import pytest

from webapp.challenges import solved
from webapp.lesson import records


def test_solved_challenges_round_trip_newest_first_without_repeats():
    done = solved.Solved().add("one-person").add("people=5ft,80kg").add("one-person")
    assert "one-person" in done and "people=5ft,80kg" in done and "curved" not in done
    assert len(done) == 2 and done.keys[0] == solved.key("one-person")
    assert solved.decode(done.encode()) == done


def test_only_the_latest_are_kept():
    done = solved.Solved()
    for i in range(solved.MAX_SOLVED + 5):
        done = done.add(f"challenge-{i}")
    assert len(done) == solved.MAX_SOLVED and f"challenge-{solved.MAX_SOLVED + 4}" in done
    assert "challenge-0" not in done


@pytest.mark.parametrize("text", ["", "xyz", "GGGGGGGG", "1234567", "123456789", "~~", "é" * 8])
def test_a_malformed_section_reads_as_nothing_solved(text):
    assert len(solved.decode(text)) == 0


def test_the_section_lives_beside_history_and_progress_and_is_kept_first():
    done = solved.Solved().add("curved").encode()
    base = records.Records()
    for i in range(100):
        base, _ = base.with_result(
            {
                "height": str(4 + i / 100),
                "height_unit": "ft",
                "weight": str(60 + i),
                "weight_unit": "kg",
                "w1": "0.2",
                "w2": "0.00001",
                "b": "1",
                "activation": "sigmoid",
            },
            1_780_000_000,
            3_000,
        )
    tight = len(base.dumps()) - 13  # no room to spare: the history must give way
    with_done, dropped = base.with_small(tight, challenges=done)
    text = with_done.dumps()
    assert f"!c:{done}" in text and len(text) <= tight and dropped >= 1
    assert with_done.dropped == base.dropped + dropped
    assert records.loads(text).challenges == done
