"""Timed builds: ``mkdocs build --strict`` in a fresh child process, ours and the plain baseline, per size.

Each build is its own process so that imports and start-up count, as they do for an editor; ``os.wait4``
returns the rusage of exactly that child (CPU time, peak memory), not a high-water mark over all children.
``bench_size`` also weighs a theme page, the search index and the whole output.
"""

from __future__ import annotations

import dataclasses
import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench import log
from bench.plain import make_plain_site
from bench.reader import ReaderFigures, measure
from bench.synthetic import make_site, municipality_count
from macros.engine import search


@dataclasses.dataclass
class Build:
    wall: float  # seconds, process start to exit (what `mkdocs build --strict` costs a user)
    built_in: float  # seconds MkDocs reports for the build itself (after imports and config)
    peak_mb: float  # the child's own peak resident memory
    pages: int  # index.html files in the output
    cpu: float  # user + system CPU seconds of the child: less disturbed than wall time by other load
    load: float  # 1-minute load average of the machine when the build started

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.wall / self.pages


def timed_build(config: Path, out: Path) -> Build:
    """``mkdocs build --strict`` in a fresh child; its own rusage via wait4 (not a high-water mark of all)."""
    if out.exists():
        shutil.rmtree(out)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(out)]
    load = os.getloadavg()[0]
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        proc = subprocess.Popen(
            command,
            stdout=output,
            stderr=subprocess.STDOUT,
            cwd=config.parent,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        raise SystemExit(f"Bygningen af {config} fejlede ({proc.returncode}):\n{text[-4000:]}")
    match = re.search(r"Documentation built in ([\d.]+) seconds", text)
    pages = sum(1 for _ in out.rglob("index.html"))
    return Build(
        wall,
        float(match.group(1)) if match else float("nan"),
        usage.ru_maxrss / 1024,
        pages,
        usage.ru_utime + usage.ru_stime,
        load,
    )


def timed_search(site_dir: Path) -> float:
    """Pagefind's command line over a built site, as a plain Material site would add it after ``mkdocs build``."""
    start = time.perf_counter()
    subprocess.run(search.command(site_dir), capture_output=True, check=True)
    return time.perf_counter() - start


def gz_size(path: Path) -> tuple[int, int]:
    """Raw and gzipped (level 6, a web server's default) size of a file."""
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, compresslevel=6))


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


@dataclasses.dataclass
class SizeResult:
    strategies: int
    municipalities: int
    yaml_kb: float
    ours: list[Build]
    plain: list[Build]
    weights: dict[str, tuple[int, int]]
    reader: ReaderFigures = dataclasses.field(default_factory=ReaderFigures)  # first visit and first search
    # Seconds of Pagefind's command line over each plain build: what Pagefind adds to a plain Material site.
    plain_search: list[float] = dataclasses.field(default_factory=list)

    def median(self, which: str, attr: str) -> float:
        runs = self.ours if which == "ours" else self.plain
        return statistics.median(getattr(run, attr) for run in runs)


def _log_run(r: int, repeat: int, which: str, run: Build) -> None:
    log(
        f"  [{r + 1}/{repeat}] {which}:  {run.wall:7.2f} s  ({run.pages} sider, {run.ms_per_page:6.1f} "
        f"ms/side, {run.peak_mb:5.0f} MB, CPU {run.cpu:6.1f} s, load {run.load:.1f})"
    )


def _weigh(out: Path, theme_url: str, which: str, weights: dict[str, tuple[int, int]]) -> None:
    weights[f"{which}_theme"] = gz_size(out / theme_url / "index.html")
    # Material's whole search index; our site searches with Pagefind (fetched in chunks), so it has none (0).
    index = out / "search" / "search_index.json"
    weights[f"{which}_search"] = gz_size(index) if index.exists() else (0, 0)
    weights[f"{which}_total"] = (dir_size(out), 0)


def bench_size(strategies: int, repeat: int, work: Path, sentences: Sequence[str]) -> SizeResult:
    """``repeat`` builds of a ``strategies``-strategy site and of its plain baseline, alternating."""
    log(f"\n== {strategies} strategier ==")
    t = time.perf_counter()
    site = make_site(work / f"ours-{strategies}", strategies, sentences)
    yaml_kb = sum(p.stat().st_size for p in (site.root / "data" / "strategier").glob("*.yml")) / 1024
    log(
        f"  data genereret og valideret med macros.loader.check_site ({time.perf_counter() - t:.1f} s, "
        f"{yaml_kb / strategies:.1f} kB YAML pr. strategi)"
    )
    plain_root = work / f"plain-{strategies}"
    ours_runs: list[Build] = []
    plain_runs: list[Build] = []
    plain_search: list[float] = []
    weights: dict[str, tuple[int, int]] = {}
    reader = ReaderFigures()
    for r in range(repeat):
        out = work / f"site-ours-{strategies}"
        run = timed_build(site.config, out)
        ours_runs.append(run)
        _log_run(r, repeat, "vores", run)
        if r == 0:
            make_plain_site(site, out, plain_root)
            _weigh(out, site.theme_url, "ours", weights)
            reader = measure(out)
            log(
                f"  første besøg {reader.first_visit_bytes} B, første søgning {reader.search_bytes} B på "
                f"{reader.search_seconds:.2f} s{' (' + reader.failure + ')' if reader.failure else ''}"
            )
        shutil.rmtree(out)
        plain_out = work / f"site-plain-{strategies}"
        run = timed_build(plain_root / "mkdocs.yml", plain_out)
        plain_runs.append(run)
        _log_run(r, repeat, "plain", run)
        plain_search.append(timed_search(plain_out))
        log(f"         plain + Pagefind: {run.wall + plain_search[-1]:7.2f} s (Pagefind {plain_search[-1]:.2f} s)")
        if r == 0:
            _weigh(plain_out, site.theme_url, "plain", weights)
        shutil.rmtree(plain_out)
    if ours_runs[0].pages != plain_runs[0].pages:
        log(f"  ADVARSEL: {ours_runs[0].pages} sider hos os, {plain_runs[0].pages} i baseline")
    return SizeResult(
        strategies, municipality_count(strategies), yaml_kb, ours_runs, plain_runs, weights, reader, plain_search
    )
