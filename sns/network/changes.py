"""Undo and redo of what a coach changes in a resident's network at the table.

A service that changes the network becomes undoable with one line, the decorator
:func:`undoable` (its first three parameters must be ``db``, ``coach`` and ``resident``), or,
for a part of a function, the context manager :func:`recorded`::

    @undoable
    def set_state(db, coach, resident, member, state, *, expected_version): ...

    with recorded(db, coach, resident, "group_ties"):
        ...

Before and after the work, the resident's rows of every table in :data:`TRACKED` (members
and ties) are read as the database holds them, every column, so a new column comes along
without anyone remembering it. Only the rows that differ are kept, in a
:class:`~sns.models.NetworkChange`: ``before`` and ``after`` map a table's name to the row's
id and its columns (``None``: the row did not exist). A service called inside another one
is part of the outer change; a refused service (an exception) records nothing; a change that
changed nothing is not kept.

:func:`undo` puts ``before`` back, :func:`redo` puts ``after`` back. Each is a change of its
own: it bumps the resident's ``network_version`` and writes an audit event. Both are refused,
and then change nothing, when one of the rows is no longer as the change left it (a duo
colleague changed the same person since; ``version`` and ``updated_at`` aside, since they
change with every save), when a member would be deleted who is now invited, offered or
carries an action, and when the change was undone (or redone) already: the change row is
claimed with a conditional UPDATE, so two concurrent undos of one change apply it once.

Each coach has their own stack per resident: undo takes the coach's newest change that is
not undone, redo the undone one that was undone last. A new change forgets what the coach
could still redo. A resident keeps at most :data:`KEEP_CHANGES` changes, none older than
:data:`KEEP_FOR` (:func:`purge`): they hold the names of people taken off the map.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import ParamSpec, TypeVar

from sqlalchemy import Date, DateTime, Table, delete, insert, select, update
from sqlalchemy.orm import Session

from sns import audit
from sns.errors import Invalid, StaleVersion
from sns.i18n import N_
from sns.models import (
    Coach,
    Invitee,
    NetworkChange,
    NetworkMember,
    Offer,
    Performer,
    Resident,
    Tie,
)
from sns.models.base import utcnow
from sns.privacy import erasure

#: The tables whose rows a change records, parents before children.
TRACKED: tuple[Table, ...] = (NetworkMember.__table__, Tie.__table__)
MEMBERS, TIES = (table.name for table in TRACKED)
#: Columns every save sets anew: not compared, and never put back.
UNCOMPARED = frozenset({"version", "updated_at"})
#: How many changes a resident keeps, and for how long at most.
KEEP_CHANGES = 50
KEEP_FOR = timedelta(days=7)
#: Key in ``Session.info``: a change is being recorded (an inner service is part of it).
_RECORDING = "sns_network_change_recording"

NOTHING_TO_UNDO = N_("Er is niets om ongedaan te maken.")
NOTHING_TO_REDO = N_("Er is niets om opnieuw te doen.")
ALREADY_UNDONE = N_("Dit was al ongedaan gemaakt. Er is niets dubbel gedaan.")
ALREADY_REDONE = N_("Dit was al opnieuw gedaan. Er is niets dubbel gedaan.")
NOT_LATEST = N_("Er is intussen nog iets veranderd. Hieronder ziet u hoe het nu is; kies "
                "opnieuw wat u ongedaan wilt maken of opnieuw wilt doen.")
UNDO_CHANGED = N_("Dit kan niet meer ongedaan worden gemaakt: iemand anders heeft "
                  "%(name)s intussen gewijzigd. Er is niets veranderd; hieronder ziet u hoe "
                  "het nu is.")
REDO_CHANGED = N_("Dit kan niet opnieuw worden gedaan: iemand anders heeft %(name)s "
                  "intussen gewijzigd. Er is niets veranderd; hieronder ziet u hoe het nu is.")
OFF_THE_MAP = N_("Dit kan niet: de lijn hoort bij %(name)s, en die staat niet meer op de "
                 "kaart. Er is niets veranderd.")
IN_HISTORY = N_("Dit kan niet: %(name)s is intussen uitgenodigd voor het netwerkberaad of "
                "staat in het plan. Er is niets veranderd.")

P = ParamSpec("P")
T = TypeVar("T")
Rows = dict[str, dict[str, dict | None]]


def network_changed(db: Session, coach: Coach, resident: Resident, action: str,
                    detail: str) -> None:
    """Every change of the network: a new ``network_version`` and an audit event."""
    resident.network_version += 1
    db.flush()
    audit.record(db, coach, action, resident_id=resident.id, detail=detail)


# -- recording ----------------------------------------------------------------------------

def _encode(value: object) -> object:
    """A column's value as JSON: moments as UTC without a zone (SQLite drops it)."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _decode(table: Table, name: str, value: object) -> object:
    kind = table.c[name].type
    if value is not None and isinstance(kind, DateTime):
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    if value is not None and isinstance(kind, Date):
        return date.fromisoformat(value)
    return value


