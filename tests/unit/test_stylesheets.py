"""The stylesheets: the widget's forced light and dark themes repeat the site's palettes."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # tests/unit/ → the repository


def _custom_properties(block: str) -> dict[str, str]:
    return dict(re.findall(r"(--[a-z-]+):\s*([^;]+);", block))


def test_the_widget_themes_repeat_the_sites_palettes():
    site = (ROOT / "static/css/site.css").read_text()
    embed = (ROOT / "static/css/embed.css").read_text()
    light = re.search(r"^:root \{(.*?)^\}", site, re.S | re.M)
    dark = re.search(r"prefers-color-scheme: dark\) \{\s*:root \{(.*?)\}", site, re.S)
    themed_light = re.search(r"html\.theme-light \{(.*?)\}", embed, re.S)
    themed_dark = re.search(r"html\.theme-dark \{(.*?)\}", embed, re.S)
    assert light and dark and themed_light and themed_dark
    light_colours = {
        k: v for k, v in _custom_properties(light.group(1)).items() if v.startswith("#")
    }
    dark_colours = _custom_properties(dark.group(1))
    assert set(dark_colours) <= set(light_colours)  # the dark block overrides colours only
    assert _custom_properties(themed_light.group(1)) == {k: light_colours[k] for k in dark_colours}
    assert _custom_properties(themed_dark.group(1)) == dark_colours
