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

from . import pages, shaping, text
from .model import Site, Term
from .terms import mark_terms

GLOSSARY_URL = "ordliste/"
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
        prose=text.prose,
        inline=text.inline,
        anchor=text.anchor_slug,
        danish_date=shaping.danish_date,
    )
    env.globals.update(status_names=shaping.STATUS_NAMES, guidance_anchor=shaping.GUIDANCE_ANCHOR)
    return env


def render(template: str, site: Site, here: str, *, terms: tuple[Term, ...] = (), site_url: str = "",
           **context: Any) -> Markup:
    """Render a component for the page at URL ``here``; links come out relative to it.

    ``printed(target)`` is the address to print after a link on paper: absolute when the site's URL is
    configured, else the path from the site's root.
    """

    def link(target: str) -> str:
        return pages.relative(target, here)

    def printed(target: str) -> str:
        return (site_url.rstrip("/") if site_url else "") + "/" + target.lstrip("/")

    html = environment().get_template(template).render(
        site=site, link=link, printed=printed, url_of=pages.url_of,
        target_group_names=lambda strategy: shaping.target_group_names(site, strategy),
        municipality_name=lambda municipality_id: shaping.municipality(site, municipality_id).name,
        **context,
    )
    if terms:
        html = mark_terms(html, terms, pages.relative(GLOSSARY_URL, here))
    # The templates' indentation and blank lines carry nothing (components have no <pre>): drop them.
    return Markup("\n".join(line.strip() for line in html.splitlines() if line.strip()))
