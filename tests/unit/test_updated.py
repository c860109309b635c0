"""'Sidst opdateret': dates from a real git repository's history, and the fallback without one."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from macros import updated


def _git(root: Path, *args: str, date: str | None = None) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
    }
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{date}T12:00:00+01:00"
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.fail("git is needed to read the pages' history")
    root = tmp_path / "site"
    (root / "docs").mkdir(parents=True)
    (root / "data" / "strategier").mkdir(parents=True)
    _git(root, "init", "-q")
    (root / "docs" / "om.md").write_text("# Om\n", encoding="utf-8")
    (root / "data" / "strategier" / "kalundborg-børn-og-unge.yml").write_text("id: a\n", encoding="utf-8")
    (root / "data" / "strategier" / "faxe-voksne.yml").write_text("id: b\n", encoding="utf-8")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "first", date="2024-12-04")
    (root / "data" / "strategier" / "faxe-voksne.yml").write_text("id: b\nx: 1\n", encoding="utf-8")
    _git(root, "commit", "-q", "-am", "second", date="2025-03-17")
    return root


def test_each_file_gets_the_date_of_its_last_commit(repo: Path):
    strategies = repo / "data" / "strategier"
    assert updated.updated_for([repo / "docs" / "om.md"], repo) == dt.date(2024, 12, 4)
    assert updated.updated_for([strategies / "faxe-voksne.yml"], repo) == dt.date(2025, 3, 17)
    # Non-ASCII names (git quotes them unless told not to) and paths relative to the project folder.
    assert updated.updated_for([Path("data/strategier/kalundborg-børn-og-unge.yml")], repo) == dt.date(2024, 12, 4)


def test_a_page_from_many_files_gets_the_newest_and_a_folder_stands_for_its_files(repo: Path):
    strategies = repo / "data" / "strategier"
    both = [strategies / "kalundborg-børn-og-unge.yml", strategies / "faxe-voksne.yml"]
    assert updated.updated_for(both, repo) == dt.date(2025, 3, 17)
    assert updated.updated_for([repo / "data"], repo) == dt.date(2025, 3, 17)


def test_a_file_not_yet_committed_gets_its_modification_date(repo: Path):
    new = repo / "docs" / "ny.md"
    new.write_text("# Ny\n", encoding="utf-8")
    stamp = time.mktime((2026, 1, 2, 10, 0, 0, 0, 0, -1))
    os.utime(new, (stamp, stamp))
    assert updated.updated_for([new], repo) == dt.date(2026, 1, 2)


def test_a_new_commit_is_seen_by_the_next_build(repo: Path):
    page = repo / "docs" / "om.md"
    assert updated.updated_for([page], repo) == dt.date(2024, 12, 4)
    page.write_text("# Om sitet\n", encoding="utf-8")
    time.sleep(0.01)
    _git(repo, "commit", "-q", "-am", "third", date="2026-02-01")
    assert updated.updated_for([page], repo) == dt.date(2026, 2, 1)


def test_outside_a_git_checkout_every_file_gets_its_modification_date(tmp_path: Path):
    page = tmp_path / "docs" / "om.md"
    page.parent.mkdir()
    page.write_text("# Om\n", encoding="utf-8")
    stamp = time.mktime((2025, 6, 30, 10, 0, 0, 0, 0, -1))
    os.utime(page, (stamp, stamp))
    assert updated.updated_for([page], tmp_path) == dt.date(2025, 6, 30)
    assert updated.updated_for([tmp_path / "docs" / "findes-ikke.md"], tmp_path) is None


@pytest.mark.parametrize("prefetched", [False, True])
def test_the_log_is_read_once_for_all_pages(repo: Path, monkeypatch: pytest.MonkeyPatch, prefetched: bool):
    """Once per build, also when the build started it early (``prefetch``, as the plugin does)."""
    expected = updated.parse_log(
        subprocess.run(
            ["git", "-C", str(repo), "log", "--format=%x00%cs", "--name-only", "--relative", "--", "."],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    calls = []
    real_popen = subprocess.Popen

    def counting_popen(*args, **kwargs):
        calls.append(args[0])
        return real_popen(*args, **kwargs)

    monkeypatch.setattr(updated.subprocess, "Popen", counting_popen)
    updated._git_dates.cache_clear()
    updated._read.clear()
    if prefetched:
        updated.prefetch(repo)
        updated.prefetch(repo)  # a second call starts nothing
    for _ in range(50):
        updated.updated_for([repo / "docs" / "om.md"], repo)
        updated.updated_for([repo / "data"], repo)
    assert len(calls) == 1
    assert updated.git_dates(repo) == expected and expected
    updated.prefetch(repo)  # already read: nothing is started
    assert len(calls) == 1 and not updated._started


def test_parse_log_keeps_the_newest_date_per_file():
    log = "\0" + "2025-03-17\n\ndata/a.yml\n" + "\0" + "2024-12-04\n\ndata/a.yml\ndocs/om.md\n"
    assert updated.parse_log(log) == {"data/a.yml": dt.date(2025, 3, 17), "docs/om.md": dt.date(2024, 12, 4)}


def test_sources_of_hand_written_and_generated_pages(tmp_path: Path):
    docs, data = tmp_path / "docs", tmp_path / "data"
    assert updated.sources_for(docs, "om.md", None, False, data) == [docs / "om.md"]
    assert updated.sources_for(docs, "strategier/x/index.md", "data/strategier/x.yml", True, data) == [
        Path("data/strategier/x.yml")
    ]
    assert updated.sources_for(docs, "hvad-kan-du-gøre/borger.md", None, True, data) == [data]
