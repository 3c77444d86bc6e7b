"""The "Deze week" page: first after login, one click to the right page, the teamleider's
team counts without names."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sns.models import NetworkMember
from sns.plan import actions as plan
from sns.residents.caseload import create_resident
from sns.residents.life_domains import BIG_5

pytestmark = pytest.mark.db


def test_deze_week_is_the_first_page_after_login(client, auth, people):
    response = auth.login("ans")
    assert response.headers["Location"] == "/deze-week"
    page = client.get("/deze-week").get_data(as_text=True)
    assert "Deze week staat er niets klaar voor uw bewoners." in page
    assert "Het hele team" not in page


def test_items_link_to_the_right_page_and_the_teamleider_sees_counts_only(client, auth,
                                                                          people, db):
    member = NetworkMember(resident_id=people.riek.id, name="Els", sector="buren", circle=1)
    db.add(member)
    db.flush()
    action = plan.add_action(db, people.ans, people.riek, plan.ActionInput(
        "Formulier <invullen>", [member.id], None, date.today() - timedelta(days=3), None),
        BIG_5, today=date.today() - timedelta(days=9))
    other = create_resident(db, people.bob, "Zeynep")
    other.next_review = date.today()
    db.commit()
    auth.login("ans")
    page = client.get("/deze-week").get_data(as_text=True)
    assert (f'href="/bewoners/{people.riek.id}/plan/acties/{action.id}"><strong>Riek</strong>'
            ': Actie over de datum: Formulier &lt;invullen&gt;</a>') in page
    assert "te laat" in page
    assert "Zeynep" not in page
    auth.logout()
    auth.login("leider")
    page = client.get("/deze-week").get_data(as_text=True)
    assert "Het hele team" in page
    assert '<tr class="team-action"><th scope="row">Actie over de datum</th><td>1</td>' in page
    assert '<tr class="team-review"><th scope="row">Evaluatie van het plan</th><td>1</td>' in page
    assert "Riek" not in page
    assert "Zeynep" not in page
