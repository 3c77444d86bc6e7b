"""Control characters are removed from every submitted text before anything is stored, so
a name cannot carry a terminal escape sequence to the operator's `sns scan`, nor a NUL to
the database."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from sns.cli import cli
from sns.models import GroupParticipant, NetworkMember, Resident

ESCAPE = "\x1b[2J\x1b]0;gehackt\x07"  # clear the screen, set the terminal's title


@pytest.mark.db
def test_a_member_name_is_stored_without_control_characters(client, auth, people, db,
                                                            database_url, monkeypatch):
    auth.login("ans")
    riek = people.riek
    response = client.post(f"/bewoners/{riek.id}/leden", data={
        "name": f"Oma{ESCAPE} Riek\x00\x9b", "sector": "familie", "circle": "1",
        "note": "Belt op zondag.\r\nWoont in\tDelft."})
    assert response.status_code in (200, 302)
    member = db.scalar(select(NetworkMember).where(NetworkMember.resident_id == riek.id))
    assert member.name == "Oma[2J]0;gehackt Riek"
    assert member.note == "Belt op zondag.\r\nWoont in\tDelft."  # line breaks and tabs stay

    monkeypatch.setenv("DATABASE_URL", database_url)
    report = CliRunner().invoke(cli, ["scan", str(riek.id)])
    assert report.exit_code == 0, report.output
    assert "Oma[2J]0;gehackt Riek" in report.output
    assert "\x1b" not in report.output


@pytest.mark.db
def test_a_nul_in_a_new_resident_is_removed_not_an_error(client, auth, people, db):
    auth.login("ans")
    response = client.post("/bewoners/nieuw", data={"name": "Piet\x00 de Vries"})
    assert response.status_code == 302
    assert db.scalar(select(Resident).where(Resident.name == "Piet de Vries")) is not None


@pytest.mark.db
def test_a_participant_without_an_account_is_cleaned_too(app, client, auth, people, db):
    auth.login("ans")
    client.post("/groepen/nieuw", data={"title": "Bijeenkomst", "on_date": "2026-12-01"})
    auth.logout()
    from sns.models import GroupSession

    code = db.scalar(select(GroupSession.join_code))
    me = app.test_client()
    assert me.post("/doe-mee/", data={"code": code}).status_code == 302
    me.post("/doe-mee/stap/1", data={"name": f"Buurman{ESCAPE} Henk", "circle": "1",
                                     "go": "toevoegen"})
    db.expire_all()
    network = db.scalar(select(GroupParticipant.network))
    assert [p["name"] for p in network["people"]] == ["Buurman[2J]0;gehackt Henk"]


def test_query_parameters_are_cleaned(app):
    with app.test_request_context("/?code=AB%1BC%00D&x%07y=1"):
        from flask import request

        assert request.args["code"] == "ABCD"
        assert "xy" in request.args
