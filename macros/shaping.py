"""Small pure functions that shape validated data for templates.

Filtering, grouping and sorting live here; templates only render.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .checks import walk_sections
from .model import (
    Action,
    Audience,
    Decision,
    Document,
    Municipality,
    Participation,
    Site,
    StatusDefinition,
    Strategy,
    Term,
    Theme,
)
from .pages import child_src, has_own_text, strategy_src, url_of
from .text import anchor_slug

GLOSSARY_URL = "ordliste/"

GUIDANCE_ANCHOR = "hvad-kan-du-gøre"
# The audience whose guide leads on to "Vær med" (volunteers, associations, businesses).
PARTICIPATION_AUDIENCE = "civilsamfund"
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
    urls: dict[str, str] = {
        s.id: f"{overview}#{s.id}" for s in walk_sections([*strategy_.sections, *strategy_.implementation])}
    items: list[Theme | Document] = [*strategy_.themes, *strategy_.documents]
    for item in items:
        page = url_of(child_src(strategy_, item.id))
        # A theme page opens with its actions: "where it says so" is the theme's own text below them.
        urls[item.id] = f"{page}#{theme_text_anchor(item)}" if isinstance(item, Theme) else page
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


# --- Guides by municipality (issue 12) -----------------------------------------------------------------


@dataclass(frozen=True)
class GuideAction:
    """One action, listed once, with every theme it concerns named."""

    action: Action
    themes: tuple[Theme, ...]


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

    return tuple(GuideAction(a, tuple(by_id[t] for t in a.themes if t in by_id))
                 for a in sorted(actions, key=first_theme))


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
                parts.append(GuideStrategy(
                    strat,
                    _guide_actions(strat, [a for a in actions if a.kind != "hensigt"]),
                    _guide_actions(strat, [a for a in actions if a.kind == "hensigt"]),
                ))
        if parts:
            groups.append(GuideMunicipality(muni, tuple(parts)))
    return groups


# --- "Vær med" filters and links (issue 12) ---------------------------------------------------------------


def participation_for(site: Site, strategy_id: str, theme_id: str | None = None) -> list[ParticipationItem]:
    """The "Vær med" entries of one strategy, or of one of its themes, for links from strategy and theme pages.

    Each item's entry id is the anchor on the "Vær med" page (``vaer-med/#<id>``).
    """
    return [item for item in participation(site)
            if item.strategy.id == strategy_id and (theme_id is None or any(t.id == theme_id for t in item.themes))]


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
                    number = f"{strat.labels.singular.capitalize()} {item.number}: " if item.number else ""
                    options.append(ThemeOption(f"{strat.id}/{item.id}", f"{number}{item.title}", muni, strat, count))
    return options


def participation_municipalities(site: Site) -> list[Municipality]:
    """Municipalities with at least one "Vær med" entry: the filter never offers an empty choice."""
    used = {i.municipality.id for i in participation(site)}
    return [m for m, _ in strategies_by_municipality(site) if m.id in used]


def target_groups_in_use(site: Site) -> list[tuple[str, str]]:
    """(id, name) of the target groups at least one strategy has, for the front page's narrowing links."""
    return [(g.id, g.name) for g in site.settings.target_groups
            if any(g.id in s.target_groups for s in site.strategies)]


def participation_theme_groups(site: Site) -> list[tuple[Strategy, list[ThemeOption]]]:
    """The filter's theme options per strategy (one option group each, labelled with the municipality)."""
    groups: dict[str, tuple[Strategy, list[ThemeOption]]] = {}
    for option in participation_filter_themes(site):
        groups.setdefault(option.strategy.id, (option.strategy, []))[1].append(option)
    return list(groups.values())


# --- The top of strategy and theme pages: readers first (issue 11) ---------------------------------------

THEME_TEXT_ANCHOR = "strategiens-tekst"
READER_ACTIONS_ANCHOR = GUIDANCE_ANCHOR  # "Det kan du gøre" keeps the old anchor: guides and bookmarks link to it
VAER_MED_URL = "vaer-med/"


def status_definition(site: Site, strategy_: Strategy) -> StatusDefinition:
    """What the strategy's status means; the vocabulary in data/site.yml must define every status used."""
    for item in site.settings.statuses:
        if item.id == strategy_.status:
            return item
    raise KeyError(f"data/site.yml: 'statusser' forklarer ikke status '{strategy_.status}' "
                   f"(bruges af strategien {strategy_.id}). Tilføj den under 'statusser'.")


@dataclass(frozen=True)
class DecisionItem:
    """A decision a source reports, with the document it stands in (None: the strategy text itself)."""

    decision: Decision
    document: Document | None
    url: str | None  # the document's page


