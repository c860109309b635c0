"""``--profile N``: one strict build of N strategies under cProfile, with the top costs as text.

The build runs in a child (``python -m cProfile -m mkdocs build``), like the timed builds, so the profile
shows what an editor's build spends its time on, start-up included.
"""

from __future__ import annotations

import os
import pstats
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from bench import ROOT, log
from bench.synthetic import make_site

_OURS_AND_ENGINE = ("macros/", "mkdocs", "material", "jinja2", "markdown/", "yaml/")


def _where(filename: str) -> str:
    """A file name relative to site-packages or the repository, so the table stays narrow."""
    for prefix in ("site-packages/", str(ROOT) + "/"):
        if prefix in filename:
            return filename.split(prefix, 1)[1]
    return filename


def profile(strategies: int, work: Path, sentences: Sequence[str], top: int) -> str:
    """One ``mkdocs build --strict`` of ``strategies`` strategies under cProfile; the top costs as text."""
    log(f"\n== cProfile: mkdocs build --strict, {strategies} strategier ==")
    site = make_site(work / f"profile-{strategies}", strategies, sentences)
    stats_file = work / f"profile-{strategies}.pstats"
    command = [
        sys.executable,
        "-m",
        "cProfile",
        "-o",
        str(stats_file),
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-q",
        "-f",
        str(site.config),
        "-d",
        str(work / f"site-profile-{strategies}"),
    ]
    start = time.perf_counter()
    subprocess.run(command, check=True, cwd=site.root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    wall = time.perf_counter() - start
    stats = pstats.Stats(str(stats_file))
    raw = stats.stats  # type: ignore[attr-defined]  # pstats keeps its table undocumented but stable
    rows = [(_where(file), line, func, cc, nc, tt, ct) for (file, line, func), (cc, nc, tt, ct, _) in raw.items()]
    total = stats.total_tt  # type: ignore[attr-defined]
    out = [
        f"cProfile, {strategies} strategier: {wall:.1f} s med profileren (den gør bygningen 2-3 gange "
        f"langsommere), {total:.1f} s profileret tid",
        "",
    ]
    for title, column in (
        ("Mest samlet tid (cumulative), egne moduler og MkDocs/Material/macros", 6),
        ("Mest egen tid (tottime)", 5),
    ):
        out += [title, f"{'cum s':>8} {'own s':>8} {'calls':>10}  function"]
        chosen = sorted(rows, key=lambda r: r[column], reverse=True)
        if column == 6:
            chosen = [r for r in chosen if r[0].startswith(_OURS_AND_ENGINE)]
        for file, line, func, _cc, nc, tt, ct in chosen[:top]:
            out.append(f"{ct:8.2f} {tt:8.2f} {nc:10d}  {file}:{line}:{func}")
        out.append("")
    return "\n".join(out)
