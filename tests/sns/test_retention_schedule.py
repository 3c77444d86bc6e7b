"""`sns serve` runs the retention purge in the background, again after a failed run."""

from __future__ import annotations

import threading

from sns.privacy import retention, retention_schedule


def test_daily_purge_runs_and_survives_a_failure(monkeypatch, tmp_path):
    monkeypatch.setenv("SNS_INSTANCE_PATH", str(tmp_path / "instance"))
    calls = []
    twice = threading.Event()

    def purge_now():
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("database away")
        twice.set()
        return retention.PurgeResult()

    monkeypatch.setattr(retention_schedule, "purge_now", purge_now)
    thread = retention_schedule.start_daily_purge(first_after=0.01, every=0.01)
    try:
        assert twice.wait(5)
        assert thread.daemon
    finally:
        thread.stop.set()
        thread.join(5)
    assert not thread.is_alive()


def test_purge_now_uses_the_configured_database(tmp_path, monkeypatch):
    from sns import migrate

    url = f"sqlite:///{tmp_path / 'sns.sqlite3'}"
    migrate.upgrade(url)
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("SNS_INSTANCE_PATH", str(tmp_path / "instance"))
    assert retention_schedule.purge_now().erased == []
