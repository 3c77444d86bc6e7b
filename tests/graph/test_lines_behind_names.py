"""No line is drawn over a name on the printed map: the SVG's geometry and paint order.

The SVG is read as the printer reads it: element after element, each painted over what came
before. Every straight line (ties, a strained line's casing, wedge lines) and every ring's
outline is a stroke; every opaque rectangle, circle and ellipse can cover; every name's box is
its text's width (DejaVu Sans, as :mod:`graph.map.labels` measures it) by the font's full
height (ascent 0.93 em above the baseline, descent 0.24 em below: accented capitals too).
:mod:`tests.crossings` counts the strokes seen inside a name's box. On the realistic networks
of 10 to 50 people and every target it is 0, while without the plates it is not: the lines do
run where the names are, the plates keep them out of sight.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from graph.map.labels import text_width
from graph.map.placement import TARGETS
from graph.map.style import PAPER, TOP_QUALITIES
from graph.map.svg import netwerkkaart_svg
from tests.crossings import Cover, Stroke, Text, crossings
from tests.graph.networks import realistic

NS = "{http://www.w3.org/2000/svg}"
WORDS = {"familie": "Familie", "vrienden": "Vrienden", "buren": "Buren",
         "werk_school_club": "Werk/school/club", "professionals": "Professionals",
         None: "Onbekend"}
ASCENT, DESCENT = 0.928, 0.236  # DejaVu Sans, in em
MEMBERS = (10, 20, 30, 40, 50)


def _f(element, name: str, default: float = 0.0) -> float:
    return float(element.get(name, default))


def _opaque(element) -> bool:
    return (element.get("fill") not in (None, "none") and _f(element, "fill-opacity", 1) == 1
            and _f(element, "opacity", 1) == 1)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own output, checked to hold no DTD


def paint(svg: str) -> tuple[list[Stroke], list[Cover], list[Text]]:
    """The SVG's strokes, covers and names, numbered in paint (document) order."""
    strokes, fills, texts = [], [], []
    for order, el in enumerate(parse(svg).iter()):
        tag = el.tag.removeprefix(NS)
        stroked = el.get("stroke") not in (None, "none")
        width = _f(el, "stroke-width", 1)
        if tag == "line" and stroked:
            strokes.append(Stroke(order, tuple(_f(el, k) for k in ("x1", "y1", "x2", "y2")),
                                  width))
        elif tag == "circle":
            centre = (_f(el, "cx"), _f(el, "cy"))
            if stroked:
                strokes.append(Stroke(order, (*centre, _f(el, "r")), width))
            if _opaque(el):
                fills.append(Cover(order, ("ellipse", *centre, _f(el, "r"), _f(el, "r"))))
        elif tag == "ellipse" and _opaque(el):
            fills.append(Cover(order, ("ellipse", _f(el, "cx"), _f(el, "cy"), _f(el, "rx"),
                                       _f(el, "ry"))))
        elif tag == "rect" and _opaque(el):
            fills.append(Cover(order, ("rect", *(_f(el, k) for k in ("x", "y", "width", "height",
                                                                    "rx"))),
                               plate=el.get("class") == "plate"))
        elif tag == "text" and "name" in (el.get("class") or "").split():
            size, bold = _f(el, "font-size"), el.get("font-weight") == "bold"
            for line in el.findall(f"{NS}tspan") or [el]:
                x, y, words = _f(line, "x"), _f(line, "y"), line.text or ""
                half = text_width(words, size, bold=bold) / 2
                texts.append(Text(order, (x - half, y - ASCENT * size, x + half,
                                          y + DESCENT * size), words))
    return strokes, fills, texts


def svg_of(members: int, target: str) -> str:
    return netwerkkaart_svg(realistic(members), sector_labels=WORDS, target=target,
                            title="Netwerkkaart van Riek")


@pytest.mark.parametrize("target", list(TARGETS))
@pytest.mark.parametrize("members", MEMBERS)
def test_no_line_is_painted_over_a_name(members, target):
    strokes, fills, texts = paint(svg_of(members, target))
    assert len(texts) >= members + 1  # every member's name and the resident's
    assert crossings(strokes, fills, texts) == []
    # the test can fail: without the plates, lines are seen in names on every map
    assert crossings(strokes, fills, texts, plates=False)


def test_the_plates_hide_the_lines_and_nothing_else():
    """Each name's plate is opaque paper, after every line and before its own name; the
    ring numbers and sector words come after the lines as well."""
    root = parse(svg_of(30, "a4"))
    order = {id(el): i for i, el in enumerate(root.iter())}
    last_line = max(order[id(el)] for el in root.iter(f"{NS}line"))
    plates = [el for el in root.iter(f"{NS}rect") if el.get("class") == "plate"]
    assert plates
    assert all(el.get("fill") == PAPER and _opaque(el) for el in plates)
    assert all(order[id(el)] > last_line for el in plates)
    words = next(g for g in root.iter(f"{NS}g") if g.get("class") == "frame-words")
    assert order[id(words)] > last_line


def test_a_strained_line_is_drawn_on_its_casing_above_the_other_lines():
    root = parse(svg_of(30, "a4"))
    ties = [el for el in root.iter(f"{NS}line") if el.get("class") != "wedge"]
    kinds = [el.get("data-quality") if el.get("class") != "casing" else "casing" for el in ties]
    strained = [i for i, kind in enumerate(kinds) if kind in TOP_QUALITIES]
    assert strained
    assert min(strained) > max(
        i for i, kind in enumerate(kinds) if kind not in (*TOP_QUALITIES, "casing"))
    for i in strained:  # right under each strained line, its casing: wider, paper, solid
        casing, line = ties[i - 1], ties[i]
        assert kinds[i - 1] == "casing"
        assert [casing.get(k) for k in ("x1", "y1", "x2", "y2")] == [
            line.get(k) for k in ("x1", "y1", "x2", "y2")]
        assert casing.get("stroke") == PAPER
        assert casing.get("stroke-dasharray") is None
        assert _f(casing, "stroke-width") > _f(line, "stroke-width")
