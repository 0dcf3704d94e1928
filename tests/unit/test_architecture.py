"""The house rules of webapp/ and templates/, read from the source: Python's ``ast``,
Jinja's own parser, and a subprocess for what an import really loads. No Flask, no app.

- language, lesson, learning, pictures, practice, challenges, widget and api import no web
  framework;
- layers import downwards only: language < lesson < learning < pictures < practice,
  challenges, widget < api < web < the factory (webapp/__init__.py), and
  webapp.extensions is for web and the factory; webapp.serving (gunicorn's worker)
  imports nothing of ours;
- no function or method in webapp/ is longer than 50 lines;
- imports are at the top of a module, never inside a function, and no modules import
  each other in a circle;
- activations are looked up by name only where input is parsed; below, the object travels;
- the web layer: no literal table of endpoint or blueprint names (each route declares
  its facts on its view), no language code outside webapp/language/ (read the registry),
  no folder of webapp/ over 15 modules (rooms by feature), no view module importing
  another;
- templates present numbers, they never compute them: no arithmetic in ``{{ }}``/``{% %}``;
- no ``{% include … ignore missing %}``: a missing template is an error, not a gap;
- templates name their variables: no one-letter loop or set variable but x, y, z, n, f;
- and the tests in tests/unit/ themselves need no Flask and no app.

Each test lists every offender with its file and line.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from jinja2 import Environment, nodes

from webapp.language import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]  # tests/unit/ → the repository
PACKAGE = ROOT / "webapp"
TEMPLATES = ROOT / "templates"
UNIT_TESTS = Path(__file__).resolve().parent

FRAMEWORK_FREE = (
    "language",
    "lesson",
    "learning",
    "pictures",
    "practice",
    "challenges",
    "widget",
    "api",
)
FRAMEWORKS = ("flask", "werkzeug", "jinja2", "flask_wtf")
MAX_FUNCTION_LINES = 50

# Which layers each layer may import (low → high: lesson, learning, pictures, practice,
# challenges, widget, api, web; the factory, webapp/__init__.py, on top). "extensions" is
# webapp/extensions.py. practice (problems, verdicts, mastery, worksheets) and challenges
# build on the lesson only; widget (the embeddable widget's parts and options) on the
# languages alone.
# language (the active language, its messages and numbers) is below them all.
LOWER = FRAMEWORK_FREE
MAY_IMPORT: dict[str, set[str]] = {
    "language": {"language"},
    "lesson": {"language", "lesson"},
    "learning": {"language", "lesson", "learning"},
    "pictures": {"language", "lesson", "learning", "pictures"},
    "practice": {"language", "lesson", "practice"},
    "challenges": {"language", "lesson", "challenges"},  # pictures take its values
    "widget": {"language", "widget"},
    "api": {*LOWER},
    "web": {*LOWER, "web", "extensions"},
    "extensions": {"extensions"},
    "factory": {*LOWER, "web", "extensions"},
    "serving": {"serving"},  # the production server's worker: gunicorn.conf.py's alone
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES: dict[str, Path] = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _where(path: Path, line: int) -> str:
    return f"{path.relative_to(ROOT)}:{line}"


def fail_if_any(offenders: list[str], title: str) -> None:
    """Fail with the title and one offender a line (no assertion rewriting clutter)."""
    if offenders:
        pytest.fail(f"{title}\n" + "\n".join(f"  {o}" for o in offenders), pytrace=False)


def layer(module: str) -> str:
    """webapp → factory, webapp.extensions → extensions, webapp.<layer>[.…] → <layer>."""
    parts = module.split(".")
    return "factory" if parts == ["webapp"] else parts[1]


def _imported(module: str, path: Path) -> Iterator[tuple[int, str]]:
    """(line, module) for every import in the file, relative ones resolved; for
    ``from package import name`` the module is package.name when that is a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{base}.{node.module}" if node.module else base
            else:
                base = node.module or ""
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                yield node.lineno, candidate if candidate in MODULES else base


def _webapp_imports(module: str, path: Path) -> Iterator[tuple[int, str]]:
    for line, name in _imported(module, path):
        if name == "webapp" or name.startswith("webapp."):
            yield line, name


# --- a. no web framework below web ---------------------------------------------------

