"""The neuron's two answers, "Obese" and "Not Obese": one small value each, said one way.

A label is compared by what it means (``label.obese``), never by its words. ``str(label)``
says it in the active language, from the catalogue's one message (English where no
language is active, as in the API); ``label.english`` is the contract's word for JSON;
``label.answer`` is predict mode's value for it (``a_label=obese``). No Flask.
"""

from __future__ import annotations

from dataclasses import dataclass

from webapp.language import N_, gettext

_ENGLISH = {True: N_("Obese"), False: N_("Not Obese")}
_ANSWERS = {True: "obese", False: "not_obese"}


@dataclass(frozen=True)
class Label:
    """One of the neuron's two answers (True: obese)."""

    obese: bool

    @property
    def english(self) -> str:
        """The contract's word: "Obese" or "Not Obese" (JSON, the OpenAPI enum)."""
        return _ENGLISH[self.obese]

    @property
    def answer(self) -> str:
        """Predict mode's query value for this answer: ``obese`` or ``not_obese``."""
        return _ANSWERS[self.obese]

    def __str__(self) -> str:
        """The answer in the active language: what every page, picture and card says."""
        return gettext(self.english)


OBESE = Label(True)
NOT_OBESE = Label(False)


def label_for(decision: bool) -> Label:
    """The answer for a decision (output ≥ threshold): OBESE or NOT_OBESE."""
    return OBESE if decision else NOT_OBESE
