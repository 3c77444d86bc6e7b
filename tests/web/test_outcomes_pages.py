"""The outcome report's page, CSV and PDF: who may see it, and that it shows only figures."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

from tests.sns.test_outcomes import seeded  # noqa: F401 - the seeded teams as a fixture

pytestmark = pytest.mark.db


@pytest.fixture
def seeded_people(people, seeded):  # noqa: F811
    return people


@pytest.mark.parametrize(("username", "status"), [
    ("ans", 403), ("admin", 403), ("leider", 200), ("gemeente", 200),
])
def test_the_report_is_for_the_teamleider_and_the_municipality(client, auth, people,
                                                                username, status):
    auth.login(username)
    assert client.get("/uitkomsten/?periode=2026Q4").status_code == status


def test_the_municipality_sees_only_the_report(client, auth, people):
    response = auth.login("gemeente")
    assert response.headers["Location"] == "/deze-week"
    assert client.get("/deze-week").headers["Location"] == "/uitkomsten/"
    home = client.get("/")
    assert home.status_code == 302
    assert home.headers["Location"] == "/uitkomsten/"
    for url in ("/bewoners/nieuw", "/groepen/", "/team/", "/beheer/"):
        assert client.get(url).status_code == 404, url


def test_teamleider_sees_the_figures_of_their_team_without_names(client, auth, seeded_people):
    auth.login("leider")
    page = client.get("/uitkomsten/?periode=2026Q4").get_data(as_text=True)
    assert "Wijkteam Noord" in page
    assert "Netwerkberaden gehouden" in page
    assert "<svg" in page
    assert "outcome-chart" in page
    assert not any(name in page for name in ("Aaltje", "Bertus", "Zeger", "Lidwien"))
    # The teamleider cannot look at another team by changing the address.
    other = client.get("/uitkomsten/?periode=2026Q4&team=999").get_data(as_text=True)
    assert "Wijkteam Noord" in other


def test_a_small_team_is_suppressed_with_an_explanation(client, auth, seeded_people, db):
    from sns.models import Team

    zuid = db.query(Team).filter_by(name="Wijkteam Zuid").one()
    auth.login("gemeente")
    page = client.get(f"/uitkomsten/?periode=2026Q4&team={zuid.id}").get_data(as_text=True)
    assert "minder dan 5 bewoners" in page
    assert "Netwerkberaden gehouden" not in page


def test_a_bad_period_is_a_clear_message(client, auth, people):
    auth.login("gemeente")
    response = client.get("/uitkomsten/?periode=gisteren")
    assert response.status_code == 400
    assert "2026Q4" in response.get_data(as_text=True)


def test_csv_download(client, auth, seeded_people):
    auth.login("leider")
    response = client.get("/uitkomsten/uitkomsten.csv?periode=2026Q4")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "uitkomsten-2026Q4.csv" in response.headers["Content-Disposition"]
    lines = response.get_data(as_text=True).splitlines()
    assert lines[0].startswith("periode,team,onderdeel,code")
    held = next(line for line in lines if ",beraad.held," in line)
    assert held.split(",")[5] == "5"


def test_pdf_for_the_municipality_report(client, auth, seeded_people):
    auth.login("leider")
    response = client.get("/uitkomsten/uitkomsten.pdf?periode=2026Q4")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages)
    assert "Wat SNS oplevert" in text
    assert "Netwerkberaden gehouden" in text
    assert "Aaltje" not in text


def test_report_command(seeded_people, monkeypatch, app):
    from click.testing import CliRunner

    from sns.cli import cli

    monkeypatch.setenv("DATABASE_URL", app.config["DATABASE_URL"])
    result = CliRunner().invoke(cli, ["report", "--period", "2026Q4", "--team",
                                      "Wijkteam Noord", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    held = next(f for f in data["cijfers"] if f["code"] == "beraad.held")
    assert held["waarde"] == 5
    assert "Aaltje" not in result.output
    bad = CliRunner().invoke(cli, ["report", "--period", "Q9"])
    assert bad.exit_code != 0
    assert "2026Q4" in bad.output


def test_admin_creates_a_municipality_account_that_lands_on_the_report(client, auth, people):
    auth.login("admin")
    response = client.post("/beheer/accounts/nieuw", data={
        "username": "wethouder", "display_name": "Gemeente", "role": "gemeente",
        "team_id": "0", "password": "een lang wachtwoord"})
    assert response.status_code == 302
    auth.logout()
    auth.login("wethouder", "een lang wachtwoord")
    assert client.get("/").headers["Location"] == "/uitkomsten/"
    assert "Wat SNS oplevert" in client.get("/uitkomsten/").get_data(as_text=True)
