"""The ``sns`` command line (the console script ``sns = "sns.cli:main"``).

Every command is a click command in a small module of its own, listed in :data:`COMMANDS`
by name and ``"module:attribute"``. :class:`LazyGroup` imports a command's module only when
that command runs (click's documented "lazily loading subcommands" pattern), so
``sns scan --graphml FILE`` imports NetworkX and the scan and never Flask, SQLAlchemy, the
models, Alembic, WeasyPrint or Argon2. Importing every command up front took about 1.1 s
per call; see ``bench/bench_cli.py`` for today's figure.

The entry lives here and not in ``web/``: importing any module of the ``web`` package runs
``web/__init__.py``, which imports Flask. The commands that need the app live in their
domain's folder under ``web/`` and are named here only as strings.

Adding a command
----------------
1. Write the click command in its domain's ``commands.py``: ``sns/<domain>/commands.py``
   when it needs only the domain, ``web/<domain>/commands.py`` when it needs the web app.
   Import what it needs inside the function body (or keep the module's own imports light).
2. Add one line to :data:`COMMANDS` below, e.g. ``"purge": "web.privacy.commands:purge",``.

``tests/sns/test_cli_lazy.py`` checks that every entry loads and that the scan of a file
stays free of the web app.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["COMMANDS", "LazyGroup", "cli", "main", "session_scope"]

#: Command name -> ``"module:attribute"``; keep it sorted by name.
COMMANDS: dict[str, str] = {
    "audit": "web.privacy.commands:audit_group",
    "backup": "sns.backup.commands:backup_command",
    "create-coach": "sns.accounts.commands:create_coach",
    "db": "sns.migrate:db_group",
    "demo": "sns.demo.commands:load_demo",
    "export": "web.netfiles.commands:export_network",
    "export-resident": "web.privacy.commands:export_resident",
    "import": "web.netfiles.commands:import_network",
    "print": "web.printing.commands:print_bundle",
    "purge": "web.privacy.commands:purge",
    "report": "sns.outcomes.commands:report",
    "restore": "sns.backup.commands:restore_command",
    "scan": "sns.scan.commands:scan_network",
    "serve": "web.core.serve_command:serve",
}


class LazyGroup(click.Group):
    """A click group whose commands are imported when they are looked up.

    Parameters
    ----------
    lazy_commands : mapping of str to str
        Command name -> ``"package.module:attribute"`` of a :class:`click.Command`.

    Examples
    --------
    >>> group = LazyGroup(name="demo", lazy_commands={"hello": "click.testing:CliRunner"})
    >>> group.list_commands(None)
    ['hello']
    """

    def __init__(self, *args, lazy_commands: Mapping[str, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.lazy_commands = dict(lazy_commands or {})

    def list_commands(self, ctx: click.Context | None) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context | None, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy_commands:
            return self._load(cmd_name)
        return super().get_command(ctx, cmd_name)

    def _load(self, cmd_name: str) -> click.Command:
        module_name, attribute = self.lazy_commands[cmd_name].split(":")
        command = getattr(importlib.import_module(module_name), attribute)
        if not isinstance(command, click.Command):
            raise TypeError(f"{self.lazy_commands[cmd_name]} is not a click command")
        return command


@contextmanager
def session_scope() -> Iterator[Session]:
    """A session on the configured database, committed on success."""
    from sns.db import make_engine, make_sessionmaker
    from sns.settings import database_url

    engine = make_engine(database_url())
    try:
        with make_sessionmaker(engine)() as db, db.begin():
            yield db
    finally:
        engine.dispose()


cli = LazyGroup(
    name="sns",
    help="sns: sociale netwerkstrategieën voor wijkteams.",
    lazy_commands=COMMANDS,
)


def main() -> None:
    cli()
