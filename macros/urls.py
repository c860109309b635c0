"""The site's URL scheme, in one place: every address of a page or file that follows from data.

All URLs here are site-relative with directory URLs (``strategier/x/``); a template turns one into a
link from the page it is on with ``link()`` (``pages.relative``), and asks for one with the ``url``
filter (``{{ strategy | url }}``, ``{{ theme | url(strategy) }}``), never by joining strings.

Slug rule, for every page on the site: each path segment is an id as the model validates it
(``fields.SLUG_RE``: lower-case a–z, æ, ø, å, digits and single hyphens). Generated pages take their
segments from data ids; hand-written pages in docs/ name their files the same way
(``tests/site/test_urls.py`` checks every built page).
"""

from __future__ import annotations

import posixpath
from typing import Any

from .model import Audience, Document, Participation, Strategy, Term, Theme

STRATEGIES = "strategier/"
GUIDES = "hvad-kan-du-gøre/"
GLOSSARY = "ordliste/"
PARTICIPATION = "vaer-med/"
NEWS = "strategier/nyt/"
SITE_FEED = "feed.xml"
PROGRESS_PAGE_ID = "saadan-gaar-det"  # each strategy's "Sådan går det", beside its themes


def strategy(strategy_id: str) -> str:
    return f"{STRATEGIES}{strategy_id}/"


def strategy_child(strategy_id: str, child_id: str) -> str:
    """Theme, document and progress pages live beside the strategy's overview."""
    return f"{strategy(strategy_id)}{child_id}/"


def progress(strategy_id: str) -> str:
    return strategy_child(strategy_id, PROGRESS_PAGE_ID)


def strategy_feed(strategy_id: str) -> str:
    """The strategy's Atom feed: a stable URL at the site's root, beside the site's own feed.

    At the root because Material looks for a sitemap.xml beside every <link rel="alternate"> a page has;
    the only sitemap is the site's, at the root.
    """
    return f"feed-{strategy_id}.xml"


def guide(audience_id: str) -> str:
    return f"{GUIDES}{audience_id}/"


def term(term_id: str) -> str:
    return f"{GLOSSARY}#{term_id}"


def participation(entry_id: str) -> str:
    return f"{PARTICIPATION}#{entry_id}"


def of(item: Any, parent: Strategy | None = None) -> str:
    """The URL of a model object's page (or place on a page); a theme or document needs its strategy."""
    if isinstance(item, Strategy):
        return strategy(item.id)
    if isinstance(item, Theme | Document):
        if parent is None:
            raise TypeError(f"the URL of {type(item).__name__} {item.id!r} needs its strategy")
        return strategy_child(parent.id, item.id)
    if isinstance(item, Audience):
        return guide(item.id)
    if isinstance(item, Term):
        return term(item.id)
    if isinstance(item, Participation):
        return participation(item.id)
    raise TypeError(f"no URL for {type(item).__name__}")


def with_fragment(url: str, fragment: str | None) -> str:
    return f"{url}#{fragment}" if fragment else url


# --- Source paths of generated pages (what MkDocs is given) and back ---------------------------------


def index_source(url: str) -> str:
    """The Markdown path of a section's index page: strategier/x/ -> strategier/x/index.md."""
    return f"{url}index.md"


def page_source(url: str) -> str:
    """The Markdown path of an ordinary page: strategier/x/y/ -> strategier/x/y.md."""
    return url.rstrip("/") + ".md"


def url_of(src: str) -> str:
    """The URL of a Markdown source path, with directory URLs: a/b.md -> a/b/, a/index.md -> a/."""
    stem = src[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative(target: str, here: str) -> str:
    """A link from the page at URL ``here`` to ``target`` (both site-relative, '#fragment' allowed)."""
    path, _, fragment = target.partition("#")
    if "." in posixpath.basename(path):  # a file (feed.xml, data/site.json): no directory slash
        rel = posixpath.relpath(path, here.rstrip("/") or ".")
    else:
        rel = posixpath.relpath(path or ".", here.rstrip("/") or ".")
        rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{fragment}" if fragment else "")
