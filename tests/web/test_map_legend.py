"""The legend beside the map on the screen: the printed map's shapes, one per sector."""

from __future__ import annotations

import re

import pytest

from graph.map.style import sector_shapes
from web.core import labels

pytestmark = pytest.mark.db

SHAPE = re.compile(r'<(?:circle|rect|polygon) class="shape" data-shape="(\w+)"([^>]*)/>')


def test_the_legend_draws_each_sector_shape_as_the_printed_map_does(app, client, auth, people):
    auth.login("ans")
    page = client.get(f"/bewoners/{people.riek.id}/verkenning").get_data(as_text=True)
    legend = page[page.index('<div class="legend"'):]
    legend = legend[:legend.index("</ul>")]
    drawn = [(shape, "stroke-dasharray" in rest) for shape, rest in SHAPE.findall(legend)]
    with app.test_request_context():
        expected = [(shape, code is None) for code, shape in
                    sector_shapes(labels.sectors()).items()]
    assert drawn == expected
