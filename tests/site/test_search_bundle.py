"""The search bundle a build writes indexes what readers see (issue 15).

A build hands Pagefind each page's article before the theme renders the pages (macros/plugin.py,
``_index_articles``), so the bundle is written while MkDocs works. These tests run Pagefind's own command
line over the finished pages and require exactly the same index: every page, its text, its result title
and its weight. A difference means the early article and the published page have drifted apart.
"""

from __future__ import annotations

import shutil

import pytest

from macros.engine import search


@pytest.mark.parametrize("site_name", ["real_site", "one_municipality_site"])
def test_the_bundle_indexes_what_the_finished_pages_show(site_name, request, tmp_path):
    site = request.getfixturevalue(site_name)
    finished = tmp_path / "site"
    shutil.copytree(site.site_dir, finished, ignore=shutil.ignore_patterns(search.BUNDLE_DIR))
    search.index_site(finished)
    built = {page["url"]: page for page in search.indexed_pages(site.site_dir)}
    from_pages = {page["url"]: page for page in search.indexed_pages(finished)}
    assert len(built) > 10
    assert built.keys() == from_pages.keys()
    for url, page in from_pages.items():
        assert built[url] == page, url


def test_a_page_with_its_own_template_is_not_searched(real_site):
    """The short address /was forwards with its own template: no article, so not a search result."""
    urls = {page["url"] for page in search.indexed_pages(real_site.site_dir)}
    assert (real_site.site_dir / "was" / "index.html").is_file()
    assert "/was/" not in urls
    assert "/tilgaengelighedserklaering/" in urls  # the page it forwards to
