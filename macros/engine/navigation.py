"""The generated pages in the navigation, and the per-page view of it that shows only the reader's path.

A page's HTML must not grow with the number of strategies on the site, so below a section marked
``nav_current_only`` (the strategies) each page shows only the sections on its own path. The pruned
navigation is a view built for one page's context: the shared navigation is never changed.
"""

from __future__ import annotations

import copy
from typing import Any

from mkdocs.structure.nav import Navigation, Section

from .. import pages


def _nav_entry(entry: pages.Page | pages.Group) -> dict[str, Any]:
    children = [_nav_entry(child) for child in entry.children]
    if isinstance(entry, pages.Group):
        return {entry.title: children}
    return {entry.title: [entry.src, *children] if children else entry.src}


def expand_nav(nav: list[Any] | None, plan: list[pages.Page]) -> list[Any] | None:
    """Replace each nav entry that names a generated section index with that section and its pages."""
    if nav is None:
        return None
    sections = {page.src: page for page in plan}
    expanded = []
    for item in nav:
        if isinstance(item, dict) and len(item) == 1:
            ((title, value),) = item.items()
            if isinstance(value, str) and value in sections:
                section = sections[value]
                item = {title: [value, *(_nav_entry(child) for child in section.children)]}
        expanded.append(item)
    return expanded


def sections_for(nav: Navigation, srcs: set[str]) -> list[Section]:
    """The navigation sections whose first page is one of the given generated index pages."""
    found = []
    stack: list[Any] = list(nav.items)
    while stack:
        item = stack.pop()
        if isinstance(item, Section):
            first = item.children[0] if item.children else None
            if first is not None and getattr(getattr(first, "file", None), "src_uri", None) in srcs:
                found.append(item)
            stack.extend(item.children)
    return found


class PrunedSection:
    """A section as one page shows it: the same section, with fewer children."""

    def __init__(self, section: Section, children: list[Any]) -> None:
        self._section = section
        self.children = children

    def __getattr__(self, name: str) -> Any:
        return getattr(self._section, name)


def _current_path_only(section: Section) -> PrunedSection:
    """Pages directly in the section stay; of its subsections only those on the current path, pruned alike."""
    kept = [
        _current_path_only(child) if isinstance(child, Section) else child
        for child in section.children
        if not isinstance(child, Section) or child.active
    ]
    return PrunedSection(section, kept)


def pruned(nav: Navigation, prune: list[Section]) -> Navigation:
    """The navigation one page shows: each section in ``prune`` reduced to the page's own path."""
    targets = {id(section) for section in prune}

    def view(item: Any) -> Any:
        if not isinstance(item, Section):
            return item
        if id(item) in targets:
            return _current_path_only(item)
        children = [view(child) for child in item.children]
        return PrunedSection(item, children) if children != item.children else item

    result = copy.copy(nav)
    result.items = [view(item) for item in nav.items]
    return result
