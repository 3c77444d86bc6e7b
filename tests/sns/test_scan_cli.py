"""``sns scan``: the strength scan of a stored resident or of a GraphML file."""

from __future__ import annotations

import doctest
import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner
from sqlalchemy import select

import sns.scan.report
from graph.demo import DEMO_RESIDENT, demo_network
from graph.files.graphml import write_graphml
from sns.cli import cli
from sns.demo.seed import load_demo
from sns.models import Resident

EMERGENCY = ["Ans", "Fatma", "Huisarts Bakker"]


@pytest.fixture
def run(database_url, tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("SNS_INSTANCE_PATH", str(tmp_path / "instance"))

    def run(*args, input=None):
        return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)

    return run


@pytest.fixture
def riek_id(db, tmp_path) -> int:
    """The demo resident, stored with the demo network (15 members, 10 ties)."""
    load_demo(db, tmp_path)
    db.commit()
    return db.scalar(select(Resident.id).where(Resident.name == DEMO_RESIDENT))


@pytest.fixture
def plain_run(tmp_path, monkeypatch):
    """The command line without a database (for files); a database URL that cannot be
    opened proves the file scan never touches it."""
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/missing/dir/sns.sqlite3")

    def run(*args):
        return CliRunner().invoke(cli, list(args), catch_exceptions=False)

    return run