def _read(db: Session, table: Table, resident_id: int,
          ids: list[str] | None = None) -> dict[str, dict]:
    """The resident's rows of ``table`` (only ``ids`` when given) by id, every column."""
    query = select(table).where(table.c.resident_id == resident_id)
    if ids is not None:
        query = query.where(table.c.id.in_([int(i) for i in ids]))
    return {str(row.id): {name: _encode(value) for name, value in row._mapping.items()}
            for row in db.execute(query)}


def _snapshot(db: Session, resident_id: int) -> Rows:
    db.flush()
    return {table.name: _read(db, table, resident_id) for table in TRACKED}


def _same(a: dict | None, b: dict | None) -> bool:
    """The same row, apart from what every save sets anew; ``None`` is no row."""
    if a is None or b is None:
        return a is b
    return ({k: v for k, v in a.items() if k not in UNCOMPARED}
            == {k: v for k, v in b.items() if k not in UNCOMPARED})


def _differences(before: Rows, after: Rows) -> tuple[Rows, Rows]:
    """``before`` and ``after`` of the rows that differ, per table; tables without any
    left out."""
    old: Rows = {}
    new: Rows = {}
    for name in before:
        for key in before[name].keys() | after[name].keys():
            was, now = before[name].get(key), after[name].get(key)
            if not _same(was, now):
                old.setdefault(name, {})[key] = was
                new.setdefault(name, {})[key] = now
    return old, new


@contextmanager
def recorded(db: Session, coach: Coach, resident: Resident, action: str) -> Iterator[None]:
    """Record what the block changes in ``resident``'s network as one undoable change of
    ``coach``; ``action`` names it (a service's name). Inside another recorded block it adds
    nothing of its own: the outer change holds it all."""
    if db.info.get(_RECORDING):
        yield
        return
    before = _snapshot(db, resident.id)
    db.info[_RECORDING] = True
    try:
        yield
    finally:
        db.info.pop(_RECORDING, None)
    old, new = _differences(before, _snapshot(db, resident.id))
    if not old:
        return
    # What this coach undid can no longer be redone after a new change.
    db.execute(delete(NetworkChange).where(NetworkChange.resident_id == resident.id,
                                           NetworkChange.coach_id == coach.id,
                                           NetworkChange.undone_at.is_not(None))
               .execution_options(synchronize_session=False))
    db.add(NetworkChange(resident_id=resident.id, coach_id=coach.id, action=action[:60],
                         before=old, after=new))
    db.flush()
    purge(db, resident.id)


def undoable(service: Callable[P, T]) -> Callable[P, T]:
    """Decorator: every call of ``service`` is an undoable change (see :func:`recorded`),
    named after the service. Its parameters ``db``, ``coach`` and ``resident`` say where."""
    signature = inspect.signature(service)

    @functools.wraps(service)
    def recording(*args: P.args, **kwargs: P.kwargs) -> T:
        named = signature.bind(*args, **kwargs).arguments
        with recorded(named["db"], named["coach"], named["resident"], service.__name__):
            return service(*args, **kwargs)

    return recording


