"""Phase rules, the netwerkberaad's warnings and records, the plan's actions and reviews."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from sns.beraad import meetings as beraad
from sns.errors import Invalid
from sns.models import NetworkMember, NetworkSnapshot, Resident
from sns.network import members
from sns.network.graphs import members_of
from sns.plan import actions as plan
from sns.residents import trajectory
from sns.residents.life_domains import BIG_5

pytestmark = pytest.mark.db


def _ids(riek, *names):
    return [riek.rows[n].id for n in names]


@pytest.mark.parametrize(("phase", "expected"), [
    ("verkenning", {"netwerkberaad": "verder"}),
    ("actieteam", {"evaluatie": "verder", "netwerkberaad": "terug", "verkenning": "terug"}),
    ("evaluatie", {"afgesloten": "verder", "onderhoud": "onderhoud", "actieteam": "terug",
                   "netwerkberaad": "terug", "verkenning": "terug"}),
    ("onderhoud", {"afgesloten": "verder", "evaluatie": "terug"}),
])
def test_phase_moves(phase, expected):
    assert trajectory.moves(Resident(phase=phase), []) == expected


def test_walk_the_trajectory_close_and_reopen_with_the_same_coach(db, people, riek):
    today = date(2026, 11, 23)
    for phase in ("netwerkberaad", "actieteam", "evaluatie", "afgesloten"):
        trajectory.move(db, people.ans, riek, phase, today=today)
    assert riek.plan_due == date(2027, 1, 23)
    assert riek.next_review == date(2027, 5, 23)
    assert trajectory.moves(riek, trajectory.history(db, riek)) == {
        "evaluatie": "heropenen", "onderhoud": "onderhoud"}
    trajectory.move(db, people.ans, riek, "evaluatie", today=today)
    assert riek.phase == "evaluatie"
    assert [c.username for c in riek.coaches] == ["ans"]
    with pytest.raises(Invalid):
        trajectory.move(db, people.ans, riek, "netwerkberaad-plus")
    assert [c.phase for c in trajectory.history(db, riek)] == [
        "netwerkberaad", "actieteam", "evaluatie", "afgesloten", "evaluatie"]


def test_skipping_a_phase_is_refused(db, people, riek):
    with pytest.raises(Invalid):
        trajectory.move(db, people.ans, riek, "actieteam")
    assert riek.phase == "verkenning"


def test_warnings_for_a_strained_pair_and_a_full_table(db, riek):
    # Ans and Henk have a strained tie in the demo network.
    found = beraad.warnings(db, riek, _ids(riek, "Ans", "Henk", "Toos"))
    assert [(w.kind, set(w.names)) for w in found] == [("strained", {"Ans", "Henk"})]
    assert beraad.warnings(db, riek, _ids(riek, "Ans", "Toos")) == []
    everyone = [m.id for m in members_of(db, riek)][:13]
    kinds = [w.kind for w in beraad.warnings(db, riek, everyone)]
    assert "too_many" in kinds
    assert "too_many" not in [w.kind for w in beraad.warnings(db, riek, everyone[:12])]


def test_candidates_put_think_along_first(db, riek):
    names = [m.name for m in beraad.candidates(members_of(db, riek))]
    assert set(names[:4]) == {"Ans", "Kees", "Toos", "Fatma"}  # kan meedenken in the demo


def _meeting(db, people, riek, on_date, invitees):
    meeting = beraad.new_meeting(db, people.ans, riek, "agenda")
    beraad.prepare(db, people.ans, riek, meeting, expected_version=meeting.version,
                   on_date=on_date, at_time=None, place="Bij mij thuis", agenda="agenda",
                   invitation="Beste {naam}, kom je op {datum}? Groet, {bewoner}",
                   invitee_ids=_ids(riek, *invitees))
    return meeting


def test_a_meeting_in_the_future_cannot_be_recorded_as_held(db, people, riek):
    meeting = _meeting(db, people, riek, date.today() + timedelta(days=3), ["Ans", "Toos"])
    with pytest.raises(Invalid, match="toekomst"):
        beraad.record(db, people.ans, riek, meeting, expected_version=meeting.version,
                      attended_ids=_ids(riek, "Ans"), agreements=None, notes=None)
    assert meeting.held is False


def test_invitees_from_another_resident_are_refused(db, people, riek):
    stranger = NetworkMember(resident_id=people.piet.id, name="Vreemde")
    db.add(stranger)
    db.flush()
    meeting = beraad.new_meeting(db, people.ans, riek, "agenda")
    with pytest.raises(Invalid):
        beraad.prepare(db, people.ans, riek, meeting, expected_version=meeting.version,
                       on_date=None, at_time=None, place=None, agenda=None, invitation=None,
                       invitee_ids=[stranger.id])
    assert meeting.invitees == []


def test_invitation_is_written_as_from_the_resident_and_keeps_braces_in_text(db, people, riek):
    meeting = _meeting(db, people, riek, date(2026, 12, 1), ["Ans"])
    riek.hulpvraag = "Ik wil {veel} meer buiten komen"
    text = beraad.invitation_text(meeting.invitation, meeting, riek, "Ans",
                                  date_text="1 december", time_text="14:00")
    assert text == "Beste Ans, kom je op 1 december? Groet, Riek"


def test_action_needs_what_and_who(db, people, riek):
    for data in (plan.ActionInput(None, _ids(riek, "Ans"), None, None, None),
                 plan.ActionInput("Boodschappen", [], None, None, None),
                 plan.ActionInput("Boodschappen", [], "  ", None, None)):
        with pytest.raises(Invalid):
            plan.add_action(db, people.ans, riek, data, BIG_5)
    action = plan.add_action(db, people.ans, riek, plan.ActionInput(
        "Schuldhulp bellen", [], "Schuldhulp (Ahmed)", None, "financien"), BIG_5)
    assert action.professional == "Schuldhulp (Ahmed)"


def test_who_left_the_network_stays_on_their_action_but_gets_no_new_one(db, people, riek):
    action = plan.add_action(db, people.ans, riek, plan.ActionInput(
        "Samen naar de markt", _ids(riek, "Toos", "Fatma"), None, None, None), BIG_5)
    toos = riek.rows["Toos"]
    assert members.remove_member(db, people.ans, riek, toos, expected_version=toos.version)
    # Marking the action done keeps Toos on it: the history stays readable.
    plan.update_action(db, people.ans, riek, action, plan.ActionInput(
        "Samen naar de markt", _ids(riek, "Toos", "Fatma"), None, None, None, "gedaan"),
        BIG_5, expected_version=action.version)
    assert action.status == "gedaan"
    assert {p.member_id for p in action.performers} == set(_ids(riek, "Toos", "Fatma"))
    with pytest.raises(Invalid):
        plan.add_action(db, people.ans, riek, plan.ActionInput(
            "Koffie drinken", _ids(riek, "Toos"), None, None, None), BIG_5)


def test_overdue_and_review(db, people, riek):
    action = plan.add_action(db, people.ans, riek, plan.ActionInput(
        "Samen naar de markt", _ids(riek, "Toos", "Fatma"), None, date(2026, 1, 5),
        "dagbesteding", "bezig"), BIG_5)
    assert plan.is_overdue(action, date(2026, 1, 6))
    review = plan.save_review(db, people.ans, riek, held_on=date(2026, 3, 1),
                              progress={action.id: "gedaan"}, scores={"dagbesteding": 7},
                              notes="Gaat goed", domains=BIG_5, sectors=("familie",),
                              today=date(2026, 3, 2))
    assert action.status == "gedaan"
    assert not plan.is_overdue(action, date(2026, 3, 2))
    assert riek.next_review == date(2026, 9, 1)
    assert db.get(NetworkSnapshot, review.snapshot_id).label == "Evaluatie 1 mrt 2026"
    with pytest.raises(Invalid):
        plan.save_review(db, people.ans, riek, held_on=date(2030, 1, 1), progress={},
                         scores={}, notes=None, domains=BIG_5, sectors=("familie",),
                         today=date(2026, 3, 2))


def test_removing_a_member_in_the_history_archives_them(db, people, riek):
    meeting = _meeting(db, people, riek, date(2026, 1, 5), ["Ans", "Toos"])
    toos, wim = riek.rows["Toos"], riek.rows["Wim"]
    assert members.remove_member(db, people.ans, riek, toos, expected_version=toos.version)
    assert not members.remove_member(db, people.ans, riek, wim, expected_version=wim.version)
    db.commit()
    assert "Toos" not in [m.name for m in members_of(db, riek)]
    assert db.get(NetworkMember, toos.id).archived_at is not None  # still named in the meeting
    assert db.get(NetworkMember, wim.id) is None
    assert {i.member_id for i in meeting.invitees} == set(_ids(riek, "Ans", "Toos"))
    assert db.scalar(select(NetworkMember).where(NetworkMember.name == "Toos")) is not None
