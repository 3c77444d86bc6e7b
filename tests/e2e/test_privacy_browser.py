"""The coach and the resident at the table: record consent, show "wie heeft mijn gegevens
bekeken?", download everything, and erase the resident after typing the name."""

from __future__ import annotations

import io
import zipfile

import pypdf
import pytest

from tests.privacy_data import full_resident

pytestmark = pytest.mark.e2e


def test_coach_records_consent_shows_the_log_exports_and_erases(visit, people, db):
    resident = full_resident(db, people.ans, "TAFEL")
    v = visit()
    v.login("ans")
    page = v.page
    page.goto(f"/bewoners/{resident.id}/")
    page.get_by_role("link", name="Privacy", exact=True).click()

    row = page.locator("tr[data-kind='netwerkberaad']")
    row.get_by_role("button", name="Bewoner stemt in").click()
    page.get_by_text("De toestemming is opgeslagen.").wait_for()
    assert "Ja, sinds" in page.locator("tr[data-kind='netwerkberaad']").inner_text()

    page.get_by_text("Laat zien aan de bewoner").click()
    log = page.locator("table.access-log")
    assert "bekeken" in log.inner_text()
    assert "toestemming vastgelegd" in log.inner_text()

    with page.expect_download() as pdf_download:
        page.get_by_role("link", name="Overzicht om te lezen (PDF)").click()
    pdf = pdf_download.value
    assert pdf.suggested_filename == "alles-wat-wij-bewaren.pdf"
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(pdf.path()).pages)
    assert "Hulpvraag TAFEL" in " ".join(text.split())
    with page.expect_download() as zip_download:
        page.get_by_role("link", name="Bestand voor een computer (ZIP)").click()
    names = zipfile.ZipFile(io.BytesIO(open(zip_download.value.path(), "rb").read())).namelist()
    assert {"alles.json", "netwerk.graphml"} <= set(names)

    page.get_by_role("link", name="Bewoner wissen…").click()
    page.get_by_label("Typ de naam Bewoner TAFEL om te bevestigen").fill("Bewoner TAFE")
    page.get_by_role("button", name="Alles wissen").click()
    assert "De naam klopt niet" in page.get_by_role("alert").inner_text()
    page.get_by_label("Typ de naam Bewoner TAFEL om te bevestigen").fill("Bewoner TAFEL")
    page.get_by_role("button", name="Alles wissen").click()
    page.get_by_text("is gewist").wait_for()
    assert "Bewoner TAFEL" not in page.locator("main").inner_text()
    assert page.goto(f"/bewoners/{resident.id}/").status == 404
    assert v.foreign_requests() == []
