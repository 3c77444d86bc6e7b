"""Ties in groups (sns.network.group_ties): every pair in one action, the lines among a group
taken away, one person tied to a whole sector; the limit and the refusals."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from sns.errors import Invalid
from sns.models import AuditEvent, Tie
from sns.models.base import utcnow
from sns.network import group_ties, members

pytestmark = pytest.mark.db


@pytest.fixture
def family(db, people, make_resident, make_member):
    """Riek with a family of six (Anna .. Fien) and two neighbours (Gert, Hans)."""
    riek = make_resident("Riek")
    six = [make_member(riek, name, sector="familie")
           for name in ("Anna", "Bram", "Cor", "Dirk", "Els", "Fien")]
    two = [make_member(riek, name, sector="buren") for name in ("Gert", "Hans")]
    db.commit()
    return riek, six, two


def _ties(db, resident) -> set[tuple[int, int]]:
    db.expire_all()
    return {(a, b) for a, b in db.execute(
        select(Tie.a_id, Tie.b_id).where(Tie.resident_id == resident.id))}


def _events(db, action: str) -> list[AuditEvent]:
    return list(db.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def _ids(rows) -> list[int]:
    return [m.id for m in rows]


def test_six_people_who_all_know_each_other_are_15_pairs_in_one_change(db, people, family):
    riek, six, _two = family
    version = riek.network_version
    result = group_ties.tie_all(db, people.ans, riek, _ids(six))
    db.commit()
    assert result == group_ties.GroupResult(people=6, pairs=15, changed=15)
    ids = sorted(_ids(six))
    assert _ties(db, riek) == {(a, b) for i, a in enumerate(ids) for b in ids[i + 1:]}
    assert riek.network_version == version + 1  # one change, so one undo
    (event,) = _events(db, "tie.group_add")
    assert event.detail == "6 mensen, 15 paren, 15 nieuw"  # counts, no names
    assert not any(m.name in event.detail for m in six)


def test_pairs_that_exist_are_left_alone_and_only_new_ones_counted(db, people, family):
    riek, six, _two = family
    a, b, c = six[0], six[1], six[2]
    for x, y, quality in ((a, b, "goed"), (b, c, "gespannen"), (a, c, None)):
        members.add_tie(db, people.ans, riek, x.id, y.id, quality)
    db.commit()
    result = group_ties.tie_all(db, people.ans, riek, _ids(six))
    db.commit()
    assert (result.pairs, result.changed) == (15, 12)
    assert len(_ties(db, riek)) == 15
    kept = db.scalar(select(Tie.quality).where(Tie.a_id == min(b.id, c.id),
                                               Tie.b_id == max(b.id, c.id)))
    assert kept == "gespannen"  # an existing line keeps its quality
    assert _events(db, "tie.group_add")[0].detail == "6 mensen, 15 paren, 12 nieuw"


def test_a_group_that_knows_each_other_already_changes_nothing(db, people, family):
    riek, six, _two = family
    group_ties.tie_all(db, people.ans, riek, _ids(six[:3]))
    db.commit()
    version = riek.network_version
    assert group_ties.tie_all(db, people.ans, riek, _ids(six[:3])).changed == 0
    db.commit()
    assert riek.network_version == version
    assert len(_events(db, "tie.group_add")) == 1


def test_do_not_know_each_other_removes_exactly_the_lines_among_them(db, people, family):
    riek, six, two = family
    group_ties.tie_all(db, people.ans, riek, _ids(six))
    gert, hans = two
    members.add_tie(db, people.ans, riek, six[0].id, gert.id)  # a line to someone else
    members.add_tie(db, people.ans, riek, gert.id, hans.id)
    db.commit()
    version = riek.network_version
    result = group_ties.untie_all(db, people.ans, riek, _ids(six[:4]))
    db.commit()
    assert result == group_ties.GroupResult(people=4, pairs=6, changed=6)
    left = _ties(db, riek)
    assert len(left) == 15 - 6 + 2
    four = set(_ids(six[:4]))
    assert not any(a in four and b in four for a, b in left)
    assert tuple(sorted((six[0].id, gert.id))) in left
    assert riek.network_version == version + 1
    assert _events(db, "tie.group_remove")[0].detail == "4 mensen, 6 paren, 6 weg"


def test_a_group_of_60_is_refused_as_a_whole(db, people, make_resident, make_member):
    riek = make_resident("Riek")
    sixty = [make_member(riek, f"Persoon {i}") for i in range(60)]
    db.commit()
    version = riek.network_version
    with pytest.raises(Invalid, match="hoogstens 40 mensen"):
        group_ties.tie_all(db, people.ans, riek, _ids(sixty))
    db.rollback()
    assert _ties(db, riek) == set()
    assert riek.network_version == version
    # the largest group that is allowed: 40 people, 780 lines, in one action
    assert group_ties.tie_all(db, people.ans, riek, _ids(sixty[:40])).changed == 780
    db.commit()
    assert len(_ties(db, riek)) == 780


@pytest.mark.parametrize("who", ["nobody", "one", "twice", "removed", "stranger", "none"])
def test_refusals_store_nothing(db, people, family, make_resident, make_member, who):
    riek, six, _two = family
    piet = make_resident("Piet")
    ids = {
        "nobody": [],
        "one": [six[0].id],
        "twice": [six[0].id, six[1].id, six[0].id],
        "removed": [six[0].id, six[1].id],
        "stranger": [six[0].id, make_member(piet, "Vreemde").id],
        "none": [six[0].id, None],
    }[who]
    if who == "removed":
        six[1].archived_at = utcnow()
    db.commit()
    message = {"nobody": "minstens twee", "one": "minstens twee",
               "twice": "verschillende mensen"}.get(who, "uit dit netwerk")
    for action in (group_ties.tie_all, group_ties.untie_all):
        with pytest.raises(Invalid, match=message):
            action(db, people.ans, riek, ids)
        db.rollback()
    assert db.scalar(select(func.count()).select_from(Tie)) == 0


def test_one_person_knows_everyone_of_a_sector(db, people, family):
    riek, six, two = family
    anna, bram = six[0], six[1]
    members.add_tie(db, people.ans, riek, anna.id, bram.id, "goed")
    db.commit()
    gert = two[0]
    result = group_ties.tie_to_sector(db, people.ans, riek, gert.id, "familie")
    db.commit()
    assert result == group_ties.GroupResult(people=7, pairs=6, changed=6)
    assert _ties(db, riek) == {tuple(sorted((gert.id, m.id))) for m in six} | {
        (min(anna.id, bram.id), max(anna.id, bram.id))}
    # Anna is family herself: a line to every other family member, never to herself
    result = group_ties.tie_to_sector(db, people.ans, riek, anna.id, "familie")
    db.commit()
    assert (result.pairs, result.changed) == (5, 4)  # Bram was tied already
    assert [e.detail for e in _events(db, "tie.sector_add")] == [
        "familie: 6 mensen, 6 nieuw", "familie: 5 mensen, 4 nieuw"]


def test_knows_everyone_of_a_sector_refusals(db, people, family, make_resident,
                                             make_member):
    riek, six, two = family
    stranger = make_member(make_resident("Piet"), "Vreemde", sector="familie")
    db.commit()
    cases = [
        (stranger.id, "familie", "uit dit netwerk"),
        (None, "familie", "uit dit netwerk"),
        (six[0].id, "marsbewoners", "Kies een groep"),
        (six[0].id, None, "Kies een groep"),
        (two[0].id, "vrienden", "verder nog niemand"),
    ]
    for member_id, sector, message in cases:
        with pytest.raises(Invalid, match=message):
            group_ties.tie_to_sector(db, people.ans, riek, member_id, sector)
        db.rollback()
    assert db.scalar(select(func.count()).select_from(Tie)) == 0
