"""The views without MkDocs: each returns its HTML with the headings it wrote, links relative to its page.

The table of contents of every generated page is made from these headings (macros/engine/toc.py), so
they must be exactly the headings a reader finds in the HTML, in the same order, with the same ids.
"""

from __future__ import annotations

import html as html_lib
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, hostile_copy
from macros import pages, shaping, urls, views
from macros.loader import load_site
from macros.model import Site
from macros.render import Rendered
from page import Page


@pytest.fixture(scope="module")
def progress_site() -> Site:
    return load_site(FIXTURES / "progress-site" / "data")


@pytest.fixture(scope="module")
def real_data() -> Site:
    return load_site(ROOT / "data")


def rendered_pages(site: Site) -> list[tuple[pages.Page, Rendered]]:
    """Every generated page of a site with its view's output, rendered at the page's own URL."""
    found = []
    for page in pages.walk(pages.site_plan(site)):
        found.append((page, page.view(site, urls.url_of(page.src), "")))
    return found


def html_headings(html: str) -> list[tuple[int, str, str]]:
    """(level, id, text) of every heading with an id, read from the HTML by a parser."""
    page = Page(f"<article>{html}</article>")
    return [
        (int(el.tag[1]), el.attrs["id"], el.text)
        for el in page.article.iter()
        if el.tag in ("h1", "h2", "h3", "h4", "h5", "h6") and "id" in el.attrs
    ]


@pytest.mark.parametrize("fixture", ["real", "progress"])
def test_every_view_reports_exactly_the_headings_its_html_has(fixture, real_data, progress_site):
    site = real_data if fixture == "real" else progress_site
    checked = 0
    for page, rendered in rendered_pages(site):
        recorded = [(h.level, h.id, html_lib.unescape(h.name)) for h in rendered.headings]
        assert recorded == html_headings(str(rendered)), page.src
        checked += len(recorded)
    assert checked > 50


def test_a_strategy_overview_lists_its_sections_in_reading_order(real_data):
    strategy = real_data.strategies[0]
    rendered = views.strategy_page(real_data, urls.strategy(strategy.id), "", strategy.id)
    ids = [h.id for h in rendered.headings if h.level == 2]
    assert ids.index("kort-fortalt") < ids.index(shaping.GUIDANCE_ANCHOR) < ids.index("indhold")


def test_links_in_a_view_are_relative_to_the_page_it_is_rendered_on(real_data):
    strategy = real_data.strategies[0]
    here = urls.strategy(strategy.id)
    for target in (href for _, href in Page(str(views.strategy_page(real_data, here, "", strategy.id))).links()):
        assert not target.startswith("/"), f"a site link must be relative to the page: {target}"


def test_the_progress_page_puts_milestones_and_measurements_in_date_order(progress_site):
    strategy = next(s for s in progress_site.strategies if s.progress and s.progress.initiatives)
    html = str(views.progress_page(progress_site, urls.progress(strategy.id), "", strategy.id))
    page = Page(f"<article>{html}</article>")
    for ol in page.article.find_all("ol", class_="ks-milestones"):
        dates = [t.attrs["datetime"] for t in ol.find_all("time")]
        assert dates == sorted(dates) and dates
    tables = page.article.find_all("table", class_="ks-chart__table")
    measured = [[t.attrs["datetime"] for t in table.find_all("time")] for table in tables]
    assert any(measured) and all(dates == sorted(dates) for dates in measured)


def test_a_title_with_markup_is_escaped_in_the_html_and_in_the_headings(tmp_path: Path):
    site = load_site(hostile_copy(tmp_path) / "data")
    for page, rendered in rendered_pages(site):
        for heading in rendered.headings:
            assert "<" not in heading.name, (page.src, heading)
        assert "<script>alert" not in str(rendered), page.src
