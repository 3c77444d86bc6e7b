"""Migration 0009 (the plan carried through) adds columns and a table: up and down keep every
row of the tables it touches and of their children."""

from __future__ import annotations

from sns import migrate
from sns.db import make_engine
from tests.sns.test_migrations import empty_url  # noqa: F401 - the fixture, on both backends

ROWS = (
    "INSERT INTO coach (id, username, display_name, password_hash, role, active, "
    "session_token, version, created_at, updated_at) VALUES (1, 'ans', 'Ans', 'x', 'coach', "
    "true, 't', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
    "INSERT INTO resident (id, name, phase, network_version, version, created_at, updated_at) "
    "VALUES (1, 'Riek', 'actieteam', 1, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
    "INSERT INTO assignment (resident_id, coach_id, created_at) VALUES (1, 1, CURRENT_TIMESTAMP)",
    "INSERT INTO network_member (id, resident_id, name, support, can_think_along, in_actieteam, "
    "version, created_at, updated_at) VALUES (1, 1, 'Els', '[]', true, true, 1, "
    "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
    "INSERT INTO meeting (id, resident_id, on_date, held, version, created_at, updated_at) "
    "VALUES (1, 1, '2026-11-01', true, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
    "INSERT INTO invitee (meeting_id, member_id, resident_id, attended) VALUES (1, 1, 1, true)",
    "INSERT INTO offer (id, meeting_id, resident_id, member_id, what) VALUES (1, 1, 1, 1, 'x')",
    "INSERT INTO action (id, resident_id, what, status, version, created_at, updated_at) "
    "VALUES (1, 1, 'bellen', 'open', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
    "INSERT INTO performer (action_id, member_id, resident_id) VALUES (1, 1, 1)",
    "INSERT INTO review (id, resident_id, held_on, progress, scores, created_at, updated_at) "
    "VALUES (1, 1, '2026-11-20', '{}', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
)
TABLES = ("coach", "resident", "assignment", "network_member", "meeting", "invitee", "offer",
          "action", "performer", "review")


def _counts(url: str) -> dict[str, int]:
    engine = make_engine(url)
    with engine.connect() as conn:
        counts = {t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar()  # noqa: S608
                  for t in TABLES}
    engine.dispose()
    return counts


def test_up_and_down_keep_every_row(empty_url):  # noqa: F811
    url = empty_url
    migrate.upgrade(url, "0006")
    engine = make_engine(url)
    with engine.begin() as conn:
        for row in ROWS:
            conn.exec_driver_sql(row)
    engine.dispose()
    assert set(_counts(url).values()) == {1}
    migrate.upgrade(url, "0009")
    assert set(_counts(url).values()) == {1}
    migrate.downgrade(url, "0006")
    assert set(_counts(url).values()) == {1}
