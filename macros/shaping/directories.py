"""The pages that gather across strategies: guides, glossary, "Vær med" and the strategy finder."""

from __future__ import annotations

from dataclasses import dataclass

from .. import urls
from ..model import (
    Action,
    Municipality,
    Participation,
    Site,
    Strategy,
    Term,
    Theme,
)
from .lookups import action_source_url, anchor_urls, municipality, per_object, theme_kicker, themes_by_id

# The audience whose guide leads on to "Vær med" (volunteers, associations, businesses).
PARTICIPATION_AUDIENCE = "civilsamfund"


def terms(site: Site) -> list[tuple[Term, Strategy]]:
    """Every definition on the site with the strategy that gives it, alphabetically (Danish order)."""
    order = {c: i for i, c in enumerate("abcdefghijklmnopqrstuvwxyzæøå")}
    pairs = [(t, s) for s in site.strategies for t in s.terms]
    return sorted(pairs, key=lambda p: [order.get(c, 99) for c in p[0].term.lower()])


DANISH_ALPHABET = "abcdefghijklmnopqrstuvwxyzæøå"


def terms_by_letter(site: Site) -> list[tuple[str, list[tuple[Term, Strategy]]]]:
    """The glossary under its initial letters A–Å, for a jump list; letters without terms are left out."""
    groups: dict[str, list[tuple[Term, Strategy]]] = {}
    for term, strat in terms(site):
        initial = term.term[:1].lower()
        letter = initial.upper() if initial in DANISH_ALPHABET else "#"
        groups.setdefault(letter, []).append((term, strat))
    return list(groups.items())


def strategies_by_municipality(site: Site) -> list[tuple[Municipality, list[Strategy]]]:
    return [
        (m, [s for s in site.strategies if s.municipality == m.id])
        for m in sorted(site.municipalities, key=lambda m: m.name)
        if any(s.municipality == m.id for s in site.strategies)
    ]


@dataclass(frozen=True)
class ParticipationItem:
    """A "Vær med" entry with what it refers to resolved."""

    entry: Participation
    strategy: Strategy
    municipality: Municipality
    themes: tuple[Theme, ...]
    source_url: str


@per_object  # every strategy and theme page asks for its entries: made once per build, not once per page
def participation(site: Site) -> list[ParticipationItem]:
    """Every way to take part, by municipality and strategy order (shared: do not change it)."""
    entries: dict[str, list[Participation]] = {}
    for entry in site.participation:
        entries.setdefault(entry.strategy, []).append(entry)
    items = []
    for strat in site.strategies:
        by_id = themes_by_id(strat)
        for entry in entries.get(strat.id, []):
            source = anchor_urls(strat).get(entry.source or "", urls.strategy(strat.id))
            items.append(
                ParticipationItem(
                    entry, strat, municipality(site, strat.municipality), tuple(by_id[t] for t in entry.themes), source
                )
            )
    return items


@per_object
def _participation_by_strategy(site: Site) -> dict[str, list[ParticipationItem]]:
    found: dict[str, list[ParticipationItem]] = {}
    for item in participation(site):
        found.setdefault(item.strategy.id, []).append(item)
    return found


@dataclass(frozen=True)
class GuideAction:
    """One action, listed once, with every theme it concerns named."""

    action: Action
    themes: tuple[Theme, ...]
    source_url: str  # where the strategy states it


@dataclass(frozen=True)
class GuideStrategy:
    """What one strategy asks of one audience: actions the reader can take, and the municipality's intentions."""

    strategy: Strategy
    actions: tuple[GuideAction, ...]
    intentions: tuple[GuideAction, ...]


@dataclass(frozen=True)
class GuideMunicipality:
    """A municipality's part of an audience guide."""

    municipality: Municipality
    strategies: tuple[GuideStrategy, ...]


