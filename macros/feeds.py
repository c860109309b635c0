"""Atom feeds (RFC 4287) of the updates: one for the site, one per strategy.

Built with ElementTree, so every text is escaped. Ids are UUIDs derived from the strategy and update
ids: they never change when a title is corrected or the site moves to another address, so feed readers
do not show an update twice.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import uuid
import xml.etree.ElementTree as ET

from . import progress, urls
from .model import Site, Strategy
from .progress import UpdateItem
from .text import prose

ATOM = "http://www.w3.org/2005/Atom"
ID_NAMESPACE = uuid.UUID("6f1c1f52-4a8e-5b7e-9c55-2f0d3c4e8a11")  # fixed: ids must stay the same forever


def feed_id(strategy: Strategy | None) -> str:
    return "urn:uuid:" + str(uuid.uuid5(ID_NAMESPACE, f"feed/{strategy.id if strategy else ''}"))


def entry_id(item: UpdateItem) -> str:
    return "urn:uuid:" + str(uuid.uuid5(ID_NAMESPACE, f"nyt/{item.strategy.id}/{item.update.id}"))


def timestamp(day: dt.date) -> str:
    """Atom needs a date-time: an update is dated by day, so midnight UTC of that day."""
    return f"{day.isoformat()}T00:00:00Z"


def _href(target: str, feed_path: str, site_url: str) -> str:
    """Absolute when the site's URL is known; else relative to the feed file, which works wherever it is."""
    if site_url:
        return site_url.rstrip("/") + "/" + target
    base = posixpath.dirname(feed_path) or "."
    path, _, fragment = target.partition("#")
    rel = posixpath.relpath(path or ".", base) + ("/" if path.endswith("/") else "")
    return rel + (f"#{fragment}" if fragment else "")


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def atom(site: Site, strategy: Strategy | None, site_url: str, build_date: dt.date, site_name: str) -> bytes:
    """The feed of a strategy's updates (or the whole site's, ``strategy`` None), newest first."""
    ET.register_namespace("", ATOM)
    feed_path = urls.strategy_feed(strategy.id) if strategy else urls.SITE_FEED
    items = progress.strategy_updates(site, strategy) if strategy else progress.site_updates(site)
    page = urls.progress(strategy.id) if strategy else urls.NEWS
    newest = items[0].update.date if items else progress.newest_date(site, strategy)
    root = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "da"})
    _sub(root, "id", feed_id(strategy))
    _sub(root, "title", f"Nyt: {strategy.title}" if strategy else f"Nyt: {site_name}")
    _sub(root, "updated", timestamp(newest or build_date))
    _sub(root, "link", rel="alternate", type="text/html", href=_href(page, feed_path, site_url))
    _sub(root, "link", rel="self", type="application/atom+xml", href=_href(feed_path, feed_path, site_url))
    author = _sub(root, "author")
    _sub(author, "name", site_name)
    for item in items:
        entry = _sub(root, "entry")
        _sub(entry, "id", entry_id(item))
        _sub(entry, "title", item.update.title)
        _sub(entry, "updated", timestamp(item.update.date))
        _sub(entry, "published", timestamp(item.update.date))
        target = urls.with_fragment(urls.progress(item.strategy.id), item.anchor)
        _sub(entry, "link", rel="alternate", type="text/html", href=_href(target, feed_path, site_url))
        _sub(entry, "category", term=item.strategy.id, label=item.strategy.title)
        if item.update.text:
            _sub(entry, "content", str(prose(item.update.text)), type="html")
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
