"""The view model of a strategy's "Sådan går det" page: everything resolved, so the template only renders.

Statuses are looked up, theme labels written, milestones and measurements put in date order and charts
drawn here, once; the template receives values, never a function to call back into the data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from . import charts, export, progress, shaping, urls
from .model import Indicator, Initiative, InitiativeStatus, Measurement, Milestone, Site, Strategy


@dataclass(frozen=True)
class IndicatorView:
    indicator: Indicator
    measurements: list[Measurement]  # oldest first
    chart: charts.LineChart | None


@dataclass(frozen=True)
class InitiativeView:
    initiative: Initiative
    status: InitiativeStatus | None  # None: no status published
    milestones: list[Milestone]  # oldest first
    indicators: list[IndicatorView]


@dataclass(frozen=True)
class GroupView:
    """The initiatives under one theme, with the heading and anchor the page shows for it."""

    label: str
    anchor: str
    initiatives: list[InitiativeView]


@dataclass(frozen=True)
class UpdateView:
    item: progress.UpdateItem
    from_elsewhere: bool  # written in another strategy that says it concerns this one
    draft: bool  # that other strategy is a draft


def indicator_view(indicator: Indicator) -> IndicatorView:
    return IndicatorView(
        indicator, sorted(indicator.measurements, key=lambda m: m.date), charts.indicator_chart(indicator)
    )


def initiative_view(site: Site, initiative: Initiative) -> InitiativeView:
    return InitiativeView(
        initiative,
        progress.initiative_status(site, initiative.status),
        sorted(initiative.milestones, key=lambda m: m.date),
        [indicator_view(i) for i in initiative.indicators],
    )


def groups(site: Site, strategy: Strategy) -> list[GroupView]:
    """Initiatives by theme, in the strategy's theme order."""
    return [
        GroupView(
            progress.theme_label(strategy, group.theme),
            f"indsatser-{group.theme.id if group.theme else 'hele-strategien'}",
            [initiative_view(site, i) for i in group.initiatives],
        )
        for group in progress.by_theme(strategy)
    ]


def updates(site: Site, strategy: Strategy) -> list[UpdateView]:
    """The strategy's updates, newest first, each saying whether it was written in another (draft) strategy."""
    return [
        UpdateView(item, item.strategy.id != strategy.id, progress.is_draft(item.strategy))
        for item in progress.strategy_updates(site, strategy)
    ]


def site_updates(site: Site) -> list[UpdateView]:
    """Every update on the site, newest first ("Nyt")."""
    return [UpdateView(item, False, progress.is_draft(item.strategy)) for item in progress.site_updates(site)]


def downloads(strategy: Strategy) -> list[tuple[str, str, str]]:
    """'Hent data': (label, site-relative target, format) of the open-data files that hold this strategy."""
    return [
        ("Strategien som JSON", export.strategy_json_path(strategy), "JSON"),
        ("Alle indsatser", export.INITIATIVES_CSV, "CSV"),
        ("Alle indikatorer og målinger", export.INDICATORS_CSV, "CSV"),
        ("JSON-skema for strategien", export.STRATEGY_SCHEMA, "JSON"),
    ]


def context(site: Site, strategy: Strategy, today: dt.date) -> dict[str, Any]:
    """Everything the progress template shows, keyed as the template names it."""
    overview = progress.status_overview(site, strategy)
    return {
        "strategy": strategy,
        "status": shaping.status_definition(site, strategy),
        "decisions": shaping.decisions(strategy),
        "draft": progress.is_draft(strategy),
        "consultation": progress.open_consultation(strategy, today),
        "plan": strategy.progress.plan if strategy.progress else None,
        "plan_source": progress.plan_source_url(strategy),
        "groups": groups(site, strategy),
        "theme_labels": [progress.theme_label(strategy, t) for t in strategy.themes],
        "has_status": progress.has_published_status(strategy),
        "overview": overview,
        "status_chart": charts.status_chart(overview),
        "timeline": progress.timeline(strategy),
        "event_names": progress.EVENT_NAMES,
        "updates": updates(site, strategy),
        "downloads": downloads(strategy),
        "feed": urls.strategy_feed(strategy.id),
    }
