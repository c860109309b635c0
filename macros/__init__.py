"""Macros for the strategy site (mkdocs-macros entry point).

``define_env`` only registers functions; loading, validation, shaping and
rendering live in their own modules so that they work without MkDocs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup

from . import shaping
from .model import Site
from .pages import child_src, strategy_src, url_of
from .render import render


def _site_plugin(env: Any) -> Any:
    """The site plugin: it has validated data/ for this build before any macro runs."""
    plugin = env.conf["plugins"].get("socialstrategier")
    if plugin is None or not hasattr(plugin, "site"):
        raise RuntimeError("the 'socialstrategier' plugin must be listed in mkdocs.yml before 'macros'")
    return plugin


def define_env(env: Any) -> None:
    plugin = _site_plugin(env)

    def current_site() -> Site:
        # The site the plugin loaded for this build: one validation per build, not one look at data/ per page.
        return plugin.site

    site_url = env.conf.get("site_url") or ""

    def component(template: str, **context: Any) -> Markup:
        return plugin.slot(env.page.file.src_uri,
                           render(template, current_site(), env.page.url, site_url=site_url, **context))

    def strategy_component(template: str, strat: Any, **context: Any) -> Markup:
        """Strategy content explains the terms that strategy defines, where they are first used."""
        return plugin.slot(env.page.file.src_uri,
                           render(template, current_site(), env.page.url, terms=tuple(strat.terms), strategy=strat,
                                  site_url=site_url, **context))

    @env.macro
    def strategy_page(strategy_id: str) -> Markup:
        """A strategy's overview page."""
        site = current_site()
        strat = shaping.strategy(site, strategy_id)
        return strategy_component("strategy/overview.html", strat,
                         municipality=shaping.municipality(site, strat.municipality),
                         guidance=shaping.guidance_groups(site, strat))

    @env.macro
    def theme_page(strategy_id: str, theme_id: str) -> Markup:
        """One theme (focus area, track, pejlemærke) of a strategy."""
        site = current_site()
        strat = shaping.strategy(site, strategy_id)
        theme = shaping.theme(strat, theme_id)
        index = strat.themes.index(theme)
        return strategy_component(
            "strategy/theme.html", strat, theme=theme,
            guidance=shaping.guidance_groups(site, strat, theme_id),
            previous=strat.themes[index - 1] if index > 0 else None,
            next=strat.themes[index + 1] if index + 1 < len(strat.themes) else None,
            overview_url=url_of(strategy_src(strat)),
            theme_url=lambda t: url_of(child_src(strat, t.id)),
        )

    @env.macro
    def document_page(strategy_id: str, document_id: str) -> Markup:
        """A further document of a strategy, e.g. its purpose paper."""
        site = current_site()
        strat = shaping.strategy(site, strategy_id)
        document = next(d for d in strat.documents if d.id == document_id)
        return strategy_component("strategy/document.html", strat, document=document,
                         overview_url=url_of(strategy_src(strat)))

    @env.macro
    def strategy_index(heading_level: int = 2) -> Markup:
        """All strategies, by municipality and by target group; headings start at ``heading_level``."""
        site = current_site()
        return component("site/strategy-finder.html", by_municipality=shaping.strategies_by_municipality(site),
                         by_target_group=shaping.strategies_by_target_group(site),
                         show_municipalities=len(site.municipalities) > 1, heading_level=heading_level)

    @env.macro
    def guide_index() -> Markup:
        """The audience guides."""
        site = current_site()
        return component("guides/guide-index.html", audiences=site.settings.audiences)

    @env.macro
    def audience_guide(audience_id: str) -> Markup:
        """What one audience can do, across all strategies."""
        site = current_site()
        return component("guides/audience-guide.html", audience=shaping.audience(site, audience_id),
                         sections=shaping.audience_guide(site, audience_id),
                         source_url=shaping.action_source_url,
                         show_municipalities=len(site.municipalities) > 1)

    @env.macro
    def participation_directory() -> Markup:
        """Ways for volunteers and associations to take part, with filters."""
        site = current_site()
        return component("participation/directory.html", entries=shaping.participation(site),
                         municipalities=[m for m, _ in shaping.strategies_by_municipality(site)],
                         theme_options=shaping.participation_theme_options(site))

    @env.macro
    def accessibility_statement() -> Markup:
        """The accessibility statement, one part per municipality (WAS-Tool structure)."""
        site = current_site()
        return component("site/accessibility-statement.html",
                         statements=[(m, m.accessibility) for m, _ in shaping.strategies_by_municipality(site)])

    @env.macro
    def glossary() -> Markup:
        """Every definition the strategies give, with its source."""
        site = current_site()
        entries = shaping.terms(site)
        return component("glossary/glossary.html", entries=entries,
                         term_names={term.id: term.term for term, _ in entries})
