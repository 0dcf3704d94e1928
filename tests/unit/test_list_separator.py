"""A list of numbers in a formula is written the language's way: max(0, 1.8008) in
English, max(0; 1,8008) beside a decimal comma, where max(0, 1,8008) would be unclear.
The separator is a property of the language's registry entry; formulas from the
activation registry say their lists with it, and their words in the language."""

from __future__ import annotations

from gettext import NullTranslations

import pytest

from webapp.language import LANGUAGES, from_cldr, local_lists, speaking, translations
from webapp.lesson.activations import ACTIVATIONS


def test_a_decimal_comma_language_separates_a_list_with_a_semicolon():
    assert LANGUAGES["en"].list_separator == ","
    assert LANGUAGES["de"].list_separator == ";"
    assert LANGUAGES["es"].list_separator == ";"
    # derived from the decimal sign, for any language CLDR knows
    assert from_cldr("fr", "fr_FR").list_separator == ";"
    assert from_cldr("ja", "ja_JP").list_separator == ","


@pytest.mark.parametrize(
    ("text", "german"),
    [
        ("max(0, 1,8008)", "max(0; 1,8008)"),  # a decimal comma has no space after it
        ("relu(z) = max(0, z)", "relu(z) = max(0; z)"),
        ("(0, 1)", "(0; 1)"),
        ("[0, ∞)", "[0; ∞)"),
        ("step(z) = 1 if z ≥ 0, else 0", "step(z) = 1 if z ≥ 0, else 0"),  # prose
        ("f(g(1, 2), 3)", "f(g(1; 2); 3)"),
        ("a, b) (c, d", "a, b) (c; d"),  # an unmatched bracket opens nothing
    ],
)
def test_lists_inside_brackets_take_the_separator_and_prose_keeps_its_commas(text, german):
    with speaking(LANGUAGES["de"], NullTranslations()):
        assert local_lists(text) == german
    assert local_lists(text) == text  # English, outside any request


@pytest.mark.parametrize("code", ["de", "es"])
def test_the_registry_formulas_speak_the_language_with_its_list_separator(code):
    language = LANGUAGES[code]
    with speaking(language, translations(language)):
        formulas = {name: act.translated_formula for name, act in ACTIVATIONS.items()}
        relu_option = str(ACTIVATIONS["relu"].form_label)
    assert formulas["relu"] == "relu(z) = max(0; z)"
    assert relu_option == "ReLU max(0; z)"
    assert "if" not in formulas["step"] and "else" not in formulas["step"]
    assert formulas["step"] != ACTIVATIONS["step"].formula
    # the API and links read the registry's English, unchanged
    assert ACTIVATIONS["relu"].formula == "relu(z) = max(0, z)"
    assert str(ACTIVATIONS["relu"].form_label) == "ReLU max(0, z)"
