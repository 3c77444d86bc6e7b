"""Uploads waiting for a confirmation: each resident's own, gone on erasure, and an hour
after the upload gone at the next upload, when the server starts and in the daily run."""

from __future__ import annotations

import os
import threading
import time

import pytest

from sns.network import pending_uploads
from sns.privacy import retention, retention_schedule
from sns.settings import instance_path

FILES = {"Erik Wismij kaart.graphml": b"<graphml/>"}


@pytest.fixture(autouse=True)
def instance(tmp_path, monkeypatch):
    monkeypatch.setenv("SNS_INSTANCE_PATH", str(tmp_path / "instance"))
    return tmp_path / "instance"


def _waiting() -> list[str]:
    return sorted(p.name for p in (instance_path() / "imports").glob("*.zip"))


def _age(resident_id: int, token: str) -> None:
    old = time.time() - pending_uploads.KEEP - 1
    os.utime(instance_path() / "imports" / f"{resident_id}.{token}.zip", (old, old))


def test_an_upload_is_read_back_only_for_its_resident():
    token = pending_uploads.save(7, FILES)
    assert pending_uploads.read(7, token) == FILES
    assert pending_uploads.read(8, token) is None
    assert pending_uploads.read(7, "../../secret_key") is None
    pending_uploads.delete(7, token)
    assert _waiting() == []


def test_erasing_a_resident_deletes_their_waiting_uploads_only():
    mine = [pending_uploads.save(7, FILES), pending_uploads.save(7, FILES)]
    other = pending_uploads.save(70, FILES)
    assert pending_uploads.delete_of_resident(7) == len(mine)
    assert _waiting() == [f"70.{other}.zip"]


def test_expired_uploads_go_at_the_next_upload_and_in_the_daily_run(monkeypatch):
    old = pending_uploads.save(7, FILES)
    _age(7, old)
    fresh = pending_uploads.save(8, FILES)
    assert _waiting() == [f"8.{fresh}.zip"]  # the upload cleaned up

    _age(8, fresh)
    monkeypatch.setattr(retention, "purge", lambda *_args, **_kw: retention.PurgeResult())
    retention_schedule.purge_now(url="sqlite://", months=24)
    assert _waiting() == []


def test_expired_uploads_go_when_the_server_starts(monkeypatch):
    token = pending_uploads.save(7, FILES)
    _age(7, token)
    ran = threading.Event()
    monkeypatch.setattr(retention_schedule, "purge_now", lambda: ran.set())
    thread = retention_schedule.start_daily_purge(first_after=60)
    try:
        assert _waiting() == []  # at once, not after the first wait
        assert not ran.is_set()
    finally:
        thread.stop.set()
        thread.join(5)
