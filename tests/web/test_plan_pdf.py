"""Mijn plan as PDF: per life domain the goal in the resident's words, then the actions;
columns that never overlap (long texts wrap), headings of at least 12 pt, dates written as
"1 dec 2026". Read back with pypdf and with poppler's word boxes."""

from __future__ import annotations

import io
import re
import subprocess
from datetime import date

import pytest
from pypdf import PdfReader

from sns.models import LifeDomainEntry, NetworkMember
from sns.plan import actions as plan
from sns.residents.life_domains import BIG_5

pytestmark = pytest.mark.db

LONG = ("Samen de post van de afgelopen drie maanden openmaken, sorteren in mappen en de "
        "rekeningen die nog open staan op een lijstje zetten voor de schuldhulp")
#: DejaVu Sans: a word's box is about 1.164 times the font size high.
BOX_PER_PT = 1.164


def _plan_pdf(client, auth, people, db) -> bytes:
    riek = people.riek
    riek.hulpvraag = "Ik wil de deur weer uit."
    els = NetworkMember(resident_id=riek.id, name="Buurvrouw Els", sector="buren", circle=1)
    jan = NetworkMember(resident_id=riek.id, name="Jan van Dijk", sector="vrienden", circle=2)
    db.add_all([els, jan])
    db.flush()
    db.add(LifeDomainEntry(resident_id=riek.id, domain="financien",
                           desired="Mijn post op orde en geen nieuwe schulden."))
    db.add(LifeDomainEntry(resident_id=riek.id, domain="wonen",
                           desired="Blijven wonen waar ik woon."))
    plan.add_action(db, people.ans, riek, plan.ActionInput(
        "Elke zondag bellen", [els.id], None, None, "steun", ongoing=True,
        how_often="elke zondag"), BIG_5)
    plan.add_action(db, people.ans, riek, plan.ActionInput(
        LONG, [jan.id], "Schuldhulpverlening Gemeente", date(2026, 12, 15), "financien"), BIG_5)
    db.commit()
    auth.login("ans")
    response = client.get(f"/bewoners/{riek.id}/afdrukken/plan.pdf")
    assert response.status_code == 200
    return response.data


def _words(pdf: bytes, tmp_path) -> list[tuple[str, float, float, float, float]]:
    path = tmp_path / "plan.pdf"
    path.write_bytes(pdf)
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    return [(w, float(a), float(b), float(c), float(d)) for a, b, c, d, w in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
        html)]


def test_plan_pdf_has_goals_per_domain_then_actions_and_dates_one_way(client, auth, people,
                                                                      db):
    reader = PdfReader(io.BytesIO(_plan_pdf(client, auth, people, db)))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Mijn vraag: Ik wil de deur weer uit." in text
    # The configured order: Steun, Wonen (a goal, no actions yet), Financiën.
    steun, wonen, financien = (text.index(x) for x in ("Steun en netwerk", "Wonen",
                                                       "Financiën"))
    assert steun < wonen < financien
    assert text.index("Wat ik wil: Mijn post op orde") < text.index("Samen de post")
    assert "Wat ik wil: Blijven wonen waar ik woon. Nog geen acties." in text
    assert "elke zondag" in text
    assert "15 dec 2026" in text
    assert "december" not in text  # the header's date too: "1 dec 2026"
    assert "Buurvrouw Els" in text


def test_plan_columns_never_overlap_and_headings_are_at_least_12_pt(client, auth, people, db,
                                                                    tmp_path):
    words = _words(_plan_pdf(client, auth, people, db), tmp_path)
    heads = {w: (x0, y0, x1, y1) for w, x0, y0, x1, y1 in words
             if w in ("Wat", "Wie", "Wanneer", "Stand")}
    assert len(heads) == 4
    for _x0, y0, _x1, y1 in heads.values():
        assert (y1 - y0) / BOX_PER_PT >= 12
    who_x = heads["Wie"][0]
    long_words = set(LONG.replace(",", "").split())
    what_column = [w for w in words if w[0].rstrip(",-") in long_words and w[1] < who_x]
    assert len(what_column) >= 10  # the long action, wrapped over several lines...
    assert max(w[3] for w in what_column) < who_x  # ...and all of it left of "Wie"
    assert len({round(w[2]) for w in what_column}) >= 3
