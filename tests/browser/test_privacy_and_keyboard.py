"""Every page in a real browser: only the site's own host is contacted, no cookies, and a working skip link."""

from __future__ import annotations

from urllib.parse import urlsplit

from browser.conftest import site_urls
from conftest import record_check


def test_every_page_loads_only_from_its_own_host_and_sets_no_cookies(real_site, server, browser):
    own = urlsplit(server).netloc
    context = browser.new_context()
    foreign: list[tuple[str, str]] = []
    page = context.new_page()
    page.on(
        "request",
        lambda request: (
            foreign.append((page.url, request.url))
            if urlsplit(request.url).netloc not in (own, "") and not request.url.startswith("data:")
            else None
        ),
    )
    urls = site_urls(real_site, server)
    assert len(urls) >= 5
    for url in urls:
        response = page.goto(url, wait_until="networkidle")
        assert response is not None and response.ok, f"{url}: {response and response.status}"
    # The search (Pagefind: script, worker, WebAssembly, index fragments) loads when used: search and wait for results.
    page.goto(server, wait_until="networkidle")
    page.keyboard.press("/")
    page.keyboard.type("fællesskaber")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert foreign == [], foreign
    assert context.cookies() == [], context.cookies()
    context.close()
    record_check("no request to other hosts (page loads and a search), no cookies", len(urls))


def test_first_tab_is_a_skip_link_that_moves_focus_into_the_content(real_site, server, browser):
    page = browser.new_page()
    for url in site_urls(real_site, server):
        page.goto(url)
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => [document.activeElement.classList.contains('md-skip'), document.activeElement.textContent.trim()]"
        )
        assert focused == [True, "Gå til indholdet"], url
        page.keyboard.press("Enter")
        # The skip link's target is the page's h1 inside the content: the next Tab starts from there.
        target = page.evaluate(
            "() => { const t = document.getElementById(decodeURIComponent(location.hash.slice(1)));"
            " return t && t.tagName + ':' + !!t.closest('.md-content'); }"
        )
        assert target == "H1:true", f"skip link did not lead to the page title on {url}: {target}"
    page.close()
    record_check("first Tab is a skip link to the page title", len(site_urls(real_site, server)))
