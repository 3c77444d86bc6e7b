"""One way to save (web.core.saving.save) and the app-wide answer to a refusal that escaped
a view (web.core.faults): a Dutch 400 or 409 page, never a 500, and nothing saved."""

from __future__ import annotations

import re

import pytest
from flask import Blueprint, render_template
from sqlalchemy import func, select

from sns.errors import Invalid, StaleVersion
from sns.models import Resident, Team
from sns.residents.caseload import create_resident
from web.caseload.forms import NewResidentForm
from web.core.access import current_coach
from web.core.database import get_db
from web.core.saving import save

pytestmark = pytest.mark.db


def _residents(db) -> int:
    return db.scalar(select(func.count()).select_from(Resident))


def _routes(app) -> None:
    """Views that store a resident and then meet a refusal; written as a careless view would."""
    careless = Blueprint("careless", __name__, url_prefix="/careless")

    def store_then(refusal: Exception):
        create_resident(get_db(), current_coach(), "Half opgeslagen")
        raise refusal

    @careless.post("/invalid")
    def invalid():
        store_then(Invalid("Kies een dag in de toekomst."))

    @careless.post("/stale")
    def stale():
        store_then(StaleVersion(3))

    @careless.post("/elsewhere")
    def elsewhere():
        return save(lambda: store_then(Invalid("Vul in wat er moet gebeuren.", field="what")),
                    back="/", place="snel")

    @careless.post("/form")
    def form_again():
        form = NewResidentForm()
        return save(lambda: store_then(Invalid("Vul een naam in.")), back="/", field="name",
                    refused=lambda status: (render_template("caseload/new.html", form=form),
                                            status))

    app.register_blueprint(careless)


def test_an_escaped_invalid_is_a_dutch_400_and_nothing_is_saved(app, client, auth, people, db):
    _routes(app)
    auth.login("ans")
    before = _residents(db)
    answer = client.post("/careless/invalid")
    assert answer.status_code == 400
    page = answer.get_data(as_text=True)
    assert "Dit kan zo niet worden opgeslagen" in page
    assert "Kies een dag in de toekomst. Er is niets opgeslagen." in page
    assert _residents(db) == before


def test_an_escaped_stale_version_is_a_409_and_nothing_is_saved(app, client, auth, people, db):
    _routes(app)
    auth.login("ans")
    before = _residents(db)
    answer = client.post("/careless/stale")
    assert answer.status_code == 409
    assert "Iemand anders heeft dit intussen gewijzigd" in answer.get_data(as_text=True)
    assert _residents(db) == before


def test_the_map_gets_an_escaped_refusal_as_json(app, client, auth, people):
    _routes(app)
    auth.login("ans")
    answer = client.post("/careless/invalid", headers={"Accept": "application/json"})
    assert answer.status_code == 400
    assert answer.json["ok"] is False
    assert answer.json["message"].startswith("Kies een dag in de toekomst.")
    assert client.post("/careless/stale",
                       headers={"Accept": "application/json"}).json["ok"] is False


def test_a_refusal_answered_with_a_redirect_flashes_even_a_field_message(app, client, auth,
                                                                         people, db):
    _routes(app)
    auth.login("ans")
    before = _residents(db)
    answer = client.post("/careless/elsewhere")
    assert answer.status_code == 302
    assert answer.headers["Location"] == "/"
    with client.session_transaction() as session:
        flashes = session["_flashes"]
    assert flashes == [("error@snel", "Vul in wat er moet gebeuren.")]
    assert _residents(db) == before


def test_a_refused_form_shows_the_message_beside_its_field_and_keeps_the_input(
        app, client, auth, people, db):
    _routes(app)
    auth.login("ans")
    before = _residents(db)
    answer = client.post("/careless/form", data={"name": "Getypte naam", "hulpvraag": "Hulp"})
    assert answer.status_code == 400
    page = answer.get_data(as_text=True)
    name_field = re.search(r'<div class="field has-error">.*?</div>', page, re.S).group(0)
    assert 'value="Getypte naam"' in name_field
    assert "Vul een naam in." in name_field
    assert page.count("Vul een naam in.") == 1  # beside the field, not also at the top
    assert "Hulp" in page
    assert _residents(db) == before


def test_admin_makes_a_team_once(client, auth, people, db):
    auth.login("admin")
    for _twice in range(2):
        answer = client.post("/beheer/teams", data={"name": "  Wijkteam Oost "})
        assert answer.headers["Location"] == "/beheer/"
    page = client.get("/beheer/").get_data(as_text=True)
    assert "Team Wijkteam Oost is er." in page
    teams = select(func.count()).select_from(Team).where(Team.name == "Wijkteam Oost")
    assert db.scalar(teams) == 1
