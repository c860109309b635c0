"""What a first visit to the front page transfers, measured from the browser's own requests.

Budget: FIRST_VISIT_BUDGET bytes gzipped for everything the front page loads (HTML, CSS, JS, fonts, images).
Search (Pagefind, issue 15) loads nothing until the reader starts to search, so the first visit does not
grow with the site; the first search itself is measured in tests/browser/test_search.py.
"""

from __future__ import annotations

import gzip
from urllib.parse import unquote, urlsplit

from conftest import record_check

FIRST_VISIT_BUDGET = 60_000  # bytes, gzipped (issue 15); a default Material first visit is ~126 KB at 100 pages


def _file_for(real_site, url: str):
    path = unquote(urlsplit(url).path).lstrip("/")
    target = real_site.site_dir / path
    return target / "index.html" if path == "" or path.endswith("/") else target


def test_first_visit_to_the_front_page_is_within_budget_and_loads_no_search_files(real_site, server, browser):
    context = browser.new_context()
    page = context.new_page()
    loaded: list[str] = []
    page.on("requestfinished", lambda request: loaded.append(request.url))
    page.goto(server, wait_until="networkidle")
    sizes = {url: len(gzip.compress(_file_for(real_site, url).read_bytes(), 9, mtime=0)) for url in loaded}
    total = sum(sizes.values())
    report = "\n".join(f"  {size:>7} B  {url}" for url, size in sorted(sizes.items(), key=lambda item: -item[1]))
    print(
        f"\nFirst visit to the front page: {len(sizes)} files, {total} B gzipped (budget {FIRST_VISIT_BUDGET} B)\n"
        + report
    )
    assert total <= FIRST_VISIT_BUDGET, report
    record_check(f"first visit to the front page {total} B gzipped (budget {FIRST_VISIT_BUDGET} B), no search files", 1)
    assert not [url for url in loaded if "/pagefind/" in url or "search_index" in url or "/workers/" in url], report
    # Material's JavaScript bundle is not loaded (overrides/main.html); theme.js does what the site used of it.
    assert not [url for url in loaded if "/bundle." in url] and any(url.endswith("/theme.js") for url in loaded)

    # Search still works: opening it by keyboard loads Pagefind (script, WebAssembly, index), then finds results.
    page.keyboard.press("/")
    page.keyboard.type("fællesskaber")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert any(url.endswith("/pagefind/pagefind.js") for url in loaded) and any(".pf_index" in url for url in loaded)
    context.close()


def test_search_opened_by_pointer_loads_the_index(server, browser):
    page = browser.new_page(viewport={"width": 375, "height": 740})
    loaded: list[str] = []
    page.on("requestfinished", lambda request: loaded.append(request.url))
    page.goto(server, wait_until="networkidle")
    assert not [url for url in loaded if "/pagefind/" in url]
    page.click("button.md-header__button.ks-search-open")
    page.keyboard.type("forebyggelse")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert any(".pf_index" in url for url in loaded)
    page.close()
