"""Render components from Jinja templates with autoescape.

Python shapes the data (``macros/shaping/``); templates in overrides/components/ only render it. Data
text is passed as values, never compiled as a template.

A render returns its HTML together with its headings: templates write every heading that has an id
through ``heading(level, id, text)`` (or ``{% call heading(level, id) %}…{% endcall %}`` when the heading
holds a link), which prints the tag and records it. The page's table of contents is built from those
records (``engine/toc.py``), never by reading the HTML back.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from . import shaping, text, urls
from .jinja_cache import bytecode_cache
from .model import Site, Term
from .progress import danish_number
from .terms import mark_terms

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "overrides" / "components"


@dataclass(frozen=True)
class Heading:
    """A heading with an id: its level, its id and its text as escaped HTML (what a TOC entry prints)."""

    level: int
    id: str
    name: str


@dataclass(frozen=True)
class Rendered:
    """A component's HTML and the headings in it, in document order."""

    html: Markup
    headings: tuple[Heading, ...] = ()

    def __html__(self) -> Markup:
        return self.html

    def __str__(self) -> str:
        return str(self.html)


def heading_writer(found: list[Heading]) -> Callable[..., Markup]:
    """The ``heading`` of one render: prints ``<hN id=…>`` and records it in ``found``."""

    def heading(
        level: int, ident: str, text: Any = None, caller: Callable[[], str] | None = None, **attrs: str
    ) -> Markup:
        inner = Markup(caller()) if caller is not None else escape(text)
        if not 1 <= int(level) <= 6 or not ident:
            raise ValueError(f"heading({level!r}, {ident!r}): a level from 1 to 6 and an id are needed")
        # The TOC entry is the heading's text without its markup (a link, a label), still escaped.
        found.append(Heading(int(level), str(ident), str(escape(" ".join(inner.striptags().split())))))
        extra = "".join(f' {name.rstrip("_")}="{escape(value)}"' for name, value in attrs.items())
        return Markup(f'<h{int(level)} id="{escape(ident)}"{extra}>{inner}</h{int(level)}>')

    return heading


@functools.cache
def environment(template_dir: Path = TEMPLATE_DIR) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(template_dir)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=bytecode_cache("components"),
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
        website_label=shaping.website_label,
        theme_label=shaping.theme_label,  # '1. Title': one way to number a theme everywhere  # a municipality's web address as a reader reads it
        number=danish_number,  # 12.5 -> '12,5'
    )
    env.globals.update(guidance_anchor=shaping.GUIDANCE_ANCHOR)
    return env


def render(
    template: str, site: Site, here: str, *, terms: tuple[Term, ...] = (), site_url: str = "", **context: Any
) -> Rendered:
    """Render a component for the page at URL ``here``; links come out relative to it.

    ``printed(target)`` is the address to print after a link on paper: absolute when the site's URL is
    configured, else the path from the site's root.
    """

    def link(target: str, fragment: str | None = None) -> str:
        return urls.relative(urls.with_fragment(target, fragment), here)

    found: list[Heading] = []

    def printed(target: str) -> str:
        return (site_url.rstrip("/") if site_url else "") + "/" + target.lstrip("/")

    html = (
        environment()
        .get_template(template)
        .render(
            site=site,
            link=link,
            printed=printed,
            heading=heading_writer(found),
            status_names={status.id: status.name for status in site.settings.statuses},
            **context,
        )
    )
    if terms:
        html = mark_terms(html, terms, urls.relative(urls.GLOSSARY, here))
    # The templates' indentation and blank lines carry nothing (components have no <pre>): drop them.
    return Rendered(Markup("\n".join(line.strip() for line in html.splitlines() if line.strip())), tuple(found))
