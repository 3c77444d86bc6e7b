"""A form sent twice (a double click, a page sent again) saves once, and the second answer
shows what the first saved."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from sns.models import Action, Meeting, NetworkMember, NetworkSnapshot, Tie
from tests.live import Browser, live_server, run_together

pytestmark = pytest.mark.db


def _key(page: str, action: str) -> str:
    """The submission key of the form that posts to ``action``."""
    form = re.search(rf'<form[^>]*action="{re.escape(action)}".*?</form>', page, re.S).group(0)
    return re.search(r'name="submission_key" value="([^"]+)"', form).group(1)


def _count(db, model) -> int:
    db.expire_all()
    return db.scalar(select(func.count()).select_from(model))


@pytest.fixture
def riek(client, auth, people, db):
    auth.login("ans")
    base = f"/bewoners/{people.riek.id}"
    for name in ("Oma", "Buurman"):
        client.post(f"{base}/leden", data={"name": name, "circle": "1"})
    return people.riek


FORMS = [  # (page with the form, the form's action, what it sends, what it adds)
    ("verkenning", "leden", {"name": "Fatma", "circle": "2"}, NetworkMember),
    ("verkenning", "banden", {"a": "m1", "b": "m2"}, Tie),
    ("verkenning", "momenten", {"label": "Start"}, NetworkSnapshot),
    ("beraad/", "beraad/", {}, Meeting),
    ("plan/", "plan/acties", {"what": "Boodschappen doen", "who": "1"}, Action),
]


@pytest.mark.parametrize(("page", "action", "data", "model"), FORMS,
                         ids=[f[3].__name__ for f in FORMS])
def test_the_same_form_sent_twice_adds_once(client, riek, db, page, action, data, model):
    base = f"/bewoners/{riek.id}"
    html = client.get(f"{base}/{page}").get_data(as_text=True)
    if action == "momenten":  # the snapshot form is on the resident's page
        html = client.get(f"{base}/").get_data(as_text=True)
    key = _key(html, f"{base}/{action}")
    before = _count(db, model)
    first = client.post(f"{base}/{action}", data={**data, "submission_key": key})
    second = client.post(f"{base}/{action}", data={**data, "submission_key": key})
    assert first.status_code == 302
    assert _count(db, model) == before + 1
    assert second.status_code == 303
    assert second.location == first.location  # the result of the first
    shown = client.get(second.location).get_data(as_text=True)
    assert "Dit formulier was al verstuurd; er is niets dubbel opgeslagen." in shown


def test_a_refused_submit_leaves_its_key_unused(client, riek, db):
    base = f"/bewoners/{riek.id}"
    key = _key(client.get(f"{base}/verkenning").get_data(as_text=True), f"{base}/leden")
    refused = client.post(f"{base}/leden", data={"name": " ", "submission_key": key})
    assert "Vul een naam in." in client.get(refused.location).get_data(as_text=True)
    again = client.post(f"{base}/leden", data={"name": "Fatma", "submission_key": key})
    assert again.status_code == 302
    assert "Fatma" in db.scalars(select(NetworkMember.name)).all()


def test_every_form_on_a_page_has_a_key_of_its_own(client, riek):
    page = client.get(f"/bewoners/{riek.id}/verkenning").get_data(as_text=True)
    keys = re.findall(r'name="submission_key" value="([^"]+)"', page)
    assert len(keys) == page.count('name="csrf_token"') > 3
    assert len(set(keys)) == len(keys)


def test_a_double_click_on_a_live_server_adds_one_member(app, db, people):
    base = f"/bewoners/{people.riek.id}"
    with live_server(app) as url:
        coach = Browser(url).login("ans")
        key = _key(coach.get(f"{base}/verkenning").text, f"{base}/leden")
        answers = run_together(lambda _i: coach.post(
            f"{base}/leden", {"name": "Fatma", "circle": "2", "submission_key": key}), 2)
    assert [a.status for a in answers] == [200, 200]
    assert all("/verkenning" in a.url for a in answers)
    db.expire_all()
    assert db.scalars(select(NetworkMember.name)).all() == ["Fatma"]
