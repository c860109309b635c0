"""Render components from Jinja templates with autoescape.

Python shapes the data (``shaping.py``); templates in overrides/components/
only render it. Data text is passed as values, never compiled as a template.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import shaping, text, urls
from .model import Site, Term
from .terms import mark_terms

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "overrides" / "components"


@functools.cache
def environment(template_dir: Path = TEMPLATE_DIR) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(template_dir)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        # The site's addresses come from urls.py only: {{ strategy | url }}, {{ theme | url(strategy) }}.
        url=urls.of,
        strategy_url=urls.strategy,
        progress_url=lambda strategy: urls.progress(strategy.id),
        prose=text.prose,
        inline=text.inline,
        anchor=text.anchor_slug,
        danish_date=shaping.danish_date,
    )
    env.globals.update(guidance_anchor=shaping.GUIDANCE_ANCHOR)
    return env


def render(
    template: str, site: Site, here: str, *, terms: tuple[Term, ...] = (), site_url: str = "", **context: Any
) -> Markup:
    """Render a component for the page at URL ``here``; links come out relative to it.

    ``printed(target)`` is the address to print after a link on paper: absolute when the site's URL is
    configured, else the path from the site's root.
    """

    def link(target: str, fragment: str | None = None) -> str:
        return urls.relative(urls.with_fragment(target, fragment), here)

    def printed(target: str) -> str:
        return (site_url.rstrip("/") if site_url else "") + "/" + target.lstrip("/")

    html = (
        environment()
        .get_template(template)
        .render(
            site=site,
            link=link,
            printed=printed,
            status_names={status.id: status.name for status in site.settings.statuses},
            target_group_names=lambda strategy: shaping.target_group_names(site, strategy),
            municipality_name=lambda municipality_id: shaping.municipality(site, municipality_id).name,
            **context,
        )
    )
    if terms:
        html = mark_terms(html, terms, urls.relative(urls.GLOSSARY, here))
    # The templates' indentation and blank lines carry nothing (components have no <pre>): drop them.
    return Markup("\n".join(line.strip() for line in html.splitlines() if line.strip()))
