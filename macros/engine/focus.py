"""Previewing one strategy: ``make serve STRATEGI=<id>`` (issue 15: a preview that stays fast at any size).

The whole-site preview rebuilds every page on every save, which takes tens of seconds on a national site.
With ``KS_STRATEGI`` set (the Makefile sets it from ``STRATEGI``), ``mkdocs serve`` reads only that
strategy's file with the shared files (``loader.load_site(only=…)``), builds its pages and the shared pages
for it, skips the site-wide work a preview does not need (search index, feeds, open data), and says at the
top of every page that this is a preview of one strategy, so nobody takes it for the site.
"""

from __future__ import annotations

import os

from markupsafe import Markup, escape

VARIABLE = "KS_STRATEGI"


def strategy_id(serving: bool) -> str | None:
    """The strategy to preview, or None for the whole site (always None for ``mkdocs build``)."""
    value = os.environ.get(VARIABLE, "").strip()
    return value or None if serving else None


def note(title: str) -> Markup:
    """The notice at the top of every page of a one-strategy preview."""
    return Markup(
        '<p class="ks-preview-note" role="note"><strong>Forhåndsvisning af én strategi:</strong> '
        f"{escape(title)}. Andre strategier, søgning, feeds og åbne data er udeladt, så ændringer vises hurtigt. "
        "Hele sitet ser du med <code>make serve</code>.</p>\n"
    )
