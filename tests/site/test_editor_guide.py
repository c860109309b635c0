"""Every YAML example in the editors' guide works: applied to a copy of the real data, it validates and builds.

Each example in REDAKTOERVEJLEDNING.md is preceded by a comment that says where it goes:
``<!-- eksempel: <file> -->`` (a top-level field: it replaces the file's own, or is added) or
``<!-- eksempel: <file> efter "<line>" -->`` (inserted after the first line that reads so). An example
whose list item has an id that the file already holds replaces that item, as an editor correcting it would.
"""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import ROOT, build_site
from macros.loader import check_site

GUIDE = ROOT / "REDAKTOERVEJLEDNING.md"
EXAMPLE = re.compile(r'<!-- eksempel: (\S+)(?: efter "([^"]+)")? -->\n```yaml\n(.*?)```', re.S)
EXAMPLES = EXAMPLE.findall(GUIDE.read_text(encoding="utf-8"))


def _block_end(lines: list[str], start: int, indent: int) -> int:
    """The first line after ``start`` that is no longer inside the block at ``indent``."""
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    return end


def apply(text: str, example: str, after: str) -> str:
    lines, new = text.splitlines(), example.rstrip("\n").splitlines()
    first = new[0]
    indent = len(first) - len(first.lstrip())
    if indent == 0:  # a top-level field: replace the file's own, or add it
        key = first.split(":", 1)[0]
        at = next((i for i, line in enumerate(lines) if line.startswith(f"{key}:")), None)
        if at is None:
            return "\n".join([*lines, *new]) + "\n"
        return "\n".join([*lines[:at], *new, *lines[_block_end(lines, at, 0) :]]) + "\n"
    same = next((i for i, line in enumerate(lines) if line == first and first.lstrip().startswith("- id:")), None)
    if same is not None:  # the same item: the example corrects it
        return "\n".join([*lines[:same], *new, *lines[_block_end(lines, same, indent) :]]) + "\n"
    at = lines.index(after)
    return "\n".join([*lines[: at + 1], *new, *lines[at + 1 :]]) + "\n"


def test_the_guide_has_its_examples():
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize(("file", "after", "example"), EXAMPLES, ids=[e[2].split("\n")[0].strip() for e in EXAMPLES])
def test_each_guide_example_validates_and_builds(tmp_path, file, after, example):
    project = tmp_path / "project"
    shutil.copytree(ROOT / "data", project / "data")
    shutil.copytree(ROOT / "docs", project / "docs")
    (project / "mkdocs.yml").write_text(
        f"INHERIT: {ROOT.as_posix()}/mkdocs.yml\ndocs_dir: docs\ntheme:\n  name: material\n"
        f"  custom_dir: {ROOT.as_posix()}/overrides\n",
        encoding="utf-8",
    )
    target = project / file
    before = target.read_text(encoding="utf-8")
    target.write_text(apply(before, example, after), encoding="utf-8")
    assert target.read_text(encoding="utf-8") != before or example.strip() in before
    _, problems = check_site(project / "data")
    assert problems == [], [str(p) for p in problems]
    result = build_site(project / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.output
