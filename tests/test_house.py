"""The house rules of the code, read from the source: the three floors and private names.

Imports run one way, ``web -> sns -> graph``: graph/ knows no database and no Flask, sns/
knows no Flask, and web/core (the infrastructure) imports no blueprint, so any blueprint can
import it. A name or module that starts with ``_`` is used only in its own package folder:
whatever another folder needs is public, documented, and can be found by its name.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ("graph", "sns", "web")
#: What each floor may not import (a module or its submodules).
FORBIDDEN = {
    "graph": ("sns", "web", "flask", "flask_babel", "flask_login", "sqlalchemy", "alembic"),
    "sns": ("web", "flask", "flask_babel", "flask_login", "flask_wtf", "werkzeug"),
}


def _modules(layer: str):
    for path in sorted((ROOT / layer).rglob("*.py")):
        if "migrations" not in path.relative_to(ROOT).parts:
            yield path


def _imports(path: Path):
    """``(line, module, names)`` of every absolute import in the file."""
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, ()
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module, tuple(a.name for a in node.names)


def _within(module: str, packages) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


def _where(path: Path, line: int) -> str:
    return f"{path.relative_to(ROOT)}:{line}"


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_imports_run_one_way(layer):
    wrong = [f"{_where(path, line)} {module}"
             for path in _modules(layer) for line, module, _names in _imports(path)
             if _within(module, FORBIDDEN[layer])]
    assert wrong == []


def test_the_graph_layers_tests_need_no_database():
    """tests/graph runs on NetworkX alone, as graph/ does (the demo network is graph.demo)."""
    wrong = [f"{_where(path, line)} {module}"
             for path in _modules("tests/graph") for line, module, _names in _imports(path)
             if _within(module, FORBIDDEN["graph"])]
    assert wrong == []


def test_web_core_imports_no_blueprint():
    blueprints = [f"web.{d.name}" for d in (ROOT / "web").iterdir()
                  if (d / "__init__.py").exists() and d.name != "core"]
    wrong = [f"{_where(path, line)} {module}"
             for path in (ROOT / "web" / "core").rglob("*.py")
             for line, module, _names in _imports(path)
             if _within(module, blueprints)]
    assert wrong == []


def _private_imports(path: Path, root: Path = ROOT):
    """Imports in ``path`` of an underscored module or name from another package folder."""
    importer_home = ".".join(path.relative_to(root).with_suffix("").parts[:-1])
    for line, module, names in _imports(path):
        parts = module.split(".")
        if parts[0] not in LAYERS:
            continue
        private = [i for i, part in enumerate(parts) if part.startswith("_")]
        if private:
            home, taken = ".".join(parts[:private[0]]), names or (module,)
        else:
            is_package = (ROOT.joinpath(*parts) / "__init__.py").exists()
            home = module if is_package else ".".join(parts[:-1])
            taken = [n for n in names if n.startswith("_") and n != "_"]
        if taken and home != importer_home:
            yield f"{path.relative_to(root)}:{line} {module} {list(taken)}"


def test_no_private_name_is_imported_across_packages():
    folders = (*LAYERS, "tests", "bench")
    wrong = [found for folder in folders for path in sorted((ROOT / folder).rglob("*.py"))
             for found in _private_imports(path)]
    assert wrong == []


def test_the_private_import_check_sees_one(tmp_path):
    """The check above sees a private name or module taken from another package folder, and
    lets a package's own modules share theirs."""
    (tmp_path / "bench").mkdir()
    (tmp_path / "graph" / "map").mkdir(parents=True)
    probe = tmp_path / "bench" / "probe.py"
    probe.write_text("from graph.map.placement import _KEPT\nfrom graph.map import _style\n")
    own = tmp_path / "graph" / "map" / "svg.py"
    own.write_text("from graph.map.placement import _KEPT\nfrom graph.map import _style\n")
    assert [f.split(" ", 1)[1] for f in _private_imports(probe, tmp_path)] == [
        "graph.map.placement ['_KEPT']", "graph.map ['_style']"]
    assert list(_private_imports(own, tmp_path)) == []
