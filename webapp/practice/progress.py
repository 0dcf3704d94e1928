"""Progress in practice, per level: the streak of problems solved in a row, how many
were solved, whether the level is mastered (five in a row). No Flask.

Kept in the records cookie as one compact section (``p:``), each level that has any
progress as ``<level>~<streak>~<solved>~<mastered 0|1>~<recent>``, ``*``-joined, where
``recent`` holds short hashes of the last MASTERY_STREAK problems solved (8 characters
each, one after another):
a problem counts once, so checking one again (a reload), or taking turns with two
solved problems, never adds to the streak, and mastery takes five different ones.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from webapp.language import gettext, ngettext
from webapp.practice.answers import LEVELS

MASTERY_STREAK = 5
FIELD_SEP, LEVEL_SEP = "~", "*"
KEY_LENGTH = 8  # problem_key's hex digits
_MAX_COUNT = 999_999


@dataclass(frozen=True)
class LevelProgress:
    level: int
    streak: int = 0
    solved: int = 0
    mastered: bool = False
    recent: tuple[str, ...] = ()  # the problems solved last, oldest first (their keys)

    @property
    def empty(self) -> bool:
        return self == LevelProgress(self.level)

    @property
    def token(self) -> str:
        recent = "".join(self.recent)
        fields = (self.level, self.streak, self.solved, int(self.mastered), recent)
        return FIELD_SEP.join(str(f) for f in fields)

    @property
    def to_master(self) -> int:
        """How many more in a row until mastered (0 once mastered)."""
        return 0 if self.mastered else MASTERY_STREAK - self.streak

    @property
    def status(self) -> str:
        """The level's progress in words, for the list of levels (after "Mastered: ")."""
        in_a_row = ngettext("%(num)d solved in a row", "%(num)d solved in a row", self.streak)
        in_all = ngettext("%(num)d solved in all", "%(num)d solved in all", self.solved)
        if self.mastered:
            return gettext("%(in_a_row)s, %(in_all)s.", in_a_row=in_a_row, in_all=in_all)
        return gettext(
            "%(in_a_row)s (%(to_master)s), %(in_all)s.",
            in_a_row=in_a_row,
            to_master=ngettext(
                "%(num)d more to master it", "%(num)d more to master it", self.to_master
            ),
            in_all=in_all,
        )

    @property
    def streak_text(self) -> str:
        """The level's streak after a check, in words: "Level 2: 3 in a row, …"."""
        in_a_row = ngettext("%(num)d in a row", "%(num)d in a row", self.streak)
        if self.mastered:
            return gettext(
                "Level %(level)s: %(in_a_row)s, mastered.", level=self.level, in_a_row=in_a_row
            )
        return gettext(
            "Level %(level)s: %(in_a_row)s, %(to_master)s.",
            level=self.level,
            in_a_row=in_a_row,
            to_master=ngettext(
                "%(num)d more to master it", "%(num)d more to master it", self.to_master
            ),
        )


def problem_key(query: str) -> str:
    """A short, stable name for a problem (its link's query without answers)."""
    return hashlib.blake2b(query.encode(), digest_size=KEY_LENGTH // 2).hexdigest()


@dataclass(frozen=True)
class Progress:
    levels: tuple[LevelProgress, ...] = tuple(LevelProgress(level) for level in LEVELS)

    def level(self, level: int) -> LevelProgress:
        return self.levels[LEVELS.index(level)]

    @property
    def empty(self) -> bool:
        return all(p.empty for p in self.levels)

    def encode(self) -> str:
        return LEVEL_SEP.join(p.token for p in self.levels if not p.empty)

    def record(self, level: int, query: str, solved: bool) -> Progress:
        """This progress after checking the problem named by ``query``."""
        current, key = self.level(level), problem_key(query)
        if key in current.recent:
            return self  # a solved problem checked again counts once, and never against
        if solved:
            streak = min(current.streak + 1, _MAX_COUNT)
            new = replace(
                current,
                streak=streak,
                solved=min(current.solved + 1, _MAX_COUNT),
                mastered=current.mastered or streak >= MASTERY_STREAK,
                recent=(*current.recent, key)[-MASTERY_STREAK:],
            )
        else:
            new = replace(current, streak=0)
        return replace(self, levels=tuple(new if p.level == level else p for p in self.levels))


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() and len(text) <= 6 else None


def _keys(text: str) -> tuple[str, ...]:
    """The recent problems' keys (one, in cookies written before there were more)."""
    if len(text) > KEY_LENGTH * MASTERY_STREAK or len(text) % KEY_LENGTH or not text.isalnum():
        return ()
    return tuple(text[i : i + KEY_LENGTH] for i in range(0, len(text), KEY_LENGTH))


def decode(text: str) -> Progress:
    """Progress from its text; anything malformed is left out, never an error."""
    found: dict[int, LevelProgress] = {}
    for token in text.split(LEVEL_SEP):
        parts = token.split(FIELD_SEP)
        if len(parts) != 5:
            continue
        level, streak, solved = (_number(p) for p in parts[:3])
        if level not in LEVELS or streak is None or solved is None or parts[3] not in ("0", "1"):
            continue
        found[level] = LevelProgress(level, streak, solved, parts[3] == "1", _keys(parts[4]))
    return Progress(tuple(found.get(level, LevelProgress(level)) for level in LEVELS))
