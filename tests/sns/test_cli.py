"""The sns command line: database, accounts, demo."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from sns.cli import cli
from sns.models import Coach, NetworkMember, Resident, Tie

pytestmark = pytest.mark.db


@pytest.fixture
def run(database_url, tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("SNS_INSTANCE_PATH", str(tmp_path / "instance"))

    def run(*args, input=None):
        return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)

    return run


def _count(db, model):
    return db.scalar(select(func.count()).select_from(model))


def test_create_coach_reads_the_password_from_stdin(run, db):
    result = run("create-coach", "marieke", "--role", "teamleider", "--team", "Wijkteam Oost",
                 input="een lang wachtwoord\n")
    assert result.exit_code == 0, result.output
    coach = db.scalar(select(Coach).where(Coach.username == "marieke"))
    assert coach.role == "teamleider"
    assert coach.team.name == "Wijkteam Oost"


def test_create_coach_twice_fails_clearly(run, db):
    run("create-coach", "marieke", input="een lang wachtwoord\n")
    result = run("create-coach", "Marieke", input="een lang wachtwoord\n")
    assert result.exit_code == 1
    assert "Deze gebruikersnaam bestaat al" in result.output
    assert _count(db, Coach) == 1


def test_demo_is_idempotent_and_prints_the_login(run, db):
    first = run("demo")
    second = run("demo")
    assert first.exit_code == second.exit_code == 0
    assert "gebruikersnaam 'demo'" in first.output
    assert first.output == second.output  # the same password both times
    assert _count(db, Resident) == 1
    assert _count(db, NetworkMember) == 15
    assert _count(db, Tie) == 10


def test_db_upgrade_on_a_migrated_database_is_a_no_op(run):
    result = run("db", "upgrade")
    assert result.exit_code == 0
    assert "bijgewerkt" in result.output
