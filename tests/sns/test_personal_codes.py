"""Personal codes (sns.residents.codes) and what the resident does with theirs
(sns.plan.own): only a hash stored, renewing, stopping, expiry, closing, consent, erasure,
the throttle per address; marking an action done and a point to discuss."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from sns.errors import Invalid, NotFound
from sns.models import AuditEvent, PersonalCode
from sns.models.base import utcnow
from sns.plan import own
from sns.privacy import consent, erasure
from sns.residents import codes, trajectory
from tests.privacy_data import tables_holding

pytestmark = pytest.mark.db

CLIENT = "192.0.2.7"


@pytest.fixture
def riek(db, people, make_resident):
    resident = make_resident("Riek")
    consent.give(db, people.ans, resident, "inzage_met_code")
    return resident


def test_a_code_opens_its_resident_and_only_its_hash_is_stored(db, people, riek):
    code = codes.issue(db, people.ans, riek, "bewoner")
    db.commit()
    assert len(code) >= 43  # 32 random bytes, URL-safe: 256 bits
    assert codes.resident_for(db, code, "bewoner", CLIENT) is riek
    assert codes.belongs_to(db, code, riek, "bewoner")
    assert tables_holding(db, code) == set()
    details = db.scalars(select(AuditEvent.detail)).all()
    assert not any(code in (detail or "") for detail in details)


def test_no_code_without_the_consent(db, people, make_resident):
    resident = make_resident("Kees")
    with pytest.raises(codes.NoConsent):
        codes.issue(db, people.ans, resident, "bewoner")


def test_renewed_stopped_expired_and_withdrawn_codes_open_nothing(db, people, riek):
    old = codes.issue(db, people.ans, riek, "bewoner")
    new = codes.issue(db, people.ans, riek, "bewoner")
    assert codes.resident_for(db, old, "bewoner", CLIENT) is None
    assert codes.resident_for(db, new, "bewoner", CLIENT) is riek
    later = utcnow() + codes.LIFETIME + timedelta(minutes=1)
    assert codes.resident_for(db, new, "bewoner", CLIENT, now=later) is None
    codes.stop(db, people.ans, riek, "bewoner")
    assert codes.resident_for(db, new, "bewoner", CLIENT) is None
    again = codes.issue(db, people.ans, riek, "bewoner")
    consent.withdraw(db, people.ans, riek, "inzage_met_code")
    assert codes.resident_for(db, again, "bewoner", CLIENT) is None
    actions = db.scalars(select(AuditEvent.action).where(AuditEvent.resident_id == riek.id)
                         .order_by(AuditEvent.id)).all()
    assert [a for a in actions if a.startswith("code.")] == [
        "code.issue", "code.renew", "code.stop", "code.issue"]


def test_closing_the_trajectory_stops_the_code(db, people, riek):
    code = codes.issue(db, people.ans, riek, "bewoner")
    for phase in ("netwerkberaad", "actieteam", "evaluatie", "afgesloten"):
        trajectory.move(db, people.ans, riek, phase)
    assert codes.resident_for(db, code, "bewoner", CLIENT) is None
    assert db.scalar(select(PersonalCode)) is None
    with pytest.raises(Invalid):
        codes.issue(db, people.ans, riek, "bewoner")


def test_erasure_removes_the_code_and_the_points(db, people, riek):
    code = codes.issue(db, people.ans, riek, "bewoner")
    own.add_topic(db, riek, "Over de buren")
    db.commit()
    erasure.erase_resident(db, people.ans, riek, confirmation="Riek",
                           expected_version=riek.version)
    db.commit()
    assert codes.resident_for(db, code, "bewoner", CLIENT) is None
    assert tables_holding(db, "Over de buren") == set()


def test_wrong_codes_are_throttled_per_address(db, people, riek):
    code = codes.issue(db, people.ans, riek, "bewoner")
    for n in range(codes.LIMIT):
        assert codes.resident_for(db, f"geraden-{n}", "bewoner", CLIENT) is None
    with pytest.raises(codes.TooManyAttempts):
        codes.resident_for(db, code, "bewoner", CLIENT)
    assert codes.resident_for(db, code, "bewoner", "198.51.100.1") is riek
    later = utcnow() + codes.WINDOW + timedelta(seconds=1)
    assert codes.resident_for(db, code, "bewoner", CLIENT, now=later) is riek


def test_the_resident_marks_an_action_done_once(db, people, riek, make_action, make_resident):
    action = make_action(riek, "Boodschappen doen", professional="Buurtteam")
    own.mark_done(db, riek, action.id)
    own.mark_done(db, riek, action.id)
    assert action.status == "gedaan"
    events = db.scalars(select(AuditEvent).where(AuditEvent.action == "action.done")).all()
    assert [(e.coach_id, e.detail) for e in events] == [(None, f"{action.id} {own.VIA_CODE}")]
    other = make_action(make_resident("Kees"), "Niet van Riek", professional="Buurtteam")
    with pytest.raises(NotFound):
        own.mark_done(db, riek, other.id)
    stopped = make_action(riek, "Gestopt", professional="Buurtteam", status="gestopt")
    with pytest.raises(Invalid):
        own.mark_done(db, riek, stopped.id)


def test_points_to_discuss_are_kept_in_order_and_checked(db, riek):
    own.add_topic(db, riek, "  Eerste punt ")
    own.add_topic(db, riek, "Tweede punt")
    assert [t.text for t in own.topics_of(db, riek)] == ["Eerste punt", "Tweede punt"]
    with pytest.raises(Invalid):
        own.add_topic(db, riek, "   ")
    with pytest.raises(Invalid):
        own.add_topic(db, riek, "x" * (own.TOPIC_MAX + 1))