# webapp/__init__.py is the Flask factory, and Python runs a package's __init__ before
# any of its subpackages. A bare package stands in for it here, so that what is
# measured is what the packages themselves import.
_IMPORT_ALL = """
import importlib, json, sys, types
root, frameworks, paths, names = sys.argv[1], sys.argv[2].split(","), sys.argv[3], sys.argv[4]
package = types.ModuleType("webapp")
package.__path__ = [root + "/webapp"]
sys.modules["webapp"] = package
sys.path[:0] = json.loads(paths)

def loaded():
    return {m.split(".")[0] for m in sys.modules} & set(frameworks)

before, report = loaded(), {}
for name in json.loads(names):
    found = []
    try:
        importlib.import_module(name)
    except Exception as error:
        found.append(f"cannot be imported: {type(error).__name__}: {error}")
    if loaded() - before:
        found.insert(0, "loads " + ", ".join(sorted(loaded() - before)))
        before = loaded()
    if found:
        report[name] = "; ".join(found)
print(json.dumps(report))
"""


def frameworks_loaded_by(
    names: list[str], frameworks: tuple[str, ...], paths: tuple[Path, ...] = ()
) -> dict[str, str]:
    """Import the modules in a fresh interpreter, in order; for each one that loads a
    framework (first), or cannot be imported, what happened."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            _IMPORT_ALL,
            str(ROOT),
            ",".join(frameworks),
            json.dumps([str(p) for p in paths]),
            json.dumps(names),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_lesson_learning_pictures_and_api_import_no_web_framework():
    names = [m for m in MODULES if layer(m) in FRAMEWORK_FREE]
    assert len(names) > len(FRAMEWORK_FREE)  # the packages and their modules
    report = frameworks_loaded_by(names, FRAMEWORKS)
    direct = [
        f"{_where(MODULES[m], line)}: {m} imports {name}"
        for m in names
        for line, name in _imported(m, MODULES[m])
        if name.split(".")[0] in FRAMEWORKS
    ]
    fail_if_any(
        [f"{m}: {what}" for m, what in report.items()] + [f"(directly) {line}" for line in direct],
        f"Modules of {', '.join(FRAMEWORK_FREE)} that load {'/'.join(FRAMEWORKS)}:",
    )


def test_the_framework_probe_would_see_flask():
    report = frameworks_loaded_by(["webapp.lesson.neuron", "webapp.web.lesson.links"], FRAMEWORKS)
    assert list(report) == ["webapp.web.lesson.links"]
    assert "flask" in report["webapp.web.lesson.links"]


# --- b. layers import downwards only -------------------------------------------------


def test_every_module_belongs_to_a_layer():
    unknown = [f"{_where(p, 1)}: {m}" for m, p in MODULES.items() if layer(m) not in MAY_IMPORT]
    fail_if_any(unknown, f"Modules in none of the layers {sorted(MAY_IMPORT)}:")


@pytest.mark.parametrize("source", list(MAY_IMPORT))
def test_a_layer_imports_only_the_layers_below_it(source):
    allowed = MAY_IMPORT[source]
    offenders = [
        f"{_where(path, line)}: {module} imports {target} ({layer(target)})"
        for module, path in MODULES.items()
        if layer(module) == source
        for line, target in _webapp_imports(module, path)
        if layer(target) not in allowed
    ]
    fail_if_any(
        offenders,
        f"{source} may import only {', '.join(sorted(allowed))}; these imports go up or sideways:",
    )


def test_the_layer_table_keeps_the_house_rules():
    # language imports nothing of ours; lesson only language and lesson; pictures never
    # api or web; nothing below web imports web, the factory or the extensions; only web
    # and the factory take extensions
    assert MAY_IMPORT["language"] == {"language"}
    assert MAY_IMPORT["lesson"] == {"language", "lesson"}
    assert not {"api", "web"} & MAY_IMPORT["pictures"]
    assert MAY_IMPORT["practice"] == {"language", "lesson", "practice"}
    for low in LOWER:
        assert not {"web", "factory", "extensions"} & MAY_IMPORT[low], low
    assert {name for name, may in MAY_IMPORT.items() if "extensions" in may} == {
        "web",
        "extensions",
        "factory",
    }
    assert all("factory" not in may for may in MAY_IMPORT.values())


def test_the_import_reader_resolves_every_form(tmp_path):
    path = tmp_path / "__init__.py"
    path.write_text(
        "import webapp\n"
        "import webapp.web.links as links\n"
        "from webapp import create_app, lesson\n"
        "from . import neuron\n"
        "from .boundary import z_star\n"
        "from .. import api\n"
        "def f():\n"
        "    from webapp.extensions import csrf\n",
        encoding="utf-8",
    )
    assert list(_imported("webapp.lesson", path)) == [
        (1, "webapp"),
        (2, "webapp.web.links"),
        (3, "webapp"),  # create_app: the factory module
        (3, "webapp.lesson"),
        (4, "webapp.lesson.neuron"),
        (5, "webapp.lesson.boundary"),
        (6, "webapp.api"),
        (8, "webapp.extensions"),
    ]
    assert [layer(m) for _, m in _imported("webapp.lesson", path)] == [
        "factory",
        "web",
        "factory",
        "lesson",
        "lesson",
        "lesson",
        "api",
        "extensions",
    ]


# --- f. the web layer: rooms, views, facts on the views, languages in the registry ------

MAX_FOLDER_MODULES = 15
# What a view module is: it makes a blueprint. Views parse, call and render; what two of
# them share lives in a module of their room that is no view (a page model, links…).
_ENDPOINT = re.compile(r"[a-z_]+\.[a-z_]+")
_LANG_IN_TEXT = re.compile(r"\blang=([A-Za-z-]+)")


def _trees() -> Iterator[tuple[str, Path, ast.Module]]:
    for module, path in MODULES.items():
        yield module, path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _makes_a_blueprint(tree: ast.Module) -> list[str]:
    """The names of the blueprints the module makes at its top level."""
    names = []
    for node in tree.body:
        call = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "Blueprint":
            first = call.args[0] if call.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                names.append(first.value)
    return names


def view_modules() -> dict[str, list[str]]:
    """Each module that makes a blueprint, and the blueprints' names."""
    found = {module: _makes_a_blueprint(tree) for module, _, tree in _trees()}
    return {module: names for module, names in found.items() if names}


