"""The drawing vocabulary is written once: graph.map.style, and no colour anywhere else."""

import ast
import re
from pathlib import Path

import pytest

from graph.map import style

ROOT = Path(__file__).resolve().parents[2]
COLOUR = re.compile(r"#[0-9A-Fa-f]{6}\b|#[0-9A-Fa-f]{3}\b|rgba?\(")
#: Where the map is drawn or its look is read, in Python.
DRAWING_MODULES = [
    *sorted((ROOT / "graph").rglob("*.py")),
    ROOT / "web/printing/documents.py",
    ROOT / "web/printing/map_key.py",
    ROOT / "web/verkenning/mapview.py",
    ROOT / "web/core/mapsvg.py",
]


def _code_strings(path: Path) -> list[str]:
    """The string constants of a module's code (docstrings, with their examples, left out)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings]


def test_colours_are_written_only_in_the_style_module():
    found = {
        str(path.relative_to(ROOT)): hits
        for path in DRAWING_MODULES
        if path != ROOT / "graph/map/style.py"
        and (hits := [s for s in _code_strings(path) if COLOUR.search(s)])
    }
    assert found == {}


def test_each_colour_of_the_style_module_is_written_once():
    strings = [s for s in _code_strings(ROOT / "graph/map/style.py") if COLOUR.search(s)]
    assert len(strings) == len(set(strings))
    assert style.EDGE_STYLES["goed"]["colour"] == style.INK


def test_every_shape_and_colour_is_told_apart():
    assert style.UNKNOWN_SECTOR_SHAPE not in style.SECTOR_SHAPES
    assert style.RESIDENT_SHAPE not in (*style.SECTOR_SHAPES, style.UNKNOWN_SECTOR_SHAPE)
    assert len(set(style.SECTOR_SHAPES)) == len(style.SECTOR_SHAPES)
    assert style.UNKNOWN_SECTOR_COLOUR not in style.SECTOR_COLOURS
    colours = [s["colour"] for s in (*style.EDGE_STYLES.values(), style.UNKNOWN_EDGE_STYLE)]
    assert len(set(colours)) == len(colours)


@pytest.mark.parametrize(("name", "expected"), [
    ("Jan van Dijk", ["Jan van Dijk", "Jan", "J.v.D."]),
    ("  Ömer\n Çelik ", ["Ömer Çelik", "Ömer", "Ö.Ç."]),
    ("Anne-Marie", ["Anne-Marie", "Anne-Marie", "A.-M."]),
    ("", ["", "", "?"]),
])
def test_name_styles(name, expected):
    assert [style.styled_name(name, s) for s in style.NAME_STYLES] == expected
