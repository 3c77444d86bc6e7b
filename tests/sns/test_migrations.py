"""Migrations: from empty to head and back, on SQLite and PostgreSQL, matching the models."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, inspect, select, table, text

from sns import migrate
from sns.db import Base, make_engine


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.sqlite3'}"
        return
    server = request.getfixturevalue("pg_server")
    server.execute("CREATE DATABASE migrations_empty")
    yield server.url("migrations_empty")
    server.execute("DROP DATABASE migrations_empty WITH (FORCE)")


def _diff(url: str) -> list:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return compare_metadata(MigrationContext.configure(conn), Base.metadata)
    finally:
        engine.dispose()


def test_empty_to_head_matches_the_models_and_back(empty_url):
    migrate.upgrade(empty_url)
    assert _diff(empty_url) == []
    engine = make_engine(empty_url)
    assert {"resident", "network_member", "tie", "audit_event"} <= set(
        inspect(engine).get_table_names())
    engine.dispose()

    migrate.downgrade(empty_url, "base")
    engine = make_engine(empty_url)
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    engine.dispose()

    migrate.upgrade(empty_url)
    assert _diff(empty_url) == []


def test_upgrade_keeps_existing_members(empty_url):
    """Columns added later get their defaults on rows that were already there."""
    migrate.upgrade(empty_url, "0002")
    engine = make_engine(empty_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO resident (id, name, phase, network_version, version, "
                             "created_at, updated_at) VALUES (1, 'Riek', 'verkenning', 1, 1, "
                             "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
        conn.exec_driver_sql("INSERT INTO network_member (id, resident_id, name, support, "
                             "can_think_along, version, created_at, updated_at) VALUES "
                             "(1, 1, 'Ans', '[]', false, 1, CURRENT_TIMESTAMP, "
                             "CURRENT_TIMESTAMP)")
    engine.dispose()
    migrate.upgrade(empty_url)
    engine = make_engine(empty_url)
    with engine.connect() as conn:
        row = conn.exec_driver_sql(
            "SELECT name, in_actieteam, archived_at FROM network_member").one()
    engine.dispose()
    assert tuple(row) == ("Ans", False, None)


def test_two_factor_migration_down_keeps_every_coach_and_their_child_rows(empty_url):
    """0008 only adds to ``coach`` (a parent table): its downgrade drops the added columns in
    place and keeps every coach, assignment, group session and audit event."""
    from datetime import date

    import pyotp
    from sqlalchemy import text

    from sns import groups
    from sns.accounts import coaches as accounts
    from sns.accounts import two_factor
    from sns.db import make_sessionmaker
    from sns.residents.caseload import create_resident

    migrate.upgrade(empty_url)
    engine = make_engine(empty_url)
    with make_sessionmaker(engine)() as db:
        team = accounts.get_or_create_team(db, "Noord")
        ans = accounts.create_coach(db, "ans", "lang genoeg wachtwoord", team=team)
        leider = accounts.create_coach(db, "leider", "lang genoeg wachtwoord",
                                       role="teamleider", team=team)
        secret = two_factor.new_secret()
        two_factor.enable(db, leider, secret, pyotp.TOTP(secret).now())
        accounts.logged_in(leider)
        create_resident(db, ans, "Riek")
        groups.create_session(db, ans, "Avond", date(2026, 12, 1), "De Brug")
        accounts.log_in(db, "ans", "fout", "192.0.2.1")
        db.commit()

    def counts():
        tables = set(inspect(engine).get_table_names()) - {"alembic_version"}
        with engine.connect() as conn:
            return {t: conn.execute(text(f'SELECT count(*) FROM "{t}"')).scalar()  # noqa: S608
                    for t in tables}

    before = counts()
    assert before["recovery_code"] == 10
    migrate.downgrade(empty_url, "0008-1")
    after = counts()
    # 0008's tables are gone (with those of later migrations, stepped back over on the way);
    # every table that stays keeps every row.
    assert {"recovery_code", "public_request"} <= set(before) - set(after)
    assert after == {t: n for t, n in before.items() if t in after}
    assert {"coach", "assignment", "group_session", "audit_event"} <= set(after)
    assert "totp_secret" not in {c["name"] for c in inspect(engine).get_columns("coach")}
    engine.dispose()
    migrate.upgrade(empty_url)
    assert _diff(empty_url) == []


def test_snapshot_figures_come_and_go_without_touching_snapshots_or_reviews(empty_url):
    """0015 adds a column to network_snapshot; its downgrade must not rebuild the table
    (that would set every review's snapshot_id to NULL on SQLite)."""
    migrate.upgrade(empty_url, "0015")
    engine = make_engine(empty_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO resident (id, name, phase, network_version, version, "
                             "created_at, updated_at) VALUES (1, 'Riek', 'actieteam', 1, 1, "
                             "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
        conn.exec_driver_sql("INSERT INTO network_snapshot (id, resident_id, label, taken_at, "
                             "graph, figures) VALUES (1, 1, 'Einde verkenning', "
                             "CURRENT_TIMESTAMP, '{}', '{\"size\": 3}')")
        conn.exec_driver_sql("INSERT INTO review (id, resident_id, held_on, snapshot_id, "
                             "progress, scores, created_at, updated_at) VALUES (1, 1, "
                             "'2026-11-01', 1, '{}', '{}', CURRENT_TIMESTAMP, "
                             "CURRENT_TIMESTAMP)")
    engine.dispose()
    migrate.downgrade(empty_url, "-1")
    migrate.upgrade(empty_url, "0015")
    engine = make_engine(empty_url)
    with engine.connect() as conn:
        snapshot = conn.exec_driver_sql("SELECT label, figures FROM network_snapshot").one()
        review = conn.exec_driver_sql("SELECT snapshot_id FROM review").one()
    engine.dispose()
    assert tuple(snapshot) == ("Einde verkenning", None)
    assert tuple(review) == (1,)


def test_member_state_and_gives_keep_what_the_yes_no_said(empty_url):
    """0016 adds what the resident gives and a member's state: a member recorded as "over en
    weer" before keeps that, gives nothing recorded yet, and is in the resident's life now;
    going down and up again keeps the member and their tie."""
    migrate.upgrade(empty_url, "0015")
    engine = make_engine(empty_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO resident (id, name, phase, network_version, version, "
                             "created_at, updated_at) VALUES (1, 'Riek', 'verkenning', 1, 1, "
                             "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
        conn.execute(text(
            "INSERT INTO network_member (id, resident_id, name, support, reciprocal, "
            "can_think_along, in_actieteam, version, created_at, updated_at) VALUES "
            "(:id, 1, :name, '[\"praktisch\"]', true, false, false, 1, CURRENT_TIMESTAMP, "
            "CURRENT_TIMESTAMP)"), [{"id": 1, "name": "Ans"}, {"id": 2, "name": "Kees"}])
        conn.exec_driver_sql("INSERT INTO tie (id, resident_id, a_id, b_id, version) "
                             "VALUES (1, 1, 1, 2, 1)")
    engine.dispose()
    migrate.upgrade(empty_url, "0016")
    migrate.downgrade(empty_url, "0015")
    migrate.upgrade(empty_url, "0016")
    engine = make_engine(empty_url)
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT name, reciprocal, gives, state FROM network_member "
                                    "ORDER BY id").all()
        ties = conn.exec_driver_sql("SELECT count(*) FROM tie").scalar()
    engine.dispose()
    assert [(name, bool(rec), gives in ("[]", []), state)
            for name, rec, gives, state in rows] == [("Ans", True, True, None),
                                                    ("Kees", True, True, None)]
    assert ties == 1


def test_second_factor_attempts_come_and_go_without_touching_the_accounts(empty_url):
    """0018 adds a table that refers to coach; neither way rebuilds coach or its children."""
    migrate.upgrade(empty_url, "0017")
    engine = make_engine(empty_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO coach (id, username, display_name, password_hash, "
                             "role, active, session_token, version, created_at, updated_at) "
                             "VALUES (1, 'leider', 'Leider', 'x', 'teamleider', TRUE, 't', 1, "
                             "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
        conn.exec_driver_sql("INSERT INTO recovery_code (id, coach_id, code_hash) "
                             "VALUES (1, 1, 'h')")
    engine.dispose()
    migrate.upgrade(empty_url, "0018")
    engine = make_engine(empty_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO second_factor_attempt (client, at, coach_id) "
                             "VALUES ('192.0.2.1', CURRENT_TIMESTAMP, 1)")
    engine.dispose()
    migrate.downgrade(empty_url, "0017")
    engine = make_engine(empty_url)
    with engine.connect() as conn:
        assert "second_factor_attempt" not in inspect(conn).get_table_names()
        assert conn.exec_driver_sql("SELECT username FROM coach").scalar_one() == "leider"
        assert conn.exec_driver_sql("SELECT coach_id FROM recovery_code").scalar_one() == 1
    engine.dispose()
    migrate.upgrade(empty_url)
    assert _diff(empty_url) == []


def test_network_changes_come_and_go_without_touching_the_network(empty_url):
    """0017 adds the table of undoable changes, and its downgrade drops only that table: the
    resident, members, ties and coaches stay, down and up again."""
    migrate.upgrade(empty_url, "0016")
    engine = make_engine(empty_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO resident (id, name, phase, network_version, version, "
                             "created_at, updated_at) VALUES (1, 'Riek', 'verkenning', 1, 1, "
                             "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
        conn.execute(text(
            "INSERT INTO network_member (id, resident_id, name, support, gives, "
            "can_think_along, in_actieteam, version, created_at, updated_at) VALUES "
            "(:id, 1, :name, '[]', '[]', false, false, 1, CURRENT_TIMESTAMP, "
            "CURRENT_TIMESTAMP)"), [{"id": 1, "name": "Ans"}, {"id": 2, "name": "Kees"}])
        conn.exec_driver_sql("INSERT INTO tie (id, resident_id, a_id, b_id, version) "
                             "VALUES (1, 1, 1, 2, 1)")
        conn.exec_driver_sql("INSERT INTO coach (id, username, display_name, password_hash, "
                             "role, active, session_token, version, created_at, updated_at) "
                             "VALUES (1, 'ans', 'Ans', 'x', 'coach', true, 'token', 1, "
                             "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
    engine.dispose()
    migrate.upgrade(empty_url, "0017")
    engine = make_engine(empty_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO network_change (resident_id, coach_id, created_at, "
                             "action, before, after) VALUES (1, 1, CURRENT_TIMESTAMP, "
                             "'add_member', '{}', '{}')")
    engine.dispose()
    migrate.downgrade(empty_url, "0016")
    migrate.upgrade(empty_url, "0017")
    engine = make_engine(empty_url)
    with engine.connect() as conn:
        counts = [conn.execute(select(func.count()).select_from(table(name))).scalar()
                  for name in ("resident", "network_member", "tie", "coach", "network_change")]
    engine.dispose()
    assert counts == [1, 2, 1, 1, 0]


def test_personal_codes_come_and_go_without_touching_the_resident(empty_url):
    """0019 adds the personal codes, the wrong codes and the points to discuss; going down
    drops only those: the resident and their consent stay, down and up again."""
    migrate.upgrade(empty_url, "0018")
    engine = make_engine(empty_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO resident (id, name, phase, network_version, version, "
                             "created_at, updated_at) VALUES (1, 'Riek', 'actieteam', 1, 1, "
                             "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
        conn.exec_driver_sql("INSERT INTO consent (id, resident_id, kind, given_at) "
                             "VALUES (1, 1, 'kaart_en_plan', CURRENT_TIMESTAMP)")
    engine.dispose()
    migrate.upgrade(empty_url, "0019")
    engine = make_engine(empty_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO personal_code (resident_id, purpose, code_hash, "
                             "created_at, expires_at) VALUES (1, 'bewoner', 'h', "
                             "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
        conn.exec_driver_sql("INSERT INTO resident_topic (resident_id, text, created_at) "
                             "VALUES (1, 'Over de buren', CURRENT_TIMESTAMP)")
        conn.exec_driver_sql("INSERT INTO code_attempt (client, at) "
                             "VALUES ('192.0.2.1', CURRENT_TIMESTAMP)")
    engine.dispose()
    migrate.downgrade(empty_url, "0018")
    engine = make_engine(empty_url)
    with engine.connect() as conn:
        tables = inspect(conn).get_table_names()
        assert not {"personal_code", "resident_topic", "code_attempt"} & set(tables)
        assert conn.exec_driver_sql("SELECT name FROM resident").scalar_one() == "Riek"
        assert conn.exec_driver_sql("SELECT kind FROM consent").scalar_one() == "kaart_en_plan"
    engine.dispose()
    migrate.upgrade(empty_url)
    assert _diff(empty_url) == []
