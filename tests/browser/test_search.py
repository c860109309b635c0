"""Site search (Pagefind) on the real site in Chromium: Danish words, ae/oe/aa, titles, suggestions, keyboard, axe.

"A form of the word" is defined here as: a word in the page's indexed text (the article marked
``data-pagefind-body``, without ``[hidden]``, ``<template>`` and ``data-search-exclude`` text, as
macros/engine/search.py indexes it) that begins with the word's Danish stem, as the Snowball Danish
stemmer (which Pagefind uses) gives it: fællesskabet → fællesskab, støtter → støt, indsatsen →
indsats, ældre → ældr. So "støtter" must find pages with støtte, støttet, støtter, støttende; the
expected pages are computed from the built HTML, never listed by hand.
"""

from __future__ import annotations

import gzip
import re
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from browser.test_accessibility import AXE, axe_violations
from conftest import ROOT, record_check

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
# The query, and the Danish stem every form of it begins with (Snowball Danish, as Pagefind stems).
WORDS = {"fællesskabet": "fællesskab", "støtter": "støt", "indsatsen": "indsats", "aeldre": "ældr"}
FIRST_SEARCH_BUDGET = 200_000  # bytes gzipped, issue 15: at every site size
RESULTS = ".ks-search .md-search-result__item a"
STATUS = "#ks-search-status"
# Pages that gather many topics: the front page, Strategier, Ordliste, Vær med and the guides.
AGGREGATE = r"^/(strategier/|ordliste/|vaer-med/|hvad-kan-du-gøre/.*)?$"


