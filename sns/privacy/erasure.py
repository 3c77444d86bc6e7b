"""Erasure (AVG art. 17): a resident and everything about them, in one transaction.

Every table with a ``resident_id`` column is emptied of the resident's rows (found from the
models' metadata, so a new table is covered without anyone remembering it), children before
parents; then the resident row itself. The audit log keeps its events (they hold ids and
codes only, see ``sns.models.audit``) plus a tombstone ``resident.erase``: resident N was
erased, by whom, when, without a name.

The resident row is first locked by bumping its version with a check on the version the
coach confirmed, so an edit another coach saved in between refuses the erasure (nothing is
deleted), and an edit arriving after it finds no resident (404) instead of half a file.

Once the erasure is committed, nothing of the resident is left outside the tables either:
their network uploads still waiting for a confirmation are deleted
(:func:`sns.network.pending_uploads.delete_of_resident`), and on SQLite the write-ahead log,
which still holds the deleted rows, is emptied into the database file, where
``secure_delete`` has overwritten them (:func:`sns.db.truncate_log`).

Removing one member: :func:`forget_member_in_snapshots` replaces them in the saved moments by
"verwijderd lid" without name, notes or talents, unless the resident chose to keep the
history (consent ``geschiedenis_bewaren``).
"""

from __future__ import annotations

from sqlalchemy import Table, delete, event, select, update
from sqlalchemy.orm import Session

from sns import audit
from sns.db import Base, truncate_log
from sns.errors import Forbidden, Invalid, StaleVersion
from sns.i18n import N_
from sns.models import AuditEvent, Coach, NetworkSnapshot, Resident
from sns.network import pending_uploads
from sns.network.graphs import member_node
from sns.privacy import consent
from sns.residents import access

#: What a removed member is called in saved moments.
REMOVED_MEMBER = "verwijderd lid"
#: Node attributes that stay for a removed member: where they stood, not who they were.
KEPT_NODE_FIELDS = {"id", "kind", "circle", "sector"}
#: ``Session.info`` key: the residents erased in the session's transaction.
ERASED = "sns_erased_residents"


def resident_tables() -> list[Table]:
    """Every table holding rows that belong to one resident, children first."""
    return [t for t in reversed(Base.metadata.sorted_tables)
            if "resident_id" in t.c and t.name != AuditEvent.__tablename__]


def may_erase(db: Session, actor: Coach, resident: Resident) -> bool:
    """An assigned coach, or the teamleider of the resident's team."""
    if db.scalar(access.assigned_residents(actor).where(Resident.id == resident.id)):
        return True
    return (actor.role == "teamleider" and resident.team_id is not None
            and resident.team_id == actor.team_id)


def _same_name(typed: str | None, name: str) -> bool:
    return " ".join((typed or "").split()).casefold() == " ".join(name.split()).casefold()


def erase_resident(db: Session, actor: Coach, resident: Resident, *, confirmation: str | None,
                   expected_version: int | None) -> int:
    """Delete the resident and everything about them; returns the id that was erased.

    ``confirmation`` must be the resident's name (as shown, case and spaces aside).
    Raises Forbidden, Invalid (wrong confirmation) or StaleVersion; then nothing changed.
    The caller commits.
    """
    if not may_erase(db, actor, resident):
        raise Forbidden()
    if not _same_name(confirmation, resident.name):
        raise Invalid(N_("De naam klopt niet. Typ de naam van de bewoner precies over om te "
                         "bevestigen. Er is niets verwijderd."))
    return delete_everything(db, actor, resident, expected_version=expected_version)


def delete_everything(db: Session, actor: Coach | None, resident: Resident, *,
                      expected_version: int | None, reason: str | None = None) -> int:
    """The deletion itself, without the checks of :func:`erase_resident` (used by the
    retention run, whose actor is the system); writes the tombstone. The caller commits."""
    resident_id = resident.id
    locked = db.execute(
        update(Resident).where(Resident.id == resident_id, Resident.version == expected_version)
        .values(version=Resident.version + 1)
        .execution_options(synchronize_session=False)
    )
    if locked.rowcount != 1:  # changed nothing
        current = db.scalar(select(Resident.version).where(Resident.id == resident_id))
        raise StaleVersion(current or 0)
    for table in resident_tables():
        if table.name != Resident.__tablename__:
            db.execute(delete(table).where(table.c.resident_id == resident_id))
    db.execute(delete(Resident.__table__).where(Resident.__table__.c.id == resident_id))
    db.expunge(resident)
    audit.record(db, actor, "resident.erase", resident_id=resident_id, detail=reason)
    db.info.setdefault(ERASED, set()).add(resident_id)
    return resident_id


@event.listens_for(Session, "after_commit")
def _after_erasure(db: Session) -> None:
    """After an erasure is committed: the resident's waiting uploads, and the SQLite log."""
    erased = db.info.pop(ERASED, None)
    if not erased:
        return
    for resident_id in erased:
        pending_uploads.delete_of_resident(resident_id)
    truncate_log(db.get_bind().engine)


@event.listens_for(Session, "after_rollback")
def _erasure_undone(db: Session) -> None:
    db.info.pop(ERASED, None)


def forget_member_in_snapshots(db: Session, resident: Resident, member_id: int) -> int:
    """Replace member ``member_id`` in the resident's snapshots by "verwijderd lid" (no name,
    notes, talents or willingness), unless the resident wants the history kept; returns how
    many snapshots changed."""
    if consent.given(db, resident.id, "geschiedenis_bewaren"):
        return 0
    node_id, changed = member_node(member_id), 0
    for snapshot in db.scalars(select(NetworkSnapshot)
                               .where(NetworkSnapshot.resident_id == resident.id)):
        nodes = snapshot.graph.get("nodes", [])
        if not any(node.get("id") == node_id for node in nodes):
            continue
        snapshot.graph = {**snapshot.graph, "nodes": [
            {**{k: v for k, v in node.items() if k in KEPT_NODE_FIELDS}, "name": REMOVED_MEMBER}
            if node.get("id") == node_id else node
            for node in nodes
        ]}
        changed += 1
    return changed

