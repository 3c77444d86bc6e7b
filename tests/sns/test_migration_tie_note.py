"""Migration 0011 (a note on a tie): up and down with rows in every table around the tie,
on SQLite and PostgreSQL; only the notes go on the way down."""

from __future__ import annotations

from sqlalchemy import text

from sns import migrate
from sns.db import make_engine
from tests.sns.test_migrations import empty_url  # noqa: F401 - the parametrised fixture

MEMBER = ("INSERT INTO network_member (id, resident_id, name, support, can_think_along, "
          "in_actieteam, version, created_at, updated_at) VALUES ({i}, 1, 'M{i}', '[]', false, "
          "false, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
ROWS = [
    "INSERT INTO resident (id, name, phase, network_version, version, created_at, updated_at) "
    "VALUES (1, 'Riek', 'verkenning', 1, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
    *(MEMBER.format(i=i) for i in (1, 2, 3)),
    "INSERT INTO tie (id, resident_id, a_id, b_id, quality, version) "
    "VALUES (1, 1, 1, 2, 'goed', 1)",
]


def _query(url: str, sql: str) -> list[tuple]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql))]
    finally:
        engine.dispose()


def test_tie_note_up_and_down_keeps_every_row(empty_url):  # noqa: F811
    migrate.upgrade(empty_url, "0006")
    engine = make_engine(empty_url)
    with engine.begin() as conn:
        for sql in ROWS:
            conn.execute(text(sql))
    engine.dispose()

    migrate.upgrade(empty_url, "0011")
    assert _query(empty_url, "SELECT id, quality, note FROM tie") == [(1, "goed", None)]
    engine = make_engine(empty_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE tie SET note = 'family, knows' WHERE id = 1"))
    engine.dispose()

    migrate.downgrade(empty_url, "0006")
    assert _query(empty_url, "SELECT id, a_id, b_id, quality FROM tie") == [(1, 1, 2, "goed")]
    assert _query(empty_url, "SELECT count(*) FROM network_member") == [(3,)]
    assert _query(empty_url, "SELECT count(*) FROM resident") == [(1,)]
    migrate.upgrade(empty_url)
    assert _query(empty_url, "SELECT id, note FROM tie") == [(1, None)]