class _Indexed(HTMLParser):
    """The text Pagefind indexes: inside [data-pagefind-body], outside hidden/template/excluded elements."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[bool, bool]] = []  # (in body, excluded) per open element
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        body, excluded = self.stack[-1] if self.stack else (False, False)
        hidden = tag == "template" or bool(names & {"hidden", "data-search-exclude", "data-pagefind-ignore"})
        state = (body or "data-pagefind-body" in names, excluded or hidden)
        if tag not in self.VOID:
            self.stack.append(state)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][0] and not self.stack[-1][1]:
            self.text.append(data)


def _indexed_words(page: Path) -> set[str]:
    parser = _Indexed()
    parser.feed(page.read_text(encoding="utf-8"))
    return {word.lower() for word in re.findall(r"\w+", " ".join(parser.text))}


def _url_of(site_dir: Path, page: Path) -> str:
    rel = page.relative_to(site_dir).as_posix()
    return "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


@pytest.fixture(scope="module")
def indexed(real_site) -> dict[str, set[str]]:
    """Site URL path → the words of its indexed text, for every page Pagefind indexes."""
    pages = {}
    for page in real_site.pages():
        if "data-pagefind-body" in page.read_text(encoding="utf-8"):
            pages[_url_of(real_site.site_dir, page)] = _indexed_words(page)
    assert len(pages) >= 10
    return pages


def _open_search(page, server: str, viewport_path: str = "") -> None:
    page.goto(server + viewport_path, wait_until="networkidle")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "ks-search-query"


def _search(page, query: str) -> None:
    page.fill("#ks-search-query", query)
    page.wait_for_function(
        "q => document.getElementById('ks-search-status').textContent.includes('»' + q + '«')",
        arg=query,
        timeout=15_000,
    )


def _all_results(page) -> dict[str, str]:
    """Every result (path → title), pressing "Vis flere resultater" until all are shown."""
    while page.is_visible(".ks-search-more__button"):
        before = page.locator(RESULTS).count()
        page.click(".ks-search-more__button")
        page.wait_for_function(f"n => document.querySelectorAll('{RESULTS}').length > n", arg=before)
    links = page.eval_on_selector_all(
        RESULTS, "els => els.map(a => [a.pathname, a.querySelector('.ks-search-result__title').textContent])"
    )
    return {unquote(path): title for path, title in links}


def _count(page) -> int:
    status = page.text_content(STATUS) or ""
    match = re.match(r"(\d+) resultat", status)
    return int(match.group(1)) if match else 0


@pytest.mark.parametrize("query", list(WORDS))
def test_danish_words_find_every_page_with_a_form_of_the_word(indexed, server, browser, query):
    stem = WORDS[query]
    expected = {url for url, words in indexed.items() if any(word.startswith(stem) for word in words)}
    assert expected, f"no page with with {stem}* to test {query!r}"
    page = browser.new_page(viewport=DESKTOP)
    _open_search(page, server)
    _search(page, query)
    found = _all_results(page)
    assert _count(page) == len(found)
    missing = sorted(expected - set(found))
    assert not missing, f"{query!r}: {len(found)} found, {len(expected)} pages contain {stem}*; missing {missing}"
    # Pages that gather many topics (data-pagefind-weight, overrides/main.html) do not come first.
    first = next(iter(found))
    assert not re.match(AGGREGATE, first), f"{query!r}: an aggregate page comes first: {list(found)[:5]}"
    page.close()
    record_check(f"search {query!r} finds all {len(expected)} pages with {stem}*", len(expected))


def test_ae_oe_aa_find_the_same_pages_as_ae_oe_aa_letters(server, browser):
    page = browser.new_page(viewport=DESKTOP)
    _open_search(page, server)
    found = {}
    for query in ("ældre", "aeldre", "børn", "boern"):
        _search(page, query)
        found[query] = set(_all_results(page))
    # Every page found with the letters is found with ae/oe/aa typed for them. (The other way round is not
    # searched: the site's text is written with æ/ø/å, and it would fetch a second part of the index.)
    assert found["ældre"] and found["ældre"] <= found["aeldre"], found
    assert found["børn"] and found["børn"] <= found["boern"], found
    page.close()


def test_result_titles_name_the_municipality(real_site, server, browser):
    data = yaml.safe_load((ROOT / "data" / "kommuner.yml").read_text("utf-8"))
    municipalities = [m["navn"] for m in data["kommuner"]]
    page = browser.new_page(viewport=DESKTOP)
    _open_search(page, server)
    _search(page, "indsatsen")
    results = _all_results(page)
    ids = {path.stem for path in (ROOT / "data" / "strategier").glob("*.yml")}
    # Pages of a strategy (its overview, themes, documents), not every page under /strategier/ (e.g. "Nyt").
    strategy_pages = {
        path: title
        for path, title in results.items()
        if (m := re.match(r"^/strategier/([^/]+)/", path)) and m.group(1) in ids
    }
    assert len(strategy_pages) >= 3, results
    for path, title in strategy_pages.items():
        named = [name for name in municipalities if name in title]
        assert named, f"{path}: result title {title!r} names no municipality"
        assert named[0] in real_site.html(path.strip("/") + "/"), f"{path}: {named[0]} is not this page's municipality"
        assert "Strategier for det specialiserede socialområde" not in title, title  # the site name is left out
    page.close()
    record_check("search result titles name the municipality", len(strategy_pages))


def test_a_query_without_results_suggests_something(server, browser):
    page = browser.new_page(viewport=DESKTOP)
    _open_search(page, server)
    # Pagefind forgives typos and matches word beginnings; a compound the site does not use finds nothing.
    _search(page, "hundeborger")
    assert page.locator(RESULTS).count() == 0
    assert "Ingen resultater for »hundeborger«" in page.text_content(STATUS)
    suggestion = page.locator(".ks-search-suggest__button")
    assert suggestion.is_visible()
    suggested = suggestion.text_content()
    assert suggested and suggested in "hundeborger" and suggested != "hundeborger"
    assert f"Prøv i stedet »{suggested}«" in page.text_content(STATUS)
    links = page.eval_on_selector_all(".ks-search-suggest a", "els => els.map(a => a.pathname)")
    assert links == ["/ordliste/", "/strategier/"]
    suggestion.click()
    page.wait_for_selector(RESULTS, timeout=10_000)
    assert _count(page) >= 1
    # Nothing at all to suggest: still the Ordliste and Strategier, and no empty suggestion.
    _search(page, "qqqq")
    assert page.locator(".ks-search-suggest").is_visible()
    assert not page.locator(".ks-search-suggest__try").is_visible()
    page.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_keyboard_only_search(server, browser, viewport):
    page = browser.new_page(viewport=viewport)
    page.goto(server + "om/", wait_until="networkidle")
    # Tab reaches the search (the field on wide screens, the magnifier button on phones).
    target = "#ks-search-query" if viewport is DESKTOP else ".ks-search-open"
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", target):
            break
    else:
        raise AssertionError(f"Tab never reached {target}")
    if viewport is PHONE:
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "ks-search-query"
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.type("fællesskabet")
    page.wait_for_selector(RESULTS, timeout=10_000)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    second = page.evaluate("document.activeElement.pathname")
    assert page.evaluate(f"document.activeElement === document.querySelectorAll('{RESULTS}')[1]")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "ks-search-query"
    # Escape closes and leaves focus where the search opened (the button on phones); it opens again as it
    # was, with the query and results kept.
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    assert page.evaluate("s => document.activeElement.matches(s)", target)
    if viewport is PHONE:
        page.keyboard.press("Enter")
    assert page.input_value("#ks-search-query") == "fællesskabet"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert unquote(urlsplit(page.url).path) == unquote(second)
    page.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_axe_finds_no_violations_with_the_search_open(server, browser, viewport):
    assert AXE.is_file(), "axe-core missing: run `npm ci` (make test does it)"
    page = browser.new_page(viewport=viewport)
    page.goto(server + "strategier/", wait_until="networkidle")
    if viewport is PHONE:
        page.click(".ks-search-open")
    else:
        page.click("#ks-search-query")
    _search(page, "fællesskabet")
    assert page.is_visible(RESULTS)
    assert axe_violations(page) == []
    _search(page, "hundeborger")
    assert page.is_visible(".ks-search-suggest")
    assert axe_violations(page) == []
    page.close()


def test_first_search_loads_pagefind_only_then_within_budget_from_the_own_host(real_site, server, browser):
    own = urlsplit(server).netloc
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    loaded: list[str] = []
    page.on("requestfinished", lambda request: loaded.append(request.url))
    page.goto(server, wait_until="networkidle")
    assert not [url for url in loaded if "/pagefind/" in url], loaded
    first_visit = len(loaded)
    started = time.perf_counter()
    page.keyboard.press("/")
    page.keyboard.type("fællesskabet")
    page.wait_for_selector(RESULTS, timeout=15_000)
    elapsed = time.perf_counter() - started
    page.wait_for_load_state("networkidle")
    search_files = [url for url in loaded[first_visit:] if "/pagefind/" in url or url.endswith("/search-results.js")]
    assert not [url for url in loaded[:first_visit] if url.endswith("/search-results.js")]
    assert search_files, loaded
    assert all(urlsplit(url).netloc == own for url in loaded), loaded
    assert context.cookies() == []
    sizes = {
        url: len(gzip.compress((real_site.site_dir / unquote(urlsplit(url).path).lstrip("/")).read_bytes(), 9, mtime=0))
        for url in search_files
    }
    total = sum(sizes.values())
    print(
        f"\nFirst search: {len(sizes)} files, {total} B gzipped, first results after {elapsed * 1000:.0f} ms\n"
        + "\n".join(f"  {size:>7} B  {url}" for url, size in sorted(sizes.items(), key=lambda kv: -kv[1]))
    )
    assert total <= FIRST_SEARCH_BUDGET
    record_check(
        f"first search {total} B gzipped (budget {FIRST_SEARCH_BUDGET} B), "
        f"results after {elapsed * 1000:.0f} ms, own host only, no cookies",
        1,
    )
    context.close()


def test_only_article_text_is_indexed(real_site):
    """No 404 or redirect page, no navigation, table of contents or footer, no hidden explanation text."""
    from macros.engine.search import indexed_pages

    indexed = indexed_pages(real_site.site_dir)
    urls = {unquote(d["url"]) for d in indexed}
    assert "/404.html" not in urls and len(urls) == len(indexed) >= 10
    for page in real_site.pages():
        text = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in text:
            assert _url_of(real_site.site_dir, page) not in urls
    for d in indexed:
        assert "Indholdsfortegnelse" not in d["content"] and "Spring til indhold" not in d["content"], d["url"]
        assert not d["content"].startswith("Forside"), d["url"]  # the breadcrumbs
    record_check("search index: article text only", len(indexed))
