"""Checks across objects and files: unique ids, reserved ids, heading depth and references that must exist."""

from __future__ import annotations

import typing
from collections.abc import Collection, Iterable
from typing import Any

from .convert import suggest
from .fields import hints
from .model import Loc, Section, Site, Strategy, strategy_anchors
from .problems import Problem
from .text import anchor_slug

# Ids the strategy pages already give their own headings (overrides/components/strategy/*.html and
# components/partials/*.html, shaping.GUIDANCE_ANCHOR and THEME_TEXT_ANCHOR; a test keeps this list in step
# with the templates): a section, theme or document with one of these ids would repeat it on the page, and
# "Læs, hvor det står" would jump to the wrong place.
BUILT_IN_ANCHORS = (
    "hvad-kan-du-gøre",
    "vision",
    "relaterede",
    "dokumenter",
    "kilder",
    "mål",
    "kort-fortalt",
    "hvem-handler-det-om",
    "indhold",
    "fakta",
    "rettelser",
    "vær-med-som-frivillig-eller-forening",
    "strategiens-tekst",
)
# A theme, document or audience becomes a page named after its id; 'index' would replace the overview page.
RESERVED_PAGE_IDS = ("index",)
# Sections start at <h2> on every page; HTML has no heading below <h6>.
TOP_SECTION_LEVEL = 2
DEEPEST_HEADING = 6
# A short definition opens inside running text: longer than this, it stops being a glance (issue 12).
SHORT_DEFINITION_WORDS = 25


def _problem(loc: Loc | None, message: str, code: str = "data") -> Problem:
    return Problem(loc.file, loc.line, message, code) if loc else Problem("data", 1, message, code)


def unique_ids(objects: Iterable[Any], what: str, attr: str = "id") -> list[Problem]:
    """Every id in ``objects`` used once, also ignoring case; the repeat is reported where it stands."""
    seen: dict[str, Loc | None] = {}
    problems = []
    for obj in objects:
        key = getattr(obj, attr, None)
        if key is None:
            continue
        folded = key.casefold()  # ids become URLs, and some file systems do not tell 'A' from 'a'
        if folded in seen:
            first = seen[folded]
            where = f" (første gang i {first})" if first else ""
            problems.append(
                _problem(
                    obj.loc,
                    f"Id '{key}' bruges allerede af et andet {what}{where}. Giv hvert id et unikt navn.",
                    "duplicate-id",
                )
            )
        else:
            seen[folded] = obj.loc
    return problems


def reference(
    value: str | None,
    known: Iterable[str | None],
    loc: Loc | None,
    field: str,
    where: str,
    unreadable: Collection[str] = (),
) -> list[Problem]:
    """A reference to an id that must exist.

    One mistake, one message: ids in ``unreadable`` belong to files that could not be read, and a None in
    ``known`` is an id that failed validation; both are reported where they stand, so a reference that may
    mean one of them is not reported again.
    """
    candidates = list(known)
    if value is None or value in candidates or value in unreadable or None in candidates:
        return []
    ids = [k for k in candidates if k is not None]
    near = suggest(value, ids)
    advice = f" Mente du '{near}'?" if near else (f" Mulige: {', '.join(ids)}." if ids else "")
    return [_problem(loc, f"Feltet '{field}': '{value}' findes ikke {where}.{advice}", "unknown-reference")]


def at(obj: Any, name: str) -> Loc | None:
    """The line where a field of a data object was written."""
    return obj.loc.at(name) if obj.loc else None


def _heading_depth(sections: Iterable[Section], level: int = TOP_SECTION_LEVEL) -> list[Problem]:
    """Subsections (and their principles) nested deeper than a page can give headings."""
    problems: list[Problem] = []
    for section in sections:
        deepest = level + 1 if section.principles else level
        if deepest > DEEPEST_HEADING:
            problems.append(
                _problem(
                    section.loc,
                    f"Afsnittet '{section.title}' ligger for dybt: underafsnit kan "
                    f"højst være {DEEPEST_HEADING - TOP_SECTION_LEVEL} niveauer dybe "
                    "(medregnet principper). Flyt det et niveau op.",
                    "too-deep",
                )
            )
            continue
        problems += _heading_depth(section.subsections, level + 1)
    return problems


