"""The ``sns`` command line: database, accounts, demo and the network scan (the web layer
adds ``serve``)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from sqlalchemy.orm import Session

from graph.findings import findings
from graph.io import GraphFileError, read_graphml
from graph.metrics import scan
from graph.schema import EGO
from sns import accounts, demo, migrate
from sns.db import make_engine, make_sessionmaker
from sns.errors import DomainError
from sns.models import ROLES, Resident
from sns.network import to_graph
from sns.scan_report import format_report
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


@cli.command("scan")
@click.argument("resident_id", type=int, required=False)
@click.option(
    "--graphml",
    "graphml",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Scan het netwerk uit dit GraphML-bestand in plaats van een bewoner.",
)
@click.option("--json", "as_json", is_flag=True, help="Geef het resultaat als JSON.")
def scan_network(resident_id: int | None, graphml: Path | None, as_json: bool) -> None:
    """Netwerkscan ("Hoe sterk is mijn netwerk?") van bewoner RESIDENT_ID of van een
    GraphML-bestand.

    Dit is een beheerderscommando op de server: wie de database kan bereiken, mag elke
    bewoner scannen; er is hier geen controle per coach zoals in de app.
    """
    if (resident_id is None) == (graphml is None):
        raise click.UsageError(
            "Geef een bewonernummer of --graphml BESTAND (precies één van de twee)."
        )
    if graphml is not None:
        try:
            G = read_graphml(graphml)
        except GraphFileError as err:
            raise click.ClickException(str(err)) from err
        name = G.nodes[EGO].get("name")
    else:
        with session_scope() as db:
            resident = db.get(Resident, resident_id)
            if resident is None:
                raise click.ClickException(f"Bewoner {resident_id} bestaat niet.")
            G = to_graph(db, resident)
            name = resident.name
    result = scan(G)
    lines = findings(G, result)
    names = {n: G.nodes[n].get("name") or str(n) for n in G if n != EGO}
    if as_json:
        data = {"resident": name, "scan": result.to_dict(), "findings": lines, "names": names}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(name, result, lines, names=names))


from sns.outcomes.command import report  # noqa: E402 - registered after the group exists

cli.add_command(report)
