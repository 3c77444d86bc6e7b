"""The guard around migrations on SQLite: foreign keys off while they run, every foreign key
checked before they commit."""

from __future__ import annotations

import pytest

from sns.db import make_engine
from sns.migrations.safety import (
    ForeignKeyViolation,
    check_foreign_keys,
    sqlite_foreign_keys_off,
)


def _engine(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
        conn.exec_driver_sql("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER "
                             "REFERENCES parent (id) ON DELETE CASCADE)")
        conn.exec_driver_sql("INSERT INTO parent VALUES (1)")
        conn.exec_driver_sql("INSERT INTO child VALUES (1, 1)")
    return engine


def test_foreign_keys_off_keeps_children_and_dangling_rows_are_caught(tmp_path):
    engine = _engine(tmp_path)
    with engine.connect() as conn:
        with sqlite_foreign_keys_off(conn):
            transaction = conn.begin()
            conn.exec_driver_sql("DELETE FROM parent")  # a table rebuild gone wrong
            # No cascade while foreign keys are off ...
            assert conn.exec_driver_sql("SELECT count(*) FROM child").scalar() == 1
            with pytest.raises(ForeignKeyViolation, match="child"):
                check_foreign_keys(conn)  # ... and the dangling row is caught
            transaction.rollback()
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("SELECT count(*) FROM parent").scalar() == 1
    engine.dispose()
