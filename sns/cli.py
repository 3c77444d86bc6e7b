"""The ``sns`` command line: database, accounts and demo (the web layer adds ``serve``)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click
from sqlalchemy.orm import Session

from sns import accounts, demo, migrate
from sns.db import make_engine, make_sessionmaker
from sns.errors import DomainError
from sns.models import ROLES
from sns.settings import database_url, instance_path


@contextmanager
def session_scope() -> Iterator[Session]:
    """A session on the configured database, committed on success."""
    engine = make_engine(database_url())
    try:
        with make_sessionmaker(engine)() as db, db.begin():
            yield db
    finally:
        engine.dispose()


@click.group()
def cli() -> None:
    """sns: sociale netwerkstrategieën voor wijkteams."""


@cli.group("db")
def db_group() -> None:
    """Database beheren."""


@db_group.command("upgrade")
def db_upgrade() -> None:
    """Breng de database naar de nieuwste versie (migraties)."""
    migrate.upgrade(database_url())
    click.echo("Database is bijgewerkt.")


def _read_password() -> str:
    if sys.stdin.isatty():
        return click.prompt("Wachtwoord", hide_input=True, confirmation_prompt=True)
    return sys.stdin.readline().rstrip("\n")


@cli.command("create-coach")
@click.argument("username")
@click.option("--role", type=click.Choice(ROLES), default="coach", show_default=True)
@click.option("--team", "team_name", default=None, help="Naam van het team.")
@click.option("--name", "display_name", default=None, help="Naam zoals collega's die zien.")
def create_coach(username: str, role: str, team_name: str | None, display_name: str | None):
    """Maak een account aan; het wachtwoord komt van een prompt of van stdin."""
    password = _read_password()
    try:
        with session_scope() as db:
            team = accounts.get_or_create_team(db, team_name) if team_name else None
            accounts.create_coach(
                db, username, password, role=role, team=team, display_name=display_name
            )
    except DomainError as err:
        raise click.ClickException(err.message) from err
    click.echo(f"Account {username} ({role}) is aangemaakt.")


@cli.command("demo")
def load_demo() -> None:
    """Laad de demo-bewoner met een netwerk (kan vaker: voegt niets dubbel toe)."""
    with session_scope() as db:
        login = demo.load_demo(db, instance_path())
    click.echo(
        f"Demo klaar. Inloggen met gebruikersnaam '{login.username}' "
        f"en wachtwoord '{login.password}'."
    )
