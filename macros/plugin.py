"""MkDocs plugin: validate data/ first, generate the pages that follow from it, and put them in the navigation.

Thin glue: every decision is made in the MkDocs-free modules (loader, pages).
"""

from __future__ import annotations

import html as html_lib
import re
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page as MkPage
from mkdocs.structure.toc import get_toc
from markupsafe import Markup

from . import devreload, loader, pages, views
from .problems import DataError


class StrategyPluginConfig(base.Config):
    data_dir = c.Type(str, default="data")
    # Where editors change a file in the repository, e.g. https://github.com/<org>/<repo>/edit/main/
    # When set, every page links "Rediger denne side" to the file it is written from (Markdown or data).
    edit_url = c.Type(str, default="")


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
            (title, value), = item.items()
            if isinstance(value, str) and value in sections:
                section = sections[value]
                item = {title: [value, *(_nav_entry(child) for child in section.children)]}
        expanded.append(item)
    return expanded


# h1-h3 with an id, as our templates and Python-Markdown write them (no nested headings, ids without entities).
_HEADING = re.compile(r"<h([1-3])\b([^>]*)>(.*?)</h\1\s*>", re.S | re.I)
_ID = re.compile(r'\bid="([^"]+)"')
_TAG = re.compile(r"<[^>]+>")


def _headings(html: str) -> list[dict[str, Any]]:
    """(level, id, text) of every h1-h3 heading that has an id, in document order."""
    found = []
    for match in _HEADING.finditer(html):
        ident = _ID.search(match.group(2))
        if ident:
            name = " ".join(html_lib.unescape(_TAG.sub("", match.group(3))).split())
            found.append({"level": int(match.group(1)), "id": ident.group(1), "name": name, "children": []})
    return found


def toc_from_html(html: str) -> Any:
    """A table of contents from the final HTML: headings rendered from data are raw HTML the toc extension never sees.

    The h1 comes first: Material's skip link points to the first entry, and its sidebar hides a level-1 root.
    """
    tokens: list[dict[str, Any]] = []
    stack: list[dict[str, Any]] = []
    for heading in _headings(html):
        while stack and stack[-1]["level"] >= heading["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else tokens).append(heading)
        stack.append(heading)
    return get_toc(tokens)


_SLOT = re.compile(r'<div data-ks-slot="(\d+)"></div>')
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
_EMPTY_TABINDEX = re.compile(r'\s+tabindex=""')


def valid_theme_markup(html: str) -> str:
    """Material 9 writes two things the Nu HTML checker rejects; base.html cannot be overridden without copying it.

    autocomplete="off" on its checkbox toggles, and tabindex="" on section labels.
    """
    return _EMPTY_TABINDEX.sub("", _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html))


def _sections_for(nav: Navigation, srcs: set[str]) -> list[Section]:
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


def keep_current_path(section: Section) -> list[tuple[Section, list[Any]]]:
    """Drop the inactive subsections below a section, for one page's render; returns what to restore.

    Pages directly in the section (its index) stay; of the nested sections only those on the
    current page's path stay, each pruned the same way.
    """
    changed = [(section, section.children)]
    kept = [child for child in section.children if not isinstance(child, Section) or child.active]
    section.children = kept
    for child in kept:
        if isinstance(child, Section):
            changed += keep_current_path(child)
    return changed


class StrategyPlugin(BasePlugin[StrategyPluginConfig]):
    data_dir: Path
    site: Any
    plan: list[pages.Page]
    _pruned_sections: list[Section]
    _restore: list[tuple[Section, list[Any]]]
    _generated: dict[str, pages.Page]

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if getattr(self, "serving", False) and devreload.reload_if_changed():
            # Python changes in this package take effect now; changes to this file's hooks from the next
            # build, when MkDocs registers this (kept) plugin object's methods again.
            self.__class__ = sys.modules[__name__].StrategyPlugin
        self.data_dir = (Path(config.config_file_path).parent / self.config.data_dir).resolve()
        try:
            site = self.site = loader.load_site(self.data_dir)
        except DataError as error:
            raise PluginError(error.report()) from None
        self.plan = pages.site_plan(site)
        self._slots: dict[str, list[str]] = {}
        self._generated = {page.src: page for page in pages.walk(self.plan)}
        config.nav = expand_nav(config.nav, self.plan)
        config.extra["municipalities"] = {m.id: m.name for m in site.municipalities}
        config.extra["was_urls"] = {m.id: m.accessibility.was_url for m in site.municipalities
                                    if m.accessibility and m.accessibility.was_url}
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for page in self._generated.values():
            files.append(File.generated(config, page.src, content=page.markdown()))
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        srcs = {src for src, page in self._generated.items() if page.nav_current_only}
        self._pruned_sections = _sections_for(nav, srcs)
        self._restore = []
        return nav

    def on_page_context(self, context: dict[str, Any], page: MkPage, config: MkDocsConfig,
                        nav: Navigation) -> dict[str, Any]:
        for section in self._pruned_sections:
            self._restore += keep_current_path(section)
        page.edit_url = self._edit_url(page, config)
        return context

    def _edit_url(self, page: MkPage, config: MkDocsConfig) -> str | None:
        """The repository URL of the file a page comes from: its Markdown file, or the data file it is generated from."""
        base_url = self.config.edit_url
        if not base_url:
            return None
        root = Path(config.config_file_path).parent.resolve()
        generated = self._generated.get(page.file.src_uri) if page.file.generated_by else None
        if generated:
            path = generated.source  # the data file; None for pages drawn from many files (the guides)
        else:
            path = (Path(config.docs_dir) / page.file.src_uri).resolve().relative_to(root).as_posix()
        return urljoin(base_url.rstrip("/") + "/", path) if path else None

    def on_page_markdown(self, markdown: str, page: MkPage, config: MkDocsConfig, files: Files) -> str:
        """A generated page gets its view's HTML here, without mkdocs-macros compiling the page as a template."""
        generated = self._generated.get(page.file.src_uri) if page.file.generated_by else None
        if generated is None:
            return markdown
        name, args = generated.view
        html = views.VIEWS[name](self.site, page.url, config.site_url or "", *args)
        return f"{markdown}\n{self.slot(page.file.src_uri, html)}\n"

    def slot(self, src: str, html: str) -> Markup:
        """Keep a macro's finished HTML aside and give Markdown a placeholder instead.

        Python-Markdown would otherwise parse every generated page's HTML once more (md_in_html), which
        was the largest cost of our build over plain Material; the HTML goes back in on_page_content.
        """
        stored = self._slots.setdefault(src, [])
        stored.append(html)
        return Markup(f'<div data-ks-slot="{len(stored) - 1}"></div>')

    def on_page_content(self, html: str, page: MkPage, config: MkDocsConfig, files: Files) -> str:
        stored = self._slots.pop(page.file.src_uri, [])
        html = _SLOT.sub(lambda match: stored[int(match.group(1))], html)
        page.toc = toc_from_html(html)
        return html

    def on_post_page(self, output: str, page: MkPage, config: MkDocsConfig) -> str:
        for section, children in reversed(self._restore):
            section.children = children
        self._restore = []
        return valid_theme_markup(output)

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        return valid_theme_markup(output_content)  # 404.html

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.data_dir))
        server.watch(str(Path(__file__).resolve().parent))
        # Our templates and components: MkDocs only watches theme folders with --watch-theme.
        if config.theme.custom_dir:
            server.watch(config.theme.custom_dir)
        return server
