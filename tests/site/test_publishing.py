"""Publishing with `make build` (macros/build.py): the published folder is always a whole site, old or new.

A killed build, two builds at once, or a full disk must leave the previous site in place, say what
happened in Danish without a traceback, and leave nothing behind that the next build does not clean up.
"""

from __future__ import annotations

import errno
import hashlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import ROOT, copy_fixture
from macros import build as publishing


def _fingerprint(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


def _command(site: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "macros.build", str(site / "mkdocs.yml"), str(out)]


def _build(site: Path, out: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        _command(site, out), capture_output=True, text=True, timeout=300, cwd=ROOT, env={**os.environ, **(env or {})}
    )


def _leftovers(out: Path) -> list[Path]:
    return sorted(out.parent.glob(f".{out.name}-ny-*")) + sorted(out.parent.glob(f".{out.name}-gammel*"))


def _change_title(site: Path) -> None:
    """A visible change, so a new build differs from the published one."""
    path = site / "data" / "strategier" / "testrup-voksne.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "titel: Strategi for voksne i Testrup", "titel: Strategi for voksne i Testrup (ny)", 1
        ),
        encoding="utf-8",
    )


@pytest.fixture
def published(tmp_path: Path) -> tuple[Path, Path]:
    """A fixture site and a folder it has been published to once."""
    site = copy_fixture("one-municipality", tmp_path)
    out = tmp_path / "public" / "site"
    result = _build(site, out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (out / "index.html").is_file() and not out.is_symlink()
    return site, out


def test_killed_build_leaves_the_old_site_and_the_next_build_cleans_up(published):
    site, out = published
    before = _fingerprint(out)
    _change_title(site)
    proc = subprocess.Popen(
        _command(site, out), cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while not any(p.is_dir() and any(p.iterdir()) for p in out.parent.glob(".site-ny-*")):
        assert proc.poll() is None, "the build ended before it could be killed"
        assert time.monotonic() < deadline, "the build never started writing"
        time.sleep(0.005)
    os.killpg(proc.pid, signal.SIGKILL)  # the build and the MkDocs process it started
    proc.wait(timeout=30)

    assert _fingerprint(out) == before
    assert _leftovers(out), "the kill should have left a staging folder behind"
    result = _build(site, out)
    assert result.returncode == 0, result.stderr
    assert _leftovers(out) == []
    assert "Strategi for voksne i Testrup (ny)" in (out / "strategier" / "testrup-voksne" / "index.html").read_text(
        encoding="utf-8"
    )


def test_two_overlapping_builds_both_end_well(published):
    site, out = published
    _change_title(site)
    first = subprocess.Popen(_command(site, out), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    second = subprocess.Popen(_command(site, out), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    outputs = [proc.communicate(timeout=300) for proc in (first, second)]
    errors = "".join(err for _, err in outputs)
    assert [first.returncode, second.returncode] == [0, 0], errors
    assert "Traceback" not in errors
    assert "Et andet byg af site/ er i gang. Venter, til det er færdigt" in errors
    assert (out / "index.html").is_file() and _leftovers(out) == []


_FULL_DISK = textwrap.dedent("""
    # Loaded by every Python process of the test build: writing into a staging folder fails as on a full disk.
    import builtins, errno, os
    _open = builtins.open
    def _full(file, mode="r", *args, **kwargs):
        if isinstance(file, (str, bytes, os.PathLike)) and "/.site-ny-" in os.fsdecode(file) \\
                and any(flag in mode for flag in "wax+"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), os.fsdecode(file))
        return _open(file, mode, *args, **kwargs)
    builtins.open = _full
""")


def test_full_disk_during_the_build_gives_a_danish_message_and_keeps_the_old_site(published, tmp_path):
    site, out = published
    before = _fingerprint(out)
    inject = tmp_path / "full-disk"
    inject.mkdir()
    (inject / "sitecustomize.py").write_text(_FULL_DISK, encoding="utf-8")
    _change_title(site)
    result = _build(site, out, env={"PYTHONPATH": str(inject)})
    assert result.returncode != 0
    assert "Der er ikke plads nok på disken" in result.stderr, result.stderr
    assert "Det tidligere site" in result.stderr
    assert "Traceback" not in result.stderr and "Errno" not in result.stderr, result.stderr
    assert _fingerprint(out) == before
    assert _leftovers(out) == []


def test_full_disk_before_the_build_starts_gives_a_danish_message(tmp_path, monkeypatch, capsys):
    def full(*args: object, **kwargs: object) -> str:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(publishing.tempfile, "mkdtemp", full)
    out = tmp_path / "site"
    assert publishing.build(ROOT / "mkdocs.yml", out) == 1
    err = capsys.readouterr().err
    assert "Der er ikke plads nok på disken" in err and "Det tidligere site" in err


def test_without_an_atomic_exchange_two_renames_still_publish(published, monkeypatch):
    site, out = published
    monkeypatch.setattr(publishing, "_exchange", lambda first, second: False)
    _change_title(site)
    assert publishing.build(site / "mkdocs.yml", out) == 0
    assert "(ny)" in (out / "strategier" / "testrup-voksne" / "index.html").read_text(encoding="utf-8")
    assert _leftovers(out) == []


def test_a_crash_between_two_renames_is_repaired_by_the_next_build(tmp_path):
    out = tmp_path / "site"
    backup = tmp_path / ".site-gammel"
    backup.mkdir()
    (backup / "index.html").write_text("gammelt site", encoding="utf-8")
    publishing._clean_leftovers(out)
    assert (out / "index.html").read_text(encoding="utf-8") == "gammelt site"
    assert not backup.exists()


def test_build_leftovers_are_ignored_by_git():
    paths = [".site.lock", ".site-ny-abc123/index.html", ".site-gammel/index.html"]
    result = subprocess.run(["git", "check-ignore", *paths], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.split() == paths