def _docstrings(tree: ast.Module) -> set[int]:
    """The ids of every docstring's node (they may name a code or an endpoint as text)."""
    kept = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        first = body[0] if isinstance(body, list) and body else None
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
            kept.add(id(first.value))
    return kept


def _strings(node: ast.AST, skip: set[int]) -> Iterator[ast.Constant]:
    for child in ast.walk(node):
        if (
            isinstance(child, ast.Constant)
            and isinstance(child.value, str)
            and id(child) not in skip
        ):
            yield child


def endpoint_tables(tree: ast.Module, blueprints: set[str]) -> Iterator[tuple[int, str]]:
    """(line, its strings) for each dict, set, tuple or list literal that holds an
    endpoint ("pages.index") or two blueprints' names or more: a table keyed by route
    names, where each route should declare its facts itself. (One blueprint's name
    alone is a word: a JSON key "history", say.)"""
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            items: list[ast.expr | None] = list(node.keys)
        elif isinstance(node, ast.Set | ast.Tuple | ast.List):
            items = list(node.elts)
        else:
            continue
        texts = [i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)]
        endpoints = [t for t in texts if _ENDPOINT.fullmatch(t) and t.split(".")[0] in blueprints]
        if endpoints or len([t for t in texts if t in blueprints]) > 1:
            yield node.lineno, ", ".join(texts)


def test_no_table_names_endpoints_or_blueprints():
    blueprints = {name for names in view_modules().values() for name in names}
    assert {"pages", "api", "embed"} <= blueprints
    offenders = [
        f"{_where(path, line)}: {text!r}"
        for _, path, tree in _trees()
        for line, text in endpoint_tables(tree, blueprints)
    ]
    fail_if_any(
        offenders, "Literal tables of endpoint or blueprint names (declare it on the view):"
    )


def test_the_endpoint_table_finder():
    tree = ast.parse(
        'A = {"pages.index": 1}\nB = frozenset({"api", "challenges_api"})\n'
        'C = ("api", "name")\nD = ("name", "people")\nurl_for("pages.index")\n'
        'E = [f(x) for x in ("w1", "w2")]\n'
    )
    found = sorted(endpoint_tables(tree, {"pages", "api", "challenges_api"}))
    assert found == [(1, "pages.index"), (2, "api, challenges_api")]


