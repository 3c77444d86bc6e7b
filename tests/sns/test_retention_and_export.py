"""Retention erases exactly the trajectories closed longer than the period, each resident in
its own transaction (an interrupted run is finished by the next); the export holds every
stored field (compared with the models, so a new column or table without export fails);
and the privacy commands on the command line."""

from __future__ import annotations

import io
import json
import os
import zipfile
from datetime import UTC, datetime, timedelta

import pypdf
import pytest
from click.testing import CliRunner
from sqlalchemy import func, select, text

from sns.cli import cli
from sns.db import Base, make_sessionmaker
from sns.models import AuditEvent, NetworkMember, PhaseChange, Resident
from sns.privacy import erasure, retention
from sns.privacy import export as resident_export
from sns.residents.caseload import create_resident
from tests.privacy_data import full_resident

pytestmark = pytest.mark.db

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def _close(db, resident, at, phase="afgesloten"):
    resident.phase = phase
    db.add(PhaseChange(resident_id=resident.id, phase="afgesloten", at=at))


@pytest.fixture
def closed(db, people):
    """Residents closed 25, 24 (to the day) and 23 months ago, one reopened after 30 months,
    one still open; months = 24."""
    made = {}
    for key, at in (("m25", datetime(2024, 11, 1, tzinfo=UTC)),
                    ("m24", datetime(2024, 12, 1, 12, 0, tzinfo=UTC)),
                    ("m23", datetime(2025, 1, 1, tzinfo=UTC)),
                    ("reopened", datetime(2024, 6, 1, tzinfo=UTC))):
        made[key] = full_resident(db, people.ans, key.upper() + "X")
        _close(db, made[key], at, phase="verkenning" if key == "reopened" else "afgesloten")
    made["open"] = create_resident(db, people.ans, "Open")
    db.commit()
    return {k: r.id for k, r in made.items()}


def test_purge_erases_exactly_the_residents_past_the_period(app, db, closed):
    sessions = make_sessionmaker(app.extensions["sns_engine"])
    result = retention.purge(sessions, 24, now=NOW)
    assert sorted(result.erased) == sorted([closed["m25"], closed["m24"]])
    db.expire_all()
    remaining = set(db.scalars(select(Resident.id)))
    assert {closed["m23"], closed["reopened"], closed["open"]} <= remaining
    assert closed["m25"] not in remaining
    assert db.scalar(select(func.count()).select_from(NetworkMember).where(
        NetworkMember.resident_id == closed["m25"])) == 0
    tombstones = db.scalars(select(AuditEvent).where(AuditEvent.action == "resident.erase"))
    assert {(e.resident_id, e.coach_id, e.detail) for e in tombstones} == {
        (closed["m25"], None, "bewaartermijn"), (closed["m24"], None, "bewaartermijn")}


def test_upcoming_is_a_month_ahead(db, people, closed):
    soon = retention.upcoming(db, 24, people.ans.team_id, now=NOW)
    assert [u.resident.id for u in soon] == [closed["m23"]]
    assert soon[0].erase_on.date().isoformat() == "2027-01-01"


