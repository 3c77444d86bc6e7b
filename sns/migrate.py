"""Schema migrations with Alembic, driven from code: ``sns db upgrade`` and the tests."""

from __future__ import annotations

from pathlib import Path

import click
from alembic import command
from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(url: str) -> Config:
    """An Alembic configuration for ``url`` without an alembic.ini on disk."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str, revision: str = "head") -> None:
    """Bring the database at ``url`` to ``revision`` (the newest by default)."""
    command.upgrade(alembic_config(url), revision)


def downgrade(url: str, revision: str) -> None:
    """Step the database at ``url`` back to ``revision`` (``base`` empties it)."""
    command.downgrade(alembic_config(url), revision)


@click.group("db")
def db_group() -> None:
    """Database beheren."""


@db_group.command("upgrade")
def db_upgrade() -> None:
    """Breng de database naar de nieuwste versie (migraties)."""
    from sns.settings import database_url

    upgrade(database_url())
    click.echo("Database is bijgewerkt.")
