"""Undo and redo of the changes made at the table (sns.network.changes): every kind of change
comes back as it was, the refusals change nothing, old changes are forgotten."""

from __future__ import annotations

import threading
import time
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from sns.beraad import meetings as beraad
from sns.db import make_sessionmaker
from sns.errors import Invalid, StaleVersion
from sns.models import Action, Coach, NetworkChange, NetworkMember, Offer, Resident, Tie
from sns.models.base import utcnow
from sns.network import changes, members
from sns.network.members import MemberFields
from sns.plan import actions as plan
from sns.privacy import erasure
from sns.residents.life_domains import BIG_5

pytestmark = pytest.mark.db


def _state(db, resident):
    """Every member and tie of the resident, every column but what each save sets anew."""
    db.expire_all()
    return {table.name: {row.id: {k: v for k, v in row._mapping.items()
                                  if k not in changes.UNCOMPARED}
                         for row in db.execute(select(table).where(
                             table.c.resident_id == resident.id))}
            for table in changes.TRACKED}


def _round_trip(db, coach, resident, work):
    """Do ``work``, undo it, redo it: the network is as before, then as after."""
    before = _state(db, resident)
    work()
    db.commit()
    after = _state(db, resident)
    assert after != before
    version = resident.network_version
    changes.undo(db, coach, resident)
    db.commit()
    assert _state(db, resident) == before
    assert resident.network_version == version + 1
    changes.redo(db, coach, resident)
    db.commit()
    assert _state(db, resident) == after
    return after


def test_adding_a_member_is_undone_and_redone(db, people, riek):
    _round_trip(db, people.ans, riek, lambda: members.add_member(
        db, people.ans, riek, MemberFields("Ans", sector="buren", circle=2)))


def test_an_edit_and_a_move_are_undone_and_redone(db, people, riek):
    toos = riek.rows["Toos"]
    _round_trip(db, people.ans, riek, lambda: members.update_member(
        db, people.ans, riek, toos, MemberFields("Toos B", circle=3, note="Belt elke dag",
                                                 support=["praktisch"]),
        expected_version=toos.version))
    _round_trip(db, people.ans, riek, lambda: members.move_member(
        db, people.ans, riek, db.get(NetworkMember, toos.id), circle=1, sector="vrienden",
        expected_network_version=riek.network_version))


def test_a_removed_member_comes_back_with_id_support_notes_and_ties(db, people, riek):
    toos = riek.rows["Toos"]
    toos.note, toos.support = "Komt op zondag", ["praktisch", "emotioneel"]
    db.commit()
    ties = db.scalar(select(func.count()).select_from(Tie).where(
        (Tie.a_id == toos.id) | (Tie.b_id == toos.id)))
    assert ties > 0
    before = _state(db, riek)
    members.remove_member(db, people.ans, riek, toos, expected_version=toos.version)
    db.commit()
    assert db.get(NetworkMember, toos.id) is None
    assert changes.describe(db, riek, changes.to_undo(db, people.ans, riek)) == \
        changes.Description("%(name)s van de kaart gehaald", {"name": "Toos"})
    changes.undo(db, people.ans, riek)
    db.commit()
    assert _state(db, riek) == before
    back = db.get(NetworkMember, toos.id)
    assert (back.name, back.note, back.support) == ("Toos", "Komt op zondag",
                                                    ["praktisch", "emotioneel"])


def test_ties_are_undone_and_redone(db, people, riek):
    a, b = riek.rows["Toos"].id, riek.rows["Ans"].id
    existing = db.scalar(select(Tie).where(Tie.a_id == min(a, b), Tie.b_id == max(a, b)))
    if existing is not None:
        _round_trip(db, people.ans, riek,
                    lambda: members.remove_tie(db, people.ans, riek, existing.id))
        members.remove_tie(db, people.ans, riek, existing.id)
        db.commit()
    _round_trip(db, people.ans, riek, lambda: members.add_tie(db, people.ans, riek, a, b))
    assert changes.describe(db, riek, changes.to_undo(db, people.ans, riek)).message == \
        "lijn %(name)s getekend"


