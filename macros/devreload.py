"""Live preview of Python changes: re-import this package's modules when one of their files has changed.

``mkdocs serve`` rebuilds when a watched file changes, but Python keeps the modules it imported the first
time. The site plugin calls :func:`reload_if_changed` at the start of every build it makes while serving,
so a change to a macro, the data model or the validation shows up on the next reload of the page.
Modules are re-imported dependencies first (``from .x import`` / ``from . import x``), the package last.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import sys
from pathlib import Path

PACKAGE = __name__.rpartition(".")[0]
_seen: dict[str, float] = {}


def _modules() -> dict[str, Path]:
    """The package's loaded submodules and their files."""
    prefix = PACKAGE + "."
    return {
        name: Path(str(module.__file__))
        for name, module in list(sys.modules.items())
        if name.startswith(prefix) and getattr(module, "__file__", None)
    }


def _dependencies(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The package's modules that ``name`` imports with a relative import (``from .x``, ``from ..x``, ``from . import x``)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = importlib.util.resolve_name("." * node.level + (node.module or ""), package)
            found |= {base, *(f"{base}.{alias.name}" for alias in node.names)}
    return (found & set(modules)) - {name}


def _order(modules: dict[str, Path]) -> list[str]:
    """Submodules sorted so that each comes after the modules of the package it imports."""
    depends = {name: _dependencies(name, path, modules) for name, path in modules.items()}
    ordered: list[str] = []

    def visit(name: str, path: tuple[str, ...] = ()) -> None:
        if name in ordered or name in path:
            return
        for dependency in sorted(depends[name]):
            visit(dependency, path + (name,))
        ordered.append(name)

    for name in sorted(modules):
        visit(name)
    return ordered


def _stamps() -> dict[str, float]:
    package = sys.modules[PACKAGE]
    files = {**_modules(), PACKAGE: Path(str(package.__file__))}
    return {name: path.stat().st_mtime for name, path in files.items() if path.exists()}


def reload_if_changed() -> list[str]:
    """Re-import every module of the package if any of its files changed since the last call; returns them."""
    global _seen
    stamps = _stamps()
    if not _seen or stamps == _seen:
        _seen = stamps
        return []
    reloaded = []
    for name in _order(_modules()):
        importlib.reload(sys.modules[name])
        reloaded.append(name)
    importlib.reload(sys.modules[PACKAGE])
    reloaded.append(PACKAGE)
    _seen = _stamps()
    return reloaded
