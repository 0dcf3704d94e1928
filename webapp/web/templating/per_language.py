"""Templates compiled once per language, their constant messages translated then.

A page says ``{{ _("Compute") }}`` a few hundred times over; asked at render time, each
is two Jinja calls, a catalogue lookup and a Markup, and a fresh page (a new link) spent
a third of its time more than it did in English alone. So each language gets its own
overlay of the app's Jinja environment (same loader, filters and globals; its own
template cache), and while a template is compiled there, ``_("…")`` with a constant
message and no values becomes that message's translation, marked safe as gettext's
would be. Messages with values, ``{% trans %}`` blocks and ``ngettext`` are translated
at render time by ``template_gettext``/``template_ngettext``, plain functions (Jinja's
newstyle wrappers call back into the context twice for each).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, MutableMapping
from gettext import NullTranslations
from typing import Any

from flask.templating import Environment as FlaskEnvironment
from jinja2 import Template
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream
from markupsafe import Markup

from webapp.language import active, gettext
from webapp.language.speaking import current_translations, translated_plural

_GETTEXT_NAMES = frozenset({"_", "gettext"})
Globals = MutableMapping[str, Any] | None


def template_gettext(message: str, /, **variables: Any) -> Markup:
    """Newstyle gettext for autoescaped templates: the translation is markup, its values
    are escaped."""
    text = Markup(gettext(message))
    return text % variables if variables else text


def template_ngettext(singular: str, plural: str, num: int, /, **variables: Any) -> Markup:
    variables.setdefault("num", num)
    return Markup(translated_plural(singular, plural, num)) % variables


class ConstantMessages(Extension):
    """Rewrites ``_("message")`` to ``("translation"|safe)`` in an environment that
    names its translations (``environment.neuron_lab_translations``)."""

    def filter_stream(self, stream: TokenStream) -> Iterable[Token]:
        translations: NullTranslations | None = getattr(
            self.environment, "neuron_lab_translations", None
        )
        tokens = list(stream)
        if translations is None:
            return tokens
        return _rewritten(tokens, translations)


def _is_constant_call(tokens: list[Token], i: int) -> bool:
    if not (tokens[i].type == "name" and tokens[i].value in _GETTEXT_NAMES):
        return False
    if i > 0 and tokens[i - 1].type == "dot":  # something._(…) is not ours
        return False
    window = [t.type for t in tokens[i + 1 : i + 4]]
    return window == ["lparen", "string", "rparen"]


def _rewritten(tokens: list[Token], translations: NullTranslations) -> Iterator[Token]:
    i = 0
    while i < len(tokens):
        if _is_constant_call(tokens, i):
            line, message = tokens[i].lineno, tokens[i + 2].value
            yield Token(line, "lparen", "(")
            yield Token(line, "string", translations.gettext(message))
            yield Token(line, "pipe", "|")
            yield Token(line, "name", "safe")
            yield Token(line, "rparen", ")")
            i += 4
            continue
        yield tokens[i]
        i += 1


class LanguageEnvironment(FlaskEnvironment):
    """Flask's environment, each template loaded from the active language's overlay.

    Only Jinja's public API: ``overlay()`` makes an environment with the same loader,
    filters and globals and a template cache of its own; ``get_template`` and
    ``select_template`` (which Flask's ``render_template`` and every ``{% include %}`` /
    ``{% import %}`` go through) hand the name to the overlay, which loads, compiles and
    keeps it as any environment does. A template compiled there has the overlay as its
    environment, so what it includes comes from the same language.
    """

    def get_template(
        self, name: str | Template, parent: str | None = None, globals: Globals = None
    ) -> Template:
        if not self.overlayed:
            return self.for_language().get_template(name, parent, globals)
        return _with_globals(self, super().get_template(name, parent), globals)

    def select_template(
        self,
        names: Iterable[str | Template],
        parent: str | None = None,
        globals: Globals = None,
    ) -> Template:
        if not self.overlayed:
            return self.for_language().select_template(names, parent, globals)
        return _with_globals(self, super().select_template(names, parent), globals)

    def make_globals(self, d: Globals) -> MutableMapping[str, Any]:
        """A template's globals: the environment's own dict when it has none of its own.

        Jinja's default, a ChainMap over them, is slow just where it is read: every
        render and include copies it with dict() and set(), every import takes a set
        difference with it, each a Python-level walk of its 30-odd names (about 1 ms of
        a fresh lesson page's 33 contexts and 19 imports). The very same dict still
        shows the template later changes to the environment's globals, as Jinja
        promises; a template given globals of its own gets its ChainMap
        (``_with_globals``)."""
        if not d:
            return self.globals
        return super().make_globals(d)

    def for_language(self) -> LanguageEnvironment:
        """The active language's overlay, made on first use (keyed on the loader too: a
        test may swap it after the first page)."""
        key = (active().code, id(self.loader))
        overlays: dict[tuple[str, int], LanguageEnvironment] = self.__dict__.setdefault(
            "neuron_lab_overlays", {}
        )
        if key not in overlays:
            overlay = self.overlay()
            overlay.neuron_lab_translations = current_translations()  # type: ignore[attr-defined]
            overlays[key] = overlay  # type: ignore[assignment]
        return overlays[key]


def _with_globals(env: LanguageEnvironment, template: Template, globals: Globals) -> Template:
    """A template asked for with globals of its own keeps them in a ChainMap of its own
    (loaded without them, it shares the environment's dict: ``make_globals``)."""
    if globals:
        if template.globals is env.globals:
            template.globals = env.make_globals(dict(globals))
        else:
            template.globals.update(globals)
    return template