def _held_meeting_with_offer(db, people, riek, name):
    meeting = beraad.new_meeting(db, people.ans, riek, "agenda")
    member = riek.rows[name]
    beraad.prepare(db, people.ans, riek, meeting, expected_version=meeting.version,
                   on_date=date(2026, 11, 20), at_time=None, place=None, agenda=None,
                   invitation=None, invitee_ids=[member.id])
    beraad.record(db, people.ans, riek, meeting, expected_version=meeting.version,
                  attended_ids=[member.id], agreements=None, notes=None,
                  today=date(2026, 12, 1))
    return beraad.add_offer(db, people.ans, riek, meeting, member.id, "Boodschappen", None,
                            BIG_5)


@pytest.mark.parametrize("in_plan", ["before", "after"])
def test_an_archived_member_comes_back_with_their_offers_in_the_plan(db, people, riek, in_plan):
    """The offer is put in the plan before Toos is taken off the map (Toos carries it), or
    after (by a professional): undoing the remove brings Toos back with the offer."""
    offer = _held_meeting_with_offer(db, people, riek, "Toos")
    toos = riek.rows["Toos"]
    db.commit()

    def take_up():
        who, professional = ([toos.id], None) if in_plan == "before" else ([], "Buurtteam")
        action = plan.take_up_offer(db, people.ans, riek, offer.id,
                                    plan.ActionInput("Boodschappen doen", who, professional,
                                                     None, None), BIG_5, date(2026, 12, 2))
        db.commit()
        return action.id

    action_id = take_up() if in_plan == "before" else None
    assert members.remove_member(db, people.ans, riek, toos, expected_version=toos.version)
    db.commit()
    action_id = action_id or take_up()
    changes.undo(db, people.ans, riek)
    db.commit()
    assert db.get(NetworkMember, toos.id).archived_at is None
    assert db.get(Offer, offer.id).member_id == toos.id
    assert db.get(Offer, offer.id).taken_up_on == date(2026, 12, 2)
    performers = [p.member_id for p in db.get(Action, action_id).performers]
    assert performers == ([toos.id] if in_plan == "before" else [])


def test_undo_after_a_colleague_changed_the_same_person_is_refused(db, people, riek):
    toos = riek.rows["Toos"]
    members.update_member(db, people.ans, riek, toos, MemberFields("Toos", note="van Ans"),
                          expected_version=toos.version)
    db.commit()
    members.update_member(db, people.bob, riek, toos, MemberFields("Toos", note="van Bob"),
                          expected_version=toos.version)
    db.commit()
    kept = _state(db, riek)
    with pytest.raises(StaleVersion) as refused:
        changes.undo(db, people.ans, riek)
    assert refused.value.params == {"name": "Toos"}
    assert "iemand anders heeft %(name)s intussen gewijzigd" in refused.value.message
    db.rollback()
    assert _state(db, riek) == kept
    assert changes.to_undo(db, people.ans, riek).undone_at is None


def test_a_colleagues_change_to_someone_else_does_not_stop_an_undo(db, people, riek):
    toos, ans = riek.rows["Toos"], riek.rows["Ans"]
    members.update_member(db, people.ans, riek, toos, MemberFields("Toos", note="x"),
                          expected_version=toos.version)
    members.update_member(db, people.bob, riek, ans, MemberFields("Ans", note="y"),
                          expected_version=ans.version)
    db.commit()
    changes.undo(db, people.ans, riek)
    db.commit()
    assert db.get(NetworkMember, toos.id).note is None
    assert db.get(NetworkMember, ans.id).note == "y"
    assert changes.to_undo(db, people.bob, riek).action == "update_member"


