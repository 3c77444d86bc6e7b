"""The access log is tamper-evident: each event hashes its content and the previous hash;
`sns audit verify` finds the first broken link; concurrent appends keep one chain."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select, text

from sns import audit, migrate
from sns.db import make_engine, make_sessionmaker
from sns.models import AuditEvent

pytestmark = pytest.mark.db


def _write(db, people, n=3):
    for i in range(n):
        audit.record(db, people.ans, "resident.view", resident_id=people.riek.id, detail=str(i))
    db.commit()


def test_chain_holds_and_records_the_address(db, people):
    token = audit.client_address.set("192.0.2.7")
    try:
        _write(db, people)
    finally:
        audit.client_address.reset(token)
    count, broken = audit.verify(db)
    assert broken is None
    assert count == db.query(AuditEvent).count()
    last = db.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
    assert last.from_address == "192.0.2.7"


def test_changed_row_breaks_the_chain_there(db, people):
    _write(db, people)
    victim = db.scalars(select(AuditEvent).where(AuditEvent.detail == "1")).one()
    db.execute(text("UPDATE audit_event SET coach_id = NULL WHERE id = :id"), {"id": victim.id})
    db.commit()
    _count, broken = audit.verify(db)
    assert (broken.seq, broken.event_id) == (victim.seq, victim.id)
    assert "veranderd" in broken.reason


def test_deleted_row_breaks_the_chain(db, people):
    _write(db, people)
    victim = db.scalars(select(AuditEvent).where(AuditEvent.detail == "1")).one()
    db.execute(text("DELETE FROM audit_event WHERE id = :id"), {"id": victim.id})
    db.commit()
    assert audit.verify(db)[1].seq == victim.seq


def test_cut_off_end_is_found(db, people):
    _write(db, people)
    last = db.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
    db.execute(text("DELETE FROM audit_event WHERE id = :id"), {"id": last.id})
    db.commit()
    assert "ontbreken" in audit.verify(db)[1].reason


def test_two_threads_appending_at_once_keep_one_chain(app, people):
    maker = make_sessionmaker(app.extensions["sns_engine"])
    start = threading.Barrier(2)
    errors = []

    def write(coach_id):
        try:
            with maker() as db:
                start.wait()
                for i in range(15):
                    db.add(AuditEvent(action="x"))  # unrelated pending work is flushed too
                    db.rollback()
                    audit.record(db, None, "resident.view", resident_id=coach_id, detail=str(i))
                    db.commit()
        except Exception as err:  # noqa: BLE001 - reported below
            errors.append(err)

    threads = [threading.Thread(target=write, args=(n,)) for n in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with maker() as db:
        count, broken = audit.verify(db)
        assert broken is None
        assert db.query(AuditEvent).filter(AuditEvent.action == "resident.view").count() == 30


def test_migration_chains_the_events_that_were_there(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    migrate.upgrade(url, "0006")
    engine = make_engine(url)
    with engine.begin() as conn:
        for action in ("login", "resident.create", "logout"):
            conn.execute(text("INSERT INTO audit_event (at, action) VALUES "
                              "('2026-11-20 10:00:00.000000', :action)"), {"action": action})
    engine.dispose()
    migrate.upgrade(url)
    engine = make_engine(url)
    with make_sessionmaker(engine)() as db:
        assert audit.verify(db) == (3, None)
        audit.record(db, None, "login")
        db.commit()
        assert audit.verify(db) == (4, None)
    engine.dispose()


@pytest.mark.fresh_database
def test_migration_down_and_up_keeps_every_resident_row(database_url, people, db):
    """0007 down and up again with a row in every table of a resident: the tables that
    exist at 0006 keep every row, down and up again (only the consent table, the chain
    columns and the tables of later migrations go); the chain is rebuilt on the way up."""
    from sqlalchemy import MetaData, func

    from sns.privacy.erasure import resident_tables
    from tests.privacy_data import full_resident

    full_resident(db, people.ans, "MIGRATIE")

    def counts(names=None):
        metadata = MetaData()
        metadata.reflect(db.get_bind())
        return {name: db.scalar(select(func.count()).select_from(metadata.tables[name]))
                for name in names or [t.name for t in resident_tables()]
                if name in metadata.tables}

    before = counts()
    assert all(before.values()), before
    db.close()
    migrate.downgrade(database_url, "0006")
    kept = counts()
    assert "consent" not in kept
    assert "network_member" in kept
    assert kept == {name: before[name] for name in kept}
    db.close()
    migrate.upgrade(database_url)
    assert counts(kept) == kept
    assert audit.verify(db)[1] is None
