"""A throwaway PostgreSQL server for the test run: initdb in a temp dir, a unix socket, no TCP.

PostgreSQL refuses to run as root; under root (CI, a fresh machine) the server runs as the
unprivileged user ``nobody``.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import psycopg
from psycopg import sql


def _tool(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                                                   reverse=True)), None)
    if found is None:
        raise RuntimeError(f"{name} not found: run scripts/install.sh --test")
    return found


class PostgresServer:
    """Start with ``start()``, stop with ``stop()``; ``url(db)`` gives a SQLAlchemy URL."""

    user = "sns"

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="sns-pg-"))
        self.data = self.dir / "data"

    def _run(self, *args: str) -> None:
        cmd = list(args)
        if os.geteuid() == 0:
            shutil.chown(self.dir, "nobody")
            cmd = ["runuser", "-u", "nobody", "--", *cmd]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def start(self) -> PostgresServer:
        self._run(_tool("initdb"), "-D", str(self.data), "-A", "trust", "-U", self.user,
                  "-E", "UTF8", "--no-sync", "--locale=C")
        options = f"-c listen_addresses='' -k {self.dir} -F -c max_connections=200"
        self._run(_tool("pg_ctl"), "-D", str(self.data), "-o", options, "-w", "-l",
                  str(self.dir / "log"), "start")
        return self

    def stop(self) -> None:
        try:
            self._run(_tool("pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}@/{database}?host={self.dir}"

    def execute(self, sql: str) -> None:
        """Run one statement outside a transaction (CREATE/DROP DATABASE)."""
        with psycopg.connect(host=str(self.dir), user=self.user, dbname="postgres",
                             autocommit=True) as conn:
            conn.execute(sql)


class CleanDatabase:
    """One database made from ``template`` once, emptied back to the template's rows before
    every test: a DELETE of every table, the rows the migrations wrote (the audit chain's
    head, alembic's version) put back and every sequence set back to where the template's
    stands. About 1 ms on this server, where ``CREATE DATABASE ... TEMPLATE`` and its
    ``DROP`` take 100-200 ms.

    Only the rows are put back: a test that changes the schema (a migration down and up) or
    leaves a setting of the database changed needs a database of its own
    (``fresh_database``); :meth:`schema_changed` tells when one did without, and
    :meth:`rebuild` makes the database again from the template.
    """

    def __init__(self, server: PostgresServer, template: str, name: str) -> None:
        self.server, self.template, self.name = server, template, name
        self.url = server.url(name)
        self._reset_sql = self._script()
        self.rebuild()

    def _connect(self, dbname: str) -> psycopg.Connection:
        return psycopg.connect(host=str(self.server.dir), user=self.server.user, dbname=dbname,
                               autocommit=True)

    def _script(self) -> str:
        """The SQL that empties a copy of the template and puts its rows back."""
        with self._connect(self.template) as conn:
            tables = [r[0] for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")]
            parts = ["BEGIN", "SET LOCAL session_replication_role = replica"]  # no FK, triggers
            parts += [sql.SQL("DELETE FROM {}").format(sql.Identifier(t)).as_string(conn)
                      for t in tables]
            for table in tables:
                cursor = conn.execute(sql.SQL("SELECT * FROM {}").format(sql.Identifier(table)))
                columns = [sql.Identifier(d.name) for d in cursor.description or ()]
                for row in cursor:
                    parts.append(sql.SQL("INSERT INTO {} ({}) VALUES ({})").format(
                        sql.Identifier(table), sql.SQL(", ").join(columns),
                        sql.SQL(", ").join(map(sql.Literal, row))).as_string(conn))
            for name, last_value, start in conn.execute(
                    "SELECT sequencename, last_value, start_value FROM pg_sequences "
                    "WHERE schemaname = 'public'"):
                parts.append(sql.SQL("SELECT setval({}, {}, {})").format(
                    sql.Literal(name), sql.Literal(last_value or start),
                    sql.Literal(last_value is not None)).as_string(conn))
            parts.append("COMMIT")
        return ";\n".join(parts)

    def _execute(self, query, params=None):
        """On the fixture's own connection; a test may have ended it (a database that goes
        away), so once more on a new one."""
        try:
            return self._conn.execute(query, params)
        except psycopg.OperationalError:
            if not self._conn.broken and not self._conn.closed:
                raise
            self._conn = self._connect(self.name)
            return self._conn.execute(query, params)

    def _fingerprint(self) -> str:
        """The schema's objects, each by identity (a table dropped and made again differs),
        and the database's own settings."""
        return self._execute(
            "SELECT md5(string_agg(c.oid::text || c.relname || c.relkind::text || "
            "coalesce(a.attname || a.atttypid::text, ''), ',' ORDER BY c.oid, a.attnum)) "
            "|| (SELECT datallowconn::text || coalesce((SELECT setconfig::text "
            "FROM pg_db_role_setting WHERE setdatabase = d.oid AND setrole = 0), '') "
            "FROM pg_database d WHERE datname = current_database()) "
            "FROM pg_class c LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 "
            "AND NOT a.attisdropped WHERE c.relnamespace = 'public'::regnamespace"
        ).fetchone()[0]

    def rebuild(self) -> None:
        self.server.execute(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")
        self.server.execute(f"CREATE DATABASE {self.name} TEMPLATE {self.template}")
        self._conn = self._connect(self.name)
        self._schema = self._fingerprint()

    def reset(self) -> None:
        """Ends every other connection to the database (one a test left open would hold its
        locks) and puts the template's rows back."""
        self._execute("SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity "
                      "WHERE datname = %s AND pid <> pg_backend_pid()", (self.name,))
        self._execute(self._reset_sql.encode())

    def schema_changed(self) -> bool:
        return self._fingerprint() != self._schema

    def close(self) -> None:
        self._conn.close()
