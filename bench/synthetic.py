"""Synthetic sites for the benchmark and the tests: strategies from ``bench.strategy`` over made-up municipalities.

The municipalities are fictional and their web addresses end in ``.example``; the strategies are written
through the model (see ``bench.strategy``).

- ``make_site``: a whole site for the benchmark (``data/`` validated with ``macros.loader.check_site``,
  the real ``docs/``, a ``mkdocs.yml`` that inherits the repository's, like the fixtures in tests/fixtures);
- ``write_data``: only its ``data/`` (what the unit test validates);
- ``add_strategies``: more strategies, over two municipalities, in an existing site's ``data/`` (what the
  page-weight test adds to a copy of the one-municipality fixture).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from bench import ROOT
from bench.corpus import Writer, danish_sentences
from bench.strategy import POSITIONAL_THEME_IDS, key, make_strategy, record, slug
from bench.yamlio import write_yaml
from macros import model, pages, urls
from macros.loader import check_site

TOWN_STEMS = (
    "Testrup",
    "Kærby",
    "Højmark",
    "Bækholm",
    "Lyngså",
    "Egebjerg",
    "Skovlunde",
    "Havnsø",
    "Fjordlev",
    "Mosevang",
    "Engelund",
    "Bjergsted",
    "Åkrog",
    "Solbjerg",
)
TOWN_PREFIXES = ("", "Nørre ", "Sønder ", "Øster ", "Vester ", "Store ", "Lille ")


def municipality_names(count: int) -> list[tuple[str, str]]:
    """(id, name) of ``count`` fictional municipalities (up to 98, as many as Denmark has)."""
    names = [f"{prefix}{stem}" for prefix in TOWN_PREFIXES for stem in TOWN_STEMS][:count]
    return [(slug(name), f"{name} Kommune") for name in names]


def municipality_count(strategies: int) -> int:
    """About four strategies per municipality, at least three municipalities, at most 98."""
    return min(len(TOWN_STEMS) * len(TOWN_PREFIXES), max(3, strategies // 4))


def municipality(mid: str, name: str) -> dict[str, Any]:
    """A municipality with an ``.example`` web address and a partial accessibility statement."""
    ascii_host = mid.translate({ord("æ"): "ae", ord("ø"): "oe", ord("å"): "aa"})
    statement = record(
        model.AccessibilityStatement,
        status="delvist",
        reviewed=dt.date(2026, 11, 23),
        known_issues=["Sitet er testet automatisk, men endnu ikke gennemgået af brugere med handicap."],
    )
    return record(
        model.Municipality, id=mid, name=name, website=f"https://{ascii_host}.example/", accessibility=statement
    )


def _audiences(data: Path) -> list[str]:
    """The reader groups that ``data/site.yml`` declares (every strategy gives each of them actions)."""
    settings = yaml.safe_load((data / "site.yml").read_text(encoding="utf-8"))
    return [a[key(model.Audience, "id")] for a in settings[key(model.SiteSettings, "audiences")]]


def write_data(data: Path, strategies: int, sentences: Sequence[str]) -> dict[str, Any]:
    """``data/`` with ``strategies`` strategies over ``municipality_count(strategies)`` municipalities.

    ``site.yml`` is the real one (its target and reader groups). Every other strategy has a "Vær med"
    entry on its fourth theme. Returns the first strategy's mapping (the page the benchmark weighs and edits).
    """
    data.mkdir(parents=True)
    shutil.copy(ROOT / "data" / "site.yml", data / "site.yml")
    audiences = _audiences(data)
    municipalities = municipality_names(municipality_count(strategies))
    write_yaml(
        data / "kommuner.yml",
        record(model.MunicipalityFile, municipalities=[municipality(mid, name) for mid, name in municipalities]),
    )
    participation = []
    first: dict[str, Any] = {}
    for i in range(strategies):
        w = Writer(sentences, start=i * 37)
        strategy = make_strategy(i, municipalities[i % len(municipalities)][0], w, audiences)
        write_yaml(data / "strategier" / f"{strategy['id']}.yml", strategy)
        first = first or strategy
        if i % 2 == 0:
            theme = strategy[key(model.Strategy, "themes")][3]
            participation.append(
                record(
                    model.Participation,
                    id=f"vær-med-{strategy['id']}",
                    title=w.short(6),
                    text=w.paragraph(2),
                    strategy=strategy["id"],
                    themes=[theme["id"]],
                    source=theme["id"],
                    for_whom="Foreninger og frivillige",
                )
            )
    write_yaml(data / "vaer-med.yml", record(model.ParticipationFile, entries=participation))
    return first


@dataclasses.dataclass
class SyntheticSite:
    root: Path
    strategies: int
    first_strategy: str
    first_theme: str
    first_goal: str
    theme_url: str  # site-relative URL of the first strategy's first theme page

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"


def make_site(root: Path, strategies: int, sentences: Sequence[str]) -> SyntheticSite:
    """A site with ``strategies`` strategies in ``root``, validated with our own loader before any build."""
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(ROOT / "docs", root / "docs")
    first = write_data(root / "data", strategies, sentences)
    site, problems = check_site(root / "data")
    if problems or site is None:
        listing = "\n".join(f"  {p}" for p in problems[:30])
        raise SystemExit(f"De genererede data er ikke gyldige ({len(problems)} problemer):\n{listing}")
    assert len(site.strategies) == strategies
    (root / "mkdocs.yml").write_text(
        f"INHERIT: {ROOT.as_posix()}/mkdocs.yml\n"
        "docs_dir: docs\n"
        "theme:\n"
        "  name: material\n"
        f"  custom_dir: {ROOT.as_posix()}/overrides\n",
        encoding="utf-8",
    )
    theme = first[key(model.Strategy, "themes")][0]
    strategy = next(s for s in site.strategies if s.id == first["id"])
    return SyntheticSite(
        root,
        strategies,
        first["id"],
        theme["id"],
        theme[key(model.Theme, "goal")],
        urls.url_of(pages.child_src(strategy, theme["id"])),
    )


def add_strategies(
    data: Path,
    count: int,
    municipalities: Sequence[tuple[str, str]] | None = None,
    sentences: Sequence[str] | None = None,
) -> list[str]:
    """Add ``count`` strategies ``strategi-0`` … to an existing ``data/``, alternating over two municipalities.

    ``municipalities`` are (id, name) pairs, by default the first two fictional ones; one that
    ``kommuner.yml`` does not have yet is added. Themes have positional ids (``tredje-tema``) and there are
    no glossary terms, so a test can read the same URLs on sites of any size and the glossary stays the
    same. Strategy ``n`` is the same whatever ``count`` is. Returns the new strategy ids.
    """
    sentences = sentences or danish_sentences()
    municipalities = list(municipalities or municipality_names(2))
    register = yaml.safe_load((data / "kommuner.yml").read_text(encoding="utf-8"))
    entries = register[key(model.MunicipalityFile, "municipalities")]
    known = {entry[key(model.Municipality, "id")] for entry in entries}
    entries += [municipality(mid, name) for mid, name in municipalities if mid not in known]
    write_yaml(data / "kommuner.yml", register)
    audiences = _audiences(data)
    ids = []
    for n in range(count):
        mid = municipalities[n % len(municipalities)][0]
        strategy = make_strategy(
            n,
            mid,
            Writer(sentences, start=n * 37),
            audiences,
            strategy_id=f"strategi-{n}",
            theme_ids=POSITIONAL_THEME_IDS,
            terms=False,
        )
        write_yaml(data / "strategier" / f"{strategy['id']}.yml", strategy)
        ids.append(strategy["id"])
    return ids
