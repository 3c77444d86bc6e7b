"""`sns serve`: the app behind Waitress, as the README's first command starts it."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

from sns import migrate


def test_sns_serve_answers_on_the_port_it_reports_and_stops_on_ctrl_c(tmp_path):
    database = f"sqlite:///{tmp_path / 'sns.sqlite3'}"
    migrate.upgrade(database)
    env = {**os.environ, "DATABASE_URL": database, "SNS_INSTANCE_PATH": str(tmp_path)}
    sns = Path(sys.executable).with_name("sns")
    server = subprocess.Popen([str(sns), "serve", "--port", "0"], env=env, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
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