def purge(db: Session, resident_id: int | None = None, now: datetime | None = None) -> None:
    """Forget changes older than :data:`KEEP_FOR` (of every resident, or of one), and a
    resident's changes beyond the newest :data:`KEEP_CHANGES`."""
    older = NetworkChange.created_at < (now or utcnow()) - KEEP_FOR
    if resident_id is None:
        db.execute(delete(NetworkChange).where(older)
                   .execution_options(synchronize_session=False))
        return
    mine = NetworkChange.resident_id == resident_id
    beyond = (select(NetworkChange.id).where(mine)
              .order_by(NetworkChange.id.desc()).offset(KEEP_CHANGES))
    db.execute(delete(NetworkChange).where(mine, older | NetworkChange.id.in_(beyond))
               .execution_options(synchronize_session=False))


# -- the stacks ---------------------------------------------------------------------------

def _stack(coach: Coach, resident: Resident, now: datetime | None = None):
    return select(NetworkChange).where(
        NetworkChange.resident_id == resident.id, NetworkChange.coach_id == coach.id,
        NetworkChange.created_at >= (now or utcnow()) - KEEP_FOR)


def to_undo(db: Session, coach: Coach, resident: Resident) -> NetworkChange | None:
    """The change the coach's undo would undo: their newest one not undone."""
    return db.scalar(_stack(coach, resident).where(NetworkChange.undone_at.is_(None))
                     .order_by(NetworkChange.id.desc()).limit(1))


def to_redo(db: Session, coach: Coach, resident: Resident) -> NetworkChange | None:
    """The change the coach's redo would do again: the one they undid last."""
    return db.scalar(_stack(coach, resident).where(NetworkChange.undone_at.is_not(None))
                     .order_by(NetworkChange.id).limit(1))


# -- undo and redo ------------------------------------------------------------------------

def undo(db: Session, coach: Coach, resident: Resident,
         change_id: int | None = None) -> NetworkChange:
    """Undo the coach's newest change (``change_id``: the one the coach's page offered,
    refused when that is no longer it). Returns the change; the caller commits."""
    change = _target(db, coach, resident, change_id, to_undo, NOTHING_TO_UNDO,
                     ALREADY_UNDONE, undone=True)
    _claim(db, change, undone_at=utcnow())
    _put(db, resident, found=change.after, wanted=change.before, refusal=UNDO_CHANGED)
    network_changed(db, coach, resident, "network.undo", f"{change.action} {change.id}")
    return change


def redo(db: Session, coach: Coach, resident: Resident,
         change_id: int | None = None) -> NetworkChange:
    """Do again the change the coach undid last (``change_id`` as in :func:`undo`)."""
    change = _target(db, coach, resident, change_id, to_redo, NOTHING_TO_REDO,
                     ALREADY_REDONE, undone=False)
    _claim(db, change, undone_at=None)
    _put(db, resident, found=change.before, wanted=change.after, refusal=REDO_CHANGED)
    network_changed(db, coach, resident, "network.redo", f"{change.action} {change.id}")
    return change


def _target(db: Session, coach: Coach, resident: Resident, change_id: int | None,
            find: Callable[[Session, Coach, Resident], NetworkChange | None],
            nothing: str, already: str, *, undone: bool) -> NetworkChange:
    change = find(db, coach, resident)
    if change_id is None or (change is not None and change.id == change_id):
        if change is None:
            raise Invalid(nothing)
        return change
    asked = db.get(NetworkChange, change_id)
    if (asked is None or asked.resident_id != resident.id or asked.coach_id != coach.id):
        raise Invalid(nothing)
    raise StaleVersion(0, already if (asked.undone_at is not None) == undone else NOT_LATEST)


