"""Shaping for "Sådan går det" and "Nyt" (issue 13): initiatives, timelines, updates and consultations.

Pure functions over the model, no MkDocs: the views, the feeds and the open-data export all read the
same shapes, so a page, its feed and its JSON can never disagree about what happened when.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Consultation, Initiative, InitiativeStatus, Site, Strategy, Theme, Update
from .shaping import anchor_urls
from .shaping import theme_label as shaping_theme_label

PROGRESS_TITLE = "Sådan går det"
NEWS_TITLE = "Nyt"
DRAFT_STATUS = "udkast"
UPDATES_ANCHOR = "nyt"


def build_date() -> dt.date:
    """The date the site is built for: SOURCE_DATE_EPOCH (reproducible builds, tests) or today.

    Consultation notices depend on it, so a test can build the same data before and after a deadline.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def is_draft(strategy: Strategy) -> bool:
    """A draft is marked wherever it appears, so nobody takes it for the adopted text."""
    return strategy.status == DRAFT_STATUS


def open_consultation(strategy: Strategy, today: dt.date) -> Consultation | None:
    """The consultation, while its deadline (the last day for responses) has not passed."""
    consultation = strategy.progress.consultation if strategy.progress else None
    return consultation if consultation and consultation.deadline >= today else None


def open_consultations(site: Site, today: dt.date) -> list[tuple[Strategy, Consultation]]:
    """Every open consultation on the site, the nearest deadline first (for the front page)."""
    found = [(s, c) for s in site.strategies if (c := open_consultation(s, today))]
    return sorted(found, key=lambda pair: (pair[1].deadline, pair[0].id))


def plan_source_url(strategy: Strategy) -> str | None:
    """Where the strategy's own text describes the follow-up ('kilde'), so the reader can check the wording."""
    plan = strategy.progress.plan if strategy.progress else None
    return anchor_urls(strategy).get(plan.source) if plan and plan.source else None


def initiatives(strategy: Strategy) -> list[Initiative]:
    return list(strategy.progress.initiatives) if strategy.progress else []


def initiative_status(site: Site, status_id: str | None) -> InitiativeStatus | None:
    """The organisation's definition of a status; None when no status has been published."""
    return next((s for s in site.settings.initiative_statuses if s.id == status_id), None)


def has_published_status(strategy: Strategy) -> bool:
    """Whether any initiative has a status; if none has, the page says so plainly."""
    return any(i.status for i in initiatives(strategy))


@dataclass(frozen=True)
class ThemeGroup:
    """The initiatives under one theme (theme None: initiatives that belong to the strategy as a whole)."""

    theme: Theme | None
    initiatives: list[Initiative]


def by_theme(strategy: Strategy) -> list[ThemeGroup]:
    """Initiatives grouped by theme, in the strategy's own theme order; themes without initiatives left out."""
    items = initiatives(strategy)
    groups = [ThemeGroup(t, [i for i in items if i.theme == t.id]) for t in strategy.themes]
    known = {t.id for t in strategy.themes}
    rest = [i for i in items if i.theme not in known]
    return [g for g in groups if g.initiatives] + ([ThemeGroup(None, rest)] if rest else [])


@dataclass(frozen=True)
class StatusCount:
    status: InitiativeStatus
    count: int


@dataclass(frozen=True)
class ThemeStatus:
    """One row of the status overview: a theme's initiatives counted per status."""

    label: str
    counts: list[StatusCount]
    without_status: int

    @property
    def total(self) -> int:
        return sum(c.count for c in self.counts) + self.without_status


def theme_label(strategy: Strategy, theme: Theme | None) -> str:
    return "Hele strategien" if theme is None else shaping_theme_label(theme)


def status_overview(site: Site, strategy: Strategy) -> list[ThemeStatus]:
    """Status per theme at a glance, in the order the organisation lists its statuses."""
    rows = []
    for group in by_theme(strategy):
        counts = [
            StatusCount(s, sum(1 for i in group.initiatives if i.status == s.id))
            for s in site.settings.initiative_statuses
        ]
        rows.append(
            ThemeStatus(theme_label(strategy, group.theme), counts, sum(1 for i in group.initiatives if not i.status))
        )
    return rows


@dataclass(frozen=True)
class Event:
    """A dated line of the timeline."""

    date: dt.date
    kind: str  # 'beslutning', 'start', 'slut', 'milepæl', 'nyt', 'høringsfrist'
    text: str


EVENT_NAMES = {
    "beslutning": "Beslutning",
    "start": "Start",
    "slut": "Slut",
    "milepæl": "Milepæl",
    "nyt": "Nyt",
    "høringsfrist": "Høringsfrist",
}


def timeline(strategy: Strategy) -> list[Event]:
    """Everything dated about the strategy, oldest first: decisions, initiative periods, milestones, updates."""
    events: list[Event] = []
    decisions = [strategy.decision] if strategy.decision else []
    decisions += [d.decision for d in strategy.documents if d.decision]
    for decision in decisions:
        if decision.date:
            events.append(Event(decision.date, "beslutning", decision.text or f"Godkendt i {decision.body}."))
    for initiative in initiatives(strategy):
        if initiative.start:
            events.append(Event(initiative.start, "start", initiative.title))
        if initiative.end:
            events.append(Event(initiative.end, "slut", initiative.title))
        events += [Event(m.date, "milepæl", f"{initiative.title}: {m.title}") for m in initiative.milestones]
    if strategy.progress:
        events += [Event(u.date, "nyt", u.title) for u in strategy.progress.updates]
        if strategy.progress.consultation:
            events.append(Event(strategy.progress.consultation.deadline, "høringsfrist", "Frist for høringssvar"))
    return sorted(events, key=lambda e: (e.date, list(EVENT_NAMES).index(e.kind), e.text))


@dataclass(frozen=True)
class UpdateItem:
    """An update with the strategy it was written in (its home: ids and links are stable there)."""

    strategy: Strategy
    update: Update

    @property
    def anchor(self) -> str:
        return f"nyt-{self.update.id}"


def _newest_first(items: Iterable[UpdateItem]) -> list[UpdateItem]:
    return sorted(items, key=lambda i: (i.update.date, i.strategy.id, i.update.id), reverse=True)


def site_updates(site: Site) -> list[UpdateItem]:
    """Every update on the site, newest first."""
    return _newest_first(UpdateItem(s, u) for s in site.strategies if s.progress for u in s.progress.updates)


def strategy_updates(site: Site, strategy: Strategy) -> list[UpdateItem]:
    """The strategy's own updates and those of other strategies that say they concern it, newest first."""
    return [i for i in site_updates(site) if i.strategy.id == strategy.id or strategy.id in i.update.also]


def last_updated(site: Site, strategy: Strategy | None = None) -> dt.date | None:
    """The newest update: what "Sidst opdateret" follows from where there are updates."""
    items = site_updates(site) if strategy is None else strategy_updates(site, strategy)
    return items[0].update.date if items else None


def newest_date(site: Site, strategy: Strategy | None = None) -> dt.date | None:
    """The newest dated fact (update or decision): a feed's 'updated' when it has no entries yet."""
    strategies = site.strategies if strategy is None else [strategy]
    dates = [e.date for s in strategies for e in timeline(s) if e.kind in ("beslutning", "nyt")]
    return max(dates, default=None)


def danish_number(value: float) -> str:
    """12.5 -> '12,5'; 42.0 -> '42': numbers as Danish readers write them."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")
