"""The built site publishes what its pages load and nothing of Material's that they do not (issue 15).

Material's JavaScript bundle, lunr search, workers, palette and source maps are dropped from the build
(macros/engine/theme_assets.py); every script, stylesheet, icon and image a page refers to must still be
there, so dropping a file a page needs fails here, not in a reader's browser.
"""

from __future__ import annotations

from fnmatch import fnmatchcase
from html.parser import HTMLParser
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from conftest import record_check
from macros.engine import theme_assets


class _Assets(HTMLParser):
    """Local files a page loads: scripts, stylesheets, icons, images."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag == "script" and attr.get("src"):
            self.found.append(attr["src"] or "")
        elif tag == "link" and {"stylesheet", "icon"} & set((attr.get("rel") or "").split()) and attr.get("href"):
            self.found.append(attr["href"] or "")
        elif tag == "img" and attr.get("src"):
            self.found.append(attr["src"] or "")


def _local_target(site_dir, page, ref: str):
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc or ref.startswith("data:"):
        return None
    if parts.path.startswith("/"):  # the 404 page's links are from the site root (site_url is "/")
        return (site_dir / unquote(parts.path.lstrip("/"))).resolve()
    base = PurePosixPath(page.relative_to(site_dir).as_posix()).parent
    return (site_dir / unquote(str(base / parts.path))).resolve()


def test_no_unused_theme_file_is_published(real_site):
    published = [p.relative_to(real_site.site_dir).as_posix() for p in real_site.site_dir.rglob("*") if p.is_file()]
    dropped = [rel for rel in published if any(fnmatchcase(rel, pattern) for pattern in theme_assets.UNUSED)]
    assert not dropped, dropped
    assert not [rel for rel in published if rel.startswith("assets/javascripts/lunr/") or rel.endswith(".map")]
    record_check("no unused Material files published (bundle, lunr, workers, palette, source maps)", 1)


def test_every_file_a_page_loads_is_published(real_site):
    missing = []
    pages = real_site.pages()
    for page in pages:
        html = page.read_text(encoding="utf-8")
        parser = _Assets()
        parser.feed(html)
        redirect = 'http-equiv="refresh"' in html  # a moved page's forwarding stub loads nothing
        assert parser.found or redirect, f"{page}: no scripts or stylesheets found; has the page structure changed?"
        for ref in parser.found:
            target = _local_target(real_site.site_dir, page, ref)
            if target is not None and not target.is_file():
                missing.append((page.relative_to(real_site.site_dir).as_posix(), ref))
    assert not missing, missing[:10]
    record_check("every script, stylesheet, icon and image a page loads is published", len(pages))