def test_the_same_change_is_undone_once(db, people, riek):
    toos = riek.rows["Toos"]
    members.move_member(db, people.ans, riek, toos, circle=3, sector="buren",
                        expected_network_version=riek.network_version)
    members.move_member(db, people.ans, riek, toos, circle=2, sector="buren",
                        expected_network_version=riek.network_version)
    db.commit()
    offered = changes.to_undo(db, people.ans, riek).id
    changes.undo(db, people.ans, riek, offered)
    db.commit()
    with pytest.raises(StaleVersion) as refused:
        changes.undo(db, people.ans, riek, offered)
    assert refused.value.message == changes.ALREADY_UNDONE
    db.rollback()
    assert db.get(NetworkMember, toos.id).circle == 3  # the older move stays
    with pytest.raises(StaleVersion):
        changes.redo(db, people.ans, riek, offered - 1)
    db.rollback()


def test_nothing_to_undo_or_redo_says_so(db, people, riek):
    with pytest.raises(Invalid, match="niets om ongedaan"):
        changes.undo(db, people.ans, riek)
    with pytest.raises(Invalid, match="niets om opnieuw"):
        changes.redo(db, people.ans, riek)


def test_each_coach_undoes_their_own_changes_only(db, people, riek):
    members.add_member(db, people.bob, riek, MemberFields("Zeger"))
    db.commit()
    assert changes.to_undo(db, people.ans, riek) is None
    with pytest.raises(Invalid):
        changes.undo(db, people.ans, riek, changes.to_undo(db, people.bob, riek).id)


def test_a_new_change_forgets_what_could_be_redone(db, people, riek):
    members.add_member(db, people.ans, riek, MemberFields("Zeger"))
    db.commit()
    changes.undo(db, people.ans, riek)
    db.commit()
    assert changes.to_redo(db, people.ans, riek) is not None
    members.add_member(db, people.ans, riek, MemberFields("Zwaan"))
    db.commit()
    assert changes.to_redo(db, people.ans, riek) is None


def test_undoing_an_add_is_refused_once_the_person_is_invited(db, people, riek):
    kees = members.add_member(db, people.ans, riek, MemberFields("Zeger"))
    db.commit()
    meeting = beraad.new_meeting(db, people.ans, riek, "agenda")
    beraad.prepare(db, people.ans, riek, meeting, expected_version=meeting.version,
                   on_date=date(2026, 11, 20), at_time=None, place=None, agenda=None,
                   invitation=None, invitee_ids=[kees.id])
    db.commit()
    with pytest.raises(StaleVersion) as refused:
        changes.undo(db, people.ans, riek)
    assert refused.value.message == changes.IN_HISTORY
    db.rollback()
    assert db.get(NetworkMember, kees.id) is not None


def test_a_line_does_not_come_back_to_someone_taken_off_the_map(db, people, riek):
    a, b = riek.rows["Toos"].id, riek.rows["Ans"].id
    tie = db.scalar(select(Tie).where(Tie.a_id == min(a, b), Tie.b_id == max(a, b)))
    if tie is None:
        tie = members.add_tie(db, people.bob, riek, a, b)
    members.remove_tie(db, people.ans, riek, tie.id)
    db.commit()
    toos = db.get(NetworkMember, a)
    members.remove_member(db, people.bob, riek, toos, expected_version=toos.version)
    db.commit()
    with pytest.raises(StaleVersion) as refused:
        changes.undo(db, people.ans, riek)
    assert refused.value.message == changes.OFF_THE_MAP
    db.rollback()


def test_a_service_inside_another_is_one_change(db, people, riek):
    @changes.undoable
    def two_people(db, coach, resident):
        members.add_member(db, coach, resident, MemberFields("Zeger"))
        members.add_member(db, coach, resident, MemberFields("Zwaan"))

    two_people(db, people.ans, riek)
    db.commit()
    change = changes.to_undo(db, people.ans, riek)
    assert change.action == "two_people"
    assert changes.describe(db, riek, change) == changes.Description(
        "%(count)s mensen op de kaart gezet", {"count": 2})
    changes.undo(db, people.ans, riek)
    db.commit()
    assert db.scalar(select(func.count()).select_from(NetworkMember).where(
        NetworkMember.name.in_(["Zeger", "Zwaan"]))) == 0


