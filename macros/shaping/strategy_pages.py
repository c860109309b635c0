"""The top of a strategy or theme page: status, decisions, what the reader can do and where to turn."""

from __future__ import annotations

from dataclasses import dataclass

from .. import urls
from ..model import (
    Action,
    Audience,
    Decision,
    Document,
    Municipality,
    Site,
    StatusDefinition,
    Strategy,
)
from ..text import anchor_slug
from .directories import ParticipationItem, participation_for
from .lookups import (
    municipality,
    website_label,
)


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


def status_definition(site: Site, strategy_: Strategy) -> StatusDefinition:
    """What the strategy's status means; the vocabulary in data/site.yml must define every status used."""
    for item in site.settings.statuses:
        if item.id == strategy_.status:
            return item
    raise KeyError(
        f"data/site.yml: 'statusser' forklarer ikke status '{strategy_.status}' "
        f"(bruges af strategien {strategy_.id}). Tilføj den under 'statusser'."
    )


@dataclass(frozen=True)
class DecisionItem:
    """A decision a source reports, with the document it stands in (None: the strategy text itself)."""

    decision: Decision
    document: Document | None
    url: str | None  # the document's page


def decisions(strategy_: Strategy) -> list[DecisionItem]:
    """Every decision the sources report, each with the document it comes from, so none is taken for another."""
    items = [DecisionItem(strategy_.decision, None, None)] if strategy_.decision else []
    items += [DecisionItem(d.decision, d, urls.of(d, strategy_)) for d in strategy_.documents if d.decision]
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


def action_route(site: Site, strategy_: Strategy, action: Action) -> Route:
    muni = municipality(site, strategy_.municipality)
    where = f"{action.loc}: " if action.loc else ""
    if action.participation:
        entry = next((e for e in site.participation if e.id == action.participation), None)
        if entry is None:  # a Danish message with file and line, until the validator checks this reference
            raise KeyError(f"{where}'vær_med: {action.participation}' findes ikke i data/vaer-med.yml.")
        return Route("vær-med", urls.of(entry), entry.title, muni)
    if action.term:
        term = next((t for s in site.strategies for t in s.terms if t.id == action.term), None)
        if term is None:
            raise KeyError(f"{where}'begreb: {action.term}' findes ikke i ordlisten.")
        return Route("begreb", urls.of(term), term.term, muni)
    kind = "hjemmeside" if action.website else "ingen"
    return Route(kind, muni.website, website_label(muni), muni, quote=action.website, external=True)


@dataclass(frozen=True)
class RoutedGroup:
    """One audience's actions, each with its route, for "Det kan du gøre"."""

    audience: Audience
    heading: str
    items: tuple[tuple[Action, Route], ...]


def routed_guidance(site: Site, strategy_: Strategy, theme_id: str | None = None) -> list[RoutedGroup]:
    return [
        RoutedGroup(g.audience, g.heading, tuple((a, action_route(site, strategy_, a)) for a in g.actions))
        for g in guidance_groups(site, strategy_, theme_id)
    ]


def other_participation(
    site: Site, strategy_: Strategy, groups: list[RoutedGroup], theme_id: str | None = None
) -> list[ParticipationItem]:
    """The strategy's (or theme's) "Vær med" entries that no action above already leads to."""
    linked = {a.participation for g in groups for a, _ in g.items}
    return [i for i in participation_for(site, strategy_.id, theme_id) if i.entry.id not in linked]


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
