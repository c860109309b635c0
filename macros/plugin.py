"""MkDocs plugin: the hooks that connect the engine to the data layer, each handing off to one module.

Read top to bottom, one build:

1. ``on_config``: load and validate data/ once (``loader``), plan the generated pages (``pages``), put
   them in the navigation (``engine.navigation``). While serving, errors become a page (``engine.preview``).
2. ``on_files``: add the generated pages as files.
3. ``on_pre_build``: hand-written pages in docs/ get the sandboxed macro environment (``engine.sandbox``).
4. ``on_page_markdown``: a generated page gets its view's HTML (``views``), kept behind a placeholder
   (``engine.slots``); docs/ macros do the same (:meth:`StrategyPlugin.docs_macros`).
5. ``on_page_content``: the HTML goes back in, and the page's table of contents is made from the Markdown's
   headings and the headings the views recorded (``engine.toc``).
6. ``on_env``: every title becomes escaped text (``engine.titles``); every page's article goes to the site
   search, which indexes and writes its bundle while the pages render (``engine.search``).
7. ``on_page_context``: the page's own view of the navigation (``engine.navigation.pruned``), its
   document title and its edit link (``engine.edit_urls``).
8. ``on_post_page`` / ``on_post_template``: Material's invalid attributes removed (``engine.theme_fixes``).

Every decision about data (what pages exist, what they show) is made in the engine-free modules.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.commands.build import get_context
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page as MkPage

from . import devreload, jinja_cache, loader, outputs, pages, progress, shaping, updated, views
from .engine import (
    edit_urls,
    focus,
    navigation,
    preview,
    run,
    sandbox,
    search,
    slots,
    startup,
    theme_assets,
    theme_fixes,
    titles,
    toc,
)
from .model import Site
from .problems import DataError, Problem

startup.defer_imports()  # before MkDocs loads mkdocs-macros (macros/engine/startup.py)


class StrategyPluginConfig(base.Config):
    data_dir = c.Type(str, default="data")
    # Where editors change a file in the repository, e.g. https://github.com/<org>/<repo>/edit/main/
    # When set, every page links "Rediger denne side" to the file it is written from (Markdown or data).
    edit_url = c.Type(str, default="")


class StrategyPlugin(BasePlugin[StrategyPluginConfig]):
    site: Site
    plan: list[pages.Page]
    slots: slots.Slots
    serving: bool = False
    focus: str | None = None  # the one strategy previewed (engine.focus), or None
    indexer: search.StreamingIndex | None = None  # Pagefind during a build, handed every article at on_env
    _generated: dict[str, pages.Page]
    _pruned_sections: list[Section]
    _page_values: dict[str, dict[str, Any]]  # src_uri -> what on_page_context adds, when on_env worked it out

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.serving and devreload.reload_if_changed():
            # Python changes in this package take effect now; changes to this file's hooks from the next
            # build, when MkDocs registers this (kept) plugin object's methods again.
            self.__class__ = sys.modules[__name__].StrategyPlugin
        self.root = Path(config.config_file_path).parent.resolve()
        self.data_dir = (self.root / self.config.data_dir).resolve()
        updated.prefetch(self.root)  # "Sidst opdateret": git reads the history while the data is validated
        self.slots = slots.Slots()
        self.problems: list[Problem] = []
        config.extra["municipalities"], config.extra["was_urls"] = {}, {}
        try:
            self.focus = focus.strategy_id(self.serving)  # make serve STRATEGI=<id>: one strategy only
            self.site = loader.load_site(self.data_dir, only=self.focus)
        except DataError as error:
            if not self.serving:
                raise PluginError(error.report()) from None
            # The preview shows the problems on every page instead of failing (engine.preview).
            self.problems = error.problems
            preview.report(self.problems, error.report())
            self._generated = {}
            config.nav = None
            return config
        self.plan = pages.site_plan(self.site)
        self._generated = {page.src: page for page in pages.walk(self.plan)}
        self._last_good_srcs = set(self._generated)
        config.nav = navigation.expand_nav(config.nav, self.plan)
        config.extra["municipalities"] = {m.id: m.name for m in self.site.municipalities}
        config.extra["was_urls"] = {
            m.id: m.accessibility.was_url
            for m in self.site.municipalities
            if m.accessibility and m.accessibility.was_url
        }
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.problems:
            return preview.error_files(files, config, getattr(self, "_last_good_srcs", set()), self.problems)
        for page in self._generated.values():
            files.append(File.generated(config, page.src, content=page.markdown()))
        return theme_assets.drop_unused(files, config)

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        srcs = {src for src, page in self._generated.items() if page.nav_current_only}
        self._pruned_sections = navigation.sections_for(nav, srcs)
        self.nav = nav
        return nav

    def on_pre_build(self, config: MkDocsConfig) -> None:
        """docs/ pages render in the sandbox, with the site's views as their only macros."""
        if self.indexer is not None:
            self.indexer.close()
        # Pagefind starts now, for a build (not the preview, which indexes in the background after it); it gets
        # the pages' articles in on_env.
        ready = not (self.serving or self.focus or self.problems)
        self.indexer = search.StreamingIndex() if ready else None
        macros = config.plugins.get("macros")
        if macros is None or self.problems:
            return
        if not hasattr(macros, "_env"):
            raise PluginError("mkdocs-macros has changed: its template environment (_env) was not found")
        original: jinja2.Environment = macros._env

        def page_source() -> tuple[str, Path | None]:
            page = macros.page
            return page.file.src_uri, Path(page.file.abs_src_path) if page.file.abs_src_path else None

        macros._env = sandbox.PageSandbox(
            self.docs_macros(config),
            page_source,
            loader=original.loader,
            variable_start_string=original.variable_start_string,
            variable_end_string=original.variable_end_string,
            block_start_string=original.block_start_string,
            block_end_string=original.block_end_string,
            comment_start_string=original.comment_start_string,
            comment_end_string=original.comment_end_string,
        )

    def docs_macros(self, config: MkDocsConfig) -> dict[str, Any]:
        """The views, as macros for the page being rendered; their HTML goes in after Markdown."""
        site_url = config.site_url or ""
        macros_plugin: Any = config.plugins["macros"]

        def macro(view: Any) -> Any:
            def call(*args: Any, **kwargs: Any) -> Markup:
                page = macros_plugin.page
                return self.slots.put(page.file.src_uri, view(self.site, page.url, site_url, *args, **kwargs))

            call.__name__ = view.__name__
            return call

        return {name: macro(view) for name, view in views.VIEWS.items()}

    def on_page_markdown(self, markdown: str, page: MkPage, config: MkDocsConfig, files: Files) -> str:
        """A generated page gets its view's HTML here, without mkdocs-macros compiling the page as a template."""
        generated = self._generated.get(page.file.src_uri) if page.file.generated_by else None
        if generated is None:
            return markdown
        rendered = generated.view(self.site, page.url, config.site_url or "")
        return f"{markdown}\n{self.slots.put(page.file.src_uri, rendered)}\n"

    def on_page_content(self, html: str, page: MkPage, config: MkDocsConfig, files: Files) -> str:
        try:
            restored, placed = self.slots.restore(page.file.src_uri, html)
        except slots.SlotError as error:
            raise PluginError(str(error)) from None
        page.toc = toc.build(page.toc, placed, html)
        if self.focus and not self.problems and self.site.strategies:
            restored = focus.note(self.site.strategies[0].title) + restored
        return restored

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        doc_files = files.documentation_pages()
        titles.escape_titles(self.nav, (f.page for f in doc_files if f.page is not None))
        env.bytecode_cache = jinja_cache.bytecode_cache(f"theme-{run.engine()}")  # compiled once, not every build
        self._page_values = {}
        if self.indexer is not None:
            self._index_articles(env, config, doc_files)
        return env

    def _index_articles(self, env: jinja2.Environment, config: MkDocsConfig, doc_files: Sequence[File]) -> None:
        """Issue 15: every page's article to Pagefind now, so it indexes and writes its bundle while MkDocs renders.

        The article is the theme's own partial (overrides/partials/ks-article.html) rendered with the context
        MkDocs gives the page, and the page then shows this same HTML (``ks_article``), so Pagefind reads what
        the reader will (a site test also compares the bundle with Pagefind's command line over the finished
        site). Pages with a template of their own (a redirect) have no article and are not searched.
        """
        assert self.indexer is not None
        article = env.get_template(search.ARTICLE_TEMPLATE)
        for file in doc_files:
            page = file.page
            if page is None or page.meta.get("template", "main.html") != "main.html":
                continue
            values = self._page_values[file.src_uri] = self._values_for(page, config)
            values["ks_article"] = Markup(article.render({**get_context(self.nav, doc_files, config, page), **values}))
            self.indexer.add(search.document(values["ks_html_title"], values["ks_article"]), file.dest_uri)
        self.indexer.write(Path(config.site_dir))

    def on_page_context(  # type: ignore[override]  # MkDocs' TemplateContext is a TypedDict of its keys
        self, context: dict[str, Any], page: MkPage, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        if self.problems:
            return context
        context["nav"] = navigation.pruned(nav, self._pruned_sections)  # depends on the page being active
        values = self._page_values.pop(page.file.src_uri, None)  # worked out already for the search (on_env)
        context.update(values if values is not None else self._values_for(page, config))
        return context

    def _values_for(self, page: MkPage, config: MkDocsConfig) -> dict[str, Any]:
        """What this plugin adds to a page's template context; also sets its edit link and its date."""
        generated = self._generated.get(page.file.src_uri) if page.file.generated_by else None
        html_title = titles.html_title(self.site, page, config.site_name, generated.strategy if generated else None)
        page.edit_url = edit_urls.edit_url(
            self.config.edit_url,
            self.root,
            Path(config.docs_dir),
            page.file.src_uri,
            generated.source if generated else None,
            generated is not None,
        )
        # Sidst opdateret: from the git history of the page's Markdown or data file(s) (macros/updated.py)
        page.meta["ks_updated"] = updated.updated_for(
            updated.sources_for(
                Path(config.docs_dir),
                page.file.src_uri,
                generated.source if generated else None,
                generated is not None,
                self.data_dir,
            ),
            self.root,
        )
        if generated is not None:  # a dated update about the strategy is a change to its pages too (issue 13)
            strategy = self.site.strategies_by_id.get(generated.strategy or "")
            newest = progress.last_updated(self.site, strategy) if strategy or generated.src == pages.NEWS_SRC else None
            page.meta["ks_updated"] = max(filter(None, (page.meta["ks_updated"], newest)), default=None)
        if page.meta["ks_updated"]:
            page.meta["ks_updated_text"] = shaping.danish_date(page.meta["ks_updated"])
        return {"ks_html_title": html_title, "ks_search": search.page_search(page.url, html_title, config.site_name)}

    def on_post_page(self, output: str, page: MkPage, config: MkDocsConfig) -> str:
        return theme_fixes.valid_theme_markup(output)

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        return theme_fixes.valid_theme_markup(output_content)  # 404.html

    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.problems:
            preview.error_404(Path(config.site_dir), config.site_url or "")
            return
        if self.focus:
            return  # a one-strategy preview: no search index, feeds or open data (engine.focus)
        # --- issue 13: feeds, open data and schemas (macros/outputs.py); not from a preview with errors ---
        for rel, content in outputs.extra_files(
            self.site, config.site_url or "", progress.build_date(), config.site_name
        ).items():
            target = Path(config.site_dir) / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        # --- end issue 13 ---
        # --- issue 15: the search bundle Pagefind has been writing since on_env (macros/engine/search.py) ---
        if self.indexer is not None:
            indexer, self.indexer = self.indexer, None
            indexer.finish()
        else:
            search.index_site(Path(config.site_dir), serving=self.serving)  # mkdocs serve: in the background
        # --- end issue 15 ---

    def on_build_error(self, error: Exception) -> None:
        if self.indexer is not None:
            self.indexer.close()
            self.indexer = None

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.data_dir))
        server.watch(str(Path(__file__).resolve().parent))
        # Our templates and components: MkDocs only watches theme folders with --watch-theme.
        if config.theme.custom_dir:
            server.watch(config.theme.custom_dir)
        return server
