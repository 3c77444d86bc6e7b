"""``sns db upgrade``: the database to the newest migration."""

from __future__ import annotations

import click


@click.group("db")
def db_group() -> None:
    """Database beheren."""


@db_group.command("upgrade")
def db_upgrade() -> None:
    """Breng de database naar de nieuwste versie (migraties)."""
    from sns import migrate
    from sns.settings import database_url

    migrate.upgrade(database_url())
    click.echo("Database is bijgewerkt.")
