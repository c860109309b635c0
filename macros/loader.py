"""Load data/ once: parse every file, validate it into the model, cross-check it.

All problems from all files are collected and raised together as one
``DataError``; nothing is rendered from data that has a problem.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import checks
from .convert import Context, build, suggest
from .model import MunicipalityFile, ParticipationFile, Site, SiteSettings, Strategy, Theme
from .problems import DataError, Problem
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


# The model objects and problems of each file, by path, while its bytes are unchanged: a save under
# `make serve` parses the one file that changed, not every strategy of a national site (reading and hashing
# a file costs a fraction of parsing and checking it).
_file_cache: dict[Path, tuple[bytes, str, Any, list[Problem]]] = {}


def _load_file(path: Path, data_dir: Path, spec: DataFile, problems: list[Problem]) -> Any:
    try:
        stamp = hashlib.blake2b(path.read_bytes(), digest_size=16).digest()
    except OSError:
        stamp = b""  # unreadable: parse() reports it
    display = _display(path, data_dir)
    cached = _file_cache.get(path)
    if stamp and cached and cached[0] == stamp and cached[1] == display:
        problems.extend(cached[3])
        return cached[2]
    found: list[Problem] = []
    value = _read_file(path, display, spec, found)
    _file_cache[path] = (stamp, display, value, found)
    problems.extend(found)
    return value


def _read_file(path: Path, display: str, spec: DataFile, problems: list[Problem]) -> Any:
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
        problems.append(
            Problem(
                _display(path, data_dir), 1, "Filen mangler. Den skal findes, for at sitet kan bygges.", "missing-file"
            )
        )
        return None
    return _load_file(path, data_dir, spec, problems)


def strategy_files(data_dir: Path) -> list[Path]:
    return sorted((data_dir / STRATEGY_DIR).glob("*.yml"))


def _read_paths(data_dir: Path) -> set[Path]:
    required = {data_dir / spec.relpath for spec in (SITE_FILE, MUNICIPALITY_FILE, PARTICIPATION_FILE)}
    return required | set(strategy_files(data_dir))


def _looks_like_data(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in (".yml", ".yaml") and not path.name.startswith(".")


def _rename_to(path: Path, data_dir: Path) -> str | None:
    """The name a misnamed data file should have, when it is clear which file was meant."""
    lower = path.with_suffix(".yml").name.lower()
    if path.parent == data_dir / STRATEGY_DIR:
        return path.with_suffix(".yml").name if path.suffix != ".yml" else lower
    if path.parent == data_dir and lower in {s.relpath for s in (SITE_FILE, MUNICIPALITY_FILE, PARTICIPATION_FILE)}:
        return lower
    return None


def ignored_files(data_dir: Path) -> list[Problem]:
    """Files in data/ that look like data but are never read: '*.yaml', '*.YML', 'Kommuner.yml', stray files."""
    read = _read_paths(data_dir)
    problems = []
    for path in sorted(data_dir.rglob("*")):
        if path in read or not _looks_like_data(path):
            continue
        target = _rename_to(path, data_dir)
        if target and target != path.name:
            advice = f"Omdøb den til '{target}'."
        else:
            advice = (
                f"Kun {SITE_FILE.relpath}, {MUNICIPALITY_FILE.relpath}, {PARTICIPATION_FILE.relpath} og "
                f"filer i {data_dir.name}/{STRATEGY_DIR}/, der ender på .yml, bliver læst. "
                "Flyt eller slet filen."
            )
        problems.append(
            Problem(_display(path, data_dir), 1, f"Filen '{path.name}' bliver ikke læst. {advice}", "ignored-file")
        )
    return problems


def _preview_problem(data_dir: Path, only: str) -> Problem:
    ids = [p.stem for p in strategy_files(data_dir)]
    near = suggest(only, ids)
    return Problem(
        f"{data_dir.name}/{STRATEGY_DIR}/",
        1,
        f"Der er ingen strategi med id '{only}' at forhåndsvise (filen {data_dir.name}/{STRATEGY_DIR}/{only}.yml "
        "findes ikke)."
        + (f" Mente du '{near}'?" if near else "")
        + f" Id'et er filens navn uden .yml; strategierne ligger i {data_dir.name}/{STRATEGY_DIR}/.",
        "unknown-preview-strategy",
    )


def check_site(data_dir: Path, only: str | None = None) -> tuple[Site | None, list[Problem]]:
    """Load and validate everything; return the site (if it could be built) and every problem.

    ``only``: the id of one strategy to preview (``make serve STRATEGI=<id>``). Only its file is read, with
    the shared files, and only its "Vær med" entries are kept, so a preview stays fast on a national site.
    """
    problems: list[Problem] = []
    if only is not None and not (data_dir / STRATEGY_DIR / f"{only}.yml").is_file():
        return None, [_preview_problem(data_dir, only)]
    settings = _load_required(data_dir, SITE_FILE, problems)
    municipalities = _load_required(data_dir, MUNICIPALITY_FILE, problems)
    participation = _load_required(data_dir, PARTICIPATION_FILE, problems)
    strategies = []
    unreadable: set[str] = set()  # ids of strategy files that could not be read, by their file name
    for path in strategy_files(data_dir):
        if only is not None and path.stem != only:
            continue
        strategy = _load_file(path, data_dir, DataFile(path.name, Strategy, "strategien"), problems)
        if strategy is not None:
            strategies.append(strategy)
        if strategy is None or strategy.id is None:
            unreadable.add(path.stem)
    if not strategy_files(data_dir):
        problems.append(
            Problem(
                f"{data_dir.name}/{STRATEGY_DIR}/",
                1,
                "Der er ingen strategier (filer, der ender på .yml).",
                "no-strategies",
            )
        )
    problems.extend(ignored_files(data_dir))
    if settings is None or municipalities is None or participation is None:
        return None, problems
    site = Site(
        settings=settings,
        municipalities=municipalities.municipalities,
        strategies=sorted(strategies, key=lambda s: (s.municipality or "", s.title or "")),
        participation=[e for e in participation.entries if only is None or e.strategy == only],
    )
    problems.extend(checks.check(site, unreadable))
    return site, problems


def _fingerprint(data_dir: Path) -> tuple[tuple[str, int, int], ...]:
    return tuple(
        (str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(data_dir.rglob("*")) if _looks_like_data(p)
    )


_cache: dict[tuple[Path, str | None], tuple[tuple[tuple[str, int, int], ...], Site]] = {}


def load_site(data_dir: Path, only: str | None = None) -> Site:
    """The validated site (or one strategy of it, see check_site). Cached until a file in data/ changes;
    raises DataError listing every problem."""
    data_dir = Path(data_dir).resolve()
    stamp = _fingerprint(data_dir)
    cached = _cache.get((data_dir, only))
    if cached and cached[0] == stamp:
        return cached[1]
    site, problems = check_site(data_dir, only)
    if problems or site is None:
        raise DataError(problems)
    _cache[(data_dir, only)] = (stamp, site)
    return site
