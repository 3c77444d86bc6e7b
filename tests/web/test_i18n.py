"""Dutch by default, English on request, and every Dutch text has an English translation."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "web/translations/en/LC_MESSAGES/messages.po"


@pytest.mark.db
def test_dutch_is_the_default_and_english_is_one_click_away(client, auth, people):
    auth.login("ans")
    assert "Mijn bewoners" in client.get("/").get_data(as_text=True)
    response = client.post("/taal", data={"lang": "en", "next": "/"}, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "My residents" in page
    assert '<html lang="en">' in page


def test_language_switch_does_not_redirect_elsewhere(client, people):
    response = client.post("/taal", data={"lang": "en", "next": "//evil.example/"})
    assert response.headers["Location"] == "/"


def test_every_text_in_the_code_has_an_english_translation(tmp_path):
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
         "-k", "N_", "-k", "_l", "--no-location", "-o", str(pot), "."],
        cwd=ROOT, check=True, capture_output=True,
    )
    wanted = {m.id for m in read_po(pot.open("rb")) if m.id}
    translated = {m.id for m in read_po(CATALOG.open("rb")) if m.id and m.string}
    assert sorted(wanted - translated) == [], "run scripts/update-translations.sh and translate"
