"""The challenges' JSON: one challenge with the learner's verdicts, and the built-ins.
No Flask: the views hand in the links."""

from __future__ import annotations

from typing import Any

from webapp.challenges.builtins import Builtin
from webapp.challenges.separability import separable
from webapp.challenges.verdict import Attempt


def challenge_json(attempt: Attempt, **links: str) -> dict[str, Any]:
    """The contract's fields for one challenge, then the learner's numbers and links."""
    c = attempt.challenge
    return {
        "name": c.name,
        "title": c.title,
        "people": [
            {
                "height_ft": row.person.height_ft,
                "weight_kg": row.person.weight_kg,
                "label": int(row.person.label),
                "labelled_by": "bmi" if row.person.labelled_by_bmi else "link",
                "z": row.z,
                "output": row.output,
                "predicted": int(row.predicted),
                "right": row.right,
            }
            for row in attempt.rows
        ],
        "locked": c.locked_values,
        "w1": attempt.w1,
        "w2": attempt.w2,
        "b": attempt.b,
        "activation": attempt.activation.name,
        "right": attempt.right,
        "total": attempt.total,
        "solved": attempt.solved,
        "separable": separable(c, attempt.activation),
        **links,
    }


def builtins_json(ladder: tuple[Builtin, ...], urls: dict[str, str]) -> dict[str, Any]:
    """The built-ins, easiest first; ``separable`` computed (for the default activation)."""
    return {
        "challenges": [
            {
                "name": b.name,
                "title": b.title,
                "size": b.size,
                "separable": separable(b.challenge),
                "locked": b.challenge.locked_values,
                "note": b.note,
                "url": urls[b.name],
            }
            for b in ladder
        ]
    }
