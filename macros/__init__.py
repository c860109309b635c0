"""Macros for the hand-written pages in docs/ (mkdocs-macros entry point).

``define_env`` only registers the views of ``views.py`` as macros; loading, validation, shaping and
rendering live in their own modules so that they work without MkDocs. Pages generated from data do
not go through macros at all: the site plugin renders their view directly.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from . import views


def _site_plugin(env: Any) -> Any:
    """The site plugin: it has validated data/ for this build before any macro runs."""
    plugin = env.conf["plugins"].get("socialstrategier")
    if plugin is None or not hasattr(plugin, "site"):
        raise RuntimeError("the 'socialstrategier' plugin must be listed in mkdocs.yml before 'macros'")
    return plugin


def define_env(env: Any) -> None:
    plugin = _site_plugin(env)
    site_url = env.conf.get("site_url") or ""

    def register(name: str, view: Callable[..., Markup]) -> None:
        @functools.wraps(view)
        def macro(*args: Any, **kwargs: Any) -> Markup:
            # The site the plugin validated for this build; the HTML goes in after Markdown (plugin.slot).
            html = view(plugin.site, env.page.url, site_url, *args, **kwargs)
            return plugin.slot(env.page.file.src_uri, html)

        env.macro(macro, name)

    for name, view in views.VIEWS.items():
        register(name, view)