def decisions(strategy_: Strategy) -> list[DecisionItem]:
    """Every decision the sources report, each with the document it comes from, so none is taken for another."""
    items = [DecisionItem(strategy_.decision, None, None)] if strategy_.decision else []
    items += [DecisionItem(d.decision, d, url_of(child_src(strategy_, d.id)))
              for d in strategy_.documents if d.decision]
    return items


@dataclass(frozen=True)
class Route:
    """Where a reader goes to act: a "Vær med" entry, the glossary, or the municipality's website.

    ``kind`` is 'vær-med', 'begreb', 'hjemmeside' (the source points to the website, ``quote`` its words) or
    'ingen' (the source names no route: the page says so and gives the municipality's website).
    """

    kind: str
    url: str
    label: str
    municipality: Municipality
    quote: str | None = None
    external: bool = False


def website_label(municipality_: Municipality) -> str:
    """kalundborg.dk: the website as a reader would type it."""
    host = municipality_.website.split("//", 1)[-1].strip("/")
    return host[4:] if host.startswith("www.") else host


def action_route(site: Site, strategy_: Strategy, action: Action) -> Route:
    muni = municipality(site, strategy_.municipality)
    where = f"{action.loc}: " if action.loc else ""
    if action.participation:
        entry = next((e for e in site.participation if e.id == action.participation), None)
        if entry is None:  # a Danish message with file and line, until the validator checks this reference
            raise KeyError(f"{where}'vær_med: {action.participation}' findes ikke i data/vaer-med.yml.")
        return Route("vær-med", f"{VAER_MED_URL}#{entry.id}", entry.title, muni)
    if action.term:
        term = next((t for s in site.strategies for t in s.terms if t.id == action.term), None)
        if term is None:
            raise KeyError(f"{where}'begreb: {action.term}' findes ikke i ordlisten.")
        return Route("begreb", f"{GLOSSARY_URL}#{term.id}", term.term, muni)
    kind = "hjemmeside" if action.website else "ingen"
    return Route(kind, muni.website, website_label(muni), muni, quote=action.website, external=True)


@dataclass(frozen=True)
class RoutedGroup:
    """One audience's actions, each with its route, for "Det kan du gøre"."""

    audience: Audience
    heading: str
    items: tuple[tuple[Action, Route], ...]


def routed_guidance(site: Site, strategy_: Strategy, theme_id: str | None = None) -> list[RoutedGroup]:
    return [RoutedGroup(g.audience, g.heading, tuple((a, action_route(site, strategy_, a)) for a in g.actions))
            for g in guidance_groups(site, strategy_, theme_id)]


def other_participation(site: Site, strategy_: Strategy, groups: list[RoutedGroup],
                        theme_id: str | None = None) -> list[ParticipationItem]:
    """The strategy's (or theme's) "Vær med" entries that no action above already leads to."""
    linked = {a.participation for g in groups for a, _ in g.items}
    return [i for i in participation_for(site, strategy_.id, theme_id) if i.entry.id not in linked]


def page_themes(strategy_: Strategy) -> list[Theme]:
    """The themes that have a page of their own (a theme without text of its own has none)."""
    return [t for t in strategy_.themes if has_own_text(t)]


def contents(strategy_: Strategy) -> list[tuple[str, str]]:
    """The full text's parts as (anchor, title), for the short contents list above it."""
    parts: list[tuple[str, str]] = [("fakta", "Fakta om strategien")]
    if strategy_.vision:
        parts.append(("vision", strategy_.vision.heading or "Vision"))
    parts += [(s.id, s.title) for s in strategy_.sections]
    parts.append((anchor_slug(strategy_.labels.plural), f"{len(strategy_.themes)} {strategy_.labels.plural}"))
    parts += [(s.id, s.title) for s in strategy_.implementation]
    if strategy_.documents:
        parts.append(("dokumenter", "Dokumenter bag strategien"))
    if strategy_.related:
        parts.append(("relaterede", "Relaterede politikker og strategier"))
    if strategy_.sources or strategy_.sources_note:
        parts.append(("kilder", "Kilder"))
    if strategy_.corrections:
        parts.append(("rettelser", "Rettelser i forhold til kilden"))
    return parts


def has_lead_text(theme_: Theme) -> bool:
    """The theme has text before its sections: the page shows it under "Strategiens tekst"."""
    return bool(theme_.intro or theme_.summary or theme_.text)


def theme_text_anchor(theme_: Theme) -> str:
    """Where a theme's own text starts on its page, below the reader blocks."""
    if has_lead_text(theme_) or not theme_.sections:
        return THEME_TEXT_ANCHOR
    return theme_.sections[0].id


# --- end of issue 12 shaping
