"""The docs keep up with the code: every package is in the architecture, every link works.

No app and no database: these read files only. They fail when a package is added or moved
without a line in docs/architecture.md, or when a relative link in README.md or docs/*.md
points at a file, or a heading, that is not there.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LAYERS = ("graph", "sns", "web")
SKIPPED = {"migrations", "tests", "__pycache__"}
MAX_README_LINES = 160

_FENCE = re.compile(r"^\s*(```|~~~)")
_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_CODE_SPAN = re.compile(r"`[^`]*`")
_EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)  # http:, https:, mailto:, ...


def markdown_files() -> list[Path]:
    return [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]


def packages() -> list[str]:
    """Every folder with an ``__init__.py`` in the three layers, as a path like ``sns/beraad``."""
    found = []
    for layer in LAYERS:
        for init in sorted((ROOT / layer).rglob("__init__.py")):
            folder = init.parent.relative_to(ROOT)
            if not SKIPPED.intersection(folder.parts):
                found.append(folder.as_posix())
    return found


def prose_lines(path: Path) -> list[tuple[int, str]]:
    """The lines outside fenced code blocks, with inline code removed, numbered from 1."""
    lines, fenced = [], False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            lines.append((number, _CODE_SPAN.sub("", line)))
    return lines


def slug(heading: str) -> str:
    """A heading's anchor as GitHub makes it: lower case, punctuation out, spaces to dashes.

    >>> slug("Privacy (AVG): for the privacy officer")
    'privacy-avg-for-the-privacy-officer'
    >>> slug("De `sns` commands, één voor één")
    'de-sns-commands-één-voor-één'
    """
    text = re.sub(r"<[^>]+>", "", heading).strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    """Every heading's anchor in a Markdown file (a repeated heading gets -1, -2, ...)."""
    seen: dict[str, int] = {}
    result = set()
    fenced = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if _FENCE.match(line):
            fenced = not fenced
            continue
        found = re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", line)
        if fenced or not found:
            continue
        base = slug(found.group(1))
        count = seen.get(base, 0)
        seen[base] = count + 1
        result.add(base if count == 0 else f"{base}-{count}")
    return result


def broken_links(path: Path) -> list[str]:
    """What is wrong with the relative links of one Markdown file, one line per link."""
    wrong = []
    for number, line in prose_lines(path):
        for target in _LINK.findall(line):
            if _EXTERNAL.match(target):
                continue
            file_part, _, anchor = target.partition("#")
            linked = (path.parent / file_part).resolve() if file_part else path
            where = f"{path.relative_to(ROOT)}:{number}: {target}"
            if not linked.exists():
                wrong.append(f"{where}: no such file")
            elif anchor and linked.suffix == ".md" and anchor not in anchors(linked):
                wrong.append(f"{where}: no heading #{anchor} in {linked.name}")
    return wrong


def test_the_docs_are_there():
    for name in ("architecture", "privacy", "operations", "benchmarks", "formats", "testing",
                 "handleiding"):
        assert (DOCS / f"{name}.md").is_file(), name


@pytest.mark.parametrize("package", packages())
def test_every_package_is_named_in_the_architecture(package):
    text = (DOCS / "architecture.md").read_text(encoding="utf-8")
    forms = (package, package.replace("/", "."))  # sns/beraad or sns.beraad
    named = any(re.search(rf"(?<![\w/.]){re.escape(form)}(?!\w)", text) for form in forms)
    assert named, f"{package}/ is not named in docs/architecture.md (the tree or the glossary)"


@pytest.mark.parametrize("path", markdown_files(), ids=lambda p: p.name)
def test_every_relative_link_resolves(path):
    assert broken_links(path) == []


def test_the_readme_opens_with_the_two_commands_and_stays_short():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", text, re.DOTALL)
    assert block, "README.md has no sh block"
    commands = [line.split("#")[0].strip() for line in block.group(1).splitlines()]
    assert commands == ["scripts/start.sh", "scripts/test.sh"]
    assert text.index(block.group(0)) < text.index("\n## "), "the commands come first"
    assert len(text.splitlines()) <= MAX_README_LINES, "move the details into docs/"


def test_a_broken_link_and_a_missing_heading_are_found(tmp_path, monkeypatch):
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    (tmp_path / "a.md").write_text("# Start\n\n## Two words\n", encoding="utf-8")
    page = tmp_path / "b.md"
    page.write_text(
        "[ok](a.md#two-words) [gone](c.md) [no heading](a.md#three) [web](https://x.nl)\n"
        "```\n[in code](nowhere.md)\n```\n", encoding="utf-8")
    assert [line.split(": ", 2)[-1] for line in broken_links(page)] == [
        "no such file", "no heading #three in a.md"]


def test_anchors_are_made_as_github_makes_them():
    assert slug("Privacy (AVG): for the privacy officer") == "privacy-avg-for-the-privacy-officer"
    assert slug("The map's placement") == "the-maps-placement"
    assert slug("Load: many coaches at once") == "load-many-coaches-at-once"
