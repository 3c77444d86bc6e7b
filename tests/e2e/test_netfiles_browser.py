"""Networks in and out in the browser: export a resident's network, read the file into a
new resident through the preview, and find the same map."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.e2e


def _map(page) -> list[tuple]:
    """What the map draws: every node's label, shape and position (ids differ per resident)."""
    data = json.loads(page.locator("#map-data").text_content())
    by_id = {n["id"]: "ego" if n["id"] == "ego" else n["label"] for n in data["nodes"]}
    nodes = sorted((n["label"], n["shape"], round(n["x"], 1), round(n["y"], 1))
                   for n in data["nodes"] if n["id"] != "ego")
    edges = sorted(tuple(sorted((by_id[e["from"]], by_id[e["to"]]))) for e in data["edges"])
    return [nodes, edges]


def test_export_and_import_into_a_new_resident_gives_the_same_map(visit, people, demo_riek,
                                                                   tmp_path):
    fmt = "gexf"  # the format that also carries the map's layout
    v = visit()
    v.login("ans")
    page = v.page
    page.goto(f"/bewoners/{people.riek.id}/verkenning")
    original = _map(page)
    page.get_by_label("Soort bestand").select_option(fmt)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Bestand opslaan").click()
    download = download_info.value
    assert download.suggested_filename == f"netwerk-{people.riek.id}.{fmt}"
    path = tmp_path / download.suggested_filename
    download.save_as(path)

    page.goto("/")
    page.get_by_role("link", name="Nieuwe bewoner").click()
    page.get_by_label("Naam", exact=False).first.fill("Riek (kopie)")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("link", name="Netwerkkaart").click()
    page.get_by_role("link", name="Een bestand inlezen").click()
    page.get_by_label("Bestand (GraphML").set_input_files(str(path))
    page.get_by_role("button", name="Bekijk wat er in staat").click()

    page.get_by_role("heading", name="Wat wordt er ingelezen?").wait_for()
    assert "Als bewoner genomen: 'ego'" in page.locator("#bewoner-gevonden").text_content()
    assert page.locator("#mensen tbody tr").count() == 15
    page.get_by_role("button", name="Zet deze mensen op de kaart").click()

    page.get_by_role("status").filter(has_text="15 mensen uit het bestand").wait_for()
    assert _map(page) == original
    assert v.foreign_requests() == []
