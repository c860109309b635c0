"""Shared fixtures: build sites once per test session and read their HTML."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


_CHECKS: dict[str, int] = {}


def record_check(name: str, pages: int) -> None:
    """Note a check that ran over a number of pages, for the summary at the end of the test run."""
    _CHECKS[name] = pages


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # noqa: ARG001 - pytest hook
    if _CHECKS:
        terminalreporter.section("Checks run on the built site")
        for name, pages in _CHECKS.items():
            terminalreporter.write_line(f"{pages:>4} pages  {name}")


@dataclass
class BuildResult:
    returncode: int
    output: str
    site_dir: Path

    def html(self, url_path: str) -> str:
        """The HTML of the page at a site URL such as 'strategier/x/'."""
        path = self.site_dir / url_path.strip("/") / "index.html" if not url_path.endswith(".html") \
            else self.site_dir / url_path
        return path.read_text(encoding="utf-8")

    def pages(self) -> list[Path]:
        return sorted(p for p in self.site_dir.rglob("*.html"))


def build_site(config: Path, site_dir: Path) -> BuildResult:
    """Run the real, strict MkDocs build in a subprocess, as a user would."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        capture_output=True, text=True, env=env, cwd=config.parent, timeout=300,
    )
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site_dir)


def copy_fixture(name: str, tmp_path: Path) -> Path:
    """A writable copy of a fixture site whose mkdocs.yml still finds the real overrides."""
    target = tmp_path / name
    shutil.copytree(FIXTURES / name, target)
    config = target / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("../../../", f"{ROOT.as_posix()}/")
    config.write_text(text, encoding="utf-8")
    return target


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    result = build_site(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("real") / "site")
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def one_municipality_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    result = build_site(FIXTURES / "one-municipality" / "mkdocs.yml", tmp_path_factory.mktemp("one") / "site")
    assert result.returncode == 0, result.output
    return result


def main_content(html: str) -> str:
    """The article of a Material page: what the reader reads, without navigation."""
    match = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', html, re.S)
    assert match, "page has no article"
    return match.group(1)


def visible_text(html: str) -> str:
    """Text with tags removed and whitespace folded, for 'does the reader see X' assertions."""
    import html as html_lib

    text = re.sub(r"<script.*?</script>|<style.*?</style>", " ", html, flags=re.S)
    text = re.sub(r"<span\b[^>]*\shidden>.*?</span>", "", text, flags=re.S)  # e.g. folded term explanations
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", text)).split())
