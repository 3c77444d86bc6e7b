"""``sns backup`` and ``sns restore`` on SQLite and PostgreSQL: a round trip keeps every row,
and a database with data, a file that is no backup, and the wrong kind of backup are refused
with a clear message and change nothing."""

from __future__ import annotations

import stat

import pytest
from click.testing import CliRunner

from sns import migrate
from sns.backup.archive import SEEDED_ROWS, row_counts
from sns.cli import cli
from sns.db import make_engine
from tests import world


def _counts(url):
    engine = make_engine(url)
    try:
        return row_counts(engine)
    finally:
        engine.dispose()


@pytest.fixture
def empty_database(request, database_url, tmp_path):
    """A second database of the same kind, without data; migrated when ``migrated``."""
    def make(migrated: bool) -> str:
        if database_url.startswith("sqlite"):
            url = f"sqlite:///{tmp_path / ('restored-m.sqlite3' if migrated else 'new.sqlite3')}"
        else:
            server = request.getfixturevalue("pg_server")
            name = f"restore_{'m' if migrated else 'e'}_{tmp_path.name[-8:].lower()}"
            name = "".join(c if c.isalnum() else "_" for c in name)
            server.execute(f"CREATE DATABASE {name}")
            request.addfinalizer(lambda: server.execute(f"DROP DATABASE {name} WITH (FORCE)"))
            url = server.url(name)
        if migrated:
            migrate.upgrade(url)
        return url
    return make


def _sns(monkeypatch, url, *args):
    monkeypatch.setenv("DATABASE_URL", url)
    return CliRunner().invoke(cli, list(map(str, args)))


@pytest.mark.db
@pytest.mark.parametrize("migrated", [False, True])
def test_backup_and_restore_round_trip_keeps_every_row(app, people, db, database_url,
                                                      empty_database, tmp_path, monkeypatch,
                                                      migrated):
    world.build(app, people, db)
    before = _counts(database_url)
    file = tmp_path / "sns.backup.archive"
    made = _sns(monkeypatch, database_url, "backup", file)
    assert made.exit_code == 0, made.output
    assert "2 bewoners, 2 netwerkleden" in made.output
    assert stat.S_IMODE(file.stat().st_mode) == 0o600  # personal data
    target = empty_database(migrated)
    restored = _sns(monkeypatch, target, "restore", file)
    assert restored.exit_code == 0, restored.output
    assert "Teruggezet en gecontroleerd" in restored.output
    assert _counts(target) == before
    assert before["network_member"] == 2


@pytest.mark.db
def test_restore_into_a_database_with_data_is_refused(app, people, db, database_url,
                                                      tmp_path, monkeypatch):
    file = tmp_path / "sns.backup.archive"
    assert _sns(monkeypatch, database_url, "backup", file).exit_code == 0
    before = _counts(database_url)
    refused = _sns(monkeypatch, database_url, "restore", file)
    assert refused.exit_code != 0
    assert "De database is niet leeg" in refused.output
    assert _counts(database_url) == before


@pytest.mark.db
def test_a_file_that_is_no_backup_is_refused(app, people, database_url, empty_database,
                                             tmp_path, monkeypatch):
    target = empty_database(True)
    nonsense = tmp_path / "notes.txt"
    nonsense.write_text("boodschappen: melk, brood\n")
    refused = _sns(monkeypatch, target, "restore", nonsense)
    assert refused.exit_code != 0
    assert "is geen back-up van sns" in refused.output
    assert "Traceback" not in refused.output
    # Nothing but what the migrations write themselves (the audit log's chain head).
    assert {t: n for t, n in _counts(target).items() if n} in ({}, SEEDED_ROWS)


def test_a_backup_never_overwrites_a_file(app, people, database_url, tmp_path, monkeypatch):
    file = tmp_path / "old.backup"
    file.write_bytes(b"an older backup")
    refused = _sns(monkeypatch, database_url, "backup", file)
    assert refused.exit_code != 0
    assert "bestaat al" in refused.output
    assert file.read_bytes() == b"an older backup"
