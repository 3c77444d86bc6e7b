"""The resident's page in English shows the scan's findings in English, and back in Dutch."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e


def test_english_resident_page_shows_english_findings(visit, people, demo_riek):
    v = visit()
    v.login("ans")
    page = v.page
    page.goto(f"/bewoners/{people.riek.id}/")
    findings = page.locator("ul.findings")
    assert findings.locator("li").first.inner_text() == (
        "Er staan 15 mensen op uw kaart. Ans, Fatma en Toos staan heel dicht bij u.")

    page.get_by_role("button", name="English").click()
    page.get_by_role("heading", name="How strong is your network?").wait_for()
    lines = findings.locator("li").all_inner_texts()
    assert lines[0] == "There are 15 people on your map. Ans, Fatma and Toos are very close to you."
    assert "With Henk there is sometimes tension. What would make contact easier?" in lines
    text = " ".join(lines)
    for dutch in ("uw kaart", "mensen", "spanning", "terecht"):
        assert dutch not in text

    page.get_by_role("button", name="Nederlands").click()
    page.get_by_role("heading", name="Hoe sterk is uw netwerk?").wait_for()
    assert "Met Henk is er soms spanning." in findings.inner_text()
    assert v.foreign_requests() == []
