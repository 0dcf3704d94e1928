"""The translations are complete, faithful and compiled.

Messages are extracted from the source here (Babel's own extractors, with the project's
babel.cfg), so a string marked in code or a template but missing from a catalogue fails
at once, before anyone runs ``pybabel update``. Every translation keeps the message's
placeholders and its markup, and the committed .mo files say what the .po files say.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "webapp" / "translations"
LANGUAGES = ("de", "es")
KEYWORDS = {
    "_": None,
    "N_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "lazy_gettext": None,
}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
TAG = re.compile(r"</?([a-z]+)\b")


def _source_messages() -> set[tuple[str | None, str]]:
    """Every (context, msgid) (a plural's singular) marked in webapp/ and templates/."""
    with open(TRANSLATIONS / "babel.cfg", encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found = set()
    for _file, _line, message, _comments, context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=KEYWORDS
    ):
        found.add((context, message[0] if isinstance(message, tuple) else message))
    return found


SOURCE = _source_messages()


def _catalogue(code: str):
    with open(TRANSLATIONS / code / "LC_MESSAGES" / "messages.po", "rb") as po:
        return read_po(po, locale=code)


def _forms(message) -> list[str]:
    string = message.string
    return list(string) if isinstance(string, list | tuple) else [string]


def test_the_source_has_messages_to_translate():
    # the lesson's own words, from Python and templates
    assert len(SOURCE) > 300
    assert {(None, "Language"), (None, "Compute"), ("BMI class", "Obese")} <= SOURCE


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_message_in_the_source_has_a_translation(code):
    catalogue = _catalogue(code)
    translated = {
        (m.context, m.id[0] if isinstance(m.id, tuple) else m.id)
        for m in catalogue
        if m.id and not m.fuzzy and all(_forms(m))
    }
    missing = sorted(SOURCE - translated)
    assert not missing, f"{len(missing)} messages lack a {code} translation: {missing[:20]}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_plural_messages_have_every_form_of_the_language(code):
    catalogue = _catalogue(code)
    for message in catalogue:
        if message.id and isinstance(message.id, tuple):
            assert len(_forms(message)) == catalogue.num_plurals, message.id


@pytest.mark.parametrize("code", LANGUAGES)
def test_translations_keep_every_placeholder_and_tag(code):
    problems = []
    for message in _catalogue(code):
        if not message.id:
            continue
        ids = list(message.id) if isinstance(message.id, tuple) else [message.id]
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        tags = sorted(TAG.findall(ids[-1]))
        for form in _forms(message):
            got = set(PLACEHOLDER.findall(form))
            # a singular form may say "one" instead of %(num)d
            if got != wanted and got != wanted - {"num"}:
                problems.append(f"{ids[0]!r}: placeholders {sorted(got)} ≠ {sorted(wanted)}")
            if sorted(TAG.findall(form)) != tags:
                problems.append(f"{ids[0]!r}: tags {sorted(TAG.findall(form))} ≠ {tags}")
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_compiled_catalogue_is_the_po_file(code):
    catalogue = _catalogue(code)
    with open(TRANSLATIONS / code / "LC_MESSAGES" / "messages.mo", "rb") as mo:
        compiled = read_mo(mo)

    def entries(messages) -> dict:
        # read_mo gives a plural's ids and forms as lists, read_po as tuples
        return {
            (m.context, tuple(m.id) if isinstance(m.id, list | tuple) else m.id): tuple(_forms(m))
            for m in messages
            if m.id and not m.fuzzy
        }

    expected, got = entries(catalogue), entries(compiled)
    stale = sorted(str(k) for k in expected.keys() ^ got.keys())
    stale += sorted(str(k) for k in expected.keys() & got.keys() if expected[k] != got[k])
    assert not stale, f"run pybabel compile -d webapp/translations: {stale[:10]}"