@pytest.mark.db
def test_scan_of_a_stored_resident_as_json(run, riek_id):
    result = run("scan", str(riek_id), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["resident"] == DEMO_RESIDENT
    s, names = data["scan"], data["names"]
    assert s["size"]["total"] == 15
    assert s["size"]["per_circle"] == {"1": 3, "2": 7, "3": 5}
    assert s["size"]["per_sector"] == {"familie": 4, "vrienden": 2, "buren": 3,
                                       "werk_school_club": 3, "professionals": 3}
    assert sorted(names[n] for n in s["support"]["givers"]["nood"]) == EMERGENCY
    assert s["support"]["uncovered"] == []
    assert [names[n] for n in s["load"]["busiest"]] == ["Ans"]
    assert s["load"]["total"] == 19  # the support kinds of all members added up
    assert s["cohesion"]["ties"] == 10
    assert s["cohesion"]["density"] == pytest.approx(10 / 105)
    assert sorted(names[n] for n in s["cohesion"]["isolated"]) == [
        "Mieke (kapper)", "Pastor Verbeek", "Schuldhulp (Ahmed)"]
    assert [names[n] for n in s["strain"]["ego"]] == ["Henk"]
    assert data["findings"][0] == {
        "kind": "count", "weight": 98,
        "params": {"count": 15, "close": ["Ans", "Fatma", "Toos"], "close_count": 3,
                   "name": None},
        "text": "Er staan 15 mensen op uw kaart. Ans, Fatma en Toos staan heel dicht bij u."}


@pytest.mark.db
def test_scan_of_a_stored_resident_as_text(run, riek_id):
    result = run("scan", str(riek_id))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"Netwerkscan van {DEMO_RESIDENT}"
    assert "- Er staan 15 mensen op uw kaart. Ans, Fatma en Toos staan heel dicht bij u." in lines
    assert "- Met Henk is er soms spanning. Wat zou het contact makkelijker maken?" in lines
    text = "\n".join(" ".join(line.split()) for line in lines)
    assert "Netwerkleden 15 (informeel 12, professioneel 3)" in text
    assert "Per cirkel 1: 3, 2: 7, 3: 5" in text
    assert "nood 3 Ans, Fatma, Huisarts Bakker" in text
    assert "Draaglast Ans draagt 3 van de 19 vormen van steun (16%)" in text
    assert "Wederkerig 6 van 13 bekend (46%), onbekend: 2" in text
    assert "Dichtheid 0,10 (10 verbindingen tussen leden)" in text
    assert "Losse leden Mieke (kapper), Pastor Verbeek, Schuldhulp (Ahmed)" in text
    assert "Spanning met bewoner: Henk; tussen leden: Ans en Henk" in text
    assert "m1" not in result.output  # names, not node ids


@pytest.mark.db
def test_scan_in_english(run, riek_id):
    result = run("scan", str(riek_id), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert ("- There are 15 people on your map. Ans, Fatma and Toos are very close to you."
            in result.output.splitlines())
    assert "- With Henk there is sometimes tension. What would make contact easier?" in (
        result.output.splitlines())
    text = "\n".join(" ".join(line.split()) for line in result.output.splitlines())
    assert text.startswith(f"Network scan of {DEMO_RESIDENT}\n")
    assert "Network members 15 (informal 12, professional 3)" in text
    assert "Density 0.10 (10 ties between members)" in text  # a decimal point in English
    assert "Strain with the resident: Henk; between members: Ans and Henk" in text
    data = json.loads(run("scan", str(riek_id), "--lang", "en", "--json").output)
    assert data["findings"][0]["text"].startswith("There are 15 people on your map.")
    assert run("scan", str(riek_id), "--lang", "de").exit_code == 2


def test_scan_in_english_does_not_import_the_web_app(tmp_path):
    """The command line's scan stays light: no Flask, no Flask-Babel, no web package."""
    path = tmp_path / "riek.graphml"
    write_graphml(demo_network(), path)
    code = (
        "import sys\n"
        "from sns.cli import cli\n"
        f"cli(['scan', '--graphml', {str(path)!r}, '--lang', 'en'], standalone_mode=False)\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('flask', 'flask_babel', 'web'))\n"
        "print('HEAVY', heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={**os.environ, "DATABASE_URL": "sqlite://"}).stdout
    assert "- There are 15 people on your map." in out
    assert out.splitlines()[-1] == "HEAVY []"


@pytest.mark.db
def test_scan_of_a_missing_resident(run, db):
    result = run("scan", "999")
    assert result.exit_code == 1
    assert "Bewoner 999 bestaat niet." in result.output


def test_scan_needs_exactly_one_source(run, tmp_path):
    path = tmp_path / "riek.graphml"
    write_graphml(demo_network(), path)
    for args in ((), ("1", "--graphml", str(path))):
        result = run("scan", *args)
        assert result.exit_code == 2
        assert "precies één van de twee" in result.output


def test_scan_of_a_graphml_file(plain_run, tmp_path):
    path = tmp_path / "riek.graphml"
    write_graphml(demo_network(), path)
    result = plain_run("scan", "--graphml", str(path), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["resident"] == DEMO_RESIDENT
    assert data["scan"]["size"]["total"] == 15
    assert data["scan"]["support"]["givers"]["nood"] == EMERGENCY

    text = plain_run("scan", "--graphml", str(path))
    assert text.exit_code == 0
    assert text.output.startswith(f"Netwerkscan van {DEMO_RESIDENT}\n")


def test_scan_of_a_graphml_file_without_a_resident(plain_run, tmp_path):
    path = tmp_path / "los.graphml"
    path.write_text(
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected">'
        '<node id="a"/><node id="b"/><edge source="a" target="b"/></graph></graphml>')
    result = plain_run("scan", "--graphml", str(path))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Netwerkscan (bewoner zonder naam)\n")
    assert "Er staan 2 mensen op uw kaart." in result.output
    assert json.loads(plain_run("scan", "--graphml", str(path), "--json").output)[
        "resident"] is None


def test_scan_of_a_malformed_file(plain_run, tmp_path):
    path = tmp_path / "kapot.graphml"
    path.write_text("<graphml><graph>")
    result = plain_run("scan", "--graphml", str(path))
    assert result.exit_code == 1
    assert "Dit is geen leesbaar GraphML-bestand." in result.output


def test_scan_of_a_file_with_a_value_outside_the_vocabulary(plain_run, tmp_path):
    path = tmp_path / "cirkel.graphml"
    path.write_text(
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
        '<key id="c" for="edge" attr.name="circle" attr.type="int"/>'
        '<graph edgedefault="undirected"><node id="ego"/><node id="x"/>'
        '<edge source="ego" target="x"><data key="c">7</data></edge></graph></graphml>')
    result = plain_run("scan", "--graphml", str(path))
    assert result.exit_code == 1
    assert "Knoop 'x': onbekende cirkel 7." in result.output


def test_report_examples():
    assert doctest.testmod(sns.scan.report).failed == 0


def test_scan_of_a_fifo_is_refused_at_once(plain_run, tmp_path):
    """A named pipe would make the reader wait forever for data that never comes."""
    import os

    fifo = tmp_path / "pijp.graphml"
    os.mkfifo(fifo)
    result = plain_run("scan", "--graphml", str(fifo))
    assert result.exit_code == 1
    assert "is geen gewoon bestand" in result.output
