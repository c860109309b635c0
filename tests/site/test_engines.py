"""The site builds alike on MkDocs 1.6 and on ProperDocs, the maintained MkDocs 1.x fork.

Every file of the real site must be byte for byte the same apart from the generator tag, so moving
engines changes nothing a reader gets. ``make test ENGINE=properdocs`` runs the whole suite on it.
"""

from __future__ import annotations

import re
import subprocess

import pytest

from conftest import ROOT
from macros.engine import run

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _build_with(engine: str, config, out) -> None:
    proc = subprocess.run(
        run.command("build", "--strict", "-f", str(config), "-d", str(out), name=engine),
        capture_output=True,
        text=True,
        env=run.environment(),
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _files(folder) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): GENERATOR.sub(b"", p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.startswith("sitemap.xml")
    }


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_the_engine_is_chosen_in_one_place(engine, monkeypatch):
    monkeypatch.setenv("ENGINE", engine)
    assert run.command("build")[1:] == ["-m", engine, "build"]


def test_properdocs_builds_the_same_site(tmp_path, real_site):
    other = "properdocs" if run.engine() == "mkdocs" else "mkdocs"
    _build_with(other, ROOT / "mkdocs.yml", tmp_path / "site")
    ours, theirs = _files(real_site.site_dir), _files(tmp_path / "site")
    assert sorted(ours) == sorted(theirs)
    different = [name for name in ours if ours[name] != theirs[name]]
    assert different == [], f"files that differ between engines: {different[:10]}"
