"""The reference session at the kitchen table (tests/e2e/table_session.py), done as a coach
would at 1280x800 with a mouse and at 768x1024 and 390x844 by touch, with the stored
network checked after every step."""

from __future__ import annotations

from itertools import combinations

import pytest
from sqlalchemy import select

from sns.models import NetworkMember, Tie
from tests.e2e import table_session as session

pytestmark = pytest.mark.e2e

SCREENS = [  # width, height, touch
    (1280, 800, False), (768, 1024, True), (390, 844, True),
]


def _members(db, resident) -> dict[str, NetworkMember]:
    db.expire_all()
    rows = db.scalars(select(NetworkMember).where(NetworkMember.resident_id == resident.id,
                                                  NetworkMember.archived_at.is_(None)))
    return {m.name: m for m in rows}


def _pairs(db, resident) -> set[frozenset[str]]:
    names = {m.id: name for name, m in _members(db, resident).items()}
    ties = db.scalars(select(Tie).where(Tie.resident_id == resident.id))
    return {frozenset((names[t.a_id], names[t.b_id])) for t in ties}


def _check_people(db, resident) -> None:
    stored = {(m.name, m.sector, m.circle) for m in _members(db, resident).values()}
    assert stored == set(session.PEOPLE)


def _check_answers(db, resident) -> None:
    members = _members(db, resident)
    assert {name: set(m.support) for name, m in members.items()} == {
        name: set(kinds) for name, kinds in session.SUPPORT.items()}
    kind, names = session.GIVES
    assert {name: m.gives for name, m in members.items() if m.gives} == {
        name: [kind] for name in names}


def _check_groups(db, resident) -> None:
    assert _pairs(db, resident) == {frozenset(pair) for group in session.GROUPS
                                    for pair in combinations(group, 2)}


def _check_pairs(db, resident) -> None:
    assert _pairs(db, resident) == {frozenset(pair) for group in session.GROUPS
                                    for pair in combinations(group, 2)} | {
        frozenset(pair) for pair in session.PAIRS}
    assert len(_pairs(db, resident)) == 15 + 10 + 6 + 5


def _check_state(db, resident) -> None:
    states = {name: m.state for name, m in _members(db, resident).items() if m.state}
    assert states == {session.DIED: "overleden"}


CHECKS = {
    session.add_people: _check_people,
    session.answer_questions: _check_answers,
    session.tie_groups: _check_groups,
    session.tie_pairs: _check_pairs,
    session.state_and_undo: _check_state,
}


@pytest.mark.parametrize(("width", "height", "touch"), SCREENS, ids=[str(s[0]) for s in SCREENS])
def test_the_reference_session_stores_what_the_coach_did(visit, people, db, width, height,
                                                         touch):
    v = visit(viewport={"width": width, "height": height}, has_touch=touch, is_mobile=touch)
    v.login("ans")
    page = v.page
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"/bewoners/{people.riek.id}/verkenning")
    page.wait_for_function("() => window.snsTable !== undefined && window.snsMap !== undefined")
    page.evaluate("window.snsMarker = 'zelfde pagina'")
    hands = session.Hands(page, touch=touch)
    for _label, step in session.STEPS:
        step(hands)
        CHECKS[step](db, people.riek)
    assert page.evaluate("window.snsMarker") == "zelfde pagina"  # no step reloaded the page
    assert errors == []
