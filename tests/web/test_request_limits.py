"""Bounded requests: a body over the limit gets 413 with a Dutch page, before it is read,
in the app and behind Waitress (`sns serve`)."""

from __future__ import annotations

import io
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sns import migrate

TOO_LARGE = "Wat u verstuurde is te groot. Er is niets opgeslagen."


class UnreadBody(io.RawIOBase):
    """A request body that records whether anyone read from it."""

    def __init__(self):
        self.read_from = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        self.read_from = True
        buffer[:1] = b"a"
        return 1


@pytest.mark.parametrize("path", ["/login", "/doe-mee/", "/taal", "/bewoners/nieuw"])
def test_an_over_long_body_gets_413_without_being_read(client, path):
    body = UnreadBody()
    over = client.application.config["MAX_CONTENT_LENGTH"] + 1
    response = client.post(path, csrf=False, content_type="application/x-www-form-urlencoded",
                           environ_overrides={"wsgi.input": body, "CONTENT_LENGTH": str(over)})
    assert response.status_code == 413
    assert TOO_LARGE in response.get_data(as_text=True)
    assert not body.read_from


@pytest.mark.db
def test_one_byte_over_the_limit_is_refused_and_the_limit_itself_is_not(app, client, people):
    app.config["MAX_CONTENT_LENGTH"] = 4096

    def login_with_body_of(size: int):
        data = {"username": "ans", "password": "wrong", "csrf_token": client.csrf_token()}
        form = "&".join(f"{k}={v}" for k, v in data.items())
        form += "&pad=" + "x" * (size - len(form) - len("&pad="))
        assert len(form) == size
        return client.post("/login", data=form, csrf=False,
                           content_type="application/x-www-form-urlencoded")

    at_limit = login_with_body_of(4096)
    assert at_limit.status_code == 200
    assert "Gebruikersnaam of wachtwoord klopt niet." in at_limit.get_data(as_text=True)
    over = login_with_body_of(4097)
    assert over.status_code == 413
    assert TOO_LARGE in over.get_data(as_text=True)


def _raw_request(port: int, head: str, body: bytes = b"") -> str:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        conn.sendall(head.encode() + body)
        chunks = []
        while chunk := conn.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks).decode("utf-8", "replace")


def _post_head(length: int) -> str:
    return ("POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\n"
            f"Content-Length: {length}\r\n\r\n")


def test_waitress_gets_the_same_limit(tmp_path):
    database = f"sqlite:///{tmp_path / 'sns.sqlite3'}"
    migrate.upgrade(database)
    env = {**os.environ, "DATABASE_URL": database, "SNS_INSTANCE_PATH": str(tmp_path),
           "SNS_MAX_CONTENT_LENGTH": "4096"}
    sns = Path(sys.executable).with_name("sns")
    server = subprocess.Popen([str(sns), "serve", "--port", "0"], env=env, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        port = int(re.search(r":(\d+)/", server.stdout.readline()).group(1))
        # Just over the limit: the app answers, with its Dutch page.
        answer = _raw_request(port, _post_head(4097), b"x" * 4097)
        assert answer.startswith("HTTP/1.1 413")
        assert TOO_LARGE in answer
        # 100 MB announced: refused from the headers alone, without waiting for a body.
        started = time.monotonic()
        answer = _raw_request(port, _post_head(100_000_000))
        assert answer.startswith("HTTP/1.1 413")
        assert time.monotonic() - started < 5
    finally:
        server.send_signal(signal.SIGINT)
        server.communicate(timeout=10)