def language_codes_in(tree: ast.Module, codes: set[str]) -> Iterator[tuple[int, str]]:
    """(line, text) for each string, docstrings aside, that is a language's code or names
    one as ``lang=<code>``."""
    for node in _strings(tree, _docstrings(tree)):
        named = {match.group(1) for match in _LANG_IN_TEXT.finditer(node.value)}
        if node.value in codes or named & codes:
            yield node.lineno, node.value


def test_no_language_code_outside_the_language_package():
    codes = set(LANGUAGES)
    assert codes >= {"en", "de", "es"}
    offenders = [
        f"{_where(path, line)}: {text!r}"
        for module, path, tree in _trees()
        if layer(module) != "language"
        for line, text in language_codes_in(tree, codes)
    ]
    fail_if_any(offenders, "Language codes outside webapp/language/ (read the registry):")


def test_the_language_code_finder():
    tree = ast.parse('"""About lang=de."""\nA = "de"\nB = f"x?lang=es"\nC = "dex"\nD = "en_GB"\n')
    found = sorted(language_codes_in(tree, {"en", "de", "es"}))
    assert found == [(2, "de"), (3, "x?lang=es")]


def test_no_folder_holds_more_than_15_modules():
    folders: dict[Path, int] = {}
    for path in MODULES.values():
        folders[path.parent] = folders.get(path.parent, 0) + 1
    offenders = [
        f"{folder.relative_to(ROOT)}/: {count} modules"
        for folder, count in sorted(folders.items())
        if count > MAX_FOLDER_MODULES
    ]
    fail_if_any(offenders, f"Folders of more than {MAX_FOLDER_MODULES} modules (split by feature):")


def test_no_view_module_imports_another():
    views = view_modules()
    assert len(views) >= 8
    offenders = [
        f"{_where(MODULES[module], line)}: {module} imports {target}"
        for module in views
        for line, target in _webapp_imports(module, MODULES[module])
        if target in views and target != module
    ]
    fail_if_any(offenders, "View modules importing views (move what they share out of them):")


# --- c. short functions --------------------------------------------------------------


def _functions(node: ast.AST, prefix: str = "") -> Iterator[tuple[str, ast.AST]]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
            yield prefix + child.name, child
            yield from _functions(child, f"{prefix}{child.name}.")
        elif isinstance(child, ast.ClassDef):
            yield from _functions(child, f"{prefix}{child.name}.")
        else:
            yield from _functions(child, prefix)


def function_lengths(path: Path) -> Iterator[tuple[int, str, int]]:
    """(line of the def, qualified name, lines from the def to the end of the body)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for name, node in _functions(tree):
        assert node.end_lineno is not None
        yield node.lineno, name, node.end_lineno - node.lineno + 1


def test_no_function_is_longer_than_50_lines():
    offenders = [
        f"{_where(path, line)}: {name} is {length} lines"
        for path in MODULES.values()
        for line, name, length in function_lengths(path)
        if length > MAX_FUNCTION_LINES
    ]
    fail_if_any(
        offenders, f"Functions longer than {MAX_FUNCTION_LINES} lines (def to end of body):"
    )


def test_function_lengths_count_from_the_def_to_the_end(tmp_path):
    path = tmp_path / "m.py"
    path.write_text(
        "@decorator\n"
        "def f():\n"
        "    x = 1\n"
        "\n"
        "    return x\n"
        "class C:\n"
        "    async def g(self):\n"
        "        def inner():\n"
        "            pass\n",
        encoding="utf-8",
    )
    assert list(function_lengths(path)) == [(2, "f", 4), (7, "C.g", 3), (8, "C.g.inner", 2)]


# --- imports at the top, and no circles ------------------------------------------------


def imports_inside_functions(path: Path) -> Iterator[tuple[int, str, str]]:
    """(line, function, import) for every import inside a function or method: an import
    there hides a dependency (often a circle) from the reader and from the layer test."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))

    def visit(node: ast.AST, function: str | None) -> Iterator[tuple[int, str, str]]:
        for child in ast.iter_child_nodes(node):
            if function and isinstance(child, ast.Import | ast.ImportFrom):
                yield child.lineno, function, ast.unparse(child)
            inner = (
                child.name if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef) else None
            )
            yield from visit(child, inner or function)

    yield from visit(tree, None)