def test_interrupted_purge_is_finished_by_the_next_run(app, db, closed, monkeypatch):
    sessions = make_sessionmaker(app.extensions["sns_engine"])
    real, calls = erasure.delete_everything, []

    def dies_after_the_first(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            real(*args, **kwargs)  # the second resident is half-way: deleted, not committed
            raise KeyboardInterrupt("killed")
        return real(*args, **kwargs)

    monkeypatch.setattr(retention, "delete_everything", dies_after_the_first)
    with pytest.raises(KeyboardInterrupt):
        retention.purge(sessions, 24, now=NOW)
    db.expire_all()
    left = {closed["m25"], closed["m24"]} & set(db.scalars(select(Resident.id)))
    assert len(left) == 1  # the first is gone, the second is whole
    (whole,) = left
    assert db.scalar(select(func.count()).select_from(NetworkMember).where(
        NetworkMember.resident_id == whole)) == 2
    monkeypatch.setattr(retention, "delete_everything", real)
    assert retention.purge(sessions, 24, now=NOW).erased == [whole]


def test_retention_months_setting():
    assert retention.retention_months({}) == retention.DEFAULT_MONTHS
    assert retention.retention_months({"SNS_RETENTION_MONTHS": "6"}) == 6
    with pytest.raises(ValueError, match="at least 1"):
        retention.retention_months({"SNS_RETENTION_MONTHS": "0"})
    assert retention.add_months(datetime(2026, 3, 31), -1) == datetime(2026, 2, 28)


def test_every_table_of_a_resident_and_every_column_is_exported(db, people):
    """Compares the export with the models: a table that refers to the resident (directly or
    through another of their tables) must be exported, every column of it must be in the
    JSON, and every column needs words for the PDF (or be marked technical)."""
    exported = {t.name for t in resident_export.exported_tables()}
    for table in Base.metadata.sorted_tables:
        refers = {fk.column.table.name for fk in table.foreign_keys}
        if refers & exported and table.name not in ("audit_event",):
            assert table.name in exported, f"{table.name} is not in the export"
    resident = full_resident(db, people.ans, "VELD")
    data = resident_export.collect(db, resident)
    for table in resident_export.exported_tables():
        rows = data["tabellen"][table.name]
        assert rows, f"the test resident has no {table.name} row"
        for column in table.c:
            assert column.name in rows[0], f"{table.name}.{column.name} is not exported"
            assert (column.name in resident_export.TECHNICAL
                    or column.name in resident_export.FIELD_LABELS[table.name]), \
                f"{table.name}.{column.name} has no words for the PDF"
        assert table.name in resident_export.TABLE_TITLES


@pytest.fixture
def run(database_url, tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("SNS_INSTANCE_PATH", str(tmp_path / "instance"))

    def run(*args):
        return CliRunner().invoke(cli, list(args), catch_exceptions=False)

    return run


def test_export_resident_command(run, db, people, tmp_path):
    resident = full_resident(db, people.ans, "CLI")
    out, pdf = tmp_path / "alles.zip", tmp_path / "alles.pdf"
    result = run("export-resident", str(resident.id), "-o", str(out), "--pdf", str(pdf))
    assert result.exit_code == 0, result.output
    assert os.stat(out).st_mode & 0o777 == 0o600
    data = json.loads(zipfile.ZipFile(out).read("alles.json"))
    assert data["tabellen"]["resident"][0]["name"] == "Bewoner CLI"
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert "Hulpvraag CLI" in " ".join(text.split())
    assert run("export-resident", "999999", "-o", str(out)).exit_code == 1


def test_purge_command(run, db, people, monkeypatch):
    old = create_resident(db, people.ans, "Heel Oud")
    _close(db, old, datetime.now(UTC) - timedelta(days=400))
    db.commit()
    monkeypatch.setenv("SNS_RETENTION_MONTHS", "12")
    result = run("purge")
    assert "1 bewoner(s) gewist" in result.output
    db.expire_all()
    assert db.scalar(select(func.count()).select_from(Resident).where(
        Resident.name == "Heel Oud")) == 0
    monkeypatch.setenv("SNS_RETENTION_MONTHS", "nul")
    assert run("purge").exit_code == 1


def test_audit_verify_command_finds_a_changed_row(run, db, people):
    assert run("audit", "verify").exit_code == 0
    output = run("audit", "verify").output
    assert "keten ongebroken" in output
    last = db.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
    assert f"Laatste hash: {last.hash}" in output
    event = db.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()[1]
    db.execute(text("UPDATE audit_event SET action = 'login' WHERE id = :id"),
               {"id": event.id})
    db.commit()
    result = run("audit", "verify")
    assert result.exit_code == 1
    assert f"vanaf gebeurtenis {event.seq}" in result.output


def test_group_session_data_and_referred_residents_under_retention(app, db, people):
    """Closing a group session deletes its participants (as before); who asked for a coach
    becomes a resident whose closed trajectory retention erases like any other; the log's
    chain holds through all of it."""
    from datetime import date

    from sns import audit, groups
    from sns.models import GroupParticipant

    session = groups.create_session(db, people.ans, "Hoe sterk?", date(2026, 11, 23), "Buurthuis")
    db.commit()
    participant, _token = groups.join(db, session.join_code, "10.0.0.9")
    net = groups.empty_network()
    groups.add_person(net, "Zus Zwaan", 1, "familie")
    groups.update(participant, net, groups.STEP_RESULT)
    groups.request_coach(participant, consent=True, name="Groep Deelnemer", phone="0612345678",
                         email=None, question="Vraag uit de groep")
    db.commit()
    (referred,) = groups.close_session(db, people.ans, session)
    db.commit()
    assert db.scalar(select(func.count()).select_from(GroupParticipant)) == 0
    _close(db, referred, NOW - timedelta(days=800))
    db.commit()
    result = retention.purge(make_sessionmaker(app.extensions["sns_engine"]), 24, now=NOW)
    assert referred.id in result.erased
    db.expire_all()
    everything = " ".join(str(v) for t in Base.metadata.sorted_tables
                          for row in db.execute(select(t)) for v in row)
    assert "Zus Zwaan" not in everything
    assert "Vraag uit de groep" not in everything
    assert audit.verify(db)[1] is None