def _claim(db: Session, change: NetworkChange, *, undone_at: datetime | None) -> None:
    """Mark the change undone (or not) before anything else is written; refused when a
    concurrent request did it first. On PostgreSQL the second request waits for the first's
    row lock, then finds nothing to update; on SQLite it waits for the write lock, then finds
    the same."""
    was = (NetworkChange.undone_at.is_(None) if undone_at is not None
           else NetworkChange.undone_at.is_not(None))
    claimed = db.execute(update(NetworkChange).where(NetworkChange.id == change.id, was)
                         .values(undone_at=undone_at)
                         .execution_options(synchronize_session=False))
    if claimed.rowcount != 1:
        raise StaleVersion(0, ALREADY_UNDONE if undone_at is not None else ALREADY_REDONE)
    change.undone_at = undone_at
    db.flush()


def _put(db: Session, resident: Resident, *, found: Rows, wanted: Rows, refusal: str) -> None:
    """Make the rows of ``wanted`` so, when each is still as ``found``; else refuse with
    ``refusal`` naming the person, and change nothing."""
    db.flush()
    now = {table.name: _read(db, table, resident.id, list(wanted.get(table.name, {})))
           for table in TRACKED}
    _check(db, resident, now, found, wanted, refusal)
    for table in reversed(TRACKED):  # children first: ties before their members
        for key, row in now[table.name].items():
            if wanted[table.name][key] is None:
                _checked(db.execute(delete(table).where(table.c.id == int(key),
                                                        table.c.version == row["version"])))
                if table is NetworkMember.__table__:
                    erasure.forget_member_in_snapshots(db, resident, int(key))
    for table in TRACKED:
        for key, row in wanted.get(table.name, {}).items():
            if row is None:
                continue
            values = {name: _decode(table, name, value) for name, value in row.items()}
            current = now[table.name].get(key)
            if current is None:  # back with the same id, as it was
                db.execute(insert(table).values(values))
                continue
            kept = {k: v for k, v in values.items() if k not in UNCOMPARED | {"id"}}
            _checked(db.execute(update(table).where(table.c.id == int(key),
                                                    table.c.version == current["version"])
                                .values(**kept, version=current["version"] + 1)))
    db.expire_all()  # the session's objects of these rows are out of date now


def _check(db: Session, resident: Resident, now: Rows, found: Rows, wanted: Rows,
           refusal: str) -> None:
    """Refuse before anything is written: a row that is no longer as ``found``; a member to
    be deleted who is in the history; a member to leave the map (deleted or archived) who
    has a line this change does not remove (a colleague drew it); a line to come back to
    someone who is no longer on the map."""
    names = _Names(db, resident, found, wanted)
    for table in TRACKED:
        for key, row in found.get(table.name, {}).items():
            if not _same(now[table.name].get(key), row):
                raise StaleVersion(0, refusal,
                                   name=names.of(table.name, row or wanted[table.name][key]))
    ties_leaving = [int(key) for key, row in wanted.get(TIES, {}).items() if row is None]
    for key, row in wanted.get(MEMBERS, {}).items():
        current = now[MEMBERS].get(key)
        leaves = current is not None and (
            row is None or (row["archived_at"] is not None and current["archived_at"] is None))
        if not leaves:
            continue
        member_id = int(key)
        if row is None and in_history(db, member_id):
            raise StaleVersion(0, IN_HISTORY, name=current["name"])
        other_tie = db.scalar(select(Tie.id).where(
            (Tie.a_id == member_id) | (Tie.b_id == member_id), Tie.id.not_in(ties_leaving)
        ).limit(1))
        if other_tie is not None:
            raise StaleVersion(0, refusal, name=current["name"])
    ends = {end for row in wanted.get(TIES, {}).values() if row
            for end in (row["a_id"], row["b_id"])}
    members = {member.id: member.archived_at is None for member in db.execute(
        select(NetworkMember.id, NetworkMember.archived_at)
        .where(NetworkMember.id.in_(ends), NetworkMember.resident_id == resident.id))}
    members.update({int(key): row is not None and row["archived_at"] is None
                    for key, row in wanted.get(MEMBERS, {}).items()})
    for end in ends:
        if not members.get(end):
            raise StaleVersion(0, OFF_THE_MAP, name=names.member(end))


def _checked(result) -> None:
    """A row changed by someone else between reading and writing it: refuse (409)."""
    if result.rowcount != 1:
        raise StaleVersion(0)


