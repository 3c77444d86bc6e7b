"""web/static/graph.js: its pure parts pass their node tests, and it draws the map with the
payload's look, copying none of it."""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

from graph.demo import demo_network
from graph.map.payload import map_payload
from graph.map.style import SECTOR_SHAPES, screen_style

GRAPH_JS = Path(__file__).resolve().parents[2] / "web/static/graph.js"
#: The node tests of graph.js's pure parts, one file per concern (questions.js has its own).
NODE_TESTS = [Path(__file__).resolve().parent / "js" / name
              for name in ("graph.test.js", "picking.test.js")]
COLOUR = re.compile(r"#[0-9A-Fa-f]{3,8}\b|rgba?\(|hsla?\(")


def _code() -> str:
    """graph.js without its comments."""
    return re.sub(r"/\*.*?\*/|//[^\n]*", "", GRAPH_JS.read_text(encoding="utf-8"), flags=re.S)


def test_graph_js_writes_no_colour_and_no_shape_of_its_own():
    code = _code()
    assert COLOUR.findall(code) == []
    # the only shape named: the invisible dot vis-network keeps under the resident
    assert [shape for shape in SECTOR_SHAPES if f'"{shape}"' in code] == ["dot"]


def test_graph_js_reads_every_key_of_the_screen_style():
    code = _code()
    assert [key for key in screen_style() if f"style.{key}" not in code] == []


def test_the_pure_parts_of_graph_js_pass_their_node_tests(tmp_path):
    node = shutil.which("node")
    assert node, "node is missing: scripts/install.sh --test installs Debian's nodejs"
    payload = map_payload(demo_network(), sector_labels={}, circle_labels={}, quality_labels={},
                          support_labels={}, frequency_labels={}, detail_labels={})
    data = tmp_path / "payload.json"
    data.write_text(json.dumps(payload), encoding="utf-8")
    run = subprocess.run(
        [node, "--test", *map(str, NODE_TESTS)], capture_output=True, text=True, timeout=120,
        env={**os.environ, "SNS_MAP_PAYLOAD": str(data)}, check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    counts = dict(re.findall(r"^# (pass|fail) (\d+)$", run.stdout, re.MULTILINE))
    assert counts["fail"] == "0"
    assert int(counts["pass"]) >= 12


def test_questions_js_finds_a_name_by_its_first_letters():
    """web/static/questions.js: the name that typed letters + Enter answer the question for."""
    node = shutil.which("node")
    assert node, "node is missing: scripts/install.sh --test installs Debian's nodejs"
    tests = Path(__file__).resolve().parent / "js/questions.test.js"
    run = subprocess.run([node, "--test", str(tests)], capture_output=True, text=True,
                         timeout=120, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    assert dict(re.findall(r"^# (pass|fail) (\d+)$", run.stdout, re.MULTILINE)) == {
        "pass": "4", "fail": "0"}