def _guide_actions(strat: Strategy, actions: list[Action]) -> tuple[GuideAction, ...]:
    """Each action once, in the order of the first theme it concerns (those naming no theme last)."""
    by_id = themes_by_id(strat)
    order = {t.id: i for i, t in enumerate(strat.themes)}

    def first_theme(action: Action) -> int:
        return min((order[t] for t in action.themes if t in order), default=len(order))

    return tuple(
        GuideAction(a, tuple(by_id[t] for t in a.themes if t in by_id), action_source_url(strat, a))
        for a in sorted(actions, key=first_theme)
    )


def guide_by_municipality(site: Site, audience_id: str) -> list[GuideMunicipality]:
    """Across all strategies: what one audience can do, grouped by municipality, then strategy.

    A reader looks for their own municipality first; within a strategy each action appears once with its
    themes named, and what the municipality says it will do ('type: hensigt') is kept apart from what the
    reader can do.
    """
    groups = []
    for muni, strategies in strategies_by_municipality(site):
        parts = []
        for strat in strategies:
            actions = [a for g in strat.guidance if g.audience == audience_id for a in g.actions]
            if actions:
                parts.append(
                    GuideStrategy(
                        strat,
                        _guide_actions(strat, [a for a in actions if a.kind != "hensigt"]),
                        _guide_actions(strat, [a for a in actions if a.kind == "hensigt"]),
                    )
                )
        if parts:
            groups.append(GuideMunicipality(muni, tuple(parts)))
    return groups


# --- "Vær med" filters and links (issue 12) ---------------------------------------------------------------


def participation_for(site: Site, strategy_id: str, theme_id: str | None = None) -> list[ParticipationItem]:
    """The "Vær med" entries of one strategy, or of one of its themes, for links from strategy and theme pages.

    Each item's entry id is the anchor on the "Vær med" page (``vaer-med/#<id>``).
    """
    return [
        item
        for item in _participation_by_strategy(site).get(strategy_id, [])
        if theme_id is None or any(t.id == theme_id for t in item.themes)
    ]


@dataclass(frozen=True)
class ThemeOption:
    """A theme in the "Vær med" filter, named with its municipality and strategy so it stands on its own."""

    value: str
    label: str
    municipality: Municipality
    strategy: Strategy
    count: int


def participation_filter_themes(site: Site) -> list[ThemeOption]:
    """Only themes with at least one entry, in municipality and strategy order."""
    items = participation(site)
    options = []
    for muni, strategies in strategies_by_municipality(site):
        for strat in strategies:
            for item in strat.themes:
                count = sum(1 for i in items if i.strategy.id == strat.id and item in i.themes)
                if count:
                    kicker = theme_kicker(strat, item)
                    label = f"{kicker}: {item.title}" if kicker else item.title
                    options.append(ThemeOption(f"{strat.id}/{item.id}", label, muni, strat, count))
    return options


def participation_municipalities(site: Site) -> list[Municipality]:
    """Municipalities with at least one "Vær med" entry: the filter never offers an empty choice."""
    used = {i.municipality.id for i in participation(site)}
    return [m for m, _ in strategies_by_municipality(site) if m.id in used]


def target_groups_in_use(site: Site) -> list[tuple[str, str]]:
    """(id, name) of the target groups at least one strategy has, for the front page's narrowing links."""
    return [
        (g.id, g.name) for g in site.settings.target_groups if any(g.id in s.target_groups for s in site.strategies)
    ]


def participation_theme_groups(site: Site) -> list[tuple[Strategy, list[ThemeOption]]]:
    """The filter's theme options per strategy (one option group each, labelled with the municipality)."""
    groups: dict[str, tuple[Strategy, list[ThemeOption]]] = {}
    for option in participation_filter_themes(site):
        groups.setdefault(option.strategy.id, (option.strategy, []))[1].append(option)
    return list(groups.values())


# --- The top of strategy and theme pages: readers first (issue 11) ---------------------------------------
