"""Every file the build writes that is not a page: Atom feeds, open-data JSON and CSV, JSON Schemas.

One function, so the plugin writes them with one call and tests can ask for exactly what a build
publishes, without MkDocs.
"""

from __future__ import annotations

import datetime as dt

from . import export, feeds, urls
from .model import Site

DEFAULT_SITE_NAME = "Strategier for det specialiserede socialområde"


def extra_files(site: Site, site_url: str, build_date: dt.date, site_name: str = DEFAULT_SITE_NAME) -> dict[str, bytes]:
    """Path in the built site -> content."""
    out = {urls.SITE_FEED: feeds.atom(site, None, site_url, build_date, site_name)}
    out.update(
        {urls.strategy_feed(s.id): feeds.atom(site, s, site_url, build_date, site_name) for s in site.strategies}
    )
    out.update(export.files(site, build_date))
    return out