def test_no_import_inside_a_function():
    offenders = [
        f"{_where(path, line)}: {what} in {function}()"
        for path in MODULES.values()
        for line, function, what in imports_inside_functions(path)
    ]
    fail_if_any(offenders, "Imports inside functions (import at the top; break a circle instead):")


def test_the_inner_import_finder(tmp_path):
    path = tmp_path / "m.py"
    path.write_text(
        "import os\n"
        "def f():\n"
        "    from webapp.challenges.builtins import BUILTINS\n"
        "    def g():\n"
        "        import json\n"
        "class C:\n"
        "    import re\n"
        "    def h(self):\n"
        "        if True:\n"
        "            import sys\n",
        encoding="utf-8",
    )
    assert [(line, function) for line, function, _ in imports_inside_functions(path)] == [
        (3, "f"),
        (5, "g"),
        (10, "h"),
    ]


def import_circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other in a circle (Tarjan's strongly
    connected components of more than one module), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def connect(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for target in sorted(graph.get(module, ())):
            if target not in index:
                connect(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while not group or group[-1] != module:
                group.append(stack.pop())
            if len(group) > 1:
                circles.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            connect(module)
    return circles


def test_no_modules_import_each_other_in_a_circle():
    graph = {
        module: {target for _, target in _webapp_imports(module, path) if target in MODULES}
        - {module}
        for module, path in MODULES.items()
    }
    fail_if_any(
        [" <-> ".join(circle) for circle in import_circles(graph)],
        "Modules that import each other in a circle (move what both need below them):",
    )


def test_the_circle_finder():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"d", "e"}}
    assert import_circles(graph) == [["a", "b", "c"]]
    assert import_circles({"a": {"b"}, "b": set()}) == []


# --- the activation travels as an object ------------------------------------------------

# Where input is parsed, a name becomes the registry's Activation; everything below takes
# the object (activation.z_star, activation(z)), never a name to look up again. The
# challenge link and the learning page parse no activation of their own: the challenge's
# comes from the lesson's parser, and learning trains the registry's SIGMOID.
LOOKUP_ALLOWED = {
    "webapp.lesson.activations": "the registry itself",
    "webapp.lesson.params": "the query parser (page, widget, oEmbed, GET API)",
    "webapp.api.body": "the POST body parser",
}
REGISTRY = "ACTIVATIONS"


def _is_registry(node: ast.AST) -> bool:
    return (isinstance(node, ast.Name) and node.id == REGISTRY) or (
        isinstance(node, ast.Attribute) and node.attr == REGISTRY
    )


def _looks_up(node: ast.AST) -> bool:
    if isinstance(node, ast.Subscript):  # ACTIVATIONS[name]
        return _is_registry(node.value)
    if isinstance(node, ast.Compare):  # name in ACTIVATIONS
        pairs = zip(node.ops, node.comparators, strict=True)
        return any(isinstance(op, ast.In | ast.NotIn) and _is_registry(c) for op, c in pairs)
    if isinstance(node, ast.Call):  # ACTIVATIONS.get(name), lookup(name)
        func = node.func
        if isinstance(func, ast.Attribute):
            return func.attr == "lookup" or (func.attr == "get" and _is_registry(func.value))
        return isinstance(func, ast.Name) and func.id == "lookup"
    return False


