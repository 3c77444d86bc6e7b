"""``sns export`` and ``sns import``: a resident's network to a file and back on the
command line, and a bad file refused with the database unchanged."""

from __future__ import annotations

import json
import stat

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from sns.cli import cli
from sns.models import AuditEvent, NetworkMember, Resident
from sns.network.graphs import to_graph
from tests.netfiles_helpers import by_name


@pytest.fixture
def run(database_url, tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("SNS_INSTANCE_PATH", str(tmp_path / "instance"))

    def run(*args):
        return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return run


@pytest.mark.db
@pytest.mark.parametrize("fmt", ["graphml", "gexf", "csv", "json"])
def test_export_and_import_into_a_new_resident(run, db, riek, tmp_path, fmt):
    out = tmp_path / f"riek.{fmt}"
    if fmt == "csv":
        out = tmp_path / "riek.zip"
    result = run("export", riek.id, "--format", fmt, "-o", out)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    event = db.scalar(select(AuditEvent).where(AuditEvent.action == "network.export"))
    assert event.coach_id is None
    assert event.resident_id == riek.id

    result = run("import", out, "--new", "Riek (kopie)", "--coach", "ans")
    assert result.exit_code == 0, result.output
    assert "15 mensen, 10 lijnen tussen hen." in result.output
    assert "15 mensen staan op de kaart van bewoner" in result.output
    copy = db.scalar(select(Resident).where(Resident.name == "Riek (kopie)"))
    assert by_name(to_graph(db, copy)) == by_name(to_graph(db, riek))
    assert [a.coach.username for a in copy.assignments] == ["ans"]


@pytest.mark.db
def test_export_with_initials(run, riek, tmp_path):
    out = tmp_path / "riek.json"
    run("export", riek.id, "--format", "json", "-o", out, "--namen", "initialen")
    names = {n["name"] for n in json.loads(out.read_text())["nodes"]}
    assert "Fatma" not in names
    assert "F." in names


@pytest.mark.db
def test_import_into_an_existing_resident_with_a_chosen_ego(run, db, people, tmp_path):
    path = tmp_path / "gephi.gexf"
    path.write_text(
        '<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="undirected">'
        '<nodes><node id="a" label="Piet"/><node id="b" label="Ans"/><node id="c" label="Bo"/>'
        '</nodes><edges><edge id="0" source="a" target="b"/><edge id="1" source="b" '
        'target="c"/></edges></graph></gexf>')
    dry = run("import", path, "--resident", people.piet.id, "--ego", "a", "--dry-run")
    assert "Als bewoner genomen: knoop 'a' (zo gekozen)." in dry.output
    assert "Niets ingelezen" in dry.output
    assert "label (bij de persoon) -> niet ingelezen: alleen voor het programma" in dry.output
    assert db.scalar(select(func.count()).select_from(NetworkMember)) == 0
    result = run("import", path, "--resident", people.piet.id, "--ego", "a")
    assert result.exit_code == 0, result.output
    G = to_graph(db, people.piet)
    names = sorted(G.nodes[n]["name"] for n in G if n != "ego")
    assert names == ["Ans", "Bo"]


@pytest.mark.db
def test_a_bad_file_changes_nothing(run, db, riek, tmp_path):
    path = tmp_path / "alters.csv"
    path.write_bytes(b"egoID,alterID,name\n1,a,Ans\n1,a,Anna\n")
    before = db.scalar(select(func.count()).select_from(NetworkMember))
    result = run("import", path, "--resident", riek.id)
    assert result.exit_code == 1
    assert "alters.csv, regel 3: alter 'a' staat er twee keer in." in result.output
    assert db.scalar(select(func.count()).select_from(NetworkMember)) == before


def test_import_needs_exactly_one_target(run, tmp_path):
    path = tmp_path / "a.json"
    path.write_text("{}")
    assert run("import", path).exit_code == 2
    assert run("import", path, "--new", "X").exit_code == 2  # --coach is needed too
