"""The command line loads only what a command needs (sns.cli.COMMANDS and LazyGroup)."""

from __future__ import annotations

import json
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from sns.cli import COMMANDS, cli

HEAVY = ("flask", "sqlalchemy", "alembic", "weasyprint", "argon2", "sns.models", "web.app")


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_listed_command_loads(name):
    command = cli.get_command(None, name)
    assert isinstance(command, click.Command)
    assert command.name == name


def test_help_lists_every_command():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert name in result.output


def _modules_after(code: str) -> set[str]:
    probe = code + "\nimport sys, json; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True)
    return set(json.loads(out.stdout.splitlines()[-1]))


def test_a_file_scan_imports_no_web_app_no_database_and_no_hashing(tmp_path):
    path = tmp_path / "los.graphml"
    path.write_text(
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected">'
        '<node id="a"/><node id="b"/><edge source="a" target="b"/></graph></graphml>')
    modules = _modules_after(
        "from sns.cli import cli\n"
        f"cli(['scan', '--graphml', {str(path)!r}, '--json'], standalone_mode=False)")
    assert "graph.metrics" in modules  # the scan did run
    loaded = sorted(m for m in modules for heavy in HEAVY
                    if m == heavy or m.startswith(heavy + "."))
    assert loaded == []


def test_the_console_script_runs_the_file_scan(tmp_path):
    path = tmp_path / "ego.graphml"
    path.write_text(
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
        '<key id="n" for="node" attr.name="label" attr.type="string"/>'
        '<graph edgedefault="undirected"><node id="p1"><data key="n">Ego</data></node>'
        '<node id="p2"><data key="n">Ans</data></node><edge source="p1" target="p2"/>'
        '</graph></graphml>')
    sns = [sys.executable, "-c", "from sns.cli import main; main()"]
    out = subprocess.run([*sns, "scan", "--graphml", str(path)], capture_output=True,
                         text=True, check=True).stdout
    assert "Als bewoner genomen: knoop 'p1' (label \"ego\")." in out.splitlines()
    data = json.loads(subprocess.run([*sns, "scan", "--graphml", str(path), "--json"],
                                     capture_output=True, text=True, check=True).stdout)
    assert (data["resident_node"], data["resident_found_by"]) == ("p1", "label")
    assert data["scan"]["size"]["total"] == 1
