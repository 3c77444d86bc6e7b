"""The teamleider opens the outcome report for a period and downloads it as CSV."""

from __future__ import annotations

import pytest

from tests.sns.test_outcomes import seeded  # noqa: F401 - the seeded teams as a fixture

pytestmark = pytest.mark.e2e


def test_teamleider_opens_the_report_and_downloads_the_csv(visit, people, seeded):  # noqa: F811
    v = visit()
    v.login("leider")
    page = v.page
    page.get_by_role("link", name="Wat SNS oplevert").click()
    page.get_by_label("Periode").fill("2026Q4")
    page.get_by_role("button", name="Toon de cijfers").click()
    page.wait_for_url("**/uitkomsten/?periode=2026Q4")
    held = page.get_by_role("row", name="Netwerkberaden gehouden")
    assert held.get_by_role("cell").first.inner_text() == "5"
    assert page.locator("svg.outcome-chart title").first.text_content() == "Trajecten"
    with page.expect_download() as download:
        page.get_by_role("link", name="Cijfers als CSV-bestand").click()
    assert download.value.suggested_filename == "uitkomsten-2026Q4.csv"
    text = open(download.value.path(), encoding="utf-8").read()
    assert "Wijkteam Noord,Netwerkberaden,beraad.held,Netwerkberaden gehouden,5," in text
    assert "Aaltje" not in text
    assert v.foreign_requests() == []
