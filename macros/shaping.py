"""Small pure functions that shape validated data for templates.

Filtering, grouping and sorting live here; templates only render.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .checks import walk_sections
from .model import Action, Audience, Municipality, Participation, Site, Strategy, Term, Theme
from .pages import child_src, strategy_src, url_of

GUIDANCE_ANCHOR = "hvad-kan-du-gøre"
MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
          "november", "december")
STATUS_NAMES = {
    "vedtaget": "Vedtaget",
    "offentliggjort": "Offentliggjort",
    "udkast": "Udkast",
    "udgået": "Udgået",
}


def danish_date(value: dt.date) -> str:
    """4. december 2024."""
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"


def strategy(site: Site, strategy_id: str) -> Strategy:
    """A strategy by id (an index built once per loaded site, so a page's lookup does not grow with the site)."""
    try:
        return site.strategies_by_id[strategy_id]
    except KeyError:
        raise KeyError(f"no strategy with id {strategy_id!r}") from None


def theme(strategy_: Strategy, theme_id: str) -> Theme:
    for item in strategy_.themes:
        if item.id == theme_id:
            return item
    raise KeyError(f"no theme {theme_id!r} in {strategy_.id!r}")


def municipality(site: Site, municipality_id: str) -> Municipality:
    return next(m for m in site.municipalities if m.id == municipality_id)


def target_group_names(site: Site, strategy_: Strategy) -> str:
    names = {g.id: g.name for g in site.settings.target_groups}
    return ", ".join(names[g] for g in strategy_.target_groups)


def audience(site: Site, audience_id: str) -> Audience:
    return next(a for a in site.settings.audiences if a.id == audience_id)


def anchor_urls(strategy_: Strategy) -> dict[str, str]:
    """Site-relative URL of everything an action can point to with 'kilde'."""
    overview = url_of(strategy_src(strategy_))
    urls = {s.id: f"{overview}#{s.id}" for s in walk_sections([*strategy_.sections, *strategy_.implementation])}
    for item in (*strategy_.themes, *strategy_.documents):
        page = url_of(child_src(strategy_, item.id))
        urls[item.id] = page
        urls.update({s.id: f"{page}#{s.id}" for s in walk_sections(item.sections)})
    return urls


def action_source_url(strategy_: Strategy, action: Action) -> str:
    """Where the strategy states the action: its section, or its own 'Hvad kan du gøre?'."""
    if action.source:
        return anchor_urls(strategy_)[action.source]
    return f"{url_of(strategy_src(strategy_))}#{GUIDANCE_ANCHOR}"


@dataclass(frozen=True)
class ActionGroup:
    """Actions for one audience, as shown on a strategy or theme page."""

    audience: Audience
    heading: str
    actions: tuple[Action, ...]


def guidance_groups(site: Site, strategy_: Strategy, theme_id: str | None = None) -> list[ActionGroup]:
    """The strategy's actions per audience in site order; only those concerning ``theme_id`` if given."""
    groups = []
    for aud in site.settings.audiences:
        for guidance in strategy_.guidance:
            if guidance.audience != aud.id:
                continue
            actions = tuple(a for a in guidance.actions if theme_id is None or theme_id in a.themes)
            if actions:
                groups.append(ActionGroup(aud, guidance.heading or aud.heading, actions))
    return groups


def themes_by_id(strategy_: Strategy) -> dict[str, Theme]:
    return {t.id: t for t in strategy_.themes}


@dataclass(frozen=True)
class GuideSection:
    """One strategy's actions for one audience, grouped by theme, for an audience guide."""

    strategy: Strategy
    municipality: Municipality
    by_theme: tuple[tuple[Theme | None, tuple[Action, ...]], ...]


def audience_guide(site: Site, audience_id: str) -> list[GuideSection]:
    """Across all strategies: what one audience can do, grouped by strategy and theme.

    An action that concerns several themes is listed under each of them: a reader who looks under one
    theme finds everything that belongs there.
    """
    sections = []
    for strat in site.strategies:
        actions = [a for g in strat.guidance if g.audience == audience_id for a in g.actions]
        if not actions:
            continue
        groups: list[tuple[Theme | None, tuple[Action, ...]]] = []
        for item in strat.themes:
            hits = tuple(a for a in actions if item.id in a.themes)
            if hits:
                groups.append((item, hits))
        loose = tuple(a for a in actions if not a.themes)
        if loose:
            groups.append((None, loose))
        sections.append(GuideSection(strat, municipality(site, strat.municipality), tuple(groups)))
    return sections


def terms(site: Site) -> list[tuple[Term, Strategy]]:
    """Every definition on the site with the strategy that gives it, alphabetically (Danish order)."""
    order = {c: i for i, c in enumerate("abcdefghijklmnopqrstuvwxyzæøå")}
    pairs = [(t, s) for s in site.strategies for t in s.terms]
    return sorted(pairs, key=lambda p: [order.get(c, 99) for c in p[0].term.lower()])


def strategies_by_municipality(site: Site) -> list[tuple[Municipality, list[Strategy]]]:
    return [
        (m, [s for s in site.strategies if s.municipality == m.id])
        for m in sorted(site.municipalities, key=lambda m: m.name)
        if any(s.municipality == m.id for s in site.strategies)
    ]


def strategies_by_target_group(site: Site) -> list[tuple[str, list[Strategy]]]:
    return [
        (g.name, [s for s in site.strategies if g.id in s.target_groups])
        for g in site.settings.target_groups
        if any(g.id in s.target_groups for s in site.strategies)
    ]


@dataclass(frozen=True)
class ParticipationItem:
    """A "Vær med" entry with what it refers to resolved."""

    entry: Participation
    strategy: Strategy
    municipality: Municipality
    themes: tuple[Theme, ...]
    source_url: str


def participation(site: Site) -> list[ParticipationItem]:
    """Every way to take part, by municipality and strategy order."""
    items = []
    for strat in site.strategies:
        by_id = themes_by_id(strat)
        for entry in site.participation:
            if entry.strategy != strat.id:
                continue
            source = anchor_urls(strat).get(entry.source or "", url_of(strategy_src(strat)))
            items.append(ParticipationItem(entry, strat, municipality(site, strat.municipality),
                                           tuple(by_id[t] for t in entry.themes), source))
    return items


def participation_theme_options(site: Site) -> list[tuple[Strategy, list[Theme]]]:
    """The themes that have at least one entry, per strategy, for the filter."""
    used = {(e.strategy, t) for e in site.participation for t in e.themes}
    options = []
    for strat in site.strategies:
        themes = [t for t in strat.themes if (strat.id, t.id) in used]
        if themes:
            options.append((strat, themes))
    return options
