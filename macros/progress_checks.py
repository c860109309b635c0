"""Cross-file checks of the follow-up data (issue 13): initiatives, milestones, indicators, updates."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from . import urls
from .checks import _problem, at, reference, unique_ids
from .convert import suggest
from .model import Document, Site, Strategy, Theme, strategy_anchors
from .problems import Problem

# A theme or document with this id would replace the strategy's "Sådan går det" page.
PROGRESS_PAGE_IDS = (urls.PROGRESS_PAGE_ID,)


def _initiative_problems(strategy: Strategy, status_ids: Sequence[str]) -> list[Problem]:
    """Known statuses and themes, and milestones inside the initiative's period."""
    problems: list[Problem] = []
    items = strategy.progress.initiatives if strategy.progress else []
    problems += unique_ids(items, "indsats")
    problems += unique_ids([i for item in items for i in item.indicators], "indikator")
    for item in items:
        if item.status is not None and item.status not in status_ids:
            near = suggest(item.status, status_ids)
            advice = f" Mente du '{near}'?" if near else f" Mulige: {', '.join(status_ids) or 'ingen'}."
            problems.append(
                _problem(
                    at(item, "status"),
                    f"Indsatsen '{item.title}' har status '{item.status}', som "
                    "ikke står under 'indsatsstatusser' i data/site.yml. Brug en af dem, eller "
                    f"tilføj den dér med id, navn og forklaring.{advice}",
                    "unknown-status",
                )
            )
        problems += reference(
            item.theme, (t.id for t in strategy.themes), at(item, "theme"), "tema", f"i strategien '{strategy.id}'"
        )
        if item.start and item.end and item.end < item.start:
            problems.append(
                _problem(
                    at(item, "end"),
                    f"Indsatsen '{item.title}' slutter før den starter. Ret 'start' eller 'slut'.",
                    "invalid-period",
                )
            )
        for milestone in item.milestones:
            before = item.start is not None and milestone.date < item.start
            after = item.end is not None and milestone.date > item.end
            if before or after:
                problems.append(
                    _problem(
                        at(milestone, "date"),
                        f"Milepælen '{milestone.title}' ({milestone.date.isoformat()}) ligger uden for indsatsens periode "
                        f"({item.start.isoformat() if item.start else '…'} – {item.end.isoformat() if item.end else '…'}). "
                        "Ret datoen, eller ret indsatsens 'start' eller 'slut'.",
                        "milestone-outside-period",
                    )
                )
        if item.progress is not None and not 0 <= item.progress <= 100:
            problems.append(
                _problem(
                    at(item, "progress"),
                    f"Indsatsen '{item.title}': 'fremdrift' er en procent og skal ligge mellem 0 og 100.",
                    "invalid-number",
                )
            )
    return problems


def progress_problems(site: Site, unreadable: Collection[str] = ()) -> list[Problem]:
    """Issue 13 cross-checks: initiative statuses, milestone dates, update references, reserved page ids."""
    status_ids = [s.id for s in site.settings.initiative_statuses]
    problems = unique_ids(site.settings.initiative_statuses, "indsatsstatus")
    for strategy in site.strategies:
        pages: list[Theme | Document] = [*strategy.themes, *strategy.documents]
        for obj in pages:
            if obj.id in PROGRESS_PAGE_IDS:
                problems.append(
                    _problem(
                        at(obj, "id"),
                        f"Id '{obj.id}' kan ikke bruges, fordi siden så ville "
                        "erstatte strategiens side 'Sådan går det'. Vælg et andet id.",
                        "reserved-id",
                    )
                )
        problems += _initiative_problems(strategy, status_ids)
        plan = strategy.progress.plan if strategy.progress else None
        if plan is not None:
            problems += reference(
                plan.source,
                (a.id for a in strategy_anchors(strategy)),
                at(plan, "source"),
                "kilde",
                f"i strategien '{strategy.id}'",
            )
        updates = strategy.progress.updates if strategy.progress else []
        problems += unique_ids(updates, "nyhed")
        for update in updates:
            for other in update.also:
                problems += reference(
                    other,
                    site.strategies_by_id,
                    at(update, "also"),
                    "strategier",
                    "blandt sitets strategier",
                    unreadable,
                )
    if any(s.id == "nyt" for s in site.strategies):
        problems.append(
            _problem(
                next(s.loc for s in site.strategies if s.id == "nyt"),
                "Id 'nyt' kan ikke bruges til en strategi: adressen bruges af siden 'Nyt'. Vælg et andet id.",
                "reserved-id",
            )
        )
    return problems
