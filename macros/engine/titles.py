"""Titles are text: escaped once, in one place, before the theme prints them.

MkDocs' theme environment has no autoescape, and Material prints ``page.title``, ``page.meta.title``,
``nav_item.title`` and ``toc_item.title`` as HTML. Every title that reaches the theme is therefore
turned into escaped text here (idempotent: an already escaped ``Markup`` is left as it is), so a
title written as ``<Strategiens titel>`` or ``Plan A<B`` is shown as written and can never become markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from markupsafe import Markup, escape
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..model import Site
from ..progress import DRAFT_STATUS


def as_text(value: Any) -> Markup | None:
    """A title as escaped text (``None`` stays ``None``)."""
    if value is None or isinstance(value, Markup):
        return value
    return escape(str(value))


def escape_titles(nav: Navigation, pages: Iterable[Page]) -> None:
    """Every page title (front matter included) and section title, as escaped text."""
    for page in pages:
        if "title" in page.meta:
            page.meta["title"] = as_text(page.meta["title"])
        page.title = as_text(page.title)
    stack: list[Any] = list(nav.items)
    while stack:
        item = stack.pop()
        if isinstance(item, Section):
            item.title = as_text(item.title)  # type: ignore[assignment]
            stack.extend(item.children)


def html_title(site: Site, page: Page, site_name: str, strategy_id: str | None = None) -> Markup:
    """The document title: the page, its strategy and its municipality where it has them, then the site.

    A reader with many tabs or a screen reader's window list must see which municipality a page is from;
    a draft says so (and so do search results, whose titles come from here).
    """
    if page.is_homepage:
        return escape(site_name)
    parts: list[Any] = [page.title]
    own = site.strategies_by_id.get(strategy_id or "")
    if own is not None and own.status == DRAFT_STATUS:
        parts[0] = Markup("{} (udkast)").format(page.title)  # stays escaped text, escaped once
    strategy = site.strategies_by_id.get(str(page.meta.get("strategi", "")))
    if strategy is not None:  # set on a strategy's theme and document pages
        parts.append(strategy.short_title or strategy.title)
    municipality = next((m for m in site.municipalities if m.id == page.meta.get("kommune")), None)
    if municipality is not None:
        parts.append(municipality.name)
    parts.append(site_name)
    return Markup(" – ").join(escape(part) for part in parts if part)