def in_history(db: Session, member_id: int) -> bool:
    """Was the member invited to a meeting, did they offer something, do they carry an
    action? Then their name must stay readable in the meetings and the plan: the member is
    archived, never deleted."""
    return any(
        db.scalar(select(model.member_id).where(model.member_id == member_id).limit(1))
        is not None
        for model in (Invitee, Offer, Performer)
    )


# -- what a change was, in words ----------------------------------------------------------

@dataclass(frozen=True)
class Description:
    """What a change did, as a Dutch message (``N_``) and its parameters."""

    message: str
    params: dict[str, object] = field(default_factory=dict)


#: Member columns that only say where someone stands on the map.
PLACE = frozenset({"circle", "sector"})
_SAID = {
    # (what, one or many): message
    ("removed", True): N_("%(name)s van de kaart gehaald"),
    ("removed", False): N_("%(count)s mensen van de kaart gehaald"),
    ("added", True): N_("%(name)s op de kaart gezet"),
    ("added", False): N_("%(count)s mensen op de kaart gezet"),
    ("moved", True): N_("%(name)s verplaatst"),
    ("moved", False): N_("%(count)s mensen verplaatst"),
    ("changed", True): N_("%(name)s gewijzigd"),
    ("changed", False): N_("%(count)s mensen gewijzigd"),
    ("tie_added", True): N_("lijn %(name)s getekend"),
    ("tie_added", False): N_("%(count)s lijnen getekend"),
    ("tie_removed", True): N_("lijn %(name)s weggehaald"),
    ("tie_removed", False): N_("%(count)s lijnen weggehaald"),
    ("tie_changed", True): N_("lijn %(name)s gewijzigd"),
    ("tie_changed", False): N_("%(count)s lijnen gewijzigd"),
}


def describe(db: Session, resident: Resident, change: NetworkChange) -> Description:
    """What ``change`` did, for its undo and redo buttons ("Ans van de kaart gehaald"),
    read from the rows it changed: so a new service needs no words of its own."""
    names = _Names(db, resident, change.before, change.after)
    groups: dict[str, list[str]] = {}
    for key, was in change.before.get(MEMBERS, {}).items():
        now = change.after[MEMBERS][key]
        row = now or was
        if now is None or (now["archived_at"] and not (was and was["archived_at"])):
            what = "removed"
        elif was is None:
            what = "added"
        elif {k for k in now if k not in UNCOMPARED and now[k] != was[k]} <= PLACE:
            what = "moved"
        else:
            what = "changed"
        groups.setdefault(what, []).append(names.of(MEMBERS, row))
    if not groups:
        for key, was in change.before.get(TIES, {}).items():
            now = change.after[TIES][key]
            what = "tie_removed" if now is None else "tie_added" if was is None else "tie_changed"
            groups.setdefault(what, []).append(names.of(TIES, now or was))
    for what in ("removed", "added", "moved", "changed", "tie_added", "tie_removed",
                 "tie_changed"):
        if what in groups:
            rows = groups[what]
            return Description(_SAID[what, len(rows) == 1],
                               {"name": rows[0]} if len(rows) == 1 else {"count": len(rows)})
    return Description(N_("een wijziging"))


class _Names:
    """Names of the people in a change: from its own rows, else from the database."""

    def __init__(self, db: Session, resident: Resident, *changes: Rows):
        self.db, self.resident = db, resident
        self.known = {int(key): row["name"] for rows in changes
                      for key, row in rows.get(MEMBERS, {}).items() if row}

    def member(self, member_id: int) -> str:
        if member_id not in self.known:
            self.known[member_id] = self.db.scalar(
                select(NetworkMember.name).where(NetworkMember.id == member_id,
                                                 NetworkMember.resident_id == self.resident.id)
            ) or erasure.REMOVED_MEMBER
        return self.known[member_id]

    def of(self, table: str, row: dict) -> str:
        """A member's name, or a line's two names ("Ans – Piet")."""
        if table == MEMBERS:
            return row["name"]
        return f"{self.member(row['a_id'])} – {self.member(row['b_id'])}"
