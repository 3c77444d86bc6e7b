"""Deze week on a caseload with a resident in every phase, one of them with nothing due."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import update

from sns.beraad import followup
from sns.beraad import meetings as beraad
from sns.models import Assignment, NetworkMember, Resident
from sns.plan import actions as plan
from sns.residents import week
from sns.residents.caseload import create_resident
from sns.residents.life_domains import BIG_5

pytestmark = pytest.mark.db

TODAY = date.today()


def _member(db, resident, name="Els"):
    member = NetworkMember(resident_id=resident.id, name=name, sector="buren", circle=1)
    db.add(member)
    db.flush()
    return member


def _meeting(db, coach, resident, on_date, *, held=False):
    member = _member(db, resident)
    meeting = beraad.new_meeting(db, coach, resident, "agenda")
    beraad.prepare(db, coach, resident, meeting, expected_version=meeting.version,
                   on_date=on_date, at_time=None, place=None, agenda=None, invitation=None,
                   invitee_ids=[member.id])
    if held:
        beraad.record(db, coach, resident, meeting, expected_version=meeting.version,
                      attended_ids=[member.id], agreements=None, notes=None, today=TODAY)
    return meeting


@pytest.fixture
def caseload(db, people):
    ans = people.ans
    made = {}

    def resident(name, phase):
        r = create_resident(db, ans, name)
        r.phase = phase
        made[name] = r
        return r

    people.riek.phase = "verkenning"  # Riek: a verkenning with nothing due
    resident("Bea", "netwerkberaad")
    _meeting(db, ans, made["Bea"], TODAY + timedelta(days=3))
    resident("Nico", "netwerkberaad")
    made["Nico"].meeting = _meeting(db, ans, made["Nico"], TODAY - timedelta(days=29),
                                    held=True)
    resident("Ada", "actieteam").next_review = TODAY + timedelta(days=40)
    action = plan.add_action(db, ans, made["Ada"], plan.ActionInput(
        "Formulier invullen", [_member(db, made["Ada"]).id], None, TODAY - timedelta(days=10),
        None), BIG_5, today=TODAY - timedelta(days=20))
    made["Ada"].action = action
    plan.add_action(db, ans, made["Ada"], plan.ActionInput(  # ongoing: never late
        "Bellen", [], "Buurtcoach", TODAY + timedelta(days=1), None, ongoing=True,
        how_often="elke week"), BIG_5, today=TODAY)
    resident("Eva", "evaluatie").next_review = TODAY - timedelta(days=2)
    resident("Stef", "onderhoud")
    closed = resident("Karel", "afgesloten")
    closed.next_review = TODAY - timedelta(days=5)
    db.commit()
    long_ago = datetime.now(UTC) - timedelta(weeks=10)
    db.execute(update(Resident).where(Resident.id == made["Stef"].id)
               .values(updated_at=long_ago, created_at=long_ago))
    db.commit()
    return made


def test_deze_week_orders_by_urgency_and_leaves_out_what_is_not_due(db, people, caseload):
    items = week.for_coach(db, people.ans, TODAY)
    assert [(i.kind, i.resident_name, i.day) for i in items] == [
        ("quiet", "Stef", TODAY - timedelta(weeks=4)),
        ("action", "Ada", TODAY - timedelta(days=10)),
        ("review", "Eva", TODAY - timedelta(days=2)),
        ("followup", "Nico", TODAY - timedelta(days=1)),
        ("meeting", "Bea", TODAY + timedelta(days=3)),
    ]
    assert items[1].what == "Formulier invullen"
    assert items[1].action_id == caseload["Ada"].action.id
    assert items[3].meeting_id == caseload["Nico"].meeting.id
    names = {i.resident_name for i in items}
    assert "Riek" not in names  # nothing due
    assert "Karel" not in names  # a closed trajectory brings nothing
    assert week.for_coach(db, people.bob, TODAY) == []  # Bob's Piet: nothing due either


def test_quiet_weeks_is_configurable_and_a_follow_up_done_leaves_the_list(db, people,
                                                                          caseload):
    kinds = [i.kind for i in week.for_coach(db, people.ans, TODAY, quiet_weeks=12)]
    assert "quiet" not in kinds
    nico = caseload["Nico"]
    followup.mark_done(db, people.ans, nico, nico.meeting, "Gaat goed",
                       expected_version=nico.meeting.version, today=TODAY)
    assert "followup" not in [i.kind for i in week.for_coach(db, people.ans, TODAY)]
    assert nico.meeting.followup_note == "Gaat goed"


def test_teamleider_sees_counts_for_the_team(db, people, caseload):
    assert week.team_counts(db, people.leider, TODAY) == {
        "followup": 1, "review": 1, "action": 1, "meeting": 1, "quiet": 1}
    assert week.for_coach(db, people.leider, TODAY) == []  # assigned to nobody yet
    db.add(Assignment(resident_id=caseload["Eva"].id, coach_id=people.leider.id))
    db.flush()
    assert [i.resident_name for i in week.for_coach(db, people.leider, TODAY)] == ["Eva"]
