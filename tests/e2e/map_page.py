"""Opening a resident's netwerkkaart in the browser, for the map's browser tests."""

from __future__ import annotations

from contextlib import contextmanager

#: A page function: where node ``id`` is drawn, in the window's coordinates (for a click).
NODE_POINT = """(id) => {
    const map = document.getElementById('map');
    const net = map.snsNetwork;
    const dom = net.canvasToDOM(net.getPositions([id])[id]);
    const box = map.getBoundingClientRect();
    return [box.left + dom.x, box.top + dom.y];
}"""


def open_map(visit, resident, init_script: str | None = None):
    """Log in as the resident's coach (ans), open their verkenning page at 1280 x 800 and
    wait until graph.js has the map. Returns ``(page, errors)``, ``errors`` filling with
    the page's script errors; ``init_script`` runs in the page before its own scripts."""
    v = visit()
    v.login("ans")
    page = v.page
    page.set_viewport_size({"width": 1280, "height": 800})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    if init_script:
        page.add_init_script(init_script)
    page.goto(f"/bewoners/{resident.id}/verkenning")
    page.wait_for_function("document.getElementById('map').snsNetwork !== undefined")
    return page, errors


@contextmanager
def in_place(page):
    """Wait for one action saved in place (web/static/table.js): the page is redrawn from
    the server's answer, with no navigation."""
    before = page.evaluate("window.snsTable.done")
    yield
    page.wait_for_function("(n) => window.snsTable.done > n", arg=before)
