"""The inline-markup finder the page tests rely on (tests/html_checks.py): it must find
what a strict CSP refuses, and nothing else."""

from __future__ import annotations

from html_checks import inline_problems


def test_the_inline_finder_finds_what_it_should():
    page = (
        '<script>x()</script><script src="/s.js"></script><style>p{}</style>'
        '<p style="color:red" onclick="x()"></p><svg><rect fill="red" onload="y()"/></svg>'
        '<a href="javascript:alert(1)">a</a>'
    )
    assert sorted(inline_problems(page)) == sorted(
        [
            "<script> without src",
            "<style> element",
            "style= on <p>",
            "onclick= on <p>",
            "onload= on <rect>",
            "javascript: URL in href= on <a>",
        ]
    )
    assert inline_problems('<svg><rect fill="red" stroke-width="2"/></svg>') == []
