"""Practice progress without Flask: streaks, mastery, its compact text, and its place in
the records cookie beside the history (which gives way, counted, when it needs room)."""

from __future__ import annotations

import pytest

from webapp.lesson import history, records
from webapp.lesson.params import parse_lesson
from webapp.practice.problems import asked_for, could_be_drawn, problem, stage_for
from webapp.practice.progress import Progress, decode


def test_five_distinct_problems_solved_in_a_row_master_a_level():
    progress = Progress()
    for i in range(5):
        progress = progress.record(1, f"problem {i}", solved=True)
        progress = progress.record(1, f"problem {i}", solved=True)  # a reload counts once
    level = progress.level(1)
    assert (level.streak, level.solved, level.mastered) == (5, 5, True)
    broken = progress.record(1, "another", solved=False)
    assert broken.level(1).streak == 0 and broken.level(1).mastered  # mastery stays


def test_the_text_is_compact_and_reads_back():
    progress = Progress()
    for level in (1, 2, 3, 4):
        for i in range(7):
            progress = progress.record(level, f"{level}-{i}", solved=True)
    text = progress.encode()
    assert len(text) < 240  # each level's last five solved problems: 8 characters each
    assert decode(text) == progress
    assert decode("") == Progress()
    assert decode("9~1~1~1~ab*x*1~a~1~1~") == Progress()  # malformed parts are left out


def test_progress_shares_the_cookie_and_the_oldest_history_gives_way():
    entries = tuple(
        history.new_entry({**_raw(), "b": str(i)}, 1_700_000_000 + i) for i in range(50)
    )
    size = len(records.Records(history=entries).dumps())
    full = records.Records(history=entries)
    progress = Progress().record(2, "x", solved=True).encode()
    kept, dropped = full.with_progress(progress, budget=size)
    assert dropped >= 1 and kept.dropped == dropped  # dropped, and counted
    assert kept.history == entries[: len(entries) - dropped]  # the oldest went
    assert len(kept.dumps()) <= size
    assert records.loads(kept.dumps()).progress == progress
    roomy, none = full.with_progress(progress, budget=size * 2)
    assert none == 0 and roomy.history == entries


def test_later_problems_of_a_level_ask_more_steps():
    assert [stage_for(n) for n in (0, 1, 2, 3, 10)] == [0, 1, 1, 2, 2]
    first, later = problem(2, 5, 0), problem(2, 5, 2)
    assert len(first.ask) == 1 < len(later.ask)
    assert later.ask == asked_for(2, 2, later.lesson)
    assert problem(3, 99, 1) == problem(3, 99, 1)  # seeded: the same problem


def test_problems_are_plausible_people():
    for seed in range(50):
        lesson = problem(1 + seed % 4, seed, 0).lesson
        assert 4.5 <= lesson.height_ft <= 6.7
        assert 15 <= lesson.bmi.bmi <= 45


def _raw() -> dict[str, str]:
    return {
        "height": "4",
        "height_unit": "ft",
        "weight": "80",
        "weight_unit": "kg",
        "w1": "0.2",
        "w2": "0.00001",
        "b": "1",
        "activation": "sigmoid",
    }


def test_a_problem_counts_once_so_taking_turns_with_two_is_no_streak():
    """Issue 24, finding 7: alternating two solved problems counted as a streak."""
    progress = Progress()
    for query in ("a", "b", "a", "b", "a", "b"):
        progress = progress.record(1, query, solved=True)
    assert progress.level(1).streak == 2 and progress.level(1).solved == 2
    for query in ("c", "d", "e"):
        progress = progress.record(1, query, solved=True)
    assert progress.level(1).streak == 5 and progress.level(1).mastered  # five different
    assert progress.record(1, "b", solved=False) == progress  # recent: never against
    progress = progress.record(1, "f", solved=True)  # a is no longer among the last five
    assert progress.record(1, "a", solved=False).level(1).streak == 0


def test_progress_written_with_one_last_problem_reads_back():
    old = decode("2~3~4~0~1a2b3c4d")
    assert old.level(2).recent == ("1a2b3c4d",) and old.level(2).streak == 3
    assert old.record(2, "x", solved=True).level(2).streak == 4
    assert decode("2~3~4~0~" + "1a2b3c4d" * 6).level(2).recent == ()  # too many
    assert decode("2~3~4~0~1a2b3c4d5").level(2).recent == ()  # not whole keys


def _lesson(**raw: str):
    given = {"height": "5.6", "weight": "120", "w1": "-0.57", "w2": "-0.01", "b": "-0.4"}
    return parse_lesson({name: [value] for name, value in {**given, **raw}.items()}).lesson()


def test_every_drawn_problem_could_be_drawn():
    for seed in range(300):
        level, stage = 1 + seed % 4, seed % 3
        drawn = problem(level, seed * 7919, stage)
        assert could_be_drawn(level, drawn.lesson, drawn.ask), drawn.raw


@pytest.mark.parametrize(
    ("level", "raw", "ask"),
    [
        (4, {"w1": "0", "w2": "0", "b": "0"}, ("flip_b",)),  # the trivial one of the finding
        (1, {"activation": "tanh"}, ("sum",)),  # level 1 is sigmoid's
        (1, {}, ("z",)),  # another level's step
        (1, {"height": "5.60"}, ("sum",)),  # not written as drawn
        (1, {"height": "7.5"}, ("sum",)),  # out of range
        (1, {"weight": "300"}, ("sum",)),  # a BMI no problem has
        (1, {"w2": "0.5"}, ("sum",)),
        (1, {"b": "-9.0"}, ("sum",)),
        (1, {"height_unit": "cm", "height": "170.0"}, ("sum",)),
    ],
)
def test_a_hand_made_problem_is_not_the_levels(level, raw, ask):
    assert not could_be_drawn(level, _lesson(**raw), ask)
    assert could_be_drawn(1, _lesson(), ("sum",))  # the same person, as drawn
