"""Shared fixtures: build sites once per test session and read their HTML."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.engine import run

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


_CHECKS: dict[str, int] = {}


def record_check(name: str, pages: int) -> None:
    """Note a check that ran over a number of pages, for the summary at the end of the test run."""
    _CHECKS[name] = pages


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
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
        path = (
            self.site_dir / url_path.strip("/") / "index.html"
            if not url_path.endswith(".html")
            else self.site_dir / url_path
        )
        return path.read_text(encoding="utf-8")

    def pages(self) -> list[Path]:
        return sorted(p for p in self.site_dir.rglob("*.html"))


def build_site(config: Path, site_dir: Path) -> BuildResult:
    """Run the real, strict MkDocs build in a subprocess, as a user would."""
    env = run.environment()
    proc = subprocess.run(
        run.command("build", "--strict", "-f", str(config), "-d", str(site_dir)),
        capture_output=True,
        text=True,
        env=env,
        cwd=config.parent,
        timeout=300,
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


SCENARIOS = FIXTURES / "scenarios"


def scenario(name: str, tmp_path: Path) -> Path:
    """A fixture site in a named situation: its base fixture with the scenario's files laid over it.

    Scenarios live in ``tests/fixtures/scenarios/<base>/<name>/`` and hold only the files that differ.
    """
    (folder,) = SCENARIOS.glob(f"*/{name}")
    site = copy_fixture(folder.parent.name, tmp_path)
    for path in (p for p in folder.rglob("*") if p.is_file()):
        target = site / path.relative_to(folder)
        target.parent.mkdir(parents=True, exist_ok=True)
        text = path.read_text(encoding="utf-8")
        target.write_text(
            text.replace("../../../", f"{ROOT.as_posix()}/") if path.name == "mkdocs.yml" else text, encoding="utf-8"
        )
    return site


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


# --- A site whose every text field holds markup, template code and script links -------------------

HOSTILE_TEXT = " <b>fed</b> <img src=x onerror=alert(1)> \"'</title><script>alert(2)</script> {{ 7*7 }} Plan A<B &amp;"
HOSTILE_MARKDOWN = (
    HOSTILE_TEXT + " [klik](javascript&#58;alert(3)) [ud](//evil.example/) ![b](https://evil.example/x.png)"
)


def _taint(value, tp):
    """``value`` (parsed YAML) with the hostile text appended to every text field the model declares."""
    import dataclasses
    import typing

    from macros import model
    from macros.fields import data_fields, hints
    from macros.fields import optional as _optional

    tp, _ = _optional(tp)
    if dataclasses.is_dataclass(tp) and isinstance(value, dict):
        types_ = hints(tp)
        by_key = {f.metadata["key"]: f for f in data_fields(tp)}
        return {key: _taint(item, types_[by_key[key].name]) if key in by_key else item for key, item in value.items()}
    if typing.get_origin(tp) is list and isinstance(value, list):
        return [_taint(item, typing.get_args(tp)[0]) for item in value]
    if tp is model.Markdown and isinstance(value, str):
        return value.rstrip("\n") + HOSTILE_MARKDOWN
    if tp is str and isinstance(value, str):
        return value + HOSTILE_TEXT
    return value  # ids, URLs, e-mail addresses, dates and fixed choices are validated, not free text


def hostile_copy(tmp_path: Path) -> Path:
    """The one-municipality fixture with hostile text in every text field of every data file."""
    import yaml

    from macros.loader import MUNICIPALITY_FILE, PARTICIPATION_FILE, SITE_FILE
    from macros.model import Strategy

    site = copy_fixture("one-municipality", tmp_path)
    models = {
        "kommuner.yml": MUNICIPALITY_FILE.model,
        "site.yml": SITE_FILE.model,
        "vaer-med.yml": PARTICIPATION_FILE.model,
    }
    for path in sorted((site / "data").rglob("*.yml")):
        tp = Strategy if path.parent.name == "strategier" else models[path.name]
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(_taint(data, tp), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return site


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    site = hostile_copy(tmp_path_factory.mktemp("hostile"))
    result = build_site(site / "mkdocs.yml", site / "out")
    assert result.returncode == 0, result.output
    return result


VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_html_errors(site: BuildResult) -> list[tuple[str, int | None, str]]:
    """(page, line, message) of every error the Nu HTML checker finds on a built site's pages."""
    import json
    import subprocess

    java = shutil.which("java")
    assert VNU.is_file() and java, "vnu.jar and Java are needed: run `npm ci` (make test does it)"
    pages = [str(p) for p in site.pages()]
    proc = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(proc.stderr or proc.stdout or '{"messages": []}')["messages"]
    return [
        (m.get("url", "").rsplit("/site/", 1)[-1], m.get("lastLine"), m["message"])
        for m in messages
        if m.get("type") == "error"
    ]
