"""The hostile fixture in Chromium: no script runs on any page, from any link, or in search results."""

from __future__ import annotations

from urllib.parse import urlparse

from browser.conftest import serve, site_urls
from conftest import record_check

ALLOWED = {"http:", "https:", "mailto:", "tel:"}


def test_no_script_runs_and_nothing_leaves_the_site(browser, hostile_site):
    with serve(hostile_site.site_dir) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
        foreign: list[str] = []
        page.on(
            "request",
            lambda request: (
                foreign.append(request.url) if urlparse(request.url).hostname not in ("127.0.0.1", None) else None
            ),
        )
        urls = site_urls(hostile_site, base)
        for url in urls:
            page.goto(url, wait_until="load")
            # Where every link leads, as the browser resolves it: clicking one would go there.
            targets = page.eval_on_selector_all("a[href]", "els => els.map(a => [a.protocol, a.host, a.href])")
            bad = [href for protocol, _, href in targets if protocol not in ALLOWED]
            assert not bad, f"{url}: links a browser would run or leave by: {bad}"
            # Follow every link to a page inside the page's own content, as a reader would tap it
            # (links to files such as the open-data CSV are downloads, not pages).
            for href in page.eval_on_selector_all("article a[href]", "els => els.map(a => a.href)"):
                if urlparse(href).hostname == "127.0.0.1" and urlparse(href).path.endswith("/"):
                    page.goto(href, wait_until="load")
            page.goto(url, wait_until="load")
        # Search results show titles and text from data.
        page.goto(base, wait_until="networkidle")
        page.keyboard.press("/")
        page.keyboard.type("testrup")
        page.wait_for_selector(".md-search-result__item", timeout=10_000)
        context.close()
    assert dialogs == [], f"script ran: {dialogs}"
    assert foreign == [], f"requests to other hosts: {foreign}"
    record_check("hostile text: no script, no foreign request, safe links (Chromium)", len(urls))
