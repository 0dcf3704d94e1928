"""Property test (Hypothesis) through the test client: every valid share link renders,
on the page, in the widget and in the API. The parser and the service on their own:
tests/unit/test_properties.py."""

from __future__ import annotations

import json
from urllib.parse import urlencode

from hypothesis import assume, given, settings
from lesson_strategies import valid_args

from webapp.lesson.params import parse_lesson


@settings(max_examples=100, deadline=None)
@given(args=valid_args())
def test_every_valid_share_link_renders(module_client, args):
    query = urlencode([(name, values[0]) for name, values in args.items()])
    assume(parse_lesson(args).ok)
    for path in ("/", "/embed"):
        response = module_client.get(f"{path}?{query}")
        assert response.status_code == 200, (path, query)
    response = module_client.get(f"/api/v1/neuron?{query}")
    assert response.status_code == 200, query
    json.loads(response.get_data(as_text=True), parse_constant=_no_constants)


def _no_constants(name: str) -> None:
    raise AssertionError(f"JSON holds {name}")
