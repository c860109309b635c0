"""The one place that says how to run the site engine: ``python -m <engine> <command> …``.

The project runs on MkDocs 1.6 (no longer released) and on ProperDocs, the maintained MkDocs 1.x fork,
which builds it byte for byte alike apart from the generator tag. ``ENGINE=properdocs`` selects it for
``make build``, ``make serve``, the tests and the benchmark. This module imports neither engine.
"""

from __future__ import annotations

import os
import sys

ENGINES = ("mkdocs", "properdocs")


def engine() -> str:
    """The engine chosen with the ENGINE environment variable (default: mkdocs)."""
    name = os.environ.get("ENGINE", "mkdocs") or "mkdocs"
    if name not in ENGINES:
        raise SystemExit(f"ENGINE={name} kendes ikke. Mulige værdier: {', '.join(ENGINES)}.")
    return name


def command(*args: str, name: str | None = None) -> list[str]:
    """The command line that runs the engine (``name``, or the chosen one) with ``args``, in this Python."""
    return [sys.executable, "-m", name or engine(), *args]


def environment() -> dict[str, str]:
    """The environment for an engine process: MkDocs' banner about MkDocs 2 is not for our readers."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
