"""Ties in groups: who knows whom, for several people in one action.

A family of six who all know each other is 15 pairs; entered one pair at a time that was
about 165 key presses. Here a chosen group gets every pair among them in one action
(:func:`tie_all`), loses the lines among them in one action (:func:`untie_all`), or one
person gets a line to everyone of a sector (:func:`tie_to_sector`).

Each function is one action: one transaction, one bump of the network version and one
audit event, whose detail holds counts only (no names, no ids). Pairs that are already
there are left alone (their quality and note stay), and the answer says how many lines
were new or taken away; an action that changes nothing records nothing. A refused action
(someone not on this map, the same person twice, fewer than two people, more than
:data:`MAX_GROUP`) raises :class:`sns.errors.Invalid` before anything is written.

Example
-------
>>> pairs_of([3, 1, 2])
[(1, 2), (1, 3), (2, 3)]
>>> len(pairs_of(range(6))), len(pairs_of(range(MAX_GROUP)))
(15, 780)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from graph import schema
from sns.errors import Invalid, NotFound
from sns.i18n import N_
from sns.models import Coach, NetworkMember, Resident, Tie
from sns.network.changes import network_changed, undoable
from sns.network.members import get_member

#: The most people in one group action: 40 people are 780 pairs. The number grows with
#: the square of the group, so a slip that selects the whole map of 60 (1,770 pairs) is
#: refused as a whole, and nothing is stored.
MAX_GROUP = 40


@dataclass(frozen=True)
class GroupResult:
    """What one group action did: ``people`` in it, ``pairs`` among them (or lines it
    could make), ``changed`` lines that were new (added) or taken away (removed)."""

    people: int
    pairs: int
    changed: int


def pairs_of(member_ids: Iterable[int]) -> list[tuple[int, int]]:
    """Every pair among ``member_ids`` once, as stored: the smaller id first."""
    return list(combinations(sorted(set(member_ids)), 2))


def _group(db: Session, resident: Resident, member_ids: Iterable[int | None]) -> list[int]:
    """The chosen people, checked: at least two, at most MAX_GROUP, each once, all on this
    map (not removed, not another resident's)."""
    ids = list(member_ids)
    if len(ids) < 2:
        raise Invalid(N_("Kies minstens twee mensen."))
    if len(ids) > MAX_GROUP:
        raise Invalid(N_("Kies hoogstens 40 mensen tegelijk (dat zijn 780 lijnen). "
                         "Er is niets opgeslagen."))
    if None in ids:
        raise Invalid(N_("Kies mensen uit dit netwerk."))
    if len(set(ids)) != len(ids):
        raise Invalid(N_("Kies verschillende mensen."))
    on_map = db.scalar(select(func.count()).select_from(NetworkMember).where(
        NetworkMember.resident_id == resident.id,
        NetworkMember.archived_at.is_(None),
        NetworkMember.id.in_(ids)))
    if on_map != len(ids):
        raise Invalid(N_("Kies mensen uit dit netwerk."))
    return sorted(ids)


def _existing(db: Session, resident: Resident, ids: list[int]) -> set[tuple[int, int]]:
    rows = db.execute(select(Tie.a_id, Tie.b_id).where(
        Tie.resident_id == resident.id, Tie.a_id.in_(ids), Tie.b_id.in_(ids)))
    return {(a, b) for a, b in rows}


@undoable
def tie_all(db: Session, coach: Coach, resident: Resident,
            member_ids: Iterable[int | None]) -> GroupResult:
    """"Deze mensen kennen elkaar allemaal": a line between every pair of the chosen
    people that has none yet (quality unknown)."""
    ids = _group(db, resident, member_ids)
    wanted = pairs_of(ids)
    have = _existing(db, resident, ids)
    new = [pair for pair in wanted if pair not in have]
    db.add_all(Tie(resident_id=resident.id, a_id=a, b_id=b) for a, b in new)
    if new:
        network_changed(db, coach, resident, "tie.group_add",
                 f"{len(ids)} mensen, {len(wanted)} paren, {len(new)} nieuw")
    return GroupResult(len(ids), len(wanted), len(new))


@undoable
def untie_all(db: Session, coach: Coach, resident: Resident,
              member_ids: Iterable[int | None]) -> GroupResult:
    """"Deze mensen kennen elkaar niet": the lines among the chosen people are taken away;
    their lines to anyone else stay."""
    ids = _group(db, resident, member_ids)
    # Row by row through the session, not one bulk DELETE: undo can then see what went
    # (each line's quality and note), and there are at most 780.
    gone = list(db.scalars(select(Tie).where(
        Tie.resident_id == resident.id, Tie.a_id.in_(ids), Tie.b_id.in_(ids))))
    for tie in gone:
        db.delete(tie)
    removed = len(gone)
    pairs = len(pairs_of(ids))
    if removed:
        network_changed(db, coach, resident, "tie.group_remove",
                 f"{len(ids)} mensen, {pairs} paren, {removed} weg")
    return GroupResult(len(ids), pairs, removed)


@undoable
def tie_to_sector(db: Session, coach: Coach, resident: Resident, member_id: int | None,
                  sector: str | None, sectors: Iterable[str] = schema.SECTORS) -> GroupResult:
    """"Kent iedereen uit Familie": a line from one person to everyone else on the map in
    ``sector``. No limit beyond the map itself: the lines grow with the sector, not with
    its square."""
    if sector not in tuple(sectors):
        raise Invalid(N_("Kies een groep."))
    try:
        member = get_member(db, resident, member_id)
    except NotFound as err:
        raise Invalid(N_("Kies mensen uit dit netwerk.")) from err
    others = list(db.scalars(select(NetworkMember.id).where(
        NetworkMember.resident_id == resident.id,
        NetworkMember.archived_at.is_(None),
        NetworkMember.sector == sector,
        NetworkMember.id != member.id,
    )))
    if not others:
        raise Invalid(N_("In deze groep staat verder nog niemand op de kaart."))
    wanted = [tuple(sorted((member.id, other))) for other in others]
    have = {(a, b) for a, b in db.execute(select(Tie.a_id, Tie.b_id).where(
        Tie.resident_id == resident.id, (Tie.a_id == member.id) | (Tie.b_id == member.id)))}
    new = [pair for pair in wanted if pair not in have]
    db.add_all(Tie(resident_id=resident.id, a_id=a, b_id=b) for a, b in new)
    if new:
        network_changed(db, coach, resident, "tie.sector_add",
                 f"{sector}: {len(wanted)} mensen, {len(new)} nieuw")
    return GroupResult(len(others) + 1, len(wanted), len(new))
