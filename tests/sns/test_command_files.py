"""The files the ``sns`` commands write and read (``sns.files``): every command that writes
personal data refuses an existing file and a symbolic link, and every command that reads a
network refuses what is not a regular file (a named pipe would hang)."""

from __future__ import annotations

import os
import threading

import pytest
from click.testing import CliRunner

from sns.cli import cli

pytestmark = pytest.mark.db

#: Every command that writes a file, with the place of the file in its arguments.
WRITERS = {
    "export": lambda resident, path: ["export", resident, "-o", path],
    "export-resident": lambda resident, path: ["export-resident", resident, "-o", path],
    "export-resident --pdf": lambda resident, path: [
        "export-resident", resident, "-o", path.with_suffix(".new.zip"), "--pdf", path],
    "print": lambda resident, path: ["print", resident, "-o", path],
    "backup": lambda _resident, path: ["backup", path],
}


@pytest.fixture
def run(database_url, tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("SNS_INSTANCE_PATH", str(tmp_path / "instance"))

    def run(*args):
        return CliRunner().invoke(cli, [str(a) for a in args])

    return run


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_no_command_writes_through_an_existing_file_or_a_link(run, people, tmp_path, command):
    """Issue 29, finding 11: ``sns export`` and ``sns export-resident`` opened with O_TRUNC,
    writing into an existing file and through a link to its target."""
    existing = tmp_path / "bestaat"
    existing.write_text("van iemand anders")
    existing.chmod(0o644)
    target = tmp_path / "doel.txt"
    target.write_text("niet aanraken")
    link = tmp_path / "link"
    link.symlink_to(target)
    dangling = tmp_path / "los"
    dangling.symlink_to(tmp_path / "nog-niet-er")
    for path in (existing, link, dangling):
        result = run(*WRITERS[command](people.riek.id, path))
        assert result.exit_code == 1, result.output
        assert "bestaat al (of is een link)" in result.output
    assert existing.read_text() == "van iemand anders"
    assert existing.stat().st_mode & 0o777 == 0o644
    assert target.read_text() == "niet aanraken"
    assert not (tmp_path / "nog-niet-er").exists()


@pytest.mark.parametrize("args", [["import", "--resident", "1"], ["scan", "--graphml"]])
def test_reading_a_named_pipe_is_refused_not_waited_for(run, people, tmp_path, args):
    """Issue 29, finding 12: ``sns import`` on a named pipe waited for a writer forever."""
    pipe = tmp_path / "netwerk.graphml"
    os.mkfifo(pipe)
    stop = threading.Event()

    def unblock() -> None:
        """Should the command open the pipe, end its wait after a few seconds (a test that
        fails, not one that hangs): open the writing end and close it again."""
        if stop.wait(5):
            return
        try:
            os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass  # nobody is reading: the command did not open the pipe

    watchdog = threading.Thread(target=unblock, daemon=True)
    watchdog.start()
    try:
        result = run(*args, pipe)
    finally:
        stop.set()
        watchdog.join()
    assert result.exit_code == 1, result.output
    assert f"{pipe} is geen gewoon bestand." in result.output
