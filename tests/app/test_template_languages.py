"""Templates compiled per language (webapp/web/templating/per_language.py): a constant
``_("…")`` is translated when the template is compiled for a language, everything else
at render time, and no language's compiled template is ever served in another."""

from __future__ import annotations

import pytest
from flask import render_template
from jinja2 import ChoiceLoader, DictLoader

from webapp.language.speaking import current_translations
from webapp.web.templating.per_language import _rewritten

PROBE = (
    '{{ _("Compute") }}|{{ _("Compute")|upper }}|{{ x._("Compute") }}|'
    '{{ _("%(right)s of %(total)s right", right=1, total=2) }}|'
    "{% trans %}Compute{% endtrans %}|{{ _(\"Skip to the lesson\") if flag else '' }}"
)


class Obj:
    @staticmethod
    def _(message: str) -> str:
        return f"<{message}>"


@pytest.fixture
def probe_app(app):
    app.jinja_env.loader = ChoiceLoader([DictLoader({"probe.html": PROBE}), app.jinja_env.loader])
    return app


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("lang=en", "Compute|COMPUTE|&lt;Compute&gt;|1 of 2 right|Compute|Skip to the lesson"),
        ("lang=de", "Berechnen|BERECHNEN|&lt;Compute&gt;|1 von 2 richtig|Berechnen|"),
        ("lang=es", "Calcular|CALCULAR|&lt;Compute&gt;|1 de 2 bien|Calcular|"),
    ],
)
def test_a_template_speaks_the_language_it_was_compiled_for(probe_app, query, expected):
    with probe_app.test_request_context(f"/?{query}"):
        probe_app.preprocess_request()
        flag = query == "lang=en"
        assert render_template("probe.html", x=Obj(), flag=flag) == expected


def test_languages_take_turns_on_one_app_without_leaking(probe_app):
    for query, word in [("lang=de", "Berechnen"), ("lang=en", "Compute"), ("lang=es", "Calcular")]:
        with probe_app.test_request_context(f"/?{query}"):
            probe_app.preprocess_request()
            assert render_template("probe.html", x=Obj(), flag=False).startswith(word + "|")


def test_a_constant_message_is_rewritten_only_as_a_whole_call(app):
    source = '{{ _("Compute") }}{{ _("Compute", x=1) }}{{ _(name) }}{{ a._("Compute") }}'
    lexer = app.jinja_env.lexer
    tokens = list(lexer.wrap(lexer.tokeniter(source, None)))
    rewritten = list(_rewritten(tokens, _german(app)))
    strings = [t.value for t in rewritten if t.type == "string"]
    assert strings == ["Berechnen", "Compute", "Compute"]  # calls with values stay
    assert [t.value for t in rewritten if t.type == "name"].count("safe") == 1


def _german(app):
    with app.test_request_context("/?lang=de"):
        app.preprocess_request()
        return current_translations()


def test_templates_read_the_environments_globals_and_keep_their_own_apart(probe_app):
    env = probe_app.jinja_env
    with probe_app.test_request_context("/?lang=en"):
        probe_app.preprocess_request()
        assert env.get_template("probe.html").globals is env.globals  # no ChainMap to walk
        env.globals["added_later"] = "seen"  # Jinja's promise: later changes reach it
        assert env.from_string("{{ added_later }}").render() == "seen"
        own = env.get_template("probe.html", globals={"only_here": 1})
        assert own.globals["only_here"] == 1 and own.globals["added_later"] == "seen"
        assert "only_here" not in env.globals
    del env.globals["added_later"]
