"""When each page's sources last changed, for "Sidst opdateret" on every page.

The date comes from the project's git history, never from a hand-typed field, so it cannot go stale.
One `git log` call per build reads the whole history (newest commit first) into a map from file to the
date of the last commit that touched it; every page is then a dictionary lookup, which keeps the build
fast at thousands of pages. Files git does not know (not a checkout, git missing, or a new file not yet
committed) fall back to their modification date.

A shallow clone (CI with fetch-depth 1) knows only its last commit, so every file gets that commit's
date: check out the full history where the dates matter.

No MkDocs here: the plugin decides which files a page comes from and calls `updated_for`.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from functools import lru_cache
from pathlib import Path

GIT_TIMEOUT = 60  # seconds; the log of a large repository is read once per build


def parse_log(output: str) -> dict[str, dt.date]:
    """Map each path to the date of the newest commit that touched it.

    Expects `git log --format=%x00%cs --name-only` output: a NUL and the commit date, then the commit's
    paths one per line, newest commit first, so the first date seen for a path is its latest change.
    """
    dates: dict[str, dt.date] = {}
    for record in output.split("\0")[1:]:
        lines = [line for line in record.splitlines() if line.strip()]
        if not lines:
            continue
        try:
            when = dt.date.fromisoformat(lines[0].strip())
        except ValueError:
            continue
        for path in lines[1:]:
            dates.setdefault(_unquote(path.strip()), when)
    return dates


def _unquote(path: str) -> str:
    """Undo git's C-style quoting of unusual names (only used when core.quotePath is on)."""
    if not (path.startswith('"') and path.endswith('"')):
        return path
    raw = path[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape")
    return raw.encode("latin-1").decode("utf-8", "replace")


def git_dates(root: Path) -> dict[str, dt.date]:
    """Last-commit date of every file under `root` (paths relative to it); empty when git cannot tell."""
    key = _index_stamp(root)
    return _git_dates(root.resolve(), key)


# git processes started by `prefetch` and not yet read, by (folder, stamp)
_started: dict[tuple[Path, float], subprocess.Popen[str] | None] = {}
_read: set[tuple[Path, float]] = set()


def prefetch(root: Path) -> None:
    """Start reading the history now; the first page that needs it takes the answer (issue 15: git runs
    while the build validates data and renders pages, instead of the build waiting for it)."""
    key = (root.resolve(), _index_stamp(root))
    if key not in _read and key not in _started:
        _started[key] = _start_log(key[0])


def _start_log(root: Path) -> subprocess.Popen[str] | None:
    try:
        return subprocess.Popen(
            ["git", "-c", "core.quotePath=false", "-C", str(root), "log", "--format=%x00%cs", "--name-only"]
            + ["--relative", "--", "."],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
        )
    except OSError:
        return None  # no git: every file falls back to its modification date


def _index_stamp(root: Path) -> float:
    """Changes when a commit is made, so `mkdocs serve` sees new history without reading it on every page."""
    try:
        return (root / ".git" / "index").stat().st_mtime
    except OSError:
        return 0.0


@lru_cache(maxsize=8)
def _git_dates(root: Path, stamp: float) -> dict[str, dt.date]:
    key = (root, stamp)
    proc = _started.pop(key) if key in _started else _start_log(root)
    _read.add(key)
    if proc is None:
        return {}
    try:
        output, _ = proc.communicate(timeout=GIT_TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return {}
    return parse_log(output) if proc.returncode == 0 else {}


def _relative(path: Path, root: Path) -> str:
    """``path`` (resolved, like ``root``) relative to the project folder, as git names it."""
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()


def _file_date(path: Path, rel: str, dates: dict[str, dt.date]) -> dt.date | None:
    """A file's last commit date, or its modification date when git does not know it."""
    if rel in dates:
        return dates[rel]
    try:
        return dt.date.fromtimestamp(path.stat().st_mtime)
    except OSError:
        return None


def updated_for(paths: list[Path], root: Path) -> dt.date | None:
    """The newest change among a page's source files (a folder stands for every file in it).

    `paths` are absolute or relative to `root`, the project folder. None when none of them exists.
    """
    dates = git_dates(root)
    root = root.resolve()  # once: resolving every file of data/ for every page was most of a preview's rebuild
    found: list[dt.date] = []
    for path in paths:
        absolute = (path if path.is_absolute() else root / path).resolve()
        if absolute.is_dir():
            files = [item for item in absolute.rglob("*") if item.is_file()]
        else:
            files = [absolute]
        for item in files:
            when = _file_date(item, _relative(item, root), dates)
            if when is not None:
                found.append(when)
    return max(found) if found else None


def sources_for(docs_dir: Path, src_uri: str, data_source: str | None, generated: bool, data_dir: Path) -> list[Path]:
    """The files a page is written from: its Markdown file, or the data file it is generated from.

    Generated pages without a single data file (the guides and the indexes, drawn from every strategy)
    stand for the whole data folder, so they show the newest change in any of it.
    """
    if not generated:
        return [docs_dir / src_uri]
    return [Path(data_source)] if data_source else [data_dir]
