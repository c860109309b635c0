"""Load data/ once: parse every file, validate it into the model, cross-check it.

All problems from all files are collected and raised together as one
``DataError``; nothing is rendered from data that has a problem.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import checks
from .model import MunicipalityFile, ParticipationFile, Site, SiteSettings, Strategy, Theme
from .problems import DataError, Problem
from .schema import Context, build
from .yamlsource import MappingNode, Node, ScalarNode, parse


@dataclass(frozen=True)
class DataFile:
    """A data file whose top level is one model object."""

    relpath: str
    model: type
    root_label: str


SITE_FILE = DataFile("site.yml", SiteSettings, "site.yml")
MUNICIPALITY_FILE = DataFile("kommuner.yml", MunicipalityFile, "kommuner.yml")
PARTICIPATION_FILE = DataFile("vaer-med.yml", ParticipationFile, "vaer-med.yml")
STRATEGY_DIR = "strategier"


def _display(path: Path, data_dir: Path) -> str:
    """How editors see a file's name: relative to the project, e.g. data/strategier/x.yml."""
    return (Path(data_dir.name) / path.relative_to(data_dir)).as_posix()


def _theme_label(node: Node) -> str | None:
    """Peek at 'betegnelser: ental:' so problems in themes say 'fokusområde 3', not 'tema 3'."""
    if not isinstance(node, MappingNode):
        return None
    for key, value in node.value:
        if key.value == "betegnelser" and isinstance(value, MappingNode):
            for inner_key, inner in value.value:
                if inner_key.value == "ental" and isinstance(inner, ScalarNode) and inner.value.strip():
                    return str(inner.value).strip()
    return None


def _load_file(path: Path, data_dir: Path, spec: DataFile, problems: list[Problem]) -> Any:
    display = _display(path, data_dir)
    node, syntax = parse(path, display)
    problems.extend(syntax)
    if node is None:
        return None
    ctx = Context(display)
    label = _theme_label(node)
    if label:
        ctx.item_labels[Theme] = label
    value = build(node, spec.model, ctx, [], spec.root_label)
    problems.extend(ctx.problems)
    return value


def _load_required(data_dir: Path, spec: DataFile, problems: list[Problem]) -> Any:
    path = data_dir / spec.relpath
    if not path.is_file():
        problems.append(Problem(_display(path, data_dir), 1, "Filen mangler. Den skal findes, for at sitet kan bygges."))
        return None
    return _load_file(path, data_dir, spec, problems)


def strategy_files(data_dir: Path) -> list[Path]:
    return sorted((data_dir / STRATEGY_DIR).glob("*.yml"))


def check_site(data_dir: Path) -> tuple[Site | None, list[Problem]]:
    """Load and validate everything; return the site (if it could be built) and every problem."""
    problems: list[Problem] = []
    settings = _load_required(data_dir, SITE_FILE, problems)
    municipalities = _load_required(data_dir, MUNICIPALITY_FILE, problems)
    participation = _load_required(data_dir, PARTICIPATION_FILE, problems)
    strategies = []
    for path in strategy_files(data_dir):
        strategy = _load_file(path, data_dir, DataFile(path.name, Strategy, "strategien"), problems)
        if strategy is not None:
            strategies.append(strategy)
    if not strategy_files(data_dir):
        problems.append(Problem(f"{data_dir.name}/{STRATEGY_DIR}/", 1, "Der er ingen strategier (filer, der ender på .yml)."))
    if settings is None or municipalities is None or participation is None:
        return None, problems
    site = Site(
        settings=settings,
        municipalities=municipalities.municipalities,
        strategies=sorted(strategies, key=lambda s: (s.municipality or "", s.title or "")),
        participation=participation.entries,
    )
    problems.extend(checks.check(site))
    return site, problems


def _fingerprint(data_dir: Path) -> tuple[tuple[str, int, int], ...]:
    return tuple(
        (str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(data_dir.rglob("*.yml"))
    )


_cache: dict[Path, tuple[tuple[tuple[str, int, int], ...], Site]] = {}


def load_site(data_dir: Path) -> Site:
    """The validated site. Cached until a file in data/ changes; raises DataError listing every problem."""
    data_dir = Path(data_dir).resolve()
    stamp = _fingerprint(data_dir)
    cached = _cache.get(data_dir)
    if cached and cached[0] == stamp:
        return cached[1]
    site, problems = check_site(data_dir)
    if problems or site is None:
        raise DataError(problems)
    _cache[data_dir] = (stamp, site)
    return site
