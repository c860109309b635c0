"""YAML in and out for the benchmark: data files written the way editors write them, and mkdocs.yml read.

Kept apart from the generator because the plain baseline writes its mkdocs.yml with the same dumper and
reads the repository's mkdocs.yml, whose ``!!python/name`` tags a safe loader would refuse.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from bench import ROOT


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # editors write every value out; no &anchors or *aliases


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    """Multi-line text as a ``|`` block, as the editors' guide asks for."""
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _represent_str)


def write_yaml(path: Path, data: Any) -> None:
    """Write ``data`` in key order, UTF-8 as is (æ, ø, å unescaped), one value per line."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1_000_000), encoding="utf-8"
    )


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml; !!python/name values (our slugify) become None."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def repo_config() -> dict[str, Any]:
    """The repository's mkdocs.yml as plain data (what the baseline copies its theme settings from)."""
    config: dict[str, Any] = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    return config