def name_lookups(path: Path) -> Iterator[tuple[int, str]]:
    """(line, what) for each look-up of an activation by name: ``ACTIVATIONS[...]``,
    ``ACTIVATIONS.get(...)``, ``… in ACTIVATIONS`` and ``lookup(...)``. Walking the
    registry (``.values()``, ``list(ACTIVATIONS)``) is not a look-up."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if _looks_up(node):
            yield node.lineno, ast.unparse(node)


def test_activations_are_looked_up_by_name_only_where_parsed():
    offenders = [
        f"{_where(path, line)}: {what}"
        for module, path in MODULES.items()
        if module not in LOOKUP_ALLOWED
        for line, what in name_lookups(path)
    ]
    fail_if_any(
        offenders,
        "Activations looked up by name outside the parsers "
        f"({', '.join(LOOKUP_ALLOWED)}): pass the Activation on instead:",
    )


def test_the_allowed_parsers_do_look_activations_up():
    # each entry earns its place: a module that no longer looks up leaves the list
    for module in LOOKUP_ALLOWED:
        assert list(name_lookups(MODULES[module])), module


def test_the_lookup_finder(tmp_path):
    path = tmp_path / "m.py"
    path.write_text(
        "act = ACTIVATIONS[name]\n"
        "if name in activations.ACTIVATIONS: pass\n"
        "ACTIVATIONS.get(name)\n"
        "lookup(name)\n"
        "activations.lookup(name)\n"
        "for a in ACTIVATIONS.values(): pass\n"
        "names = list(ACTIVATIONS)\n"
        "z = activation.z_star\n",
        encoding="utf-8",
    )
    assert [line for line, _ in name_lookups(path)] == [1, 2, 3, 4, 5]


# --- d. and e. templates -------------------------------------------------------------

ARITHMETIC: dict[type[nodes.Expr], str] = {
    nodes.Add: "+",
    nodes.Sub: "-",
    nodes.Mul: "*",
    nodes.Div: "/",
    nodes.FloorDiv: "//",
    nodes.Mod: "%",
    nodes.Pow: "**",
}
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
_STRING = re.compile(r"'[^']*'|\"[^\"]*\"")


def _is_text(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Const) and isinstance(node.value, str)


def _on_text_or_lists(node: nodes.BinExpr) -> bool:
    """``+`` or ``*`` with a string or list literal joins or repeats text and lists, and
    ``'…' % x`` formats text: presentation, not arithmetic."""
    if isinstance(node, nodes.Mod):
        return _is_text(node.left)
    if isinstance(node, nodes.Add | nodes.Mul):
        sides = (node.left, node.right)
        return any(_is_text(n) or isinstance(n, nodes.List | nodes.Tuple) for n in sides)
    return False


def _parse(source: str) -> nodes.Template:
    """The template's tree, read as the app reads it ({% trans %}, newstyle gettext)."""
    env = Environment(extensions=["jinja2.ext.i18n"])
    env.install_null_translations(newstyle=True)  # type: ignore[attr-defined]
    return env.parse(source)


def arithmetic(source: str) -> Iterator[tuple[int, str]]:
    """(line, operator) for each arithmetic operation in the template's expressions.

    Jinja's parser reads the template, so text outside tags, comments and string
    literals (a "−" or "a - b" in quotes) are never mistaken for expressions; ``~``,
    filters such as ``|round``, comparisons and a negative literal like ``-1`` are fine.
    """
    tree = _parse(source)
    for node in tree.find_all((nodes.BinExpr, nodes.UnaryExpr)):
        if type(node) in ARITHMETIC:
            assert isinstance(node, nodes.BinExpr)
            if not _on_text_or_lists(node):
                yield node.lineno, ARITHMETIC[type(node)]
        elif isinstance(node, nodes.Neg | nodes.Pos) and not isinstance(node.node, nodes.Const):
            yield node.lineno, "unary " + ("-" if isinstance(node, nodes.Neg) else "+")


def _tags_with(line: str, operator: str) -> str:
    symbol = operator.removeprefix("unary ")
    tags = [tag for tag in _TAG.findall(line) if symbol in _STRING.sub("''", tag)]
    return " … ".join(tags) if tags else line.strip()[:160]


def templates() -> list[Path]:
    return sorted(TEMPLATES.rglob("*.html"))


def test_there_are_templates_to_check():
    assert len(templates()) > 10


def test_no_arithmetic_in_templates():
    offenders = []
    for path in templates():
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for line, operator in arithmetic(source):
            where = _tags_with(lines[line - 1], operator)
            offenders.append(f"{_where(path, line)}: {operator} in {where}")
    fail_if_any(offenders, "Arithmetic in templates (compute the number in Python, present it):")


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("{{ (t.pos + 4)|round(1) }}", [(1, "+")]),
        ("{{ a - b }}", [(1, "-")]),
        ("x\n{% if tk.pos > c.width - 16 %}e{% endif %}", [(2, "-")]),
        ("{% set r = a * b / c %}", [(1, "*"), (1, "/")]),
        ("{{ n // 2 }}{{ loop.index % 2 }}{{ x ** 2 }}", [(1, "//"), (1, "%"), (1, "**")]),
        ("{{ -x }}", [(1, "unary -")]),
        ("{{ 'a' - b }}{{ x % '%s' }}{{ '6' / 2 }}", [(1, "-"), (1, "%"), (1, "/")]),
        # not arithmetic
        ("aria-label a-b 4 - 2 {# 1 + 1 #}", []),
        ("{{ '−' ~ x }}{{ 'a - b' }}{{ \"1 + 1\" }}", []),
        ("{{ x|round(1) }}{{ loop.index }}{{ -1 }}{{ x|fmt(-2) }}", []),
        ("{% for k in [name] + also|list %}{% endfor %}", []),
        ("{{ '%.2f' % x }}{{ 'ab' * 2 }}{{ a < b and not c or d >= -0.5 }}", []),
        ("{% raw %}{{ a + b }}{% endraw %}", []),
    ],
)
def test_the_arithmetic_finder(source, found):
    assert sorted(arithmetic(source)) == sorted(found)


