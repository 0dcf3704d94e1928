"""oEmbed's pure rules (webapp.api.oembed): which URLs are embeddable, sizes, widget
options and the snippet. GET /oembed and discovery: tests/app/test_oembed_endpoint.py."""

from __future__ import annotations

import pytest

from webapp.api import oembed
from webapp.widget.options import snippet, widget_options

SITE = "http://localhost/"


@pytest.mark.parametrize(
    ("url", "is_widget"),
    [
        ("http://localhost/", False),
        ("http://localhost", False),
        ("HTTP://LOCALHOST/?weight=90", False),
        ("http://localhost/?weight=90#steps", False),
        ("  http://localhost/embed?weight=90&controls=0 ", True),
    ],
)
def test_this_sites_lesson_and_widget_urls_are_embeddable(url, is_widget):
    query, widget = oembed.embeddable_query(url, SITE)
    assert widget is is_widget
    assert query.get("weight", ["80"]) in (["90"], ["80"])


def test_the_query_keeps_blank_and_repeated_values_for_the_parser():
    query, _ = oembed.embeddable_query("http://localhost/?height=&weight=1&weight=2", SITE)
    assert query == {"height": [""], "weight": ["1", "2"]}


@pytest.mark.parametrize(
    "url",
    [
        "https://localhost/",  # another scheme
        "http://localhost:8000/",  # another port
        "http://example.com/?weight=90",
        "http://localhost.example.com/",
        "http://user@localhost/",
        "//localhost/",
        "/?weight=90",
        "http://localhost/history",
        "http://localhost/embed/",
        "http://localhost/embed/random",
        "http://localhost/api/v1/neuron",
        "http://localhost/oembed",
        "javascript:alert(1)",
        "http://[::1/",
        "",
    ],
)
def test_other_urls_are_not_embeddable(url):
    with pytest.raises(oembed.NotEmbeddable):
        oembed.embeddable_query(url, SITE)


def test_a_site_under_a_path_prefix():
    query, widget = oembed.embeddable_query("http://host/lab/embed?b=2", "http://host/lab/")
    assert widget and query == {"b": ["2"]}
    with pytest.raises(oembed.NotEmbeddable):
        oembed.embeddable_query("http://host/embed?b=2", "http://host/lab/")


@pytest.mark.parametrize(("text", "value"), [(None, None), ("", None), (" ", None), ("300", 300)])
def test_dimensions(text, value):
    assert oembed.parse_dimension(text) == value


@pytest.mark.parametrize("text", ["0", "-5", "1.5", "abc", "1e3", "٣٠٠", "0x10"])
def test_bad_dimensions(text):
    with pytest.raises(oembed.BadDimension):
        oembed.parse_dimension(text)


@pytest.mark.parametrize(
    ("maxwidth", "maxheight", "size"),
    [
        (None, None, (640, 900)),
        (300, None, (300, 900)),
        (None, 400, (640, 400)),
        (5000, 5000, (640, 900)),
        (1, 1, (1, 1)),
    ],
)
def test_the_size_never_exceeds_the_limits(maxwidth, maxheight, size):
    assert oembed.fit_size(maxwidth, maxheight) == size


@pytest.mark.parametrize(
    ("args", "controls", "theme", "extra"),
    [
        ({}, True, "auto", {}),
        ({"controls": ["0"], "theme": ["dark"]}, False, "dark", {"controls": "0", "theme": "dark"}),
        ({"controls": ["1"], "theme": ["light"]}, True, "light", {"theme": "light"}),
        ({"controls": ["no"], "theme": ["blue"]}, True, "auto", {}),
        ({"controls": [], "theme": []}, True, "auto", {}),
    ],
)
def test_widget_options(args, controls, theme, extra):
    options = widget_options(args)
    assert (options.controls, options.theme, options.extra()) == (controls, theme, extra)


def test_the_snippet_escapes_its_attributes():
    code = snippet('http://h/embed?a=1&b="2"', "<T> & 'x'", "http://h/s.js", 10, 20)
    assert code == (
        '<iframe src="http://h/embed?a=1&amp;b=&quot;2&quot;" '
        'title="&lt;T&gt; &amp; &#x27;x&#x27;" '
        'width="10" height="20" loading="lazy"></iframe>\n'
        '<script src="http://h/s.js" async></script>'
    )
