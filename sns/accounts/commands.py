"""``sns create-coach``: an account from the command line (the first admin of a server)."""

from __future__ import annotations

import sys

import click

from sns.cli import session_scope
from sns.models import ROLES  # only loaded when this command runs (see sns.cli)


def _read_password() -> str:
    if sys.stdin.isatty():
        return click.prompt("Wachtwoord", hide_input=True, confirmation_prompt=True)
    return sys.stdin.readline().rstrip("\n")


@click.command("create-coach")
@click.argument("username")
@click.option("--role", type=click.Choice(ROLES), default="coach", show_default=True)
@click.option("--team", "team_name", default=None, help="Naam van het team.")
@click.option("--name", "display_name", default=None, help="Naam zoals collega's die zien.")
def create_coach(username: str, role: str, team_name: str | None, display_name: str | None):
    """Maak een account aan; het wachtwoord komt van een prompt of van stdin."""
    from sns.accounts import coaches as accounts
    from sns.errors import DomainError

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