def ignore_missing_includes(source: str) -> Iterator[int]:
    for include in _parse(source).find_all(nodes.Include):
        if include.ignore_missing:
            yield include.lineno


def test_no_include_ignores_a_missing_template():
    offenders = [
        f"{_where(path, line)}: include … ignore missing"
        for path in templates()
        for line in ignore_missing_includes(path.read_text(encoding="utf-8"))
    ]
    fail_if_any(offenders, "Includes that hide a missing template:")


def test_the_ignore_missing_finder():
    source = (
        '{% include "a.html" %}\n'
        '{% include "b.html" ignore missing %}\n'
        "{# include 'c.html' ignore missing #}\n"
        '{% include ["d.html", "e.html"] ignore missing with context %}'
    )
    assert list(ignore_missing_includes(source)) == [2, 4]


# Templates name what they hold (trace, pictures, meter, attempt …). Single letters stay
# only where they are the mathematics' own names: the coordinates x and y, the neuron's z,
# and the MathML helpers n (a number) and f (a factor) the macro library exports.
ONE_LETTER_ALLOWED = frozenset("xyznf")


def one_letter_names(source: str) -> Iterator[tuple[int, str]]:
    """(line, name) for each single-letter variable a template's for or set binds."""
    tree = _parse(source)
    targets = [node.target for node in tree.find_all((nodes.For, nodes.Assign, nodes.AssignBlock))]
    for target in targets:
        for name in target.find_all(nodes.Name) if not isinstance(target, nodes.Name) else [target]:
            if len(name.name) == 1 and name.name not in ONE_LETTER_ALLOWED:
                yield name.lineno, name.name


def test_templates_name_their_variables():
    offenders = [
        f"{_where(path, line)}: {name}"
        for path in templates()
        for line, name in one_letter_names(path.read_text(encoding="utf-8"))
    ]
    fail_if_any(offenders, "One-letter loop or set variables in templates (give them names):")


def test_the_one_letter_finder():
    source = (
        "{% for t in ticks %}{% endfor %}\n{% set a, trace = 1, 2 %}\n"
        "{% for x, y in dots %}{% endfor %}{% set m %}…{% endset %}{% set z = 1 %}"
    )
    assert sorted(one_letter_names(source)) == [(1, "t"), (2, "a"), (3, "m")]


# --- the unit tests themselves ---------------------------------------------------------

APP_FIXTURES = {"app", "client", "make_app", "module_app", "module_client", "live_server"}
APP_HELPERS = ("apps", "servers")  # tests/apps.py builds the app, servers.py runs gunicorn


def test_unit_tests_need_no_web_framework():
    names = sorted(p.stem for p in UNIT_TESTS.glob("test_*.py"))
    report = frameworks_loaded_by(
        names, ("flask", "werkzeug", "flask_wtf"), paths=(UNIT_TESTS, UNIT_TESTS.parent)
    )
    fail_if_any(
        [f"tests/unit/{m}.py: {what}" for m, what in report.items()],
        "Unit tests that load a web framework (they belong in tests/app/):",
    )


def test_unit_tests_build_no_app():
    offenders = []
    for path in sorted(UNIT_TESTS.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for line, name in _imported(path.stem, path):
            if name.split(".")[0] in APP_HELPERS or (
                name.startswith("webapp") and layer(name) in {"factory", "web", "extensions"}
            ):
                offenders.append(f"{_where(path, line)}: imports {name}")
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                used = {a.arg for a in node.args.args} & APP_FIXTURES
                if used:
                    offenders.append(f"{_where(path, node.lineno)}: {node.name} takes {used}")
    fail_if_any(offenders, "Unit tests that build an app (they belong in tests/app/):")
