"""Templates are compiled without their indentation (webapp/web/templating/whitespace.py),
and static files can carry a fact the app writes in at start (static_files fills)."""

from __future__ import annotations

import re

import pytest

from webapp.web.plumbing import static_files

RESULT = "/?height=170&height_unit=cm&weight=176&weight_unit=lb&w1=0.2&w2=0.00001&b=1"


@pytest.mark.parametrize("lang", ["en", "de", "es"])
def test_no_line_of_a_page_starts_with_template_indentation(client, lang):
    response = client.get(f"{RESULT}&lang={lang}")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    indented = [line for line in page.splitlines() if re.match(r"[ \t]+<", line)]
    assert indented == []


def test_indentation_goes_but_the_words_keep_their_spaces(app):
    with app.test_request_context("/"):
        template = app.jinja_env.from_string("<p>\n    one\n\t<b>two</b>\n</p> {{ x }}")
        assert template.render(x="  kept") == "<p>\none\n<b>two</b>\n</p>   kept"


def test_a_fill_is_written_into_its_file_and_hashed_with_it(tmp_path):
    (tmp_path / "a.txt").write_text("t = /*T*/null;")
    (tmp_path / "b.txt").write_text("t = /*T*/null;")
    files = static_files.load_all(str(tmp_path), {"a.txt": {"/*T*/null": '{"x":1}'}})
    assert files["a.txt"].bodies["identity"] == b't = {"x":1};'
    assert files["b.txt"].bodies["identity"] == b"t = /*T*/null;"
    assert files["a.txt"].digest != files["b.txt"].digest


def test_a_script_is_filled_before_it_is_minified(tmp_path):
    """A placeholder may be a comment: minifying first would remove it."""
    (tmp_path / "a.js").write_text("// the table\nvar t = /*T*/null;\n")
    (tmp_path / "a.css").write_text("/* a rule */\np  {  color : red ; }\n")
    files = static_files.load_all(str(tmp_path), {"a.js": {"/*T*/null": "[1, 2]"}})
    assert files["a.js"].bodies["identity"] == b"var t=[1,2];"
    assert files["a.css"].bodies["identity"] == b"p{color:red}"


def test_a_fill_whose_placeholder_is_missing_stops_the_start(tmp_path):
    (tmp_path / "a.js").write_text("var t = null;")
    with pytest.raises(ValueError, match="no /\\*T\\*/"):
        static_files.load_all(str(tmp_path), {"a.js": {"/*T*/": "1"}})


def test_a_fill_for_a_file_that_is_not_there_stops_the_start(tmp_path):
    with pytest.raises(ValueError, match="not there"):
        static_files.load_all(str(tmp_path), {"gone.js": {"/*T*/": "1"}})
