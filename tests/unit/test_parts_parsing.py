"""The widget's parts: the registry, parsing ``parts``, the height estimate, the builder."""

from __future__ import annotations

import pytest

from webapp.api import oembed
from webapp.pictures import PICTURES
from webapp.widget.options import builder_options, widget_options
from webapp.widget.parts import (
    DEFAULT_PARTS,
    PARTS,
    BadParts,
    estimated_height,
    parse_parts,
)

CONTRACT = [
    "result",
    "form",
    "steps",
    "diagram",
    "waterfall",
    "curve",
    "plane",
    "activations",
    "luck",
]


def test_the_registry_holds_the_contracts_parts_in_order():
    assert list(PARTS) == CONTRACT
    assert DEFAULT_PARTS == ("result", "form", "steps")
    for part in PARTS.values():
        assert part.template == f"embed/parts/_{part.name}.html"
        assert part.picture is None or part.picture in PICTURES
        assert all(h > 0 for h in part.heights)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("result", ("result",)),
        ("curve,result", ("curve", "result")),  # the order given is kept
        ("luck,diagram,form", ("luck", "diagram", "form")),
        (" plane , steps ", ("plane", "steps")),  # spaces trimmed
        ("curve,result,curve", ("curve", "result")),  # a repeat counts once, where it first came
        ("result,,form,", ("result", "form")),  # empty items skipped
        (",".join(CONTRACT), tuple(CONTRACT)),
    ],
)
def test_valid_parts(text, parts):
    assert parse_parts([text]) == parts


def test_no_parts_parameter_is_the_compact_default():
    assert parse_parts(None) == DEFAULT_PARTS


@pytest.mark.parametrize("text", ["table", "Result", "result,pictures", "<b>", "diagram;curve"])
def test_an_unknown_part_is_refused_with_every_valid_name(text):
    with pytest.raises(BadParts) as error:
        parse_parts([text])
    message = str(error.value)
    assert "Unknown part" in message
    assert message.endswith(", ".join(CONTRACT) + ".")


@pytest.mark.parametrize("text", ["", " ", ",", " , ,"])
def test_an_empty_list_is_refused_with_every_valid_name(text):
    with pytest.raises(BadParts, match="Choose at least one part: result, form, steps, diagram"):
        parse_parts([text])


def test_parts_given_twice_is_refused():
    with pytest.raises(BadParts, match="Give parts once"):
        parse_parts(["result", "form"])


def test_a_long_unknown_name_is_shortened_in_the_message():
    with pytest.raises(BadParts) as error:
        parse_parts(["x" * 500])
    assert len(str(error.value)) < 250


def test_widget_options_carry_parts_and_pass_on_mode_and_lang():
    options = widget_options(
        {"parts": ["curve,result"], "mode": ["predict"], "lang": ["de"], "theme": ["dark"]}
    )
    assert options.parts == ("curve", "result") and not options.errors
    assert options.extra() == {
        "theme": "dark",
        "parts": "curve,result",
        "mode": "predict",
        "lang": "de",
    }
    # anything else is dropped, never echoed
    odd = widget_options({"mode": ["<x>"], "lang": ["fr"]})
    assert odd.extra() == {}
    # the default parts are not written out
    assert widget_options({"parts": ["result,form,steps"]}).extra() == {}


def test_bad_parts_are_an_error_of_the_options():
    options = widget_options({"parts": ["nope"]})
    assert options.parts == DEFAULT_PARTS and "parts" in options.errors


def test_controls_0_hides_the_form_part():
    options = widget_options({"parts": ["form,curve"], "controls": ["0"]})
    assert options.shown_parts == ("curve",)


def test_the_height_estimate_adds_the_parts_and_interpolates_between_widths():
    one = estimated_height(["curve"], 400)
    two = estimated_height(["curve", "plane"], 400)
    assert two - one == PARTS["plane"].heights[0]
    assert estimated_height(["curve"], 640) - estimated_height([], 640) == PARTS["curve"].heights[1]
    middle = estimated_height(["curve"], 520)
    assert (
        min(one, estimated_height(["curve"], 640))
        <= middle
        <= max(one, estimated_height(["curve"], 640))
    )
    assert estimated_height(["curve"], 200) == one  # held outside the measured widths


def test_the_default_widget_is_estimated_well_under_1000_px():
    assert estimated_height(DEFAULT_PARTS, 400) <= 1000


def test_oembed_size_follows_the_parts_and_keeps_to_maxheight():
    assert oembed.fit_size(None, None, ("luck",)) == (640, estimated_height(["luck"], 640))
    assert oembed.fit_size(400, 300, ("luck",)) == (400, 300)


def test_builder_options_are_lenient():
    chosen = builder_options(
        {
            "embed_parts": ["curve", "bogus", "result"],
            "embed_width": ["400"],
            "embed_theme": ["dark"],
        }
    )
    assert chosen.options.parts == ("curve", "result") and chosen.options.theme == "dark"
    assert chosen.width == 400
    chosen = builder_options({"embed_width": ["9999"], "embed_controls": ["0"]})
    assert chosen.options.parts == DEFAULT_PARTS and chosen.width == 640
    assert not chosen.options.controls
    chosen = builder_options({"embed_mode": ["predict"], "height": ["5"]})
    assert chosen.options.extra() == {"mode": "predict"}


@pytest.mark.parametrize(
    "args",
    [
        {},
        {"embed_parts": ["curve", "result"], "embed_width": ["400"], "embed_theme": ["dark"]},
        {"embed_controls": ["0"], "embed_mode": ["predict"], "embed_lang": ["de"]},
    ],
)
def test_builder_choices_read_back_from_their_fields(args):
    chosen = builder_options(args)
    fields = chosen.fields()
    again: dict[str, list[str]] = {}
    for name, value in fields:
        again.setdefault(name, []).append(value)
    assert builder_options(again) == chosen
    assert dict(fields).keys() <= {
        f"embed_{n}" for n in ("parts", "controls", "theme", "mode", "lang", "width")
    }
