"""Several coaches on one resident at the same moment, through a live server with a thread
per request (SQLite and PostgreSQL): every answer is a 2xx or a 409, every acknowledged save
is kept (no lost update), and nothing is added twice."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from graph.map import layout
from sns.models import Assignment, AuditEvent, Coach, NetworkMember, Tie
from sns.network import members
from sns.network.members import MemberFields
from tests.live import Browser, live_server, run_together

pytestmark = pytest.mark.db

_VERSION = re.compile(r'name="version"[^>]*value="(\d+)"')
_NETWORK_VERSION = re.compile(r'data-version="(\d+)"')
#: Where on the map a drag lands: circle 1 and circle 2 of the familie wedge.
SPOTS = [layout.to_xy(150, 36), layout.to_xy(300, 36)]


@pytest.fixture
def team(db, people, password_hash):
    """Eight coaches of one team, all assigned to Riek, who has Oma and Buurman on her map."""
    coaches = [people.ans]
    for i in range(1, 8):
        coach = Coach(username=f"coach{i}", display_name=f"Coach {i}",
                      password_hash=password_hash, role="coach", team=people.ans.team)
        db.add(coach)
        db.flush()
        db.add(Assignment(resident_id=people.riek.id, coach_id=coach.id))
        coaches.append(coach)
    oma = members.add_member(db, people.ans, people.riek, MemberFields("Oma", circle=1))
    buur = members.add_member(db, people.ans, people.riek, MemberFields("Buurman", circle=2))
    db.commit()
    return coaches, oma, buur


def _logged_in(url: str, accounts, count: int) -> list[Browser]:
    """The first ``count`` coaches, each logged in with a browser of their own."""
    return run_together(lambda i: Browser(url).login(accounts[i].username), count)


def _edit_until_saved(browser: Browser, base: str, member_id: int, note: str) -> list[int]:
    """Save ``note`` on the member as a coach would: after a 409, take the fresh version and
    enter it again. Returns every status answered on the way."""
    statuses = []
    for _ in range(40):
        page = browser.get(f"{base}/leden/m{member_id}")
        version = _VERSION.search(page.text).group(1)
        answer = browser.post(f"{base}/leden/m{member_id}",
                              {"name": "Oma", "circle": "1", "note": note, "version": version})
        statuses.append(answer.status)
        if answer.status != 409:
            return statuses
    raise AssertionError("never saved")


def _drag_until_saved(browser: Browser, base: str, member_id: int, spot) -> list[int]:
    statuses = []
    for _ in range(40):
        page = browser.get(f"{base}/verkenning")
        version = _NETWORK_VERSION.search(page.text).group(1)
        answer = browser.post(f"{base}/kaart/verplaats",
                              {"member": f"m{member_id}", "x": spot[0], "y": spot[1],
                               "version": version}, headers={"Accept": "application/json"})
        statuses.append(answer.status)
        if answer.status != 409:
            return statuses
    raise AssertionError("never moved")


@pytest.mark.parametrize("coaches", [2, 8])
def test_coaches_editing_one_member_get_2xx_or_409_and_no_update_is_lost(
        app, db, people, team, coaches):
    accounts, oma, buur = team
    before = people.riek.network_version
    with live_server(app) as url:
        base = f"/bewoners/{people.riek.id}"
        browsers = _logged_in(url, accounts, coaches)

        def work(i: int) -> list[int]:
            statuses = []
            for k in range(2):
                statuses += _edit_until_saved(browsers[i], base, oma.id, f"coach {i} edit {k}")
                statuses += _drag_until_saved(browsers[i], base, buur.id, SPOTS[(i + k) % 2])
            return statuses

        answers = [s for statuses in run_together(work, coaches) for s in statuses]
    assert set(answers) <= {200, 409}, answers
    saved = answers.count(200)
    assert saved == coaches * 4
    db.expire_all()
    updates = db.scalar(select(func.count()).select_from(AuditEvent)
                        .where(AuditEvent.action.in_(["member.update", "member.move"])))
    assert updates == saved  # every acknowledged save is in the log ...
    # ... and counted once in the versions: nobody saved over another unseen.
    assert people.riek.network_version - before == saved
    assert oma.note.startswith("coach ")


def test_adds_at_the_same_moment_are_all_kept_and_the_same_tie_is_drawn_once(
        app, db, people, team):
    accounts, oma, buur = team
    with live_server(app) as url:
        base = f"/bewoners/{people.riek.id}"
        browsers = _logged_in(url, accounts, 8)
        added = run_together(lambda i: browsers[i].post(
            f"{base}/leden", {"name": f"Vriend {i}", "sector": "vrienden", "circle": "2"}), 8)
        tied = run_together(lambda i: browsers[i].post(
            f"{base}/banden", {"a": f"m{oma.id}", "b": f"m{buur.id}"}), 8)
    assert [a.status for a in added + tied] == [200] * 16
    db.expire_all()
    names = db.scalars(select(NetworkMember.name).where(NetworkMember.name.like("Vriend %")))
    assert sorted(names) == [f"Vriend {i}" for i in range(8)]
    assert db.scalar(select(func.count()).select_from(Tie)) == 1
    assert sum("De lijn is getekend." in a.text for a in tied) == 1


def test_eight_coaches_saving_the_help_question_at_once_one_wins_the_rest_get_409(
        app, db, people, team):
    accounts, _oma, _buur = team
    with live_server(app) as url:
        edit = f"/bewoners/{people.riek.id}/bewerken"
        browsers = _logged_in(url, accounts, 8)
        versions = [_VERSION.search(b.get(edit).text).group(1) for b in browsers]
        answers = run_together(lambda i: browsers[i].post(edit, {
            "version": versions[i], "name": "Riek", "hulpvraag": f"Vraag van coach {i}"}), 8)
    statuses = sorted(a.status for a in answers)
    assert statuses == [200] + [409] * 7
    loser = next(a for a in answers if a.status == 409)
    assert "Iemand anders heeft dit intussen gewijzigd" in loser.text
    db.expire_all()
    winner = answers.index(next(a for a in answers if a.status == 200))
    assert people.riek.hulpvraag == f"Vraag van coach {winner}"
    assert f"Vraag van coach {winner}" in loser.text  # the 409 shows the current state
    saved = db.scalar(select(func.count()).select_from(AuditEvent)
                      .where(AuditEvent.action == "resident.update"))
    assert saved == 1
