"""`sns serve`: the app behind Waitress (one process) or Gunicorn (several), as the README's
first command starts it, and its /healthz."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from sns import migrate


def _serve(tmp_path, workers: int) -> subprocess.Popen:
    """`sns serve` on a free port with a fresh SQLite database."""
    database = f"sqlite:///{tmp_path / 'sns.sqlite3'}"
    migrate.upgrade(database)
    env = {**os.environ, "DATABASE_URL": database, "SNS_INSTANCE_PATH": str(tmp_path)}
    sns = Path(sys.executable).with_name("sns")
    return subprocess.Popen([str(sns), "serve", "--port", "0", "--workers", str(workers)],
                            env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_sns_serve_answers_on_the_port_it_reports_and_stops_on_ctrl_c(tmp_path):
    server = _serve(tmp_path, 1)
    try:
        first = server.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", first).group(0)
        with urllib.request.urlopen(url + "login", timeout=10) as response:  # noqa: S310
            page = response.read().decode()
            assert response.status == 200
            assert response.headers["Server"] == "sns"
        assert 'name="username"' in page
        assert 'name="csrf_token"' in page
    finally:
        server.send_signal(signal.SIGINT)
        out, err = server.communicate(timeout=10)
    assert server.returncode == 0, err
    assert "sns is gestopt." in out
    assert "development server" not in err


def _children(pid: int) -> list[int]:
    tasks = Path(f"/proc/{pid}/task")
    return [int(c) for t in tasks.iterdir() for c in (t / "children").read_text().split()]


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_sns_serve_with_workers_runs_gunicorn_processes_and_answers_healthz(tmp_path):
    server = _serve(tmp_path, 2)
    try:
        first = server.stdout.readline()
        assert "Gunicorn, 2 processen" in first
        url = re.search(r"http://127\.0\.0\.1:\d+/", first).group(0)
        with urllib.request.urlopen(url + "healthz", timeout=20) as response:  # noqa: S310
            assert response.status == 200
            assert json.load(response) == {"status": "ok", "database": "ok"}
        assert len(_children(server.pid)) == 2
    finally:
        server.send_signal(signal.SIGINT)
        out, err = server.communicate(timeout=20)
    assert server.returncode == 0, err
    assert "sns is gestopt." in out


def test_a_started_server_leaves_its_start_up_objects_out_of_garbage_collections(app):
    import gc

    from web.core.serving import settled

    try:
        assert settled(app) is app
        assert gc.get_freeze_count() > 10_000  # the modules, routes and templates at least
    finally:
        gc.unfreeze()
