"""Offers of the netwerkberaad become actions once; ongoing actions and what a review asks
about them; "Plan klaar vóór" only while there is no plan."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from sns.beraad import meetings as beraad
from sns.errors import Invalid
from sns.models import Action, Offer
from sns.plan import actions as plan
from sns.residents.life_domains import BIG_5

pytestmark = pytest.mark.db

TODAY = date(2026, 12, 1)


def _held_meeting(db, people, riek):
    meeting = beraad.new_meeting(db, people.ans, riek, "agenda")
    ids = [riek.rows[n].id for n in ("Ans", "Toos")]
    beraad.prepare(db, people.ans, riek, meeting, expected_version=meeting.version,
                   on_date=date(2026, 11, 20), at_time=None, place=None, agenda=None,
                   invitation=None, invitee_ids=ids)
    beraad.record(db, people.ans, riek, meeting, expected_version=meeting.version,
                  attended_ids=ids, agreements=None, notes=None, today=TODAY)
    return meeting


def test_an_offer_becomes_one_action_and_is_marked_taken_up(db, people, riek):
    meeting = _held_meeting(db, people, riek)
    toos = riek.rows["Toos"].id
    offer = beraad.add_offer(db, people.ans, riek, meeting, toos, "Elke zondag bellen",
                             "steun", BIG_5)
    other = beraad.add_offer(db, people.ans, riek, meeting, riek.rows["Ans"].id,
                             "Boodschappen", None, BIG_5)
    assert [o.id for o in plan.open_offers(db, riek)] == [offer.id, other.id]
    data = plan.ActionInput("Elke zondag even bellen", [toos], None, None, "steun",
                            ongoing=True, how_often="elke zondag")
    action = plan.take_up_offer(db, people.ans, riek, offer.id, data, BIG_5, TODAY)
    db.commit()
    assert (action.what, action.how_often, action.domain) == (
        "Elke zondag even bellen", "elke zondag", "steun")
    assert [p.member_id for p in action.performers] == [toos]
    db.expire_all()
    assert db.get(Offer, offer.id).taken_up_on == TODAY
    assert [o.id for o in plan.open_offers(db, riek)] == [other.id]
    # Pressed again (a second tab, a double click): no second action.
    with pytest.raises(Invalid, match="staat al in het plan"):
        plan.take_up_offer(db, people.ans, riek, offer.id, data, BIG_5, TODAY)
    db.rollback()
    assert db.scalar(select(func.count()).select_from(Action)) == 1


def test_a_refused_action_leaves_the_offer_open(db, people, riek):
    meeting = _held_meeting(db, people, riek)
    offer = beraad.add_offer(db, people.ans, riek, meeting, riek.rows["Toos"].id, "Koken",
                             None, BIG_5)
    db.commit()
    with pytest.raises(Invalid):
        plan.take_up_offer(db, people.ans, riek, offer.id,
                           plan.ActionInput("", [riek.rows["Toos"].id], None, None, None),
                           BIG_5, TODAY)
    db.rollback()
    assert db.get(Offer, offer.id).taken_up_on is None


def test_ongoing_actions_need_how_often_and_are_never_late(db, people, riek):
    who = [riek.rows["Toos"].id]
    with pytest.raises(Invalid, match="hoe vaak") as refused:
        plan.add_action(db, people.ans, riek, plan.ActionInput(
            "Bellen", who, None, None, None, ongoing=True, how_often=" "), BIG_5, TODAY)
    assert refused.value.field == "how_often"
    with pytest.raises(Invalid, match="opnieuw te bekijken") as refused:
        plan.add_action(db, people.ans, riek, plan.ActionInput(
            "Bellen", who, None, date(2026, 11, 1), None, ongoing=True,
            how_often="elke zondag"), BIG_5, TODAY)
    assert refused.value.field == "due"
    action = plan.add_action(db, people.ans, riek, plan.ActionInput(
        "Bellen", who, None, date(2027, 3, 1), None, ongoing=True, how_often="elke zondag"),
        BIG_5, TODAY)
    assert plan.is_ongoing(action)
    assert not plan.is_overdue(action, date(2027, 6, 1))
    # Made one-off again: the words of how often go, the date is a deadline.
    plan.update_action(db, people.ans, riek, action, plan.ActionInput(
        "Bellen", who, None, date(2027, 3, 1), None), BIG_5,
        expected_version=action.version, today=TODAY)
    assert action.how_often is None
    assert plan.is_overdue(action, date(2027, 6, 1))


def test_a_review_asks_whether_each_ongoing_action_still_happens(db, people, riek,
                                                                  make_action):
    who = [riek.rows["Toos"]]
    calls = make_action(riek, "Bellen", who, ongoing=True, how_often="elke zondag", today=TODAY)
    walks = make_action(riek, "Wandelen", who, ongoing=True, how_often="elke week", today=TODAY)
    once = make_action(riek, "Formulier", who, due=date(2026, 12, 20), today=TODAY)
    with pytest.raises(Invalid, match="doorlopende actie"):
        plan.save_review(db, people.ans, riek, held_on=TODAY, progress={}, scores={},
                         notes=None, domains=BIG_5, sectors=("familie",),
                         still={once.id: True}, today=TODAY)
    review = plan.save_review(db, people.ans, riek, held_on=TODAY, progress={}, scores={},
                              notes=None, domains=BIG_5, sectors=("familie",),
                              still={calls.id: True, walks.id: False}, today=TODAY)
    assert (calls.status, walks.status, once.status) == ("bezig", "gestopt", "open")
    assert review.ongoing == {str(calls.id): True, str(walks.id): False}
    assert not plan.is_ongoing(walks)


def test_plan_klaar_voor_only_while_there_is_no_plan(db, riek, make_action):
    riek.plan_due = date(2027, 1, 23)
    assert plan.plan_pending(db, riek) == date(2027, 1, 23)
    make_action(riek, "Bellen", [riek.rows["Toos"]], today=TODAY)
    assert plan.plan_pending(db, riek) is None