def test_a_refused_change_records_nothing(db, people, riek):
    toos = riek.rows["Toos"]
    with pytest.raises(StaleVersion):
        members.update_member(db, people.ans, riek, toos, MemberFields("Toos"),
                              expected_version=toos.version - 1)
    db.rollback()
    assert changes.to_undo(db, people.ans, riek) is None


def test_old_changes_are_forgotten(db, people, riek, monkeypatch):
    monkeypatch.setattr(changes, "KEEP_CHANGES", 3)
    for name in ("A", "B", "C", "D", "E"):
        members.add_member(db, people.ans, riek, MemberFields(name))
    db.commit()
    kept = db.scalars(select(NetworkChange).order_by(NetworkChange.id)).all()
    assert [c.after["network_member"].popitem()[1]["name"] for c in kept] == ["C", "D", "E"]
    kept[0].created_at = utcnow() - changes.KEEP_FOR - timedelta(minutes=1)
    db.commit()
    changes.purge(db)
    db.commit()
    assert db.scalar(select(func.count()).select_from(NetworkChange)) == 2


def test_erasure_takes_the_changes_with_it(db, people, riek):
    members.add_member(db, people.ans, riek, MemberFields("Zeger"))
    db.commit()
    erasure.delete_everything(db, people.ans, riek, expected_version=riek.version)
    db.commit()
    assert db.scalar(select(func.count()).select_from(NetworkChange)) == 0


def test_two_undos_of_one_change_at_the_same_moment_apply_it_once(app, db, people, riek):
    """Ans presses undo in two tabs at once. The first undo is flushed, not committed (its row lock,
    or SQLite's write lock) when the second starts: the second waits, then is refused."""
    toos = riek.rows["Toos"]
    members.remove_member(db, people.ans, riek, toos, expected_version=toos.version)
    db.commit()
    change_id = changes.to_undo(db, people.ans, riek).id
    maker = make_sessionmaker(app.extensions["sns_write_engine"])
    outcome = []

    def second():
        with maker() as other:
            try:
                changes.undo(other, other.get(Coach, people.ans.id),
                             other.get(Resident, riek.id), change_id)
                other.commit()
                outcome.append("undone")
            except StaleVersion as refused:
                other.rollback()
                outcome.append(refused.message)

    with maker() as first:
        changes.undo(first, first.get(Coach, people.ans.id), first.get(Resident, riek.id),
                     change_id)
        first.flush()
        thread = threading.Thread(target=second)
        thread.start()
        time.sleep(0.5)
        first.commit()
    thread.join(10)
    assert outcome == [changes.ALREADY_UNDONE]
    db.expire_all()
    assert db.get(NetworkMember, toos.id).name == "Toos"
    assert db.get(NetworkChange, change_id).undone_at is not None


def test_redoing_a_remove_is_refused_when_a_colleague_drew_a_line_to_the_person(db, people,
                                                                              riek):
    """Toos is archived (she offered something), brought back, and Bob draws a line from her:
    taking her off the map again would leave his line to someone not on the map."""
    _held_meeting_with_offer(db, people, riek, "Toos")
    toos, marloes = riek.rows["Toos"], riek.rows["Marloes"]
    db.commit()
    members.remove_member(db, people.ans, riek, toos, expected_version=toos.version)
    db.commit()
    changes.undo(db, people.ans, riek)
    db.commit()
    members.add_tie(db, people.bob, riek, toos.id, marloes.id)
    db.commit()
    with pytest.raises(StaleVersion) as refused:
        changes.redo(db, people.ans, riek)
    assert refused.value.params == {"name": "Toos"}
    db.rollback()
    assert db.get(NetworkMember, toos.id).archived_at is None