def _reserved_ids(strategy: Strategy) -> list[Problem]:
    """Section, theme and document ids that clash with a page or a heading the templates write themselves."""
    anchors = set(BUILT_IN_ANCHORS)
    if strategy.labels:
        anchors |= {anchor_slug(label) for label in (strategy.labels.plural, strategy.labels.principles) if label}
    pages = {id(obj) for obj in [*strategy.themes, *strategy.documents]}
    problems: list[Problem] = []
    for obj in strategy_anchors(strategy):
        if obj.id in anchors:
            problems.append(
                _problem(
                    at(obj, "id"),
                    f"Id '{obj.id}' bruges allerede af siden selv (en overskrift, "
                    "som sitet laver). Vælg et andet id, fx "
                    f"'{obj.id}-1' eller et mere beskrivende.",
                    "reserved-id",
                )
            )
        elif id(obj) in pages and obj.id in RESERVED_PAGE_IDS:
            problems.append(
                _problem(
                    at(obj, "id"),
                    f"Id '{obj.id}' kan ikke bruges, fordi siden så ville "
                    "erstatte strategiens oversigtsside. Vælg et andet id.",
                    "reserved-id",
                )
            )
    return problems


def _statuses() -> list[str]:
    return [str(option) for option in typing.get_args(hints(Strategy)["status"])]


def _check_strategy(strategy: Strategy, site: Site, unreadable: Collection[str]) -> list[Problem]:
    problems: list[Problem] = []
    loc = strategy.loc
    if loc and strategy.id and not loc.file.endswith(f"/{strategy.id}.yml"):
        problems.append(
            _problem(
                loc,
                f"Filen skal hedde '{strategy.id}.yml' ligesom strategiens id. Omdøb filen, eller ret id'et.",
                "file-name",
            )
        )
    problems += reference(
        strategy.municipality,
        (m.id for m in site.municipalities),
        at(strategy, "municipality"),
        "kommune",
        "i data/kommuner.yml",
    )
    for group in strategy.target_groups:
        problems += reference(
            group,
            (g.id for g in site.settings.target_groups),
            at(strategy, "target_groups"),
            "målgrupper",
            "blandt målgrupperne i data/site.yml",
        )
    if strategy.status == "vedtaget" and strategy.decision is None:
        others = ", ".join(s for s in _statuses() if s != "vedtaget")
        problems.append(
            _problem(
                at(strategy, "status"),
                "Strategien har status 'vedtaget', men mangler feltet 'beslutning' "
                "(hvem godkendte den og hvornår). Tilføj det, eller brug status 'offentliggjort'. "
                f"Mulige værdier for status: {', '.join(_statuses())} (uden beslutning: {others}).",
                "missing-decision",
            )
        )
    anchors = strategy_anchors(strategy)
    problems += unique_ids(anchors, "afsnit, tema eller dokument i strategien")
    problems += _reserved_ids(strategy)
    problems += _heading_depth([*strategy.sections, *strategy.implementation])
    for theme in strategy.themes:
        problems += _heading_depth(theme.sections)
    for document in strategy.documents:
        problems += _heading_depth(document.sections)
    anchor_ids = [a.id for a in anchors]
    theme_ids = [t.id for t in strategy.themes]
    label = (strategy.labels.singular if strategy.labels else None) or "tema"
    plural = (strategy.labels.plural if strategy.labels else None) or "temaer"
    with_goal = [t for t in strategy.themes if t.goal]
    if with_goal and len(with_goal) < len(strategy.themes):
        for number, theme in enumerate(strategy.themes, 1):
            if not theme.goal:
                problems.append(
                    _problem(
                        theme.loc,
                        f"{label.capitalize()} {number} mangler feltet 'mål' (de andre {plural} har et mål).",
                        "missing-goal",
                    )
                )
    problems += unique_ids(strategy.guidance, "vejledning", attr="audience")
    for guidance in strategy.guidance:
        problems += reference(
            guidance.audience,
            (a.id for a in site.settings.audiences),
            at(guidance, "audience"),
            "læsergruppe",
            "blandt læsergrupperne i data/site.yml",
        )
        for action in guidance.actions:
            for theme_id in action.themes:
                problems += reference(
                    theme_id, theme_ids, at(action, "themes"), "temaer", f"blandt strategiens {label}-id'er"
                )
            problems += reference(
                action.source,
                anchor_ids,
                at(action, "source"),
                "kilde",
                "blandt strategiens afsnit, temaer og dokumenter",
            )
    for related in strategy.related:
        problems += reference(
            related.strategy,
            (s.id for s in site.strategies),
            at(related, "strategy"),
            "strategi",
            "blandt sitets strategier",
            unreadable,
        )
    return problems


