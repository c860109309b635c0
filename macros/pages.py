"""Which pages follow from data, where they live, and how they nest in the navigation.

Pure functions over the model: no MkDocs here. The plugin turns this plan into
generated files and navigation entries.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from . import urls, views
from .model import Site, Strategy
from .render import Rendered
from .shaping import has_own_text, theme_label

STRATEGIES_INDEX = urls.index_source(urls.STRATEGIES)
GUIDES_INDEX = urls.index_source(urls.GUIDES)
NEWS_SRC = urls.page_source(urls.NEWS)  # every update on the site, in the Strategier section


@dataclass(frozen=True)
class ViewCall:
    """A view of views.py and the arguments it is called with on its page."""

    function: Callable[..., Rendered]
    args: tuple[str, ...] = ()

    def __call__(self, site: Site, here: str, site_url: str) -> Rendered:
        return self.function(site, here, site_url, *self.args)

    def __repr__(self) -> str:
        return f"{self.function.__name__}{self.args!r}"


@dataclass(frozen=True)
class Page:
    """A page generated from data: its source path, title and the view (name, arguments) that fills it."""

    src: str
    title: str
    view: ViewCall  # what fills the page
    meta: dict[str, str] = field(default_factory=dict)
    children: tuple[Page | Group, ...] = ()
    # In the navigation, show only the reader's current path below this page, not every sibling:
    # a page's HTML must not grow with the number of strategies on the site (the index lists them all).
    nav_current_only: bool = False
    # The data file the page is written from, relative to the project folder (for "Rediger denne side").
    source: str | None = None
    # The strategy the page belongs to (its overview, themes, documents, progress), or None.
    strategy: str | None = None

    def markdown(self) -> str:
        """The page's Markdown: front matter and its title; the plugin adds the view's HTML below it."""
        front = {"title": self.title, **self.meta}
        lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in front.items()]
        # A Markdown h1 gets an id from the toc extension, so the skip link has a target on every page.
        # The title is text: '<' and '&' become entities, Markdown's own characters are backslash-escaped.
        heading = re.sub(r"([\\`*_{}\[\]#|!])", r"\\\1", html.escape(" ".join(self.title.split()), quote=False))
        return "---\n" + "\n".join(lines) + f"\n---\n\n# {heading}\n"


@dataclass(frozen=True)
class Group:
    """A navigation section without a page of its own (e.g. a municipality)."""

    title: str
    children: tuple[Page | Group, ...]


def _view(function: Callable[..., Rendered], *args: str) -> ViewCall:
    return ViewCall(function, tuple(args))


def strategy_src(strategy: Strategy) -> str:
    return urls.index_source(urls.strategy(strategy.id))


def child_src(strategy: Strategy, child_id: str) -> str:
    """Theme, document and progress pages live beside the strategy's overview."""
    return urls.page_source(urls.strategy_child(strategy.id, child_id))


def strategy_page(strategy: Strategy) -> Page:
    meta: dict[str, str] = {"kommune": strategy.municipality}
    child_meta = {**meta, "strategi": str(strategy.id)}  # the page title names the strategy it belongs to
    source = strategy.loc.file if strategy.loc else None
    children: list[Page | Group] = [
        Page(
            child_src(strategy, t.id),
            theme_label(t),
            _view(views.theme_page, strategy.id, t.id),
            child_meta,
            source=source,
            strategy=strategy.id,
        )
        for t in strategy.themes
        if has_own_text(t)
    ]
    children += [
        Page(
            child_src(strategy, d.id),
            d.title,
            _view(views.document_page, strategy.id, d.id),
            child_meta,
            source=source,
            strategy=strategy.id,
        )
        for d in strategy.documents
    ]
    feed = {"ks_feed": urls.strategy_feed(strategy.id)}  # issue 13: <link rel="alternate"> to the strategy's Atom feed
    children.append(
        Page(
            child_src(strategy, urls.PROGRESS_PAGE_ID),
            "Sådan går det",
            _view(views.progress_page, strategy.id),
            {**child_meta, **feed},
            source=source,
            strategy=strategy.id,
        )
    )
    title = strategy.short_title or strategy.title
    return Page(
        strategy_src(strategy),
        title,
        _view(views.strategy_page, strategy.id),
        {**meta, **feed},
        tuple(children),
        source=source,
        strategy=strategy.id,
    )


def site_plan(site: Site) -> list[Page]:
    """The data-derived sections of the site, each with its pages."""
    strategies = [strategy_page(s) for s in site.strategies]
    if len(site.municipalities) > 1:
        names = {m.id: m.name for m in site.municipalities}
        grouped: list[Page | Group] = [
            Group(
                names[m.id],
                tuple(p for s, p in zip(site.strategies, strategies, strict=True) if s.municipality == m.id),
            )
            for m in sorted(site.municipalities, key=lambda m: m.name)
            if any(s.municipality == m.id for s in site.strategies)
        ]
    else:
        grouped = list(strategies)
    grouped.append(Page(NEWS_SRC, "Nyt", _view(views.news_page)))  # issue 13: every update on the site
    guides = tuple(
        Page(urls.page_source(urls.guide(a.id)), a.name, _view(views.audience_guide, a.id))
        for a in site.settings.audiences
    )
    return [
        Page(
            STRATEGIES_INDEX, "Strategier", _view(views.strategy_index), children=tuple(grouped), nav_current_only=True
        ),
        Page(GUIDES_INDEX, "Hvad kan du gøre?", _view(views.guide_index), children=guides),
    ]


def walk(entries: tuple[Page | Group, ...] | list[Page]) -> Iterator[Page]:
    """Every page in a plan, depth first."""
    for entry in entries:
        if isinstance(entry, Page):
            yield entry
        yield from walk(entry.children)
