"""Page-weight budgets on the built site: sizes are deterministic, so they are tests (timings live in bench/).

Budgets (gzip -9, the compression a web server applies):
- the HTML of any page: at most HTML_BUDGET;
- a page's HTML does not grow with the number of strategies on the site.
The total a first visit transfers is measured in a real browser: tests/browser/test_page_weight.py.
"""

from __future__ import annotations

import gzip

from bench.synthetic import add_strategies
from conftest import build_site, copy_fixture, record_check

HTML_BUDGET = 20_000  # bytes, gzipped; Material's default page embeds its whole navigation (42-343 KB raw)


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def test_every_page_html_is_within_budget(real_site):
    sizes = {p.relative_to(real_site.site_dir).as_posix(): gzipped(p.read_bytes()) for p in real_site.pages()}
    assert len(sizes) >= 20
    over = {page: size for page, size in sizes.items() if size > HTML_BUDGET}
    assert over == {}, f"pages over the {HTML_BUDGET} B gzipped budget: {over}"
    record_check(f"page HTML within {HTML_BUDGET} B gzipped (largest {max(sizes.values())} B)", len(sizes))


def _site_with(tmp_path, name: str, count: int):
    """The one-municipality fixture plus `count` four-theme strategies from the benchmark's generator.

    bench.synthetic writes them through the model with ids `strategi-<n>`, positional theme ids
    (`tredje-tema`) and no glossary terms, so the same URLs exist on sites of every size and the glossary
    does not grow. Their two municipalities sort after Testrup, so the fixture's strategy stays first in the
    navigation and its pages have the same neighbours (the previous/next links) on every size.
    """
    site = copy_fixture("one-municipality", tmp_path / name)
    municipalities = [("vester-testrup", "Vester Testrup Kommune"), ("øster-testrup", "Øster Testrup Kommune")]
    add_strategies(site / "data", count, municipalities)
    result = build_site(site / "mkdocs.yml", tmp_path / name / "out")
    assert result.returncode == 0, result.output
    return result


def test_page_html_does_not_grow_with_the_number_of_strategies(tmp_path):
    small, large = _site_with(tmp_path, "small", 2), _site_with(tmp_path, "large", 40)
    assert len(large.pages()) >= len(small.pages()) + 38 * 5  # overview and four themes per strategy
    # The same pages on both sites: a theme page, a strategy overview, an ordinary page, a guide.
    for url in (
        "strategier/testrup-voksne/første/",
        "strategier/testrup-voksne/",
        "strategier/strategi-1/tredje-tema/",
        "ordliste/",
        "tilgaengelighedserklaering/",
    ):
        few, many = small.html(url), large.html(url)
        assert len(many) == len(few), f"{url}: {len(few)} bytes with 3 strategies, {len(many)} bytes with 41"
    # The overview lists every strategy: that is its content, and it is what grows.
    assert len(large.html("strategier/")) > len(small.html("strategier/"))
