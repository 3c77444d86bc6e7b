"""Migrations that never lose data on SQLite.

Alembic's batch mode changes a SQLite table by copying it, dropping the old one and renaming
the copy. With foreign keys on, dropping a parent table (``resident``, ``coach``,
``network_member``) runs its ``ON DELETE CASCADE`` and empties every child table. So the
migrations run with foreign keys off, and before the transaction commits every foreign key
is checked: a migration that left a dangling reference is rolled back as a whole.

SQLite ignores ``PRAGMA foreign_keys`` inside a transaction, so it is switched on the raw
connection before the migration transaction begins and back on after it ended.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection


class ForeignKeyViolation(RuntimeError):
    """A migration left rows that point at rows that do not exist."""


def _is_sqlite(connection: Connection) -> bool:
    return connection.dialect.name == "sqlite"


@contextmanager
def sqlite_foreign_keys_off(connection: Connection) -> Iterator[None]:
    """Foreign keys off on SQLite for the duration (nothing happens on PostgreSQL)."""
    if not _is_sqlite(connection):
        yield
        return
    raw = connection.connection.dbapi_connection
    raw.execute("PRAGMA foreign_keys=OFF")
    try:
        yield
    finally:
        raw.execute("PRAGMA foreign_keys=ON")


def check_foreign_keys(connection: Connection) -> None:
    """Raise :class:`ForeignKeyViolation` when any row references a missing row (SQLite;
    PostgreSQL checks every foreign key itself)."""
    if not _is_sqlite(connection):
        return
    problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if problems:
        tables = sorted({row[0] for row in problems})
        raise ForeignKeyViolation(
            f"{len(problems)} rows point at rows that do not exist, in: {', '.join(tables)}"
        )
