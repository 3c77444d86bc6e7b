"""The database: declarative base, engine and sessions (SQLite or PostgreSQL, one URL)."""

from __future__ import annotations

import sqlite3

from sqlalchemy import Engine, MetaData, create_engine, event
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

# Named constraints, so Alembic can alter them on SQLite (batch mode) and PostgreSQL alike.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base of every model; its metadata is what the migrations describe."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


#: How long a write on SQLite waits for another writer before it gives up (milliseconds).
SQLITE_BUSY_TIMEOUT_MS = 10_000

#: The execution option that makes a transaction on SQLite a write transaction from its
#: first statement (``BEGIN IMMEDIATE``), see :func:`writing`.
WRITE_OPTION = "sns_write"


def _configure_sqlite_connection(dbapi_connection, _record) -> None:
    """Foreign keys on (PostgreSQL always has them), WAL so readers never wait for the
    writer, a busy timeout so a writer waits for another instead of failing, and
    ``secure_delete`` so deleted rows (an erased resident) are overwritten with zeros in the
    file instead of lingering in free space (see :func:`truncate_log`).

    The driver's own transaction handling is switched off (``isolation_level = None``);
    :func:`_begin_sqlite` and :func:`_write_begins_transaction` begin transactions instead.
    """
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA secure_delete=ON")
    if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "memory":
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def _begin_sqlite(connection) -> None:
    """A write transaction takes the write lock at once (waiting up to the busy timeout).

    Other transactions begin nothing: their reads run one statement at a time (as under
    PostgreSQL's READ COMMITTED), and their first write begins an immediate transaction
    (:func:`_write_begins_transaction`). A deferred transaction that read first would fail
    at its first write whenever another writer committed in between, and waiting cannot
    help it."""
    if connection.get_execution_options().get(WRITE_OPTION):
        connection.exec_driver_sql("BEGIN IMMEDIATE")


_NO_WRITE_STATEMENTS = ("SELECT", "PRAGMA", "WITH", "EXPLAIN", "BEGIN", "COMMIT", "ROLLBACK",
                        "SAVEPOINT", "RELEASE")


def _write_begins_transaction(_conn, cursor, statement, _params, _context, _many) -> None:
    dbapi_connection = cursor.connection
    if not dbapi_connection.in_transaction and not statement.lstrip().upper().startswith(
            _NO_WRITE_STATEMENTS):
        cursor.execute("BEGIN IMMEDIATE")


def truncate_log(engine: Engine) -> None:
    """On SQLite, copy the write-ahead log into the database file and empty it, so that rows
    just deleted (an erasure) are no longer readable in ``sns.sqlite3-wal``. It runs on a
    connection of its own (a pooled one may still be reading) and waits for readers up to
    the busy timeout. PostgreSQL needs ``VACUUM`` instead (docs/privacy.md)."""
    if engine.dialect.name != "sqlite" or not engine.url.database:
        return
    connection = sqlite3.connect(engine.url.database, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        connection.close()


def make_engine(url: str) -> Engine:
    """Create an engine. On SQLite: foreign keys, WAL, a busy timeout, and transactions this
    module begins itself (see :func:`writing`). On PostgreSQL: connections are checked before
    use, so a restarted server is reconnected to."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _configure_sqlite_connection)
        event.listen(engine, "begin", _begin_sqlite)
        event.listen(engine, "before_cursor_execute", _write_begins_transaction)
        return engine
    return create_engine(url, pool_pre_ping=True)


def writing(engine: Engine) -> Engine:
    """The same engine (and pool), whose transactions are write transactions: on SQLite they
    begin with ``BEGIN IMMEDIATE``, so concurrent writers queue instead of failing; on
    PostgreSQL nothing changes (rows are locked where needed, see ``sns.residents.access``)."""
    return engine.execution_options(**{WRITE_OPTION: True})


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded objects usable after commit (views render after saving)."""
    return sessionmaker(bind=engine, expire_on_commit=False)
