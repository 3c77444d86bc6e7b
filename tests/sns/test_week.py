"""Deze week on a caseload with a resident in every phase, one of them with nothing due."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import update

from sns.beraad import followup
from sns.beraad import meetings as beraad
from sns.models import Assignment, Resident
from sns.residents import week

pytestmark = pytest.mark.db

TODAY = date.today()


@pytest.fixture
def caseload(db, people, make_resident, make_member, make_meeting, make_action):
    ans = people.ans
    made = {}

    def resident(name, phase):
        made[name] = make_resident(name, phase=phase)
        return made[name]

    def meeting(resident, on_date, *, held=False):
        member = make_member(resident, "Els", sector="buren")
        meeting = make_meeting(resident)
        beraad.prepare(db, ans, resident, meeting, expected_version=meeting.version,
                       on_date=on_date, at_time=None, place=None, agenda=None,
                       invitation=None, invitee_ids=[member.id])
        if held:
            beraad.record(db, ans, resident, meeting, expected_version=meeting.version,
                          attended_ids=[member.id], agreements=None, notes=None, today=TODAY)
        return meeting

    people.riek.phase = "verkenning"  # Riek: a verkenning with nothing due
    meeting(resident("Bea", "netwerkberaad"), TODAY + timedelta(days=3))
    made["Nico"] = resident("Nico", "netwerkberaad")
    made["Nico"].meeting = meeting(made["Nico"], TODAY - timedelta(days=29), held=True)
    ada = resident("Ada", "actieteam")
    ada.next_review = TODAY + timedelta(days=40)
    ada.action = make_action(ada, "Formulier invullen",
                             who=[make_member(ada, "Els", sector="buren")],
                             due=TODAY - timedelta(days=10), today=TODAY - timedelta(days=20))
    make_action(ada, "Bellen", professional="Buurtcoach",  # ongoing: never late
                due=TODAY + timedelta(days=1), ongoing=True, how_often="elke week", today=TODAY)
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
