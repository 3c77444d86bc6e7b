"""web/static/graph.js draws the map with the payload's look and copies none of it."""

import re
from pathlib import Path

from graph.map.style import SECTOR_SHAPES, screen_style

GRAPH_JS = Path(__file__).resolve().parents[2] / "web/static/graph.js"
COLOUR = re.compile(r"#[0-9A-Fa-f]{3,8}\b|rgba?\(|hsla?\(")


def _code() -> str:
    """graph.js without its comments."""
    return re.sub(r"/\*.*?\*/|//[^\n]*", "", GRAPH_JS.read_text(encoding="utf-8"), flags=re.S)


def test_graph_js_writes_no_colour_and_no_shape_of_its_own():
    code = _code()
    assert COLOUR.findall(code) == []
    # the only shape named: the invisible dot vis-network keeps under the resident
    assert [shape for shape in SECTOR_SHAPES if f'"{shape}"' in code] == ["dot"]


def test_graph_js_reads_every_key_of_the_screen_style():
    code = _code()
    assert [key for key in screen_style() if f"style.{key}" not in code] == []
