"""Erasure (AVG art. 17): after erasing a resident no table holds their words or their
members' names, on SQLite and PostgreSQL; another resident is untouched; the log keeps a
tombstone and its chain holds."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sns import audit
from sns.errors import Forbidden, Invalid, StaleVersion
from sns.models import AuditEvent, NetworkMember, NetworkSnapshot, Resident
from sns.network import members
from sns.privacy import erasure
from sns.residents.caseload import update_resident
from tests.privacy_data import full_resident, tables_holding

pytestmark = pytest.mark.db


def test_erasure_leaves_no_trace_in_any_table(db, people):
    kept = full_resident(db, people.ans, "BLIJFT")
    gone = full_resident(db, people.ans, "WEG")
    assert {"resident", "network_member", "meeting", "network_snapshot", "review", "offer",
            "action", "life_domain_entry"} <= tables_holding(db, "WEG")

    erasure.erase_resident(db, people.ans, gone, confirmation="bewoner weg",
                           expected_version=gone.version)
    db.commit()

    assert tables_holding(db, "WEG") == set()
    assert db.get(Resident, gone.id) is None
    assert "network_member" in tables_holding(db, "BLIJFT")  # the search does find things
    assert db.get(Resident, kept.id).hulpvraag == "Hulpvraag BLIJFT"
    tombstone = db.scalars(select(AuditEvent).where(AuditEvent.resident_id == gone.id)
                           .order_by(AuditEvent.seq.desc())).first()
    assert (tombstone.action, tombstone.coach_id) == ("resident.erase", people.ans.id)
    assert audit.verify(db)[1] is None


def test_wrong_confirmation_or_stranger_erases_nothing(db, people):
    resident = full_resident(db, people.ans, "RIEKJE")
    with pytest.raises(Invalid):
        erasure.erase_resident(db, people.ans, resident, confirmation="Riek",
                               expected_version=resident.version)
    with pytest.raises(Forbidden):
        erasure.erase_resident(db, people.bob, resident, confirmation=resident.name,
                               expected_version=resident.version)
    with pytest.raises(Forbidden):  # another team's coach
        erasure.erase_resident(db, people.other, resident, confirmation=resident.name,
                               expected_version=resident.version)
    db.rollback()
    assert db.get(Resident, resident.id) is not None
    assert len(db.scalars(select(NetworkMember).where(
        NetworkMember.resident_id == resident.id)).all()) == 2


def test_teamleider_of_the_team_may_erase(db, people):
    resident = full_resident(db, people.ans, "TEAM")
    erasure.erase_resident(db, people.leider, resident, confirmation=resident.name,
                           expected_version=resident.version)
    db.commit()
    assert db.get(Resident, resident.id) is None


def test_an_edit_saved_in_between_stops_the_erasure(db, people):
    resident = full_resident(db, people.ans, "DUO")
    seen_version = resident.version
    update_resident(db, people.ans, resident, expected_version=resident.version,
                    name=resident.name, hulpvraag="Nieuw", wishes=None, talents=None)
    db.commit()
    with pytest.raises(StaleVersion):
        erasure.erase_resident(db, people.ans, resident, confirmation=resident.name,
                               expected_version=seen_version)
    db.rollback()
    assert db.get(Resident, resident.id).hulpvraag == "Nieuw"
    assert len(db.scalars(select(NetworkMember).where(
        NetworkMember.resident_id == resident.id)).all()) == 2


def _remove_member_b(db, coach, resident, marker):
    """Take member B off the map; returns the member and the resident's (only) snapshot."""
    member = db.scalars(select(NetworkMember).where(
        NetworkMember.resident_id == resident.id, NetworkMember.name == f"Lid {marker} B")).one()
    members.remove_member(db, coach, resident, member, expected_version=member.version)
    db.commit()
    snapshot = db.scalars(select(NetworkSnapshot).where(
        NetworkSnapshot.resident_id == resident.id)).one()
    db.refresh(snapshot)
    return member, snapshot


def test_removed_member_is_a_nameless_member_in_snapshots(db, people):
    resident = full_resident(db, people.ans, "SNAP")
    member, snapshot = _remove_member_b(db, people.ans, resident, "SNAP")
    nodes = {n["id"]: n for n in snapshot.graph["nodes"]}
    assert nodes[f"m{member.id}"] == {"id": f"m{member.id}", "kind": "member",
                                      "sector": None, "name": erasure.REMOVED_MEMBER}
    assert "Lid SNAP A" in str(snapshot.graph)
    assert "Lid SNAP B" not in str(snapshot.graph)


def test_resident_may_keep_the_history(db, people):
    from sns.privacy import consent

    resident = full_resident(db, people.ans, "HIST")
    consent.give(db, people.ans, resident, "geschiedenis_bewaren")
    _member, snapshot = _remove_member_b(db, people.ans, resident, "HIST")
    assert "Lid HIST B" in str(snapshot.graph)


def test_erasure_during_an_edit_in_progress_waits_and_deletes_nothing(app, db, people):
    """Bob's edit is flushed but not committed (his row lock, or SQLite's write lock) when
    Ans erases: her erasure waits, then finds a newer version and deletes nothing."""
    import threading
    import time

    from sns.db import make_sessionmaker

    resident = full_resident(db, people.ans, "GELIJK")
    rid, seen = resident.id, resident.version
    maker = make_sessionmaker(app.extensions["sns_engine"])
    outcome = []

    def erase():
        with maker() as other:
            target = other.get(Resident, rid)
            try:
                erasure.erase_resident(other, people.ans, target, confirmation=target.name,
                                       expected_version=seen)
                other.commit()
                outcome.append("erased")
            except StaleVersion:
                other.rollback()
                outcome.append("refused")

    with maker() as bob:
        editing = bob.get(Resident, rid)
        editing.hulpvraag = "Bob is bezig"
        bob.flush()
        thread = threading.Thread(target=erase)
        thread.start()
        time.sleep(0.5)
        bob.commit()
    thread.join(10)
    assert outcome == ["refused"]
    db.expire_all()
    assert db.get(Resident, rid).hulpvraag == "Bob is bezig"
    assert len(db.scalars(select(NetworkMember).where(NetworkMember.resident_id == rid)).all()) == 2


def test_sqlite_overwrites_deleted_rows_even_where_its_build_would_not(tmp_path):
    """``secure_delete`` is on for every connection of the app, also with an SQLite whose
    own default is off (Debian's is on; Python's on Windows and macOS is not)."""
    from sqlalchemy import event

    from sns.db import make_engine

    engine = make_engine(f"sqlite:///{tmp_path / 'sns.sqlite3'}")
    event.listen(engine, "connect",
                 lambda dbapi, _record: dbapi.execute("PRAGMA secure_delete=OFF"), insert=True)
    try:
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    finally:
        engine.dispose()
