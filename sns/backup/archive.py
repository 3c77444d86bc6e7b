"""Backups of the whole database, and restoring one into an empty database.

- SQLite: SQLite's online backup API copies the database page by page while the app keeps
  running (readers and writers are not stopped; the copy is one consistent moment). The
  backup is itself a SQLite database.
- PostgreSQL: ``pg_dump --format=custom`` (one consistent snapshot, while the app runs) and
  ``pg_restore``; both must be on PATH (Debian: ``postgresql-client``).

A restore goes only into a database without data (a new one, or a migrated but unused
one), so it can never mix two histories or overwrite the present. Afterwards the rows of
every table are counted in the restored database and compared with the backup.

Backups hold personal data: the file is created readable by its owner only.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
from collections import Counter
from pathlib import Path

from sqlalchemy import Engine, create_engine, func, inspect, select, table
from sqlalchemy.engine import URL, make_url

from sns import files
from sns.db import make_engine

SQLITE_HEADER = b"SQLite format 3\x00"
PG_DUMP_HEADER = b"PGDMP"
#: The table Alembic keeps the schema version in; every sns database has it.
VERSION_TABLE = "alembic_version"
#: Rows the migrations themselves write (the audit log's chain head, 0007): a database
#: holding no more than these is still empty.
SEEDED_ROWS = {"audit_chain_head": 1}


class BackupError(Exception):
    """The backup or restore was refused or failed; the message says why (in Dutch)."""


def row_counts(engine: Engine) -> dict[str, int]:
    """The number of rows of every table (the schema version table left out)."""
    with engine.connect() as conn:
        names = [n for n in inspect(conn).get_table_names() if n != VERSION_TABLE]
        return {name: conn.scalar(select(func.count()).select_from(table(name)))
                for name in names}


def _is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def _sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise BackupError("Een database in het geheugen heeft geen back-up.")
    return Path(database)


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            f"{name} staat niet op PATH. Installeer de PostgreSQL-programma's "
            f"(Debian: apt-get install postgresql-client) of maak de back-up op de "
            f"databaseserver met: pg_dump --format=custom --file BESTAND DATABASE")
    return found


def _libpq_env(url: URL) -> dict[str, str]:
    """The connection as libpq environment variables: no password on a command line."""
    env = dict(os.environ)
    values = {"PGHOST": url.host or url.query.get("host"), "PGPORT": url.port,
              "PGUSER": url.username, "PGPASSWORD": url.password, "PGDATABASE": url.database}
    env.update({key: str(value) for key, value in values.items() if value})
    return env


def _run(args: list[str], url: URL, what: str) -> subprocess.CompletedProcess:
    # The program is a full path from PATH and the arguments a list: no shell involved.
    done = subprocess.run(args, env=_libpq_env(url), capture_output=True, check=False)  # noqa: S603
    if done.returncode != 0:
        detail = done.stderr.decode(errors="replace").strip().splitlines()
        raise BackupError(f"{what} is mislukt: {detail[-1] if detail else done.returncode}")
    return done


def backup(url: str, target: Path) -> dict[str, int]:
    """Write a backup of the database at ``url`` to ``target``; returns its row counts."""
    files.create_private(target).close()  # never an existing file, never through a link
    try:
        if _is_sqlite(url):
            _copy_sqlite(_sqlite_path(url), target)
            return counts_of_sqlite_file(target)
        _run([_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(target)],
             make_url(url), "pg_dump")
        return counts_of_pg_dump(target)
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def counts_of_sqlite_file(path: Path) -> dict[str, int]:
    """Row counts of a SQLite backup; refused when the file is not an sns database."""
    with path.open("rb") as f:
        if f.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise BackupError(f"{path} is geen back-up van sns (geen SQLite-database).")
    # Read-only and without the app's connection settings (they would write to the file).
    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(
        f"file:{path}?mode=ro", uri=True))
    try:
        if VERSION_TABLE not in inspect(engine).get_table_names():
            raise BackupError(f"{path} is een SQLite-database, maar geen back-up van sns.")
        return row_counts(engine)
    finally:
        engine.dispose()


_COPY = re.compile(rb"^COPY (?:[\w\"]+\.)?\"?(\w+)\"? \(")


def counts_of_pg_dump(path: Path) -> dict[str, int]:
    """Row counts of a pg_dump file, read from its data section."""
    with path.open("rb") as f:
        if f.read(len(PG_DUMP_HEADER)) != PG_DUMP_HEADER:
            raise BackupError(f"{path} is geen back-up van sns (geen pg_dump-bestand).")
    done = _run([_tool("pg_restore"), "--data-only", "--file", "-", str(path)],
                URL.create("postgresql"), "pg_restore (lezen)")
    counts: Counter[str] = Counter()
    current = None
    for line in done.stdout.splitlines():
        if current is None:
            found = _COPY.match(line)
            if found:
                current = found.group(1).decode()
                counts[current] += 0
        elif line == rb"\.":
            current = None
        else:
            counts[current] += 1
    if VERSION_TABLE not in counts:
        raise BackupError(f"{path} is een pg_dump-bestand, maar geen back-up van sns.")
    del counts[VERSION_TABLE]
    return dict(counts)


def _refuse_unless_empty(url: str) -> bool:
    """Refuse a database that holds any row; True when it has tables (a migrated schema)."""
    engine = make_engine(url)
    try:
        counts = row_counts(engine)
    finally:
        engine.dispose()
    filled = sorted(name for name, n in counts.items() if n > SEEDED_ROWS.get(name, 0))
    if filled:
        raise BackupError(
            "De database is niet leeg (er staan gegevens in " + ", ".join(filled[:5]) +
            "). Zet een back-up alleen terug in een nieuwe, lege database.")
    return bool(counts)


def restore(url: str, source: Path) -> dict[str, int]:
    """Restore the backup ``source`` into the empty database at ``url``, then check that it
    opens and holds as many rows per table as the backup; returns those counts."""
    if not source.is_file():
        raise BackupError(f"{source} bestaat niet of is geen bestand.")
    with source.open("rb") as f:
        header = f.read(len(SQLITE_HEADER))
    if _is_sqlite(url):
        if header.startswith(PG_DUMP_HEADER):
            raise BackupError(f"{source} is een PostgreSQL-back-up; de database hier is SQLite.")
        expected = counts_of_sqlite_file(source)
        path = _sqlite_path(url)
        if path.exists():
            _refuse_unless_empty(url)
        _copy_sqlite(source, path)
    else:
        if header == SQLITE_HEADER:
            raise BackupError(f"{source} is een SQLite-back-up; de database hier is PostgreSQL.")
        expected = counts_of_pg_dump(source)
        has_schema = _refuse_unless_empty(url)
        # A migrated but empty schema is replaced by the backup's own, in one transaction.
        clean = ["--clean", "--if-exists"] if has_schema else []
        _run([_tool("pg_restore"), "--no-owner", "--single-transaction", "--exit-on-error",
              *clean, "--dbname", make_url(url).database, str(source)],
             make_url(url), "pg_restore")
    engine = make_engine(url)
    try:
        restored = row_counts(engine)
    finally:
        engine.dispose()
    if restored != expected:
        differ = sorted(n for n in expected.keys() | restored.keys()
                        if expected.get(n) != restored.get(n))
        raise BackupError("De teruggezette database klopt niet met de back-up (aantallen in: "
                          + ", ".join(differ) + ").")
    return restored


def _copy_sqlite(source: Path, target: Path) -> None:
    """Copy a SQLite database with SQLite's online backup API (a consistent moment, while
    others keep reading and writing the source); the copy is readable by its owner only."""
    reading = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    writing = sqlite3.connect(target)
    try:
        reading.backup(writing)
    finally:
        writing.close()
        reading.close()
    target.chmod(0o600)
