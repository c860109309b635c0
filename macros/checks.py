"""Checks across objects and files: unique ids and references that must exist."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from .model import Loc, Section, Site, Strategy
from .problems import Problem
from .schema import suggest


def _problem(loc: Loc | None, message: str) -> Problem:
    return Problem(loc.file, loc.line, message) if loc else Problem("data", 1, message)


def unique_ids(objects: Iterable[Any], what: str, attr: str = "id") -> list[Problem]:
    """Every id in ``objects`` used once; the repeat is reported where it stands."""
    seen: dict[str, Loc | None] = {}
    problems = []
    for obj in objects:
        key = getattr(obj, attr, None)
        if key is None:
            continue
        if key in seen:
            first = seen[key]
            where = f" (første gang i {first})" if first else ""
            problems.append(_problem(obj.loc, f"Id '{key}' bruges allerede af et andet {what}{where}. "
                                              "Giv hvert id et unikt navn."))
        else:
            seen[key] = obj.loc
    return problems


def reference(value: str | None, known: Iterable[str], loc: Loc | None, field: str, where: str) -> list[Problem]:
    """A reference to an id that must exist."""
    known = list(known)
    if value is None or value in known:
        return []
    near = suggest(value, known)
    advice = f" Mente du '{near}'?" if near else (f" Mulige: {', '.join(known)}." if known else "")
    return [_problem(loc, f"Feltet '{field}': '{value}' findes ikke {where}.{advice}")]


def at(obj: Any, name: str) -> Loc | None:
    """The line where a field of a data object was written."""
    return obj.loc.at(name) if obj.loc else None


def walk_sections(sections: Iterable[Section]) -> Iterator[Section]:
    for section in sections:
        yield section
        yield from walk_sections(section.subsections)


def strategy_anchors(strategy: Strategy) -> list[Any]:
    """Everything in a strategy that an action or entry can point to with 'kilde'."""
    sections = list(walk_sections(strategy.sections))
    sections += walk_sections(strategy.implementation)
    for theme in strategy.themes:
        sections += walk_sections(theme.sections)
    for document in strategy.documents:
        sections += walk_sections(document.sections)
    return [*sections, *strategy.themes, *strategy.documents]


def _check_strategy(strategy: Strategy, site: Site) -> list[Problem]:
    problems: list[Problem] = []
    loc = strategy.loc
    if loc and strategy.id and not loc.file.endswith(f"/{strategy.id}.yml"):
        problems.append(_problem(loc, f"Filen skal hedde '{strategy.id}.yml' ligesom strategiens id. "
                                      "Omdøb filen, eller ret id'et."))
    problems += reference(strategy.municipality, (m.id for m in site.municipalities), at(strategy, "municipality"), "kommune",
                          "i data/kommuner.yml")
    for group in strategy.target_groups:
        problems += reference(group, (g.id for g in site.settings.target_groups), at(strategy, "target_groups"), "målgrupper",
                              "blandt målgrupperne i data/site.yml")
    if strategy.status == "vedtaget" and strategy.decision is None:
        problems.append(_problem(loc, "Strategien har status 'vedtaget', men mangler feltet 'beslutning' "
                                      "(hvem godkendte den og hvornår). Tilføj det, eller brug status 'offentliggjort'."))
    anchors = strategy_anchors(strategy)
    problems += unique_ids(anchors, "afsnit, tema eller dokument i strategien")
    anchor_ids = [a.id for a in anchors if a.id]
    theme_ids = [t.id for t in strategy.themes if t.id]
    label = strategy.labels.singular if strategy.labels else "tema"
    with_goal = [t for t in strategy.themes if t.goal]
    if with_goal and len(with_goal) < len(strategy.themes):
        for number, theme in enumerate(strategy.themes, 1):
            if not theme.goal:
                problems.append(_problem(theme.loc, f"{label.capitalize()} {number} mangler feltet 'mål' "
                                                    f"(de andre {strategy.labels.plural} har et mål)."))
    problems += unique_ids(strategy.guidance, "vejledning", attr="audience")
    for guidance in strategy.guidance:
        problems += reference(guidance.audience, (a.id for a in site.settings.audiences), at(guidance, "audience"),
                              "læsergruppe", "blandt læsergrupperne i data/site.yml")
        for action in guidance.actions:
            for theme in action.themes:
                problems += reference(theme, theme_ids, at(action, "themes"), "temaer", f"blandt strategiens {label}-id'er")
            problems += reference(action.source, anchor_ids, at(action, "source"), "kilde",
                                  "blandt strategiens afsnit, temaer og dokumenter")
    for related in strategy.related:
        problems += reference(related.strategy, (s.id for s in site.strategies), at(related, "strategy"), "strategi",
                              "blandt sitets strategier")
    return problems


def check(site: Site) -> list[Problem]:
    """All cross-file problems in a site that passed (or partly passed) validation."""
    problems: list[Problem] = []
    problems += unique_ids(site.municipalities, "kommune")
    problems += unique_ids(site.strategies, "strategi")
    problems += unique_ids(site.settings.target_groups, "målgruppe")
    problems += unique_ids(site.settings.audiences, "læsergruppe")
    problems += unique_ids([t for s in site.strategies for t in s.terms], "begreb")
    problems += unique_ids(site.participation, "mulighed")
    by_id = site.strategies_by_id
    term_ids = [t.id for s in site.strategies for t in s.terms if t.id]
    for term in (t for s in site.strategies for t in s.terms):
        for other in term.see_also:
            problems += reference(other, term_ids, at(term, "see_also"), "se_også", "blandt begreberne i ordlisten")
    for strategy in site.strategies:
        problems += _check_strategy(strategy, site)
    for entry in site.participation:
        problems += reference(entry.strategy, by_id, at(entry, "strategy"), "strategi", "blandt sitets strategier")
        strategy = by_id.get(entry.strategy)
        if strategy is not None:
            for theme in entry.themes:
                problems += reference(theme, (t.id for t in strategy.themes), at(entry, "themes"), "temaer",
                                      f"i strategien '{strategy.id}'")
            problems += reference(entry.source, (a.id for a in strategy_anchors(strategy)), at(entry, "source"), "kilde",
                                  f"i strategien '{strategy.id}'")
    return problems