def _site_reserved_ids(site: Site) -> list[Problem]:
    return [
        _problem(
            at(audience, "id"),
            f"Id '{audience.id}' kan ikke bruges, fordi guiden så ville erstatte "
            "oversigten over læsergrupper. Vælg et andet id.",
            "reserved-id",
        )
        for audience in site.settings.audiences
        if audience.id in RESERVED_PAGE_IDS
    ]


def short_definitions(site: Site) -> list[Problem]:
    """A term's 'kort_definition' is read in the middle of a sentence, so it must stay short."""
    problems = []
    for term in (t for s in site.strategies for t in s.terms):
        words = len((term.short_definition or "").split())
        if words > SHORT_DEFINITION_WORDS:
            problems.append(
                _problem(
                    at(term, "short_definition"),
                    f"Den korte definition af '{term.term}' har {words} ord; den må højst have "
                    f"{SHORT_DEFINITION_WORDS}. Forkort den, så den stadig siger det samme som kilden, "
                    "eller udelad 'kort_definition' (så linker ordet til ordlisten).",
                    "too-long",
                )
            )
    return problems


def _statuses_explained(site: Site) -> list[Problem]:
    """Every status a strategy uses is explained in data/site.yml, once per missing status."""
    explained = {item.id for item in getattr(site.settings, "statuses", [])}
    missing = sorted({s.status for s in site.strategies if s.status and s.status not in explained})
    where = at(site.settings, "statuses")
    return [
        _problem(
            where,
            f"Status '{status}' bruges af en strategi, men er ikke forklaret under 'statusser' i "
            "data/site.yml. Tilføj den dér med id, navn og forklaring.",
            "unknown-reference",
        )
        for status in missing
    ]


def check(site: Site, unreadable: Collection[str] = ()) -> list[Problem]:
    """All cross-file problems in a site that passed (or partly passed) validation.

    ``unreadable`` holds the ids of strategies whose file could not be read or had no valid id: references
    to them are not reported, because the file's own problem already is.
    """
    problems: list[Problem] = []
    problems += unique_ids(site.municipalities, "kommune")
    problems += unique_ids(site.strategies, "strategi")
    problems += unique_ids(site.settings.target_groups, "målgruppe")
    problems += unique_ids(site.settings.audiences, "læsergruppe")
    problems += unique_ids([t for s in site.strategies for t in s.terms], "begreb")
    problems += unique_ids(site.participation, "mulighed")
    problems += _site_reserved_ids(site)
    problems += _statuses_explained(site)
    problems += short_definitions(site)
    by_id = site.strategies_by_id
    term_ids = [t.id for s in site.strategies for t in s.terms]
    for term in (t for s in site.strategies for t in s.terms):
        for other in term.see_also:
            problems += reference(other, term_ids, at(term, "see_also"), "se_også", "blandt begreberne i ordlisten")
    for strategy in site.strategies:
        problems += _check_strategy(strategy, site, unreadable)
    from .progress_checks import progress_problems  # imports this module's helpers, so imported here

    problems += progress_problems(site, unreadable)  # issue 13
    for entry in site.participation:
        problems += reference(
            entry.strategy, by_id, at(entry, "strategy"), "strategi", "blandt sitets strategier", unreadable
        )
        target = by_id.get(entry.strategy)
        if target is not None:
            for theme in entry.themes:
                problems += reference(
                    theme, (t.id for t in target.themes), at(entry, "themes"), "temaer", f"i strategien '{target.id}'"
                )
            problems += reference(
                entry.source,
                (a.id for a in strategy_anchors(target)),
                at(entry, "source"),
                "kilde",
                f"i strategien '{target.id}'",
            )
    return problems
