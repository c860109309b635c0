"""What the figures were measured on: code version, CPU, memory, system and library versions.

Timings mean nothing without the machine and the commit; uncommitted changes outside bench/ are named,
because they change the build that was measured (changes in bench/ do not).
"""

from __future__ import annotations

import importlib.metadata
import os
import platform
import re
import subprocess
from pathlib import Path

from bench import ROOT

_LIBRARIES = ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "Markdown", "Jinja2", "PyYAML")


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "ukendt"


def _memory() -> str:
    try:
        match = re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text())
    except OSError:
        return ""
    return f"{int(match.group(1)) / 1024 / 1024:.0f} GB" if match else ""


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def _code() -> str:
    """The commit, and the files outside bench/ that differ from it."""
    try:
        commit = subprocess.run(
            ["git", "log", "-1", "--format=%h %s"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        status = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True, text=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return "ukendt (ikke et git-arkiv)"
    dirty = [line[3:] for line in status.splitlines() if not line[3:].startswith("bench/")]
    return commit + (f" (+ ikke-committede ændringer i {', '.join(dirty)})" if dirty else "")


def machine() -> dict[str, str]:
    """Label -> value, in the order the report lists them."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "Kode": _code(),
        "CPU": f"{_cpu()}, {cores} kerner (os.cpu_count: {os.cpu_count()}), {_memory()} RAM",
        "System": platform.platform(),
        "Python": platform.python_version(),
        "Versioner": ", ".join(f"{n} {_version(n)}" for n in _LIBRARIES),
    }
