"""What each data-derived block of the site shows: one function per view, MkDocs-free.

A view takes the validated site, the URL of the page it is rendered on (links come out relative to it)
and the site's configured URL (for printed link targets), plus its own arguments, and returns HTML.
The site plugin renders generated pages with these directly; ``macros/__init__.py`` offers the same
views as macros for the hand-written pages in docs/.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import progress, shaping, urls
from . import progress_page as progress_view
from .model import Site, Strategy
from .render import Rendered, render


def _strategy_block(template: str, site: Site, here: str, site_url: str, strat: Strategy, **context: Any) -> Rendered:
    """Strategy content explains the terms that strategy defines, where they are first used."""
    return render(
        template,
        site,
        here,
        terms=tuple(strat.terms),
        strategy=strat,
        site_url=site_url,
        # A strategy in public consultation says so on every one of its pages until the deadline (issue 13).
        consultation=progress.open_consultation(strat, progress.build_date()),
        **context,
    )


def strategy_page(site: Site, here: str, site_url: str, strategy_id: str) -> Rendered:
    """A strategy's overview page: status, Kort fortalt, who it is for and what the reader can do come first."""
    strat = shaping.strategy(site, strategy_id)
    routed = shaping.routed_guidance(site, strat)
    return _strategy_block(
        "strategy/overview.html",
        site,
        here,
        site_url,
        strat,
        municipality=shaping.municipality(site, strat.municipality),
        target_groups=shaping.target_group_names(site, strat),
        status=shaping.status_definition(site, strat),
        decisions=shaping.decisions(strat),
        routed=routed,
        participation=shaping.other_participation(site, strat, routed),
        contents=shaping.contents(strat),
        page_theme_ids={t.id for t in shaping.page_themes(strat)},
        theme_kickers={t.id: shaping.theme_kicker(strat, t) for t in strat.themes},
    )


def theme_page(site: Site, here: str, site_url: str, strategy_id: str, theme_id: str) -> Rendered:
    """One theme (focus area, track, pejlemærke) of a strategy: Kort fortalt, goal and actions before its text."""
    strat = shaping.strategy(site, strategy_id)
    theme = shaping.theme(strat, theme_id)
    siblings = shaping.page_themes(strat)  # themes without a page of their own are not in the pager
    index = siblings.index(theme)
    routed = shaping.routed_guidance(site, strat, theme_id)
    return _strategy_block(
        "strategy/theme.html",
        site,
        here,
        site_url,
        strat,
        theme=theme,
        municipality=shaping.municipality(site, strat.municipality),
        routed=routed,
        participation=shaping.other_participation(site, strat, routed, theme_id),
        previous=siblings[index - 1] if index > 0 else None,
        next=siblings[index + 1] if index + 1 < len(siblings) else None,
        text_anchor=shaping.THEME_TEXT_ANCHOR,
        lead_text=shaping.has_lead_text(theme) or not theme.sections,
        guidance_all=bool(strat.guidance),
    )


def document_page(site: Site, here: str, site_url: str, strategy_id: str, document_id: str) -> Rendered:
    """A further document of a strategy, e.g. its purpose paper."""
    strat = shaping.strategy(site, strategy_id)
    document = next(d for d in strat.documents if d.id == document_id)
    return _strategy_block(
        "strategy/document.html",
        site,
        here,
        site_url,
        strat,
        document=document,
    )


def strategy_index(site: Site, here: str, site_url: str, heading_level: int = 2) -> Rendered:
    """Every strategy once, under its municipality, with a way to narrow by municipality and target group."""
    return render(
        "site/strategy-finder.html",
        site,
        here,
        site_url=site_url,
        groups=shaping.strategies_by_municipality(site),
        total=len(site.strategies),
        target_groups_of={s.id: shaping.target_group_names(site, s) for s in site.strategies},
        municipalities=[m for m, _ in shaping.strategies_by_municipality(site)],
        target_groups=shaping.target_groups_in_use(site),
        show_municipalities=len(site.municipalities) > 1,
        heading_level=heading_level,
        consultations=progress.open_consultations(site, progress.build_date()),
    )  # issue 13


def guide_index(site: Site, here: str, site_url: str) -> Rendered:
    """The audience guides."""
    return render("guides/guide-index.html", site, here, site_url=site_url, audiences=site.settings.audiences)


def audience_guide(site: Site, here: str, site_url: str, audience_id: str) -> Rendered:
    """What one audience can do, across all strategies, by municipality and strategy."""
    return render(
        "guides/audience-guide.html",
        site,
        here,
        site_url=site_url,
        audience=shaping.audience(site, audience_id),
        groups=shaping.guide_by_municipality(site, audience_id),
        participation_url=urls.PARTICIPATION if audience_id == shaping.PARTICIPATION_AUDIENCE else None,
        show_municipalities=len(site.municipalities) > 1,
    )


def participation_directory(site: Site, here: str, site_url: str) -> Rendered:
    """Ways for volunteers and associations to take part, with filters that only offer choices with entries."""
    return render(
        "participation/directory.html",
        site,
        here,
        site_url=site_url,
        entries=shaping.participation(site),
        municipalities=shaping.participation_municipalities(site),
        theme_groups=shaping.participation_theme_groups(site),
    )


def accessibility_statement(site: Site, here: str, site_url: str) -> Rendered:
    """The accessibility statement, one part per municipality (WAS-Tool structure)."""
    return render(
        "site/accessibility-statement.html",
        site,
        here,
        site_url=site_url,
        statements=[(m, m.accessibility) for m, _ in shaping.strategies_by_municipality(site)],
    )


def glossary(site: Site, here: str, site_url: str) -> Rendered:
    """Every definition the strategies give, with its source."""
    return render(
        "glossary/glossary.html",
        site,
        here,
        site_url=site_url,
        groups=shaping.terms_by_letter(site),
        term_names={term.id: term.term for term, _ in shaping.terms(site)},
        municipality_names={m.id: m.name for m in site.municipalities},
    )


# --- Issue 13: "Sådan går det" and "Nyt" -------------------------------------------------------------


def progress_page(site: Site, here: str, site_url: str, strategy_id: str) -> Rendered:
    """How far a strategy has come: lifecycle, decisions, follow-up plan, initiatives, charts, timeline, updates."""
    strat = shaping.strategy(site, strategy_id)
    return render(
        "progress/progress-page.html",
        site,
        here,
        site_url=site_url,
        **progress_view.context(site, strat, progress.build_date()),
    )


def news_page(site: Site, here: str, site_url: str) -> Rendered:
    """Every update on the site, newest first, with the site's Atom feed."""
    return render(
        "progress/news.html",
        site,
        here,
        site_url=site_url,
        updates=progress_view.site_updates(site),
        feed=urls.SITE_FEED,
    )


VIEWS: dict[str, Callable[..., Rendered]] = {
    view.__name__: view
    for view in (
        strategy_page,
        theme_page,
        document_page,
        strategy_index,
        guide_index,
        audience_guide,
        participation_directory,
        accessibility_statement,
        glossary,
        progress_page,
        news_page,
    )
}
